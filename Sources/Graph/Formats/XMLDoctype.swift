import Foundation

/// What a document's prolog declares, read from its bytes before the XML parser sees them: its encoding
/// family and whether its DOCTYPE declares entities.
///
/// netmap refuses XML that declares entities (external entities read local files, nested ones expand
/// exponentially). The decision is taken on the parsed prolog, not on a search for the bytes `<!ENTITY`:
/// a comment that mentions `<!ENTITY` is not a declaration, and a document in an encoding that does not
/// keep ASCII's bytes (EBCDIC, UTF-32) would hide one from any byte search, so such documents are refused.
enum XMLDoctype {
    enum Finding: Equatable {
        /// The document's bytes are not ASCII-compatible (the name of the encoding seen).
        case unsupportedEncoding(String)
        /// The DOCTYPE's internal subset declares an entity, on this line.
        case entityDeclaration(line: Int)
    }

    /// Why a document that declares entities is refused (the message of its error).
    static let entityRefusal = "the document declares XML entities (<!ENTITY ...>); network files must not (entities are refused to prevent external-entity and expansion attacks)"

    /// The encoding the XML declaration at the start of `data` names, if any.
    static func declaredEncoding(_ data: Data) -> String? {
        data.prefix(1 << 10).withUnsafeBytes { raw -> String? in
            var scanner = XMLByteScanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.skipSpace()
            guard scanner.at("<?xml") else { return nil }
            let start = scanner.index
            guard scanner.skip(past: "?>") else { return nil }
            return XMLByteScanner.attribute("encoding", in: String(decoding: scanner.bytes[start..<scanner.index], as: UTF8.self))
        }
    }

    /// The first reason to refuse `data`, or nil.
    /// - Complexity: O(n) in the length of the prolog.
    static func check(_ data: Data) -> XMLDoctype.Finding? {
        data.prefix(1 << 20).withUnsafeBytes { check($0.bindMemory(to: UInt8.self)) }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding? {
        if bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return .unsupportedEncoding("EBCDIC") }
        if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) || bytes.starts(with: [0x3C, 0x00, 0x00, 0x00])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return .unsupportedEncoding("UTF-32")
        }
        var scanner = XMLByteScanner(bytes: bytes)
        return scanner.prolog()
    }

    /// Whether a declared encoding is one netmap reads: UTF-8, ASCII, ISO 8859 and the Windows code pages.
    /// Any other is refused: it may hide ASCII from the prolog check (EBCDIC, UTF-32), and the system's
    /// libxml2 2.9 crashes on some (a GraphML declaring `utf-7` made it dereference NULL; found by `make fuzz`,
    /// Tests/Fixtures/fuzz/graphml/utf-7-declaration.graphml).
    static func isASCIICompatible(_ encoding: String) -> Bool {
        let name = encoding.lowercased().replacingOccurrences(of: "_", with: "-")
        return ["utf-8", "utf8", "us-ascii", "ascii", "latin1", "latin-1"].contains(name)
            || name.hasPrefix("iso-8859-") || name.hasPrefix("iso8859-") || name.hasPrefix("windows-125") || name.hasPrefix("cp125")
    }
}

/// The prolog check of `XMLDoctype`.
private extension XMLByteScanner {
    /// Reads the prolog: XML declaration, comments, processing instructions, the DOCTYPE.
    mutating func prolog() -> XMLDoctype.Finding? {
        while index < bytes.count {
            skipSpace()
            if at("<?xml") {
                let start = index
                guard skip(past: "?>") else { return nil }
                let declaration = String(decoding: bytes[start..<index], as: UTF8.self)
                if let encoding = Self.attribute("encoding", in: declaration), !XMLDoctype.isASCIICompatible(encoding) {
                    return .unsupportedEncoding(encoding)
                }
            } else if at("<?") {
                guard skip(past: "?>") else { return nil }
            } else if at("<!--") {
                guard skip(past: "-->") else { return nil }
            } else if at("<!DOCTYPE") {
                return doctype()
            } else {
                return nil
            }
        }
        return nil
    }

    /// Reads `<!DOCTYPE name ... [internal subset]>`, looking for entity declarations in the subset.
    mutating func doctype() -> XMLDoctype.Finding? {
        advance(9)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return nil }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { skipLiteral(byte); continue }
            if byte == UInt8(ascii: "[") { advance(); return internalSubset() }
            advance()
        }
        return nil
    }

    mutating func skipLiteral(_ quote: UInt8) {
        advance()
        while index < bytes.count, bytes[index] != quote { advance() }
        advance()
    }

    mutating func internalSubset() -> XMLDoctype.Finding? {
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") { return nil }
            if at("<!--") { guard skip(past: "-->") else { return nil }; continue }
            if at("<?") { guard skip(past: "?>") else { return nil }; continue }
            if at("<!ENTITY") { return .entityDeclaration(line: line) }
            if at("<!") {
                // Another markup declaration (ELEMENT, ATTLIST, NOTATION): skip it, its literals included.
                advance(2)
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                    if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { skipLiteral(bytes[index]) } else { advance() }
                }
                advance()
                continue
            }
            advance()
        }
        return nil
    }

}

extension XMLByteScanner {
    /// The value of pseudo-attribute `name` in an XML declaration's text.
    static func attribute(_ name: String, in declaration: String) -> String? {
        guard let range = declaration.range(of: name) else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
