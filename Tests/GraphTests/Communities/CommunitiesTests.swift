import XCTest
@testable import Graph

final class CommunitiesTests: XCTestCase {
    func testModularityFormulaAgainstNetworkX() throws {
        for (name, weighted, key) in [("karate", false, "modularity"), ("lesmis", true, "modularity_weighted")] {
            let graph = AnalysisGraph(try RelationsFixture.network(name), weighted: weighted)
            let n = graph.nodeCount
            let facts = try XCTUnwrap(try RelationsFixture.value(name, key) as? [String: Double])
            for (label, expected) in facts {
                let parts = label.split(separator: "|")
                let resolution = try XCTUnwrap(Double(parts[1]))
                let labels = parts[0] == "halves" ? (0..<n).map { $0 < n / 2 ? 0 : 1 } : (0..<n).map { $0 % 3 }
                XCTAssertEqual(graph.modularity(Partition(labels: labels), resolution: resolution), expected, accuracy: 1e-12, "\(name) \(label)")
            }
        }
        let karate = AnalysisGraph(try RelationsFixture.network("karate"))
        XCTAssertEqual(karate.modularity(.singletons(karate.nodeCount)),
                       try XCTUnwrap(try RelationsFixture.value("karate", "singletons_modularity") as? Double), accuracy: 1e-12)
    }

    /// Modularity within 2% of NetworkX's `louvain_communities` at the same resolution: Louvain is randomised,
    /// so the mean over 20 seeds is compared with NetworkX's mean over 50 seeds, and no single run may fall more
    /// than 2% below NetworkX's worst run.
    func testLouvainAndLeidenReachNetworkXModularity() throws {
        for (name, weighted, key) in [("karate", false, "louvain"), ("lesmis", false, "louvain"), ("lesmis", true, "louvain_weighted")] {
            let graph = AnalysisGraph(try RelationsFixture.network(name), weighted: weighted)
            let facts = try XCTUnwrap(try RelationsFixture.value(name, key) as? [String: [String: Double]])
            XCTAssertEqual(facts.count, 3)
            for (resolutionText, values) in facts {
                let resolution = try XCTUnwrap(Double(resolutionText))
                let mean = try XCTUnwrap(values["mean"]), worst = try XCTUnwrap(values["worst"])
                for algorithm in ["louvain", "leiden"] {
                    var total = 0.0
                    for seed in UInt64(0)..<20 {
                        var generator = SplitMixGenerator(seed: seed)
                        let partition = algorithm == "louvain"
                            ? graph.louvain(resolution: resolution, using: &generator)
                            : graph.leiden(resolution: resolution, using: &generator)
                        let q = graph.modularity(partition, resolution: resolution)
                        XCTAssertGreaterThanOrEqual(q, worst - 0.02 * abs(worst), "\(algorithm) \(name) w=\(weighted) γ=\(resolution) seed \(seed)")
                        total += q
                    }
                    XCTAssertGreaterThanOrEqual(total / 20, mean - 0.02 * abs(mean), "\(algorithm) \(name) w=\(weighted) γ=\(resolution)")
                }
            }
        }
    }

    /// Every node in exactly one community, Leiden's communities connected, modularity not below singletons,
    /// same seed same partition.
    func testInvariants() throws {
        for name in ["karate", "lesmis", "mini.yaml"] {
            let graph = AnalysisGraph(try RelationsFixture.network(name))
            let singletons = graph.modularity(.singletons(graph.nodeCount))
            for seed in UInt64(0)..<8 {
                for algorithm in ["louvain", "leiden", "label-propagation"] {
                    var generator = SplitMixGenerator(seed: seed)
                    let partition: Partition
                    switch algorithm {
                    case "louvain": partition = graph.louvain(using: &generator)
                    case "leiden": partition = graph.leiden(using: &generator)
                    default: partition = graph.labelPropagation(using: &generator)
                    }
                    XCTAssertEqual(partition.community.count, graph.nodeCount)
                    XCTAssertEqual(partition.members.map(\.count).reduce(0, +), graph.nodeCount)
                    XCTAssertEqual(Set(partition.community), Set((0..<partition.count).map { Int32($0) }))
                    XCTAssertTrue(partition.members.allSatisfy { !$0.isEmpty })
                    if algorithm != "label-propagation" {
                        XCTAssertGreaterThanOrEqual(graph.modularity(partition), singletons - 1e-12, "\(algorithm) \(name) \(seed)")
                    }
                    if algorithm == "leiden" {
                        XCTAssertEqual(graph.splitDisconnected(partition.community).max().map { Int($0) + 1 }, partition.count,
                                       "leiden community not connected: \(name) seed \(seed)")
                    }
                    var again = SplitMixGenerator(seed: seed)
                    let repeated: Partition
                    switch algorithm {
                    case "louvain": repeated = graph.louvain(using: &again)
                    case "leiden": repeated = graph.leiden(using: &again)
                    default: repeated = graph.labelPropagation(using: &again)
                    }
                    XCTAssertEqual(repeated, partition)
                }
            }
        }
    }

