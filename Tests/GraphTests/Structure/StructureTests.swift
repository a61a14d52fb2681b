import XCTest
@testable import Graph

final class ClusteringTests: XCTestCase {
    func testMatchesNetworkX() throws {
        try assertMatchesNetworkX("clustering", minimumCases: 9) { $0.clustering() }
    }

    func testTriangleWithTail() {
        let graph = makeGraph(4, [(0, 1), (1, 2), (0, 2), (2, 3)])
        XCTAssertEqual(graph.clustering(), [1, 1, 1.0 / 3, 0])
        XCTAssertEqual(graph.averageClustering(), (2 + 1.0 / 3) / 4, accuracy: 1e-12)
    }
}

final class KCoreTests: XCTestCase {
    func testMatchesNetworkX() throws {
        try assertMatchesNetworkX("core_number", minimumCases: 6) { $0.coreNumbers().map(Double.init) }
    }

    func testCliqueWithPendant() {
        let graph = makeGraph(5, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4)])
        XCTAssertEqual(graph.coreNumbers(), [3, 3, 3, 3, 1])
    }
}

final class StructuralHolesTests: XCTestCase {
    func testConstraintMatchesNetworkX() throws {
        try assertMatchesNetworkX("constraint", minimumCases: 9) { $0.constraint() }
    }

    func testEffectiveSizeMatchesNetworkX() throws {
        try assertMatchesNetworkX("effective_size", minimumCases: 9) { $0.effectiveSize() }
    }

    func testStarByHand() {
        // The centre of a star with 3 leaves: three non-redundant contacts, constraint 3·(1/3)² = 1/3.
        let star = makeGraph(5, [(0, 1), (0, 2), (0, 3)])
        XCTAssertEqual(star.effectiveSize()[0], 3, accuracy: 1e-12)
        XCTAssertEqual(star.constraint()[0], 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(star.constraint()[1], 1, accuracy: 1e-12)
        XCTAssertTrue(star.constraint()[4].isNaN)
        XCTAssertTrue(star.effectiveSize()[4].isNaN)
    }
}

final class DistancesTests: XCTestCase {
    func testGraphLevelValuesMatchNetworkX() throws {
        for name in AnalysisFixtures.names {
            let expected = try XCTUnwrap(try AnalysisFixtures.expected(name)["structure"] as? [String: Any])
            let graph = try AnalysisFixtures.graph(name, view: "undirected")
            let components = graph.connectedComponents()
            XCTAssertEqual(components.count, expected["components"] as? Int, name)
            XCTAssertEqual(components.map(\.count), expected["component_sizes"] as? [Int], name)
            XCTAssertEqual(graph.edgeCount, expected["edges"] as? Int, name)
            XCTAssertEqual(graph.density, try XCTUnwrap(expected["density"] as? Double), accuracy: 1e-12, name)
            let (diameters, average) = graph.distanceStatistics()
            XCTAssertEqual(diameters, (expected["diameters"] as? [Int])?.map(Double.init), name)
            XCTAssertEqual(average, try XCTUnwrap(expected["average_path_length"] as? Double), accuracy: 1e-9, name)
            XCTAssertEqual(graph.averageClustering(), try XCTUnwrap(expected["average_clustering"] as? Double), accuracy: 1e-9, name)
            let distribution = try XCTUnwrap(expected["degree_distribution"] as? [String: Int])
            XCTAssertEqual(graph.degreeDistribution(), Dictionary(uniqueKeysWithValues: distribution.map { (Int($0.key) ?? -1, $0.value) }), name)
        }
    }

    func testDisconnectedPathsByHand() {
        // 0-1-2 and 3-4: diameters 2 and 1; ordered pairs: 1,1,2 twice each (8 over 6) and 1 twice (2 over 2).
        let graph = makeGraph(5, [(0, 1), (1, 2), (3, 4)])
        let (diameters, average) = graph.distanceStatistics()
        XCTAssertEqual(diameters, [2, 1])
        XCTAssertEqual(average, 10.0 / 8.0, accuracy: 1e-12)
    }

    /// The per-node component numbers (`centrality --measures component`): 1 for the largest, equal sizes by
    /// lowest node, as `connectedComponents()` lists them; on the fixtures too.
    func testComponentNumbers() throws {
        XCTAssertEqual(makeGraph(7, [(5, 6), (1, 2), (2, 3), (0, 4)]).componentNumbers(), [2, 1, 1, 1, 2, 3, 3])
        for name in AnalysisFixtures.names {
            let graph = try AnalysisFixtures.graph(name, view: "undirected")
            let numbers = graph.componentNumbers()
            for (k, members) in graph.connectedComponents().enumerated() {
                XCTAssertEqual(Set(members.map { numbers[$0] }), [k + 1], name)
            }
        }
    }

    func testDegreeAndStrengthByHand() throws {
        let graph = makeGraph(3, [(0, 1), (0, 1), (1, 2)], weights: [2, 3, 1])
        XCTAssertEqual(try graph.values(of: .degree), [1, 2, 1])
        XCTAssertEqual(try graph.values(of: .strength), [5, 6, 1])
    }

    func testBuilderMergesParallelTiesAndDropsSelfLoops() {
        let graph = makeGraph(3, [(2, 1), (1, 2), (0, 0), (0, 2), (2, 1)], directed: true, weights: [1, 2, 5, 4, 3])
        XCTAssertEqual(graph.offsets, [0, 1, 2, 3])
        XCTAssertEqual(graph.targets, [2, 2, 1])
        XCTAssertEqual(graph.weights, [4, 2, 4])
        XCTAssertEqual(graph.reverseTargets, [2, 0, 1])
        XCTAssertEqual(graph.reverseWeights, [4, 4, 2])
    }
}

final class NetworkStatisticsTests: XCTestCase {
    func testStatsCarryStructureOfFixtures() throws {
        for name in ["karate", "florentine"] {
            let expected = try XCTUnwrap(try AnalysisFixtures.expected(name)["structure"] as? [String: Any])
            let stats = NetworkStatistics(try AnalysisFixtures.network(name))
            XCTAssertEqual(stats.components, expected["components"] as? Int)
            XCTAssertEqual(stats.diameters, expected["diameters"] as? [Int])
            XCTAssertEqual(try XCTUnwrap(stats.averagePathLength), try XCTUnwrap(expected["average_path_length"] as? Double), accuracy: 1e-9)
            XCTAssertEqual(stats.averageClustering, try XCTUnwrap(expected["average_clustering"] as? Double), accuracy: 1e-9)
            let json = stats.jsonObject
            for key in ["nodes", "edges", "components", "largest_component", "density", "isolated", "diameter", "diameters",
                        "average_path_length", "average_clustering", "degree_distribution", "component_sizes"] {
                XCTAssertNotNil(json[key], key)
            }
        }
    }

    func testEmptyNetworkHasZeroStructure() {
        let stats = NetworkStatistics(Network())
        XCTAssertEqual(stats.components, 0)
        XCTAssertEqual(stats.diameters, [])
        XCTAssertEqual(stats.averagePathLength, 0)
        XCTAssertEqual(stats.averageClustering, 0)
        XCTAssertEqual(stats.degreeDistribution, [:])
    }
}
