import CSV
import Foundation

/// The spreadsheet format: `nodes.csv` (`id,label,kind,...`) and `edges.csv` (`from,to,relation,weight,cite,...`).
///
/// Accepts what Norwegian Excel writes: UTF-8 with or without a byte-order mark, `;` or `,` (or tab) as
/// delimiter, detected from the header line, and quoted fields with newlines and doubled quotes.
/// Several tags or citations in one cell are separated by `|`.
public enum CSVFormat {
    /// A table being read: its lower-cased header names, and its rows, read one at a time so that a large
    /// file is never held as rows in memory. Each use of `rows` reads the text again from the top.
    public struct Table {
        public var header: [String]
        let text: String
        let delimiter: UnicodeScalar
        let path: String
        let firstRowLine: Int
        /// Rows already read (a workbook's sheet, each with its row number), instead of CSV text.
        var cells: [(line: Int, fields: [String])]?
        /// The workbook sheet the rows come from, for locations such as `file.xlsx:edges!C17`.
        var sheet: String?
        /// In a workbook: the sheet column of each header entry (nil for one netmap added, such as the id
        /// it makes of a Kumu label), so that a cell is named as the user sees it.
        var columns: [Int?] = []

        /// A fresh pass over the data rows (blank rows skipped), each with the line it starts on.
        public var rows: RowStream { RowStream(self) }

        /// Where a row (and the column at header index `column` in it) is, for diagnostics. In a workbook,
        /// `fields` (header index by field name) lets later checks name a field's cell (`SourceLocation.cell`).
        func location(_ line: Int, column: Int? = nil, fields: [String: Int]? = nil) -> SourceLocation {
            guard let sheet else { return SourceLocation(file: path, line: line) }
            return SourceLocation(file: path, line: line, sheet: sheet, column: column.flatMap(sheetColumn),
                                  fieldColumns: fields?.compactMapValues(sheetColumn))
        }

        /// The sheet column of header index `index`.
        func sheetColumn(_ index: Int) -> Int? { index < columns.count ? columns[index] : nil }

        /// The header indexes of the fields a reader names, for `location(_:column:fields:)`; nil for CSV
        /// text (a line number says it all), built once per table.
        func fieldIndexes(_ fields: [String: Int?]) -> [String: Int]? {
            sheet == nil ? nil : fields.compactMapValues { $0 }
        }

        /// A table of rows already read (a workbook sheet): the first row is the header. `columns` gives the
        /// sheet column of each header entry (default: its position).
        init(sheet: String, path: String, header: [String], rows: [(line: Int, fields: [String])], columns: [Int?]? = nil) {
            self.header = header.map { $0.trimmingSpaces.lowercased() }
            text = ""
            delimiter = ","
            self.path = path
            firstRowLine = rows.first?.line ?? 2
            cells = rows
            self.sheet = sheet
            self.columns = columns ?? header.indices.map { $0 }
        }

        init(header: [String], text: String, delimiter: UnicodeScalar, path: String, firstRowLine: Int) {
            self.header = header
            self.text = text
            self.delimiter = delimiter
            self.path = path
            self.firstRowLine = firstRowLine
        }
    }

    /// One pass over a table's rows. After the pass, `error` holds the syntax error that ended it, if any.
    public final class RowStream: Sequence, IteratorProtocol {
        private let reader: CSVReader?
        private let path: String
        private var line: Int
        private var cells: IndexingIterator<[(line: Int, fields: [String])]>?
        public private(set) var error: Diagnostic?

        init(_ table: Table) {
            path = table.path
            line = table.firstRowLine
            if let cells = table.cells {
                self.cells = cells.makeIterator()
                reader = nil
            } else {
                reader = try? CSVReader(string: table.text, hasHeaderRow: true, trimFields: false, delimiter: table.delimiter)
            }
        }

        public func next() -> (line: Int, fields: [String])? {
            if cells != nil {
                while let row = cells?.next() {
                    if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                    return row
                }
                return nil
            }
            guard let reader else { return nil }
            while let row = reader.next() {
                let start = line
                line += 1 + row.reduce(0) { $0 + CSVFormat.newlines(in: $1) }
                if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                return (start, row)
            }
            if error == nil, let failure = reader.error {
                error = .error("CSV syntax: \(failure)", at: SourceLocation(file: path, line: line))
            }
            return nil
        }
    }

