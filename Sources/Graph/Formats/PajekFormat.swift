import Foundation

/// Pajek `.net` files (Batagelj & Mrvar, *Pajek manual*), read and written.
///
/// Written as NetworkX writes them, so `networkx.read_pajek` reads them too: `*Vertices n`, then one line
/// per node — number, id (quoted), x, y, shape — followed by `key value` pairs (`label`, `kind`, `tags`,
/// extras); ties of directed relations under `*Arcs`, of symmetric ones under `*Edges`, each line
/// `from to weight` followed by `relation`, `cite`, `page`, `since`, `until` and extras as pairs. Values
/// with spaces or quotes are double-quoted with `\"` and `\\` escaped; line breaks become spaces.
///
/// Reads Pajek as Pajek, NetworkX and igraph write it: `*Vertices`, `*Arcs`/`*Edges` (also `:k "name"`
/// relation headers, whose name becomes the relation), `*Arcslist`/`*Edgeslist`, `%` comments. A vertex's
/// label is its id when labels are unique, else its number is.
public enum PajekFormat {
    // MARK: Writing

    /// The Pajek text of a network.
    /// - Complexity: O(n + m).
    public static func write(_ network: Network) -> String {
        var out = ""
        if let name = network.name { out += "*Network \(flatten(name))\n" }
        out += "*Vertices \(network.nodes.count)\n"
        var number: [String: Int] = [:]
        for (index, node) in network.nodes.enumerated() {
            number[node.id] = index + 1
            var tokens = [String(index + 1), quote(node.id), "0.0", "0.0", "ellipse"]
            for (key, value) in Interchange.fields(of: node) { tokens += [quote(key), quote(value)] }
            out += tokens.joined(separator: " ") + "\n"
        }
        for symmetric in [false, true] {
            let edges = network.edges.filter { network.isSymmetric($0.relation) == symmetric }
            if edges.isEmpty { continue }
            out += symmetric ? "*Edges\n" : "*Arcs\n"
            for edge in edges {
                guard let from = number[edge.from], let to = number[edge.to] else { continue }
                var tokens = [String(from), String(to), formatNumber(edge.weight)]
                for (key, value) in Interchange.fields(of: edge) { tokens += [quote(key), quote(value)] }
                out += tokens.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    static func flatten(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// A token, double-quoted when it is empty or holds spaces, quotes or backslashes.
    static func quote(_ text: String) -> String {
        let flat = flatten(text)
        if !flat.isEmpty && !flat.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "\\" || $0 == "'" }) && !flat.hasPrefix("%") && !flat.hasPrefix("*") {
            return flat
        }
        return "\"" + flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Splits a line into tokens: whitespace-separated, double or single quotes group, `\` escapes in
    /// double quotes. Nil when a quote is not closed.
    static func tokens(_ line: Substring) -> [String]? {
        var result: [String] = []
        var current = ""
        var inToken = false
        var quote: Character?
        var escaped = false
        for character in line {
            if let open = quote {
                if escaped { current.append(character); escaped = false }
                else if character == "\\" && open == "\"" { escaped = true }
                else if character == open { quote = nil }
                else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inToken = true
            } else if character.isWhitespace {
                if inToken { result.append(current); current = ""; inToken = false }
            } else {
                current.append(character)
                inToken = true
            }
        }
        if quote != nil { return nil }
        if inToken { result.append(current) }
        return result
    }

    // MARK: Reading

    /// The largest `*Vertices` count read: vertices without a line of their own are still created, so a
    /// huge count in a tiny file would otherwise exhaust memory.
    public static let maxVertices = 10_000_000

    /// Reads a Pajek network.
    /// - Complexity: O(size of the file + the `*Vertices` count).
    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
        func error(_ message: String, _ line: Int) { document.diagnostics.append(.error(message, at: at(line))) }
        guard var text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            error("file is not text", 1)
            return document
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) {
            error("file is empty: expected a Pajek network starting with *Vertices", 1)
            return document
        }
        struct Vertex { var label: String?; var attributes: [String: String]; var line: Int }
        struct Tie { var from: Int; var to: Int; var attributes: [String: String]; var undirected: Bool; var line: Int }
        var vertices: [Int: Vertex] = [:]
        var declaredCount = 0
        var ties: [Tie] = []
        enum Section { case none, vertices, arcs, edges, arcsList, edgesList, skipped }
        var section = Section.none
        var relationName: String?
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("%") { continue }
            if line.hasPrefix("*") {
                let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                let head = parts[0].lowercased()
                relationName = nil
                switch head {
                case "*network":
                    if parts.count > 1 { document.name = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
                    section = .none
                case "*vertices":
                    section = .vertices
                    let count = parts.count > 1 ? parts[1].split(separator: " ").first.flatMap { Int($0) } : nil
                    guard let count, count >= 0 else { error("*Vertices needs a vertex count", lineNumber); return document }
                    guard count <= maxVertices else {
                        error("*Vertices \(count) is more vertices than netmap reads (at most \(maxVertices))", lineNumber)
                        return document
                    }
                    declaredCount = count
                case "*arcs", "*edges":
                    section = head == "*arcs" ? .arcs : .edges
                    if parts.count > 1, let rest = tokens(parts[1][...]), rest.count >= 2, rest[0].hasPrefix(":") { relationName = rest[1] }
                case "*arcslist": section = .arcsList
                case "*edgeslist": section = .edgesList
                default:
                    document.diagnostics.append(.warning("section \(parts[0]) is not read", at: at(lineNumber)))
                    section = .skipped
                }
                continue
            }
            guard let fields = tokens(rawLine[...]), !fields.isEmpty else {
                error("unclosed quote", lineNumber)
                continue
            }
            func vertexNumber(_ text: String) -> Int? {
                guard let number = Int(text), number >= 1, number <= max(declaredCount, vertices.keys.max() ?? 0) else {
                    error("'\(text)' is not a vertex number between 1 and \(declaredCount)", lineNumber)
                    return nil
                }
                return number
            }
            switch section {
            case .vertices:
                guard let number = Int(fields[0]), number >= 1, number <= declaredCount else {
                    error("vertex number '\(fields[0])' is not between 1 and \(declaredCount)", lineNumber)
                    continue
                }
                if let first = vertices[number] { error("vertex \(number) is listed twice (first on line \(first.line))", lineNumber); continue }
                var rest = Array(fields.dropFirst())
                let label = rest.isEmpty ? nil : rest.removeFirst()
                var coordinates = 0
                while coordinates < 3, let first = rest.first, Double(first) != nil { rest.removeFirst(); coordinates += 1 }
                if rest.count % 2 == 1 { rest.removeFirst() }   // shape
                var attributes: [String: String] = [:]
                for pair in stride(from: 0, to: rest.count, by: 2) { attributes[rest[pair]] = rest[pair + 1] }
                vertices[number] = Vertex(label: label, attributes: attributes, line: lineNumber)
            case .arcs, .edges:
                guard fields.count >= 2, let from = vertexNumber(fields[0]), let to = vertexNumber(fields[1]) else {
                    if fields.count < 2 { error("a tie needs two vertex numbers", lineNumber) }
                    continue
                }
                var rest = Array(fields.dropFirst(2))
                var attributes: [String: String] = [:]
                if rest.count % 2 == 1 { attributes["weight"] = rest.removeFirst() }
                for pair in stride(from: 0, to: rest.count, by: 2) { attributes[rest[pair]] = rest[pair + 1] }
                if attributes["relation"] == nil, let relationName { attributes["relation"] = relationName }
                ties.append(Tie(from: from, to: to, attributes: attributes, undirected: section == .edges, line: lineNumber))
            case .arcsList, .edgesList:
                guard let from = vertexNumber(fields[0]) else { continue }
                for target in fields.dropFirst() {
                    guard let to = vertexNumber(target) else { continue }
                    ties.append(Tie(from: from, to: to, attributes: [:], undirected: section == .edgesList, line: lineNumber))
                }
            case .none:
                error("line outside any *Vertices, *Arcs or *Edges section", lineNumber)
            case .skipped:
                continue
            }
        }
        let labels = (1...max(1, declaredCount)).compactMap { vertices[$0]?.label }
        let labelsAreIDs = labels.count == declaredCount && Set(labels).count == labels.count
        var ids: [Int: String] = [:]
        for number in stride(from: 1, through: declaredCount, by: 1) {
            let vertex = vertices[number]
            let id = labelsAreIDs ? (vertex?.label ?? String(number)) : String(number)
            ids[number] = id
            var attributes = vertex?.attributes ?? [:]
            if attributes["label"] == nil, let label = vertex?.label { attributes["label"] = label }
            if labelsAreIDs && attributes["label"] == nil { attributes["label"] = id }
            document.nodes.append(Interchange.node(id: id, attributes: attributes, location: at(vertex?.line ?? 1)))
        }
        var undirected: Set<Int> = []
        for tie in ties {
            guard let from = ids[tie.from], let to = ids[tie.to] else {
                error("tie \(tie.from) → \(tie.to) names a vertex beyond *Vertices \(declaredCount)", tie.line)
                continue
            }
            if tie.undirected { undirected.insert(document.edges.count) }
            document.edges.append(Interchange.edge(from: from, to: to, attributes: tie.attributes, location: at(tie.line),
                                                   diagnostics: &document.diagnostics))
        }
        document.undirectedEdges = undirected
        return document
    }
}
