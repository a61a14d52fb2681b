import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// `netmap centrality`, `brokers` and `stats` run as a user meets them, on the analysis fixtures.
final class AnalysisCommandTests: XCTestCase {
    private let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures").path

    func testCentralityJSONHasContractKeysAndNetworkXValues() throws {
        let run = try runNetmap(["centrality", fixtures + "/karate", "--measures", "betweenness,closeness", "--top", "2", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(Set(rows[0].keys), ["id", "label", "kind", "betweenness", "closeness"])
        XCTAssertEqual(rows[0]["id"] as? String, "n0")
        XCTAssertEqual(try XCTUnwrap(rows[0]["betweenness"] as? Double), 0.43763528138528135, accuracy: 1e-9)
    }

    func testCentralityCSVAndSampleNote() throws {
        let run = try runNetmap(["centrality", fixtures + "/florentine", "--measures", "degree,betweenness", "--format", "csv", "--sample", "5"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasPrefix("id,label,kind,degree,betweenness\nmedici,Medici,business,6,"), run.output)
        XCTAssertTrue(run.error.contains("estimated from 5 of 15 sources"), run.error)
    }

    func testBadCentralityArgumentsAreClearErrors() throws {
        let unknown = try runNetmap(["centrality", fixtures + "/karate", "--measures", "degree,fame"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.error.contains("unknown measure 'fame'"), unknown.error)
        let top = try runNetmap(["centrality", fixtures + "/karate", "--top", "0"])
        XCTAssertNotEqual(top.status, 0)
        XCTAssertTrue(top.error.contains("--top must be at least 1"), top.error)
        let sort = try runNetmap(["centrality", fixtures + "/karate", "--measures", "degree", "--sort", "pagerank"])
        XCTAssertNotEqual(sort.status, 0)
        XCTAssertTrue(sort.error.contains("--sort pagerank is not among --measures"), sort.error)
    }

    func testEmptyNetworkIsAnExplainedEmptyResult() throws {
        let folder = try scratchFolder()
        try "id,label,kind\n".write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "from,to,relation\n".write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        let run = try runNetmap(["centrality", folder.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.output, "[]\n")
        XCTAssertTrue(run.error.contains("no nodes to analyse"), run.error)
        let brokers = try runNetmap(["brokers", folder.path, "--format", "csv"])
        XCTAssertEqual(brokers.status, 0, brokers.error)
        XCTAssertTrue(brokers.error.contains("no nodes to analyse"), brokers.error)
    }

    func testBrokersByCountryAndUnknownAttribute() throws {
        let run = try runNetmap(["brokers", fixtures + "/directed", "--group-by", "country", "--format", "json", "--top", "1"])
        XCTAssertEqual(run.status, 0, run.error)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(rows[0].keys), ["id", "label", "kind", "group", "coordinator", "itinerant", "representative",
                                           "gatekeeper", "liaison", "total", "constraint", "effective_size"])
        let missing = try runNetmap(["brokers", fixtures + "/karate", "--group-by", "region"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.contains("no node has attribute 'region'"), missing.error)
    }

    func testStatsJSONKeepsOldKeysAndAddsStructure() throws {
        let run = try runNetmap(["stats", fixtures + "/florentine", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        for key in ["nodes", "edges", "components", "largest_component", "density", "isolated", "diameter",
                    "average_path_length", "average_clustering", "degree_distribution"] {
            XCTAssertNotNil(object[key], key)
        }
        XCTAssertEqual(object["diameter"] as? Int, 5)
    }

    /// Every command that reads a network, and `import`, takes `--quiet` (no progress line on standard error).
    func testEveryLongCommandTakesQuiet() throws {
        let commands: [[String]] = [
            ["stats"], ["centrality"], ["communities"], ["brokers"], ["render", "-o", "x.svg"], ["report", "-o", "x.html"], ["export", "--to", "csv", "-o", "x"],
            ["validate"], ["path", "a", "b"], ["ego", "a"], ["compare", "a", "b"], ["project", "--onto", "county"],
            ["diff", "a.yaml", "--to", "b.yaml"], ["consortium", "--programme", "none", "--lead", "a"], ["find", "a"],
            ["import", "cordis", "--organizations", "o.csv", "-o", "x"], ["import", "forskningsradet", "--grants", "g.csv", "-o", "x"],
            ["import", "interreg", "--partners", "p.json", "-o", "x"], ["import", "merge", "a", "b", "-o", "x"],
        ]
        for arguments in commands {
            XCTAssertNoThrow(try NetMap.parseAsRoot(arguments + ["--quiet"]), arguments.joined(separator: " "))
        }
    }
}
