import Foundation
import Graph

/// One linear pass over DOT text before libcgraph reads it, for two things libcgraph does badly:
///
/// - **Nesting**: libcgraph's parser drops what is nested too deep (5,000 `subgraph {` levels lost a node,
///   100,000 lost all) and recurses on it later. Deeper than `maxDepth` braces is refused with the line.
/// - **Long tokens**: libcgraph's lexer takes time quadratic in the length of one token (a 4 MB quoted
///   string took 9 s, 50 MB did not finish). Every quoted string, HTML-like string or name longer than
///   `longToken` bytes is replaced by a short quoted placeholder and put back by `restore` when the graph's
///   names and values are read, so reading is linear in the size of the file. Comments are blanked (their
///   line breaks kept, so libcgraph's line numbers stay those of the file).
struct DOTPrescan {
    /// The deepest `{` nesting read. Real graphs nest clusters a few levels; netmap's own DOT nests 3.
    static let maxDepth = 100
    /// Tokens longer than this many bytes are read by netmap, not libcgraph's lexer.
    static let longToken = 256

    /// The text for libcgraph (NUL-terminated).
    private(set) var text: [UInt8] = []
    /// The long tokens' text, by placeholder number.
    private(set) var tokens: [String] = []
    /// The byte that brackets a placeholder: a control byte the file does not contain.
    private var marker: UInt8 = 0

    /// Scans `data`; fails with the line of the first brace nested deeper than `maxDepth`.
    static func scan(_ data: Data, path: String) -> Result<DOTPrescan, Diagnostic> {
        let bytes = [UInt8](data)
        return bytes.withUnsafeBufferPointer { scan($0, path: path) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<DOTPrescan, Diagnostic> {
        var scan = DOTPrescan()
        var present = [Bool](repeating: false, count: 32)
        for byte in bytes where byte < 32 { present[Int(byte)] = true }
        let candidates: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]
        scan.marker = candidates.first { !present[Int($0)] } ?? 0
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var index = 0, line = 1, depth = 0
        let count = bytes.count
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte >= 0x80
        }
        var atLineStart = true
        /// Ends the string that began at `start`, whose closing byte (if any) is at `index`: a long one becomes
        /// a placeholder for `content(end)` followed by its `lines` line breaks, any other is copied as it is.
        func endString(from start: Int, lines: Int, content: (_ end: Int) -> [UInt8]) {
            let closed = index < count
            index = min(count, index + 1)
            if closed, index - start > longToken, scan.marker != 0 {
                scan.placeholder(for: content(index), into: &out)
                out += [UInt8](repeating: UInt8(ascii: "\n"), count: lines)
            } else {
                out += bytes[start..<index]
            }
            line += lines
            atLineStart = false
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1; atLineStart = true; out.append(byte); index += 1
                continue
            case UInt8(ascii: "#") where atLineStart:
                // A preprocessor line (`# 12 "file"`): blanked, as libcgraph ignores it.
                while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                out.append(UInt8(ascii: " "))
                continue
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                out.append(UInt8(ascii: " "))
                while index < count, !(bytes[index] == UInt8(ascii: "*") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == UInt8(ascii: "\n") { line += 1; out.append(UInt8(ascii: "\n")) }
                    index += 1
                }
                index = min(count, index + 2)
                continue
            case UInt8(ascii: "{"):
                depth += 1
                // The graph's own brace is depth 1; subgraphs (and `{ a b }` groups) nest below it.
                if depth - 1 > maxDepth {
                    return .failure(.error("subgraphs nested more than \(maxDepth) deep; netmap reads DOT nested at most \(maxDepth) levels",
                                           at: SourceLocation(file: path, line: line)))
                }
            case UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "\""):
                // A quoted string: `\"` is a quote, backslash + line break is removed, anything else is kept.
                // Strings joined by `+` (`"a" + "b"`) are joined here into one: libcgraph joins them by copying
                // the whole value at each `+`, quadratic in their number.
                let start = index
                var content: [UInt8] = []
                var lines = 0
                while true {
                    index += 1
                    var run = index
                    while index < count, bytes[index] != UInt8(ascii: "\"") {
                        let current = bytes[index]
                        if current == UInt8(ascii: "\n") { lines += 1 }
                        if current == UInt8(ascii: "\\"), index + 1 < count {
                            let next = bytes[index + 1]
                            if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\n") {
                                content += bytes[run..<index]
                                if next == UInt8(ascii: "\"") { content.append(next) } else { lines += 1 }
                                index += 2; run = index
                                continue
                            }
                            if next == UInt8(ascii: "\\") { index += 2; continue }
                        }
                        index += 1
                    }
                    content += bytes[run..<index]
                    // Another string after `+` (spaces and line breaks around it) continues this one.
                    guard index < count else { break }
                    var after = index + 1, breaks = 0, plus = false
                    while after < count {
                        let byte = bytes[after]
                        if byte == UInt8(ascii: "\n") { breaks += 1 }
                        else if byte == UInt8(ascii: "+") && !plus { plus = true }
                        else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { break }
                        after += 1
                    }
                    guard plus, after < count, bytes[after] == UInt8(ascii: "\""), scan.marker != 0 else { break }
                    lines += breaks
                    index = after
                }
                endString(from: start, lines: lines) { _ in content }
                continue
            case UInt8(ascii: "<"):
                // An HTML-like string: up to the `>` that balances it.
                let start = index
                var nesting = 0, lines = 0
                while index < count {
                    if bytes[index] == UInt8(ascii: "<") { nesting += 1 }
                    else if bytes[index] == UInt8(ascii: ">") { nesting -= 1; if nesting == 0 { break } }
                    else if bytes[index] == UInt8(ascii: "\n") { lines += 1 }
                    index += 1
                }
                endString(from: start, lines: lines) { end in Array(bytes[(start + 1)..<(end - 1)]) }
                continue
            default:
                if isNameByte(byte) {
                    let start = index
                    while index < count, isNameByte(bytes[index]) { index += 1 }
                    if index - start > longToken, scan.marker != 0 {
                        scan.placeholder(for: Array(bytes[start..<index]), into: &out)
                    } else {
                        out += bytes[start..<index]
                    }
                    atLineStart = false
                    continue
                }
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { atLineStart = false }
            out.append(byte)
            index += 1
        }
        out.append(0)
        scan.text = out
        return .success(scan)
    }

    /// Writes `"<marker>N<marker>"` for a long token and keeps its text.
    private mutating func placeholder(for content: [UInt8], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(marker)
        out += Array(String(tokens.count).utf8)
        out.append(marker)
        out.append(UInt8(ascii: "\""))
        tokens.append(String(decoding: content, as: UTF8.self))
    }

    /// A name or value libcgraph read, with every placeholder in it replaced by its token's text (DOT's `+`
    /// joins strings, so one value can hold several).
    func restore(_ text: String) -> String {
        guard marker != 0, !tokens.isEmpty else { return text }
        let mark = Character(Unicode.Scalar(marker))
        guard text.contains(mark) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: mark) {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: mark), let number = Int(after[..<close]), tokens.indices.contains(number) else {
                result.append(mark)
                rest = after
                continue
            }
            result += tokens[number]
            rest = after[after.index(after: close)...]
        }
        return result + rest
    }
}
