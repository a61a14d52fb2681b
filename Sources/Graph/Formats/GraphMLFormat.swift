import Foundation

/// GraphML (http://graphml.graphdrawing.org/), read and written.
///
/// Written with a typed `<key>` for every attribute (`weight` double, `since`/`until` int, the rest string),
/// under the names NetworkX and Gephi use (`label`, `weight`). The graph's `<data>` carries the network
/// name and, as JSON text, its sources, kinds and relations, so netmap reads back exactly what it wrote.
/// The graph is undirected when every tie's relation is symmetric, else directed (NetworkX refuses
/// graphs that mix the two).
///
/// Read with netmap's own streaming XML tokenizer (`XMLTokenizer`, walked by `GraphMLStructure`): keys must
/// be declared and values must parse as their declared type; duplicate node ids and duplicate key ids are
/// errors with their line.
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

    /// Reads GraphML as NetworkX, Gephi, yEd, igraph or netmap write it, streaming (`GraphMLStructure` over
    /// `XMLTokenizer`): no element tree, so files of any size load.
    /// - Complexity: O(size of the file).
    public static func read(_ data: Data, path: String, blockSize: Int = 1 << 20) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        if let refusal = XMLTree.refusal(data, path: path, scanForBinary: false) {
            document.diagnostics.append(refusal)
            return document
        }
        let text: Data, transcoded: Bool
        switch GraphMLStructure.utf8(data, path: path) {
        case .success(let converted): (text, transcoded) = converted
        case .failure(let diagnostic):
            document.diagnostics.append(diagnostic)
            return document
        }
        var reader = TypedReader(path: path)
        var outcome: GraphMLStructure.Outcome
        do {
            var tokenizer = XMLTokenizer(.data(text), blockSize: blockSize, ignoresDeclaredEncoding: transcoded)
            outcome = try GraphMLStructure.walk(&tokenizer, into: &reader)
            if case .read(_, _, _, lateKey: true) = outcome {
                // A key declared after the graph applies to it too: read the graph again, every key known.
                var again = TypedReader(path: path)
                (again.keys, again.keyOrder, again.yedKeys, again.keyDiagnostics) = (reader.keys, reader.keyOrder, reader.yedKeys, reader.keyDiagnostics)
                reader = again
                var second = XMLTokenizer(.data(text), blockSize: blockSize, ignoresDeclaredEncoding: transcoded)
                outcome = try GraphMLStructure.walk(&second, into: &reader, keys: false)
            }
        } catch {
            document.diagnostics.append(.error(error.message, at: SourceLocation(file: path, line: error.line)))
            return document
        }
        return reader.document(outcome)
    }

    /// The typed reader: a `NetworkDocument` with every attribute, as `GraphMLStructure` walks the file.
    struct TypedReader: GraphMLHandler {
        let path: String
        var keys: [String: Key] = [:]
        /// Keys in declaration order (defaults are filled in in this order).
        var keyOrder: [String] = []
        var yedKeys: Set<String> = []
        var keyDiagnostics: [Diagnostic] = []
        var graphData: [Datum] = []
        var graphLine = 0
        var defaultDirected = true
        var owner: Datum.Owner?
        var data: [Datum] = []
        var nodes: [Node] = []
        var edges: [Edge] = []
        var undirected: Set<Int> = []
        var elementDiagnostics: [Diagnostic] = []
        var hyperedgeLine: Int?

        /// A `<data>` read: its key, its text, whether it held elements, its line.
        struct Datum {
            enum Owner { case node(id: String?, line: Int), edge(source: String?, target: String?, directed: String?, line: Int) }
            var key: String?
            var text: String
            var hasElements: Bool
            var line: Int
        }

        init(path: String) { self.path = path }

        func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }

        mutating func key(_ element: GraphMLStructure.KeyElement) {
            guard let id = element.id else {
                keyDiagnostics.append(.error("<key> without an 'id'", at: at(element.line)))
                return
            }
            if let existing = keys[id] {
                keyDiagnostics.append(.error("key '\(id)' is declared twice (first on line \(existing.line))", at: at(element.line)))
                return
            }
            if element.isYFiles { yedKeys.insert(id); return }
            let type = (element.type ?? "string").lowercased()
            guard ["string", "int", "long", "float", "double", "boolean"].contains(type) else {
                keyDiagnostics.append(.error("key '\(id)' has unknown attr.type '\(type)' (expected string, int, long, float, double or boolean)", at: at(element.line)))
                return
            }
            keys[id] = Key(id: id, domain: element.domain ?? "all", name: element.name ?? id, type: type, defaultValue: element.defaultText, line: element.line)
            keyOrder.append(id)
        }

        mutating func graphStart(edgeDefault: UnsafeBufferPointer<UInt8>?, line: Int) {
            graphLine = line
            defaultDirected = edgeDefault.map { !XMLTokenizer.equal($0, "undirected") } ?? true
        }

        mutating func nodeStart(_ tag: XMLTokenizer) {
            owner = .node(id: tag.attribute("id").map(XMLTokenizer.string), line: tag.line)
            data.removeAll()
        }

        mutating func edgeStart(_ tag: XMLTokenizer) {
            owner = .edge(source: tag.attribute("source").map(XMLTokenizer.string), target: tag.attribute("target").map(XMLTokenizer.string),
                          directed: tag.attribute("directed").map(XMLTokenizer.string), line: tag.line)
            data.removeAll()
        }

        mutating func data(key: UnsafeBufferPointer<UInt8>?, text: UnsafeBufferPointer<UInt8>, hasElements: Bool, line: Int) {
            let datum = Datum(key: key.map(XMLTokenizer.string), text: XMLTokenizer.string(text), hasElements: hasElements, line: line)
            if owner == nil { graphData.append(datum) } else { data.append(datum) }
        }

        mutating func nestedGraph(line: Int) {
            if case .node(let id?, _) = owner, !id.isEmpty {
                elementDiagnostics.append(.warning("node '\(id)': nested graph ignored", at: at(line)))
            }
        }

        mutating func nodeEnd() {
            defer { owner = nil }
            guard case .node(let id, let line) = owner else { return }
            guard let id, !id.isEmpty else {
                elementDiagnostics.append(.error("<node> without an 'id'", at: at(line)))
                return
            }
            nodes.append(Interchange.node(id: id, attributes: values(data, domain: "node", owner: "node '\(id)'", into: &elementDiagnostics), location: at(line)))
        }

        mutating func edgeEnd() {
            defer { owner = nil }
            guard case .edge(let source, let target, let directedText, let line) = owner else { return }
            guard let source, let target else {
                elementDiagnostics.append(.error("<edge> needs 'source' and 'target'", at: at(line)))
                return
            }
            let name = "edge \(source) → \(target)"
            var directed = defaultDirected
            if let directedText {
                guard let value = ["true": true, "false": false, "1": true, "0": false][directedText] else {
                    elementDiagnostics.append(.error("\(name): directed '\(directedText)' is not true or false", at: at(line)))
                    return
                }
                directed = value
            }
            if !directed { undirected.insert(edges.count) }
            var attributes = values(data, domain: "edge", owner: name, into: &elementDiagnostics)
            attributes.removeValue(forKey: "id")
            edges.append(Interchange.edge(from: source, to: target, attributes: attributes, location: at(line), diagnostics: &elementDiagnostics))
        }

        mutating func hyperedge(line: Int) {
            if hyperedgeLine == nil { hyperedgeLine = line }
        }

        /// The typed attributes of an element's `<data>`, defaults filled in.
        func values(_ data: [Datum], domain: String, owner: String, into diagnostics: inout [Diagnostic]) -> [String: String] {
            var result: [String: String] = [:]
            for id in keyOrder {
                guard let key = keys[id], key.domain == domain || key.domain == "all", let value = key.defaultValue else { continue }
                result[key.name] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            for datum in data {
                guard let keyID = datum.key else {
                    diagnostics.append(.error("\(owner): <data> without a 'key'", at: at(datum.line)))
                    continue
                }
                if yedKeys.contains(keyID) { continue }
                guard let key = keys[keyID] else {
                    diagnostics.append(.error("\(owner): key '\(keyID)' is used but not declared (add <key id=\"\(keyID)\" .../>)", at: at(datum.line)))
                    continue
                }
                if key.domain != domain && key.domain != "all" {
                    diagnostics.append(.error("\(owner): key '\(keyID)' is declared for \(key.domain), not \(domain)", at: at(datum.line)))
                    continue
                }
                if datum.hasElements { continue }
                let text = key.type == "string" ? datum.text : datum.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if let problem = GraphMLFormat.typeProblem(text, type: key.type) {
                    diagnostics.append(.error("\(owner): \(key.name) '\(text)' is not \(problem) (key '\(keyID)' has attr.type \(key.type))", at: at(datum.line)))
                    continue
                }
                result[key.name] = GraphMLFormat.normalise(text, type: key.type)
            }
            return result
        }

        /// The graph's name and declarations (sources, kinds, relations) from its `<data>`, into `document`.
        func readGraphData(into document: inout NetworkDocument) {
            var graphValues = values(graphData, domain: "graph", owner: "graph", into: &document.diagnostics)
            document.name = graphValues.removeValue(forKey: "name")
            // Each declaration's problems (a kind's colour that is not a colour) point at its <data> element.
            var lines: [String: SourceLocation] = [:]
            for datum in graphData { if let name = datum.key.flatMap({ keys[$0]?.name }), lines[name] == nil { lines[name] = at(datum.line) } }
            for key in Interchange.readDeclarations(graphValues, at: lines, into: &document) {
                document.diagnostics.append(.warning("graph data '\(key)' is not netmap's JSON declaration; ignored", at: at(graphLine)))
            }
        }

        /// The document read, once the walk has ended.
        consuming func document(_ outcome: GraphMLStructure.Outcome) -> NetworkDocument {
            var document = NetworkDocument(path: path)
            switch outcome {
            case .otherRoot(let name, let line):
                document.diagnostics.append(.error("not GraphML: the root element is <\(name)>, expected <graphml>", at: at(line)))
                return document
            case .read(let rootLine, let graphs, let secondGraphLine, _):
                document.diagnostics = keyDiagnostics
                guard graphs > 0 else {
                    document.diagnostics.append(.error("GraphML file has no <graph>", at: at(rootLine)))
                    return document
                }
                if graphs > 1, let secondGraphLine {
                    document.diagnostics.append(.warning("only the first of \(graphs) <graph> elements is read", at: at(secondGraphLine)))
                }
            }
            readGraphData(into: &document)
            document.diagnostics += elementDiagnostics
            if let hyperedgeLine {
                document.diagnostics.append(.warning("hyperedges are not supported and were ignored", at: at(hyperedgeLine)))
            }
            document.nodes = nodes
            document.edges = edges
            document.undirectedEdges = undirected
            return document
        }
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
