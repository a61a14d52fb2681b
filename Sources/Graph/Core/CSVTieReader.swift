import Foundation

/// The fast reader behind `AnalysisLoader`: a CSV edge list (`from,to,relation,weight,...`, optionally with
/// the `nodes.csv` beside it) read in blocks straight into an `AnalysisNetwork`, without a `String` per field
/// or an `Edge` per row.
///
/// It takes a file only when it would read it exactly as `CSVFormat` does and the full load would find no
/// error: ASCII node ids, built-in relations and kinds, plain numbers, no quotes, no citations, no node
/// columns. On anything else it returns nil and the caller loads the full model instead (which also reports
/// the errors), so the fast path never changes a result or hides a diagnostic.
///
/// - Complexity: O(file size), one pass per file; memory about 18 bytes per tie plus one 4 MB block.
enum CSVTieReader {
    /// Reads the pair, with the kinds, relations and sources `vocabulary` declares (those of the YAML files
    /// beside it, or the built-in ones); nil when the full reader must be used.
    static func read(edges edgesPath: String, nodes nodesPath: String?, vocabulary: Network = Network(),
                     blockSize: Int = 1 << 22) -> AnalysisNetwork? {
        var builder = Builder(vocabulary: vocabulary, blockSize: blockSize)
        if let nodesPath, !builder.readNodes(nodesPath) { return nil }
        guard builder.readEdges(edgesPath) else { return nil }
        return builder.result()
    }

    private struct Builder {
        let vocabulary: Network
        var table = NodeIDTable()
        /// Labels, kinds and countries of the nodes `nodes.csv` describes (the first `described` ids).
        var labels: [String] = []
        var kinds: [String] = []
        var countries: [String?] = []
        var from: [Int32] = []
        var to: [Int32] = []
        var weights: [Double] = []
        var relations: [UInt16] = []
        var relationNames: [String] = []
        var relationBytes: [[UInt8]] = []
        var since: [Int32]?
        var until: [Int32]?
        var cited: [Bool]?

        let blockSize: Int

        init(vocabulary: Network, blockSize: Int) { (self.vocabulary, self.blockSize) = (vocabulary, blockSize) }

        func result() -> AnalysisNetwork {
            let ids = table.strings()
            var labels = self.labels, kinds = self.kinds, countries = self.countries
            for id in ids[labels.count...] { labels.append(id); kinds.append("node"); countries.append(nil) }
            return AnalysisNetwork(ids: ids, labels: labels, kinds: kinds, countries: countries, from: from, to: to,
                                   weights: weights, relations: relations, relationNames: relationNames,
                                   symmetric: relationNames.map { vocabulary.isSymmetric($0) },
                                   since: since, until: until, cited: cited, sourceCount: vocabulary.sources.count)
        }

