import ArgumentParser
import Foundation
import Graph

struct PathCommand: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How are two actors connected? Shortest path(s) hop by hop, with each tie's relation and citation.",
        discussion: """
        FROM and TO are node ids or unambiguous label prefixes, case- and accent-insensitive ("trondelag" finds \
        Trøndelag fylkeskommune); an ambiguous name lists the candidates. Ties are followed in either direction; \
        each hop shows the tie's own direction (A —member_of→ B, A ←manages— B, A —partner_of— B).
        --all lists every shortest path; --all with --max-length N lists every simple path of at most N ties; \
        --max-length alone only accepts a shortest path of at most N ties. --weighted reads tie weights as lengths \
        (NetworkX's convention). Exit status 1 when there is no path.
        \(HelpText.names)
        \(HelpText.glossary)
        """
    )

    @Argument(help: ArgumentHelp("Network files or folders (default: data/), then FROM and TO.", valueName: "INPUT... FROM TO"))
    var words: [String]

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var filters: FilterOptions

    @Flag(help: "All shortest paths (with --max-length: all simple paths up to that many ties).")
    var all = false

    @Option(help: ArgumentHelp("At most this many ties per path.", valueName: "N"))
    var maxLength: Int?

    @Option(help: ArgumentHelp("Nodes the path must not pass through (ids or names, comma-separated).", valueName: "ID,..."))
    var avoid: String?

    @Flag(help: "Use tie weights as lengths.")
    var weighted = false

    @Option(help: ArgumentHelp("List at most this many paths.", valueName: "N"))
    var limit: Int = 100

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Also draw the paths, path ties highlighted (.svg, .png, .pdf, .dot).", valueName: "FILE"))
    var render: String?

    @OptionGroup var drawing: DrawingArguments

    func validate() throws {
        if words.count < 2 { throw ValidationError("give FROM and TO (after any INPUT)") }
        try checkNodeNames(words.suffix(2), role: "FROM and TO")
        if let maxLength, maxLength < 1 { throw ValidationError("--max-length must be at least 1") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        try DrawingArguments.check(output: render)
    }

    func execute() throws {
        let network = try reading.load(Array(words.dropLast(2))).network
        let filter = try filters.filter(for: network)
        let from = try resolveName(words[words.count - 2], in: network, role: "FROM and TO")
        let to = try resolveName(words[words.count - 1], in: network, role: "FROM and TO")
        if from.id == to.id { throw GraphError.invalidArgument("FROM and TO are the same node: \(from.id)") }
        let avoided = try Set((avoid.map(splitList) ?? []).map { try network.resolve($0).id })
        let mode: PathQuery.Mode = all ? (maxLength.map { .allSimple(maxLength: $0) } ?? .allShortest) : .shortest
        let query = PathQuery(mode: mode, maxLength: maxLength, avoid: avoided, weighted: weighted, filter: filter, limit: limit + 1)
        var paths = try network.paths(from: from.id, to: to.id, query: query)
        // One path more than --limit was asked for, to tell a complete list from a cut one.
        let cut = paths.count > limit
        if cut { paths.removeLast(paths.count - limit) }
        let cutNote = "note: only the first \(counted(limit, "path")) listed; there are more (--limit N lists more)"
        guard !paths.isEmpty else {
            var reasons: [String] = []
            if let maxLength { reasons.append("of at most \(counted(maxLength, "tie"))") }
            if !avoided.isEmpty { reasons.append("avoiding \(avoided.sorted().joined(separator: ", "))") }
            throw GraphError.invalidArgument("no path between \(from.label) and \(to.label)" + (reasons.isEmpty ? "" : " " + reasons.joined(separator: ", ")))
        }
        switch format {
        case .json:
            let object: [String: Any] = [
                "from": from.id, "to": to.id,
                "paths": paths.map { path -> [[String: Any]] in
                    var items: [[String: Any]] = [nodeObject(network, path.nodes[0])]
                    for (hop, next) in zip(path.hops, path.nodes.dropFirst()) {
                        let edge = network.edges[hop.edge]
                        items.append(["relation": edge.relation, "cite": edge.citations.isEmpty ? NSNull() : network.citationText(edge),
                                      "direction": hop.direction.rawValue])
                        items.append(nodeObject(network, next))
                    }
                    return items
                },
            ]
            print(try jsonText(object), terminator: "")
            if cut { printError(cutNote) }
        case .table:
            let plural = paths.count == 1 ? "" : "s"
            let kind = all && maxLength != nil ? "path\(plural) of at most \(counted(maxLength ?? 0, "tie"))" : "shortest path\(plural)"
            print("\(TerminalText.visible(from.label)) → \(TerminalText.visible(to.label)): \(paths.count) \(kind)")
            for (number, path) in paths.enumerated() {
                let length = weighted ? "length \(formatNumber(path.length))" : "\(path.hops.count) tie\(path.hops.count == 1 ? "" : "s")"
                print("\n\(paths.count > 1 ? "path \(number + 1), " : "")\(length)")
                for (i, hop) in path.hops.enumerated() {
                    let edge = network.edges[hop.edge]
                    let a = TerminalText.visible(network.node(path.nodes[i])?.label ?? path.nodes[i])
                    let b = TerminalText.visible(network.node(path.nodes[i + 1])?.label ?? path.nodes[i + 1])
                    print("  \(a) \(network.arrow(hop)) \(b)  \(citeText(network, edge))")
                }
            }
            if cut { print("\n" + cutNote) }
        }
        if let render {
            let nodes = Set(paths.flatMap(\.nodes))
            let hops = Set(paths.flatMap { $0.hops.map(\.edge) })
            let request = RenderRequest(part: network, nodes: nodes, markedTies: hops, title: "\(from.label) → \(to.label)")
            try draw(request, with: drawing, to: render)
        }
    }
}

/// Resolves a node name from the command line (the rule: `Network.resolve`); a name that is really a file or
/// folder means the node names were left out.
func resolveName(_ name: String, in network: Network, role: String) throws -> Node {
    do {
        return try network.resolve(name)
    } catch GraphError.unknownNode(let unknown, let candidates) {
        if FileManager.default.fileExists(atPath: name) {
            throw GraphError.invalidArgument("'\(name)' is a file or folder, not a node: give \(role) after the INPUTs")
        }
        throw GraphError.unknownNode(unknown, candidates: candidates)
    }
}

/// A command line whose node names are really files or folders left out the names (`path data midsec`): a
/// usage error (exit status 64), as a missing argument is.
func checkNodeNames(_ names: ArraySlice<String>, role: String) throws {
    if let file = names.first(where: { FileManager.default.fileExists(atPath: $0) }) {
        throw ValidationError("'\(file)' is a file or folder, not a node: give \(role) after the INPUTs")
    }
}

func nodeObject(_ network: Network, _ id: String) -> [String: Any] {
    ["id": id, "label": network.node(id)?.label ?? id]
}

/// `[source, page; ...]`, or `[uncited]`.
func citeText(_ network: Network, _ edge: Edge) -> String {
    edge.citations.isEmpty ? "[uncited]" : "[\(network.citationText(edge))]"
}
