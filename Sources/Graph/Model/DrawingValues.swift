import Foundation

/// The values from data and themes that reach a drawing (DOT attributes, Graphviz's HTML-like labels, SVG),
/// checked for what they may be there.
///
/// A colour or font name is pasted by Graphviz into SVG attributes without escaping, so a value like
/// `red" onmouseover="…` would add an attribute to the picture. Values are therefore checked where they
/// enter (the readers, `NetworkValidator`, the theme reader) *and* again where they are written into DOT
/// (`DOT.attributes`, the legend's HTML-like label), so no path from data to the picture skips the check.
public enum DrawingValue {
    /// Whether `text` is a colour netmap passes to Graphviz: `#rrggbb`, `#rrggbbaa`, or a colour name
    /// (a letter, then letters and digits, at most 32 characters: `red`, `gray50`, `antiquewhite1`).
    ///
    /// Graphviz warns about, and draws black, a name it does not know; a name cannot carry anything else.
    /// - Complexity: O(n) in the length of `text`.
    public static func isColor(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "#") {
            let digits = bytes.dropFirst()
            return (digits.count == 6 || digits.count == 8) && digits.allSatisfy(isHexDigit)
        }
        guard let first = bytes.first, bytes.count <= 32, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Whether `text` is a colour list Graphviz accepts on edges (`#D55E00:#0072B2`, each part a colour).
    public static func isColorList(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { isColor(String($0)) }
    }

    /// Whether `text` is a font name from a safe character set: letters (any script), digits, spaces and
    /// `-_.,`, at most 64 characters (`DejaVu Sans`, `Noto Sans CJK JP`, `Helvetica-Bold`).
    public static func isFontName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 64, text.first != " " else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -_.,".unicodeScalars.contains(scalar)
        }
    }

    /// The largest coordinate (points, either sign) a positions file may give: 100,000 pt is 35 m, far beyond
    /// any page, and Graphviz's pinned layouts slow to a halt on far larger ones (1e9 ran past 25 s).
    public static let maxCoordinate = 100_000.0

    /// The node shapes Graphviz draws (its `shape` attribute), the only ones a kind or theme may name.
    public static let shapes: Set<String> = [
        "box", "rect", "rectangle", "square", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext",
        "plain", "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
        "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "note", "tab",
        "folder", "box3d", "component", "cylinder", "underline", "star", "none",
    ]

    /// The problems of a declared kind's drawing hints: a colour that is not a colour, a shape Graphviz does not
    /// draw. Checked once for every format, where the files are merged.
    public static func problems(in kind: KindInfo, at location: SourceLocation) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let color = kind.color, !isColor(color) {
            problems.append(.error("kind '\(excerpt(kind.id))': color '\(excerpt(color))' is not a colour; use #rrggbb, #rrggbbaa or a Graphviz colour name", at: location))
        }
        if let shape = kind.shape, !shapes.contains(shape) {
            problems.append(.error("kind '\(excerpt(kind.id))': unknown shape '\(excerpt(shape))'; choose from \(shapes.sorted().joined(separator: ", "))", at: location))
        }
        return problems
    }

    /// `text` shortened for a message: at most `limit` characters, the middle elided with a count, and line
    /// breaks and control characters shown as escapes, so one bad value cannot flood or forge the output.
    /// - Parameter escapingLines: false keeps line breaks (for whole messages, which may list several lines).
    public static func excerpt(_ text: String, limit: Int = 80, escapingLines: Bool = true) -> String {
        var shown = text
        if text.utf8.count > limit, text.count > limit {
            let half = max(1, limit / 2)
            shown = String(text.prefix(half)) + "…(\(text.count - 2 * half) characters left out)…" + String(text.suffix(half))
        }
        return escapingLines ? TerminalText.visible(shown) : shown
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

/// The characters XML 1.0 can hold (its `Char` production): tab, line feed, carriage return, U+0020–U+D7FF,
/// U+E000–U+FFFD and U+10000 up. Anything else (NUL, form feed, the non-characters U+FFFE/U+FFFF) makes an SVG
/// or GraphML file malformed, and NUL ends a C string early, so it is replaced before text leaves netmap.
public enum XMLCharacters {
    public static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` with every character XML cannot hold replaced by U+FFFD (the replacement character).
    /// - Complexity: O(n); returns `text` itself when it has none.
    public static func legal(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isLegal) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isLegal(scalar) ? scalar : "\u{FFFD}") }
        return String(result)
    }
}

/// Text from data made safe to print: control characters (ESC and the rest of C0, DEL, the C1 range) would
/// let a label move the cursor, recolour or retitle a terminal, or forge a line of output.
public enum TerminalText {
    /// `text` with line breaks, tabs and other control characters written as visible escapes (`\n`, `\t`,
    /// `\u{1B}`), for file names and values quoted in messages.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isControl(scalar) { result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// `text` for a terminal: line breaks and tabs kept, every other control character replaced by U+FFFD.
    public static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) && scalar != "\n" && scalar != "\t" ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
