import Foundation
import Yams

/// Reads the YAML network file described in `docs/format.md`.
///
/// The file is composed into a Yams node tree (not decoded with type guessing), so every scalar keeps the
/// text the user wrote: `country: NO` is "NO", `label: 1.10` is "1.10".
public enum YAMLFormat {
    static let nodeKeys: Set<String> = ["id", "label", "kind", "tags"]
    static let edgeKeys: Set<String> = ["from", "to", "relation", "cite", "page", "since", "until", "weight", "source", "target"]

    /// Reads one file. Syntax errors and bad values become diagnostics of the returned document.
    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            document.diagnostics.append(.error("file is not UTF-8 text", at: SourceLocation(file: path, line: 1)))
            return document
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            document.diagnostics.append(syntaxDiagnostic(error, path: path, text: text))
            return document
        } catch {
            document.diagnostics.append(.error("cannot parse YAML: \(error)", at: SourceLocation(file: path, line: 1)))
            return document
        }
        guard let root else {
            document.diagnostics.append(.error("file is empty: expected a mapping with `nodes:` and `edges:`",
                                               at: SourceLocation(file: path, line: 1)))
            return document
        }
        var reader = Reader(path: path, document: document)
        reader.readRoot(root)
        // Programme rules (docs/guide.md, "Finding a consortium") are read from the same tree.
        if root.keyedEntries.contains(where: { $0.key == "programmes" }) {
            var rules = RulesReader(path: path)
            rules.readRoot(root)
            reader.document.programmes = rules.catalogue
            reader.document.diagnostics += rules.diagnostics
        }
        return reader.document
    }

    public static func syntaxDiagnostic(_ error: YamlError, path: String, text: String) -> Diagnostic {
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams gives the first key's place and the whole mapping; the user needs the duplicate's line.
            let key = duplicates.first ?? ""
            let first = context.mark.line
            let line = duplicateKeyLine(key, after: first, column: context.mark.column, in: text) ?? first
            let lineText = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first.map(String.init) ?? ""
            return .error("duplicate key '\(DrawingValue.excerpt(key))' in one mapping (first at line \(first)): \(DrawingValue.excerpt(lineText.trimmingSpaces))",
                          at: SourceLocation(file: path, line: line))
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let contextText = context.map { "\($0.text) " } ?? ""
            return .error("YAML syntax: \(contextText)\(problem)", at: SourceLocation(file: path, line: mark.line))
        case let .reader(problem, _, _, _):
            return .error("YAML syntax: \(problem)", at: SourceLocation(file: path, line: 1))
        default:
            return .error("YAML syntax: \(DrawingValue.excerpt("\(error)", limit: 300))", at: SourceLocation(file: path, line: 1))
        }
    }

    /// The line of the second `key:` of a mapping whose first is at `line`:`column` (1-based): the next
    /// line where it starts at the same column (block style), else the next `key:` after `{` or `,` (flow style).
    static func duplicateKeyLine(_ key: String, after line: Int, column: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        func startsWithKey(_ rest: Substring) -> Bool {
            guard rest.hasPrefix(key) else { return false }
            return rest.dropFirst(key.count).drop { $0 == " " }.first == ":"
        }
        // Flow style on the first key's line: `{id: a, kind: x, kind: y}`.
        let firstLine = lines[line - 1]
        if let start = firstLine.index(firstLine.startIndex, offsetBy: column, limitedBy: firstLine.endIndex) {
            var rest = firstLine[start...]
            while let separator = rest.firstIndex(where: { $0 == "," || $0 == "{" }) {
                rest = rest[rest.index(after: separator)...]
                if startsWithKey(rest.drop { $0 == " " }) { return line }
            }
        }
        for index in line..<lines.count {
            let candidate = lines[index]
            let indent = candidate.prefix { $0 == " " || $0 == "-" }.count
            if indent + 1 == column, startsWithKey(candidate.dropFirst(indent)) { return index + 1 }
            if indent + 1 < column, !candidate.trimmingSpaces.isEmpty, !candidate.trimmingSpaces.hasPrefix("#") { break }
        }
        return nil
    }

    struct Reader {
        let path: String
        var document: NetworkDocument

        func location(_ node: Yams.Node) -> SourceLocation {
            SourceLocation(file: path, line: node.mark?.line)
        }

        mutating func error(_ message: String, _ node: Yams.Node) {
            document.diagnostics.append(.error(message, at: location(node)))
        }

        mutating func warning(_ message: String, _ node: Yams.Node) {
            document.diagnostics.append(.warning(message, at: location(node)))
        }

        /// The text of a scalar, or nil for a null or missing value.
        func text(_ node: Yams.Node?) -> String? { node?.writtenText }

        func entries(_ node: Yams.Node) -> [(key: String, keyNode: Yams.Node, value: Yams.Node)] { node.keyedEntries }

        mutating func readRoot(_ root: Yams.Node) {
            guard case .mapping = root else {
                error("expected a mapping with `nodes:` and `edges:` at the top of the file", root)
                return
            }
            for (key, keyNode, value) in entries(root) {
                switch key {
                case "network", "name":
                    document.name = scalarText(value, field: key)
                case "sources": readSources(value)
                case "kinds": readKinds(value)
                case "relations": readRelations(value)
                case "nodes": readList(value, field: "nodes") { $0.readNode($1) }
                case "edges", "links": readList(value, field: "edges") { $0.readEdge($1) }
                case "description", "notes", "note", "version": break
                // Programme rules: read by RulesReader from the same tree (see `read`), not part of the network.
                case "programmes", "country_groups": break
                default: warning("unknown top-level key '\(key)' ignored", keyNode)
                }
            }
        }

        mutating func scalarText(_ node: Yams.Node, field: String) -> String? {
            if case .scalar = node { return text(node) }
            error("'\(field)' must be text", node)
            return nil
        }

        mutating func readList(_ node: Yams.Node, field: String, _ body: (inout Reader, Yams.Node) -> Void) {
            if text(node) == nil, case .scalar = node { return }
            guard case .sequence(let sequence) = node else {
                error("'\(field)' must be a list (each entry starting with '- ')", node)
                return
            }
            for item in sequence {
                guard case .mapping = item else {
                    error("each entry of '\(field)' must be a mapping of keys to values", item)
                    continue
                }
                body(&self, item)
            }
        }

        mutating func readSources(_ node: Yams.Node) {
            guard case .mapping = node else {
                if text(node) != nil || !isScalar(node) { error("'sources' must map source ids to their details", node) }
                return
            }
            var seen: Set<String> = []
            for (id, keyNode, value) in entries(node) {
                if !Slug.isValid(id) && !isSourceID(id) { error("source id '\(id)' is not a valid id (letters, digits, '-', '_', '.')", keyNode) }
                if !seen.insert(id).inserted { error("source '\(id)' is declared twice in this file", keyNode) }
                var source = Source(id: id, title: id, location: location(keyNode))
                if case .scalar = value {
                    source.title = text(value) ?? id
                } else if case .mapping = value {
                    for (key, _, field) in entries(value) {
                        guard let fieldText = attributeText(field, key: key) else { continue }
                        switch key {
                        case "title": source.title = fieldText
                        case "publisher": source.publisher = fieldText
                        case "url": source.url = fieldText
                        case "year":
                            if let year = parseYear(fieldText) { source.year = year }
                            else { error("source '\(id)': year '\(fieldText)' is not a whole year", field) }
                        default: source.attributes[key] = fieldText
                        }
                    }
                } else {
                    error("source '\(id)' must be a title or a mapping", value)
                }
                document.sources.append(source)
            }
        }

        func isScalar(_ node: Yams.Node) -> Bool {
            if case .scalar = node { return true }
            return false
        }

        func isSourceID(_ id: String) -> Bool {
            !id.isEmpty && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }
        }

        mutating func readKinds(_ node: Yams.Node) {
            for (id, keyNode, value) in entries(node) {
                if !Slug.isValid(id.replacingOccurrences(of: "_", with: "-")) { error("kind '\(id)' is not a valid name", keyNode) }
                var kind = KindInfo(id: id, label: id)
                document.kindLocations[id] = location(keyNode)
                for (key, _, field) in entries(value) {
                    guard let fieldText = text(field) else { continue }
                    switch key {
                    case "label": kind.label = fieldText
                    case "label_en", "label_nb", "label_nn": kind.labels[key] = fieldText
                    case "color", "colour": kind.color = fieldText
                    case "shape": kind.shape = fieldText
                    default: break
                    }
                }
                document.kinds.append(kind)
            }
        }

        mutating func readRelations(_ node: Yams.Node) {
            for (id, keyNode, value) in entries(node) {
                if !Slug.isValid(id.replacingOccurrences(of: "_", with: "-")) { error("relation '\(id)' is not a valid name", keyNode) }
                var relation = RelationInfo(id: id, symmetric: false)
                for (key, _, field) in entries(value) {
                    guard let fieldText = text(field) else { continue }
                    switch key {
                    case "label": relation.label = fieldText
                    case "label_en", "label_nb", "label_nn": relation.labels[key] = fieldText
                    case "symmetric":
                        switch fieldText.lowercased() {
                        case "true", "yes": relation.symmetric = true
                        case "false", "no": relation.symmetric = false
                        default: error("relation '\(id)': symmetric must be true or false, not '\(fieldText)'", field)
                        }
                    default: break
                    }
                }
                document.relations.append(relation)
            }
        }

        /// Text of an attribute value: a scalar, or a list of scalars joined with "; ".
        mutating func attributeText(_ node: Yams.Node, key: String) -> String? {
            switch node {
            case .scalar: return text(node)
            case .sequence(let sequence):
                var parts: [String] = []
                for item in sequence {
                    guard case .scalar = item, let part = text(item) else {
                        error("'\(key)' must be text or a list of texts", item)
                        return nil
                    }
                    parts.append(part)
                }
                return parts.joined(separator: "; ")
            default:
                error("'\(key)' must be text, not a mapping", node)
                return nil
            }
        }

        mutating func readNode(_ item: Yams.Node) {
            let fields = entries(item)
            let values = item.valuesByKey
            guard let idNode = values["id"], let id = text(idNode) else {
                error("node without 'id'", item)
                return
            }
            var node = Node(id: id, label: id, kind: "", location: location(item))
            if let labelNode = values["label"] { node.label = scalarText(labelNode, field: "label") ?? id }
            if let kindNode = values["kind"], let kind = scalarText(kindNode, field: "kind") {
                node.kind = kind
            } else {
                error("node '\(id)' has no 'kind'", item)
                node.kind = "node"
            }
            if let tagsNode = values["tags"] {
                switch tagsNode {
                case .scalar: node.tags = text(tagsNode).map { [$0] } ?? []
                case .sequence(let sequence): node.tags = sequence.compactMap { text($0) }
                default: error("node '\(id)': 'tags' must be a list", tagsNode)
                }
            }
            for (key, _, value) in fields where !YAMLFormat.nodeKeys.contains(key) {
                if let value = attributeText(value, key: key) { node.attributes[key] = value }
            }
            document.nodes.append(node)
        }

        mutating func readEdge(_ item: Yams.Node) {
            let fields = entries(item)
            let values = item.valuesByKey
            let from = (values["from"] ?? values["source"]).flatMap { text($0) }
            let to = (values["to"] ?? values["target"]).flatMap { text($0) }
            guard let from, let to else {
                error("edge without '\(from == nil ? "from" : "to")'", item)
                return
            }
            guard let relation = values["relation"].flatMap({ text($0) }) else {
                error("edge \(from) → \(to) has no 'relation'", item)
                return
            }
            var edge = Edge(from: from, to: to, relation: relation, location: location(item))
            let page = values["page"].flatMap { attributeText($0, key: "page") }
            if let citeNode = values["cite"] { edge.citations = readCitations(citeNode, page: page) }
            else if let page { edge.attributes["page"] = page }
            if let sinceNode = values["since"], let sinceText = text(sinceNode) {
                if let year = parseYear(sinceText) { edge.since = year }
                else { error("edge \(from) → \(to): since '\(sinceText)' is not a whole year", sinceNode) }
            }
            if let untilNode = values["until"], let untilText = text(untilNode) {
                if let year = parseYear(untilText) { edge.until = year }
                else { error("edge \(from) → \(to): until '\(untilText)' is not a whole year", untilNode) }
            }
            if let weightNode = values["weight"], let weightText = text(weightNode) {
                if let weight = Double(weightText), weight.isFinite, weight > 0 { edge.weight = weight }
                else { error("edge \(from) → \(to): weight '\(weightText)' is not a positive number", weightNode) }
            }
            for (key, _, value) in fields where !YAMLFormat.edgeKeys.contains(key) {
                if let value = attributeText(value, key: key) { edge.attributes[key] = value }
            }
            document.edges.append(edge)
        }

        mutating func readCitations(_ node: Yams.Node, page: String?) -> [Citation] {
            switch node {
            case .scalar:
                return text(node).map { [Citation(source: $0, page: page)] } ?? []
            case .sequence(let sequence):
                var citations: [Citation] = []
                for item in sequence {
                    switch item {
                    case .scalar:
                        if let source = text(item) { citations.append(Citation(source: source, page: page)) }
                    case .mapping:
                        let fields = item.valuesByKey
                        guard let source = fields["source"].flatMap({ text($0) }) else {
                            error("a citation needs 'source:'", item)
                            continue
                        }
                        citations.append(Citation(source: source, page: fields["page"].flatMap { text($0) } ?? page))
                    default:
                        error("'cite' entries must be source ids", item)
                    }
                }
                return citations
            case .mapping:
                let fields = node.valuesByKey
                guard let source = fields["source"].flatMap({ text($0) }) else {
                    error("a citation needs 'source:'", node)
                    return []
                }
                return [Citation(source: source, page: fields["page"].flatMap { text($0) } ?? page)]
            default:
                error("'cite' must be a source id or a list of them", node)
                return []
            }
        }
    }
}

/// A whole year between 1 and 9999, from text such as "2020".
func parseYear(_ text: String) -> Int? {
    guard let year = Int(text.trimmingSpaces), (1...9999).contains(year) else { return nil }
    return year
}
