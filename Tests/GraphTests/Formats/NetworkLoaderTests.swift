import XCTest
@testable import Graph

final class NetworkLoaderTests: XCTestCase {
    func testMergesFilesBySharedId() throws {
        let folder = try temporaryFolder()
        try write("""
        sources: {a2020: Plan A}
        nodes:
          - {id: hubei, label: Hubei-provinsen, kind: region}
          - {id: telemark-fk, label: Telemark fylkeskommune, kind: county}
        edges:
          - {from: telemark-fk, to: hubei, relation: partner_of, cite: a2020}
        """, to: "a.yaml", in: folder)
        try write("""
        sources: {b2020: Plan B}
        nodes:
          - {id: hubei, label: Hubei-provinsen, kind: region, country: CN}
          - {id: vtfk, label: Vestfold og Telemark fylkeskommune, kind: county}
        edges:
          - {from: vtfk, to: hubei, relation: partner_of, cite: b2020}
        """, to: "b.yml", in: folder)
        try write("not a network", to: "notes.txt", in: folder)
        let result = NetworkLoader.load([folder.path])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.network.nodes.map(\.id), ["hubei", "telemark-fk", "vtfk"])
        XCTAssertEqual(result.network.node("hubei")?.country, "CN")
        XCTAssertEqual(result.network.edges.count, 2)
        XCTAssertEqual(Set(result.network.sources.keys), ["a2020", "b2020"])
        XCTAssertEqual(NetworkStatistics(result.network).components, 1)
    }

    func testConflictingValuesNameBothFiles() throws {
        let folder = try temporaryFolder()
        let a = try write("nodes:\n  - {id: hubei, label: Hubei, kind: region, country: CN}\n", to: "a.yaml", in: folder)
        let b = try write("nodes:\n  - id: hubei\n    label: Hubei\n    kind: network\n    country: DE\n", to: "b.yaml", in: folder)
        let messages = NetworkLoader.load([a, b]).errors.map(\.description)
        XCTAssertEqual(messages, [
            "\(b):2: error: node 'hubei': kind 'network' conflicts with 'region' in \(a):2",
            "\(b):2: error: node 'hubei': country 'DE' conflicts with 'CN' in \(a):2",
        ])
    }

    func testEveryValidationErrorWithItsLine() throws {
        let folder = try temporaryFolder()
        let path = try write("""
        sources:
          s1: Plan
        nodes:
          - {id: a, label: A, kind: county}
          - {id: b, label: B, kind: spaceship}
          - {id: lonely, label: L, kind: county}
        edges:
          - {from: a, to: b, relation: flies_to, cite: s1}
          - {from: a, to: ghost, relation: funds, cite: s1}
          - {from: a, to: b, relation: funds, cite: s9}
          - {from: a, to: b, relation: funds, cite: s1, since: 2020, until: 2010}
          - {from: a, to: b, relation: funds}
        """, to: "net.yaml", in: folder)
        let result = NetworkLoader.load([path])
        let errors = result.errors.map { "\($0.location?.line ?? 0): \($0.message)" }
        XCTAssertEqual(errors.count, 5)
        XCTAssertTrue(errors[0].hasPrefix("5: node 'b': unknown kind 'spaceship' (known: agency, "), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("8: edge a → b: unknown relation 'flies_to' (known: addresses, "), errors[1])
        XCTAssertEqual(Array(errors[2...]), [
            "9: edge a → ghost: no node with id 'ghost'",
            "10: edge a → b: cites 's9', which is not declared under 'sources:'",
            "11: edge a → b: since 2020 is after until 2010",
        ])
        XCTAssertEqual(result.warnings.map(\.description), [
            "\(path):6: warning: node 'lonely' has no ties (isolated)",
            "\(path):12: warning: edge a → b (funds) cites no source",
        ])
        XCTAssertThrowsError(try NetworkLoader.loadValid([path])) { error in
            guard case GraphError.invalidInput(let diagnostics) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(diagnostics.count, 5)
        }
    }

    func testDeclaredKindsAndRelations() throws {
        let folder = try temporaryFolder()
        let path = try write("""
        sources: {s: S}
        kinds:
          foundation: {label: Foundation, color: "#999999"}
        relations:
          succeeded_by: {symmetric: false}
        nodes:
          - {id: a, label: A, kind: foundation}
          - {id: b, label: B, kind: county}
        edges:
          - {from: a, to: b, relation: succeeded_by, cite: s, since: 2018}
        """, to: "net.yaml", in: folder)
        let result = NetworkLoader.load([path])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.network.kinds["foundation"]?.color, "#999999")
        XCTAssertEqual(result.network.isSymmetric("succeeded_by"), false)
        XCTAssertEqual(result.network.isSymmetric("partner_of"), true)
    }

    func testMissingInputsAndUnknownExtensions() throws {
        let folder = try temporaryFolder()
        let odd = try write("x", to: "net.xls", in: folder)
        let messages = NetworkLoader.load([folder.appendingPathComponent("missing.yaml").path, odd]).errors.map(\.message)
        XCTAssertEqual(messages.count, 2)
        XCTAssertTrue(messages.contains("no such file or folder"))
        XCTAssertTrue(messages.contains { $0.hasPrefix("unknown file type '.xls'") })
    }

    func testSelfLoopsAndCyclesLoad() throws {
        let folder = try temporaryFolder()
        let path = try write("""
        sources: {s: S}
        nodes: [{id: a, kind: county}, {id: b, kind: county}, {id: c, kind: county}]
        edges:
          - {from: a, to: a, relation: cooperates_with, cite: s}
          - {from: a, to: b, relation: funds, cite: s}
          - {from: b, to: c, relation: funds, cite: s}
          - {from: c, to: a, relation: funds, cite: s}
        """, to: "cycle.yaml", in: folder)
        let network = try NetworkLoader.loadValid([path]).network
        let graph = AnalysisGraph(network)
        XCTAssertEqual(graph.edgeCount, 3, "self-loop dropped, cycle kept")
        XCTAssertEqual(graph.connectedComponents(), [[0, 1, 2]])
    }

    func testFilterByYearKindAndRelation() throws {
        var network = Network(sources: ["s": Source(id: "s", title: "S")])
        for (id, kind) in [("a", "county"), ("b", "programme"), ("c", "region")] { network.upsert(Node(id: id, kind: kind)) }
        network.edges = [
            Edge(from: "a", to: "b", relation: "manages", since: 2014, until: 2019),
            Edge(from: "a", to: "c", relation: "partner_of", since: 2020),
        ]
        XCTAssertEqual(AnalysisGraph(network, filter: GraphFilter(year: 2016)).edgeCount, 1)
        XCTAssertEqual(AnalysisGraph(network, filter: GraphFilter(year: 2021)).edgeCount, 1)
        XCTAssertEqual(AnalysisGraph(network, filter: GraphFilter(kinds: ["county", "region"])).ids, ["a", "c"])
        XCTAssertEqual(AnalysisGraph(network, filter: GraphFilter(relations: ["manages"])).edgeCount, 1)
        XCTAssertEqual(GraphFilter(kinds: ["university"]).problems(in: network).count, 1)
    }

    func testManyWarningsOfOneKindAreSummarised() throws {
        var network = Network()
        for i in 0..<61 { network.upsert(Node(id: "n\(i)", kind: "county")) }
        network.edges = (0..<60).map { Edge(from: "n\($0)", to: "n\($0 + 1)", relation: "funds") }
        network.upsert(Node(id: "lonely", kind: "county"))
        let warnings = NetworkValidator.validate(network)
        XCTAssertEqual(warnings.filter { $0.message.hasSuffix("cites no source") }.count, NetworkValidator.listedWarningsPerKind)
        XCTAssertTrue(warnings.contains { $0.message == "55 more edges cite no source (60 in all; the first 5 are listed)" && $0.omitted?.count == 55 })
        XCTAssertEqual(DiagnosticSummary.count(warnings, .warning), 61, "the counted ones are in the total")
        XCTAssertTrue(warnings.contains { $0.message == "node 'lonely' has no ties (isolated)" }, "other kinds are counted apart")
        XCTAssertTrue(warnings.allSatisfy { $0.severity == .warning })
    }
}
