import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// `netmap export` in every format, checked with the real tools: NetworkX reads GraphML, GEXF and
/// node-link output with the same counts and attributes, and Graphviz's `dot` accepts the DOT.
final class ExportFormatsTests: XCTestCase {
    let rich = packageRoot.appendingPathComponent("Tests/Fixtures/formats/rich.yaml").path

    var folder: URL!

    override func setUpWithError() throws {
        DOTReader.register()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func export(_ arguments: [String]) throws {
        var command = try Export.parse(arguments)
        try command.validate()
        try command.execute()
    }

    /// Runs a program found on PATH; nil when it is not installed.
    func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String)? {
        let which = Process()
        which.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        which.arguments = ["which", program]
        which.standardOutput = Pipe()
        which.standardError = Pipe()
        try which.run()
        which.waitUntilExit()
        guard which.terminationStatus == 0 else { return nil }
        return try runProcess("/usr/bin/env", [program] + arguments)
    }

    func testFormatFollowsTheOutputExtension() throws {
        for (name, marker) in [("a.graphml", "<graphml"), ("a.gexf", "<gexf"), ("a.net", "*Vertices"), ("a.gv", "digraph"),
                               ("a.json", "\"multigraph\""), ("a.csv", "from,from_label,from_kind")] {
            let path = folder.appendingPathComponent(name).path
            try export([rich, "-o", path])
            XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains(marker), name)
        }
        let explicit = folder.appendingPathComponent("b.txt").path
        try export([rich, "--to", "pajek", "-o", explicit])
        XCTAssertTrue(try String(contentsOfFile: explicit, encoding: .utf8).hasPrefix("*Network"))
    }

    func testNothingIsWrittenForBadInput() throws {
        let bad = folder.appendingPathComponent("bad.graphml").path
        try "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>".write(toFile: bad, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.gexf").path
        XCTAssertThrowsError(try export([bad, "-o", output])) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(bad):1: error: edge a → b: no node with id 'b'")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    func testNetworkXReadsGraphMLGEXFAndNodeLink() throws {
        let graphml = folder.appendingPathComponent("rich.graphml").path
        let gexf = folder.appendingPathComponent("rich.gexf").path
        let json = folder.appendingPathComponent("rich.json").path
        try export([rich, "-o", graphml])
        try export([rich, "-o", gexf])
        try export([rich, "-o", json])
        let script = packageRoot.appendingPathComponent("Tests/Fixtures/formats/check_with_networkx.py").path
        guard let result = try run("python3", [script, graphml, gexf, json, "trondelag-fk"]) else {
            throw XCTSkip("python3 is not installed: NetworkX check skipped")
        }
        if result.status == 3 { throw XCTSkip("networkx is not installed (pip install networkx): NetworkX check skipped") }
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: Any]])
        for format in ["graphml", "gexf", "nodelink"] {
            let summary = try XCTUnwrap(object[format], format)
            XCTAssertEqual(summary["nodes"] as? Int, 8, format)
            XCTAssertEqual(summary["edges"] as? Int, 8, format)
            let node = try XCTUnwrap(summary["node"] as? [String: String], format)
            XCTAssertEqual(node["label"], "Trøndelag fylkeskommune", format)
            XCTAssertEqual(node["kind"], "county", format)
            XCTAssertEqual(node["country"], "NO", format)
            XCTAssertEqual(node["label_en"], "Trøndelag County Council", format)
            let edges = try XCTUnwrap(summary["edge_data"] as? [[String: Any]], format)
            let partner = try XCTUnwrap(edges.first { ($0["data"] as? [String: String])?["relation"] == "partner_of" }?["data"] as? [String: String], format)
            XCTAssertEqual(partner["weight"], "2.5", format)
            // GraphML and GEXF carry "thp2020|strategi"; node-link JSON a list, which Python prints as ['thp2020', 'strategi'].
            let cite = partner["cite"] ?? ""
            XCTAssertEqual(format == "nodelink" ? cite : cite.split(separator: "|").joined(separator: ","),
                           format == "nodelink" ? "['thp2020', 'strategi']" : "thp2020,strategi", format)
            XCTAssertEqual(partner["page"], "s. 12", format)
            XCTAssertEqual(partner[format == "gexf" ? "start" : "since"], "2014", format)
            XCTAssertEqual(partner[format == "gexf" ? "end" : "until"], "2024", format)
            let relations = edges.compactMap { ($0["data"] as? [String: String])?["relation"] }.sorted()
            XCTAssertEqual(relations, ["addresses", "addresses", "manages", "member_of", "participates_in", "partner_of", "succeeded_by", "twinned_with"], format)
        }
    }

    func testDotProgramAcceptsExportedDOT() throws {
        let path = folder.appendingPathComponent("rich.dot").path
        try export([rich, "--format", "dot", "-o", path])
        guard let result = try run("dot", ["-Tsvg", "-o", "/dev/null", path]) else {
            throw XCTSkip("Graphviz's dot program is not installed: DOT check skipped")
        }
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertFalse(result.error.contains("Error"), result.error)
    }

    /// netmap's own DOT read back through libcgraph: ids, labels, kinds, relations and the name survive;
    /// citations, weights, years, tags, extra attributes and declarations are not in the drawing.
    func testDOTReadBackKeepsWhatTheDrawingCarries() throws {
        let path = folder.appendingPathComponent("rich.dot").path
        try export([rich, "--to", "dot", "-o", path])
        let original = try NetworkLoader.loadValid([rich]).network
        let back = NetworkLoader.load([path])
        XCTAssertEqual(back.errors, [])
        XCTAssertEqual(back.network.name, original.name)
        XCTAssertEqual(back.network.nodes.map(\.id), original.nodes.map(\.id), "legend nodes are skipped")
        XCTAssertEqual(back.network.nodes.map(\.label), original.nodes.map(\.label))
        XCTAssertEqual(back.network.nodes.map(\.kind), original.nodes.map(\.kind))
        XCTAssertEqual(back.network.edges.map { "\($0.from)>\($0.to):\($0.relation)" }, original.edges.map { "\($0.from)>\($0.to):\($0.relation)" })
        XCTAssertTrue(back.network.edges.allSatisfy { $0.citations.isEmpty && $0.since == nil && $0.weight == 1 })
    }

    func testForeignDOTAttributesAreMappedAndKept() throws {
        let path = folder.appendingPathComponent("g.gv").path
        try """
        graph partners {
          node [shape=box];
          a [label="Trøndelag", kind=county, region="Midt-Norge"];
          b [label="Jämtland"];
          a -- b [relation=partner_of, weight=2, since=2014, cite="thp", color=red];
          b -- c;
        }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = NetworkLoader.load([path])
        XCTAssertEqual(result.errors, [])
        let network = result.network
        XCTAssertEqual(network.name, "partners")
        XCTAssertEqual(network.node("a")?.kind, "county")
        XCTAssertEqual(network.node("a")?.attributes, ["region": "Midt-Norge"])
        XCTAssertEqual(network.node("c")?.label, "c")
        XCTAssertEqual(network.edges.first?.relation, "partner_of")
        XCTAssertEqual(network.edges.first?.weight, 2)
        XCTAssertEqual(network.edges.first?.since, 2014)
        XCTAssertEqual(network.edges.first?.citations, [Citation(source: "thp")])
        XCTAssertEqual(network.edges.last?.relation, "connected_to", "an undirected tie without relation is symmetric")
    }

    func testBadDOTNamesTheLine() throws {
        let path = folder.appendingPathComponent("bad.dot").path
        try "digraph {\n  a -> b\n  c -> -> d\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let errors = NetworkLoader.load([path]).errors
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location?.line, 3, errors.first?.description ?? "")
    }
}
