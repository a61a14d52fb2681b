import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// Results for Excel: `--format xlsx -o FILE` read back by openpyxl (as Excel users' files are), and
/// `--csv-dialect excel-nb` (`;`, decimal comma, UTF-8 BOM).
final class ExcelOutputTests: XCTestCase {
    private let karate = packageRoot.appendingPathComponent("Tests/Fixtures/karate").path

    /// The rows of the workbook's first sheet as openpyxl reads them (numbers stay numbers).
    private func openpyxlRows(_ path: String) throws -> [[Any]] {
        let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book[book.sheetnames[0]]
        print(json.dumps([[cell.value for cell in row] for row in sheet.iter_rows()]))
        """
        let run = try runProcess("/usr/bin/env", ["python3", "-c", script, path])
        XCTAssertEqual(run.status, 0, "openpyxl reads the workbook (make test installs openpyxl): \(run.error)")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[Any]])
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
        XCTAssertEqual(CSVFormat.line(["a;b", "c", "0,5"], dialect: .excelNB), "\"a;b\";c;0,5\n")
        XCTAssertEqual(CSVFormat.line(["a;b", "c", "0,5"]), "\"a;b\",c,\"0,5\"\n")
        XCTAssertEqual(CSVDialect.excelNB.number("0.25"), "0,25")
        XCTAssertEqual(CSVDialect.standard.number("0.25"), "0.25")
    }

    private let bundledData = packageRoot.appendingPathComponent("data").path

    func testConsortiumXLSXAndCSVHaveOneRowPerPartner() throws {
        let folder = try scratchFolder()
        let arguments = ["consortium", bundledData, "--programme", "interreg-se-no", "--lead", "trondelag-fk", "--top", "2"]
        let path = folder.appendingPathComponent("consortia.xlsx").path
        let run = try runNetmap(arguments + ["--format", "xlsx", "-o", path])
        XCTAssertEqual(run.status, 0, run.error)
        let rows = try openpyxlRows(path)
        XCTAssertEqual(Array((rows.first as? [String] ?? []).prefix(8)), ["consortium", "consortium_score", "role", "id", "label", "kind", "country", "total"])
        XCTAssertEqual(rows.count, 5, "header, then lead and partner of each of the 2 consortia: \(rows)")
        XCTAssertEqual((rows[1][0] as? NSNumber)?.intValue, 1)
        XCTAssertEqual(rows[1][2] as? String, "lead")
        XCTAssertEqual(rows[1][3] as? String, "trondelag-fk")
        XCTAssertEqual(rows[2][2] as? String, "partner")
        XCTAssertEqual(rows[2][3] as? String, "region-jamtland-harjedalen")
        XCTAssertEqual(try XCTUnwrap((rows[2][7] as? NSNumber)?.doubleValue), 1.0, accuracy: 1e-9, "the partner's total is a number cell")
        XCTAssertEqual((rows[3][0] as? NSNumber)?.intValue, 2)
        // The same rows as CSV, in either dialect; the json stays the same document.
        let csv = try runNetmap(arguments + ["--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.error)
        XCTAssertEqual(csv.output.split(separator: "\n").count, 5)
        XCTAssertTrue(csv.output.contains("\n1,1.0,partner,region-jamtland-harjedalen,Region Jämtland Härjedalen,region,SE,1.0,"), csv.output)
        let nb = try runNetmap(arguments + ["--format", "csv", "--csv-dialect", "excel-nb"])
        XCTAssertTrue(nb.output.hasPrefix("\u{FEFF}consortium;consortium_score;role;"), nb.output)
        XCTAssertTrue(nb.output.contains("\n2;0,8;partner;regionforbundet-jamtlands-lan;"), nb.output)
        let noFile = try runNetmap(arguments + ["--format", "xlsx"])
        XCTAssertEqual(noFile.status, 64, noFile.error)
        let candidates = try runNetmap(["consortium", bundledData, "--programme", "interreg-se-no", "--lead", "trondelag-fk", "--candidates", "3", "--format", "csv"])
        XCTAssertEqual(candidates.status, 0, candidates.error)
        XCTAssertEqual(candidates.output.split(separator: "\n").first, "rank,id,label,kind,country,score,closeness,theme,experience,brokerage,proximity,path")
        XCTAssertEqual(candidates.output.split(separator: "\n").count, 4)
    }

    func testDiffCSVInExcelNBDialect() throws {
        let arguments = ["diff", bundledData, "--at", "2012", "--to-year", "2022", "--measures", "betweenness", "--format", "csv"]
        let standard = try runNetmap(arguments)
        XCTAssertEqual(standard.status, 0, standard.error)
        let nb = try runNetmap(arguments + ["--csv-dialect", "excel-nb"])
        XCTAssertEqual(nb.status, 0, nb.error)
        XCTAssertTrue(nb.output.hasPrefix("\u{FEFF}change;item;group;source;target;label;"), nb.output)
        let standardLines = standard.output.split(separator: "\n"), nbLines = nb.output.dropFirst().split(separator: "\n")
        XCTAssertEqual(standardLines.count, nbLines.count, "the same rows")
        let measure = try XCTUnwrap(nbLines.first { $0.hasPrefix("measure;node;betweenness;trondelag-fk;") })
        let fields = measure.split(separator: ";", omittingEmptySubsequences: false)
        XCTAssertEqual(fields.count, 15, String(measure))
        XCTAssertTrue(fields[11].contains(","), "decimal comma in the new betweenness: \(measure)")
        XCTAssertFalse(fields[11].contains("."), String(measure))
    }

    func testExportCSVInExcelNBDialectReadsBack() throws {
        let folder = try scratchFolder()
        let network = folder.appendingPathComponent("in.yaml").path
        try """
        sources:
          s: {title: A plan}
        nodes:
          - {id: a, label: "Aust; Agder", kind: county}
          - {id: b, label: Bø, kind: municipality}
        edges:
          - {from: a, to: b, relation: partner_of, weight: 2.5, cite: s}
        """.write(toFile: network, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("nb").path
        let run = try runNetmap(["export", network, "--to", "csv", "--csv-dialect", "excel-nb", "-o", out])
        XCTAssertEqual(run.status, 0, run.error)
        func file(_ name: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)), as: UTF8.self) }
        let edges = try file("edges.csv")
        XCTAssertEqual(edges, "\u{FEFF}from;to;relation;weight;cite;page;since;until\na;b;partner_of;2,5;s;;;\n")
        let nodes = try file("nodes.csv")
        XCTAssertEqual(nodes, "\u{FEFF}id;label;kind;tags\na;\"Aust; Agder\";county;\nb;Bø;municipality;\n")
        let back = NetworkLoader.load([out])
        XCTAssertEqual(back.errors, [])
        XCTAssertEqual(back.network.edges.first?.weight, 2.5)
        XCTAssertEqual(back.network.node("a")?.label, "Aust; Agder")
        let edgeList = try runNetmap(["export", network, "--to", "edgelist", "--csv-dialect", "excel-nb"])
        XCTAssertEqual(edgeList.status, 0, edgeList.error)
        XCTAssertTrue(edgeList.output.hasPrefix("\u{FEFF}from;from_label;from_kind;to;"), edgeList.output)
        XCTAssertTrue(edgeList.output.contains(";partner_of;2,5;s;"), edgeList.output)
    }
}
