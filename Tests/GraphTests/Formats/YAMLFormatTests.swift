import XCTest
@testable import Graph

final class YAMLFormatTests: XCTestCase {
    let example = """
    network: Trøndelag — internasjonalt handlingsprogram 2020–2023
    sources:
      thp2020:
        title: Internasjonalt handlingsprogram 2020–2023
        publisher: Trøndelag fylkeskommune
        year: 2020
    nodes:
      - id: trondelag-fk
        label: Trøndelag fylkeskommune
        kind: county
        country: NO
        tags: [public]
      - id: interreg-se-no
        label: Interreg Sverige–Norge
        kind: programme
    edges:
      - from: trondelag-fk
        to: interreg-se-no
        relation: manages
        cite: thp2020
        page: Vedlegg 2
        since: 2014
        weight: 2.5
        note: leads the programme
    """

    func testReadsTheDocumentedExample() throws {
        let document = readYAML(example)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.name, "Trøndelag — internasjonalt handlingsprogram 2020–2023")
        XCTAssertEqual(document.sources.map(\.id), ["thp2020"])
        XCTAssertEqual(document.sources.first?.year, 2020)
        XCTAssertEqual(document.nodes.map(\.id), ["trondelag-fk", "interreg-se-no"])
        XCTAssertEqual(document.nodes[0].label, "Trøndelag fylkeskommune")
        XCTAssertEqual(document.nodes[0].tags, ["public"])
        XCTAssertEqual(document.nodes[0].location, SourceLocation(file: "test.yaml", line: 8))
        let edge = try XCTUnwrap(document.edges.first)
        XCTAssertEqual(edge.relation, "manages")
        XCTAssertEqual(edge.citations, [Citation(source: "thp2020", page: "Vedlegg 2")])
        XCTAssertEqual(edge.since, 2014)
        XCTAssertNil(edge.until)
        XCTAssertEqual(edge.weight, 2.5)
        XCTAssertEqual(edge.attributes["note"], "leads the programme")
        XCTAssertEqual(edge.location?.line, 17)
    }

    /// The YAML "Norway problem": scalars keep the text the user wrote.
    func testScalarsKeepTheirText() throws {
        let document = readYAML("""
        nodes:
          - {id: "2020", label: 1.10, kind: county, country: NO, region: yes, founded: 0x1F}
          - {id: no, label: on, kind: region, country: "NO"}
        """)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.nodes[0].id, "2020")
        XCTAssertEqual(document.nodes[0].label, "1.10")
        XCTAssertEqual(document.nodes[0].country, "NO")
        XCTAssertEqual(document.nodes[0].attributes["region"], "yes")
        XCTAssertEqual(document.nodes[0].attributes["founded"], "0x1F")
        XCTAssertEqual(document.nodes[1].id, "no")
        XCTAssertEqual(document.nodes[1].label, "on")
    }

    func testCitationListsAndMappings() {
        let document = readYAML("""
        edges:
          - {from: a, to: b, relation: funds, cite: [s1, s2], page: p. 4}
          - from: a
            to: b
            relation: funds
            cite:
              - {source: s1, page: Vedlegg 3}
              - s2
        """)
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.edges[0].citations, [Citation(source: "s1", page: "p. 4"), Citation(source: "s2", page: "p. 4")])
        XCTAssertEqual(document.edges[1].citations, [Citation(source: "s1", page: "Vedlegg 3"), Citation(source: "s2")])
    }

    func testSyntaxErrorReportsItsLine() {
        let document = readYAML("nodes:\n  - id: a\n    kind: county\n  - id: [b\n", path: "bad.yaml")
        XCTAssertEqual(document.diagnostics.count, 1)
        let diagnostic = document.diagnostics[0]
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location?.file, "bad.yaml")
        XCTAssertEqual(diagnostic.location?.line, 5)
        XCTAssertTrue(diagnostic.description.hasPrefix("bad.yaml:5: error: YAML syntax"), diagnostic.description)
    }

    func testErrorsWithinOneFileAreAllReportedWithLines() {
        let document = readYAML("""
        nodes:
          - id: a
            kind: county
          - id: a
            kind: county
          - id: Not_A_Slug
            kind: county
          - label: no id
            kind: county
          - id: b
        edges:
          - {from: a, to: b, relation: funds, since: twenty, weight: -1}
          - {from: a, relation: funds}
        """)
        let messages = document.diagnostics.map(\.description)
        XCTAssertEqual(messages, [
            "test.yaml:4: error: duplicate node id 'a' (first on line 2)",
            "test.yaml:6: error: node id 'Not_A_Slug' is not a slug (lowercase letters, digits and single '-', e.g. 'not-a-slug')",
            "test.yaml:8: error: node without 'id'",
            "test.yaml:10: error: node 'b' has no 'kind'",
            "test.yaml:12: error: edge a → b: since 'twenty' is not a whole year",
            "test.yaml:12: error: edge a → b: weight '-1' is not a positive number",
            "test.yaml:13: error: edge without 'to'",
        ])
    }

    func testHostileInputsGiveErrorsNotCrashes() {
        let inputs: [Data] = [
            Data(),
            Data([0xFF, 0xFE, 0x00, 0x12, 0x80]),
            Data("just a string".utf8),
            Data("- a\n- b\n".utf8),
            Data("nodes: 5\nedges: {a: b}\n".utf8),
            Data("nodes:\n  - [1, 2]\n".utf8),
            Data("a: &a [*a]\n".utf8),
            Data("nodes:\n  - id: a\n    kind: county\n    label: {x: 1}\n".utf8),
        ]
        for data in inputs {
            let document = YAMLFormat.read(data, path: "junk.yaml")
            XCTAssertFalse(document.diagnostics.filter { $0.severity == .error }.isEmpty, "no error for \(String(decoding: data, as: UTF8.self))")
            XCTAssertTrue(document.diagnostics.allSatisfy { $0.location?.file == "junk.yaml" })
        }
    }

    func testHugeLabelIsKept() {
        let label = String(repeating: "æøå ", count: 2_500_000)
        let document = readYAML("nodes:\n  - id: big\n    kind: county\n    label: \"\(label)\"\n")
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.nodes.first?.label.count, label.count)
    }
}
