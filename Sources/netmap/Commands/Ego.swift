import ArgumentParser
import Foundation
import Graph

struct Ego: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Everything around one actor: the nodes within --radius ties (by distance) and the ties among them.",
        discussion: """
        NODE is an id or an unambiguous label prefix. Ties count in either direction. --kinds/--relations/--at \
        restrict what the neighbourhood is searched through; NODE itself is always kept.
        \(HelpText.names)
        \(HelpText.glossary)
        """
    )

    @Argument(help: ArgumentHelp("Network files or folders (default: data/), then NODE.", valueName: "INPUT... NODE"))
    var words: [String]

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("How many ties away to look (at least 1).", valueName: "N"))
    var radius: Int = 2

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Also draw the ego network, NODE emphasised (.svg, .png, .pdf, .dot).", valueName: "FILE"))
    var render: String?

    @OptionGroup var drawing: DrawingArguments

    func validate() throws {
        if words.isEmpty { throw ValidationError("give NODE (after any INPUT)") }
        try checkNodeNames(words.suffix(1), role: "NODE")
        try DrawingArguments.check(output: render)
    }

    func execute() throws {
        if radius < 1 {
            throw GraphError.invalidArgument("--radius must be at least 1 (radius \(radius) would be \(words[words.count - 1]) alone)")
        }
        let network = try reading.load(Array(words.dropLast())).network
        let filter = try filters.filter(for: network)
        let center = try resolveName(words[words.count - 1], in: network, role: "NODE")
        let (ego, distances) = network.egoNetwork(of: center.id, radius: radius, filter: filter)
        let ordered = ego.nodes.sorted { lhs, rhs in
            let (l, r) = (distances[lhs.id] ?? 0, distances[rhs.id] ?? 0)
            if l != r { return l < r }
            if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
            return lhs.label < rhs.label
        }
        switch format {
        case .json:
            let object: [String: Any] = [
                "ego": center.id, "radius": radius,
                "nodes": ordered.map { ["id": $0.id, "label": $0.label, "kind": $0.kind, "distance": distances[$0.id] ?? 0] },
                "edges": ego.edges.map { edge -> [String: Any] in
                    ["from": edge.from, "to": edge.to, "relation": edge.relation,
                     "cite": edge.citations.isEmpty ? NSNull() : ego.citationText(edge)]
                },
            ]
            print(try jsonText(object), terminator: "")
        case .table:
            print("\(TerminalText.visible(center.label)) (\(center.kind)): ego network of radius \(radius), \(counted(ego.nodes.count, "node")), \(counted(ego.edges.count, "tie"))")
            var current = -1
            let idWidth = min(36, ordered.map(\.id.count).max() ?? 0)
            for node in ordered {
                let distance = distances[node.id] ?? 0
                if distance != current {
                    current = distance
                    print("\n\(distance == 0 ? "ego" : "\(distance) tie\(distance == 1 ? "" : "s") away")")
                }
                print("  \(node.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(node.kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(TerminalText.visible(node.label))")
            }
            print("\nties")
            for edge in ego.edges {
                let a = TerminalText.visible(ego.node(edge.from)?.label ?? edge.from), b = TerminalText.visible(ego.node(edge.to)?.label ?? edge.to)
                let arrow = ego.isSymmetric(edge.relation) ? "—\(edge.relation)—" : "—\(edge.relation)→"
                print("  \(a) \(arrow) \(b)  \(citeText(ego, edge))")
            }
        }
        if let render {
            var request = RenderRequest(network: ego, title: "\(center.label): radius \(radius)")
            request.centre = [center.id]
            try draw(request, with: drawing, to: render)
        }
    }
}
