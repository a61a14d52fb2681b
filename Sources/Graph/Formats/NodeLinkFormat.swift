import Foundation

/// NetworkX node-link JSON (the layout of NetworkX 3.6: ties under `edges`), read and written.
///
/// Written as a directed multigraph so that `networkx.node_link_graph(data)` reads it with its defaults; the
/// graph attributes carry the network name, sources and the relations' directedness.
public enum NodeLinkFormat {
    /// The node-link object for a network, ready for `JSONSerialization`.
    public static func object(_ network: Network) -> [String: Any] {
        var graph: [String: Any] = [:]
        if let name = network.name { graph["name"] = name }
        graph["sources"] = Dictionary(uniqueKeysWithValues: network.sources.values.map { source -> (String, Any) in
            var fields: [String: Any] = ["title": source.title]
            if let publisher = source.publisher { fields["publisher"] = publisher }
            if let year = source.year { fields["year"] = year }
            if let url = source.url { fields["url"] = url }
            for (key, value) in source.attributes { fields[key] = value }
            return (source.id, fields)
        })
        graph["relations"] = Dictionary(uniqueKeysWithValues: network.relations.values.map {
            ($0.id, ["label": $0.label, "symmetric": $0.symmetric] as [String: Any])
        })
        let declaredKinds = network.kinds.values.filter { !$0.isBuiltIn || $0.color != nil || $0.shape != nil }
        if !declaredKinds.isEmpty {
            graph["kinds"] = Dictionary(uniqueKeysWithValues: declaredKinds.map { kind -> (String, Any) in
                var fields: [String: Any] = ["label": kind.label]
                if let color = kind.color { fields["color"] = color }
                if let shape = kind.shape { fields["shape"] = shape }
                return (kind.id, fields)
            })
        }
        let nodes: [[String: Any]] = network.nodes.map { node in
            var fields: [String: Any] = ["id": node.id, "label": node.label, "kind": node.kind]
            if !node.tags.isEmpty { fields["tags"] = node.tags }
            for (key, value) in node.attributes where fields[key] == nil { fields[key] = value }
            return fields
        }
        var keys: [String: Int] = [:]
        let edges: [[String: Any]] = network.edges.map { edge in
            var fields: [String: Any] = ["source": edge.from, "target": edge.to, "relation": edge.relation, "weight": edge.weight]
            let pair = "\(edge.from)\u{0}\(edge.to)"
            fields["key"] = keys[pair, default: 0]
            keys[pair, default: 0] += 1
            let pages = Set(edge.citations.map(\.page))
            if pages.count <= 1 {
                if !edge.citations.isEmpty { fields["cite"] = edge.citations.map(\.source) }
                if let page = pages.first ?? nil { fields["page"] = page }
            } else {
                fields["cite"] = edge.citations.map { citation -> [String: Any] in
                    var entry: [String: Any] = ["source": citation.source]
                    if let page = citation.page { entry["page"] = page }
                    return entry
                }
            }
            if let since = edge.since { fields["since"] = since }
            if let until = edge.until { fields["until"] = until }
            for (key, value) in edge.attributes where fields[key] == nil { fields[key] = value }
            return fields
        }
        return ["directed": true, "multigraph": true, "graph": graph, "nodes": nodes, "edges": edges]
    }

