/// A place in an input file: the file's path and a 1-based line number.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// In a workbook: the sheet, with `line` its row (`file.xlsx:edges!C17`).
    public var sheet: String?
    /// In a workbook: the 0-based column, shown as a letter.
    public var column: Int?
    /// In a workbook row: the column of each field netmap reads (`kind`, `relation`, `cite`, ...), so that a
    /// problem found after reading (an unknown relation, an uncited tie) names its cell (`cell(_:)`).
    /// One dictionary shared by every row of a sheet.
    public var fieldColumns: [String: Int]?

    public init(file: String, line: Int? = nil, sheet: String? = nil, column: Int? = nil, fieldColumns: [String: Int]? = nil) {
        self.file = file
        self.line = line
        self.sheet = sheet
        self.column = column
        self.fieldColumns = fieldColumns
    }

    /// The cell of `field` in the same row (`file.xlsx:edges!C7` for the relation), or this location when the
    /// row is not a workbook's or has no such column.
    public func cell(_ field: String) -> SourceLocation {
        guard let column = fieldColumns?[field] else { return self }
        var location = self
        location.column = column
        return location
    }

    /// `file:line`, the file name's line breaks and control characters shown as escapes (a name holding a
    /// line break cannot forge another `file:1: error:` line).
    public var description: String {
        let shown = TerminalText.visible(file)
        if let sheet {
            // `file.xlsx:edges!C17` (`edges!17` when no one cell is at fault); a whole sheet is `file.xlsx:edges`.
            guard let line else { return "\(shown):\(TerminalText.visible(sheet))" }
            return "\(shown):\(TerminalText.visible(sheet))!\(column.map(SourceLocation.columnName) ?? "")\(line)"
        }
        if let line { return "\(shown):\(line)" }
        return shown
    }

    /// Where in the file, for a message about another place: `line 3`, or `nodes!A3` in a workbook.
    public var place: String? {
        guard let line else { return nil }
        if let sheet { return "\(TerminalText.visible(sheet))!\(column.map(SourceLocation.columnName) ?? "")\(line)" }
        return "line \(line)"
    }

    /// A spreadsheet column's name: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var name = "", number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }
}

/// One problem found in the input, reported as `path:line: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad: a note informs (vocabulary taken from the data), a warning asks for a look, an error stops.
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error
        var rank: Int { self == .note ? 0 : (self == .warning ? 1 : 2) }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Problems of one kind that were counted rather than listed, so a million-row file gives a short report.
    /// The diagnostic carrying it stands for all of them; `DiagnosticSummary` folds it into the count.
    public struct Omitted: Hashable, Sendable {
        public var count: Int
        /// The `category` of the listed diagnostics it continues.
        public var category: String
        public var lines: ClosedRange<Int>?
        public init(count: Int, category: String, lines: ClosedRange<Int>? = nil) {
            self.count = count
            self.category = category
            self.lines = lines
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var omitted: Omitted?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// `path:line: severity: message`; a message longer than `maxMessageLength` characters (one that quotes a
    /// megabyte-long value) is shortened in the middle.
    public var description: String {
        // One line, whatever the message quotes: a line break in a file name or value cannot start a forged
        // `file:1: error:` line (`TerminalText.visible`).
        let shown = DrawingValue.excerpt(message, limit: Diagnostic.maxMessageLength)
        if let location { return "\(location): \(severity.rawValue): \(shown)" }
        return "\(severity.rawValue): \(shown)"
    }

    /// The longest message printed whole.
    public static let maxMessageLength = 2000
}

/// The errors of the `Graph` module. Every case says what the user can do about it.
public enum GraphError: Error, CustomStringConvertible, Sendable {
    /// The input has errors; each is a diagnostic with its file and line.
    case invalidInput([Diagnostic])
    /// A file could not be read or written.
    case file(path: String, reason: String)
    /// A name given on the command line matches no node; `candidates` are nodes that contain it elsewhere.
    case unknownNode(String, candidates: [String])
    /// A name given on the command line matches several nodes equally well.
    case ambiguousNode(String, candidates: [String])
    /// A parameter is outside what the operation accepts.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidInput(let diagnostics):
            return DiagnosticSummary.text(diagnostics)
        case .file(let path, let reason):
            return "\(TerminalText.visible(path)): error: \(DrawingValue.excerpt(reason, limit: Diagnostic.maxMessageLength))"
        case .unknownNode(let name, let candidates):
            // Candidates are labels from the data: each stays on its own indented line.
            if candidates.isEmpty {
                return "error: no node matches '\(DrawingValue.excerpt(name))'; `netmap find` with part of the name lists the ids"
            }
            return "error: no node's id or name starts with '\(DrawingValue.excerpt(name))'; these contain it (use the id):\n"
                + candidates.map { "  \(DrawingValue.excerpt($0, limit: 200))" }.joined(separator: "\n")
        case .ambiguousNode(let name, let candidates):
            return "error: '\(DrawingValue.excerpt(name))' is ambiguous; it matches (use the id):\n"
                + candidates.map { "  \(DrawingValue.excerpt($0, limit: 200))" }.joined(separator: "\n")
        case .invalidArgument(let message):
            return "error: \(DrawingValue.excerpt(message, limit: Diagnostic.maxMessageLength))"
        }
    }
}
