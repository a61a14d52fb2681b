/// A cursor over an XML document's bytes that counts lines: what netmap reads of a document before the XML
/// parser sees it (`XMLDoctype`'s prolog check, `XMLProcessingInstructions`) is read with it. It reads the
/// document's own bytes in place (no copy), so use it only while they are valid (inside `withUnsafeBytes`).
struct XMLByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 1

    /// Starts after a UTF-8 byte order mark, if there is one.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var atEnd: Bool { index >= bytes.count }

    /// The byte at the cursor; the cursor must not be at the end.
    var current: UInt8 { bytes[index] }

    /// Whether the bytes at the cursor are `text`.
    func at(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
    }

    /// Moves past the next `terminator`; false when the text ends first.
    mutating func skip(past terminator: StaticString) -> Bool {
        while index < bytes.count {
            if at(terminator) { advance(terminator.utf8CodeUnitCount); return true }
            advance()
        }
        return false
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { advance() }
    }
}
