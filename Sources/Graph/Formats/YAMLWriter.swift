import Foundation
import Yams

extension YAMLFormat {
    /// The network as a YAML network file (docs/format.md) that reads back as the same network: name,
    /// sources, the kinds and relations that are not built in, nodes and edges in network order.
    /// Every scalar is written so that it reads back as the same text (`NO` stays "NO").
    public static func write(_ network: Network) throws -> String {
        func scalar(_ text: String) -> Yams.Node {
            let nullLike = ["", "~", "null", "Null", "NULL"].contains(text)
            return .scalar(.init(text, .implicit, nullLike ? .doubleQuoted : .any))
        }
        func mapping(_ pairs: [(String, Yams.Node)]) -> Yams.Node {
            .mapping(.init(pairs.map { (scalar($0.0), $0.1) }))
        }
        var root: [(String, Yams.Node)] = []
        if let name = network.name { root.append(("network", scalar(name))) }
        if !network.sources.isEmpty {
            root.append(("sources", mapping(network.sources.values.sorted { $0.id < $1.id }.map { source in
                var fields: [(String, Yams.Node)] = [("title", scalar(source.title))]
                if let publisher = source.publisher { fields.append(("publisher", scalar(publisher))) }
                if let year = source.year { fields.append(("year", scalar(String(year)))) }
                if let url = source.url { fields.append(("url", scalar(url))) }
                for (key, value) in source.attributes.sorted(by: { $0.key < $1.key }) { fields.append((key, scalar(value))) }
                return (source.id, mapping(fields))
            })))
        }
        let kinds = network.kinds.values.filter { !$0.isBuiltIn || $0.color != nil || $0.shape != nil }.sorted { $0.id < $1.id }
        if !kinds.isEmpty {
            root.append(("kinds", mapping(kinds.map { kind in
                var fields: [(String, Yams.Node)] = [("label", scalar(kind.label))]
                if let color = kind.color { fields.append(("color", scalar(color))) }
                if let shape = kind.shape { fields.append(("shape", scalar(shape))) }
                return (kind.id, mapping(fields))
            })))
        }
        let relations = network.relations.values.filter { !$0.isBuiltIn }.sorted { $0.id < $1.id }
        if !relations.isEmpty {
            root.append(("relations", mapping(relations.map { relation in
                (relation.id, mapping([("label", scalar(relation.label)), ("symmetric", scalar(relation.symmetric ? "true" : "false"))]))
            })))
        }
        root.append(("nodes", .sequence(.init(network.nodes.map { node in
            var fields: [(String, Yams.Node)] = [("id", scalar(node.id)), ("label", scalar(node.label)), ("kind", scalar(node.kind))]
            if !node.tags.isEmpty { fields.append(("tags", .sequence(.init(node.tags.map(scalar))))) }
            for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) where !nodeKeys.contains(key) {
                fields.append((key, scalar(value)))
            }
            return mapping(fields)
        }))))
        root.append(("edges", .sequence(.init(network.edges.map { edge in
            var fields: [(String, Yams.Node)] = [("from", scalar(edge.from)), ("to", scalar(edge.to)), ("relation", scalar(edge.relation))]
            if !edge.citations.isEmpty {
                fields.append(("cite", .sequence(.init(edge.citations.map { citation in
                    var entry: [(String, Yams.Node)] = [("source", scalar(citation.source))]
                    if let page = citation.page { entry.append(("page", scalar(page))) }
                    return mapping(entry)
                }))))
            }
            if let since = edge.since { fields.append(("since", scalar(String(since)))) }
            if let until = edge.until { fields.append(("until", scalar(String(until)))) }
            if edge.weight != 1 { fields.append(("weight", scalar(formatNumber(edge.weight)))) }
            for (key, value) in edge.attributes.sorted(by: { $0.key < $1.key }) where !edgeKeys.contains(key) || (key == "page" && edge.citations.isEmpty) {
                fields.append((key, scalar(value)))
            }
            return mapping(fields)
        }))))
        do {
            return try Yams.serialize(node: mapping(root), width: -1, allowUnicode: true)
        } catch {
            throw GraphError.invalidArgument("cannot write YAML: \(error)")
        }
    }
}
