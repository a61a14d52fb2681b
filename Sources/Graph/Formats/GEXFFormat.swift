import Foundation

/// GEXF 1.3 (https://gexf.net), Gephi's format, read and written.
///
/// Written so that Gephi opens a ready-styled graph: `viz:color` by kind (from the colour map the caller
/// passes, normally the render theme), `viz:size` growing with degree, `viz:position` from a layout when
/// given, and — when any tie has `since`/`until` — a dynamic graph with integer years in `start`/`end` so
/// that Gephi's timeline works. Node attributes `kind`, `tags` and extras, and edge attributes `relation`,
/// `cite`, `page` and extras are declared under `<attributes>`; the relation is also the edge's `label`
/// and `kind` (GEXF 1.3's edge type). GEXF has no place for graph data, so source titles, declared kinds'
/// labels and colours and relation labels are not carried (see docs/formats.md).
///
/// Reads GEXF 1.1, 1.2 and 1.3 as Gephi and NetworkX write them: `start`/`end`, `spells`, `intervals`
/// and `timestamp(s)` become `since`/`until`; `viz` elements are ignored.
public enum GEXFFormat {
    static let namespace = "http://gexf.net/1.3"
    static let vizNamespace = "http://gexf.net/1.3/viz"
    static let versions: Set<String> = ["1.1", "1.1draft", "1.2", "1.2draft", "1.3"]

    /// A node position in layout units.
    public struct Position: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    // MARK: Writing

