import XCTest
@testable import Graph

final class BetweennessTests: XCTestCase {
    func testMatchesNetworkXOnFixtures() throws {
        try assertMatchesNetworkX("betweenness", minimumCases: 9) { $0.betweenness() }
    }

    func testSingleThreadAndTwoThreadsAgree() throws {
        let graph = try AnalysisFixtures.graph("lesmis", view: "weighted")
        let one = graph.betweenness(threads: 1)
        let two = graph.betweenness(threads: 2)
        for i in 0..<graph.nodeCount { XCTAssertEqual(one[i], two[i], accuracy: 1e-12) }
    }

    /// Textbook Brandes with predecessor lists, unnormalised, ordered pairs (no halving): node and arc values.
    private func referenceBrandes(_ graph: AnalysisGraph) -> (nodes: [Double], arcs: [Int: Double]) {
        let n = graph.nodeCount
        var nodes = [Double](repeating: 0, count: n)
        var arcs: [Int: Double] = [:]
        for s in 0..<n {
            var distance = [Int](repeating: -1, count: n), sigma = [Double](repeating: 0, count: n)
            var predecessors = [[Int]](repeating: [], count: n), order: [Int] = []
            distance[s] = 0; sigma[s] = 1
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1; order.append(v)
                for w in graph.neighbors(of: v).map(Int.init) {
                    if distance[w] < 0 { distance[w] = distance[v] + 1; queue.append(w) }
                    if distance[w] == distance[v] + 1 { sigma[w] += sigma[v]; predecessors[w].append(v) }
                }
            }
            var delta = [Double](repeating: 0, count: n)
            for w in order.reversed() {
                for v in predecessors[w] {
                    let share = sigma[v] / sigma[w] * (1 + delta[w])
                    delta[v] += share
                    arcs[v * n + w, default: 0] += share
                }
                if w != s { nodes[w] += delta[w] }
            }
        }
        return (nodes, arcs)
    }

    func testMatchesTextbookBrandesOnRandomGraphs() {
        // Several components, uneven levels, directed and undirected; one and two threads; nodes and ties.
        for seed in UInt64(1)...6 {
            for directed in [false, true] {
                var generator = SplitMixGenerator(seed: seed)
                let n = 80
                let edges = (0..<150).map { _ in (Int.random(in: 0..<n, using: &generator), Int.random(in: 0..<n, using: &generator)) }
                let graph = makeGraph(n, edges, directed: directed)
                let expected = referenceBrandes(graph)
                let halve = directed ? 1.0 : 0.5
                for threads in [1, 2] {
                    let got = graph.betweenness(normalized: false, threads: threads)
                    for v in 0..<n {
                        XCTAssertEqual(got[v], expected.nodes[v] * halve, accuracy: 1e-9, "node \(v) seed \(seed) directed \(directed)")
                    }
                    for tie in graph.edgeBetweenness(normalized: false, threads: threads) {
                        var want = expected.arcs[tie.from * n + tie.to, default: 0]
                        if !directed { want = (want + expected.arcs[tie.to * n + tie.from, default: 0]) * 0.5 }
                        XCTAssertEqual(tie.value, want, accuracy: 1e-9, "tie \(tie.from)-\(tie.to) seed \(seed)")
                    }
                }
            }
        }
    }

    func testPathAndStarByHand() {
        // Path 0-1-2-3: node 1 lies on (0,2) and (0,3): 2 unordered pairs; normalised by (n-1)(n-2)/2 = 3.
        let path = makeGraph(4, [(0, 1), (1, 2), (2, 3)])
        XCTAssertEqual(path.betweenness(), [0, 2.0 / 3, 2.0 / 3, 0])
        XCTAssertEqual(path.betweenness(normalized: false), [0, 2, 2, 0])
        // Star with centre 0 and 4 leaves: the centre lies on all C(4,2) = 6 pairs, normalised to 1.
        let star = makeGraph(5, [(0, 1), (0, 2), (0, 3), (0, 4)])
        XCTAssertEqual(star.betweenness(), [1, 0, 0, 0, 0])
    }

    func testDirectedByHand() {
        // 0 → 1 → 2: only (0, 2) passes through 1; normalised by (n−1)(n−2) = 2.
        let chain = makeGraph(3, [(0, 1), (1, 2)], directed: true)
        XCTAssertEqual(chain.betweenness(), [0, 0.5, 0])
        XCTAssertEqual(chain.betweenness(normalized: false), [0, 1, 0])
    }

    func testSumEqualsExcessPathLength() throws {
        // Σ_v B(v) (unnormalised, undirected) = Σ over unordered connected pairs of (d(s,t) − 1).
        let graph = try AnalysisFixtures.graph("karate", view: "undirected")
        let total = graph.betweenness(normalized: false).reduce(0, +)
        var expected = 0.0
        for s in 0..<graph.nodeCount {
            for d in graph.breadthFirstDistances(from: s) where d > 0 { expected += Double(d - 1) }
        }
        XCTAssertEqual(total, expected / 2, accuracy: 1e-9)
    }

    func testSymmetricGraphGivesSymmetricResults() {
        // A cycle: every node is equivalent.
        let cycle = makeGraph(7, (0..<7).map { ($0, ($0 + 1) % 7) })
        let values = cycle.betweenness()
        for value in values { XCTAssertEqual(value, values[0], accuracy: 1e-12) }
    }

    func testEdgeBetweennessMatchesNetworkX() throws {
        for name in ["karate", "lesmis", "florentine", "davis", "directed"] {
            let expected = try AnalysisFixtures.expected(name)
            let views = try XCTUnwrap(expected["views"] as? [String: [String: Any]])
            for view in ["undirected", "weighted"] {
                guard let rows = views[view]?["edge_betweenness"] as? [[Any]] else { continue }
                let graph = try AnalysisFixtures.graph(name, view: view)
                let got = graph.edgeBetweenness()
                XCTAssertEqual(got.count, rows.count, "\(name)/\(view)")
                var want: [String: Double] = [:]
                for row in rows {
                    guard let u = row[0] as? String, let v = row[1] as? String, let value = row[2] as? Double else { continue }
                    want[[u, v].sorted().joined(separator: " ")] = value
                }
                for edge in got {
                    let key = [graph.ids[edge.from], graph.ids[edge.to]].sorted().joined(separator: " ")
                    XCTAssertEqual(edge.value, try XCTUnwrap(want[key], key), accuracy: 1e-9, "\(name)/\(view) \(key)")
                }
            }
        }
    }

    func testSampledBetweennessRescalesLikeNetworkX() throws {
        let graph = try AnalysisFixtures.graph("karate", view: "undirected")
        // All nodes as the sample is the exact result.
        XCTAssertEqual(graph.betweenness(sources: Array(0..<graph.nodeCount)), graph.betweenness())
        var generator = SplitMixGenerator(seed: 1)
        let sources = graph.sampleSources(10, using: &generator)
        XCTAssertEqual(sources.count, 10)
        XCTAssertEqual(Set(sources).count, 10)
        let estimate = graph.betweenness(sources: sources)
        let raw = graph.brandes(sources: sources, threads: 1, edges: false, progress: nil).nodes
        let n = Double(graph.nodeCount)
        for v in 0..<graph.nodeCount {
            let scale = sources.contains(v) ? 1 / (9 * (n - 2)) : 1 / (10 * (n - 2))
            XCTAssertEqual(estimate[v], raw[v] * scale, accuracy: 1e-12)
        }
    }

    func testTinyGraphs() {
        XCTAssertEqual(makeGraph(0, []).betweenness(), [])
        XCTAssertEqual(makeGraph(1, []).betweenness(), [0])
        XCTAssertEqual(makeGraph(2, [(0, 1)]).betweenness(), [0, 0])
    }
}
