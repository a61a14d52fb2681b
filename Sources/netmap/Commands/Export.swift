import ArgumentParser
import Foundation
import Graph

struct Export: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a network in another format.",
        discussion: """
        json: NetworkX node-link data (read it with networkx.node_link_graph). csv: nodes.csv and edges.csv \
        into the folder given with -o. edgelist: one CSV of ties with from_/to_ node columns. dot: the \
        Graphviz text the renderer lays out. graphml: GraphML with typed keys (NetworkX, Gephi, yEd, \
        Cytoscape). gexf: GEXF 1.3 for Gephi, coloured by kind, laid out, with a timeline from since/until. \
        pajek: a Pajek .net file. yaml: netmap's own network file. xlsx: an Excel workbook with sheets nodes \
        and edges (columns as the CSV pair). kumu: an Excel workbook for Kumu's import (sheets Elements: ID, Label, \
        Type = kind, ...; Connections: From, To, Type = relation, Direction, Strength = weight, ...). Without --format, the format follows the \
        extension of -o (.yaml, .json, .graphml, .gexf, .net, .dot/.gv, .csv = edgelist); an extension netmap \
        cannot write (.gml, .svg, ...) is refused. See docs/formats.md for what each carries.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.customLong("format"), .customLong("to")],
            help: ArgumentHelp("Output format: \(FileFormat.writingNames.joined(separator: ", ")). Default: from the extension of -o, else json.", valueName: "format"))
    var format: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (a folder for csv). Default: standard output.", valueName: "PATH"))
    var output: String?

    @Flag(help: "gexf: leave out viz:position (no Graphviz layout).")
    var noLayout = false

    @Option(help: CSVDialect.help)
    var csvDialect: CSVDialect = .standard

    func validate() throws { _ = try effectiveFormat() }

    /// The format to write: `--format`, else the extension of `-o`, else JSON. An extension netmap does not
    /// write is refused rather than silently written as JSON.
    func effectiveFormat() throws -> FileFormat {
        if let format {
            guard let chosen = FileFormat(outputName: format) else {
                throw ValidationError("unknown --format '\(format)'; choose one of \(FileFormat.writingNames.joined(separator: ", "))")
            }
            return chosen
        }
        guard let output else { return .nodeLinkJSON }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext.isEmpty { return .nodeLinkJSON }
        if let chosen = FileFormat(outputPath: output) { return chosen }
        let hint: String
        switch ext {
        case "svg", "png", "pdf": hint = "to draw the network, use: netmap render -o \(output)"
        case "gml": hint = "netmap reads GML but does not write it; for NetworkX or igraph write .graphml"
        default: hint = "give --format, or an output ending in .\(FileFormat.writableExtensions.joined(separator: ", ."))"
        }
        throw ValidationError("export cannot write '.\(ext)' files: \(hint)")
    }

    func execute() throws {
        NetmapFormats.register()
        let loaded = try input.load()
        let network = try filters.filter(for: loaded).apply(to: loaded)
        let format = try effectiveFormat()
        switch format {
        case .csvFolder:
            if let output {
                try CSVFormat.writePair(network, to: output, dialect: csvDialect)
            } else {
                StandardOutput.write(try format.write(network, options: FileFormat.WriteOptions(csvDialect: csvDialect)))
            }
        case .csvEdges:
            try emit(try format.write(network, options: FileFormat.WriteOptions(csvDialect: csvDialect)), to: output)
        case .gexf:
            let options = FileFormat.WriteOptions(kindColors: Self.kindColors(network), positions: noLayout ? [:] : try Self.positions(network))
            try emit(try format.write(network, options: options), to: output)
        default:
            try emit(try format.write(network), to: output)
        }
        let isWorkbook = format == .xlsx || format == .kumu
        if format == .csvEdges || isWorkbook, let loss = Self.tableLoss(network, keepsIsolated: isWorkbook) {
            printError("note: \(output ?? "the \(isWorkbook ? "workbook" : "edge list")") \(loss); --format csv -o FOLDER or -o FILE.yaml keeps everything")
        }
    }

    /// What an edge list or a workbook cannot carry of this network, or nil when it carries all of it.
    static func tableLoss(_ network: Network, keepsIsolated: Bool) -> String? {
        var touched = Set<String>()
        for edge in network.edges { touched.insert(edge.from); touched.insert(edge.to) }
        let isolated = network.nodes.filter { !touched.contains($0.id) }.count
        let titled = network.sources.values.filter { $0.title != $0.id }.count
        let declared = network.relations.values.filter { !$0.isBuiltIn && ($0.symmetric || $0.label != $0.id.replacingOccurrences(of: "_", with: " ")) }.count
        var lost: [String] = []
        if isolated > 0, !keepsIsolated { lost.append("\(isolated) isolated node\(isolated == 1 ? "" : "s")") }
        if titled > 0 { lost.append("the titles of \(titled) source\(titled == 1 ? "" : "s") (read back, a source's title is its id)") }
        if declared > 0 { lost.append("\(declared) relation declaration\(declared == 1 ? "" : "s") (labels, symmetry)") }
        return lost.isEmpty ? nil : "does not carry " + lost.joined(separator: ", ")
    }

    /// The fill colour of every kind in the network, from the render theme.
    static func kindColors(_ network: Network) -> [String: String] {
        Theme.standard.nodeStyles(for: network).mapValues(\.fill)
    }

    /// Node positions from a Graphviz force-directed layout (fdp, or sfdp above 1000 nodes; fixed seed).
    static func positions(_ network: Network) throws -> [String: GEXFFormat.Position] {
        guard !network.nodes.isEmpty else { return [:] }
        var lines = ["graph layout {", "  graph [start=1, overlap=false];"]
        for node in network.nodes { lines.append("  \(DOT.quote(node.id));") }
        for edge in network.edges { lines.append("  \(DOT.quote(edge.from)) -- \(DOT.quote(edge.to));") }
        lines.append("}")
        let engine = network.nodes.count > 1000 ? "sfdp" : "fdp"
        let data = try Graphviz.render(dot: lines.joined(separator: "\n"), layout: engine, format: "json")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let objects = object["objects"] as? [[String: Any]] else { return [:] }
        var result: [String: GEXFFormat.Position] = [:]
        for entry in objects {
            guard let name = entry["name"] as? String, let pos = entry["pos"] as? String else { continue }
            let parts = pos.split(separator: ",").compactMap { Double($0) }
            if parts.count == 2 { result[name] = GEXFFormat.Position(x: parts[0], y: parts[1]) }
        }
        return result
    }
}
