import Foundation
import XCTest
@testable import Graph

/// Excel both ways: fixtures made by openpyxl (Tests/Fixtures/xlsx/make_xlsx_fixtures.py) read in both
/// layouts with their cell types; workbooks netmap writes read back by netmap and by openpyxl.
final class XLSXFormatTests: XCTestCase {
    func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/xlsx").appendingPathComponent(name).path
    }

    /// Every sheet of a workbook as openpyxl (a library that is not netmap's) reads it: rows of cell values.
    func openpyxlSheets(_ data: Data) throws -> [String: [[Any]]] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("written.xlsx").path
        try data.write(to: URL(fileURLWithPath: path))
        let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({name: [[cell.value for cell in row] for row in book[name].iter_rows()] for name in book.sheetnames}))
        """
        guard let run = runProcess("/usr/bin/env", ["python3", "-c", script, path]) else { throw XCTSkip("python3 is not installed") }
        XCTAssertEqual(run.status, 0, "openpyxl reads the workbook (make test installs openpyxl): \(run.error)")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [[Any]]])
    }

    func testNetmapLayoutWithCellTypes() throws {
        let result = NetworkLoader.load([fixture("netmap-layout.xlsx")])
        XCTAssertEqual(result.errors, [])
        let network = result.network
        XCTAssertEqual(network.nodes.map(\.id), ["innlandet-fk", "hedmark-skog", "dalarna"])
        let county = try XCTUnwrap(network.node("innlandet-fk"))
        XCTAssertEqual(county.attributes["active"], "true", "boolean")
        XCTAssertEqual(county.attributes["founded"], "2020", "number without .0")
        XCTAssertEqual(county.country, "NO")
        XCTAssertEqual(network.node("hedmark-skog")?.attributes["active"], "false")
        let partner = network.edges[0]
        XCTAssertEqual(partner.relation, "partner_of", "shared string")
        XCTAssertEqual(partner.weight, 2.5)
        XCTAssertEqual(partner.since, 2014)
        XCTAssertEqual(partner.until, 2020, "a date is read as its year")
        XCTAssertEqual(network.edges[1].relation, "supplies", "inline string")
        XCTAssertEqual(network.relations["supplies"]?.symmetric, false)
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .note && $0.message.contains("1 relation not built in, taken from the data: supplies (1 tie)") })
    }

    func testKumuLayout() throws {
        let result = NetworkLoader.load([fixture("kumu.xlsx")])
        XCTAssertEqual(result.errors, [])
        let network = result.network
        XCTAssertEqual(network.nodes.map(\.id), ["Innlandet fylkeskommune", "Region Dalarna", "Skogforum", "Statsforvalteren"])
        XCTAssertEqual(network.node("Region Dalarna")?.kind, "Region", "Elements' Type is the kind")
        XCTAssertEqual(network.node("Statsforvalteren")?.kind, "node", "an element without a Type is a plain node, as in Kumu")
        XCTAssertEqual(network.node("Region Dalarna")?.tags, ["public", "nordic"])
        XCTAssertEqual(network.edges.map(\.relation), ["Partnership", "Member", "Member"], "Connections' Type is the relation")
        XCTAssertEqual(network.edges.map(\.weight), [3, 1, 1], "Strength is the weight (1 when empty)")
        XCTAssertEqual(network.edges[2].attributes["strength"], "Strong", "a Strength in words is kept as it is, not an error")
        XCTAssertNil(network.edges[0].attributes["strength"])
        XCTAssertEqual(network.relations["Partnership"]?.symmetric, true, "Direction: undirected")
        XCTAssertEqual(network.relations["Member"]?.symmetric, false)
    }

    func testKumuStrengthInACSVIsTheWeight() throws {
        var document = NetworkDocument(path: "connections.csv")
        CSVFormat.readEdges(Data("From,To,Type,Strength\na,b,Partnership,2\nb,c,Partnership,heavy\n".utf8), path: "connections.csv", into: &document)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.edges.map(\.weight), [2, 1])
        XCTAssertEqual(document.edges.map(\.relation), ["Partnership", "Partnership"])
        XCTAssertEqual(document.edges[1].attributes["strength"], "heavy")
    }

    /// `export --format kumu`: sheets Elements (ID, Label, Type = kind) and Connections (From, To = ids,
    /// Type = relation, Direction, Strength = weight), which netmap reads back as the same network.
    func testKumuWorkbookRoundTrip() throws {
        let original = NetworkLoader.load([fixture("netmap-layout.xlsx")]).network
        let data = try FileFormat.kumu.write(original)
        XCTAssertEqual(FileFormat(outputName: "kumu"), .kumu)
        let copy = FileFormat.kumu.read(data, path: "kumu.xlsx")
        XCTAssertEqual(copy.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(copy.nodes.map(\.id), original.nodes.map(\.id))
        XCTAssertEqual(copy.nodes.map(\.label), original.nodes.map(\.label))
        XCTAssertEqual(copy.nodes.map(\.kind), original.nodes.map(\.kind))
        XCTAssertEqual(copy.nodes.map(\.attributes), original.nodes.map(\.attributes))
        XCTAssertEqual(copy.edges.map(\.relation), original.edges.map(\.relation))
        XCTAssertEqual(copy.edges.map(\.weight), [2.5, 1])
        XCTAssertEqual(copy.edges.map(\.since), original.edges.map(\.since))
        XCTAssertEqual(copy.edges.map(\.until), original.edges.map(\.until))
        XCTAssertEqual(copy.edges.map { $0.citations.map(\.source) }, original.edges.map { $0.citations.map(\.source) })
        XCTAssertEqual(copy.edges.map { $0.attributes["direction"] }, ["undirected", "directed"], "partner_of is symmetric")

        let sheets = try openpyxlSheets(data)
        let elements = try XCTUnwrap(sheets["Elements"])
        XCTAssertEqual(Array(elements[0].compactMap { $0 as? String }.prefix(4)), ["ID", "Label", "Type", "Tags"])
        XCTAssertEqual(elements[1].prefix(3).compactMap { $0 as? String }, ["innlandet-fk", "Innlandet fylkeskommune", "county"])
        let connections = try XCTUnwrap(sheets["Connections"])
        XCTAssertEqual(Array(connections[0].compactMap { $0 as? String }.prefix(5)), ["From", "To", "Type", "Direction", "Strength"])
        XCTAssertEqual(connections[1][2] as? String, "partner_of")
        XCTAssertEqual((connections[1][4] as? NSNumber)?.doubleValue, 2.5, "Strength is a number cell")
    }

    /// Every row-level problem in a workbook names its cell: sheet, column letter and row.
    func testErrorsNameSheetAndCell() {
        let result = NetworkLoader.load([fixture("errors.xlsx")])
        let file = fixture("errors.xlsx")
        XCTAssertEqual(Set(result.errors.map(\.description)), [
            "\(file):edges!D3: error: edge b → c: weight 'heavy' is not a positive number",
            "\(file):edges!E4: error: cell holds the Excel error #N/A",
            "\(file):edges!B5: error: edge row without 'to'",
            "\(file):edges!F6: error: edge a → c: since 2020 is after until 2010",
            "\(file):nodes!C2: error: node 'x' has no 'kind'",
            "\(file):nodes!A4: error: duplicate node id 'a' (first on nodes!A3)",
        ])
        XCTAssertEqual(FileFormat.xlsx.read(Data("not a zip".utf8), path: "x.xlsx").diagnostics.map(\.description),
                       ["x.xlsx: error: not an Excel workbook (.xlsx): the file is not a zip archive"])
    }

    /// Problems found after reading (an unknown relation under a YAML vocabulary, a tie to a missing node,
    /// an uncited tie) name the cell of the field at fault, not just the row.
    /// One mistake on many rows of a sheet is summarised in rows of that sheet.
    func testRepeatedMistakesInASheetAreSummarisedByRow() throws {
        let rows: [[XLSXFormat.Cell]] = [["from", "to", "relation", "weight"].map { .text($0) }]
            + (0..<100).map { [.text("n\($0)"), .text("n\($0 + 1)"), .text("tie"), .text("heavy")] }
        let data = try XLSXFormat.workbook([XLSXFormat.Sheet(name: "edges", rows: rows)])
        let document = FileFormat.xlsx.read(data, path: "big.xlsx")
        let lines = DiagnosticSummary.lines(document.diagnostics.filter { $0.severity == .error })
        XCTAssertEqual(lines, (2...6).map { "big.xlsx:edges!D\($0): error: edge n\($0 - 2) → n\($0 - 1): weight 'heavy' is not a positive number" }
                       + ["... and 95 more like this (rows 7–101 of edges)"])
    }

    func testLaterChecksNameTheFieldsCell() {
        let location = SourceLocation(file: "f.xlsx", line: 7, sheet: "edges", column: 0, fieldColumns: ["relation": 2, "to": 1])
        XCTAssertEqual(location.description, "f.xlsx:edges!A7")
        XCTAssertEqual(location.cell("relation").description, "f.xlsx:edges!C7")
        XCTAssertEqual(location.cell("to").description, "f.xlsx:edges!B7")
        XCTAssertEqual(location.cell("cite").description, "f.xlsx:edges!A7", "no such column: the row's own cell")
        XCTAssertEqual(SourceLocation(file: "f.csv", line: 7).cell("relation").description, "f.csv:7")
        var network = Network(nodes: [Node(id: "a", kind: "county")])
        network.edges = [Edge(from: "a", to: "b", relation: "partner_of", location: location)]
        let messages = NetworkValidator.validate(network).map(\.description)
        XCTAssertTrue(messages.contains("f.xlsx:edges!B7: error: edge a → b: no node with id 'b'"), "\(messages)")
    }

    func testWrittenWorkbookReadsBackInNetmapAndOpenpyxl() throws {
        let original = NetworkLoader.load([fixture("netmap-layout.xlsx")]).network
        let data = try FileFormat.xlsx.write(original)
        let copy = FileFormat.xlsx.read(data, path: "copy.xlsx")
        XCTAssertEqual(copy.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(copy.nodes.map(\.id), original.nodes.map(\.id))
        XCTAssertEqual(copy.nodes.map(\.attributes), original.nodes.map(\.attributes))
        XCTAssertEqual(copy.edges.map(\.relation), original.edges.map(\.relation))
        XCTAssertEqual(copy.edges.map(\.weight), original.edges.map(\.weight))
        XCTAssertEqual(copy.edges.map(\.until), original.edges.map(\.until))

        let sheets = try openpyxlSheets(data)
        XCTAssertEqual(Set(sheets.keys), ["nodes", "edges"])
        let edges = try XCTUnwrap(sheets["edges"])
        XCTAssertEqual(edges[0].compactMap { $0 as? String }, ["from", "to", "relation", "weight", "cite", "page", "since", "until"])
        XCTAssertEqual(edges[1][0] as? String, "innlandet-fk")
        XCTAssertEqual((edges[1][3] as? NSNumber)?.doubleValue, 2.5, "weight is a number cell")
        XCTAssertEqual((edges[1][7] as? NSNumber)?.intValue, 2020)
        let nodes = try XCTUnwrap(sheets["nodes"])
        XCTAssertEqual(nodes[1][1] as? String, "Innlandet fylkeskommune")
    }

    /// A cell or row reference beyond Excel's limits is a damaged file: refused with the reference, not
    /// honoured (a column ZZZZ meant filling 475,254 empty cells, 15 letters trapped on overflow; `make fuzz`).
    func testReferencesBeyondExcelsLimitsAreErrors() {
        func errors(_ name: String) -> [String] {
            let path = packageRoot.appendingPathComponent("Tests/Fixtures/fuzz/xlsx").appendingPathComponent(name).path
            return NetworkLoader.load([path]).errors.map { $0.description.replacingOccurrences(of: path, with: name) }
        }
        XCTAssertEqual(errors("column-past-xfd.xlsx"),
                       ["column-past-xfd.xlsx:edges!1: error: cell reference 'ZZZZZZZZZZZZZZZ1' is beyond Excel's last column XFD; is the file damaged?"])
        XCTAssertEqual(errors("column-zzzz.xlsx"),
                       ["column-zzzz.xlsx:edges!1: error: cell reference 'ZZZZ1' is beyond Excel's last column XFD; is the file damaged?"])
        XCTAssertEqual(errors("row-number-overflow.xlsx"),
                       ["row-number-overflow.xlsx:edges: error: row number 9223372036854775807 is outside Excel's 1–1048576; is the file damaged?"])
        XCTAssertEqual(XLSXFormat.Workbook.column("XFD1"), 16_383)
    }

    func testDateFormatsAreRecognisedOutsideQuotesAndBrackets() {
        for code in ["yyyy-mm-dd", "d/m/yy", "mmm yyyy", "[$-414]d. mmmm yyyy"] {
            XCTAssertTrue(XLSXFormat.Workbook.isDateFormat(code), code)
        }
        // Letters in quoted text or colour brackets are not date codes (a 'd' in "days" used to count).
        for code in ["0 \"days\"", "0.0 \"dager\"", "[Red]0.00", "#,##0", "0 \"år\""] {
            XCTAssertFalse(XLSXFormat.Workbook.isDateFormat(code), code)
        }
        XCTAssertNil(XLSXFormat.Workbook.column("XFE1"))
    }
}