        /// `nodes.csv`: id, label, kind and country of each row.
        mutating func readNodes(_ path: String) -> Bool {
            var header: Header?
            var idColumn = 0, labelColumn: Int?, kindColumn: Int?, countryColumn: Int?
            var fields = Fields()
            var scratch: [UInt8] = []
            return CSVTieReader.forEachLine(path, blockSize: blockSize) { rawLine in
                guard let known = header else {
                    guard let parsed = Header(rawLine) else { return false }
                    header = parsed
                    guard let id = parsed.names.firstIndex(of: "id") else { return false }
                    idColumn = id
                    labelColumn = parsed.names.firstIndex(of: "label")
                    kindColumn = parsed.names.firstIndex(of: "kind")
                    countryColumn = parsed.names.lastIndex(of: "country")
                    return true
                }
                return known.withRow(rawLine, &fields, &scratch) { line, fields in
                guard let id = fields.trimmed(idColumn, line), !id.isEmpty, isSlug(id) else { return false }
                let before = table.count
                _ = table.number(of: id)
                guard table.count == before + 1 else { return false }   // duplicate id
                guard let kindColumn, let kindBytes = fields.trimmed(kindColumn, line), !kindBytes.isEmpty,
                      case let kind = fields.text(kindBytes), vocabulary.kinds[kind] != nil else { return false }
                let label = labelColumn.flatMap { fields.trimmed($0, line) }.flatMap { $0.isEmpty ? nil : fields.text($0) }
                labels.append(label ?? String(decoding: id, as: UTF8.self))
                kinds.append(kind)
                let country = countryColumn.flatMap { fields.raw($0, line) }.flatMap { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
                countries.append(country)
                return true
                }
            }
        }

        /// `edges.csv`: the ties.
        mutating func readEdges(_ path: String) -> Bool {
            var header: Header?
            var fromColumn = 0, toColumn = 0, relationColumn: Int?, weightColumn: Int?
            var citeColumn: Int?, sinceColumn: Int?, untilColumn: Int?
            var lastRelation: (bytes: [UInt8], index: UInt16)?
            var fields = Fields()
            var scratch: [UInt8] = []
            if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
                // Rows of a plain edge list are rarely shorter than 16 bytes.
                let estimate = min(size / 16, 1 << 28)
                from.reserveCapacity(estimate); to.reserveCapacity(estimate)
                weights.reserveCapacity(estimate); relations.reserveCapacity(estimate)
            }
            let ok = CSVTieReader.forEachLine(path, blockSize: blockSize) { rawLine in
                guard let known = header else {
                    guard let parsed = Header(rawLine) else { return false }
                    let names = parsed.names
                    header = parsed
                    guard let f = names.firstIndex(of: "from") ?? names.firstIndex(of: "source"),
                          let t = names.firstIndex(of: "to") ?? names.firstIndex(of: "target"),
                          !CSVFormat.hasNodeColumns(names) else { return false }
                    (fromColumn, toColumn) = (f, t)
                    relationColumn = names.firstIndex(of: "relation") ?? names.firstIndex(of: "type")
                    weightColumn = names.firstIndex(of: "weight")
                    citeColumn = names.firstIndex(of: "cite")
                    sinceColumn = names.firstIndex(of: "since")
                    untilColumn = names.firstIndex(of: "until")
                    return true
                }
                return known.withRow(rawLine, &fields, &scratch) { line, fields in
                guard let fromID = fields.trimmed(fromColumn, line), !fromID.isEmpty, isASCII(fromID),
                      let toID = fields.trimmed(toColumn, line), !toID.isEmpty, isASCII(toID) else { return false }
                // Citations: each must name a declared source (else the full load reports it).
                var cites = false
                if let citeColumn, let cite = fields.trimmed(citeColumn, line), !cite.isEmpty {
                    for part in cite.split(separator: 124) {
                        let source = String(decoding: part, as: UTF8.self).trimmingSpaces
                        guard source.isEmpty || vocabulary.sources[source] != nil else { return false }
                        cites = cites || !source.isEmpty
                    }
                }
                // Relation: built-in only (a CSV file declares none), numbered in order of first appearance.
                let relationText = relationColumn.flatMap { fields.trimmed($0, line) }.flatMap { $0.isEmpty ? nil : $0 }
                func isRelation(_ bytes: [UInt8]) -> Bool { relationText.map { CSVTieReader.equal(bytes, $0) } ?? (bytes == CSVTieReader.related) }
                let relation: UInt16
                if let last = lastRelation, isRelation(last.bytes) {
                    relation = last.index
                } else {
                    let bytes = relationText.map { Array($0) } ?? CSVTieReader.related
                    if let known = relationBytes.firstIndex(of: bytes) {
                        relation = UInt16(known)
                    } else {
                        guard bytes.allSatisfy({ $0 < 0x80 }), relationBytes.count < Int(UInt16.max) else { return false }
                        let name = String(decoding: bytes, as: UTF8.self)
                        guard vocabulary.relations[name] != nil else { return false }
                        relation = UInt16(relationNames.count)
                        relationNames.append(name)
                        relationBytes.append(bytes)
                    }
                    lastRelation = (bytes, relation)
                }
                var weight = 1.0
                if let weightColumn, let text = fields.trimmed(weightColumn, line), !text.isEmpty {
                    guard let value = parseWeight(text) else { return false }
                    weight = value
                }
                var years: (Int32, Int32)?
                if let sinceColumn, let text = fields.trimmed(sinceColumn, line), !text.isEmpty {
                    guard let year = parseYear(text) else { return false }
                    years = (year, .max)
                }
                if let untilColumn, let text = fields.trimmed(untilColumn, line), !text.isEmpty {
                    guard let year = parseYear(text) else { return false }
                    guard year >= (years?.0 ?? .min) else { return false }   // since after until: an error
                    years = (years?.0 ?? .min, year)
                }
                if let years {
                    if since == nil {
                        since = [Int32](repeating: .min, count: from.count)
                        until = [Int32](repeating: .max, count: from.count)
                    }
                    since?.append(years.0); until?.append(years.1)
                } else if since != nil {
                    since?.append(.min); until?.append(.max)
                }
                if cites && cited == nil { cited = [Bool](repeating: false, count: from.count) }
                cited?.append(cites)
                from.append(table.number(of: fromID))
                to.append(table.number(of: toID))
                weights.append(weight)
                relations.append(relation)
                return true
                }
            }
            return ok && header != nil
        }
    }