    /// Reads a CSV file's header, or returns a diagnostic; the rows are read as `Table.rows` is iterated.
    public static func table(_ data: Data, path: String) -> Result<Table, Diagnostic> {
        guard var text = String(data: data, encoding: .utf8) else {
            return .failure(.error("file is not UTF-8 text (save it from Excel as \"CSV UTF-8\")", at: SourceLocation(file: path, line: 1)))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(0) {
            return .failure(.error("file contains binary data, not CSV text", at: SourceLocation(file: path, line: 1)))
        }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error("file is empty: expected a header line", at: SourceLocation(file: path, line: 1)))
        }
        if let line = unclosedQuoteLine(text) {
            return .failure(.error("CSV syntax: a quoted field opened here is never closed (a \" is missing)", at: SourceLocation(file: path, line: line)))
        }
        let delimiter = detectDelimiter(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false, delimiter: delimiter)
        } catch {
            return .failure(.error("cannot read CSV: \(error)", at: SourceLocation(file: path, line: 1)))
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingSpaces.lowercased() }
        if header.allSatisfy(\.isEmpty) {
            return .failure(.error("file is empty: expected a header line", at: SourceLocation(file: path, line: 1)))
        }
        let firstRowLine = 2 + (reader.headerRow ?? []).reduce(0) { $0 + newlines(in: $1) }
        return .success(Table(header: header, text: text, delimiter: delimiter, path: path, firstRowLine: firstRowLine))
    }

    /// The line where a quoted field opens that the text never closes, or nil when every quote is closed.
    /// (The CSV library reads such a field to the end of the file without complaint.)
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var inQuotes = false
        var line = 1, openedAt = 1
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                if inQuotes { openedAt = line }
            } else if byte == UInt8(ascii: "\n") {
                line += 1
            }
        }
        return inQuotes ? openedAt : nil
    }

    static func newlines(in field: String) -> Int {
        field.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes.
    static func detectDelimiter(_ text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [";": 0, ",": 0, "\t": 0]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle(); continue }
            if !inQuotes && (scalar == "\n" || scalar == "\r") { break }
            if !inQuotes, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key.value > rhs.key.value }
        return (best?.value ?? 0) > 0 ? best!.key : ","
    }

    static let nodeColumns: Set<String> = ["id", "label", "kind", "tags"]
    static let edgeColumns: Set<String> = ["from", "to", "source", "target", "relation", "type", "weight", "cite", "page", "since", "until"]

    /// Reads `nodes.csv` rows into `document`.
    public static func readNodes(_ data: Data, path: String, into document: inout NetworkDocument) {
        switch self.table(data, path: path) {
        case .success(let table): readNodes(table, into: &document)
        case .failure(let diagnostic): document.diagnostics.append(diagnostic)
        }
    }

    /// Reads a nodes table (CSV or a workbook sheet) into `document`.
    static func readNodes(_ table: Table, into document: inout NetworkDocument) {
        guard let idColumn = table.header.firstIndex(of: "id") else {
            document.diagnostics.append(.error("nodes table has no 'id' column (header: \(table.header.joined(separator: ",")))",
                                               at: table.location(table.firstRowLine - 1, column: 0)))
            return
        }
        let rows = table.rows
        defer { if let error = rows.error { document.diagnostics.append(error) } }
        let cells = table.fieldIndexes(["id": idColumn, "label": table.header.firstIndex(of: "label"),
                                        "kind": table.header.firstIndex(of: "kind"), "tags": table.header.firstIndex(of: "tags")])
        for (line, fields) in rows {
            // A node's place is its id cell; problems of another field name that field's cell.
            let location = table.location(line, column: idColumn, fields: cells)
            func field(_ name: String) -> String? {
                guard let column = table.header.firstIndex(of: name), column < fields.count else { return nil }
                let value = fields[column].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            guard idColumn < fields.count, case let id = fields[idColumn].trimmingSpaces, !id.isEmpty else {
                document.diagnostics.append(.error("row without an id", at: location))
                continue
            }
            var node = Node(id: id, label: field("label") ?? id, kind: field("kind") ?? "node", location: location)
            if field("kind") == nil { document.diagnostics.append(.error("node '\(id)' has no 'kind'", at: location.cell("kind"))) }
            node.tags = splitList(field("tags"))
            for (column, name) in table.header.enumerated() where !nodeColumns.contains(name) && !name.isEmpty && column < fields.count {
                let value = fields[column]
                if !value.isEmpty { node.attributes[name] = value }
            }
            document.nodes.append(node)
        }
    }

    /// Reads `edges.csv` rows into `document`. Kumu's `From`/`To`/`Type`/`Strength` headers are accepted (as
    /// from, to, relation and weight; a `Strength` that is not a number, such as `Strong`, is kept as the
    /// tie's `strength` attribute).
    public static func readEdges(_ data: Data, path: String, into document: inout NetworkDocument) {
        switch self.table(data, path: path) {
        case .success(let table): readEdges(table, into: &document)
        case .failure(let diagnostic): document.diagnostics.append(diagnostic)
        }
    }

    /// Reads an edges table (CSV or a workbook sheet) into `document`.
    static func readEdges(_ table: Table, into document: inout NetworkDocument) {
        let path = table.path
        let fromColumn = table.header.firstIndex(of: "from") ?? table.header.firstIndex(of: "source")
        let toColumn = table.header.firstIndex(of: "to") ?? table.header.firstIndex(of: "target")
        guard let fromColumn, let toColumn else {
            document.diagnostics.append(.error("edges table needs 'from' and 'to' (or 'source' and 'target') columns (header: \(table.header.joined(separator: ",")))",
                                               at: table.location(table.firstRowLine - 1, column: 0)))
            return
        }
        let relationColumn = table.header.firstIndex(of: "relation") ?? table.header.firstIndex(of: "type")
        let hasNodeColumns = hasNodeColumns(table.header)
        readEndpointNodes(table, fromColumn: fromColumn, toColumn: toColumn, path: path, into: &document)
        let weightColumn = table.header.firstIndex(of: "weight") ?? table.header.firstIndex(of: "strength")
        let rows = table.rows
        defer { if let error = rows.error { document.diagnostics.append(error) } }
        let cells = table.fieldIndexes(["from": fromColumn, "to": toColumn, "relation": relationColumn, "weight": weightColumn,
                                        "cite": table.header.firstIndex(of: "cite"), "page": table.header.firstIndex(of: "page"),
                                        "since": table.header.firstIndex(of: "since"), "until": table.header.firstIndex(of: "until")])
        for (line, fields) in rows {
            // A tie's place is its `from` cell; problems of another field name that field's cell.
            let location = table.location(line, column: fromColumn, fields: cells)
            func field(_ column: Int?) -> String? {
                guard let column, column < fields.count else { return nil }
                let value = fields[column].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            func field(_ name: String) -> String? { field(table.header.firstIndex(of: name)) }
            guard let from = field(fromColumn), let to = field(toColumn) else {
                let missing = field(fromColumn) == nil ? "from" : "to"
                document.diagnostics.append(.error("edge row without '\(missing)'", at: location.cell(missing)))
                continue
            }
            var edge = Edge(from: from, to: to, relation: field(relationColumn) ?? "related_to", location: location)
            let page = field("page")
            let cites = splitList(field("cite"))
            let pages = page.map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces } } ?? []
            if cites.count > 1, pages.count == cites.count {
                // One page per citation, in the same order (as CSVFormat.edgesTable writes them when they differ).
                edge.citations = zip(cites, pages).map { Citation(source: $0, page: $1.isEmpty ? nil : $1) }
            } else {
                edge.citations = cites.map { Citation(source: $0, page: page) }
            }
            if edge.citations.isEmpty, let page { edge.attributes["page"] = page }
            if let text = field("since") {
                if let year = parseYear(text) { edge.since = year }
                else { document.diagnostics.append(.error("edge \(from) → \(to): since '\(text)' is not a whole year", at: location.cell("since"))) }
            }
            if let text = field("until") {
                if let year = parseYear(text) { edge.until = year }
                else { document.diagnostics.append(.error("edge \(from) → \(to): until '\(text)' is not a whole year", at: location.cell("until"))) }
            }
            if let text = field(weightColumn) {
                let normalized = text.replacingOccurrences(of: ",", with: ".")
                if let weight = Double(normalized), weight.isFinite, weight > 0 { edge.weight = weight }
                else if table.header[weightColumn ?? 0] == "strength" { edge.attributes["strength"] = text }  // Kumu's "Strong", "Weak": kept as said
                else { document.diagnostics.append(.error("edge \(from) → \(to): weight '\(text)' is not a positive number", at: location.cell("weight"))) }
            }
            for (column, name) in table.header.enumerated()
            where !edgeColumns.contains(name) && !name.isEmpty && column < fields.count && column != relationColumn && column != weightColumn
                && !(hasNodeColumns && (nodeColumn(name, endpoint: "from") != nil || nodeColumn(name, endpoint: "to") != nil)) {
                let value = fields[column]
                if !value.isEmpty { edge.attributes[name] = value }
            }
            document.edges.append(edge)
        }
    }

    static func splitList(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}
