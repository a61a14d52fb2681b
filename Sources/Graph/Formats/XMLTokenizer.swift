import Foundation

/// A well-formedness error found by `XMLTokenizer`: what is wrong, and the line it was found on.
struct XMLSyntaxError: Error, Equatable, Sendable {
    var message: String
    var line: Int
}

/// netmap's own streaming XML tokenizer: start tags (with their attributes), end tags and text, read from a
/// file or a `Data` in blocks, so memory stays bounded by the longest tag or text (at most `maxTokenBytes`)
/// whatever the document's size; linear time, every byte looked at a bounded number of times.
///
/// It checks well-formedness as strictly as libxml2 does where it matters: tags nest and match, an element's
/// attributes are distinct, quoted and free of `<`, namespace prefixes are declared, text and values hold only
/// characters XML allows in valid UTF-8 (no NUL or other control characters, also not as `&#...;`), entity
/// references are the five predefined ones, `]]>` does not appear in text, `--` not inside a comment, the XML
/// declaration comes first, there is exactly one root element and nothing but comments, processing
/// instructions and white space around it. Comments and processing instructions are skipped, CDATA sections
/// are text, a DOCTYPE is skipped unless its internal subset declares an entity, which is refused
/// (`XMLDoctype.entityRefusal`): no entity is ever expanded. Line ends are normalised (`\r\n` and `\r` to `\n`)
/// and white space in attribute values to spaces, as XML 1.0 says.
///
/// Element and attribute names are reported as written (`prefix:local`); `localName` drops the prefix.
/// Names, values and text are byte ranges into the tokenizer's buffer, valid until the next call to `next()`.
struct XMLTokenizer {
    enum Token: Equatable {
        /// A start tag; an empty element (`<a/>`) is a start tag followed by its end tag.
        case startTag
        case endTag
        /// Character data (CDATA sections included) inside the root element, possibly one of several pieces.
        case text
        /// The end of a well-formed document.
        case end
    }

    /// Where the bytes come from.
    enum Source {
        case data(Data)
        case descriptor(Int32)
    }

    /// The deepest element nesting read (GraphML needs under 10).
    static let maxDepth = 256
    /// The longest single tag, text, comment or processing instruction, by default.
    static let maxTokenBytes = 1 << 26
    private let maxTokenBytes: Int

    // MARK: Buffer

    private final class Storage {
        var pointer: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { pointer = .allocate(capacity: capacity) }
        deinit { pointer.deallocate() }
    }

    private var source: Source
    private var dataOffset = 0
    private let storage: Storage
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var filled = 0
    /// Where the next token starts.
    private var position = 0
    private var sourceEnded = false
    /// Lines counted up to this index of the buffer.
    private var countedTo = 0
    private var countedLine = 1
    private let countsLines: Bool
    /// Whether the declared encoding is ignored (the caller transcoded the document to UTF-8 first).
    private let ignoresDeclaredEncoding: Bool

    /// `countsLines: false` reports every line as 0 (for a reader that needs no line, such as a fast path that
    /// hands any error to the full reader): it saves a pass over the bytes.
    init(_ source: Source, blockSize: Int = 1 << 20, ignoresDeclaredEncoding: Bool = false, maxTokenBytes: Int = Self.maxTokenBytes,
         countsLines: Bool = true) {
        self.source = source
        self.countsLines = countsLines
        self.maxTokenBytes = maxTokenBytes
        capacity = max(blockSize, 16)
        storage = Storage(capacity: capacity)
        base = storage.pointer
        self.ignoresDeclaredEncoding = ignoresDeclaredEncoding
    }

    // MARK: Document state

    private var openNames: [UInt8] = []
    private var openEnds: [Int] = []
    private var openLines: [Int] = []
    /// Namespace prefixes declared by open elements: (prefix, depth of the element declaring it).
    private var declaredPrefixes: [([UInt8], Int)] = []
    private var prefixCount: [[UInt8]: Int] = [:]
    private var pendingEnd = false
    private var started = false
    private var declarationPending = false
    private var rootClosed = false
    private var sawRoot = false
    private var sawDoctype = false
    /// Whether anything other than white space came before the root.
    private var sawContent = false

