import Foundation
import ZIPFoundation

/// Excel workbooks (`.xlsx`, Office Open XML), read and written.
///
/// Read: netmap's layout (sheets `nodes` and `edges`, columns as the CSV pair) and Kumu's (sheets `Elements`
/// and `Connections`: `Label`, `Type`, `From`, `To`, `Type`, `Direction`, ...; an element's label is its id).
/// Cells are read by type: shared and inline strings, numbers (`1` not `1.0`), booleans (`true`/`false`),
/// dates as their year, Excel errors (`#N/A`) reported at their cell. Rows then go through the CSV readers,
/// so columns mean what they mean in a CSV, and problems are reported as `file.xlsx:edges!C17: message`.
/// The zip container is read and written with ZIPFoundation; the XML with `XMLTree`.
///
/// Written: a workbook of sheets of text and numbers (inline strings, no styles), which Excel, LibreOffice
/// and openpyxl open; `export --format xlsx` writes the nodes and edges sheets, which read back.
public enum XLSXFormat {
    /// A cell value: text or a number.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
    }

    /// One sheet to write: a name and rows of cells (the first row is the header).
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        public init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }
    }

    // MARK: Reading

    public static func read(_ data: Data, path: String) -> NetworkDocument {
        var document = NetworkDocument(path: path)
        func fail(_ message: String) -> NetworkDocument {
            document.diagnostics.append(.error(message, at: SourceLocation(file: path)))
            return document
        }
        // The archive is read from a file, not from memory: ZIPFoundation 0.9.20's in-memory reader traps
        // (a negative range) when a damaged directory points past the end of the data; its file reader
        // reports an error instead (found by `make fuzz`, Tests/Fixtures/fuzz/xlsx).
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("netmap-xlsx-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive: Archive
        do {
            try data.write(to: scratch)
            archive = try Archive(url: scratch, accessMode: .read)
        } catch {
            return fail("not an Excel workbook (.xlsx): the file is not a zip archive")
        }
        let workbook: Workbook
        switch Workbook.open(archive, path: path) {
        case .success(let opened): workbook = opened
        case .failure(let diagnostic): document.diagnostics.append(diagnostic); return document
        }
        let names = workbook.sheetNames
        func sheet(_ wanted: String) -> String? { names.first { $0.lowercased() == wanted } }
        if let edges = sheet("edges") {
            if let nodes = sheet("nodes"), let table = workbook.table(nodes, diagnostics: &document.diagnostics) {
                CSVFormat.readNodes(table, into: &document)
            }
            if let table = workbook.table(edges, diagnostics: &document.diagnostics) {
                CSVFormat.readEdges(table, into: &document)
            }
        } else if let connections = sheet("connections") {
            if let elements = sheet("elements"), let table = workbook.table(elements, diagnostics: &document.diagnostics) {
                CSVFormat.readNodes(kumuElements(table), into: &document)
            }
            if let table = workbook.table(connections, diagnostics: &document.diagnostics) {
                let directions = table.header.firstIndex(of: "direction")
                let before = document.edges.count
                CSVFormat.readEdges(table, into: &document)
                // Kumu's Direction column: undirected and mutual ties are symmetric.
                if let directions, let cells = table.cells {
                    var index = before
                    for row in cells where !row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) && index < document.edges.count {
                        if directions < row.fields.count, ["undirected", "mutual"].contains(row.fields[directions].trimmingSpaces.lowercased()) {
                            document.undirectedEdges.insert(index)
                        }
                        if document.edges[index].location?.line == row.line { index += 1 }
                    }
                }
            }
        } else {
            return fail("workbook has no 'edges' sheet (netmap's layout: nodes, edges) and no 'Connections' sheet (Kumu's: Elements, Connections); its sheets: \(names.joined(separator: ", "))")
        }
        document.implyMissingNodes()
        return document
    }

    /// Kumu's Elements sheet as a nodes table: `Type` is the kind (an element without one is a `node`, as
    /// Kumu draws it untyped); without an `ID` column the label is the id, as Kumu's connections name elements
    /// by label.
    static func kumuElements(_ table: CSVFormat.Table) -> CSVFormat.Table {
        var header = table.header
        var typeColumn: Int? = nil
        if let type = header.firstIndex(of: "type"), !header.contains("kind") {
            header[type] = "kind"
            typeColumn = type
        }
        let label = header.firstIndex(of: "label")
        let synthesizedID = label != nil && !header.contains("id")
        var rows = table.cells ?? []
        if typeColumn != nil || !header.contains("kind") {
            rows = rows.map { row in
                var fields = row.fields
                if let typeColumn {
                    while fields.count <= typeColumn { fields.append("") }
                    if fields[typeColumn].trimmingSpaces.isEmpty, !fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { fields[typeColumn] = "node" }
                }
                return (row.line, fields)
            }
        }
        var columns = table.columns
        if synthesizedID, let label {
            rows = rows.map { row in (row.line, (label < row.fields.count ? [row.fields[label]] : [""]) + row.fields) }
            header = ["id"] + header
            columns = [columns[label]] + columns
        }
        if !header.contains("kind") {
            // No Type column at all: every element is a `node`.
            rows = rows.map { row in (row.line, row.fields + (row.fields.allSatisfy { $0.trimmingSpaces.isEmpty } ? [""] : ["node"])) }
            header.append("kind")
            columns.append(nil)
        }
        return CSVFormat.Table(sheet: table.sheet ?? "Elements", path: table.path, header: header, rows: rows, columns: columns)
    }

    /// An opened workbook: its sheets by name, shared strings and date styles.
    struct Workbook {
        let archive: Archive
        let path: String
        var sheets: [(name: String, part: String)] = []
        var sharedStrings: [String] = []
        var dateStyles: Set<Int> = []

        var sheetNames: [String] { sheets.map(\.name) }

        static func open(_ archive: Archive, path: String) -> Result<Workbook, Diagnostic> {
            var workbook = Workbook(archive: archive, path: path)
            guard let book = workbook.xml("xl/workbook.xml") else {
                return .failure(.error("not an Excel workbook (.xlsx): no xl/workbook.xml", at: SourceLocation(file: path)))
            }
            var targets: [String: String] = [:]
            for relation in workbook.xml("xl/_rels/workbook.xml.rels")?.children("Relationship") ?? [] {
                guard let id = relation["Id"], var target = relation["Target"] else { continue }
                if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
                targets[id] = target
            }
            for sheet in book.child("sheets")?.children("sheet") ?? [] {
                guard let name = sheet["name"], let id = sheet["r:id"] ?? sheet["id"], let part = targets[id] else { continue }
                workbook.sheets.append((name, part))
            }
            for item in workbook.xml("xl/sharedStrings.xml")?.children("si") ?? [] {
                workbook.sharedStrings.append(Workbook.text(of: item))
            }
            if let styles = workbook.xml("xl/styles.xml") {
                var dateFormats: Set<Int> = Set(14...22).union(45...47)
                for format in styles.child("numFmts")?.children("numFmt") ?? [] {
                    guard let id = format["numFmtId"].flatMap(Int.init), let code = format["formatCode"] else { continue }
                    if Workbook.isDateFormat(code) { dateFormats.insert(id) } else { dateFormats.remove(id) }
                }
                for (index, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
                    if let id = xf["numFmtId"].flatMap(Int.init), dateFormats.contains(id) { workbook.dateStyles.insert(index) }
                }
            }
            return .success(workbook)
        }

        /// Whether a number format shows a date: it has day, month or year codes outside quoted text and
        /// brackets (`yyyy-mm-dd` does; `0 "days"` and `[Red]0.00` do not).
        static func isDateFormat(_ code: String) -> Bool {
            var quoted = false, bracket = false
            for character in code.lowercased() {
                switch character {
                case "\"": quoted.toggle()
                case "[": bracket = true
                case "]": bracket = false
                case "y", "d", "m": if !quoted && !bracket { return true }
                default: break
                }
            }
            return false
        }

        /// The text of a shared or inline string: its `<t>`, or its runs' `<t>`s.
        static func text(of item: MarkupElement) -> String {
            if let text = item.child("t") { return text.text }
            return item.children("r").compactMap { $0.child("t")?.text }.joined()
        }

        /// The largest workbook part read (a sheet's XML): 1 GiB, far above what Excel writes for its
        /// 1,048,576 × 16,384 cells of ordinary data, far below what would exhaust memory.
        static let maximumPartSize = 1 << 30

        /// Why a part's data stopped early or ran over `maximumPartSize`.
        struct DamagedPart: Error {}

        func xml(_ part: String) -> MarkupElement? {
            guard let entry = archive[part] else { return nil }
            var data = Data()
            // ZIPFoundation reads a stored part in chunks until the size its directory declares, even past
            // the end of the file: a damaged size made it read empty chunks for hours (found by `make fuzz`).
            // An empty chunk of a part that is not empty, or more than the cap, ends the reading.
            let read = try? archive.extract(entry, consumer: { chunk in
                guard !chunk.isEmpty || entry.uncompressedSize == 0 else { throw DamagedPart() }
                data.append(chunk)
                guard data.count <= Workbook.maximumPartSize else { throw DamagedPart() }
            })
            guard read != nil else { return nil }
            return try? XMLTree.parse(data, path: path).get()
        }

        /// A sheet's rows as a table (header: the first non-empty row), or nil with a diagnostic.
        func table(_ name: String, diagnostics: inout [Diagnostic]) -> CSVFormat.Table? {
            guard let part = sheets.first(where: { $0.name == name })?.part, let sheet = xml(part) else {
                diagnostics.append(.error("sheet '\(name)' cannot be read", at: SourceLocation(file: path, sheet: name)))
                return nil
            }
            var rows: [(line: Int, fields: [String])] = []
            var nextRow = 1
            for row in sheet.child("sheetData")?.children("row") ?? [] {
                let number = row["r"].flatMap(Int.init) ?? nextRow
                guard (1...Workbook.maximumRows).contains(number) else {
                    diagnostics.append(.error("row number \(TerminalText.visible(row["r"] ?? "")) is outside Excel's 1–\(Workbook.maximumRows); is the file damaged?",
                                              at: SourceLocation(file: path, sheet: name)))
                    return nil
                }
                nextRow = number + 1
                var fields: [String] = []
                var nextColumn = 0
                for cell in row.children("c") {
                    let lettered = cell["r"].flatMap(\.unicodeScalars.first).map { ("A"..."Z").contains($0) } ?? false
                    guard let column = lettered ? cell["r"].flatMap(Workbook.column) : nextColumn, column < Workbook.maximumColumns else {
                        diagnostics.append(.error("cell reference '\(TerminalText.visible(cell["r"] ?? ""))' is beyond Excel's last column XFD; is the file damaged?",
                                                  at: SourceLocation(file: path, line: number, sheet: name)))
                        return nil
                    }
                    nextColumn = column + 1
                    while fields.count < column { fields.append("") }
                    let value = cell.child("v")?.text
                    let text: String
                    switch cell["t"] ?? "n" {
                    case "s": text = value.flatMap(Int.init).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
                    case "inlineStr": text = cell.child("is").map(Workbook.text(of:)) ?? ""
                    case "str": text = value ?? ""
                    case "b": text = value == "1" ? "true" : "false"
                    case "e":
                        diagnostics.append(.error("cell holds the Excel error \(value ?? "?")", at: SourceLocation(file: path, line: number, sheet: name, column: column)))
                        text = ""
                    default:
                        guard let value, let number = Double(value) else { text = value ?? ""; break }
                        if let style = cell["s"].flatMap(Int.init), dateStyles.contains(style) {
                            // Excel's day count from 1899-12-30; netmap keeps the year.
                            let date = Date(timeIntervalSince1970: (number - 25569) * 86400)
                            text = String(Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).year ?? 0)
                        } else {
                            text = formatNumber(number)
                        }
                    }
                    fields.append(text)
                }
                rows.append((number, fields))
            }
            guard let headerIndex = rows.firstIndex(where: { !$0.fields.allSatisfy { $0.trimmingSpaces.isEmpty } }) else {
                diagnostics.append(.error("sheet is empty: expected a header row", at: SourceLocation(file: path, line: 1, sheet: name)))
                return nil
            }
            return CSVFormat.Table(sheet: name, path: path, header: rows[headerIndex].fields, rows: Array(rows[(headerIndex + 1)...]))
        }

        /// Excel's limits: 1,048,576 rows and 16,384 columns (A to XFD). A reference beyond them is a damaged
        /// file, and honouring it would fill millions of empty cells (found by `make fuzz`).
        static let maximumRows = 1_048_576
        static let maximumColumns = 16_384

        /// The 0-based column of a cell reference such as `C17`; nil without letters or past column XFD.
        static func column(_ reference: String) -> Int? {
            var column = 0, letters = 0
            for scalar in reference.unicodeScalars {
                guard ("A"..."Z").contains(scalar) else { break }
                column = column * 26 + Int(scalar.value) - 64
                letters += 1
                guard column <= maximumColumns else { return nil }
            }
            return letters == 0 ? nil : column - 1
        }
    }

    // MARK: Writing

    /// The nodes and edges sheets of a network (columns as `nodes.csv` and `edges.csv`); reads back.
    public static func write(_ network: Network) throws -> Data {
        func sheet(_ name: String, _ csv: String, numeric: Set<String>) -> Sheet {
            let lines = rows(csv)
            let header = lines.first ?? []
            return Sheet(name: name, rows: lines.enumerated().map { index, fields in
                fields.enumerated().map { column, field in
                    if index > 0, column < header.count, numeric.contains(header[column]), let number = Double(field) { return .number(number) }
                    return .text(field)
                }
            })
        }
        return try workbook([sheet("nodes", CSVFormat.nodesTable(network), numeric: []),
                             sheet("edges", CSVFormat.edgesTable(network), numeric: ["weight", "since", "until"])])
    }

    /// A workbook in Kumu's layout: sheet `Elements` (`ID`, `Label`, `Type` = kind, `Tags`, then the nodes'
    /// attributes) and sheet `Connections` (`From`, `To` = element ids, `Type` = relation, `Direction`
    /// (`undirected` for a symmetric relation), `Strength` = weight, `Cite`, `Page`, `Since`, `Until`, then the
    /// ties' attributes). Kumu imports it; netmap reads it back as the same nodes and ties.
    public static func writeKumu(_ network: Network) throws -> Data {
        let nodeExtra = Set(network.nodes.flatMap(\.attributes.keys)).sorted()
        var elements: [[Cell]] = [(["ID", "Label", "Type", "Tags"] + nodeExtra).map { .text($0) }]
        for node in network.nodes {
            elements.append(([node.id, node.label, node.kind, node.tags.joined(separator: "|")] + nodeExtra.map { node.attributes[$0] ?? "" }).map { .text($0) })
        }
        let edgeExtra = CSVFormat.edgeExtraColumns(network)
        var connections: [[Cell]] = [(["From", "To", "Type", "Direction", "Strength", "Cite", "Page", "Since", "Until"] + edgeExtra).map { .text($0) }]
        for edge in network.edges {
            // edgeRow: from, to, relation, weight, cite, page, since, until, attributes...
            let row = CSVFormat.edgeRow(edge, extra: edgeExtra)
            let direction = network.relations[edge.relation]?.symmetric == true ? "undirected" : "directed"
            func year(_ value: Int?) -> Cell { value.map { .number(Double($0)) } ?? .text("") }
            connections.append([.text(edge.from), .text(edge.to), .text(edge.relation), .text(direction), .number(edge.weight),
                                .text(row[4]), .text(row[5]), year(edge.since), year(edge.until)] + row.dropFirst(8).map { .text($0) })
        }
        return try workbook([Sheet(name: "Elements", rows: elements), Sheet(name: "Connections", rows: connections)])
    }

    /// The rows of CSV text that netmap wrote, header first.
    static func rows(_ csv: String) -> [[String]] {
        guard case .success(let table) = CSVFormat.table(Data(csv.utf8), path: "") else { return [] }
        return [table.header] + table.rows.map(\.fields)
    }

    /// A workbook of sheets: text as inline strings, numbers as numbers.
    public static func workbook(_ sheets: [Sheet]) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw GraphError.invalidArgument("cannot create the workbook: \(error)")
        }
        func add(_ part: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        do {
            var types = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            for index in sheets.indices {
                types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }
            try add("[Content_Types].xml", types + "</Types>")
            try add("_rels/.rels", header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
            var book = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
            var rels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            for (index, sheet) in sheets.enumerated() {
                book += "<sheet name=\"\(xmlEscape(sheetName(sheet.name)))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
                rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            }
            try add("xl/workbook.xml", book + "</sheets></workbook>")
            try add("xl/_rels/workbook.xml.rels", rels + "</Relationships>")
            for (index, sheet) in sheets.enumerated() {
                var xml = header + "<worksheet xmlns=\"\(main)\"><sheetData>"
                for (rowIndex, row) in sheet.rows.enumerated() {
                    xml += "<row r=\"\(rowIndex + 1)\">"
                    for (column, cell) in row.enumerated() {
                        let reference = SourceLocation.columnName(column) + String(rowIndex + 1)
                        switch cell {
                        case .number(let value) where value.isFinite:
                            xml += "<c r=\"\(reference)\"><v>\(formatNumber(value))</v></c>"
                        case .number(let value):
                            xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
                        case .text(let text) where text.isEmpty:
                            continue
                        case .text(let text):
                            xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlEscape(text))</t></is></c>"
                        }
                    }
                    xml += "</row>"
                }
                try add("xl/worksheets/sheet\(index + 1).xml", xml + "</sheetData></worksheet>")
            }
        } catch let error as GraphError {
            throw error
        } catch {
            throw GraphError.invalidArgument("cannot write the workbook: \(error)")
        }
        guard let data = archive.data else { throw GraphError.invalidArgument("cannot write the workbook") }
        return data
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }
}
