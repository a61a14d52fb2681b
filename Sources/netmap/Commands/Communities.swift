import ArgumentParser
import Foundation
import Graph

struct Communities: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which groups form? A community per node, the partition's modularity, and each community summarised.",
        discussion: """
        Louvain (Blondel et al. 2008), Leiden (Traag et al. 2019; every community connected) or asynchronous label \
        propagation, on the undirected view of the network. The same --seed gives the same result. Each community \
        is listed with its members' kinds and its most central member (most ties). The assortativity line tells \
        whether ties join nodes of the same kind / country more often than chance (1: always, 0: as by chance, \
        negative: less than chance; nodes without a country are left out of the country figure).
        \(HelpText.glossary)
        """
    )

    enum Algorithm: String, ExpressibleByArgument, CaseIterable {
        case louvain, leiden
        case labelPropagation = "label-propagation"
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "louvain, leiden or label-propagation.")
    var algorithm: Algorithm = .louvain

    @Option(help: "Resolution γ: above 1 gives more, smaller communities; below 1 fewer, larger ones.")
    var resolution: Double = 1

    @Option(help: "Seed of the random node order.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Leiden: run the algorithm N times, each from the last result (igraph's n_iterations, whose default is 2; 0: until nothing changes).", valueName: "N"))
    var iterations: Int = 4

    @Flag(help: "Use tie weights.")
    var weighted = false

    @Option(help: "Output format: table or json; csv or xlsx (an Excel workbook; needs -o FILE): one row per node.")
    var format: TableFormat = .table

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the csv, json or xlsx output to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: CSVDialect.help)
    var csvDialect: CSVDialect = .standard

    @Option(help: ArgumentHelp("List at most N members per community in the table, most ties first (0: summary only).", valueName: "N"))
    var members: Int?

    @Option(help: ArgumentHelp("Also draw the network coloured by community (.svg, .png, .pdf, .dot).", valueName: "FILE"))
    var render: String?

    @OptionGroup var drawing: DrawingArguments

    func validate() throws {
        if !(resolution > 0) || !resolution.isFinite { throw ValidationError("--resolution must be a positive number") }
        if let members, members < 0 { throw ValidationError("--members must be 0 or more") }
        if iterations < 0 { throw ValidationError("--iterations must be 0 (until nothing changes) or more (got \(iterations))") }
        try DrawingArguments.check(output: render)
        try format.check(output: output)
        if format == .table, output != nil { throw ValidationError("-o/--output needs --format csv, json or xlsx") }
    }

    func execute() throws {
        // Drawing needs the typed model; the analysis alone needs only its analysis view.
        var full: Network?
        var network: AnalysisNetwork
        if render != nil {
            let model = try input.load()
            full = try filters.filter(for: model).apply(to: model)
            network = AnalysisNetwork(full!)
        } else {
            let view = try input.loadForAnalysis()
            network = view.filtered(by: try filters.filter(for: view))
        }
        let graph = AnalysisGraph(network, weighted: weighted)
        network.dropTies()   // the graph holds them now
        var generator = SplitMixGenerator(seed: seed)
        let partition: Partition = input.progress.step(algorithm.rawValue) {
            switch algorithm {
            case .louvain: return graph.louvain(resolution: resolution, using: &generator)
            case .leiden: return graph.leiden(resolution: resolution, iterations: iterations == 0 ? nil : iterations, using: &generator)
            case .labelPropagation: return graph.labelPropagation(using: &generator)
            }
        }
        let modularity = graph.modularity(partition, resolution: resolution)
        let communityMembers = partition.members
        let degree = try graph.values(of: .degree)
        let summaries = communityMembers.enumerated().map { number, members -> (kinds: [String: Int], central: Int) in
            let kinds = members.reduce(into: [String: Int]()) { $0[network.kinds[$1], default: 0] += 1 }
            let central = members.max { degree[$0] != degree[$1] ? degree[$0] < degree[$1] : $0 > $1 } ?? members[0]
            return (kinds, central)
        }
        let byKind = graph.attributeAssortativity(network.kinds)
        let byCountry = graph.attributeAssortativity(network.countries)
        switch format {
        case .json:
            // The per-node list is written directly (one dictionary per node through JSONSerialization doubled the
            // run's time and memory on 100,000 nodes) and put where a placeholder stands in the rest.
            let placeholder = "\u{0}nodes\u{0}"
            let object: [String: Any] = [
                "algorithm": algorithm.rawValue, "resolution": resolution, "modularity": modularity, "seed": seed,
                "weighted": weighted,
                "nodes": placeholder,
                "communities": summaries.enumerated().map { number, summary -> [String: Any] in
                    ["community": number + 1, "size": communityMembers[number].count, "kinds": summary.kinds,
                     "central": network.ids[summary.central]]
                },
                "assortativity": ["kind": byKind ?? NSNull(), "country": byCountry ?? NSNull()] as [String: Any],
            ]
            var nodes = "[\n"
            for i in network.ids.indices {
                nodes += "    {\n      \"community\" : \(Int(partition.community[i]) + 1),\n"
                nodes += "      \"id\" : " + JSONLiteral.string(network.ids[i]) + ",\n"
                nodes += "      \"label\" : " + JSONLiteral.string(network.labels[i]) + "\n"
                nodes += i == network.ids.count - 1 ? "    }\n" : "    },\n"
            }
            nodes += network.ids.isEmpty ? "\n  ]" : "  ]"
            let text = try jsonText(object)
            // Searched from the end: only netmap's own keys and numbers follow the node list.
            guard let slot = text.range(of: JSONLiteral.string(placeholder), options: .backwards) else { throw GraphError.invalidArgument("internal: no place for the node list") }
            try emit(text.replacingCharacters(in: slot, with: nodes), to: output)
        case .csv, .xlsx:
            let rows = network.ids.indices.map { i -> [ResultTable.Cell] in
                [.text(network.ids[i]), .text(network.labels[i]), .text(network.kinds[i]), .integer(Int(partition.community[i]) + 1)]
            }
            try ResultTable(columns: ["id", "label", "kind", "community"], rows: rows).write(format, dialect: csvDialect, to: output)
        case .table:
            print("\(algorithm.rawValue), resolution \(formatNumber(resolution)), seed \(seed)\(weighted ? ", weighted" : ""): " +
                  "\(partition.count) communities, modularity \(String(format: "%.4f", modularity))")
            print("assortativity: kind \(byKind.map { String(format: "%.3f", $0) } ?? "n/a"), country \(byCountry.map { String(format: "%.3f", $0) } ?? "n/a")")
            for (number, members) in communityMembers.enumerated() {
                let summary = summaries[number]
                let kinds = summary.kinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                print("\ncommunity \(number + 1): \(members.count) node\(members.count == 1 ? "" : "s") (\(kinds)); " +
                      "most central: \(TerminalText.visible(network.labels[summary.central])) (\(counted(Int(degree[summary.central]), "tie")))")
                let listed = members.sorted(by: { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 })
                for member in listed.prefix(self.members ?? listed.count) {
                    print("  \(network.ids[member].padding(toLength: 32, withPad: " ", startingAt: 0)) \(network.kinds[member].padding(toLength: 12, withPad: " ", startingAt: 0)) \(TerminalText.visible(network.labels[member]))")
                }
                if let shown = self.members, shown > 0, listed.count > shown { print("  … and \(listed.count - shown) more") }
            }
        }
        if let render, let full {
            var coloured = full
            for (i, id) in graph.ids.enumerated() {
                guard var node = coloured.node(id) else { continue }
                node.attributes["community"] = "community \(partition.community[i] + 1)"
                coloured.upsert(node)
            }
            var request = RenderRequest(network: coloured, title: "\(algorithm.rawValue) communities (modularity \(String(format: "%.3f", modularity)))")
            request.colorBy = "community"
            try draw(request, with: drawing, to: render)
        }
    }
}
