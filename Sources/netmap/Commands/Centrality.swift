import ArgumentParser
import Foundation
import Graph

struct Centrality: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who holds the network together: centrality measures per node.",
        discussion: """
        Measures (the JSON/CSV keys), with NetworkX's default conventions:
        \(Measure.allCases.map { "  \($0.rawValue): \($0.explanation)" }.joined(separator: "\n"))
        Default: every measure except katz (which diverges on dense networks).

        The network is analysed as a simple undirected graph (one tie per pair of nodes, self-loops dropped); \
        --directed keeps direction (symmetric relations count both ways). --weighted uses the summed `weight` \
        of parallel ties as tie strength; path-based measures (betweenness, closeness, harmonic) then use \
        distance = 1/strength, so strong ties are short.
        \(HelpText.glossary)
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Measures to compute (comma-separated; see below).", valueName: "list"))
    var measures: String?

    @Flag(help: "Keep the direction of ties.")
    var directed = false

    @Flag(help: "Use summed tie weights as strength; path lengths become 1/strength.")
    var weighted = false

    @Option(help: ArgumentHelp("Only the N highest-ranked nodes.", valueName: "N"))
    var top: Int?

    @Option(help: ArgumentHelp("Rank by this measure, highest first (default: the first measure).", valueName: "measure"))
    var sort: String?

    @Option(help: ArgumentHelp("Estimate betweenness from K sampled sources (Brandes–Pich) instead of all nodes.", valueName: "K"))
    var sample: Int?

    @Option(help: "Seed for --sample.")
    var seed: UInt64 = 1

    @Option(name: .customLong("katz-alpha"), help: ArgumentHelp("Katz attenuation α; must be below 1/λmax.", valueName: "α"))
    var katzAlpha: Double = 0.1

    @Option(help: ArgumentHelp("Worker threads for path-based measures (default: all cores).", valueName: "N"))
    var threads: Int?

    @Flag(help: "Instead of nodes, list ties with their edge betweenness (from, to, betweenness).")
    var edges = false

    @Option(help: "Output format: table, csv, json or xlsx (an Excel workbook; needs -o FILE).")
    var format: TableFormat = .table

    @Option(help: CSVDialect.help)
    var csvDialect: CSVDialect = .standard

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file. Default: standard output.", valueName: "PATH"))
    var output: String?

    var measureList: [Measure] {
        get throws {
            guard let measures else { return Measure.allCases.filter { $0 != .katz && $0 != .component } }
            let list = try Measure.parseList(measures)
            if list.isEmpty { throw GraphError.invalidArgument("--measures is empty; choose from \(Measure.allCases.map(\.rawValue).joined(separator: ", "))") }
            return list
        }
    }

    func validate() throws {
        try format.check(output: output)
        do { _ = try measureList } catch let error as GraphError { throw ValidationError(error.description.replacingOccurrences(of: "error: ", with: "")) }
        if let top, top < 1 { throw ValidationError("--top must be at least 1 (got \(top))") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1 (got \(sample))") }
        if !(katzAlpha > 0) || !katzAlpha.isFinite { throw ValidationError("--katz-alpha must be a positive number (got \(katzAlpha))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
        if let sort {
            guard let measure = Measure(rawValue: sort) else {
                throw ValidationError("unknown --sort measure '\(sort)'; choose from \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if try !measureList.contains(measure) { throw ValidationError("--sort \(sort) is not among --measures") }
        }
    }

    func execute() throws {
        let loaded = try input.loadForAnalysis()
        let network = loaded.filtered(by: try filters.filter(for: loaded))
        let graph = AnalysisGraph(network, directed: directed, weighted: weighted)
        if edges {
            var ranked = graph.edgeBetweenness(threads: threads)
            ranked.sort { $0.value != $1.value ? $0.value > $1.value : ($0.from, $0.to) < ($1.from, $1.to) }
            if let top { ranked = Array(ranked.prefix(top)) }
            let rows = ranked.map { edge -> [ResultTable.Cell] in
                [.text(graph.ids[edge.from]), .text(graph.ids[edge.to]), .number(edge.value)]
            }
            let table = ResultTable(columns: ["from", "to", "betweenness"], rows: rows)
            try table.write(format, dialect: csvDialect, notes: weighted ? ["note: weighted; path lengths are 1/strength"] : [], to: output)
            return
        }
        let measures = try measureList
        var notes: [String] = []
        if graph.nodeCount == 0 {
            printError("note: no nodes to analyse (the network is empty\(filters.kinds != nil || filters.relations != nil || filters.year != nil ? " after filtering" : ""))")
        }
        var options = MeasureOptions(threads: threads, katzAlpha: katzAlpha)
        if let sample, graph.nodeCount > 0 {
            var generator = SplitMixGenerator(seed: seed)
            let sources = graph.sampleSources(sample, using: &generator)
            if sources.count < graph.nodeCount {
                options.betweennessSources = sources
                let note = "note: betweenness estimated from \(sources.count) of \(graph.nodeCount) sources (Brandes–Pich sampling, seed \(seed))"
                notes.append(note)
                if format != .table { printError(note) }
            }
        }
        var columns: [[Double]] = []
        for measure in measures {
            var step = options
            if measure.isPathBased {
                let sources = measure == .betweenness ? (options.betweennessSources?.count ?? graph.nodeCount) : graph.nodeCount
                step.progress = input.progress.counter(label: measure.rawValue, total: sources)
            }
            columns.append(try graph.values(of: measure, options: step))
        }
        let sortIndex = sort.flatMap { name in measures.firstIndex { $0.rawValue == name } } ?? 0
        var order = Array(0..<graph.nodeCount)
        if !columns.isEmpty {
            let key = columns[sortIndex]
            order.sort { a, b in
                let (x, y) = (key[a].isNaN ? -Double.infinity : key[a], key[b].isNaN ? -Double.infinity : key[b])
                return x != y ? x > y : graph.ids[a] < graph.ids[b]
            }
        }
        if let top { order = Array(order.prefix(top)) }
        let integerMeasures: Set<Measure> = [.degree, .coreNumber, .component]
        let rows: [[ResultTable.Cell]] = order.map { index in
            var row: [ResultTable.Cell] = [.text(network.ids[index]), .text(network.labels[index]), .text(network.kinds[index])]
            for (m, measure) in measures.enumerated() {
                let value = columns[m][index]
                row.append(integerMeasures.contains(measure) && value.isFinite ? .integer(Int(value)) : .number(value))
            }
            return row
        }
        let table = ResultTable(columns: ["id", "label", "kind"] + measures.map(\.rawValue), rows: rows)
        if weighted { notes.append("note: weighted; path lengths are 1/strength") }
        try table.write(format, dialect: csvDialect, notes: notes, to: output)
    }
}
