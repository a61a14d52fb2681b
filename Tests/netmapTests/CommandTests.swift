import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Graph
@testable import netmap

/// The built `netmap` binary, next to the test bundle.
let netmapBinary: String = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.hasSuffix(".xctest") } ?? CommandLine.arguments[0])
    return bundle.deletingLastPathComponent().appendingPathComponent("netmap").path
}()

/// Where the package is (this file is Tests/netmapTests/CommandTests.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func runNetmap(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
    try runProcess(netmapBinary, arguments, in: directory)
}

/// Runs `executable` with `arguments` (in `directory`); its exit status, standard output and error.
func runProcess(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

func scratchFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("netmap-cli-\(ProcessInfo.processInfo.processIdentifier)")
        .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber })
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let smallNetwork = """
network: Liten test — æøå
sources:
  s1: {title: Plan, year: 2020}
nodes:
  - {id: trondelag-fk, label: Trøndelag fylkeskommune, kind: county, country: NO}
  - {id: jamtland, label: Region Jämtland Härjedalen, kind: region, country: SE}
  - {id: interreg-se-no, label: Interreg Sverige–Norge, kind: programme}
  - id: hostile
    label: "Quote \\" back\\\\slash <tag> & amp\\nnew line"
    kind: network
edges:
  - {from: trondelag-fk, to: interreg-se-no, relation: manages, cite: s1, since: 2014}
  - {from: jamtland, to: interreg-se-no, relation: participates_in, cite: s1}
  - {from: trondelag-fk, to: jamtland, relation: partner_of, cite: s1}
  - {from: hostile, to: hostile, relation: cooperates_with, cite: s1}
  - {from: trondelag-fk, to: hostile, relation: member_of, cite: s1}
"""