    /// Number of open elements (after a start tag, counting it).
    var depth: Int { openEnds.count }

    // MARK: Current token

    /// The line of the current token: for a start tag the line of its closing `>` (as libxml2 reports it).
    private(set) var line = 1
    private var nameRange = 0..<0
    private var attributeNames: [Range<Int>] = []
    private var attributeValues: [Range<Int>] = []
    private var textRange = 0..<0
    private var decodable: [Bool] = []

    /// The name of the current start or end tag, as written.
    var name: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + nameRange.lowerBound, count: nameRange.count) }

    /// The name of the current start or end tag without its namespace prefix.
    var localName: UnsafeBufferPointer<UInt8> {
        let all = name
        guard let colon = all.firstIndex(of: UInt8(ascii: ":")) else { return all }
        return UnsafeBufferPointer(rebasing: all[(colon + 1)...])
    }

    /// Whether the current tag's local name is `text`.
    func isNamed(_ text: StaticString) -> Bool { Self.equal(localName, text) }

    /// The current text token (decoded).
    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + textRange.lowerBound, count: textRange.count) }

    /// Number of attributes of the current start tag (the arrays below are reused: only this many are its own).
    private(set) var attributeCount = 0

    /// The value (decoded) of the current start tag's attribute written `name`, or nil.
    func attribute(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for k in 0..<attributeCount {
            let range = attributeNames[k]
            if Self.equal(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), name) {
                return UnsafeBufferPointer(start: base + attributeValues[k].lowerBound, count: attributeValues[k].count)
            }
        }
        return nil
    }

    /// The current start tag's attribute `k`: its name as written and its decoded value.
    func attribute(at k: Int) -> (name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        (UnsafeBufferPointer(start: base + attributeNames[k].lowerBound, count: attributeNames[k].count),
         UnsafeBufferPointer(start: base + attributeValues[k].lowerBound, count: attributeValues[k].count))
    }

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        return memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Reading

    private enum Scan: Error {
        /// The token goes on past the bytes read so far.
        case needMore
        /// A well-formedness error at this index of the buffer ("malformed XML: " is put before it).
        case error(String, Int)
        /// A document netmap does not read at all (binary, UTF-16, entities, another encoding): the whole message.
        case refusal(String, Int)
    }

    /// The next token.
    mutating func next() throws(XMLSyntaxError) -> Token {
        if pendingEnd {
            pendingEnd = false
            closeElement()
            return .endTag
        }
        while true {
            do {
                if let token = try scanToken() { return token }
            } catch let scan {
                switch scan {
                case .needMore: try refill()
                case .error(let message, let index): throw XMLSyntaxError(message: "malformed XML: " + message, line: lineAt(index))
                case .refusal(let message, let index): throw XMLSyntaxError(message: message, line: lineAt(index))
                }
            }
        }
    }

    /// The line of the byte at `index` of the buffer (counting forward from the last count).
    private mutating func lineAt(_ index: Int) -> Int {
        guard countsLines else { return 0 }
        let end = min(index, filled)
        if end > countedTo {
            var cursor = base + countedTo
            let stop = base + end
            while cursor < stop, let found = memchr(cursor, 0x0A, stop - cursor) {
                countedLine += 1
                cursor = found.assumingMemoryBound(to: UInt8.self) + 1
            }
            countedTo = end
        }
        return countedLine
    }

    /// Moves the bytes from `position` on to the front and reads more; doubles the buffer when the token
    /// fills it.
    private mutating func refill() throws(XMLSyntaxError) {
        _ = lineAt(position)
        if position > 0 {
            memmove(base, base + position, filled - position)
            filled -= position
            countedTo -= position
            position = 0
        }
        if filled == capacity {
            guard capacity < maxTokenBytes else {
                let limit = maxTokenBytes >= 1 << 20 ? "\(maxTokenBytes >> 20) MiB" : "\(maxTokenBytes) bytes"
                throw XMLSyntaxError(message: "malformed XML: a tag or text longer than \(limit)", line: lineAt(0))
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: base, count: filled)
            storage.pointer.deallocate()
            storage.pointer = grown
            base = grown
            capacity *= 2
        }
        switch source {
        case .data(let data):
            let count = min(capacity - filled, data.count - dataOffset)
            if count > 0 {
                let start = data.startIndex + dataOffset
                data.copyBytes(to: base + filled, from: start..<(start + count))
                dataOffset += count
                filled += count
            } else {
                sourceEnded = true
            }
        case .descriptor(let descriptor):
            var count: Int
            repeat { count = Foundation.read(descriptor, base + filled, capacity - filled) } while count < 0 && errno == EINTR
            if count > 0 { filled += count } else { sourceEnded = true }
        }
    }

    @inline(__always)
    private mutating func byte(_ index: Int) throws(Scan) -> UInt8 {
        if index < filled { return base[index] }
        throw sourceEnded ? .error("the document ends inside a tag, comment or other markup", index) : .needMore
    }

    /// Whether the bytes at `index` are `text`; false when the document ends first.
    private mutating func startsWith(_ index: Int, _ text: StaticString) throws(Scan) -> Bool {
        for k in 0..<text.utf8CodeUnitCount {
            if index + k >= filled {
                if sourceEnded { return false }
                throw .needMore
            }
            if base[index + k] != text.utf8Start[k] { return false }
        }
        return true
    }

    @inline(__always)
    private mutating func matches(_ index: Int, _ text: StaticString) throws(Scan) -> Bool {
        for k in 0..<text.utf8CodeUnitCount where try byte(index + k) != text.utf8Start[k] { return false }
        return true
    }

    private mutating func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// One token from `position`: nil when it was one the caller does not see (comment, processing
    /// instruction, DOCTYPE, white space outside the root).
    private mutating func scanToken() throws(Scan) -> Token? {
        if position >= filled {
            if !sourceEnded { throw .needMore }
            return try endOfDocument()
        }
        if !started {
            // A UTF-8 byte order mark is skipped; UTF-16 is refused (the callers transcode what they read).
            var start = position
            if try startsWith(start, "\u{FEFF}") { start += 3 }
            else if try startsWith(start, "<") == false, start + 1 < filled,
                    (base[start] == 0xFE && base[start + 1] == 0xFF) || (base[start] == 0xFF && base[start + 1] == 0xFE) {
                throw .refusal("file is UTF-16; save it as UTF-8", start)
            }
            var declared = false
            if try startsWith(start, "<?xml") {
                let after = try byte(start + 5)
                declared = Self.isSpace(after)
            }
            (started, position, declarationPending) = (true, start, declared)
        }
        if declarationPending {
            try scanDeclaration()
            declarationPending = false
            return nil
        }
        guard base[position] == UInt8(ascii: "<") else { return try scanText() }
        let next = try byte(position + 1)
        switch next {
        case UInt8(ascii: "/"): return try scanEndTag()
        case UInt8(ascii: "?"): try scanProcessingInstruction(); return nil
        case UInt8(ascii: "!"):
            if try matches(position, "<!--") { try scanComment(); return nil }
            if try matches(position, "<![CDATA[") { return try scanCDATA() }
            if try matches(position, "<!DOCTYPE") { try scanDoctype(); return nil }
            throw .error("'<!' starts no comment, CDATA section or DOCTYPE", position)
        default: return try scanStartTag()
        }
    }

    private mutating func endOfDocument() throws(Scan) -> Token {
        if let innermost = openEnds.indices.last {
            let start = innermost == 0 ? 0 : openEnds[innermost - 1]
            let name = String(decoding: openNames[start..<openEnds[innermost]], as: UTF8.self)
            throw .error("the document ends before <\(name)> (line \(openLines[innermost])) is closed", filled)
        }
        guard sawRoot else {
            throw .error(sawContent ? "extra content at the end of the document, or the document ended early" : "the document is empty", filled)
        }
        return .end
    }

    // MARK: Characters

    /// Checks the (non-ASCII or control) character at `index` and returns its length in bytes: valid UTF-8 of
    /// a character XML 1.0 allows (tab, line feed and carriage return among the controls; no surrogates, no
    /// U+FFFE/U+FFFF).
    @inline(__always)
    private mutating func character(at index: Int) throws(Scan) -> Int {
        let lead = base[index]
        if lead < 0x80 {
            guard lead >= 0x20 || lead == 0x09 || lead == 0x0A || lead == 0x0D else {
                if lead == 0 { throw .refusal("not XML: the file holds binary data (a NUL byte on this line); is it the right file?", index) }
                throw .error("control character U+00\(lead < 0x10 ? "0" : "")\(String(lead, radix: 16, uppercase: true)), which XML does not allow", index)
            }
            return 1
        }
        let length: Int, minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
        default: throw .error("the text is not valid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)))", index)
        }
        for k in 1..<length {
            let continuation = try byte(index + k)
            guard continuation & 0xC0 == 0x80 else {
                throw .error("the text is not valid UTF-8 (byte 0x\(String(continuation, radix: 16, uppercase: true)))", index)
            }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar), scalar != 0xFFFE, scalar != 0xFFFF else {
            throw .error("the text is not valid UTF-8 or holds a character XML does not allow", index)
        }
        return length
    }

    static func isAllowed(_ scalar: UInt32) -> Bool {
        scalar == 0x09 || scalar == 0x0A || scalar == 0x0D || (0x20...0xD7FF).contains(scalar)
            || (0xE000...0xFFFD).contains(scalar) || (0x10000...0x10FFFF).contains(scalar)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    /// A name from `index`: its end.
    private mutating func scanName(_ index: Int, what: String) throws(Scan) -> Int {
        guard Self.isNameStart(try byte(index)) else { throw .error("expected \(what) name", index) }
        var i = index
        while true {
            let b = try byte(i)
            guard Self.isNameByte(b) else { return i }
            i += b < 0x80 ? 1 : try character(at: i)
        }
    }

    private mutating func skipSpace(_ index: Int) throws(Scan) -> Int {
        var i = index
        while Self.isSpace(try byte(i)) { i += 1 }
        return i
    }

    /// The reference starting with the `&` at `index`: its end (after the `;`) and the character it stands for.
    private mutating func reference(at index: Int) throws(Scan) -> (end: Int, scalar: UInt32) {
        var i = index + 1
        if try byte(i) == UInt8(ascii: "#") {
            i += 1
            let hex = try byte(i) == UInt8(ascii: "x")
            if hex { i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while true {
                let b = try byte(i)
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(b - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(b - 0x41 + 10)
                case UInt8(ascii: ";"):
                    guard digits > 0 else { throw .error("a character reference without digits", index) }
                    guard Self.isAllowed(value) else {
                        throw .error("the character reference \(String(decoding: bytes(index..<(i + 1)), as: UTF8.self)) names a character XML does not allow", index)
                    }
                    return (i + 1, value)
                default: throw .error("a character reference that does not end with ';'", index)
                }
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                digits += 1
                i += 1
            }
        }
        guard Self.isNameStart(try byte(i)) else { throw .error("'&' not followed by an entity name (write &amp; for '&')", index) }
        let end = try scanName(i, what: "an entity")
        guard try byte(end) == UInt8(ascii: ";") else { throw .error("'&' not followed by an entity name and ';' (write &amp; for '&')", index) }
        let name = bytes(i..<end)
        let scalar: UInt32
        if Self.equal(name, "lt") { scalar = 0x3C }
        else if Self.equal(name, "gt") { scalar = 0x3E }
        else if Self.equal(name, "amp") { scalar = 0x26 }
        else if Self.equal(name, "apos") { scalar = 0x27 }
        else if Self.equal(name, "quot") { scalar = 0x22 }
        else {
            throw .error("undeclared entity '&\(String(decoding: name.prefix(64), as: UTF8.self));' (XML knows &lt; &gt; &amp; &apos; &quot; and character references)", index)
        }
        return (end + 1, scalar)
    }

    /// Rewrites `range` in place: references decoded, line ends normalised, and for attribute values tab and
    /// line feed turned into spaces. The result is never longer; returns its range.
    private mutating func decode(_ range: Range<Int>, attribute: Bool) -> Range<Int> {
        var read = range.lowerBound, write = range.lowerBound
        while read < range.upperBound {
            let b = base[read]
            if b == UInt8(ascii: "&") {
                // Validated while scanning.
                guard let (end, scalar) = try? reference(at: read) else { return range }
                let encoded = Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!
                for unit in encoded { base[write] = unit; write += 1 }
                read = end
            } else if b == 0x0D {
                if read + 1 < range.upperBound, base[read + 1] == 0x0A { read += 1 }
                base[write] = attribute ? 0x20 : 0x0A
                write += 1; read += 1
            } else {
                base[write] = attribute && (b == 0x0A || b == 0x09) ? 0x20 : b
                write += 1; read += 1
            }
        }
        return range.lowerBound..<write
    }

    // MARK: Tokens

    private mutating func scanText() throws(Scan) -> Token? {
        if depth == 0, !Self.isSpace(base[position]) {
            sawContent = true
            throw .error(sawRoot ? "extra content at the end of the document, or the document ended early"
                                 : "no XML element where the text starts (is it an XML file?)", position)
        }
        var i = position
        var needsDecoding = false
        var onlySpace = true
        while true {
            if i >= filled {
                if !sourceEnded { throw .needMore }
                break
            }
            let b = base[i]
            if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "<") && b != UInt8(ascii: "&") && b != UInt8(ascii: "]") {
                if b != 0x20 { onlySpace = false }
                i += 1
                continue
            }
            if b == UInt8(ascii: "<") { break }
            if b == UInt8(ascii: "&") {
                i = try reference(at: i).end
                needsDecoding = true
                onlySpace = false
            } else if b == UInt8(ascii: "]") {
                if try byte(i + 1) == UInt8(ascii: "]"), try byte(i + 2) == UInt8(ascii: ">") {
                    throw .error("']]>' is not allowed in text", i)
                }
                onlySpace = false
                i += 1
            } else {
                if b == 0x0D { needsDecoding = true }
                if !Self.isSpace(b) { onlySpace = false }
                i += try character(at: i)
            }
        }
        let range = position..<i
        if depth == 0 {
            // Outside the root: white space only.
            if !onlySpace {
                sawContent = true
                throw .error(sawRoot ? "extra content at the end of the document, or the document ended early"
                                     : "no XML element where the text starts (is it an XML file?)", position)
            }
            position = i
            return nil
        }
        line = lineAt(position)
        _ = lineAt(i)   // before decoding in place
        textRange = needsDecoding ? decode(range, attribute: false) : range
        position = i
        return .text
    }

    private mutating func scanCDATA() throws(Scan) -> Token? {
        guard depth > 0 else { throw .error("a CDATA section outside the root element", position) }
        let start = position + 9
        var i = start
        var needsDecoding = false
        while true {
            let b = try byte(i)
            if b == UInt8(ascii: "]"), try matches(i, "]]>") { break }
            if b == 0x0D { needsDecoding = true }
            i += b >= 0x20 && b < 0x80 ? 1 : try character(at: i)
        }
        line = lineAt(position)
        _ = lineAt(i)   // before decoding in place
        textRange = needsDecoding ? decode(start..<i, attribute: false) : start..<i
        position = i + 3
        return .text
    }

    private mutating func scanComment() throws(Scan) {
        var i = position + 4
        while true {
            let b = try byte(i)
            if b == UInt8(ascii: "-"), try byte(i + 1) == UInt8(ascii: "-") {
                guard try byte(i + 2) == UInt8(ascii: ">") else { throw .error("'--' inside a comment", i) }
                if depth == 0 && !sawRoot { sawContent = true }
                position = i + 3
                return
            }
            i += b >= 0x20 && b < 0x80 ? 1 : try character(at: i)
        }
    }

    /// `<?target data?>`, skipped; `<?xml` only as the document's first bytes (`scanDeclaration`).
    private mutating func scanProcessingInstruction() throws(Scan) {
        let start = position + 2
        let end = try scanName(start, what: "a processing instruction")
        let target = bytes(start..<end)
        if target.count == 3, target.map({ $0 | 0x20 }) == Array("xml".utf8) {
            throw .error("an XML declaration (<?xml ...?>) is allowed only at the very start of the document", position)
        }
        var i = end
        let afterTarget = try byte(i)
        guard afterTarget == UInt8(ascii: "?") || Self.isSpace(afterTarget) else { throw .error("bad processing instruction", position) }
        while true {
            let b = try byte(i)
            if b == UInt8(ascii: "?"), try byte(i + 1) == UInt8(ascii: ">") { break }
            i += b >= 0x20 && b < 0x80 ? 1 : try character(at: i)
        }
        if depth == 0 && !sawRoot { sawContent = true }
        position = i + 2
    }

    /// The XML declaration: `version` first, then optionally `encoding` and `standalone`.
    private mutating func scanDeclaration() throws(Scan) {
        var i = position + 5
        var names: [String] = []
        var encoding: String?
        while true {
            i = try skipSpace(i)
            if try matches(i, "?>") { break }
            let nameEnd = try scanName(i, what: "an XML declaration attribute")
            let name = String(decoding: bytes(i..<nameEnd), as: UTF8.self)
            i = try skipSpace(nameEnd)
            guard try byte(i) == UInt8(ascii: "=") else { throw .error("bad XML declaration: '=' expected after \(name)", i) }
            i = try skipSpace(i + 1)
            let quote = try byte(i)
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw .error("bad XML declaration: \(name) is not quoted", i) }
            let valueStart = i + 1
            i = valueStart
            while try byte(i) != quote {
                guard base[i] >= 0x20 && base[i] < 0x7F else { throw .error("bad XML declaration: \(name) holds an unexpected character", i) }
                i += 1
            }
            let value = String(decoding: bytes(valueStart..<i), as: UTF8.self)
            i += 1
            names.append(name)
            switch name {
            case "version": guard value.hasPrefix("1.") else { throw .error("XML version '\(value)' (netmap reads XML 1.x)", valueStart) }
            case "encoding": encoding = value
            case "standalone": guard value == "yes" || value == "no" else { throw .error("bad XML declaration: standalone '\(value)'", valueStart) }
            default: throw .error("bad XML declaration: unknown attribute '\(name)'", i)
            }
        }
        guard names.first == "version", names == ["version", "encoding", "standalone"].filter(names.contains) else {
            throw .error("bad XML declaration (expected version, then encoding and standalone)", position)
        }
        if let encoding, !ignoresDeclaredEncoding, !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
            throw .refusal("the document is in \(encoding), which netmap does not read; save it as UTF-8", position)
        }
        position = i + 2
    }

    /// `<!DOCTYPE name external-id? [internal subset]? >`, skipped; an entity declaration is refused.
    private mutating func scanDoctype() throws(Scan) {
        guard !sawRoot, !sawDoctype else { throw .error("a DOCTYPE is allowed only once, before the root element", position) }
        var i = position + 9
        func skipLiteral(_ index: Int) throws(Scan) -> Int {
            let quote = base[index]
            var k = index + 1
            while try byte(k) != quote { k += try character(at: k) }
            return k + 1
        }
        while true {
            let b = try byte(i)
            if b == UInt8(ascii: ">") { break }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { i = try skipLiteral(i); continue }
            if b == UInt8(ascii: "[") {
                i += 1
                while true {
                    let c = try byte(i)
                    if c == UInt8(ascii: "]") { i += 1; break }
                    if try matches(i, "<!--") {
                        i += 4
                        while !(try matches(i, "-->")) { i += try character(at: i) }
                        i += 3
                    } else if try matches(i, "<?") {
                        i += 2
                        while !(try matches(i, "?>")) { i += try character(at: i) }
                        i += 2
                    } else if try matches(i, "<!ENTITY") {
                        throw .refusal(XMLDoctype.entityRefusal, i)
                    } else if try matches(i, "<!") {
                        i += 2
                        while try byte(i) != UInt8(ascii: ">") {
                            if base[i] == UInt8(ascii: "\"") || base[i] == UInt8(ascii: "'") { i = try skipLiteral(i) } else { i += try character(at: i) }
                        }
                        i += 1
                    } else if c == UInt8(ascii: "%") {
                        throw .refusal(XMLDoctype.entityRefusal, i)
                    } else {
                        i += try character(at: i)
                    }
                }
                continue
            }
            i += try character(at: i)
        }
        sawDoctype = true
        sawContent = true
        position = i + 1
    }

    private mutating func scanEndTag() throws(Scan) -> Token? {
        let start = position + 2
        let end = try scanName(start, what: "an element")
        let close = try skipSpace(end)
        guard try byte(close) == UInt8(ascii: ">") else { throw .error("'>' expected to end </\(String(decoding: bytes(start..<end), as: UTF8.self))", close) }
        guard let innermost = openEnds.indices.last else {
            throw .error("</\(String(decoding: bytes(start..<end), as: UTF8.self))> closes no open element", position)
        }
        let openStart = innermost == 0 ? 0 : openEnds[innermost - 1]
        let open = openNames[openStart..<openEnds[innermost]]
        guard open.elementsEqual(bytes(start..<end)) else {
            throw .error("start and end tags do not match: </\(String(decoding: bytes(start..<end).prefix(200), as: UTF8.self))> closes <\(String(decoding: open.prefix(200), as: UTF8.self))> (line \(openLines[innermost]))", position)
        }
        line = lineAt(close)
        nameRange = start..<end
        position = close + 1
        closeElement()
        return .endTag
    }

    private mutating func closeElement() {
        let closing = openEnds.count
        openEnds.removeLast()
        openLines.removeLast()
        openNames.removeLast(openNames.count - (openEnds.last ?? 0))
        while let last = declaredPrefixes.last, last.1 == closing {
            declaredPrefixes.removeLast()
            prefixCount[last.0, default: 1] -= 1
        }
        if openEnds.isEmpty { rootClosed = true }
    }

    private mutating func scanStartTag() throws(Scan) -> Token? {
        if rootClosed { throw .error("extra content at the end of the document, or the document ended early", position) }
        let start = position + 1
        let end = try scanName(start, what: "an element")
        var count = 0
        var i = end
        var selfClosing = false
        while true {
            let spaced = Self.isSpace(try byte(i))
            i = try skipSpace(i)
            let b = try byte(i)
            if b == UInt8(ascii: ">") { break }
            if b == UInt8(ascii: "/") {
                guard try byte(i + 1) == UInt8(ascii: ">") else { throw .error("'>' expected after '/' in a tag", i) }
                selfClosing = true
                i += 1
                break
            }
            guard spaced else { throw .error("attributes must be separated by white space", i) }
            let nameStart = i
            let nameEnd = try scanName(i, what: "an attribute")
            i = try skipSpace(nameEnd)
            guard try byte(i) == UInt8(ascii: "=") else {
                throw .error("attribute \(String(decoding: bytes(nameStart..<nameEnd).prefix(200), as: UTF8.self)) without a value", i)
            }
            i = try skipSpace(i + 1)
            let quote = try byte(i)
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw .error("attribute value not quoted", i) }
            let valueStart = i + 1
            i = valueStart
            var needsDecoding = false
            while true {
                let c = try byte(i)
                if c == quote { break }
                if c >= 0x20 && c < 0x80 && c != UInt8(ascii: "<") && c != UInt8(ascii: "&") { i += 1; continue }
                if c == UInt8(ascii: "<") { throw .error("unescaped '<' in an attribute value", i) }
                if c == UInt8(ascii: "&") {
                    i = try reference(at: i).end
                    needsDecoding = true
                } else {
                    if c < 0x20 { needsDecoding = true }
                    i += try character(at: i)
                }
            }
            if count < attributeNames.count {
                (attributeNames[count], attributeValues[count], decodable[count]) = (nameStart..<nameEnd, valueStart..<i, needsDecoding)
            } else {
                attributeNames.append(nameStart..<nameEnd)
                attributeValues.append(valueStart..<i)
                decodable.append(needsDecoding)
            }
            count += 1
            i += 1
        }
        if openEnds.count >= Self.maxDepth { throw .error("elements nested more than \(Self.maxDepth) deep", i) }
        attributeCount = count
        // Distinct attribute names.
        if count > 1 {
            if count <= 16 {
                for a in 1..<count {
                    for b in 0..<a where bytes(attributeNames[a]).elementsEqual(bytes(attributeNames[b])) {
                        throw .error("attribute \(String(decoding: bytes(attributeNames[a]).prefix(200), as: UTF8.self)) given twice", i)
                    }
                }
            } else {
                var seen: Set<[UInt8]> = []
                for range in attributeNames[..<count] where !seen.insert(Array(bytes(range))).inserted {
                    throw .error("attribute \(String(decoding: bytes(range).prefix(200), as: UTF8.self)) given twice", i)
                }
            }
        }
        // Namespaces: declarations of this element first, then every prefix used must be declared.
        let newDepth = openEnds.count + 1
        var declared: [([UInt8], Int)] = []
        for k in 0..<count {
            let name = bytes(attributeNames[k])
            guard name.count > 5, name[0] == UInt8(ascii: "x"), Self.equal(UnsafeBufferPointer(rebasing: name[..<5]), "xmlns") else { continue }
            guard name[5] == UInt8(ascii: ":") else { continue }
            let prefix = Array(name[6...])
            if attributeValues[k].isEmpty { throw .error("namespace prefix \(String(decoding: prefix.prefix(200), as: UTF8.self)) declared with an empty name", i) }
            declared.append((prefix, newDepth))
        }
        for (prefix, _) in declared { prefixCount[prefix, default: 0] += 1 }
        declaredPrefixes += declared
        func checkPrefix(_ name: UnsafeBufferPointer<UInt8>, attribute: Bool) throws(Scan) {
            guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else { return }
            let prefix = Array(name[..<colon])
            if prefix == Array("xml".utf8) || (attribute && prefix == Array("xmlns".utf8)) { return }
            guard colon > 0, colon < name.count - 1, !name[(colon + 1)...].contains(UInt8(ascii: ":")), (prefixCount[prefix] ?? 0) > 0 else {
                throw .error("namespace prefix '\(String(decoding: prefix.prefix(200), as: UTF8.self))' of <\(String(decoding: name.prefix(200), as: UTF8.self))> is not declared", i)
            }
        }
        let elementName = bytes(start..<end)
        if elementName.contains(UInt8(ascii: ":")) { try checkPrefix(elementName, attribute: false) }
        for k in 0..<count where bytes(attributeNames[k]).contains(UInt8(ascii: ":")) { try checkPrefix(bytes(attributeNames[k]), attribute: true) }
        // Lines are counted before values are decoded in place (which moves bytes).
        line = lineAt(i)
        for k in 0..<count where decodable[k] { attributeValues[k] = decode(attributeValues[k], attribute: true) }
        sawRoot = true
        nameRange = start..<end
        openNames.append(contentsOf: elementName)
        openEnds.append(openNames.count)
        openLines.append(line)
        position = i + 1
        if selfClosing { pendingEnd = true }
        return .startTag
    }
}
