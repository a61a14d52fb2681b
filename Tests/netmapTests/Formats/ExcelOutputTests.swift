import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// Results for Excel: `--format xlsx -o FILE` read back by openpyxl (as Excel users' files are), and
/// `--csv-dialect excel-nb` (`;`, decimal comma, UTF-8 BOM).
final class ExcelOutputTests: XCTestCase {
    private let karate: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Tests/Fixtures/karate").path
    }()

    /// The rows of the workbook's first sheet as openpyxl reads them (numbers stay numbers).
    private func openpyxlRows(_ path: String) throws -> [[Any]] {
        let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book[book.sheetnames[0]]
        print(json.dumps([[cell.value for cell in row] for row in sheet.iter_rows()]))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "openpyxl reads the workbook (make test installs openpyxl): \(String(decoding: err, as: UTF8.self))")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: out) as? [[Any]])
    }

    func testCentralityXLSXHasNetworkXBetweennessAsNumber() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("out.xlsx").path
        let run = try runNetmap(["centrality", karate, "--measures", "betweenness,degree", "--format", "xlsx", "-o", path])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.output, "")
        let rows = try openpyxlRows(path)
        XCTAssertEqual(rows[0] as? [String], ["id", "label", "kind", "betweenness", "degree"])
        XCTAssertEqual(rows.count, 35, "header and 34 members")
        XCTAssertEqual(rows[1][0] as? String, "n0")
        XCTAssertEqual((rows[1][4] as? NSNumber)?.intValue, 16, "degree is a number cell")
        XCTAssertEqual(try XCTUnwrap((rows[1][3] as? NSNumber)?.doubleValue), 0.43763528138528135, accuracy: 1e-9)
    }

    func testBrokersCommunitiesAndEdgeBetweennessXLSXOpenWithHeader() throws {
        let folder = try scratchFolder()
        let cases: [(String, [String], [String])] = [
            ("brokers.xlsx", ["brokers", karate], ["id", "label", "kind"]),
            ("communities.xlsx", ["communities", karate], ["id", "label", "kind", "community"]),
            ("edges.xlsx", ["centrality", karate, "--edges"], ["from", "to", "betweenness"]),
        ]
        for (name, arguments, header) in cases {
            let path = folder.appendingPathComponent(name).path
            let run = try runNetmap(arguments + ["--format", "xlsx", "-o", path])
            XCTAssertEqual(run.status, 0, "\(name): \(run.error)")
            let rows = try openpyxlRows(path)
            XCTAssertEqual(Array((rows.first as? [String] ?? []).prefix(header.count)), header, name)
            XCTAssertGreaterThan(rows.count, 1, name)
        }
    }

    func testDiffXLSXHasTheCSVRowsWithNumbersAsNumbers() throws {
        let folder = try scratchFolder()
        let data = URL(fileURLWithPath: karate).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data").path
        let arguments = ["diff", data, "--at", "2012", "--to-year", "2022", "--measures", "degree"]
        let csv = try runNetmap(arguments + ["--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.error)
        let path = folder.appendingPathComponent("diff.xlsx").path
        let run = try runNetmap(arguments + ["--format", "xlsx", "-o", path])
        XCTAssertEqual(run.status, 0, run.error)
        let rows = try openpyxlRows(path)
        XCTAssertEqual(rows.first as? [String], csv.output.split(separator: "\n").first?.split(separator: ",").map(String.init))
        XCTAssertEqual(rows.count, csv.output.split(separator: "\n").count, "one sheet row per csv line")
        let measure = try XCTUnwrap(rows.first { ($0.first as? String) == "measure" && ($0[3] as? String) == "trondelag-fk" })
        XCTAssertNotNil(measure[11] as? NSNumber, "the new degree is a number cell: \(measure)")
        let noFile = try runNetmap(arguments + ["--format", "xlsx"])
        XCTAssertEqual(noFile.status, 64, noFile.error)
    }

    func testTextThatLooksLikeANumberWithLeadingZeroStaysText() {
        let table = ResultTable(csv: "id,score\n007,2.5\n12,-3\n")
        let cells = table.sheet.rows
        XCTAssertEqual(cells[1], [.text("007"), .number(2.5)])
        XCTAssertEqual(cells[2], [.number(12), .number(-3)])
    }

    func testXLSXWithoutOutputFileIsUsageError() throws {
        let run = try runNetmap(["centrality", karate, "--format", "xlsx"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.error.contains("give the file with -o FILE"), run.error)
        XCTAssertEqual(run.output, "")
        let stats = try runNetmap(["stats", karate, "--format", "xlsx", "-o", "never.xlsx"])
        XCTAssertEqual(stats.status, 64)
        XCTAssertTrue(stats.error.contains("The value 'xlsx' is invalid for '--format <format>'. Please provide one of 'table' and 'json'"), stats.error)
    }

    func testExcelNBDialectHasBOMSemicolonAndDecimalComma() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("out.csv").path
        let run = try runNetmap(["centrality", karate, "--measures", "betweenness,degree", "--top", "1",
                                 "--format", "csv", "--csv-dialect", "excel-nb", "-o", path])
        XCTAssertEqual(run.status, 0, run.error)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text, "id;label;kind;betweenness;degree\nn0;0;node;0,43763528138528135;16\n")
        let standard = try runNetmap(["centrality", karate, "--measures", "betweenness", "--top", "1", "--format", "csv"])
        XCTAssertEqual(standard.output, "id,label,kind,betweenness\nn0,0,node,0.43763528138528135\n", "default unchanged")
    }

    func testCSVDialectQuotesFieldsHoldingTheSeparator() {
        XCTAssertEqual(CSVFormat.line(["a;b", "c", "0,5"], dialect: .excelNB), "\"a;b\";c;\"0,5\"\n")
        XCTAssertEqual(CSVDialect.excelNB.number("0.25"), "0,25")
        XCTAssertEqual(CSVDialect.standard.number("0.25"), "0.25")
    }
}
