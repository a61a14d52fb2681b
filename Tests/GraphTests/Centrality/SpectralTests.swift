import XCTest
@testable import Graph

final class SpectralTests: XCTestCase {
    func testEigenvectorMatchesNetworkX() throws {
        try assertMatchesNetworkX("eigenvector", minimumCases: 8) { try $0.eigenvector() }
    }

    func testPageRankMatchesNetworkX() throws {
        try assertMatchesNetworkX("pagerank", minimumCases: 9) { try $0.pagerank() }
    }

    func testKatzMatchesNetworkXWhereItConverges() throws {
        try assertMatchesNetworkX("katz", minimumCases: 5) { try $0.katz() }
    }

    func testKatzDivergenceIsAnError() throws {
        let graph = try AnalysisFixtures.graph("lesmis", view: "undirected")
        XCTAssertThrowsError(try graph.katz()) { error in
            XCTAssertTrue("\(error)".contains("alpha must be below"), "\(error)")
        }
    }

    func testPageRankSumsToOneWithDanglingNodes() throws {
        let chain = makeGraph(3, [(0, 1), (1, 2)], directed: true)
        let rank = try chain.pagerank()
        XCTAssertEqual(rank.reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertGreaterThan(rank[2], rank[1])
        XCTAssertGreaterThan(rank[1], rank[0])
    }

    func testPersonalisedPageRank() throws {
        let graph = makeGraph(3, [(0, 1), (1, 2)])
        let rank = try graph.pagerank(personalization: [1, 0, 0])
        XCTAssertEqual(rank.reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertGreaterThan(rank[0], rank[2])
        XCTAssertThrowsError(try graph.pagerank(personalization: [0, 0, 0]))
    }

    func testEigenvectorOfCompleteGraphIsUniform() throws {
        let k4 = makeGraph(4, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        for value in try k4.eigenvector() { XCTAssertEqual(value, 0.5, accuracy: 1e-9) }
        XCTAssertEqual(try makeGraph(0, []).eigenvector(), [])
    }
}
