import Foundation

/// The fast reader behind `AnalysisLoader` for node-link JSON (what `netmap export -o FILE.json` and NetworkX's
/// `node_link_data` write): the file read in blocks straight into an `AnalysisNetwork`, without Foundation's JSON
/// objects or a typed `Network`.
///
/// It takes a file only when it would read it exactly as `NodeLinkFormat` does and the full load would find no
/// error: one object with `directed` (said before the ties), `multigraph`, `graph` (name and declarations, handed to
/// `NodeLinkFormat` itself), `nodes` and `edges` (or `links`); nodes with a string `id` of printable ASCII and
/// string `label`, `kind` and `country`; ties with string `source` and `target` of printable ASCII, a string
/// `relation`, a positive number `weight` and a number `key`; other fields of nodes and ties only as strings or
/// numbers (they become attributes, which the analysis does not use); kinds and relations the file declares or
/// the built-in ones. On anything else — escapes in strings, citations, years, tags, duplicate
/// ids, invalid JSON — it returns nil and the caller loads the full model instead (which also reports the
/// errors), so the fast path never changes a result or hides a diagnostic.
///
/// - Complexity: O(file size), one pass; memory about 18 bytes per tie plus one 4 MB block.
enum NodeLinkTieReader {
    static func read(_ path: String, blockSize: Int = 1 << 22) -> AnalysisNetwork? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var parser = Parser(stream: JSONByteStream(descriptor: handle.fileDescriptor, blockSize: blockSize))
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            parser.reserve(ties: min(size / 64, 1 << 26))   // a tie of node-link JSON is rarely under 64 bytes
        }
        guard parser.parseDocument() else { return nil }
        return parser.result(path: path)
    }

    /// The field names the reader tells apart.
    enum Key: Int, CaseIterable {
        case source, target, relation, weight, key, id, label, kind, country, tags, cite, page, since, until, other

        /// The names by length (a name is compared only with those of its length), with their keys.
        static let byLength: [[(name: [UInt8], key: Key)]] = {
            var table = [[(name: [UInt8], key: Key)]](repeating: [], count: 9)
            for key in allCases where key != .other {
                let name = Array(String(describing: key).utf8)
                table[name.count].append((name, key))
            }
            return table
        }()
    }

    private struct Parser {
        var stream: JSONByteStream
        var table = NodeIDTable()
        /// Per id number: its position in the `nodes` list, or -1 for an id only ties name.
        var nodePosition: [Int32] = []
        var nodeIDs: [Int32] = []           // id number of each described node, in list order
        var labels: [String] = []
        var kindOfNode: [UInt16] = []
        var countries: [String?] = []
        var kindNames: [String] = []
        /// Kinds and relations by name, so a file with many distinct names stays linear (they are checked
        /// against the declarations only at the end, as the `graph` object may come last).
        var kindIndex: [String: UInt16] = [:]
        var relationIndex: [[UInt8]: UInt16] = [:]
        var from: [Int32] = []
        var to: [Int32] = []
        var weights: [Double] = []
        var relations: [UInt16] = []
        var relationNames: [String] = []
        var lastRelation: UInt16?
        var lastRelationSpelling: [UInt8] = []
        var undirected = false
        var graph: [UInt8]?

        init(stream: JSONByteStream) { self.stream = stream }

        mutating func reserve(ties: Int) {
            from.reserveCapacity(ties); to.reserveCapacity(ties)
            weights.reserveCapacity(ties); relations.reserveCapacity(ties)
        }

        /// The whole file: one object, then only white space.
        mutating func parseDocument() -> Bool {
            guard stream.skipSpace() == UInt8(ascii: "{") else { return false }
            stream.advance(1)
            var seen: Set<String> = []
            var first = true
            while true {
                let next = stream.skipSpace()
                if first && next == UInt8(ascii: "}") { stream.advance(1); break }
                first = false
                guard let keyRange = stream.string(), case let key = stream.text(keyRange), seen.insert(key).inserted,
                      stream.skipSpace() == UInt8(ascii: ":") else { return false }
                stream.advance(1)
                _ = stream.skipSpace()
                switch key {
                case "directed":
                    // Undirected (NetworkX's graphs): ties without a relation, or `related_to`, are `connected_to`.
                    if stream.literal("false") {
                        guard from.isEmpty else { return false }   // said after the ties: left to the full reader
                        undirected = true
                    } else if !stream.literal("true") {
                        return false
                    }
                case "multigraph":
                    guard stream.literal("true") || stream.literal("false") else { return false }
                case "graph":
                    guard stream.peek() == UInt8(ascii: "{"), let raw = stream.rawValue() else { return false }
                    graph = raw
                case "nodes":
                    guard parseList({ $0.parseNode() }) else { return false }
                case "edges", "links":
                    guard !(seen.contains("edges") && seen.contains("links")), parseList({ $0.parseTie() }) else { return false }
                default:
                    return false
                }
                let separator = stream.skipSpace()
                stream.advance(1)
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else { return false }
            }
            return stream.skipSpace() == nil && stream.isAtEnd && seen.contains("nodes")
        }

        /// `[ item, ... ]`, each item read by `item`.
        mutating func parseList(_ item: (inout Parser) -> Bool) -> Bool {
            guard stream.peek() == UInt8(ascii: "[") else { return false }
            stream.advance(1)
            if stream.skipSpace() == UInt8(ascii: "]") { stream.advance(1); return true }
            while true {
                _ = stream.skipSpace()
                guard item(&self) else { return false }
                let separator = stream.skipSpace()
                stream.advance(1)
                if separator == UInt8(ascii: "]") { return true }
                guard separator == UInt8(ascii: ",") else { return false }
            }
        }

        /// `{ "key": value, ... }`, calling `field` with each key (the stream is then at the value).
        mutating func parseObject(_ field: (inout Parser, Key) -> Bool) -> Bool {
            guard stream.peek() == UInt8(ascii: "{") else { return false }
            stream.advance(1)
            if stream.skipSpace() == UInt8(ascii: "}") { stream.advance(1); return true }
            while true {
                _ = stream.skipSpace()
                guard let keyRange = stream.string(), case let key = stream.key(keyRange),
                      stream.skipSpace() == UInt8(ascii: ":") else { return false }
                stream.advance(1)
                _ = stream.skipSpace()
                guard field(&self, key) else { return false }
                let separator = stream.skipSpace()
                stream.advance(1)
                if separator == UInt8(ascii: "}") { return true }
                guard separator == UInt8(ascii: ",") else { return false }
            }
        }

        /// A field the analysis does not use: a string or a number is fine (it becomes an attribute).
        mutating func skipScalar() -> Bool {
            stream.peek() == UInt8(ascii: "\"") ? stream.string() != nil : stream.number() != nil
        }

        mutating func parseNode() -> Bool {
            var id: Int32?
            var label: String?, kind: String?, country: String?
            let described = parseObject { parser, key in
                switch key {
                case .id:
                    guard id == nil, let range = parser.stream.string(), let number = parser.stream.idNumber(range, in: &parser.table)
                    else { return false }
                    id = number
                case .label:
                    guard label == nil, let range = parser.stream.string() else { return false }
                    label = parser.stream.text(range)
                case .kind:
                    guard kind == nil, let range = parser.stream.string() else { return false }
                    kind = parser.stream.text(range)
                case .country:
                    guard country == nil, let range = parser.stream.string() else { return false }
                    country = parser.stream.text(range)
                case .tags:
                    return false
                default:
                    return parser.skipScalar()
                }
                return true
            }
            guard described, let id else { return false }
            while nodePosition.count < table.count { nodePosition.append(-1) }
            guard nodePosition[Int(id)] < 0 else { return false }   // the same id twice: an error of the full load
            nodePosition[Int(id)] = Int32(nodeIDs.count)
            nodeIDs.append(id)
            labels.append(label ?? table.string(Int(id)))
            let kindName = kind ?? "node"
            if let known = kindIndex[kindName] {
                kindOfNode.append(known)
            } else {
                guard kindNames.count < Int(UInt16.max) else { return false }
                kindIndex[kindName] = UInt16(kindNames.count)
                kindOfNode.append(UInt16(kindNames.count))
                kindNames.append(kindName)
            }
            countries.append(country.flatMap { $0.isEmpty ? nil : $0 })
            return true
        }

        mutating func parseTie() -> Bool {
            var source: Int32?, target: Int32?
            var relation: UInt16?
            var weight: Double?
            var keyed = false
            let read = parseObject { parser, key in
                switch key {
                case .source, .target:
                    guard (key == .source ? source : target) == nil, let range = parser.stream.string(),
                          let number = parser.stream.idNumber(range, in: &parser.table) else { return false }
                    if key == .source { source = number } else { target = number }
                case .relation:
                    guard relation == nil, let range = parser.stream.string(), let index = parser.relation(at: range) else { return false }
                    relation = index
                case .weight:
                    guard weight == nil, let value = parser.stream.number(), value > 0, value.isFinite else { return false }
                    weight = value
                case .key:
                    guard !keyed, parser.stream.number() != nil else { return false }
                    keyed = true
                case .cite, .page, .since, .until:
                    return false
                default:
                    return parser.skipScalar()
                }
                return true
            }
            guard read, let source, let target else { return false }
            guard let relation = relation ?? self.relation(named: undirected ? Self.connectedTo : Self.relatedTo) else { return false }
            from.append(source); to.append(target)
            weights.append(weight ?? 1)
            relations.append(relation)
            return true
        }

        /// The index of the relation named by the bytes of `range`, numbered in order of first appearance.
        /// An undirected file's `related_to` is `connected_to`, as `Interchange.declareImpliedSources` names it.
        mutating func relation(at range: Range<Int>) -> UInt16? {
            if let last = lastRelation, stream.equals(range, lastRelationSpelling) { return last }
            let spelling = stream.bytes(range)
            guard let index = relation(named: undirected && spelling == Self.relatedTo ? Self.connectedTo : spelling) else { return nil }
            (lastRelation, lastRelationSpelling) = (index, spelling)
            return index
        }

        mutating func relation(named bytes: [UInt8]) -> UInt16? {
            if let known = relationIndex[bytes] { return known }
            guard relationNames.count < Int(UInt16.max), let name = String(validating: bytes, as: UTF8.self) else { return nil }
            relationIndex[bytes] = UInt16(relationNames.count)
            relationNames.append(name)
            return UInt16(relationNames.count - 1)
        }

        /// The view, once the declarations (read by `NodeLinkFormat` from the `graph` object) accept every kind
        /// and relation used; nil when the full load would report anything.
        func result(path: String) -> AnalysisNetwork? {
            var text = Data("{\"directed\": true, \"graph\": ".utf8)
            text.append(contentsOf: graph ?? Array("{}".utf8))
            text.append(contentsOf: Array(", \"nodes\": [], \"edges\": []}".utf8))
            let declarations = FileFormat.nodeLinkJSON.read(text, path: path)
            guard declarations.diagnostics.isEmpty else { return nil }
            let name = declarations.name
            let (vocabulary, diagnostics) = NetworkLoader.merge([declarations])
            guard diagnostics.isEmpty, kindNames.allSatisfy({ vocabulary.kinds[$0] != nil }),
                  relationNames.allSatisfy({ vocabulary.relations[$0] != nil }) else { return nil }
            // Described nodes in list order, then the ids only ties name, in order of first appearance.
            var position = [Int32](repeating: -1, count: table.count)
            for (k, id) in nodeIDs.enumerated() { position[Int(id)] = Int32(k) }
            let ids = table.strings()
            var orderedIDs = nodeIDs.map { ids[Int($0)] }
            var allLabels = labels
            var kinds = kindOfNode.map { kindNames[Int($0)] }
            var allCountries = countries
            for number in 0..<table.count where position[number] < 0 {
                position[number] = Int32(orderedIDs.count)
                orderedIDs.append(ids[number]); allLabels.append(ids[number]); kinds.append("node"); allCountries.append(nil)
            }
            guard vocabulary.kinds["node"] != nil || orderedIDs.count == nodeIDs.count else { return nil }
            return AnalysisNetwork(name: name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                                   ids: orderedIDs, labels: allLabels, kinds: kinds, countries: allCountries,
                                   from: from.map { position[Int($0)] }, to: to.map { position[Int($0)] },
                                   weights: weights, relations: relations, relationNames: relationNames,
                                   symmetric: relationNames.map { vocabulary.isSymmetric($0) },
                                   sourceCount: vocabulary.sources.count)
        }

        static let relatedTo = Array("related_to".utf8), connectedTo = Array("connected_to".utf8)
    }
}

