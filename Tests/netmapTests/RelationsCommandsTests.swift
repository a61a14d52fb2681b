import Foundation
import XCTest
@testable import Graph

/// `netmap path`, `ego`, `communities`, `project` and `compare` as a user meets them: output and exit codes.
final class RelationsCommandsTests: XCTestCase {
    let mini = packageRoot.appendingPathComponent("Tests/Fixtures/relations/mini.yaml").path

    func testPathPrintsHopsWithCitations() throws {
        let run = try runNetmap(["path", mini, "telemark", "kaunas"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("Telemark fylkeskommune —partner_of— Schleswig-Holstein  [plan-b, s. 6]"), run.output)
        let json = try runNetmap(["path", mini, "trondelag", "vestfold-fk", "--all", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(object["from"] as? String, "trondelag-fk")
        let paths = try XCTUnwrap(object["paths"] as? [[[String: Any]]])
        XCTAssertEqual(paths.count, 3)
        XCTAssertEqual(paths[0][1]["direction"] as? String, "forward")
        XCTAssertEqual(paths[0][1]["cite"] as? String, "plan-a, Vedlegg 3")
    }

    func testErrorsHaveMessagesAndExitCodes() throws {
        let ambiguous = try runNetmap(["path", mini, "vestfold", "kaunas"])
        XCTAssertEqual(ambiguous.status, 1)
        XCTAssertTrue(ambiguous.error.contains("'vestfold' is ambiguous") && ambiguous.error.contains("vestfold-og-telemark-fk"), ambiguous.error)
        let unknown = try runNetmap(["path", mini, "oslo", "kaunas"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.error.contains("no node matches 'oslo'"), unknown.error)
        let noPath = try runNetmap(["path", mini, "telemark", "kaunas", "--avoid", "schleswig-holstein,cpmr"])
        XCTAssertEqual(noPath.status, 1)
        XCTAssertTrue(noPath.error.contains("no path between Telemark fylkeskommune and Kaunas avoiding cpmr, schleswig-holstein"), noPath.error)
        let radius = try runNetmap(["ego", mini, "kaunas", "--radius", "0"])
        XCTAssertEqual(radius.status, 1)
        XCTAssertTrue(radius.error.contains("--radius must be at least 1"), radius.error)
        let kind = try runNetmap(["ego", mini, "kaunas", "--kinds", "harbour"])
        XCTAssertEqual(kind.status, 1)
        XCTAssertTrue(kind.error.contains("no node has kind 'harbour'"), kind.error)
        let onto = try runNetmap(["project", mini, "--onto", "harbour"])
        XCTAssertEqual(onto.status, 1)
        XCTAssertTrue(onto.error.contains("no node has kind 'harbour'"), onto.error)
        let algorithm = try runNetmap(["communities", mini, "--algorithm", "girvan"])
        XCTAssertNotEqual(algorithm.status, 0)
    }

    func testEgoCommunitiesProjectCompare() throws {
        let ego = try runNetmap(["ego", mini, "kaunas", "--radius", "1", "--format", "json"])
        let egoObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ego.output.utf8)) as? [String: Any])
        XCTAssertEqual((egoObject["nodes"] as? [[String: Any]])?.count, 3)

        let communities = try runNetmap(["communities", mini, "--algorithm", "leiden", "--format", "json"])
        XCTAssertEqual(communities.status, 0, communities.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(communities.output.utf8)) as? [String: Any])
        XCTAssertEqual(object["algorithm"] as? String, "leiden")
        XCTAssertEqual((object["nodes"] as? [Any])?.count, 17)
        XCTAssertNotNil((object["assortativity"] as? [String: Any])?["kind"] as? Double)
        let again = try runNetmap(["communities", mini, "--algorithm", "leiden", "--format", "json"])
        XCTAssertEqual(again.output, communities.output)

        let projection = try runNetmap(["project", mini, "--onto", "county", "--via", "programme,network,region", "--format", "json"])
        let graph = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(projection.output.utf8)) as? [String: Any])
        XCTAssertEqual((graph["edges"] as? [Any])?.count, 6)

        let compare = try runNetmap(["compare", mini, "trondelag", "vestfold og", "--format", "json"])
        let comparison = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(compare.output.utf8)) as? [String: Any])
        XCTAssertEqual((comparison["shared"] as? [[String: Any]])?.map { $0["id"] as? String }, ["cpmr", "north-sea-commission", "horizon-europe"])
    }
}
