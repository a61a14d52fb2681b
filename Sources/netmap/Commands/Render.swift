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

    @OptionGroup var drawing: DrawingArguments

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

    @Option(help: ArgumentHelp("Write the node positions of the layout to this JSON file.", valueName: "FILE.json"))
    var positions: String?

    @Option(name: .customLong("keep-layout"), help: ArgumentHelp("Reuse node positions from a --positions file (pinned; only new nodes are placed). Uses neato, or fdp with --group-by.", valueName: "FILE.json"))
    var keepLayout: String?

    func validate() throws {
        try DrawingArguments.check(output: output)
        if radius < 1 { throw ValidationError("--radius must be at least 1 (radius 0 would draw the ego alone)") }
        if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
        if keepLayout != nil, let layout = drawing.layout, !["neato", "fdp"].contains(layout) {
            throw ValidationError("--keep-layout needs --layout neato or fdp (\(layout) cannot pin nodes)")
        }
        if groupBy != nil, let layout = drawing.layout, !["dot", "fdp"].contains(layout) {
            throw ValidationError("--group-by needs --layout dot or fdp (\(layout) draws no clusters)")
        }
    }

    /// Why inputs without a node give nothing to draw, naming them: a programme rules file (`data/programmes.yaml`)
    /// is not a network; `otherwise` says what is empty when no input is one (`diff --render`: both editions).
    static func noNetwork(in paths: [String], otherwise: String = "the input has no nodes") -> GraphError {
        let rules = paths.filter { path in (try? ProgrammeCatalogue.load(path)).map { !$0.programmes.isEmpty } ?? false }
        if !rules.isEmpty {
            return .file(path: rules.joined(separator: ", "),
                         reason: "nothing to draw: \(rules.count == 1 ? "this file holds" : "these files hold") programme rules (read by netmap consortium), no network")
        }
        return .file(path: paths.joined(separator: ", "), reason: "nothing to draw: \(otherwise)")
    }

    /// `--check strict`: the word after `--check` is read as an input by the parser; it is the check's mode
    /// unless a file or folder of that name exists.
    var strict: Bool { drawing.check && input.inputs.contains("strict") && !FileManager.default.fileExists(atPath: "strict") }

    func execute() throws {
        var input = self.input
        if strict { input.inputs.removeAll { $0 == "strict" } }
        let loaded = try input.load()
        if loaded.nodes.isEmpty { throw Render.noNetwork(in: try input.paths) }
        let filter = try filters.filter(for: loaded)
        let filtered = filter.apply(to: loaded)
        let plan = DrawingPlan(ego: ego, radius: radius, top: top, topMeasure: topMeasure, hideIsolated: hideIsolated,
                               sizeBy: sizeBy, colorBy: colorBy, groupBy: groupBy)
        var request = try plan.request(for: filtered)
        request.title = title
        if sourcesNote { request.footnote = DrawingPlan.sourcesNote(request.network, language: drawing.lang) }
        if let keepLayout { request.keptPositions = try PositionsFile.read(keepLayout) }
        let drawn = try draw(request, with: drawing, theme: try theme.map(Theme.load(yamlFile:)), to: output, layOut: positions != nil)
        if let positions, let drawn { try OutputStage.shared.write(PositionsFile.text(drawn.positions), to: positions) }
        if let legibility = drawn?.legibility {
            if strict && (legibility.tiesAcross > 0 || !legibility.labelOverlaps.isEmpty) { throw ExitCode(1) }
        }
    }
}