    /// The relation of a row that names none.
    private static let related = Array("related_to".utf8)

    /// The header line: its delimiter (the most frequent of `;`, `,` and tab, as `CSVFormat.detectDelimiter`)
    /// and its lower-cased, trimmed names.
    struct Header {
        var delimiter: UInt8
        var names: [String]

        init?(_ line: UnsafeBufferPointer<UInt8>) {
            if line.contains(34) { return nil }   // quoted names: left to the full reader
            var counts: [(byte: UInt8, count: Int)] = [(9, 0), (44, 0), (59, 0)]   // tab, comma, semicolon: ties go to the first
            for byte in line { for k in counts.indices where counts[k].byte == byte { counts[k].count += 1 } }
            let best = counts.max { $0.count < $1.count || ($0.count == $1.count && $0.byte > $1.byte) }!
            delimiter = best.count > 0 ? best.byte : 44
            names = line.split(separator: delimiter, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self).trimmingSpaces.lowercased()
            }
            if names.allSatisfy(\.isEmpty) { return nil }
        }

        /// Whether every field is empty or spaces and tabs (such rows are skipped). A row of Unicode spaces is
        /// not blank here; its missing id then makes the caller fall back to the full reader.
        func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            line.allSatisfy { $0 == 32 || $0 == 9 || $0 == delimiter }
        }

        /// Calls `body` with a data row's text and field boundaries, unless the row is blank (true). A row with
        /// quotes is unquoted into `scratch` first; nil when its quoting is not the plain kind (a field wholly
        /// in quotes, `""` for a quote, all on one line), which is left to the full reader.
        func withRow(_ line: UnsafeBufferPointer<UInt8>, _ fields: inout Fields, _ scratch: inout [UInt8],
                     _ body: (UnsafeBufferPointer<UInt8>, Fields) -> Bool) -> Bool {
            guard line.contains(34) else {
                if isBlank(line) { return true }
                split(line, into: &fields)
                return body(line, fields)
            }
            scratch.removeAll(keepingCapacity: true)
            fields.bounds.removeAll(keepingCapacity: true)
            var k = 0
            while true {
                let start = scratch.count
                if k < line.count && line[k] == 34 {
                    k += 1
                    while true {
                        guard k < line.count else { return false }   // the quote closes on a later line
                        if line[k] == 34 {
                            if k + 1 < line.count && line[k + 1] == 34 { scratch.append(34); k += 2; continue }
                            k += 1
                            break
                        }
                        scratch.append(line[k]); k += 1
                    }
                    guard k == line.count || line[k] == delimiter else { return false }
                } else {
                    while k < line.count && line[k] != delimiter {
                        if line[k] == 34 { return false }
                        scratch.append(line[k]); k += 1
                    }
                }
                fields.bounds.append((start, scratch.count))
                if k == line.count { break }
                k += 1
            }
            let bounds = fields
            return scratch.withUnsafeBufferPointer { text in
                let blank = bounds.bounds.indices.allSatisfy { bounds.trimmed($0, text)?.isEmpty ?? true }
                return blank || body(text, bounds)
            }
        }

        /// The field boundaries of a line, into a reused buffer.
        func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout Fields) {
            fields.bounds.removeAll(keepingCapacity: true)
            var start = 0
            for k in 0..<line.count where line[k] == delimiter {
                fields.bounds.append((start, k))
                start = k + 1
            }
            fields.bounds.append((start, line.count))
        }
    }

    /// Field boundaries within one line.
    struct Fields {
        var bounds: [(Int, Int)] = []

        /// The field without its surrounding spaces and tabs; nil when the row has no such column, or when
        /// its edges are not ASCII (the caller then falls back, as Unicode spaces need the full trim).
        func trimmed(_ column: Int, _ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
            guard let field = raw(column, line) else { return nil }
            var start = 0, end = field.count
            while start < end, field[start] == 32 || field[start] == 9 { start += 1 }
            while end > start, field[end - 1] == 32 || field[end - 1] == 9 { end -= 1 }
            return UnsafeBufferPointer(rebasing: field[start..<end])
        }

        func raw(_ column: Int, _ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
            guard column < bounds.count else { return nil }
            return UnsafeBufferPointer(rebasing: line[bounds[column].0..<bounds[column].1])
        }

        /// A trimmed field as text, trimmed again as `CSVFormat` trims when it starts or ends outside ASCII.
        func text(_ field: UnsafeBufferPointer<UInt8>) -> String {
            let text = String(decoding: field, as: UTF8.self)
            guard let first = field.first, let last = field.last, first >= 0x80 || last >= 0x80 else { return text }
            return text.trimmingSpaces
        }
    }

    /// Calls `body` with each line of the file (without its line break), read in 4 MB blocks. False when the
    /// file cannot be read, is not UTF-8, holds a NUL byte, a quote or a lone carriage return, or when `body`
    /// returns false.
    static func forEachLine(_ path: String, blockSize: Int = 1 << 22, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var filled = 0
        var atStart = true
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }   // a line longer than the block
            let count = buffer.withUnsafeMutableBytes { raw in
                Foundation.read(handle.fileDescriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            guard count >= 0 else { return false }
            filled += count
            let atEnd = count == 0
            // The bytes used up (complete lines only, unless the file ended), or nil to give up.
            let consumed: Int? = buffer.withUnsafeBufferPointer { all in
                var start = 0
                if atStart {
                    if filled < 3 && !atEnd { return 0 }
                    if filled >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
                }
                var limit = filled
                if !atEnd {
                    while limit > start && all[limit - 1] != 10 { limit -= 1 }
                    if limit == start { return 0 }
                }
                let block = UnsafeBufferPointer(rebasing: all[start..<limit])
                var ascii = true
                for byte in block {
                    if byte == 0 { return nil }
                    if byte >= 0x80 { ascii = false }
                }
                if !ascii, String(validating: block, as: UTF8.self) == nil { return nil }
                var lineStart = start
                for k in start..<limit {
                    if all[k] == 13, k + 1 == limit || all[k + 1] != 10 { return nil }
                    if all[k] == 10 {
                        let end = k > lineStart && all[k - 1] == 13 ? k - 1 : k
                        if !body(UnsafeBufferPointer(rebasing: all[lineStart..<end])) { return nil }
                        lineStart = k + 1
                    }
                }
                if lineStart < limit, !body(UnsafeBufferPointer(rebasing: all[lineStart..<limit])) { return nil }
                return limit
            }
            guard let consumed else { return false }
            if atEnd { return true }
            if consumed > 0 {
                atStart = false
                buffer.withUnsafeMutableBufferPointer { all in
                    _ = memmove(all.baseAddress!, all.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
            }
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 } }

    /// Whether the two hold the same bytes (a plain loop: the generic `elementsEqual` is slow on every row).
    @inline(__always)
    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { a in
            for k in 0..<a.count where a[k] != b[k] { return false }
            return true
        }
    }

    static func isSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isASCII(bytes) && Slug.isValid(String(decoding: bytes, as: UTF8.self))
    }

    /// A positive finite weight written as digits with an optional `.` or `,` decimal mark, read as
    /// `CSVFormat` reads it; nil for anything else.
    static func parseWeight(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var integer = 0
        var plain = bytes.count <= 15
        for byte in bytes {
            switch byte {
            case 48...57: integer = integer &* 10 &+ Int(byte - 48)
            case 44, 46: plain = false
            default: return nil
            }
        }
        if plain { return integer > 0 ? Double(integer) : nil }
        let text = String(decoding: bytes.map { $0 == 44 ? 46 : $0 }, as: UTF8.self)
        guard let value = Double(text), value.isFinite, value > 0 else { return nil }
        return value
    }

    /// A year of 1…9999 written as digits, as `parseYear`; nil for anything else.
    static func parseYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count <= 9 else { return nil }
        var value: Int32 = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int32(byte - 48)
        }
        return (1...9999).contains(value) ? value : nil
    }
}
