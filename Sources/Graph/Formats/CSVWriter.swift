import Foundation
import Yams

/// How a CSV file spells its separator and numbers. `standard` is RFC 4180 with `,` and a decimal point;
/// `excelNB` is what Excel opens directly in a Norwegian (or other decimal-comma) locale: `;` between
/// fields, a decimal comma in numbers and a UTF-8 byte order mark so that æøå are read as UTF-8.
public enum CSVDialect: String, CaseIterable, Sendable {
    case standard
    case excelNB = "excel-nb"

    public var separator: String { self == .excelNB ? ";" : "," }

    /// The bytes that start a file in this dialect.
    public var preamble: String { self == .excelNB ? "\u{FEFF}" : "" }

    /// A number's text in this dialect (`0.5` or `0,5`).
    public func number(_ text: String) -> String { self == .excelNB ? text.replacingOccurrences(of: ".", with: ",") : text }
}

extension CSVFormat {
    /// One field, quoted when it holds a delimiter, a quote or a line break, or starts or ends with a space.
    /// Every CSV netmap writes goes through here. The standard dialect quotes both `,` and `;` (a reader
    /// guessing the delimiter is not misled); `excel-nb` only its own `;`, so a decimal comma stays a number.
    public static func field(_ field: String, dialect: CSVDialect = .standard) -> String {
        let comma: Character = dialect == .standard ? "," : ";"
        if field.contains(where: { $0 == comma || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) || field.hasPrefix(" ") || field.hasSuffix(" ") {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// One CSV line of fields, ending in a line break.
    public static func line(_ fields: [String], dialect: CSVDialect = .standard) -> String {
        fields.map { field($0, dialect: dialect) }.joined(separator: dialect.separator) + "\n"
    }

    /// `nodes.csv`: `id,label,kind,tags`, then every attribute any node has, in sorted order.
    /// In `dialect` (attributes are text and are written as they are).
    public static func nodesTable(_ network: Network, dialect: CSVDialect = .standard) -> String {
        let extra = Set(network.nodes.flatMap(\.attributes.keys)).sorted()
        var text = dialect.preamble + line(["id", "label", "kind", "tags"] + extra, dialect: dialect)
        for node in network.nodes {
            text += line([node.id, node.label, node.kind, node.tags.joined(separator: "|")] + extra.map { node.attributes[$0] ?? "" }, dialect: dialect)
        }
        return text
    }

    /// `edges.csv`: `from,to,relation,weight,cite,page,since,until`, then every edge attribute, sorted.
    /// Several citations are joined with `|`; their page is kept when they share one, else the pages are
    /// joined with `|` in the same order. In `dialect`, the weight with its decimal separator.
    public static func edgesTable(_ network: Network, dialect: CSVDialect = .standard) -> String {
        let extra = edgeExtraColumns(network)
        var text = dialect.preamble + line(["from", "to", "relation", "weight", "cite", "page", "since", "until"] + extra, dialect: dialect)
        for edge in network.edges { text += line(edgeRow(edge, extra: extra, dialect: dialect), dialect: dialect) }
        return text
    }

    /// The edge attribute columns beyond the fixed ones, sorted.
    static func edgeExtraColumns(_ network: Network) -> [String] {
        Set(network.edges.flatMap(\.attributes.keys)).subtracting(["page"]).sorted()
    }

    /// One `edges.csv` row.
    static func edgeRow(_ edge: Edge, extra: [String], dialect: CSVDialect = .standard) -> [String] {
        let (cite, page) = Interchange.citeAndPage(edge.citations)
        return [edge.from, edge.to, edge.relation, dialect.number(formatNumber(edge.weight)), cite ?? "",
                cite == nil ? edge.attributes["page"] ?? "" : page ?? "",
                edge.since.map(String.init) ?? "", edge.until.map(String.init) ?? ""]
            + extra.map { edge.attributes[$0] ?? "" }
    }

    /// Writes `nodes.csv` and `edges.csv` (in `dialect`) and `network.yaml` into a folder (created if missing).
    public static func writePair(_ network: Network, to folder: String, dialect: CSVDialect = .standard) throws {
        // The folder itself may be new, but not its parent: a mistyped path is an error, as for other outputs.
        try OutputStage.shared.prepareFolder(folder)
        let base = URL(fileURLWithPath: folder)
        try OutputStage.shared.write(try declarations(network), to: base.appendingPathComponent("network.yaml").path)
        try OutputStage.shared.write(nodesTable(network, dialect: dialect), to: base.appendingPathComponent("nodes.csv").path)
        try OutputStage.shared.write(edgesTable(network, dialect: dialect), to: base.appendingPathComponent("edges.csv").path)
    }

    /// `network.yaml`, written beside the CSV pair: the network's name, its sources and the kinds and
    /// relations it declares, so that the folder reads back as the same network.
    public static func declarations(_ network: Network) throws -> String {
        var object: [String: Any] = [:]
        if let name = network.name { object["network"] = name }
        if !network.sources.isEmpty {
            object["sources"] = network.sources.mapValues { source -> [String: Any] in
                var fields: [String: Any] = ["title": source.title]
                if let publisher = source.publisher { fields["publisher"] = publisher }
                if let year = source.year { fields["year"] = year }
                if let url = source.url { fields["url"] = url }
                for (key, value) in source.attributes { fields[key] = value }
                return fields
            }
        }
        let kinds = network.kinds.values.filter { !$0.isBuiltIn || $0.color != nil || $0.shape != nil }
        if !kinds.isEmpty {
            object["kinds"] = Dictionary(uniqueKeysWithValues: kinds.map { kind -> (String, Any) in
                var fields: [String: Any] = ["label": kind.label]
                if let color = kind.color { fields["color"] = color }
                if let shape = kind.shape { fields["shape"] = shape }
                return (kind.id, fields)
            })
        }
        let relations = network.relations.values.filter { !$0.isBuiltIn }
        if !relations.isEmpty {
            object["relations"] = Dictionary(uniqueKeysWithValues: relations.map {
                ($0.id, ["label": $0.label, "symmetric": $0.symmetric] as [String: Any])
            })
        }
        let header = "# Declarations of the network in nodes.csv and edges.csv (written by netmap export).\n"
        if object.isEmpty { return header }
        do {
            return header + (try Yams.dump(object: object, width: -1, allowUnicode: true, sortKeys: true))
        } catch {
            throw GraphError.invalidArgument("cannot write the declarations: \(error)")
        }
    }
}

/// A number as short text: "1" rather than "1.0", full precision otherwise.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
