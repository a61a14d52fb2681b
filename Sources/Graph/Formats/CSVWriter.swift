import Foundation

extension CSVFormat {
    /// One field, quoted when it holds the delimiter, a quote or a line break.
    static func quote(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) || field.hasPrefix(" ") || field.hasSuffix(" ") {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    static func line(_ fields: [String]) -> String { fields.map(quote).joined(separator: ",") + "\n" }

    /// `nodes.csv`: `id,label,kind,tags`, then every attribute any node has, in sorted order.
    public static func nodesTable(_ network: Network) -> String {
        let extra = Set(network.nodes.flatMap(\.attributes.keys)).sorted()
        var text = line(["id", "label", "kind", "tags"] + extra)
        for node in network.nodes {
            text += line([node.id, node.label, node.kind, node.tags.joined(separator: "|")] + extra.map { node.attributes[$0] ?? "" })
        }
        return text
    }

    /// `edges.csv`: `from,to,relation,weight,cite,page,since,until`, then every edge attribute, sorted.
    /// Several citations are joined with `|`; their page is kept when they share one, else the pages are
    /// joined with `|` in the same order.
    public static func edgesTable(_ network: Network) -> String {
        let extra = edgeExtraColumns(network)
        var text = line(["from", "to", "relation", "weight", "cite", "page", "since", "until"] + extra)
        for edge in network.edges { text += line(edgeRow(edge, extra: extra)) }
        return text
    }

    /// The edge attribute columns beyond the fixed ones, sorted.
    static func edgeExtraColumns(_ network: Network) -> [String] {
        Set(network.edges.flatMap(\.attributes.keys)).subtracting(["page"]).sorted()
    }

    /// One `edges.csv` row.
    static func edgeRow(_ edge: Edge, extra: [String]) -> [String] {
        let (cite, page) = Interchange.citeAndPage(edge.citations)
        return [edge.from, edge.to, edge.relation, formatNumber(edge.weight), cite ?? "",
                cite == nil ? edge.attributes["page"] ?? "" : page ?? "",
                edge.since.map(String.init) ?? "", edge.until.map(String.init) ?? ""]
            + extra.map { edge.attributes[$0] ?? "" }
    }

    /// Writes `nodes.csv` and `edges.csv` into a folder (created if missing).
    public static func writePair(_ network: Network, to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GraphError.file(path: folder, reason: "cannot create folder: \(error.localizedDescription)")
        }
        let base = URL(fileURLWithPath: folder)
        try AtomicFile.write(nodesTable(network), to: base.appendingPathComponent("nodes.csv").path)
        try AtomicFile.write(edgesTable(network), to: base.appendingPathComponent("edges.csv").path)
    }
}

/// A number as short text: "1" rather than "1.0", full precision otherwise.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
