import XCTest
@testable import Graph

final class ClosenessTests: XCTestCase {
    func testClosenessMatchesNetworkX() throws {
        try assertMatchesNetworkX("closeness", minimumCases: 9) { $0.closeness() }
    }

    func testHarmonicMatchesNetworkX() throws {
        try assertMatchesNetworkX("harmonic", minimumCases: 9) { $0.harmonic() }
    }

    func testPathByHand() {
        let path = makeGraph(3, [(0, 1), (1, 2)])
        XCTAssertEqual(path.closeness(), [2.0 / 3, 1, 2.0 / 3])
        XCTAssertEqual(path.harmonic(), [1.5, 2, 1.5])
    }

    func testIsolatedNodeScoresZeroAndLeavesOthersUnchanged() throws {
        // Wasserman–Faust: adding an isolated node scales closeness by (n−1)/n but harmonic not at all,
        // and the isolated node itself gets 0.
        let graph = try AnalysisFixtures.graph("florentine", view: "undirected")
        var edges: [(Int, Int, Double)] = []
        for u in 0..<graph.nodeCount { for v in graph.neighbors(of: u) where Int(v) > u { edges.append((u, Int(v), 1)) } }
        let bigger = AnalysisGraph(ids: graph.ids + ["loner"], edges: edges, directed: false)
        let before = graph.closeness(), after = bigger.closeness()
        let n = Double(graph.nodeCount)
        for i in 0..<graph.nodeCount { XCTAssertEqual(after[i], before[i] * (n - 1) / n, accuracy: 1e-12) }
        XCTAssertEqual(after.last, 0)
        XCTAssertEqual(Array(bigger.harmonic().prefix(graph.nodeCount)), graph.harmonic())
    }

    func testSubsetEqualsFullResult() throws {
        let graph = try AnalysisFixtures.graph("lesmis", view: "weighted")
        let all = graph.closeness()
        let some = graph.closeness(of: [3, 10, 40], threads: 2)
        XCTAssertEqual(some, [all[3], all[10], all[40]])
    }
}