final class CommandTests: XCTestCase {
    func testValidateReportsErrorsWithLinesAndExitCode() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("bad.yaml").path
        try "nodes:\n  - {id: a, kind: county}\nedges:\n  - {from: a, to: b, relation: funds}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNetmap(["validate", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("\(path):4: error: edge a → b: no node with id 'b'"), result.error)
        XCTAssertTrue(result.error.contains("\(path):4: warning: edge a → b (funds) cites no source"), result.error)
    }

    func testValidateWarningsExitZero() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("ok.yaml").path
        try "nodes:\n  - {id: a, kind: county}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNetmap(["validate", path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.error.contains("\(path):2: warning: node 'a' has no ties (isolated)"), result.error)
        XCTAssertEqual(try runNetmap(["validate", "--strict", path]).status, 1)
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try runNetmap(["stats", "--format", "yaml", "x.yaml"]).status, 64)
        XCTAssertEqual(try runNetmap(["no-such-command"]).status, 64)
        XCTAssertEqual(try runNetmap(["render", "x.yaml", "-o", "out.bmp"]).status, 64)
    }

    func testStatsJSONKeys() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNetmap(["stats", path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(object["nodes"] as? Int, 4)
        XCTAssertEqual(object["edges"] as? Int, 5)
        XCTAssertEqual(object["by_kind"] as? [String: Int], ["county": 1, "region": 1, "programme": 1, "network": 1])
        XCTAssertEqual((object["by_relation"] as? [String: Int])?["partner_of"], 1)
        XCTAssertEqual(object["components"] as? Int, 1)
        XCTAssertEqual(object["density"] as? Double ?? 0, 4.0 / 6.0, accuracy: 1e-12)
    }

    func testRenderWritesWellFormedSVGWithEveryLabel() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let svg = folder.appendingPathComponent("net.svg").path
        let result = try runNetmap(["render", path, "-o", svg])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the input is never modified")
        let data = try Data(contentsOf: URL(fileURLWithPath: svg))
        let parser = XMLParser(data: data)
        XCTAssertTrue(parser.parse(), "SVG is well-formed XML: \(String(describing: parser.parserError))")
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        for label in ["Trøndelag fylkeskommune", "Region Jämtland Härjedalen", "Interreg Sverige–Norge", "Quote &quot; back\\slash &lt;tag&gt; &amp; amp"] {
            XCTAssertTrue(text.contains(label), "missing \(label)")
        }
    }

    /// Clusters used to come out in the order of their names' memory addresses, which change from process to
    /// process: three separate runs must write the same bytes.
    func testGroupedDrawingIsTheSameInEveryProcess() throws {
        let folder = try scratchFolder()
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/rendering/sample.yaml").path
        var outputs: [Data] = []
        for run in 0..<3 {
            let svg = folder.appendingPathComponent("grouped-\(run).svg").path
            let result = try runNetmap(["render", sample, "--group-by", "country", "--color-by", "country", "-o", svg])
            XCTAssertEqual(result.status, 0, result.error)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: svg)))
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
    }

    func testUnknownLabelLanguageWarns() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        let svg = folder.appendingPathComponent("net.svg").path
        let result = try runNetmap(["render", path, "--label-lang", "sv", "-o", svg])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "warning: no drawn node has a 'label_sv'; every node keeps its 'label'\n")
    }

    func testColorByCommunityDetectsCommunitiesAsTheCommunitiesCommandDoes() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        let svg = folder.appendingPathComponent("c.svg").path
        let result = try runNetmap(["render", path, "--color-by", "community", "-o", svg])
        XCTAssertEqual(result.status, 0, result.error)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let communities = try runNetmap(["communities", path, "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(communities.output.utf8)) as? [String: Any])
        let count = try XCTUnwrap(object["communities"] as? [Any]).count
        for number in 1...count { XCTAssertTrue(text.contains("community \(number)"), "legend entry community \(number)") }
        XCTAssertFalse(text.contains("community \(count + 1)"))
    }

    func testFailedRenderLeavesNoFile() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("bad.yaml").path
        try "nodes: [".write(toFile: path, atomically: true, encoding: .utf8)
        let svg = folder.appendingPathComponent("bad.svg").path
        let result = try runNetmap(["render", path, "-o", svg])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.hasPrefix("\(path):2: error: YAML syntax"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: svg))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["bad.yaml"], "no temporary file left")
    }

    func testExportJSONAndCSVRoundTrip() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        let json = folder.appendingPathComponent("net.json").path
        XCTAssertEqual(try runNetmap(["export", path, "--format", "json", "-o", json]).status, 0)
        let fromJSON = try NetworkLoader.loadValid([json]).network
        let original = try NetworkLoader.loadValid([path]).network
        XCTAssertEqual(fromJSON.nodes.map(\.label), original.nodes.map(\.label))
        XCTAssertEqual(fromJSON.edges.map(\.citations), original.edges.map(\.citations))
        let csv = folder.appendingPathComponent("csv").path
        XCTAssertEqual(try runNetmap(["export", path, "--format", "csv", "-o", csv]).status, 0)
        let fromCSV = NetworkLoader.load([csv])
        XCTAssertEqual(fromCSV.errors, [], "the CSV pair comes with network.yaml declaring its sources")
        XCTAssertEqual(fromCSV.network.sources["s1"]?.year, 2020)
        XCTAssertEqual(fromCSV.network.edges.map(\.citations), original.edges.map(\.citations))
        XCTAssertEqual(fromCSV.network.nodes.map(\.label), original.nodes.map(\.label))
    }

    func testExportToAFolderUnderAMissingFolderFails() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("missing/csv").path
        let result = try runNetmap(["export", path, "--format", "csv", "-o", target])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("does not exist"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
    }

    func testDOTEscapesHostileLabels() throws {
        var network = Network()
        network.upsert(Node(id: "x", label: "a \"quoted\" \\ back\nslash", kind: "county"))
        let dot = DOTBuilder(network: network).build()
        let line = try XCTUnwrap(dot.split(separator: "\n").first { $0.hasPrefix(#"  "x" ["#) })
        XCTAssertTrue(line.contains(#"tooltip="a \"quoted\" \\ back\nslash""#), String(line))
        XCTAssertFalse(dot.split(separator: "\n").contains { $0.hasPrefix("slash") }, "no raw newline inside a quoted string")
        let svg = try Graphviz.render(dot: dot, layout: "dot", format: "svg")
        XCTAssertTrue(XMLParser(data: svg).parse())
    }

    func testGraphvizErrorsBecomeNetmapErrors() {
        XCTAssertThrowsError(try Graphviz.render(dot: "digraph { a -> }", layout: "dot", format: "svg")) { error in
            guard case GraphError.invalidArgument(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.hasPrefix("Graphviz could not read the graph: "), message)
            XCTAssertTrue(message.contains("syntax error"), message)
        }
    }

    func testCSVFormatIsAUsageErrorWhereThereIsNoCSV() throws {
        // stats, path, ego and compare used to print their table when asked for csv.
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("net.yaml").path
        try smallNetwork.write(toFile: path, atomically: true, encoding: .utf8)
        for (command, words) in [("stats", []), ("path", ["trondelag-fk", "jamtland"]), ("ego", ["jamtland"]),
                                 ("compare", ["trondelag-fk", "jamtland"])] {
            let run = try runNetmap([command, path] + words + ["--format", "csv"])
            XCTAssertEqual(run.status, 64, command)
            XCTAssertEqual(run.output, "", command)
            XCTAssertTrue(run.error.contains("The value 'csv' is invalid for '--format <format>'. Please provide one of 'table' and 'json'"), run.error)
            XCTAssertEqual(try runNetmap([command, path] + words + ["--format", "json"]).status, 0, command)
        }
    }
}
