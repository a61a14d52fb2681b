import ArgumentParser
import Foundation
import Graph

struct Brokers: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who opens doors between groups: Gould–Fernandez brokerage roles, constraint and effective size.",
        discussion: """
        A node brokers the ordered pair (a, c) when a → node → c and there is no tie a → c. Each brokered pair \
        counts in one role, by the groups (--group-by) of a, the broker and c:
        \(BrokerageRole.allCases.map { "  \($0.rawValue): \($0.explanation)" }.joined(separator: "\n"))
        Ties keep their direction; symmetric relations (partner_of, cooperates_with) count both ways.
        constraint (Burt; low = spans structural holes) and effective_size (Burt; non-redundant contacts) are \
        computed on the undirected view, as NetworkX does. Reference: Gould & Fernandez (1989), \
        Sociological Methodology 19:89–126; statnet's sna::brokerage.
        \(HelpText.glossary)
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .customLong("group-by"), help: ArgumentHelp("Node attribute that defines groups: kind, country or any attribute.", valueName: "ATTR"))
    var groupBy: String = "kind"

    @Flag(help: "Use summed tie weights in constraint and effective size.")
    var weighted = false

    @Option(help: ArgumentHelp("Only the N nodes with the most brokered pairs.", valueName: "N"))
    var top: Int?

    @Option(help: "Output format: table, csv, json or xlsx (an Excel workbook; needs -o FILE).")
    var format: TableFormat = .table

    @Option(help: CSVDialect.help)
    var csvDialect: CSVDialect = .standard

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file. Default: standard output.", valueName: "PATH"))
    var output: String?

    func validate() throws {
        try format.check(output: output)
        if let top, top < 1 { throw ValidationError("--top must be at least 1 (got \(top))") }
        if groupBy.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--group-by needs an attribute name") }
    }

    static func group(of node: Node, by attribute: String) -> String? {
        switch attribute {
        case "kind": return node.kind
        case "id": return node.id
        case "label": return node.label
        default:
            let value = node.attributes[attribute]?.trimmingCharacters(in: .whitespaces)
            return value?.isEmpty == false ? value : nil
        }
    }

    func execute() throws {
        let loaded = try input.load()
        let network = try filters.filter(for: loaded).apply(to: loaded)
        let attribute = groupBy.trimmingCharacters(in: .whitespaces)
        if network.nodes.isEmpty {
            printError("note: no nodes to analyse (the network is empty\(filters.kinds != nil || filters.relations != nil || filters.year != nil ? " after filtering" : ""))")
        } else if !network.nodes.contains(where: { Self.group(of: $0, by: attribute) != nil }) {
            let available = Set(network.nodes.flatMap(\.attributes.keys)).union(["kind"]).sorted()
            throw GraphError.invalidArgument("no node has attribute '\(attribute)' to group by; available: \(available.joined(separator: ", "))")
        }
        let directed = AnalysisGraph(network, directed: true, weighted: weighted)
        let undirected = AnalysisGraph(network, weighted: weighted)
        let labels = directed.ids.map { id in network.node(id).flatMap { Self.group(of: $0, by: attribute) } }
        let missing = labels.filter { $0 == nil }.count
        if missing > 0 { printError("note: \(counted(missing, "node")) \(missing == 1 ? "has" : "have") no '\(attribute)'; they form the group (none)") }
        let (groups, _) = AnalysisGraph.groupNumbers(labels)
        let scores = directed.brokerage(groups: groups)
        let constraint = undirected.constraint()
        let effectiveSize = undirected.effectiveSize()
        var order = Array(0..<directed.nodeCount)
        order.sort { a, b in
            scores[a].total != scores[b].total ? scores[a].total > scores[b].total : directed.ids[a] < directed.ids[b]
        }
        if let top { order = Array(order.prefix(top)) }
        let rows: [[ResultTable.Cell]] = order.map { index in
            let node = network.node(directed.ids[index])
            var row: [ResultTable.Cell] = [.text(directed.ids[index]), .text(node?.label ?? ""), .text(node?.kind ?? ""),
                                           .text(labels[index] ?? "(none)")]
            row += BrokerageRole.allCases.map { .integer(scores[index][$0]) }
            row += [.integer(scores[index].total), .number(constraint[index]), .number(effectiveSize[index])]
            return row
        }
        let columns = ["id", "label", "kind", "group"] + BrokerageRole.allCases.map(\.rawValue) + ["total", "constraint", "effective_size"]
        let notes = ["", "groups by \(attribute); roles of the broker on a → broker → c with no tie a → c:"]
            + BrokerageRole.allCases.map { "  \($0.rawValue): \($0.explanation)" }
            + ["  constraint: Burt; low means the node's contacts are not tied to each other",
               "  effective_size: Burt; number of non-redundant contacts (- for isolated nodes)"]
        try ResultTable(columns: columns, rows: rows).write(format, dialect: csvDialect, notes: notes, to: output)
    }
}
