import Foundation

/// The single "edge list with attributes" CSV: one row per tie, with the endpoints' node fields beside it.
///
/// Columns: `from, from_label, from_kind, from_tags, from_<attribute>…, to, to_label, to_kind, …, relation,
/// weight, cite, page, since, until, <edge attribute>…`. Reading accepts `source_`/`target_` prefixes too.
/// A node described in several rows must be described the same way. Isolated nodes have no row and are
/// not carried.
extension CSVFormat {
    /// The prefixes that mark node columns, by endpoint.
    static let endpointPrefixes: [(endpoint: String, prefixes: [String])] = [("from", ["from_", "source_"]), ("to", ["to_", "target_"])]

    /// Whether a header describes endpoint nodes (has a `from_label`/`from_kind`/`to_label`/`to_kind` column).
    static func hasNodeColumns(_ header: [String]) -> Bool {
        header.contains { name in
            endpointPrefixes.contains { $0.prefixes.contains { prefix in name == prefix + "label" || name == prefix + "kind" } }
        }
    }

    /// The node column name without its prefix, when `name` is one.
    static func nodeColumn(_ name: String, endpoint: String) -> String? {
        guard let prefixes = endpointPrefixes.first(where: { $0.endpoint == endpoint })?.prefixes else { return nil }
        for prefix in prefixes where name.hasPrefix(prefix) && name.count > prefix.count {
            return String(name.dropFirst(prefix.count))
        }
        return nil
    }

    /// Nodes described by the endpoint columns of an edge list, added to `document`.
    static func readEndpointNodes(_ table: Table, fromColumn: Int, toColumn: Int, path: String, into document: inout NetworkDocument) {
        guard hasNodeColumns(table.header) else { return }
        var described: [String: Node] = [:]
        var order: [String] = []
        for (line, fields) in table.rows {
            for (endpoint, idColumn) in [("from", fromColumn), ("to", toColumn)] {
                let location = table.location(line, column: idColumn)
                guard idColumn < fields.count, case let id = fields[idColumn].trimmingSpaces, !id.isEmpty else { continue }
                var attributes: [String: String] = [:]
                for (column, name) in table.header.enumerated() where column < fields.count {
                    guard let field = nodeColumn(name, endpoint: endpoint) else { continue }
                    let value = fields[column].trimmingSpaces
                    if !value.isEmpty { attributes[field] = value }
                }
                let node = Interchange.node(id: id, attributes: attributes, location: location)
                if let existing = described[id] {
                    for (field, a, b) in [("label", existing.label, node.label), ("kind", existing.kind, node.kind)] where a != b {
                        document.diagnostics.append(.error("node '\(id)': \(field) '\(b)' conflicts with '\(a)' on line \(existing.location?.line ?? 0)", at: location))
                    }
                    for (key, value) in node.attributes where existing.attributes[key] != nil && existing.attributes[key] != value {
                        document.diagnostics.append(.error("node '\(id)': \(key) '\(value)' conflicts with '\(existing.attributes[key] ?? "")' on line \(existing.location?.line ?? 0)", at: location))
                    }
                } else {
                    described[id] = node
                    order.append(id)
                }
            }
        }
        document.nodes += order.compactMap { described[$0] }
    }

    /// The edge list text: endpoint node columns, then the tie's own columns as in `edges.csv`.
    public static func edgeListTable(_ network: Network, dialect: CSVDialect = .standard) -> String {
        let nodeExtra = Set(network.nodes.flatMap(\.attributes.keys)).sorted()
        let hasTags = network.nodes.contains { !$0.tags.isEmpty }
        func nodeColumns(_ prefix: String) -> [String] {
            [prefix, prefix + "_label", prefix + "_kind"] + (hasTags ? [prefix + "_tags"] : []) + nodeExtra.map { prefix + "_" + $0 }
        }
        func nodeFields(_ id: String) -> [String] {
            guard let node = network.node(id) else { return [id, id, "node"] + (hasTags ? [""] : []) + nodeExtra.map { _ in "" } }
            return [node.id, node.label, node.kind] + (hasTags ? [node.tags.joined(separator: "|")] : []) + nodeExtra.map { node.attributes[$0] ?? "" }
        }
        let extra = edgeExtraColumns(network)
        var text = dialect.preamble + line(nodeColumns("from") + nodeColumns("to") + ["relation", "weight", "cite", "page", "since", "until"] + extra, dialect: dialect)
        for edge in network.edges {
            text += line(nodeFields(edge.from) + nodeFields(edge.to) + Array(edgeRow(edge, extra: extra, dialect: dialect).dropFirst(2)), dialect: dialect)
        }
        return text
    }
}