    /// The GEXF text of a network. `colors` maps kinds to `#RRGGBB`; `positions` maps node ids to positions.
    /// - Complexity: O(n + m).
    public static func write(_ network: Network, colors: [String: String] = [:], positions: [String: Position] = [:]) -> String {
        let dynamic = network.edges.contains { $0.since != nil || $0.until != nil }
        let undirected = !network.edges.isEmpty && network.edges.allSatisfy { network.isSymmetric($0.relation) }
        var degree: [String: Int] = [:]
        for edge in network.edges { degree[edge.from, default: 0] += 1; degree[edge.to, default: 0] += 1 }

        let nodeFields = network.nodes.map { Array(Interchange.fields(of: $0).dropFirst()) }   // label is the element's
        let edgeFields = network.edges.map { fields in
            Interchange.fields(of: fields).filter { $0.0 != "since" && $0.0 != "until" }
        }
        var nodeNames = ["kind"], edgeNames = ["relation"]
        for name in Set(nodeFields.flatMap { $0.map(\.0) }).subtracting(nodeNames).sorted() { nodeNames.append(name) }
        for name in Set(edgeFields.flatMap { $0.map(\.0) }).subtracting(edgeNames).sorted() { edgeNames.append(name) }
        var ids: [String: String] = [:]
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"\(namespace)\" xmlns:viz=\"\(vizNamespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"\(namespace) http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>netmap</creator>\n"
        if let name = network.name { out += "    <description>\(xmlEscape(name))</description>\n" }
        out += "  </meta>\n"
        out += "  <graph defaultedgetype=\"\(undirected ? "undirected" : "directed")\" mode=\"\(dynamic ? "dynamic" : "static")\""
        out += dynamic ? " timeformat=\"integer\" timerepresentation=\"interval\">\n" : ">\n"
        var counter = 0
        for (domain, names) in [("node", nodeNames), ("edge", edgeNames)] {
            out += "    <attributes class=\"\(domain)\" mode=\"static\">\n"
            for name in names {
                ids["\(domain)\u{0}\(name)"] = String(counter)
                out += "      <attribute id=\"\(counter)\" title=\"\(xmlEscape(name))\" type=\"string\"/>\n"
                counter += 1
            }
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n"
        for (node, fields) in zip(network.nodes, nodeFields) {
            out += "      <node id=\"\(xmlEscape(node.id))\" label=\"\(xmlEscape(node.label))\">\n"
            out += attvalues(fields, domain: "node", ids: ids, indent: "        ")
            if let (r, g, b) = rgb(colors[node.kind] ?? network.kinds[node.kind]?.color ?? "") {
                out += "        <viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\"/>\n"
            }
            let size = 10 + 4 * log2(1 + Double(degree[node.id] ?? 0))
            out += "        <viz:size value=\"\(format(size))\"/>\n"
            if let position = positions[node.id] {
                out += "        <viz:position x=\"\(format(position.x))\" y=\"\(format(position.y))\" z=\"0\"/>\n"
            }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (index, (edge, fields)) in zip(network.edges, edgeFields).enumerated() {
            out += "      <edge id=\"\(index)\" source=\"\(xmlEscape(edge.from))\" target=\"\(xmlEscape(edge.to))\""
            out += " label=\"\(xmlEscape(edge.relation))\" kind=\"\(xmlEscape(edge.relation))\" weight=\"\(formatNumber(edge.weight))\""
            if let since = edge.since { out += " start=\"\(since)\"" }
            if let until = edge.until { out += " end=\"\(until)\"" }
            out += ">\n"
            out += attvalues(fields, domain: "edge", ids: ids, indent: "        ")
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    static func attvalues(_ fields: [(String, String)], domain: String, ids: [String: String], indent: String) -> String {
        guard !fields.isEmpty else { return "" }
        var out = "\(indent)<attvalues>\n"
        for (name, value) in fields {
            out += "\(indent)  <attvalue for=\"\(ids["\(domain)\u{0}\(name)"]!)\" value=\"\(xmlEscape(value))\"/>\n"
        }
        return out + "\(indent)</attvalues>\n"
    }

    /// `#RRGGBB` (or `#RGB`) as channels.
    static func rgb(_ hex: String) -> (Int, Int, Int)? {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// Coordinates and sizes with at most two decimals, so the text is stable.
    static func format(_ value: Double) -> String {
        formatNumber((value * 100).rounded() / 100)
    }

    // MARK: Reading

    struct Attribute {
        var title: String
        var type: String
        var defaultValue: String?
    }

    /// Reads GEXF 1.1–1.3.
    /// - Complexity: O(size of the file).
    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
        func error(_ message: String, _ line: Int) { document.diagnostics.append(.error(message, at: at(line))) }
        let root: MarkupElement
        switch XMLTree.parse(data, path: path, root: "gexf", format: "GEXF") {
        case .success(let element): root = element
        case .failure(let diagnostic):
            document.diagnostics.append(diagnostic)
            return document
        }
        if let version = root["version"], !versions.contains(version) {
            error("unknown GEXF version '\(version)' (netmap reads 1.1, 1.2 and 1.3)", root.line)
            return document
        }
        guard let graph = root.child("graph") else {
            error("GEXF file has no <graph>", root.line)
            return document
        }
        if let description = root.child("meta")?.child("description")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
           !description.isEmpty {
            document.name = description
        }
        if let name = graph["name"], !name.isEmpty { document.name = name }   // NetworkX writes the graph's name here
        let defaultType = graph["defaultedgetype"] ?? "undirected"
        var declared: [String: [String: Attribute]] = ["node": [:], "edge": [:]]
        for block in graph.children("attributes") {
            let domain = block["class"] ?? "node"
            guard declared[domain] != nil else { continue }
            for element in block.children("attribute") {
                guard let id = element["id"] else { error("<attribute> without an 'id'", element.line); continue }
                if declared[domain]?[id] != nil { error("\(domain) attribute '\(id)' is declared twice", element.line); continue }
                declared[domain]?[id] = Attribute(title: element["title"] ?? id, type: (element["type"] ?? "string").lowercased(),
                                                  defaultValue: element.child("default")?.text)
            }
        }

        func values(of element: MarkupElement, domain: String, owner: String) -> [String: String] {
            let attributes = declared[domain] ?? [:]
            var result: [String: String] = [:]
            for attribute in attributes.values { if let value = attribute.defaultValue { result[attribute.title] = value } }
            for container in element.children("attvalues") {
                for value in container.children("attvalue") {
                    guard let id = value["for"] ?? value["id"] else { error("\(owner): <attvalue> without 'for'", value.line); continue }
                    guard let attribute = attributes[id] ?? attributes.values.first(where: { $0.title == id }) else {
                        error("\(owner): attribute '\(id)' is used but not declared under <attributes class=\"\(domain)\">", value.line)
                        continue
                    }
                    let text = value["value"] ?? ""
                    if let problem = typeProblem(text, type: attribute.type) {
                        error("\(owner): \(attribute.title) '\(text)' is not \(problem) (declared type \(attribute.type))", value.line)
                        continue
                    }
                    result[attribute.title] = text
                }
            }
            return result
        }

        /// `since`/`until` from start/end, spells, intervals or timestamps.
        func period(of element: MarkupElement, owner: String) -> (Int?, Int?) {
            var starts: [String] = [], ends: [String] = []
            if let start = element["start"] { starts.append(start) }
            if let end = element["end"] { ends.append(end) }
            if let stamp = element["timestamp"] { starts.append(stamp); ends.append(stamp) }
            for spells in element.children("spells") {
                for spell in spells.children("spell") {
                    if let start = spell["start"] ?? spell["timestamp"] { starts.append(start) }
                    if let end = spell["end"] ?? spell["timestamp"] { ends.append(end) }
                }
            }
            for list in [element["intervals"], element["timestamps"]].compactMap({ $0 }) {
                let isIntervals = list == element["intervals"]
                for group in list.split(separator: ";") {
                    let parts = group.trimmingCharacters(in: CharacterSet(charactersIn: "[]<>() ")).split(separator: ",")
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    guard let first = parts.first else { continue }
                    starts.append(first)
                    ends.append(isIntervals && parts.count > 1 ? parts[1] : first)
                }
            }
            func years(_ texts: [String], _ field: String) -> [Int] {
                texts.compactMap { text in
                    if let year = Interchange.year(text) { return year }
                    if !["-inf", "inf", "infinity", "-infinity"].contains(text.lowercased()) {
                        error("\(owner): \(field) '\(text)' is not a year or date", element.line)
                    }
                    return nil
                }
            }
            return (years(starts, "start").min(), years(ends, "end").max())
        }

        func readNodes(_ container: MarkupElement) {
            for element in container.children("node") {
                guard let id = element["id"], !id.isEmpty else { error("<node> without an 'id'", element.line); continue }
                var attributes = values(of: element, domain: "node", owner: "node '\(id)'")
                if let label = element["label"] { attributes["label"] = label }
                for key in ["start", "end"] { if let value = element[key] { attributes[key] = value } }
                document.nodes.append(Interchange.node(id: id, attributes: attributes, location: at(element.line)))
                if let nested = element.child("nodes") {
                    document.diagnostics.append(.warning("node '\(id)': sub-nodes are read as ordinary nodes", at: at(nested.line)))
                    readNodes(nested)
                }
            }
        }
        for container in graph.children("nodes") { readNodes(container) }
        var undirected: Set<Int> = []
        for container in graph.children("edges") {
            for element in container.children("edge") {
                guard let source = element["source"], let target = element["target"] else {
                    error("<edge> needs 'source' and 'target'", element.line)
                    continue
                }
                let owner = "edge \(source) → \(target)"
                var attributes = values(of: element, domain: "edge", owner: owner)
                if attributes["relation"] == nil, let kind = element["kind"], !kind.isEmpty { attributes["relation"] = kind }
                if let label = element["label"], label != attributes["relation"] { attributes["label"] = label }
                if let weight = element["weight"] {
                    guard let value = Double(weight), value.isFinite, value > 0 else {
                        error("\(owner): weight '\(weight)' is not a positive number", element.line)
                        continue
                    }
                    attributes["weight"] = formatNumber(value)
                }
                let (since, until) = period(of: element, owner: owner)
                if let since { attributes["since"] = String(since) }
                if let until { attributes["until"] = String(until) }
                let type = element["type"] ?? defaultType
                if type == "undirected" || type == "mutual" { undirected.insert(document.edges.count) }
                document.edges.append(Interchange.edge(from: source, to: target, attributes: attributes, location: at(element.line),
                                                       diagnostics: &document.diagnostics))
            }
        }
        document.undirectedEdges = undirected
        return document
    }

    static func typeProblem(_ text: String, type: String) -> String? {
        switch type {
        case "integer", "long", "short", "byte", "biginteger":
            return Int(text.trimmingCharacters(in: .whitespaces)) == nil ? "an integer" : nil
        case "double", "float", "bigdecimal":
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return Double(trimmed) == nil && !["inf", "-inf", "nan", "infinity", "-infinity"].contains(trimmed.lowercased()) ? "a number" : nil
        case "boolean":
            return ["true", "false", "1", "0"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) ? nil : "true or false"
        default:
            return nil
        }
    }
}
