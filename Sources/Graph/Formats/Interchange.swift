import Foundation

/// How netmap's fields map onto the flat, per-node and per-edge attributes of GraphML, GEXF, Pajek, GML and
/// DOT, shared by their readers and writers.
///
/// Nodes: `label`, `kind`, `tags` (joined with `|`), then every extra attribute. Edges: `relation`, `weight`,
/// `cite` (source ids joined with `|`), `page` (one page, or one per citation joined with `|` when they
/// differ), `since`, `until`, then every extra attribute. A file from another tool that lacks `kind` gets
/// kind `node`; an edge without `relation` gets `related_to`. Kinds and relations the file uses but does
/// not declare are its own vocabulary (declared by the loader, a relation as symmetric when its edges are
/// undirected), and cited sources it does not describe get a source whose title is its id.
public enum Interchange {
    /// Node fields netmap reads itself; every other attribute is kept as text.
    static let nodeFields: Set<String> = ["id", "label", "kind", "tags"]
    /// Edge fields netmap reads itself.
    static let edgeFields: Set<String> = ["relation", "weight", "cite", "page", "since", "until"]

    /// A node's attributes as flat text: label, kind, tags and extras.
    public static func fields(of node: Node) -> [(String, String)] {
        var result: [(String, String)] = [("label", node.label), ("kind", node.kind)]
        if !node.tags.isEmpty { result.append(("tags", node.tags.joined(separator: "|"))) }
        for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) where !nodeFields.contains(key) {
            result.append((key, value))
        }
        return result
    }

    /// The citations' ids and pages as the `cite` and `page` texts.
    public static func citeAndPage(_ citations: [Citation]) -> (cite: String?, page: String?) {
        guard !citations.isEmpty else { return (nil, nil) }
        let cite = citations.map(\.source).joined(separator: "|")
        let pages = citations.map(\.page)
        if Set(pages).count == 1 { return (cite, pages[0]) }
        return (cite, pages.map { $0 ?? "" }.joined(separator: "|"))
    }

    /// An edge's attributes as flat text, weight excluded (formats give it its own place or type).
    public static func fields(of edge: Edge) -> [(String, String)] {
        var result: [(String, String)] = [("relation", edge.relation)]
        let (cite, page) = citeAndPage(edge.citations)
        if let cite { result.append(("cite", cite)) }
        if let page { result.append(("page", page)) }
        if let since = edge.since { result.append(("since", String(since))) }
        if let until = edge.until { result.append(("until", String(until))) }
        for (key, value) in edge.attributes.sorted(by: { $0.key < $1.key }) where !edgeFields.contains(key) || (key == "page" && cite == nil) {
            result.append((key, value))
        }
        return result
    }

    /// Builds a node from flat attributes.
    public static func node(id: String, attributes: [String: String], location: SourceLocation) -> Node {
        var node = Node(id: id, label: attributes["label"].flatMap { $0.isEmpty ? nil : $0 } ?? id,
                        kind: attributes["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "node", location: location)
        node.tags = CSVFormat.splitList(attributes["tags"])
        for (key, value) in attributes where !nodeFields.contains(key) { node.attributes[key] = value }
        return node
    }

    /// Builds an edge from flat attributes, reporting bad weights and years.
    public static func edge(from: String, to: String, attributes: [String: String], location: SourceLocation,
                     diagnostics: inout [Diagnostic]) -> Edge {
        let relation = attributes["relation"].flatMap { $0.isEmpty ? nil : $0 } ?? "related_to"
        var edge = Edge(from: from, to: to, relation: relation, location: location)
        let name = "edge \(from) → \(to)"
        let cites = CSVFormat.splitList(attributes["cite"])
        if let page = attributes["page"], !cites.isEmpty {
            let parts = page.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            if cites.count > 1, parts.count == cites.count {
                edge.citations = zip(cites, parts).map { Citation(source: $0, page: $1.isEmpty ? nil : $1) }
            } else {
                edge.citations = cites.map { Citation(source: $0, page: page.isEmpty ? nil : page) }
            }
        } else {
            edge.citations = cites.map { Citation(source: $0) }
            if let page = attributes["page"] { edge.attributes["page"] = page }
        }
        for field in ["since", "until"] {
            guard let text = attributes[field], !text.isEmpty else { continue }
            if let year = year(text) {
                if field == "since" { edge.since = year } else { edge.until = year }
            } else {
                diagnostics.append(.error("\(name): \(field) '\(text)' is not a year", at: location))
            }
        }
        if let text = attributes["weight"], !text.isEmpty {
            if let weight = Double(text.trimmingSpaces), weight.isFinite, weight > 0 { edge.weight = weight }
            else { diagnostics.append(.error("\(name): weight '\(text)' is not a positive number", at: location)) }
        }
        for (key, value) in attributes where !edgeFields.contains(key) { edge.attributes[key] = value }
        return edge
    }

    /// A year from a whole number ("2014", "2014.0") or a date ("2014-05-01").
    static func year(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        if let year = parseYear(trimmed) { return year }
        if let value = Double(trimmed), value == value.rounded(), (1...9999).contains(value) { return Int(value) }
        if trimmed.count >= 10, trimmed.dropFirst(4).first == "-", let year = parseYear(String(trimmed.prefix(4))) { return year }
        return nil
    }

    /// Names the undirected ties of a file without relations `connected_to` (not `related_to`) and declares
    /// the sources it cites without describing them. The kinds and relations it uses without declaring are
    /// declared by the loader once all files are merged (`NetworkLoader.takeVocabularyFromData`).
    public static func declareImpliedSources(in document: inout NetworkDocument, undirectedEdges: Set<Int> = []) {
        for index in undirectedEdges where index < document.edges.count && document.edges[index].relation == "related_to" {
            document.edges[index].relation = "connected_to"
        }
        let declaredSources = Set(document.sources.map(\.id))
        var implied: [String] = []
        var seen: Set<String> = []
        for edge in document.edges {
            for citation in edge.citations where !declaredSources.contains(citation.source) && seen.insert(citation.source).inserted {
                implied.append(citation.source)
            }
        }
        for id in implied { document.sources.append(Source(id: id, title: id, location: SourceLocation(file: document.path))) }
    }

    /// The network's name, sources, kinds and relations as JSON texts (for GraphML graph data).
    static func declarationTexts(_ network: Network) -> [(String, String)] {
        guard let graph = NodeLinkFormat.object(network)["graph"] as? [String: Any] else { return [] }
        var result: [(String, String)] = []
        for key in ["sources", "kinds", "relations"] {
            guard let value = graph[key],
                  let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { continue }
            result.append((key, String(decoding: data, as: UTF8.self)))
        }
        return result
    }

    /// Reads declarations written by `declarationTexts` into a document; returns the keys whose text is not
    /// such JSON. `locations` places each key's text in the file, for the declared kinds' problems.
    static func readDeclarations(_ texts: [String: String], at locations: [String: SourceLocation] = [:],
                                 into document: inout NetworkDocument) -> [String] {
        var graph: [String: Any] = [:]
        var unreadable: [String] = []
        for key in ["sources", "kinds", "relations"] {
            guard let text = texts[key] else { continue }
            if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
                graph[key] = value
            } else {
                unreadable.append(key)
            }
        }
        guard !graph.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: ["graph": graph, "nodes": [Any](), "edges": [Any]()]) else {
            return unreadable
        }
        let declared = NodeLinkFormat.read(data, path: document.path)
        document.sources += declared.sources.map { source in
            var source = source
            source.location = SourceLocation(file: document.path)
            return source
        }
        document.kinds += declared.kinds
        if let location = locations["kinds"] {
            for kind in declared.kinds where document.kindLocations[kind.id] == nil { document.kindLocations[kind.id] = location }
        }
        document.relations += declared.relations
        return unreadable
    }
}
