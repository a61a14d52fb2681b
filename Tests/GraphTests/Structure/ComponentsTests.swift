import XCTest
@testable import Graph

final class ComponentsTests: XCTestCase {
    /// Components by plain breadth-first search over ties in both directions, largest first, ties broken by
    /// smallest member: the definition `connectedComponents()` must meet.
    private func reference(_ graph: AnalysisGraph) -> [[Int]] {
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var parts: [[Int]] = []
        for start in 0..<graph.nodeCount where !seen[start] {
            seen[start] = true
            var queue = [start], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for w in graph.neighbors(of: v).map(Int.init) + (graph.isDirected ? graph.predecessors(of: v).map(Int.init) : []) where !seen[w] {
                    seen[w] = true; queue.append(w)
                }
            }
            parts.append(queue.sorted())
        }
        return parts.enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
    }

    private func randomGraph(_ n: Int, _ m: Int, directed: Bool, seed: UInt64) -> AnalysisGraph {
        var generator = SplitMixGenerator(seed: seed)
        let edges = (0..<m).map { _ in (Int.random(in: 0..<n, using: &generator), Int.random(in: 0..<n, using: &generator)) }
        return makeGraph(n, edges, directed: directed)
    }

    func testMatchesBreadthFirstSearchOnRandomGraphs() {
        // From many small pieces (m < n) through one giant component with stragglers to fully connected.
        for seed in UInt64(1)...12 {
            for (n, m) in [(60, 20), (200, 150), (300, 400), (500, 2000)] {
                for directed in [false, true] {
                    let graph = randomGraph(n, m, directed: directed, seed: seed)
                    let expected = reference(graph)
                    XCTAssertEqual(graph.connectedComponents(), expected, "n \(n) m \(m) directed \(directed) seed \(seed)")
                    let (labels, count) = graph.componentLabels()
                    XCTAssertEqual(count, expected.count)
                    // Labels number components by their smallest member.
                    let bySmallest = expected.sorted { $0[0] < $1[0] }
                    for (c, members) in bySmallest.enumerated() {
                        for v in members { XCTAssertEqual(labels[v], Int32(c), "node \(v), seed \(seed)") }
                    }
                }
            }
        }
    }

    func testDirectedTiesJoinAgainstTheirDirection() {
        // 1 and 2 only point into 0, 4 only into 3; 5 is alone. Weakly: {0,1,2}, {3,4}, {5}.
        let graph = makeGraph(6, [(1, 0), (2, 0), (4, 3)], directed: true)
        XCTAssertEqual(graph.connectedComponents(), [[0, 1, 2], [3, 4], [5]])
        XCTAssertEqual(graph.componentLabels().labels, [0, 0, 0, 1, 1, 2])
    }

    func testLateTieJoinsTwoSampledParts() {
        // Even nodes form one 4-clique and odd nodes another; each node's first two neighbours (by index)
        // lie in its own clique, so sampling leaves two parts, and only 6–7, third or later for both ends,
        // joins them. It must not be skipped.
        let even = [(0, 2), (0, 4), (0, 6), (2, 4), (2, 6), (4, 6)]
        let graph = makeGraph(8, even + even.map { ($0.0 + 1, $0.1 + 1) } + [(6, 7)])
        XCTAssertEqual(graph.connectedComponents(), [Array(0..<8)])
        XCTAssertEqual(makeGraph(8, even + even.map { ($0.0 + 1, $0.1 + 1) }).connectedComponents(), [[0, 2, 4, 6], [1, 3, 5, 7]])
    }

    func testEmptyAndIsolated() {
        XCTAssertEqual(makeGraph(0, []).connectedComponents(), [])
        XCTAssertEqual(makeGraph(0, []).componentLabels().count, 0)
        XCTAssertEqual(makeGraph(3, []).connectedComponents(), [[0], [1], [2]])
    }
}
