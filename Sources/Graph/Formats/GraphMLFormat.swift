import Foundation

/// GraphML (http://graphml.graphdrawing.org/), read and written.
///
/// Written with a typed `<key>` for every attribute (`weight` double, `since`/`until` int, the rest string),
/// under the names NetworkX and Gephi use (`label`, `weight`). The graph's `<data>` carries the network
/// name and, as JSON text, its sources, kinds and relations, so netmap reads back exactly what it wrote.
/// The graph is undirected when every tie's relation is symmetric, else directed (NetworkX refuses
/// graphs that mix the two).
///
/// Read with a real XML parser (`XMLTree`): keys must be declared before use and values must parse as
/// their declared type; duplicate node ids and duplicate key ids are errors with their line.
public enum GraphMLFormat {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"

    struct Key {
        var id: String
        var domain: String
        var name: String
        var type: String
        var defaultValue: String?
        var line: Int
    }

    // MARK: Writing

    /// The GraphML text of a network. Deterministic: nodes and edges in network order, keys sorted.
    /// - Complexity: O(n + m) in nodes and edges (times their attributes).
    public static func write(_ network: Network) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let graphData: [(String, String)] = (network.name.map { [("name", $0)] } ?? []) + Interchange.declarationTexts(network)
        let nodeFields = network.nodes.map(Interchange.fields(of:))
        let edgeFields = network.edges.map(Interchange.fields(of:))
        var nodeNames = ["label", "kind"], edgeNames = ["relation", "weight"]
        for name in Set(nodeFields.flatMap { $0.map(\.0) }).subtracting(nodeNames).sorted() { nodeNames.append(name) }
        for name in Set(edgeFields.flatMap { $0.map(\.0) }).subtracting(edgeNames).sorted() { edgeNames.append(name) }
        var keyID: [String: String] = [:]
        var counter = 0
        func declare(_ domain: String, _ name: String, _ type: String) {
            let id = "d\(counter)"
            counter += 1
            keyID["\(domain)\u{0}\(name)"] = id
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(xmlEscape(name))\" attr.type=\"\(type)\"/>\n"
        }
        for (name, _) in graphData { declare("graph", name, "string") }
        for name in nodeNames { declare("node", name, "string") }
        for name in edgeNames { declare("edge", name, name == "weight" ? "double" : (name == "since" || name == "until" ? "int" : "string")) }
        let undirected = !network.edges.isEmpty && network.edges.allSatisfy { network.isSymmetric($0.relation) }
        out += "  <graph id=\"G\" edgedefault=\"\(undirected ? "undirected" : "directed")\">\n"
        for (name, value) in graphData {
            out += "    <data key=\"\(keyID["graph\u{0}\(name)"]!)\">\(xmlEscape(value))</data>\n"
        }
        for (node, fields) in zip(network.nodes, nodeFields) {
            out += "    <node id=\"\(xmlEscape(node.id))\">\n"
            for (name, value) in fields {
                out += "      <data key=\"\(keyID["node\u{0}\(name)"]!)\">\(xmlEscape(value))</data>\n"
            }
            out += "    </node>\n"
        }
        for (index, (edge, fields)) in zip(network.edges, edgeFields).enumerated() {
            out += "    <edge id=\"e\(index)\" source=\"\(xmlEscape(edge.from))\" target=\"\(xmlEscape(edge.to))\">\n"
            let all = [(fields[0].0, fields[0].1), ("weight", formatNumber(edge.weight))] + fields.dropFirst()
            for (name, value) in all {
                out += "      <data key=\"\(keyID["edge\u{0}\(name)"]!)\">\(xmlEscape(value))</data>\n"
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    // MARK: Reading

    /// Reads GraphML as NetworkX, Gephi, yEd, igraph or netmap write it.
    /// - Complexity: O(size of the file).
    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
        let root: MarkupElement
        switch XMLTree.parse(data, path: path, root: "graphml", format: "GraphML") {
        case .success(let element): root = element
        case .failure(let diagnostic):
            document.diagnostics.append(diagnostic)
            return document
        }
        var keys: [String: Key] = [:]
        for element in root.children("key") {
            guard let id = element["id"] else {
                document.diagnostics.append(.error("<key> without an 'id'", at: at(element.line)))
                continue
            }
            if let existing = keys[id] {
                document.diagnostics.append(.error("key '\(id)' is declared twice (first on line \(existing.line))", at: at(element.line)))
                continue
            }
            if element["yfiles.type"] != nil { continue }
            let type = (element["attr.type"] ?? "string").lowercased()
            guard ["string", "int", "long", "float", "double", "boolean"].contains(type) else {
                document.diagnostics.append(.error("key '\(id)' has unknown attr.type '\(type)' (expected string, int, long, float, double or boolean)", at: at(element.line)))
                continue
            }
            keys[id] = Key(id: id, domain: element["for"] ?? "all", name: element["attr.name"] ?? id, type: type,
                           defaultValue: element.child("default")?.text, line: element.line)
        }
        let yedKeys = Set(root.children("key").filter { $0["yfiles.type"] != nil }.compactMap { $0["id"] })
        let graphs = root.children("graph")
        guard let graph = graphs.first else {
            document.diagnostics.append(.error("GraphML file has no <graph>", at: at(root.line)))
            return document
        }
        if graphs.count > 1 {
            document.diagnostics.append(.warning("only the first of \(graphs.count) <graph> elements is read", at: at(graphs[1].line)))
        }
        let defaultDirected = (graph["edgedefault"] ?? "directed") != "undirected"

        /// The typed attributes of an element's `<data>` children, defaults filled in.
        func values(of element: MarkupElement, domain: String, owner: String) -> [String: String] {
            var result: [String: String] = [:]
            for key in keys.values where key.domain == domain || key.domain == "all" {
                if let value = key.defaultValue { result[key.name] = value.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            for data in element.children("data") {
                guard let keyID = data["key"] else {
                    document.diagnostics.append(.error("\(owner): <data> without a 'key'", at: at(data.line)))
                    continue
                }
                if yedKeys.contains(keyID) { continue }
                guard let key = keys[keyID] else {
                    document.diagnostics.append(.error("\(owner): key '\(keyID)' is used but not declared (add <key id=\"\(keyID)\" .../>)", at: at(data.line)))
                    continue
                }
                if key.domain != domain && key.domain != "all" {
                    document.diagnostics.append(.error("\(owner): key '\(keyID)' is declared for \(key.domain), not \(domain)", at: at(data.line)))
                    continue
                }
                if !data.children.isEmpty { continue }
                let raw = data.text
                let text = key.type == "string" ? raw : raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if let problem = typeProblem(text, type: key.type) {
                    document.diagnostics.append(.error("\(owner): \(key.name) '\(text)' is not \(problem) (key '\(keyID)' has attr.type \(key.type))", at: at(data.line)))
                    continue
                }
                result[key.name] = normalise(text, type: key.type)
            }
            return result
        }

        var graphValues = values(of: graph, domain: "graph", owner: "graph")
        document.name = graphValues.removeValue(forKey: "name")
        let unreadable = Interchange.readDeclarations(graphValues, into: &document)
        for key in unreadable {
            document.diagnostics.append(.warning("graph data '\(key)' is not netmap's JSON declaration; ignored", at: at(graph.line)))
        }
        for element in graph.children("node") {
            guard let id = element["id"], !id.isEmpty else {
                document.diagnostics.append(.error("<node> without an 'id'", at: at(element.line)))
                continue
            }
            if element.child("graph") != nil {
                document.diagnostics.append(.warning("node '\(id)': nested graph ignored", at: at(element.line)))
            }
            document.nodes.append(Interchange.node(id: id, attributes: values(of: element, domain: "node", owner: "node '\(id)'"), location: at(element.line)))
        }
        var undirected: Set<Int> = []
        for element in graph.children("edge") {
            guard let source = element["source"], let target = element["target"] else {
                document.diagnostics.append(.error("<edge> needs 'source' and 'target'", at: at(element.line)))
                continue
            }
            let owner = "edge \(source) → \(target)"
            var directed = defaultDirected
            if let text = element["directed"] {
                guard let value = ["true": true, "false": false, "1": true, "0": false][text] else {
                    document.diagnostics.append(.error("\(owner): directed '\(text)' is not true or false", at: at(element.line)))
                    continue
                }
                directed = value
            }
            if !directed { undirected.insert(document.edges.count) }
            var attributes = values(of: element, domain: "edge", owner: owner)
            attributes.removeValue(forKey: "id")
            document.edges.append(Interchange.edge(from: source, to: target, attributes: attributes, location: at(element.line),
                                                   diagnostics: &document.diagnostics))
        }
        if !graph.children("hyperedge").isEmpty {
            document.diagnostics.append(.warning("hyperedges are not supported and were ignored", at: at(graph.children("hyperedge")[0].line)))
        }
        document.undirectedEdges = undirected
        return document
    }

    /// What a value is not, when it does not parse as its declared type.
    static func typeProblem(_ text: String, type: String) -> String? {
        switch type {
        case "int", "long": return Int(text) == nil ? "an integer" : nil
        case "float", "double":
            let lowered = text.lowercased()
            return Double(text) == nil && !["inf", "-inf", "nan", "infinity", "-infinity"].contains(lowered) ? "a number" : nil
        case "boolean": return ["true", "false", "1", "0"].contains(text.lowercased()) ? nil : "true or false"
        default: return nil
        }
    }

    /// Numbers as short text ("1" not "1.0"), booleans as true/false.
    static func normalise(_ text: String, type: String) -> String {
        switch type {
        case "float", "double": return Double(text).map(formatNumber) ?? text
        case "boolean": return ["true", "1"].contains(text.lowercased()) ? "true" : "false"
        default: return text
        }
    }
}
