import XCTest
@testable import Graph

final class ShortestPathsTests: XCTestCase {
    /// Hop and weighted distances, all-shortest-path and simple-path counts against NetworkX.
    func testAgainstNetworkX() throws {
        for (name, weighted) in [("karate", false), ("lesmis", true), ("mini.yaml", false)] {
            let network = try RelationsFixture.network(name)
            let key = name.replacingOccurrences(of: ".yaml", with: "")
            let facts = try XCTUnwrap(try RelationsFixture.value(key, "paths") as? [String: Any])
            let graph = AnalysisGraph(network)
            let lengths = try XCTUnwrap(facts["lengths"] as? [String: [String: Int]])
            XCTAssertFalse(lengths.isEmpty)
            for (source, expected) in lengths {
                let distance = graph.shortestDistances(from: try XCTUnwrap(graph.index(of: source)))
                for (i, id) in graph.ids.enumerated() {
                    if let hops = expected[id] { XCTAssertEqual(distance[i], Double(hops), "\(name) \(source)→\(id)") }
                    else { XCTAssertEqual(distance[i], .infinity, "\(name) \(source)→\(id)") }
                }
            }
            for (pair, count) in try XCTUnwrap(facts["all_shortest_counts"] as? [String: Int]) {
                let ends = pair.split(separator: "|").map(String.init)
                let paths = try network.paths(from: ends[0], to: ends[1], query: PathQuery(mode: .allShortest, limit: 10_000))
                XCTAssertEqual(paths.count, count, "\(name) all shortest \(pair)")
                XCTAssertEqual(Set(paths.map(\.nodes)).count, paths.count)
            }
            for (pair, count) in try XCTUnwrap(facts["simple_path_counts_cutoff3"] as? [String: Int]) {
                let ends = pair.split(separator: "|").map(String.init)
                let paths = try network.paths(from: ends[0], to: ends[1], query: PathQuery(mode: .allSimple(maxLength: 3), limit: 100_000))
                XCTAssertEqual(paths.count, count, "\(name) simple ≤3 \(pair)")
                XCTAssertTrue(paths.allSatisfy { Set($0.nodes).count == $0.nodes.count && $0.hops.count <= 3 })
            }
            guard weighted else { continue }
            let weightedGraph = network.pathGraph(weighted: true).0
            for (source, expected) in try XCTUnwrap(facts["weighted_lengths"] as? [String: [String: Double]]) {
                let distance = weightedGraph.shortestDistances(from: try XCTUnwrap(weightedGraph.index(of: source)))
                for (id, d) in expected {
                    XCTAssertEqual(distance[try XCTUnwrap(weightedGraph.index(of: id))], d, accuracy: 1e-9, "\(source)→\(id)")
                }
            }
            for (pair, count) in try XCTUnwrap(facts["weighted_all_shortest_counts"] as? [String: Int]) {
                let ends = pair.split(separator: "|").map(String.init)
                let paths = try network.paths(from: ends[0], to: ends[1], query: PathQuery(mode: .allShortest, weighted: true, limit: 10_000))
                XCTAssertEqual(paths.count, count, "weighted all shortest \(pair)")
            }
        }
    }

    /// The triangle inequality holds on every tie: dist[v] ≤ dist[u] + w(u, v).
    func testDistancesAreConsistent() throws {
        let network = try RelationsFixture.network("lesmis")
        let graph = network.pathGraph(weighted: true).0
        let distance = graph.shortestDistances(from: 0)
        for u in 0..<graph.nodeCount {
            for slot in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                XCTAssertLessThanOrEqual(distance[Int(graph.targets[slot])], distance[u] + graph.weights[slot] + 1e-9)
            }
        }
    }

    func testHopsNameTheTieAndItsDirection() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let path = try XCTUnwrap(try network.paths(from: "telemark-fk", to: "kaunas").first)
        XCTAssertEqual(path.nodes, ["telemark-fk", "schleswig-holstein", "kaunas"])
        XCTAssertEqual(path.length, 2)
        XCTAssertEqual(path.hops.map { network.edges[$0.edge].relation }, ["partner_of", "cooperates_with"])
        XCTAssertEqual(path.hops.map(\.direction), [.both, .both])
        XCTAssertEqual(network.citationText(network.edges[path.hops[0].edge]), "plan-b, s. 6")

        let member = try XCTUnwrap(try network.paths(from: "cpmr", to: "trondelag-fk").first)
        XCTAssertEqual(member.hops.map(\.direction), [.backward])
        XCTAssertEqual(network.arrow(member.hops[0]), "←member_of—")
    }

    func testAvoidMaxLengthAndNoPath() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let around = try network.paths(from: "telemark-fk", to: "kaunas", query: PathQuery(avoid: ["schleswig-holstein"]))
        XCTAssertEqual(around.first?.nodes.contains("schleswig-holstein"), false)
        XCTAssertEqual(around.first?.hops.count, 3)   // telemark → vestfold og telemark → cpmr → kaunas
        XCTAssertTrue(try network.paths(from: "telemark-fk", to: "kaunas", query: PathQuery(maxLength: 1)).isEmpty)
        XCTAssertTrue(try network.paths(from: "telemark-fk", to: "kaunas",
                                        query: PathQuery(avoid: ["schleswig-holstein", "cpmr"])).isEmpty)
        XCTAssertThrowsError(try network.paths(from: "telemark-fk", to: "kaunas", query: PathQuery(avoid: ["kaunas"])))
        let onlyCounties = GraphFilter(kinds: ["county"])
        XCTAssertThrowsError(try network.paths(from: "telemark-fk", to: "kaunas", query: PathQuery(filter: onlyCounties)))
    }

    func testAllShortestIsOrderedAndLimited() throws {
        let network = try RelationsFixture.network("mini.yaml")
        let all = try network.paths(from: "trondelag-fk", to: "vestfold-fk", query: PathQuery(mode: .allShortest))
        XCTAssertEqual(all.count, 3)
        let one = try network.paths(from: "trondelag-fk", to: "vestfold-fk")
        XCTAssertEqual(one, [all[0]])
        XCTAssertEqual(try network.paths(from: "trondelag-fk", to: "vestfold-fk", query: PathQuery(mode: .allShortest, limit: 2)),
                       Array(all.prefix(2)))
    }
}
