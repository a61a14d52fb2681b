import Foundation

/// Diagnostics as a person reads them: one kind of problem on many rows shows its first few, then
/// `... and 73 more like this (lines 7–79)`; a final line counts errors and warnings by kind.
public enum DiagnosticSummary {
    /// How many diagnostics of one kind (same file, severity and `category`) are listed one by one.
    public static let listedPerKind = 5

    /// The lines to print: every diagnostic, except that each kind of problem shows its first
    /// `listedPerKind` and one line for the rest. With `counts`, a last line counts them by kind.
    public static func lines(_ diagnostics: [Diagnostic], counts: Bool = false) -> [String] {
        struct Group { var listed = 0; var hidden = 0; var lines: ClosedRange<Int>?; var last = 0 }
        func key(_ diagnostic: Diagnostic) -> String {
            "\(diagnostic.location?.file ?? "")\u{0}\(diagnostic.severity.rawValue)\u{0}\(diagnostic.category)"
        }
        func widen(_ range: ClosedRange<Int>?, _ other: ClosedRange<Int>?) -> ClosedRange<Int>? {
            guard let other else { return range }
            guard let range else { return other }
            return min(range.lowerBound, other.lowerBound)...max(range.upperBound, other.upperBound)
        }
        var groups: [String: Group] = [:]
        for (index, diagnostic) in diagnostics.enumerated() {
            var group = groups[key(diagnostic)] ?? Group()
            if let omitted = diagnostic.omitted {
                group.hidden += omitted.count
                group.lines = widen(group.lines, omitted.lines)
            } else if group.listed < listedPerKind {
                group.listed += 1
                group.last = index
            } else {
                group.hidden += 1
                group.lines = widen(group.lines, diagnostic.location?.line.map { $0...$0 })
            }
            groups[key(diagnostic)] = group
        }
        var result: [String] = []
        var shown: [String: Int] = [:]
        for (index, diagnostic) in diagnostics.enumerated() where diagnostic.omitted == nil {
            let groupKey = key(diagnostic)
            guard let group = groups[groupKey], shown[groupKey, default: 0] < listedPerKind else { continue }
            shown[groupKey, default: 0] += 1
            result.append(diagnostic.description)
            if index == group.last, group.hidden > 0 {
                // A workbook's are rows (of the sheet the listed ones name), a text file's lines.
                let (unit, sheet) = diagnostic.location?.sheet.map { ("row", " of \(TerminalText.visible($0))") } ?? ("line", "")
                let lines = group.lines.map {
                    $0.lowerBound == $0.upperBound ? " (\(unit) \($0.lowerBound)\(sheet))" : " (\(unit)s \($0.lowerBound)–\($0.upperBound)\(sheet))"
                } ?? ""
                result.append("... and \(group.hidden) more like this\(lines)")
            }
        }
        // Kinds with only counted diagnostics (none listed) still say how many there were.
        for diagnostic in diagnostics {
            guard diagnostic.omitted != nil, let group = groups[key(diagnostic)], group.listed == 0 else { continue }
            result.append(diagnostic.description)
        }
        if counts, let line = countLine(diagnostics) { result.append(line) }
        return result
    }

    /// The lines joined, as `GraphError.invalidInput` prints them; the count line only when some were folded.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        let folded = lines(diagnostics)
        let listedAll = folded.count == diagnostics.count && !diagnostics.contains { $0.omitted != nil }
        return lines(diagnostics, counts: !listedAll).joined(separator: "\n")
    }

    /// How many of each severity, and of each kind: `3 errors (unknown relation 2, bad weight 1), 78 warnings (uncited tie 78)`.
    public static func countLine(_ diagnostics: [Diagnostic]) -> String? {
        var parts: [String] = []
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            var byKind: [String: Int] = [:]
            var order: [String] = []
            for diagnostic in diagnostics where diagnostic.severity == severity {
                let category = diagnostic.category
                if byKind[category] == nil { order.append(category) }
                byKind[category, default: 0] += diagnostic.omitted?.count ?? 1
            }
            let total = byKind.values.reduce(0, +)
            if total == 0 && severity == .note { continue }
            let name = severity.rawValue + (total == 1 ? "" : "s")
            let kinds = order.sorted { byKind[$0]! != byKind[$1]! ? byKind[$0]! > byKind[$1]! : $0 < $1 }
                .map { "\($0) \(byKind[$0]!)" }.joined(separator: ", ")
            parts.append(total == 0 ? "0 \(name)" : "\(total) \(name) (\(kinds))")
        }
        return parts.joined(separator: ", ")
    }

    /// The total number of problems of a severity, counted ones included.
    public static func count(_ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? ($1.omitted?.count ?? 1) : 0) }
    }
}

extension Diagnostic {
    /// The kind of problem, for folding repeats and counting: `unknown relation`, `uncited tie`, `bad weight`, ...
    /// Derived from the message, so every reader's diagnostics are grouped without each naming its kind.
    public var category: String {
        if let omitted { return omitted.category }
        for (pattern, name) in Self.categories where message.contains(pattern) { return name }
        // Otherwise the message with its quoted values and numbers taken out: the same mistake on many rows
        // gives the same text.
        var template = ""
        var quoted = false
        for character in message {
            if character == "'" { quoted.toggle(); if quoted { template.append("…") }; continue }
            if quoted { continue }
            template.append(character.isNumber ? "#" : character)
        }
        if template.hasPrefix("edge "), let colon = template.firstIndex(of: ":") {
            template = String(template[template.index(after: colon)...])
        }
        return template.trimmingCharacters(in: .whitespaces)
    }

    static let categories: [(String, String)] = [
        ("unknown kind", "unknown kind"), ("unknown relation", "unknown relation"), ("no node with id", "tie to a missing node"),
        ("which is not declared under 'sources:'", "undeclared source"), ("cites no source", "uncited tie"),
        ("have no ties", "isolated node"), ("has no ties", "isolated node"), ("weight '", "bad weight"),
        ("is not a whole year", "bad year"), ("is not a year", "bad year"), ("is after until", "since after until"),
        ("duplicate node id", "duplicate id"), ("is not a slug", "id not a slug"), ("conflicts with", "conflicting values"),
        ("not built in, taken from the data", "vocabulary from the data"), ("has no 'kind'", "node without kind"),
        ("edge row without", "row without from or to"), ("row without an id", "row without id"),
    ]
}
