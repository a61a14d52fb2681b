import XCTest
@testable import Graph

final class EgoNetworkTests: XCTestCase {
    func testRadiusAndDistances() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let (ego, distances) = network.egoNetwork(of: "kaunas", radius: 1)
        XCTAssertEqual(Set(ego.nodes.map(\.id)), ["kaunas", "schleswig-holstein", "cpmr"])
        XCTAssertEqual(distances, ["kaunas": 0, "schleswig-holstein": 1, "cpmr": 1])
        XCTAssertEqual(ego.edges.count, 2)
        let two = network.egoNetwork(of: "kaunas", radius: 2).distances
        XCTAssertEqual(Set(two.filter { $0.value == 2 }.keys), ["telemark-fk", "vestfold-og-telemark-fk", "trondelag-fk"])
    }

    func testKindFilterKeepsTheCentre() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let (ego, distances) = network.egoNetwork(of: "north-sea-commission", radius: 1, filter: GraphFilter(kinds: ["county"]))
        XCTAssertEqual(distances["north-sea-commission"], 0)
        XCTAssertEqual(Set(ego.nodes.filter { $0.id != "north-sea-commission" }.map(\.kind)), ["county"])
        XCTAssertEqual(ego.nodes.count, 5)
    }

    func testResolveByAccentFoldedPrefix() throws {
        let network = try RelationsFixture.network("mini.yaml")
        XCTAssertEqual(try network.resolve("trondelag").id, "trondelag-fk")
        XCTAssertEqual(try network.resolve("JÄMTLAND").id, "jamtland")
        XCTAssertThrowsError(try network.resolve("vestfold")) { error in
            guard case GraphError.ambiguousNode(_, let candidates) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(candidates.count, 2)
        }
        XCTAssertThrowsError(try network.resolve("oslo"))
    }

    func testResolvePrefersWholeWordIDs() throws {
        let network = Network(nodes: [
            Node(id: "trondelag-fk", label: "Trøndelag fylkeskommune", kind: "county"),
            Node(id: "trondelagsplanen", label: "Trøndelagsplanen", kind: "project"),
            Node(id: "tema-lab", label: "Trøndelag som laboratorium", kind: "theme"),
            Node(id: "vestfold-fk", label: "Vestfold fylkeskommune", kind: "county"),
            Node(id: "vestfold-og-telemark-fk", label: "Vestfold og Telemark fylkeskommune", kind: "county"),
        ])
        XCTAssertEqual(try network.resolve("Trondelag").id, "trondelag-fk")
        XCTAssertEqual(try network.resolve("trøndelagsplan").id, "trondelagsplanen")
        XCTAssertEqual(try network.resolve("vestfold og").id, "vestfold-og-telemark-fk")
        XCTAssertThrowsError(try network.resolve("vestfold"))
    }
}
