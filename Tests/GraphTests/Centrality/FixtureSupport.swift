import Foundation
import XCTest
@testable import Graph

/// The analysis fixtures under Tests/Fixtures (CSV pairs plus NetworkX's values, see make_fixtures.py).
enum AnalysisFixtures {
    static let names = ["karate", "lesmis", "florentine", "davis", "directed"]

    static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Tests/Fixtures")
    }

    static func network(_ name: String) throws -> Network {
        try NetworkLoader.loadValid([root.appendingPathComponent(name).path]).network
    }

    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(name).appendingPathComponent("expected.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The analysis graph of a fixture in one of the views make_fixtures.py computed.
    static func graph(_ name: String, view: String) throws -> AnalysisGraph {
        let network = try network(name)
        switch view {
        case "undirected": return AnalysisGraph(network)
        case "weighted": return AnalysisGraph(network, weighted: true)
        case "directed": return AnalysisGraph(network, directed: true)
        case "directed_weighted": return AnalysisGraph(network, directed: true, weighted: true)
        default: throw GraphError.invalidArgument("unknown view \(view)")
        }
    }

    /// Every (fixture, view, expected node values) for a measure key.
    static func cases(for key: String) throws -> [(fixture: String, view: String, graph: AnalysisGraph, values: [String: Double?])] {
        var result: [(String, String, AnalysisGraph, [String: Double?])] = []
        for name in names {
            let expected = try expected(name)
            let views = try XCTUnwrap(expected["views"] as? [String: [String: Any]])
            for (view, measures) in views.sorted(by: { $0.key < $1.key }) {
                guard let table = measures[key] as? [String: Any] else { continue }
                let values = table.mapValues { $0 as? Double }
                result.append((name, view, try graph(name, view: view), values))
            }
        }
        return result
    }
}

/// Asserts that `compute` reproduces NetworkX's values for `key` on every fixture view to `accuracy`.
func assertMatchesNetworkX(_ key: String, accuracy: Double = 1e-6, minimumCases: Int = 1,
                           file: StaticString = #filePath, line: UInt = #line,
                           _ compute: (AnalysisGraph) throws -> [Double]) throws {
    let cases = try AnalysisFixtures.cases(for: key)
    XCTAssertGreaterThanOrEqual(cases.count, minimumCases, "fixtures for \(key)", file: file, line: line)
    for (fixture, view, graph, expected) in cases {
        let values = try compute(graph)
        XCTAssertEqual(values.count, graph.nodeCount, file: file, line: line)
        XCTAssertEqual(expected.count, graph.nodeCount, "\(fixture)/\(view): node count", file: file, line: line)
        for (index, id) in graph.ids.enumerated() {
            guard let want = expected[id] else { XCTFail("\(fixture)/\(view): no expected \(key) for \(id)", file: file, line: line); continue }
            let got = values[index]
            if let want {
                XCTAssertEqual(got, want, accuracy: accuracy, "\(fixture)/\(view) \(key) of \(id)", file: file, line: line)
            } else {
                XCTAssertTrue(got.isNaN, "\(fixture)/\(view) \(key) of \(id): expected NaN, got \(got)", file: file, line: line)
            }
        }
    }
}

/// A graph from an edge list on nodes "0"..."n-1".
func makeGraph(_ n: Int, _ edges: [(Int, Int)], directed: Bool = false, weights: [Double]? = nil) -> AnalysisGraph {
    let list = edges.enumerated().map { ($0.element.0, $0.element.1, weights?[$0.offset] ?? 1) }
    return AnalysisGraph(ids: (0..<n).map(String.init), edges: list, directed: directed, weighted: weights != nil)
}