/// A JSON text read from a file descriptor in blocks, token by token: the bytes from the current position on
/// stay in the buffer while a token is scanned, so a token may span two blocks.
struct JSONByteStream {
    let descriptor: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var ended = false
    private var checkedUpTo = 0

    init(descriptor: Int32, blockSize: Int) {
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: max(blockSize, 16))
    }

    /// Whether the whole file has been read and used up.
    var isAtEnd: Bool { ended && position == filled }

    /// Reads more of the file, keeping the bytes from `position` on; false at the end of the file or on a
    /// read error.
    private mutating func refill() -> Bool {
        guard !ended else { return false }
        if position > 0 {
            buffer.withUnsafeMutableBufferPointer { all in
                _ = memmove(all.baseAddress!, all.baseAddress! + position, filled - position)
            }
            filled -= position
            checkedUpTo = max(0, checkedUpTo - position)
            position = 0
        }
        if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let count = buffer.withUnsafeMutableBytes { raw in
            Foundation.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
        }
        guard count > 0 else { ended = true; return false }
        filled += count
        return true
    }

    /// The byte `offset` places after the position, reading on as needed; nil at the end of the file.
    @inline(__always)
    private mutating func byte(_ offset: Int) -> UInt8? {
        while position + offset >= filled {
            guard refill() else { return nil }
        }
        return buffer[position + offset]
    }

    mutating func peek() -> UInt8? { byte(0) }

    mutating func advance(_ count: Int) { position = min(position + count, filled) }

    /// Skips white space; the next byte, or nil at the end of the file.
    mutating func skipSpace() -> UInt8? {
        while let next = byte(0) {
            guard next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { return next }
            position += 1
        }
        return nil
    }

    /// `true`, `false` or `null` (`word`) followed by a delimiter; consumed when it matches.
    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        for k in 0..<count where byte(k) != word.utf8Start[k] { return false }
        if let after = byte(count), !Self.isDelimiter(after) { return false }
        position += count
        return true
    }

    /// A string without escapes: the range of its bytes (valid UTF-8, no control characters), valid until the
    /// next call; nil (nothing consumed) for anything else.
    mutating func string() -> Range<Int>? {
        guard byte(0) == UInt8(ascii: "\"") else { return nil }
        var k = 1
        var ascii = true
        while true {
            guard let next = byte(k) else { return nil }
            if next == UInt8(ascii: "\"") { break }
            if next == UInt8(ascii: "\\") || next < 0x20 { return nil }
            if next >= 0x80 { ascii = false }
            k += 1
        }
        let range = (position + 1)..<(position + k)
        if !ascii {
            let valid = buffer.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) != nil }
            guard valid else { return nil }
        }
        position += k + 1
        return range
    }

    /// A JSON number (strict grammar) followed by a delimiter, as a `Double`; nil (nothing consumed) otherwise.
    mutating func number() -> Double? {
        var k = 0
        if byte(k) == UInt8(ascii: "-") { k += 1 }
        func digits(_ k: inout Int) -> Int {
            var count = 0
            while let next = byte(k), next >= 0x30 && next <= 0x39 { k += 1; count += 1 }
            return count
        }
        let integerStart = k
        let integerDigits = digits(&k)
        guard integerDigits > 0, integerDigits == 1 || byte(integerStart) != UInt8(ascii: "0") else { return nil }
        if byte(k) == UInt8(ascii: ".") {
            k += 1
            guard digits(&k) > 0 else { return nil }
        }
        if byte(k) == UInt8(ascii: "e") || byte(k) == UInt8(ascii: "E") {
            k += 1
            if byte(k) == UInt8(ascii: "+") || byte(k) == UInt8(ascii: "-") { k += 1 }
            guard digits(&k) > 0 else { return nil }
        }
        if let after = byte(k), !Self.isDelimiter(after) { return nil }
        let value: Double
        if k == integerStart + integerDigits && integerDigits <= 15 {
            // A plain integer: exact in a Double, no text needed.
            var integer = 0
            for offset in integerStart..<k { integer = integer * 10 + Int(buffer[position + offset] - 0x30) }
            value = integerStart == 1 ? -Double(integer) : Double(integer)
        } else {
            guard let parsed = Double(String(decoding: buffer[position..<(position + k)], as: UTF8.self)) else { return nil }
            value = parsed
        }
        position += k
        return value
    }

    /// A whole value (an object or list, nested to any depth, escapes allowed) as its raw bytes, for a part of
    /// the file that is handed to the full JSON parser; nil when it does not end.
    mutating func rawValue() -> [UInt8]? {
        var raw: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        while let next = byte(0) {
            raw.append(next)
            position += 1
            if inString {
                if escaped { escaped = false } else if next == UInt8(ascii: "\\") { escaped = true } else if next == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch next {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return raw }
            default: break
            }
        }
        return nil
    }

    func bytes(_ range: Range<Int>) -> [UInt8] { Array(buffer[range]) }

    func equals(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard range.count == bytes.count else { return false }
        for k in 0..<bytes.count where buffer[range.lowerBound + k] != bytes[k] { return false }
        return true
    }

    /// The field name of the bytes of `range`, as far as the readers tell names apart.
    func key(_ range: Range<Int>) -> NodeLinkTieReader.Key {
        guard range.count < NodeLinkTieReader.Key.byLength.count else { return .other }
        for candidate in NodeLinkTieReader.Key.byLength[range.count] where equals(range, candidate.name) { return candidate.key }
        return .other
    }

    func text(_ range: Range<Int>) -> String { String(decoding: buffer[range], as: UTF8.self) }

    /// The number of the id spelled by the bytes of `range` when they are non-empty printable ASCII (what an
    /// id may be here), else nil.
    func idNumber(_ range: Range<Int>, in table: inout NodeIDTable) -> Int32? {
        buffer.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[range])
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            return table.number(of: bytes)
        }
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") ||
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
