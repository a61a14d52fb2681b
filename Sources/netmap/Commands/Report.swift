import ArgumentParser
import Foundation
import Graph

struct Report: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained, offline HTML page to explore the network: drawing, search, details with citations, tables.",
        discussion: """
        The page holds the same drawing as `netmap render` (inline SVG, with pan and zoom), a search over labels, ids and \
        attributes, every tie with its source, legend and year filters, and sortable tables (centrality, brokerage by \
        country, Leiden communities, sources, validation warnings). It loads nothing from the network and runs no code \
        from the data (see docs/report.md). The same input and options give a byte-identical file.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "FILE.html"))
    var output: String

    @Option(help: ArgumentHelp("Language of the page's words and labels: nb, nn or en (en uses label_en).", valueName: "LANG"))
    var lang: String = "nb"

    @Option(name: .customLong("consortium"), help: ArgumentHelp("Add the consortium finder's proposals for PROGRAMME with LEAD (repeatable), e.g. interreg-se-no:trondelag-fk.", valueName: "PROGRAMME:LEAD"))
    var consortia: [String] = []

    @Option(help: ArgumentHelp("Graphviz layout: dot, neato, fdp, sfdp, circo, twopi (default: as `render`).", valueName: "name"))
    var layout: String?

    @Option(help: "Title of the page and the drawing (default: the network's name).")
    var title: String?

    @Option(help: ArgumentHelp("A theme file (YAML) overriding parts of the built-in theme.", valueName: "FILE.yaml"))
    var theme: String?

    @Option(name: .customLong("size-by"), help: ArgumentHelp("Scale nodes by a measure (degree, betweenness, ...).", valueName: "MEASURE"))
    var sizeBy: String?

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Colour nodes by an attribute: kind (default), country, community, ...", valueName: "ATTR"))
    var colorBy: String?

    @Option(name: .customLong("group-by"), help: ArgumentHelp("Draw one labelled box per value of a node attribute.", valueName: "ATTR"))
    var groupBy: String?

    @Option(help: ArgumentHelp("Wrap labels at this many characters per line.", valueName: "N"))
    var wrap: Int = 20

    @Option(help: ArgumentHelp("Only the nodes within --radius ties of NODE (id or label prefix).", valueName: "NODE"))
    var ego: String?

    @Option(help: ArgumentHelp("Radius of --ego, in ties.", valueName: "R"))
    var radius: Int = 1

    @Option(help: ArgumentHelp("Only the N most central nodes (by --by) and the ties among them.", valueName: "N"))
    var top: Int?

    @Option(name: .customLong("by"), help: ArgumentHelp("The measure of --top.", valueName: "MEASURE"))
    var topMeasure: String = "degree"

    @Flag(name: .customLong("hide-isolated"), help: "Leave out nodes without ties (after the other filters).")
    var hideIsolated = false

    func validate() throws {
        if !ReportText.languages.contains(lang) { throw ValidationError("--lang must be one of \(ReportText.languages.joined(separator: ", ")), not '\(lang)'") }
        if let layout, !Graphviz.layouts.contains(layout) {
            throw ValidationError("unknown layout '\(layout)'; choose one of \(Graphviz.layouts.joined(separator: ", "))")
        }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext != "html" && ext != "htm" { throw ValidationError("the report is an HTML page: name the output FILE.html, not '\(output)'") }
        if radius < 1 { throw ValidationError("--radius must be at least 1") }
        if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
        if wrap < 4 { throw ValidationError("--wrap must be 4 or more") }
        if groupBy != nil, let layout, !["dot", "fdp"].contains(layout) {
            throw ValidationError("--group-by needs --layout dot or fdp (\(layout) draws no clusters)")
        }
        for request in consortia where ConsortiumRequest(request) == nil {
            throw ValidationError("--consortium '\(request)': write PROGRAMME:LEAD, e.g. interreg-se-no:trondelag-fk")
        }
    }

    func execute() throws {
        let paths = try input.paths
        let input = try self.input.loaded()
        let loaded = input.network
        if loaded.nodes.isEmpty { throw Render.noNetwork(in: paths) }
        let filtered = try filters.filter(for: loaded).apply(to: loaded)
        let plan = DrawingPlan(ego: ego, radius: radius, top: top, topMeasure: topMeasure, hideIsolated: hideIsolated,
                               sizeBy: sizeBy, colorBy: colorBy, groupBy: groupBy)
        var request = try plan.request(for: filtered)
        let pageTitle = title ?? ReportText.defaultTitle(name: loaded.name, paths: paths, lang: lang)
        request.title = title
        request.options.labelLanguage = lang
        request.options.language = DrawingLanguage(rawValue: lang) ?? .en
        request.options.wrap = wrap
        request.options.layout = layout
        if let theme { request.options.theme = try Theme.load(yamlFile: theme) }
        var results: [ConsortiumResult] = []
        if !consortia.isEmpty {
            let catalogue = try ProgrammeSources.catalogue(input, explicit: nil)
            for request in consortia.compactMap(ConsortiumRequest.init) {
                guard let rules = catalogue.programme(request.programme) else {
                    throw GraphError.invalidArgument("--consortium: unknown programme '\(request.programme)'; known programmes: \(catalogue.programmes.map(\.id).joined(separator: ", "))")
                }
                let lead = try loaded.resolve(request.lead)
                results.append(try ConsortiumFinder.find(in: loaded, query: ConsortiumQuery(programme: rules, lead: lead.id)))
            }
        }
        let drawing = try request.draw(.svg)
        for warning in drawing.warnings { printError("warning: Graphviz: \(warning)") }
        var report = ReportBuilder(network: request.network, title: pageTitle)
        report.theme = request.options.theme
        report.lang = lang
        report.year = filters.year
        report.warnings = input.warnings
        report.consortia = results
        report.colorKey = try request.builder.colorKey()
        let svg = try SVGSanitizer.sanitize(drawing.outputs[0])
        try OutputStage.shared.write(try ReportPage.html(model: try report.model(), svg: svg), to: output)
    }
}

/// One `--consortium PROGRAMME:LEAD` request.
struct ConsortiumRequest: Equatable {
    var programme: String
    var lead: String

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        programme = parts[0]
        lead = parts[1]
    }
}
