import Foundation
import XCTest
@testable import Graph

/// Excel both ways: fixtures made by openpyxl (Tests/Fixtures/xlsx/make_xlsx_fixtures.py) read in both
/// layouts with their cell types; workbooks netmap writes read back by netmap and by openpyxl.
final class XLSXFormatTests: XCTestCase {
    func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/xlsx").appendingPathComponent(name).path
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
        XCTAssertEqual(network.nodes.map(\.id), ["Innlandet fylkeskommune", "Region Dalarna", "Skogforum"])
        XCTAssertEqual(network.node("Region Dalarna")?.kind, "Region")
        XCTAssertEqual(network.node("Region Dalarna")?.tags, ["public", "nordic"])
        XCTAssertEqual(network.edges.map(\.relation), ["Partnership", "Member"])
        XCTAssertEqual(network.relations["Partnership"]?.symmetric, true, "Direction: undirected")
        XCTAssertEqual(network.relations["Member"]?.symmetric, false)
    }

    func testErrorsNameSheetAndCell() {
        let result = NetworkLoader.load([fixture("errors.xlsx")])
        XCTAssertEqual(result.errors.map(\.description), [
            "\(fixture("errors.xlsx")):edges!D3: error: edge b → c: weight 'heavy' is not a positive number",
            "\(fixture("errors.xlsx")):edges!E4: error: cell holds the Excel error #N/A",
        ])
        XCTAssertEqual(FileFormat.xlsx.read(Data("not a zip".utf8), path: "x.xlsx").diagnostics.map(\.description),
                       ["x.xlsx: error: not an Excel workbook (.xlsx): the file is not a zip archive"])
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
        let sheets = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [[Any]]])
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
                       ["row-number-overflow.xlsx:edges!: error: row number 9223372036854775807 is outside Excel's 1–1048576; is the file damaged?"])
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