    func testSplitDisconnectedAndTrivialGraphs() {
        // Two triangles joined by nothing, labelled as one community: split into two.
        let graph = AnalysisGraph(ids: ["a", "b", "c", "d", "e", "f"],
                                  edges: [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1), (4, 5, 1), (3, 5, 1)], directed: false)
        let split = graph.splitDisconnected([0, 0, 0, 0, 0, 0])
        XCTAssertEqual(Partition(labels: split).count, 2)
        XCTAssertGreaterThan(graph.modularity(Partition(labels: split)), graph.modularity(Partition(labels: [0, 0, 0, 0, 0, 0])))
        var generator = SplitMixGenerator(seed: 1)
        XCTAssertEqual(graph.louvain(using: &generator).count, 2)
        XCTAssertEqual(graph.leiden(using: &generator).count, 2)
        XCTAssertEqual(graph.labelPropagation(using: &generator).count, 2)
        let empty = AnalysisGraph(ids: ["a", "b"], edges: [], directed: false)
        XCTAssertEqual(empty.louvain(using: &generator).count, 2)
        XCTAssertEqual(empty.modularity(.singletons(2)), 0)
    }

    func testAssortativityAgainstNetworkX() throws {
        let karate = try RelationsFixture.network("karate")
        XCTAssertEqual(try XCTUnwrap(karate.assortativity(by: "club")),
                       try XCTUnwrap(try RelationsFixture.value("karate", "assortativity_club") as? Double), accuracy: 1e-9)
        let mini = try RelationsFixture.network("mini.yaml")
        XCTAssertEqual(try XCTUnwrap(mini.assortativity(by: "kind")),
                       try XCTUnwrap(try RelationsFixture.value("mini", "assortativity_kind") as? Double), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(mini.assortativity(by: "country")),
                       try XCTUnwrap(try RelationsFixture.value("mini", "assortativity_country") as? Double), accuracy: 1e-9)
        // One single category: 0/0, reported as nil.
        XCTAssertNil(karate.assortativity(by: "kind"))
    }

    /// Leiden run to convergence (igraph's `n_iterations = -1`) reaches at least the modularity of igraph's
    /// Leiden to convergence on karate and Les Misérables (mean over 20 seeds against igraph's mean over 50,
    /// values from `Tests/Fixtures/communities/make_igraph_leiden.py`); the default of 4 iterations and igraph's
    /// own 2 iterations both reach at least igraph's 2 iterations (mean over 50 seeds each); the default is never below netmap's own Louvain with the same seed, on those and on the bundled
    /// data; every community is connected.
    func testLeidenReachesIgraphsModularityAndItsOwnLouvains() throws {
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/communities/igraph_leiden.json")
        let igraph = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: [String: Double]]])
        let bundled = try NetworkLoader.loadValid([packageRoot.appendingPathComponent("data").path]).network
        for name in ["karate", "lesmis", "data"] {
            let graph = AnalysisGraph(name == "data" ? bundled : try RelationsFixture.network(name))
            var total = 0.0
            for seed in UInt64(0)..<20 {
                var generator = SplitMixGenerator(seed: seed)
                let leiden = graph.leiden(using: &generator)
                var again = SplitMixGenerator(seed: seed)
                let louvain = graph.louvain(using: &again)
                XCTAssertGreaterThanOrEqual(graph.modularity(leiden), graph.modularity(louvain) - 1e-12, "\(name) seed \(seed)")
                XCTAssertEqual(graph.splitDisconnected(leiden.community).max().map { Int($0) + 1 }, leiden.count, "\(name) seed \(seed)")
                var once = SplitMixGenerator(seed: seed)
                let converged = graph.leiden(iterations: nil, using: &once)
                XCTAssertEqual(graph.splitDisconnected(converged.community).max().map { Int($0) + 1 }, converged.count, "\(name) seed \(seed)")
                total += graph.modularity(converged)
            }
            if let reference = igraph[name]?["leiden_converged"]?["mean"] {
                XCTAssertGreaterThanOrEqual(total / 20, reference - 1e-9, name)
            }
            if let reference = igraph[name]?["leiden_two_iterations"]?["mean"] {
                // With 2 iterations as igraph, some runs stop short of the optimum (karate: Q 0.4188 against 0.4198);
                // before netmap's final settling pass the two tools' means were tied within noise (karate 0.41967
                // against igraph's 0.41973 over 400 seeds), and the settling pass lifts
                // netmap's to at least igraph's. The default of 4 iterations reaches the optimum on both in all 50 seeds.
                var totalDefault = 0.0, totalTwoIterations = 0.0
                for seed in UInt64(0)..<50 {
                    var generator = SplitMixGenerator(seed: seed)
                    totalDefault += graph.modularity(graph.leiden(using: &generator))
                    var two = SplitMixGenerator(seed: seed)
                    totalTwoIterations += graph.modularity(graph.leiden(iterations: 2, using: &two))
                }
                XCTAssertGreaterThanOrEqual(totalDefault / 50, reference - 1e-12, "\(name), default iterations")
                XCTAssertGreaterThanOrEqual(totalTwoIterations / 50, reference - 1e-12, "\(name), 2 iterations")
            }
        }
    }

    /// After Louvain and Leiden no single node can raise modularity by moving, to a neighbouring community or
    /// alone into a new one: both end with a local-moving pass over the original nodes. Without that pass
    /// (NetworkX and igraph stop after the last level) some nodes on these graphs could still gain.
    func testNoSingleNodeCanRaiseModularityByMoving() throws {
        let bundled = try NetworkLoader.loadValid([packageRoot.appendingPathComponent("data").path]).network
        var checkedMoves = 0
        for name in ["karate", "lesmis", "data"] {
            let graph = AnalysisGraph(name == "data" ? bundled : try RelationsFixture.network(name))
            let level = CommunityLevel(graph)
            let n = graph.nodeCount
            for seed in UInt64(0)..<10 {
                for algorithm in ["louvain", "leiden 2", "leiden"] {
                    var generator = SplitMixGenerator(seed: seed)
                    let partition: Partition
                    switch algorithm {
                    case "louvain": partition = graph.louvain(using: &generator)
                    case "leiden 2": partition = graph.leiden(iterations: 2, using: &generator)
                    default: partition = graph.leiden(using: &generator)
                    }
                    var total = [Double](repeating: 0, count: n)
                    for u in 0..<n { total[Int(partition.community[u])] += level.strength[u] }
                    var linkWeight = [Double](repeating: 0, count: n)
                    var touched: [Int32] = []
                    for u in 0..<n {
                        let move = level.bestMove(of: u, community: partition.community, total: total, resolution: 1,
                                                  linkWeight: &linkWeight, touched: &touched)
                        XCTAssertEqual(move.community, Int(partition.community[u]),
                                       "\(algorithm) \(name) seed \(seed): \(graph.ids[u]) gains \(move.gain) by moving")
                        XCTAssertLessThanOrEqual(move.leaveGain, 1e-9, "\(algorithm) \(name) seed \(seed): \(graph.ids[u]) gains by leaving")
                        checkedMoves += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checkedMoves, 1000)
    }

    /// The same seed gives the same Leiden partition; a fixed number of iterations is honoured.
    func testLeidenIsSeeded() throws {
        let graph = AnalysisGraph(try RelationsFixture.network("lesmis"), weighted: true)
        var a = SplitMixGenerator(seed: 7), b = SplitMixGenerator(seed: 7)
        XCTAssertEqual(graph.leiden(using: &a), graph.leiden(using: &b))
        var c = SplitMixGenerator(seed: 7), d = SplitMixGenerator(seed: 7)
        XCTAssertEqual(graph.leiden(iterations: 2, using: &c), graph.leiden(iterations: 2, using: &d))
        var converged = SplitMixGenerator(seed: 7)
        XCTAssertGreaterThanOrEqual(graph.modularity(graph.leiden(iterations: nil, using: &converged)),
                                    graph.modularity(graph.leiden(iterations: 1, using: &c)) - 1e-12)
        var greedy = SplitMixGenerator(seed: 7)
        XCTAssertGreaterThan(graph.modularity(graph.leiden(iterations: 1, randomness: 1e-6, using: &greedy)), 0.5)
    }
}
