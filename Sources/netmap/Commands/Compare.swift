import ArgumentParser
import Foundation
import Graph

struct Compare: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "What do two actors share, and what does only one have? (memberships, programmes, partner regions, ...)",
        discussion: """
        A and B are ids or unambiguous label prefixes. Every tie is shown with its relation, seen from A or B, and its citation.
        \(HelpText.names)
        \(HelpText.glossary)
        """
    )

    @Argument(help: ArgumentHelp("Network files or folders (default: data/), then A and B.", valueName: "INPUT... A B"))
    var words: [String]

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp("Only neighbours of these kinds (comma-separated).", valueName: "kind,..."))
    var kinds: String?

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Also draw A, B and their neighbours, the shared ones marked (.svg, .png, .pdf, .dot).", valueName: "FILE"))
    var render: String?

    @OptionGroup var drawing: DrawingArguments

    func validate() throws {
        if words.count < 2 { throw ValidationError("give A and B (after any INPUT)") }
        try checkNodeNames(words.suffix(2), role: "A and B")
        try DrawingArguments.check(output: render)
    }

    func execute() throws {
        let network = try reading.load(Array(words.dropLast(2))).network
        let kindSet = kinds.map(splitList)
        let present = Set(network.nodes.map(\.kind))
        for kind in (kindSet ?? []).sorted() where !present.contains(kind) {
            throw GraphError.invalidArgument("no node has kind '\(kind)' (present: \(present.sorted().joined(separator: ", ")))")
        }
        let a = try resolveName(words[words.count - 2], in: network, role: "A and B")
        let b = try resolveName(words[words.count - 1], in: network, role: "A and B")
        let comparison = try network.compare(a.id, b.id, kinds: kindSet)

        /// A tie seen from `actor`: `member_of →`, `← manages`, `partner_of`, with its citation.
        func tie(_ index: Int, from actor: String) -> (text: String, object: [String: Any]) {
            let edge = network.edges[index]
            let direction = network.isSymmetric(edge.relation) ? "both" : (edge.from == actor ? "out" : "in")
            let arrow = direction == "both" ? edge.relation : (direction == "out" ? "\(edge.relation) →" : "← \(edge.relation)")
            return ("\(arrow) \(citeText(network, edge))",
                    ["relation": edge.relation, "direction": direction,
                     "cite": edge.citations.isEmpty ? NSNull() : network.citationText(edge)])
        }
        func itemObject(_ item: Comparison.Item) -> [String: Any] {
            ["id": item.node.id, "label": item.node.label, "kind": item.node.kind,
             "a": item.tiesOfA.map { tie($0, from: a.id).object }, "b": item.tiesOfB.map { tie($0, from: b.id).object }]
        }
        switch format {
        case .json:
            let object: [String: Any] = [
                "a": nodeObject(network, a.id), "b": nodeObject(network, b.id),
                "direct": comparison.direct.map { tie($0, from: a.id).object },
                "shared": comparison.shared.map(itemObject),
                "only_a": comparison.onlyA.map(itemObject),
                "only_b": comparison.onlyB.map(itemObject),
            ]
            print(try jsonText(object), terminator: "")
        case .table:
            var text = "\(TerminalText.visible(a.label))  vs  \(TerminalText.visible(b.label))\n"
            text += "shared \(comparison.shared.count), only \(TerminalText.visible(a.label)) \(comparison.onlyA.count), only \(TerminalText.visible(b.label)) \(comparison.onlyB.count)\n"
            if !comparison.direct.isEmpty {
                text += "\ndirect ties\n"
                for index in comparison.direct {
                    let edge = network.edges[index]
                    let from = network.node(edge.from)?.label ?? edge.from, to = network.node(edge.to)?.label ?? edge.to
                    text += "  \(from) \(network.isSymmetric(edge.relation) ? "—\(edge.relation)—" : "—\(edge.relation)→") \(to)  \(citeText(network, edge))\n"
                }
            }
            func section(_ title: String, _ items: [Comparison.Item]) {
                text += "\n\(title) (\(items.count))\n"
                var kind = ""
                for item in items {
                    if item.node.kind != kind {
                        kind = item.node.kind
                        text += "  \(TerminalText.visible(network.kinds[kind]?.label ?? kind))\n"
                    }
                    text += "    \(TerminalText.visible(item.node.label))\n"
                    for index in item.tiesOfA { text += "      \(TerminalText.visible(a.label)): \(tie(index, from: a.id).text)\n" }
                    for index in item.tiesOfB { text += "      \(TerminalText.visible(b.label)): \(tie(index, from: b.id).text)\n" }
                }
            }
            section("shared", comparison.shared)
            section("only \(TerminalText.visible(a.label))", comparison.onlyA)
            section("only \(TerminalText.visible(b.label))", comparison.onlyB)
            print(text, terminator: "")
        }
        if let render { try draw(Compare.drawing(comparison, network: network), with: drawing, to: render) }
    }

    /// A and B (heavy borders), their neighbours and the ties joining them; the shared neighbours marked.
    static func drawing(_ comparison: Comparison, network: Network) -> RenderRequest {
        let items = comparison.shared + comparison.onlyA + comparison.onlyB
        let ties = Set(comparison.direct + items.flatMap { $0.tiesOfA + $0.tiesOfB })
        let nodes = Set([comparison.a.id, comparison.b.id] + items.map(\.node.id))
        var view = network
        view.removeNodes { !nodes.contains($0.id) }
        view.edges = network.edges.indices.filter(ties.contains).map { network.edges[$0] }
        var request = RenderRequest(network: view, title: "\(comparison.a.label) — \(comparison.b.label)")
        request.centre = [comparison.a.id, comparison.b.id]
        for item in comparison.shared { request.nodeMarks[item.node.id] = Compare.shared }
        return request
    }

    /// Neighbours both A and B have.
    static let shared = Mark(name: "shared", color: "#B8360A", penwidth: 3,
                             legend: Wording("shared by both", nb: "felles for begge", nn: "felles for begge"))
}
