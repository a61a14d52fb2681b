import Foundation
import XCTest
@testable import Graph

/// The GraphML reader netmap had before its own tokenizer (Foundation's XMLParser over libxml2, through
/// `XMLTree`), kept as the oracle of `GraphMLReaderTests`: the streaming reader must give the same document on
/// every file libxml2 reads. (libxml2 fails on files over its limits, which is why the reader was replaced.)
enum LegacyGraphMLReader {
    static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
        let root: MarkupElement
        switch XMLTree.parse(data, path: path, root: "graphml", format: "GraphML") {
        case .success(let element): root = element
        case .failure(let diagnostic):
            document.diagnostics.append(diagnostic)
            return document
        }
        var keys: [String: GraphMLFormat.Key] = [:]
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
            keys[id] = GraphMLFormat.Key(id: id, domain: element["for"] ?? "all", name: element["attr.name"] ?? id, type: type,
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
                if let problem = GraphMLFormat.typeProblem(text, type: key.type) {
                    document.diagnostics.append(.error("\(owner): \(key.name) '\(text)' is not \(problem) (key '\(keyID)' has attr.type \(key.type))", at: at(data.line)))
                    continue
                }
                result[key.name] = GraphMLFormat.normalise(text, type: key.type)
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

}
