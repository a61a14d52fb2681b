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
        pajek: a Pajek .net file. Without --format, the format follows the extension of -o \
        (.json, .graphml, .gexf, .net, .dot/.gv, .csv = edgelist). See docs/formats.md for what each carries.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, dot, graphml, gexf, pajek, edgelist

        init?(outputPath: String) {
            switch URL(fileURLWithPath: outputPath).pathExtension.lowercased() {
            case "json": self = .json
            case "dot", "gv": self = .dot
            case "graphml": self = .graphml
            case "gexf": self = .gexf
            case "net", "paj": self = .pajek
            case "csv": self = .edgelist
            default: return nil
            }
        }
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.customLong("format"), .customLong("to")],
            help: "Output format: json, csv, dot, graphml, gexf, pajek or edgelist. Default: from the extension of -o, else json.")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (a folder for csv). Default: standard output.", valueName: "PATH"))
    var output: String?

    @Flag(help: "gexf: leave out viz:position (no Graphviz layout).")
    var noLayout = false

    var effectiveFormat: Format {
        format ?? output.flatMap(Format.init(outputPath:)) ?? .json
    }

    func execute() throws {
        let loaded = try input.load()
        let network = try filters.filter(for: loaded).apply(to: loaded)
        switch effectiveFormat {
        case .json:
            try emit(String(decoding: try NodeLinkFormat.write(network), as: UTF8.self), to: output)
        case .csv:
            if let output {
                try CSVFormat.writePair(network, to: output)
            } else {
                print(CSVFormat.nodesTable(network))
                print(CSVFormat.edgesTable(network), terminator: "")
            }
        case .edgelist:
            try emit(CSVFormat.edgeListTable(network), to: output)
        case .dot:
            try emit(DOTBuilder(network: network).build(), to: output)
        case .graphml:
            try emit(GraphMLFormat.write(network), to: output)
        case .gexf:
            try emit(GEXFFormat.write(network, colors: Self.kindColors(network), positions: noLayout ? [:] : try Self.positions(network)), to: output)
        case .pajek:
            try emit(PajekFormat.write(network), to: output)
        }
    }

    /// The fill colour of every kind in the network, from the render theme.
    static func kindColors(_ network: Network) -> [String: String] {
        var colors: [String: String] = [:]
        for kind in Set(network.nodes.map(\.kind)) {
            colors[kind] = Theme.style(forKind: kind, declared: network.kinds[kind]).fill
        }
        return colors
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
