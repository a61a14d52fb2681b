import Foundation

/// Keeps processing instructions from crashing Foundation's XML parser.
///
/// libxml2 reports a processing instruction that has a target and no data (`<?name?>`) with a NULL data
/// pointer, and swift-corelibs-foundation's `XMLParser` passes that pointer to `strlen` unchecked: any
/// GraphML, GEXF or workbook part holding such an instruction killed netmap with a segmentation fault
/// (found by `make fuzz`, Tests/Fixtures/fuzz/gexf/empty-processing-instruction.gexf). A space before the
/// `?>` makes libxml2 pass empty data instead; it changes no element, attribute, text or line number.
enum XMLProcessingInstructions {
    /// `data` with a space inserted before the `?>` of every processing instruction that has no data;
    /// `data` itself when there is none. Comments and CDATA sections are skipped: a `<?` in them is text.
    /// - Complexity: O(n) in the size of `data`.
    static func paddingEmpty(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var insertions: [Int] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts(bytes, with: "<!--", at: index) {
                index = end(of: "-->", in: bytes, from: index + 4)
            } else if starts(bytes, with: "<![CDATA[", at: index) {
                index = end(of: "]]>", in: bytes, from: index + 9)
            } else if starts(bytes, with: "<?", at: index) {
                var targetEnd = index + 2
                while targetEnd < bytes.count, !isSpace(bytes[targetEnd]), bytes[targetEnd] != UInt8(ascii: "?") {
                    targetEnd += 1
                }
                if starts(bytes, with: "?>", at: targetEnd) { insertions.append(targetEnd) }
                index = end(of: "?>", in: bytes, from: targetEnd)
            } else {
                index += 1
            }
        }
        guard !insertions.isEmpty else { return data }
        var padded = [UInt8]()
        padded.reserveCapacity(bytes.count + insertions.count)
        var copied = 0
        for position in insertions {
            padded.append(contentsOf: bytes[copied..<position])
            padded.append(UInt8(ascii: " "))
            copied = position
        }
        padded.append(contentsOf: bytes[copied...])
        return Data(padded)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func starts(_ bytes: [UInt8], with text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index >= 0, index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The index just past the first `terminator` at or after `start`, or the end of `bytes`.
    private static func end(of terminator: StaticString, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if starts(bytes, with: terminator, at: index) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return bytes.count
    }
}
