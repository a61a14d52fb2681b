import Foundation

/// GML, the Graph Modelling Language (Himsolt, *GML: A portable Graph File Format*, 1997), read.
///
/// Reads `graph [ directed 1 node [ id 0 label "Myriel" ... ] edge [ source 0 target 1 ... ] ]` as
/// NetworkX, igraph and Cytoscape write it. A node's `label` is its netmap id when labels are unique
/// strings (NetworkX's convention), else its GML `id` is. Strings may hold `&#N;`, `&#xN;`, `&amp;`,
/// `&quot;`, `&lt;`, `&gt;` and `&apos;` character references; nested lists (`graphics [...]`) are skipped.
public enum GMLFormat {
    enum Value {
        case scalar(String, isString: Bool)
        case list([(key: String, value: Value, line: Int)])
    }

    struct ParseError: Error {
        var message: String
        var line: Int
    }

    /// Reads a GML file.
    /// - Complexity: O(size of the file).
    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            document.diagnostics.append(.error("file is not text", at: at(1)))
            return document
        }
        let top: [(key: String, value: Value, line: Int)]
        do {
            var parser = Parser(scalars: Array(text.unicodeScalars))
            top = try parser.list(closed: false)
        } catch let error as ParseError {
            document.diagnostics.append(.error("GML syntax: \(error.message)", at: at(error.line)))
            return document
        } catch {
            document.diagnostics.append(.error("GML syntax: \(error)", at: at(1)))
            return document
        }
        guard let graphEntry = top.first(where: { $0.key == "graph" }), case .list(let graph) = graphEntry.value else {
            document.diagnostics.append(.error("GML file has no 'graph [ ... ]'", at: at(1)))
            return document
        }
        func scalars(_ entries: [(key: String, value: Value, line: Int)]) -> [String: (String, Bool)] {
            var result: [String: (String, Bool)] = [:]
            for entry in entries { if case .scalar(let text, let isString) = entry.value, result[entry.key] == nil { result[entry.key] = (text, isString) } }
            return result
        }
        let graphScalars = scalars(graph)
        let directed = graphScalars["directed"]?.0 == "1"
        if let name = graphScalars["name"]?.0 ?? graphScalars["label"]?.0 { document.name = name }
        var nodes: [(gmlID: String, fields: [String: (String, Bool)], line: Int)] = []
        var seen: [String: Int] = [:]
        for entry in graph where entry.key == "node" {
            guard case .list(let list) = entry.value else { continue }
            let fields = scalars(list)
            guard let id = fields["id"]?.0 else {
                document.diagnostics.append(.error("node without an 'id'", at: at(entry.line)))
                continue
            }
            if let first = seen[id] {
                document.diagnostics.append(.error("duplicate node id '\(id)' (first on line \(first))", at: at(entry.line)))
                continue
            }
            seen[id] = entry.line
            nodes.append((id, fields, entry.line))
        }
        let labels = nodes.compactMap { $0.fields["label"]?.0 }
        let labelsAreIDs = labels.count == nodes.count && Set(labels).count == labels.count && !labels.contains("")
        var idFor: [String: String] = [:]
        for node in nodes {
            let id = labelsAreIDs ? (node.fields["label"]?.0 ?? node.gmlID) : node.gmlID
            idFor[node.gmlID] = id
            var attributes = node.fields.mapValues(\.0)
            attributes.removeValue(forKey: "id")
            if !labelsAreIDs && node.gmlID != id { attributes["gml_id"] = node.gmlID }
            document.nodes.append(Interchange.node(id: id, attributes: attributes, location: at(node.line)))
        }
        var undirected: Set<Int> = []
        for entry in graph where entry.key == "edge" {
            guard case .list(let list) = entry.value else { continue }
            var attributes = scalars(list).mapValues(\.0)
            guard let source = attributes.removeValue(forKey: "source"), let target = attributes.removeValue(forKey: "target") else {
                document.diagnostics.append(.error("edge needs 'source' and 'target'", at: at(entry.line)))
                continue
            }
            attributes.removeValue(forKey: "key")
            attributes.removeValue(forKey: "id")
            let from = idFor[source] ?? source, to = idFor[target] ?? target
            if !directed { undirected.insert(document.edges.count) }
            document.edges.append(Interchange.edge(from: from, to: to, attributes: attributes, location: at(entry.line),
                                                   diagnostics: &document.diagnostics))
        }
        document.undirectedEdges = undirected
        return document
    }

    /// The deepest nesting of `[ ... ]` lists read (a network needs 3 or 4); deeper input is refused
    /// rather than recursed into until the stack overflows.
    static let maxDepth = 100

    struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var line = 1
        var depth = 0

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func skipSpace() {
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\n" { line += 1; position += 1 }
                else if scalar == "#" { while position < scalars.count && scalars[position] != "\n" { position += 1 } }
                else if scalar.properties.isWhitespace { position += 1 }
                else { break }
            }
        }

        mutating func list(closed: Bool) throws -> [(key: String, value: Value, line: Int)] {
            var entries: [(key: String, value: Value, line: Int)] = []
            while true {
                skipSpace()
                guard position < scalars.count else {
                    if closed { throw ParseError(message: "missing ']'", line: line) }
                    return entries
                }
                if scalars[position] == "]" {
                    guard closed else { throw ParseError(message: "unexpected ']'", line: line) }
                    position += 1
                    return entries
                }
                let keyLine = line
                var key = ""
                while position < scalars.count, scalars[position].properties.isAlphabetic || scalars[position] == "_"
                        || ("0"..."9").contains(scalars[position]) {
                    key.unicodeScalars.append(scalars[position])
                    position += 1
                }
                guard !key.isEmpty else { throw ParseError(message: "expected a key, found '\(scalars[position])'", line: line) }
                skipSpace()
                guard position < scalars.count else { throw ParseError(message: "key '\(key)' has no value", line: line) }
                entries.append((key, try value(), keyLine))
            }
        }

        mutating func value() throws -> Value {
            let scalar = scalars[position]
            if scalar == "[" {
                guard depth < GMLFormat.maxDepth else {
                    throw ParseError(message: "lists nested more than \(GMLFormat.maxDepth) deep", line: line)
                }
                position += 1
                depth += 1
                defer { depth -= 1 }
                return .list(try list(closed: true))
            }
            if scalar == "\"" {
                let start = line
                position += 1
                var text = ""
                while position < scalars.count && scalars[position] != "\"" {
                    if scalars[position] == "\n" { line += 1 }
                    text.unicodeScalars.append(scalars[position])
                    position += 1
                }
                guard position < scalars.count else { throw ParseError(message: "string not closed", line: start) }
                position += 1
                return .scalar(decodeCharacterReferences(text), isString: true)
            }
            var text = ""
            while position < scalars.count, !scalars[position].properties.isWhitespace, scalars[position] != "]", scalars[position] != "[" {
                text.unicodeScalars.append(scalars[position])
                position += 1
            }
            guard Double(text) != nil || ["inf", "-inf", "nan", "+inf"].contains(text.lowercased()) else {
                throw ParseError(message: "'\(text)' is neither a number, a quoted string nor a list", line: line)
            }
            return .scalar(text.hasSuffix(".0") ? String(text.dropLast(2)) : text, isString: false)
        }
    }

}
