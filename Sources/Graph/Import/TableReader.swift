import Foundation

/// One record of a table being imported: its fields in header order and where it starts.
public struct TableRow: Sendable {
    /// Fields by column position (nil: empty, absent, JSON `null`, or a column no one asked for).
    public var fields: [String?]
    /// 1-based line on which the record starts.
    public var line: Int
    /// 1-based number of the record (the header is not counted), for files that hold everything on one line.
    public var record: Int

    /// The trimmed text of a column, nil when empty or missing.
    public func value(_ column: Int?) -> String? {
        guard let column, column < fields.count, let text = fields[column] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// The one streaming reader every importer uses: delimited text (`;` or `,`, detected from the header line;
/// quoted fields with doubled quotes and line breaks inside quotes) or a JSON array of flat row objects.
///
/// Reads 1 MiB at a time, so memory holds one chunk and one record, never the file. A CSV header is line 1;
/// a JSON table's columns are the keys of its first object (later objects may omit keys, which read as nil;
/// keys the first object lacks are ignored). A CSV record with a different number of fields than the header,
/// an unclosed quote, or broken JSON is an error naming `file:line`.
///
/// - Complexity: O(bytes) time; O(chunk + record) memory.
public struct TableReader {
    public let path: String
    /// Column names as written (a UTF-8 byte order mark removed).
    public private(set) var header: [String] = []
    /// When set, fields at positions marked false are not turned into text (returned as nil).
    public var wanted: [Bool]?
    private var bytes: ByteStream
    private let isJSON: Bool
    private var delimiter: UInt8 = UInt8(ascii: ";")
    private var records = 0
    private var pendingJSON: (pairs: [(String, String?)], line: Int)?
    private var jsonDone = false

    public init(path: String) throws {
        self.path = path
        OutputStage.shared.noteInput(path)
        bytes = try ByteStream(path: path)
        bytes.skipByteOrderMark()
        isJSON = path.lowercased().hasSuffix(".json") || bytes.firstNonSpace() == UInt8(ascii: "[")
        if isJSON {
            try openJSON()
        } else {
            delimiter = bytes.guessDelimiter()
            guard let names = try readDelimitedRecord() else { throw GraphError.file(path: path, reason: "file is empty: expected a header row") }
            header = names.fields.map { ($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    /// The position of the first column whose name matches one of `names` (case-insensitive, spaces trimmed).
    public func column(_ names: String...) -> Int? { column(names) }

    public func column(_ names: [String]) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for name in names {
            if let index = lowered.firstIndex(of: name.lowercased()) { return index }
        }
        return nil
    }

    /// Where the header is, for messages about missing columns.
    public var headerLocation: SourceLocation { SourceLocation(file: path, line: isJSON ? pendingJSON?.line ?? 1 : 1) }

    public func location(_ row: TableRow) -> SourceLocation { SourceLocation(file: path, line: row.line) }

    /// The next record, or nil at the end of the table. Blank lines are skipped.
    public mutating func next() throws -> TableRow? {
        if isJSON { return try nextJSON() }
        while let record = try readDelimitedRecord() {
            if record.fields.count == 1 && (record.fields[0] ?? "").isEmpty { continue }
            records += 1
            if record.fields.count != header.count {
                throw GraphError.invalidInput([.error("this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the header has \(header.count) (a '\(Character(UnicodeScalar(delimiter)))' inside an unquoted value?)",
                                                      at: SourceLocation(file: path, line: record.line))])
            }
            return TableRow(fields: record.fields, line: record.line, record: records)
        }
        return nil
    }

    private func keep(_ column: Int) -> Bool {
        guard let wanted else { return true }
        return column < wanted.count && wanted[column]
    }

    // MARK: delimited text

    private mutating func readDelimitedRecord() throws -> (fields: [String?], line: Int)? {
        guard bytes.peek() != nil else { return nil }
        let start = bytes.line
        var fields: [String?] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteLine = start
        while let byte = bytes.next() {
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if bytes.peek() == UInt8(ascii: "\"") {
                        _ = bytes.next()
                        field.append(byte)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                quoteLine = bytes.line
            case delimiter:
                fields.append(keep(fields.count) ? String(decoding: field, as: UTF8.self) : nil)
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\n"):
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(keep(fields.count) ? String(decoding: field, as: UTF8.self) : nil)
                return (fields, start)
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw GraphError.invalidInput([.error("a quoted field is not closed before the end of the file (it opens on this line)", at: SourceLocation(file: path, line: quoteLine))])
        }
        if field.last == UInt8(ascii: "\r") { field.removeLast() }
        fields.append(keep(fields.count) ? String(decoding: field, as: UTF8.self) : nil)
        return (fields, start)
    }

    // MARK: JSON array of objects

    private func jsonError(_ message: String) -> GraphError {
        GraphError.invalidInput([.error("not valid JSON: \(message)", at: SourceLocation(file: path, line: bytes.line))])
    }

    private mutating func openJSON() throws {
        bytes.skipSpace()
        guard bytes.next() == UInt8(ascii: "[") else {
            throw GraphError.invalidInput([.error("expected a JSON array of row objects ('[{...}, ...]')", at: SourceLocation(file: path, line: bytes.line))])
        }
        bytes.skipSpace()
        if bytes.peek() == UInt8(ascii: "]") {
            jsonDone = true
            return
        }
        let line = bytes.line
        let pairs = try readObject()
        header = pairs.map(\.0)
        pendingJSON = (pairs, line)
    }

    private mutating func nextJSON() throws -> TableRow? {
        let pairs: [(String, String?)]
        let line: Int
        if let pending = pendingJSON {
            pairs = pending.pairs
            line = pending.line
            pendingJSON = nil
        } else {
            if jsonDone { return nil }
            bytes.skipSpace()
            switch bytes.next() {
            case UInt8(ascii: "]"):
                jsonDone = true
                return nil
            case UInt8(ascii: ","):
                bytes.skipSpace()
            case nil:
                throw jsonError("the text ends before the JSON is complete (a missing ']', '}' or '\"'?)")
            default:
                throw jsonError("expected ',' or ']' between row objects")
            }
            line = bytes.line
            pairs = try readObject()
        }
        records += 1
        var fields = [String?](repeating: nil, count: header.count)
        for (key, value) in pairs {
            if let index = header.firstIndex(of: key), keep(index) { fields[index] = value }
        }
        return TableRow(fields: fields, line: line, record: records)
    }

    /// One flat object: keys with scalar values as text (numbers as written, `null` as nil, nested values skipped).
    private mutating func readObject() throws -> [(String, String?)] {
        guard bytes.next() == UInt8(ascii: "{") else { throw jsonError("expected a row object '{...}'") }
        var pairs: [(String, String?)] = []
        bytes.skipSpace()
        if bytes.peek() == UInt8(ascii: "}") {
            _ = bytes.next()
            return pairs
        }
        while true {
            bytes.skipSpace()
            guard bytes.next() == UInt8(ascii: "\"") else { throw jsonError("expected a quoted key") }
            let key = try readString()
            bytes.skipSpace()
            guard bytes.next() == UInt8(ascii: ":") else { throw jsonError("expected ':' after the key '\(key)'") }
            bytes.skipSpace()
            pairs.append((key, try readValue()))
            bytes.skipSpace()
            switch bytes.next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return pairs
            case nil: throw jsonError("the text ends before the JSON is complete (a missing ']', '}' or '\"'?)")
            default: throw jsonError("expected ',' or '}' after the value of '\(key)'")
            }
        }
    }

    private mutating func readValue() throws -> String? {
        guard let first = bytes.peek() else { throw jsonError("the text ends before the JSON is complete (a missing ']', '}' or '\"'?)") }
        switch first {
        case UInt8(ascii: "\""):
            _ = bytes.next()
            return try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested()
            return nil
        default:
            var word: [UInt8] = []
            while let byte = bytes.peek(), byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
                  byte != UInt8(ascii: " "), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r"), byte != UInt8(ascii: "\t") {
                word.append(byte)
                _ = bytes.next()
            }
            let text = String(decoding: word, as: UTF8.self)
            if text == "null" { return nil }
            if text == "true" || text == "false" || Double(text) != nil { return text }
            throw jsonError("'\(text.prefix(20))' is not a JSON value")
        }
    }

    private mutating func skipNested() throws {
        var depth = 0
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "\""): _ = try readString()
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
        throw jsonError("the text ends before the JSON is complete (a missing ']', '}' or '\"'?)")
    }

    /// The rest of a string after its opening quote, escapes decoded.
    private mutating func readString() throws -> String {
        var text: [UInt8] = []
        var scalars = ""
        func flush() {
            if !text.isEmpty {
                scalars += String(decoding: text, as: UTF8.self)
                text.removeAll(keepingCapacity: true)
            }
        }
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return scalars
            case UInt8(ascii: "\\"):
                guard let escape = bytes.next() else { break }
                switch escape {
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800...0xDBFF).contains(code), bytes.next() == UInt8(ascii: "\\"), bytes.next() == UInt8(ascii: "u") {
                        let low = try readHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    flush()
                    scalars.unicodeScalars.append(UnicodeScalar(code) ?? "\u{FFFD}")
                default: text.append(escape)
                }
            default:
                text.append(byte)
            }
        }
        throw jsonError("the text ends before the JSON is complete (a missing ']', '}' or '\"'?)")
    }

    private mutating func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = bytes.next(), let digit = Character(UnicodeScalar(byte)).hexDigitValue else { throw jsonError("a '\\u' escape needs four hex digits") }
            value = value * 16 + UInt32(digit)
        }
        return value
    }
}

/// A file read 1 MiB at a time, byte by byte, counting lines.
struct ByteStream {
    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The line of the next byte (1-based).
    private(set) var line = 1

    init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { throw GraphError.file(path: path, reason: "cannot read: \(UnreadableFile.reason(path))") }
        self.handle = handle
        fill()
    }

    private mutating func fill() {
        let data = handle.readData(ofLength: 1 << 20)
        chunk = [UInt8](data)
        atEnd = data.isEmpty
        position = 0
    }

    mutating func peek() -> UInt8? {
        if position >= chunk.count {
            if atEnd { return nil }
            fill()
            if atEnd { return nil }
        }
        return chunk[position]
    }

    mutating func next() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        if byte == UInt8(ascii: "\n") { line += 1 }
        return byte
    }

    mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { _ = next() }
    }

    mutating func skipByteOrderMark() {
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The first byte that is not white space, looking only into the first chunk.
    func firstNonSpace() -> UInt8? {
        chunk[position...].first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    }

    /// `,` when it occurs more often than `;` (outside quotes) on the first line, else `;`.
    func guessDelimiter() -> UInt8 {
        var semicolons = 0, commas = 0, quoted = false
        for byte in chunk[position...] {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 } else if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }
}
