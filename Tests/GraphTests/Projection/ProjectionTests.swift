import XCTest
@testable import Graph

final class ProjectionTests: XCTestCase {
    func testWeightsAgainstNetworkX() throws {
        let network = try RelationsFixture.network("mini.yaml")
        for (weighting, key) in [(ProjectionWeighting.count, "projection_weights"), (.newman, "projection_newman")] {
            let projected = try network.projection(onto: "county", via: ["programme", "network", "region"], weighting: weighting)
            let expected = try XCTUnwrap(try RelationsFixture.value("mini", key) as? [String: Double])
            XCTAssertEqual(projected.edges.count, expected.count)
            for edge in projected.edges {
                let value = expected["\(edge.from)|\(edge.to)"] ?? expected["\(edge.to)|\(edge.from)"]
                XCTAssertEqual(edge.weight, try XCTUnwrap(value, "\(edge.from)–\(edge.to)"), accuracy: 1e-12)
            }
            XCTAssertEqual(projected.nodes.count, 5)   // every county, also Vestfold with no shared affiliation
            XCTAssertTrue(projected.isSymmetric(Network.sharesRelation))
        }
    }

    func testTiesListWhatIsSharedWithCitations() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let projected = try network.projection(onto: "county", via: ["programme", "network", "region"])
        let tie = try XCTUnwrap(projected.edges.first { $0.from == "telemark-fk" && $0.to == "vestfold-og-telemark-fk" })
        XCTAssertEqual(tie.attributes["shared"], "north-sea-commission|interreg-north-sea|schleswig-holstein")
        XCTAssertEqual(Set(tie.citations.map(\.description)), ["plan-b, s. 4", "plan-b, s. 5", "plan-b, s. 6", "plan-c, s. 8", "plan-c, s. 9", "plan-c, s. 10"])
    }

    func testUnknownKindsAreErrors() throws {
        let network = try RelationsFixture.network("mini.yaml")
        XCTAssertThrowsError(try network.projection(onto: "harbour")) { error in
            XCTAssertTrue("\(error)".contains("no node has kind 'harbour'"), "\(error)")
        }
        XCTAssertThrowsError(try network.projection(onto: "county", via: ["programme", "cluster"]))
        XCTAssertThrowsError(try network.projection(onto: "county", via: ["county"]))
    }

    func testComparison() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let comparison = try network.compare("trondelag-fk", "vestfold-og-telemark-fk")
        XCTAssertEqual(comparison.shared.map(\.node.id), ["cpmr", "north-sea-commission", "horizon-europe"])
        XCTAssertEqual(comparison.onlyA.map(\.node.id), ["errin", "interreg-se-no", "jamtland", "ntnu"])
        XCTAssertEqual(comparison.onlyB.map(\.node.id), ["interreg-north-sea", "schleswig-holstein", "telemark-fk", "vestfold-fk", "usn", "klima"])
        XCTAssertEqual(comparison.shared[0].tiesOfA.map { network.edges[$0].citations.description }, ["[plan-a, Vedlegg 3]"])
        XCTAssertTrue(comparison.direct.isEmpty)
        let neighbours = try network.compare("telemark-fk", "vestfold-og-telemark-fk", kinds: ["region"])
        XCTAssertEqual(neighbours.direct.count, 1)
        XCTAssertEqual(neighbours.shared.map(\.node.id), ["schleswig-holstein"])
        XCTAssertThrowsError(try network.compare("telemark-fk", "telemark-fk"))
    }
}
