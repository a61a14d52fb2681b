import ArgumentParser
import Foundation
import Graph

struct Project: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which actors share affiliations? The one-mode network of one kind, tied through shared neighbours of other kinds.",
        discussion: """
        Two nodes of kind --onto are tied when both have a tie (any relation, either direction) to the same node of \
        a --via kind; the weight is the number of such shared affiliations (--weighting newman: Σ 1/(d−1), with d \
        the number of --onto nodes sharing it). Each tie lists what is shared (attribute `shared`) and cites the \
        underlying ties. Output: a table, or any export format (json node-link, csv pair, dot), or a drawing.
        \(HelpText.glossary)
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, dot
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("The kind to project onto, e.g. county.", valueName: "kind"))
    var onto: String

    @Option(help: ArgumentHelp("Affiliation kinds, comma-separated (default: every other kind).", valueName: "kind,..."))
    var via: String?

    @Option(help: "count (shared affiliations) or newman (collaboration weighting).")
    var weighting: Weighting = .count

    @Option(help: "Output format: table, json, csv or dot.")
    var format: Format = .table

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (a folder for csv). Default: standard output.", valueName: "PATH"))
    var output: String?

    @Option(help: ArgumentHelp("Also draw the projection (.svg, .png, .pdf, .dot).", valueName: "FILE"))
    var render: String?

    @OptionGroup var drawing: DrawingArguments

    enum Weighting: String, ExpressibleByArgument, CaseIterable {
        case count, newman
    }

    func execute() throws {
        let loaded = try input.load()
        let network = try filters.filter(for: loaded).apply(to: loaded)
        let projected = try network.projection(onto: onto, via: via.map(splitList),
                                               weighting: weighting == .count ? .count : .newman)
        switch format {
        case .json:
            try emit(String(decoding: try NodeLinkFormat.write(projected), as: UTF8.self), to: output)
        case .csv:
            if let output { try CSVFormat.writePair(projected, to: output) }
            else {
                print(CSVFormat.nodesTable(projected))
                print(CSVFormat.edgesTable(projected), terminator: "")
            }
        case .dot:
            try emit(try RenderRequest(network: projected).dotText(), to: output)
        case .table:
            try emit(Self.table(projected, source: network, weighting: weighting), to: output)
        }
        if let render {
            try draw(RenderRequest(network: projected, title: projected.name), with: drawing, to: render)
        }
    }

    static func table(_ projected: Network, source: Network, weighting: Weighting) -> String {
        var text = "\(TerminalText.visible(projected.name ?? "projection")): \(counted(projected.nodes.count, "node")), \(counted(projected.edges.count, "tie"))"
        text += weighting == .count ? " (weight = shared affiliations)\n" : " (Newman collaboration weight)\n"
        let ties = projected.edges.enumerated().sorted { lhs, rhs in
            lhs.element.weight != rhs.element.weight ? lhs.element.weight > rhs.element.weight : lhs.offset < rhs.offset
        }.map(\.element)
        for edge in ties {
            let a = TerminalText.visible(projected.node(edge.from)?.label ?? edge.from), b = TerminalText.visible(projected.node(edge.to)?.label ?? edge.to)
            let shared = (edge.attributes["shared"] ?? "").split(separator: "|").map { TerminalText.visible(source.node(String($0))?.label ?? String($0)) }
            text += "\n\(formatNumber((edge.weight * 1000).rounded() / 1000))  \(a) — \(b)\n"
            text += "   shared: \(shared.joined(separator: "; "))\n"
        }
        let isolated = projected.nodes.filter { node in !projected.edges.contains { $0.from == node.id || $0.to == node.id } }
        if !isolated.isEmpty { text += "\nsharing nothing: \(isolated.map { TerminalText.visible($0.label) }.joined(separator: ", "))\n" }
        return text
    }
}