    /// The node-link JSON text, with sorted keys so the same network always gives the same bytes.
    public static func write(_ network: Network) throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: object(network), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Foundation's reason for a JSON syntax error ("Invalid value around character 8.") and the line of
    /// that character offset, or the last line when the text ends early; nil when the reason gives neither.
    public static func describe(_ error: Error, in data: Data) -> (String, Int?) {
        let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        func line(at offset: Int) -> Int { 1 + data.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        if reason.lowercased().contains("end of file") || reason.lowercased().contains("unexpected end") {
            let end = data.last == 0x0A ? data.count - 1 : data.count
            return ("the text ends before the JSON is complete (a missing ']', '}' or '\"'?)", line(at: end))
        }
        guard let range = reason.range(of: "character "),
              let offset = Int(reason[range.upperBound...].prefix(while: \.isNumber)) else { return (reason, nil) }
        // The line is given as the diagnostic's place; a character offset means little to a reader.
        let cause = reason.replacingOccurrences(of: " around character \(offset)", with: "")
        return (cause, line(at: offset))
    }

    /// The line of the first `"key":` in the JSON text after byte `offset` (nil when it is not there as such,
    /// e.g. written with escapes), and the offset just past it. JSONSerialization gives no positions; this
    /// finds the place of a value a message is about.
    /// - Complexity: O(n) in the size of the text.
    public static func place(ofKey key: String, in data: Data, after offset: Int = 0) -> (line: Int, end: Int)? {
        let needle = Array(("\"" + key + "\"").utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (line: Int, end: Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = min(offset, bytes.count)
            while let found = bytes[start...].firstRange(of: needle) {
                var after = found.upperBound
                while after < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[after]) { after += 1 }
                if after < bytes.count, bytes[after] == UInt8(ascii: ":") {
                    return (1 + bytes[..<found.lowerBound].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, after)
                }
                start = found.upperBound
            }
            return nil
        }
    }

    /// The line on which each element of the array under the top-level key `key` (`"nodes"`, `"edges"`)
    /// starts, in order; empty when the text has no such array.
    /// - Complexity: one pass over the bytes up to the end of that array; strings are skipped, not decoded.
    static func elementLines(ofArray key: String, in data: Data) -> [Int] {
        let wanted = Array(key.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [Int] = []
            var line = 1, depth = 0, index = 0
            var lastKey: Range<Int>?
            var awaitingValue = false, inArray = false, expectElement = false
            func element() {
                if inArray && depth == 2 && expectElement { lines.append(line); expectElement = false }
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x0A: line += 1
                case 0x20, 0x09, 0x0D: break
                case UInt8(ascii: "\""):
                    element()
                    let start = index + 1
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        if bytes[index] == UInt8(ascii: "\\") { index += 1 } else if bytes[index] == 0x0A { line += 1 }
                        index += 1
                    }
                    lastKey = depth == 1 && !awaitingValue ? start..<min(index, bytes.count) : nil
                    awaitingValue = false
                case UInt8(ascii: ":"):
                    awaitingValue = depth == 1 && lastKey.map { bytes[$0].elementsEqual(wanted) } == true
                    lastKey = nil
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    element()
                    depth += 1
                    if byte == UInt8(ascii: "["), depth == 2, awaitingValue { inArray = true; expectElement = true }
                    awaitingValue = false
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if inArray && depth == 2 { return lines }
                    depth -= 1
                case UInt8(ascii: ","):
                    if inArray && depth == 2 { expectElement = true }
                default:
                    element()
                    awaitingValue = false
                }
                index += 1
            }
            return lines
        }
    }

    /// The line of the first `"key":` in the JSON text (see `place(ofKey:in:after:)`).
    public static func line(ofKey key: String, in data: Data) -> Int? { place(ofKey: key, in: data)?.line }

    /// Reads node-link JSON as NetworkX writes it (`edges` or the older `links`).
    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        let location = SourceLocation(file: path)
        func fail(_ message: String) -> NetworkDocument {
            document.diagnostics.append(.error(message, at: location))
            return document
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return fail("file is empty: expected node-link JSON, an object with 'nodes' and 'edges' lists")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let (reason, line) = Self.describe(error, in: data)
            document.diagnostics.append(.error("not valid JSON: \(reason)", at: SourceLocation(file: path, line: line)))
            return document
        }
        guard let object = parsed as? [String: Any], let nodes = object["nodes"] as? [Any] else {
            return fail("expected node-link JSON: an object with 'nodes' and 'edges' lists")
        }
        let graph = object["graph"] as? [String: Any] ?? [:]
        document.name = graph["name"] as? String
        for (id, value) in (graph["sources"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let fields = value as? [String: Any] ?? [:]
            var source = Source(id: id, title: fields["title"] as? String ?? id, location: location)
            source.publisher = fields["publisher"] as? String
            source.year = (fields["year"] as? NSNumber)?.intValue
            source.url = fields["url"] as? String
            for (key, value) in fields where !["title", "publisher", "year", "url"].contains(key) { source.attributes[key] = text(value) }
            document.sources.append(source)
        }
        for (id, value) in (graph["relations"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let fields = value as? [String: Any] ?? [:]
            document.relations.append(RelationInfo(id: id, label: fields["label"] as? String,
                                                   symmetric: (fields["symmetric"] as? Bool) ?? false))
        }
        for (id, value) in (graph["kinds"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let fields = value as? [String: Any] ?? [:]
            document.kinds.append(KindInfo(id: id, label: fields["label"] as? String ?? id,
                                           color: fields["color"] as? String, shape: fields["shape"] as? String))
        }
        // The line of a kind whose colour or shape will be refused (only those: each is a search of the text).
        let refused = document.kinds.filter { !DrawingValue.problems(in: $0, at: location).isEmpty }
        if !refused.isEmpty, let kinds = Self.place(ofKey: "kinds", in: data) {
            for kind in refused {
                if let line = Self.place(ofKey: kind.id, in: data, after: kinds.end)?.line { document.kindLocations[kind.id] = SourceLocation(file: path, line: line) }
            }
        }
        // JSONSerialization gives no positions: one pass over the text finds the line of each node and edge.
        let nodeLines = Self.elementLines(ofArray: "nodes", in: data)
        func nodeLocation(_ position: Int) -> SourceLocation {
            position < nodeLines.count ? SourceLocation(file: path, line: nodeLines[position]) : location
        }
        for (position, entry) in nodes.enumerated() {
            guard let fields = entry as? [String: Any], let rawID = fields["id"] else {
                document.diagnostics.append(.error("node \(position + 1) has no 'id'", at: nodeLocation(position)))
                continue
            }
            let id = text(rawID)
            var node = Node(id: id, label: (fields["label"]).map(text) ?? id, kind: fields["kind"] as? String ?? "node", location: nodeLocation(position))
            if let tags = fields["tags"] as? [Any] { node.tags = tags.map(text) }
            for (key, value) in fields where !["id", "label", "kind", "tags"].contains(key) { node.attributes[key] = text(value) }
            document.nodes.append(node)
        }
        let edges = (object["edges"] ?? object["links"]) as? [Any] ?? []
        let edgeLines = edges.isEmpty ? [] : Self.elementLines(ofArray: object["edges"] != nil ? "edges" : "links", in: data)
        func edgeLocation(_ position: Int) -> SourceLocation {
            position < edgeLines.count ? SourceLocation(file: path, line: edgeLines[position]) : location
        }
        let undirected = (object["directed"] as? Bool) == false
        let defaultRelation = undirected ? "connected_to" : "related_to"
        for (position, entry) in edges.enumerated() {
            guard let fields = entry as? [String: Any], let source = fields["source"], let target = fields["target"] else {
                document.diagnostics.append(.error("edge \(position + 1) needs 'source' and 'target'", at: edgeLocation(position)))
                continue
            }
            var edge = Edge(from: text(source), to: text(target), relation: fields["relation"] as? String ?? defaultRelation, location: edgeLocation(position))
            let page = fields["page"] as? String
            switch fields["cite"] {
            case let single as String: edge.citations = [Citation(source: single, page: page)]
            case let list as [Any]:
                edge.citations = list.compactMap { item in
                    if let id = item as? String { return Citation(source: id, page: page) }
                    if let entry = item as? [String: Any], let id = entry["source"] as? String {
                        return Citation(source: id, page: entry["page"] as? String)
                    }
                    return nil
                }
            default:
                if let page { edge.attributes["page"] = page }
            }
            if let weight = fields["weight"] {
                if let number = weight as? NSNumber, !isBoolean(weight), number.doubleValue > 0, number.doubleValue.isFinite {
                    edge.weight = number.doubleValue
                } else {
                    document.diagnostics.append(.error("edge \(edge.from) → \(edge.to): weight '\(text(weight))' is not a positive number", at: edge.location))
                }
            }
            edge.since = (fields["since"] as? NSNumber)?.intValue ?? (fields["since"] as? String).flatMap(parseYear)
            edge.until = (fields["until"] as? NSNumber)?.intValue ?? (fields["until"] as? String).flatMap(parseYear)
            let known: Set<String> = ["source", "target", "relation", "cite", "page", "weight", "since", "until", "key"]
            for (key, value) in fields where !known.contains(key) { edge.attributes[key] = text(value) }
            document.edges.append(edge)
        }
        if undirected { document.undirectedEdges = Set(document.edges.indices) }
        document.implyMissingNodes()
        return document
    }

    /// Whether a parsed JSON value is `true`/`false` rather than a number (both bridge to NSNumber).
    static func isBoolean(_ value: Any) -> Bool {
        type(of: value) == Bool.self || String(describing: type(of: value)).contains("Bool")
    }

    /// A JSON value as text: strings as they are, numbers without a needless ".0", lists joined with "; ".
    static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case let bool as Bool where isBoolean(value):
            return bool ? "true" : "false"
        case let number as NSNumber:
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return String(double)
        case let list as [Any]: return list.map(text).joined(separator: "; ")
        case is NSNull: return ""
        default:
            if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
                return String(decoding: data, as: UTF8.self)
            }
            return String(describing: value)
        }
    }
}
