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
        data.withUnsafeBytes { paddingEmpty(data, $0.bindMemory(to: UInt8.self)) }
    }

    private static func paddingEmpty(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>) -> Data {
        var scanner = XMLByteScanner(bytes: bytes)
        var insertions: [Int] = []
        while !scanner.atEnd {
            if scanner.current != UInt8(ascii: "<") {
                scanner.advance()
            } else if scanner.at("<!--") {
                _ = scanner.skip(past: "-->")
            } else if scanner.at("<![CDATA[") {
                _ = scanner.skip(past: "]]>")
            } else if scanner.at("<?") {
                scanner.advance(2)
                while !scanner.atEnd, !XMLByteScanner.isSpace(scanner.current), scanner.current != UInt8(ascii: "?") {
                    scanner.advance()
                }
                if scanner.at("?>") { insertions.append(scanner.index) }
                _ = scanner.skip(past: "?>")
            } else {
                scanner.advance()
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
}
