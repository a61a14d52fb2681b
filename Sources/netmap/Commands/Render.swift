import ArgumentParser
import Foundation
import Graph

struct Render: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a network with Graphviz (SVG, PNG, PDF or DOT by the output's extension).",
        discussion: """
        Lays out through the Graphviz C library in-process. Nodes are shaped and coloured by kind (or --color-by), \
        ties styled by relation, with a legend (the SVG cluster 'cluster_legend') beside the drawing. The same input \
        and options give byte-identical output. See docs/diagrams.md.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file: .svg, .png, .pdf or .dot.", valueName: "FILE"))
    var output: String

    @Option(help: ArgumentHelp("Graphviz layout: dot, neato, fdp, sfdp, circo, twopi. Default: the one of dot/neato (small), neato/sfdp (medium), sfdp (large) that fits the page best; dot with --group-by.", valueName: "name"))
    var layout: String?

    @Option(help: "Title drawn above the network.")
    var title: String?

    @Flag(name: .customLong("sources-note"), help: "Add a footnote listing the sources cited by the drawn ties.")
    var sourcesNote = false

    @Option(help: ArgumentHelp("A theme file (YAML) overriding parts of the built-in theme.", valueName: "FILE.yaml"))
    var theme: String?

    @Option(name: .customLong("size-by"), help: ArgumentHelp("Scale nodes by a measure of `netmap centrality` (degree, strength, betweenness, ...).", valueName: "MEASURE"))
    var sizeBy: String?

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Colour nodes by an attribute: kind (default), country, community, or any node attribute.", valueName: "ATTR"))
    var colorBy: String?

    @Option(name: .customLong("group-by"), help: ArgumentHelp("Draw one labelled box per value of a node attribute (country, kind, ...).", valueName: "ATTR"))
    var groupBy: String?

    @Option(name: .customLong("label-lang"), help: ArgumentHelp("Label language: 'en' uses label_en where present.", valueName: "LANG"))
    var labelLang: String?

    @Option(help: ArgumentHelp("Wrap labels at word boundaries to this many characters per line.", valueName: "N"))
    var wrap: Int = 20

    @Option(help: ArgumentHelp("Draw only the nodes within --radius ties of NODE (id or label prefix).", valueName: "NODE"))
    var ego: String?

    @Option(help: ArgumentHelp("Radius of --ego, in ties.", valueName: "R"))
    var radius: Int = 1

    @Option(help: ArgumentHelp("Draw only the N most central nodes (by --by) and the ties among them.", valueName: "N"))
    var top: Int?

    @Option(name: .customLong("by"), help: ArgumentHelp("The measure of --top.", valueName: "MEASURE"))
    var topMeasure: String = "degree"

    @Flag(name: .customLong("hide-isolated"), help: "Leave out nodes without ties (after the other filters).")
    var hideIsolated = false

    @Flag(name: .customLong("no-legend"), help: "Draw no legend.")
    var noLegend = false

    @Option(help: ArgumentHelp("Resolution of PNG output in dots per inch (default: 150).", valueName: "DPI"))
    var dpi: Double?

    @Option(help: ArgumentHelp("Fit the drawing to a page: a4, a4-landscape, a3, a3-landscape, or WIDTHxHEIGHT (mm, or with cm/in/pt).", valueName: "PAGE"))
    var page: String?

    @Option(help: ArgumentHelp("Write the node positions of the layout to this JSON file.", valueName: "FILE.json"))
    var positions: String?

    @Option(name: .customLong("keep-layout"), help: ArgumentHelp("Reuse node positions from a --positions file (pinned; only new nodes are placed). Uses neato, or fdp with --group-by.", valueName: "FILE.json"))
    var keepLayout: String?

    func validate() throws {
        if let layout, !Graphviz.layouts.contains(layout) {
            throw ValidationError("unknown layout '\(layout)'; choose one of \(Graphviz.layouts.joined(separator: ", "))")
        }
        if Render.format(of: output) == nil {
            throw ValidationError("cannot tell the format of '\(output)': use .svg, .png, .pdf or .dot")
        }
        if radius < 1 { throw ValidationError("--radius must be at least 1 (radius 0 would draw the ego alone)") }
        if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
        if wrap < 4 { throw ValidationError("--wrap must be 4 or more") }
        if let dpi, !(dpi >= 10 && dpi <= 1200) { throw ValidationError("--dpi must be from 10 to 1200") }
        if keepLayout != nil, let layout, !["neato", "fdp"].contains(layout) {
            throw ValidationError("--keep-layout needs --layout neato or fdp (\(layout) cannot pin nodes)")
        }
        if groupBy != nil, let layout, !["dot", "fdp"].contains(layout) {
            throw ValidationError("--group-by needs --layout dot or fdp (\(layout) draws no clusters)")
        }
    }

    /// Why inputs without a node give nothing to draw, naming them: a programme rules file (`data/programmes.yaml`)
    /// is not a network.
    static func noNetwork(in paths: [String]) -> GraphError {
        let rules = paths.filter { path in (try? ProgrammeCatalogue.load(path)).map { !$0.programmes.isEmpty } ?? false }
        if !rules.isEmpty {
            return .invalidArgument("nothing to draw: \(rules.joined(separator: ", ")) \(rules.count == 1 ? "holds" : "hold") programme rules (read by netmap consortium), no network")
        }
        return .invalidArgument("nothing to draw: \(paths.joined(separator: ", ")) \(paths.count == 1 ? "holds" : "hold") no nodes")
    }

    static func format(of path: String) -> String? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": return "svg"
        case "png": return "png:cairo"
        case "pdf": return "pdf:cairo"
        case "dot", "gv": return "dot"
        default: return nil
        }
    }

    func execute() throws {
        let loaded = try input.load()
        if loaded.nodes.isEmpty { throw Render.noNetwork(in: try input.paths) }
        let filter = try filters.filter(for: loaded)
        let filtered = filter.apply(to: loaded)
        let plan = DrawingPlan(ego: ego, radius: radius, top: top, topMeasure: topMeasure, hideIsolated: hideIsolated,
                               sizeBy: sizeBy, colorBy: colorBy, groupBy: groupBy)
        var builder = try plan.builder(for: filtered)
        builder.title = title
        builder.labelLanguage = labelLang
        if let labelLang, !builder.network.nodes.contains(where: { $0.attributes["label_\(labelLang)"]?.isEmpty == false }) {
            printError("warning: no drawn node has a 'label_\(labelLang)'; every node keeps its 'label'")
        }
        builder.wrapWidth = wrap
        builder.showLegend = !noLegend
        if let theme { builder.theme = try Theme.load(yamlFile: theme) }
        if sourcesNote { builder.footnote = DrawingPlan.sourcesNote(builder.network) }
        if let keepLayout {
            let previous = try PositionsFile.read(keepLayout)
            builder.pinned = previous.filter { builder.network.node($0.key) != nil }
        }
        let format = Render.format(of: output) ?? "svg"
        let pageSize = try page.map(Page.parse)
        let choices = Renderer.candidates(nodeCount: builder.network.nodes.count, edgeCount: builder.network.edges.count, grouped: groupBy != nil,
                                          requested: layout, pinned: keepLayout != nil)
        if format == "dot" && positions == nil {
            builder.layout = choices[0].engine
            builder.rankdir = choices[0].rankdir
            try AtomicFile.write(builder.build(), to: output)
            return
        }
        let drawing = try Renderer.draw(builder, choices: choices, page: pageSize, formats: [format == "dot" ? "svg" : format],
                                        dpi: format == "png:cairo" ? (dpi ?? 150) : dpi)
        for warning in drawing.warnings { printError("warning: Graphviz: \(warning)") }
        if let pageSize, drawing.quality.effectiveFont < 8 {
            printError("warning: on the page (\(DOT.number(pageSize.width)) × \(DOT.number(pageSize.height)) pt) the smallest text is \(DOT.number(drawing.quality.effectiveFont)) pt, below 8 pt; draw fewer nodes (--top, --kinds, --ego) or use a larger page")
        }
        if format == "dot" {
            var first = builder
            first.layout = drawing.layout.engine
            first.rankdir = drawing.layout.rankdir
            try AtomicFile.write(first.build(), to: output)
        } else {
            try AtomicFile.write(PDFDates.fixed(drawing.outputs[0], format: format), to: output)
        }
        if let positions { try AtomicFile.write(PositionsFile.text(drawing.positions), to: positions) }
    }
}

/// What to draw: the choices of `netmap render` turned into a `DOTBuilder`, using the shared filters, the
/// ego network and the measures of the `Graph` library.
struct DrawingPlan {
    var ego: String?
    var radius = 1
    var top: Int?
    var topMeasure = "degree"
    var hideIsolated = false
    var sizeBy: String?
    var colorBy: String?
    var groupBy: String?

    /// A builder for `network` (already filtered by kinds, relations and year).
    func builder(for network: Network) throws -> DOTBuilder {
        var drawn = network
        var emphasized: Set<String> = []
        if let ego {
            let center = try network.resolve(ego)
            drawn = network.egoNetwork(of: center.id, radius: radius).network
            emphasized = [center.id]
        }
        if let top {
            let measure = try DrawingPlan.measure(topMeasure)
            let graph = AnalysisGraph(drawn)
            let values = try graph.values(of: measure)
            let ranked = graph.ids.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : graph.ids[$0] < graph.ids[$1] }
            let kept = Set(ranked.prefix(top).map { graph.ids[$0] })
            drawn.removeNodes { !kept.contains($0.id) }
        }
        if hideIsolated {
            var touched = Set<String>()
            for edge in drawn.edges { touched.insert(edge.from); touched.insert(edge.to) }
            drawn.removeNodes { !touched.contains($0.id) }
        }
        if drawn.nodes.isEmpty { throw GraphError.invalidArgument("nothing to draw: the filters leave no node") }
        var builder = DOTBuilder(network: drawn, title: nil)
        builder.emphasized = emphasized
        if let sizeBy {
            let measure = try DrawingPlan.measure(sizeBy)
            let graph = AnalysisGraph(network)
            let values = try graph.values(of: measure)
            builder.sizing = NodeSizing(measure: measure.rawValue, values: Dictionary(uniqueKeysWithValues: zip(graph.ids, values)))
        }
        if [colorBy, groupBy].contains("community"), !drawn.nodes.contains(where: { $0.attributes["community"] != nil }) {
            drawn = DrawingPlan.withCommunities(drawn, detectedIn: network)
            builder.network = drawn
        }
        for attribute in [colorBy, groupBy].compactMap({ $0 }) {
            try DrawingPlan.check(attribute: attribute, in: drawn)
        }
        builder.colorBy = colorBy
        builder.groupBy = groupBy
        return builder
    }

    static func measure(_ name: String) throws -> Measure {
        guard let measure = Measure(rawValue: name) else {
            throw GraphError.invalidArgument("unknown measure '\(name)'; choose from \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return measure
    }

    /// The drawn nodes with a `community` attribute: the Louvain communities of the whole (filtered) network,
    /// numbered and seeded as `netmap communities` does by default, so the legend matches its output.
    static func withCommunities(_ drawn: Network, detectedIn network: Network) -> Network {
        let graph = AnalysisGraph(network)
        var generator = SplitMixGenerator(seed: 42)
        let partition = graph.louvain(using: &generator)
        var result = drawn
        for (index, id) in graph.ids.enumerated() {
            guard var node = result.node(id) else { continue }
            node.attributes["community"] = "community \(partition.community[index] + 1)"
            result.upsert(node)
        }
        return result
    }

    /// An attribute is usable when some drawn node has it (`kind`, `id`, `label` and `tags` always are).
    static func check(attribute: String, in network: Network) throws {
        if ["kind", "id", "label", "tags"].contains(attribute) { return }
        if network.nodes.contains(where: { DOTBuilder.value(of: attribute, in: $0) != nil }) { return }
        let known = Set(network.nodes.flatMap(\.attributes.keys)).union(["kind"]).sorted()
        throw GraphError.invalidArgument("no drawn node has the attribute '\(attribute)'; attributes present: \(known.joined(separator: ", "))")
    }

    /// "Sources: id — title (publisher, year); ..." for the sources cited by the network's ties, sorted by id.
    static func sourcesNote(_ network: Network) -> String? {
        let cited = Set(network.edges.flatMap { $0.citations.map(\.source) }).sorted()
        guard !cited.isEmpty else { return nil }
        let items = cited.map { id -> String in
            guard let source = network.sources[id] else { return id }
            let details = [source.publisher, source.year.map(String.init)].compactMap { $0 }
            return "\(id): \(source.title)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        }
        return "Sources: " + items.joined(separator: "; ")
    }
}

/// Cairo stamps PDFs with the time of drawing; netmap replaces the stamp with a fixed one of the same length
/// so the byte offsets stay valid and the output is byte-identical from run to run.
enum PDFDates {
    static func fixed(_ data: Data, format: String) -> Data {
        guard format.hasPrefix("pdf") else { return data }
        var bytes = [UInt8](data)
        let pattern = Array("20000101000000000000".utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"].map({ Array($0.utf8) }) {
            var index = 0
            while index + key.count < bytes.count {
                if bytes[index] == key[0], Array(bytes[index..<index + key.count]) == key {
                    var position = index + key.count, digit = 0
                    while position < bytes.count, bytes[position] != UInt8(ascii: ")") {
                        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                            bytes[position] = pattern[min(digit, pattern.count - 1)]
                            digit += 1
                        }
                        position += 1
                    }
                    index = position
                }
                index += 1
            }
        }
        return Data(bytes)
    }
}
