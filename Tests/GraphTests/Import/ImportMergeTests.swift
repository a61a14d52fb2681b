import XCTest
@testable import Graph

final class ImportMergeTests: XCTestCase {
    func participation(_ org: String, _ project: String, source: String, role: String = "partner") -> Edge {
        Edge(from: org, to: project, relation: "participates_in", citations: [Citation(source: source, page: project)], attributes: ["role": role])
    }

    /// CORDIS, the Research Council and Interreg disagree in the ways the real tables do.
    var inputs: [(name: String, network: Network)] {
        let cordis = Network(name: "cordis", nodes: [
            Node(id: "org-no-971567376", label: "HOGSKOLEN I OSTFOLD", kind: "university", attributes: ["country": "NO", "pic": "999"]),
            Node(id: "org-999", label: "LULEA TEKNISKA UNIVERSITET", kind: "university", attributes: ["country": "SE"]),
            Node(id: "project-eu-737422", label: "SCOTT", kind: "project", attributes: ["topic": "ECSEL-2016-2", "year": "2017"]),
        ], edges: [participation("org-no-971567376", "project-eu-737422", source: "cordis"), participation("org-999", "project-eu-737422", source: "cordis")])
        let council = Network(name: "forskningsradet", nodes: [
            Node(id: "org-no-971567376", label: "HØGSKOLEN I ØSTFOLD", kind: "university", attributes: ["country": "NO", "orgnr": "971567376", "county": "Viken", "projects": "4"]),
            Node(id: "project-eu-737422", label: "SCOTT", kind: "project", attributes: ["topic": "ECSEL Key Applications and Essential Technologies (IA)", "year": "2017"]),
        ], edges: [participation("org-no-971567376", "project-eu-737422", source: "forskningsradet", role: "lead")])
        let interreg = Network(name: "interreg", nodes: [
            Node(id: "org-name-se-lulea-tekniska-universitet", label: "Luleå tekniska universitet", kind: "university", attributes: ["country": "SE", "nuts": "SE332"]),
            Node(id: "org-name-fi-lulea-tekniska-universitet", label: "Lulea Tekniska Universitet", kind: "university", attributes: ["country": "FI"]),
        ])
        return [("out/cordis", cordis), ("out/forskningsradet", council), ("out/interreg", interreg)]
    }

    func testTheSameIdentifierMergesAndEveryDisagreementIsReported() throws {
        let result = ImportMerge.merge(inputs)
        let college = try XCTUnwrap(result.network.node("org-no-971567376"))
        XCTAssertEqual(college.label, "HOGSKOLEN I OSTFOLD", "the first input's name is kept")
        XCTAssertEqual(college.attributes["other_labels"], "HØGSKOLEN I ØSTFOLD [out/forskningsradet]")
        XCTAssertEqual(college.attributes["orgnr"], "971567376", "attributes only one input has are filled in")
        XCTAssertEqual(college.attributes["county"], "Viken")
        XCTAssertEqual(result.network.node("project-eu-737422")?.attributes["topic"], "ECSEL-2016-2")
        XCTAssertEqual(result.shared, 2)
        XCTAssertEqual(result.conflicts.map { "\($0.node) \($0.key)" }, ["org-no-971567376 label", "project-eu-737422 topic"])
        XCTAssertEqual(result.warnings.map(\.description), [
            "warning: node 'org-no-971567376': label 'HØGSKOLEN I ØSTFOLD' in out/forskningsradet differs from 'HOGSKOLEN I OSTFOLD' in out/cordis; the other name is kept in other_labels",
            "warning: node 'project-eu-737422': topic 'ECSEL Key Applications and Essential Technologies (IA)' in out/forskningsradet differs from 'ECSEL-2016-2' in out/cordis; the first input's value is kept",
            "warning: possible duplicate organisations across inputs, not merged (same name once case, accents and legal form are dropped): 'LULEA TEKNISKA UNIVERSITET' (org-999), 'Luleå tekniska universitet' (org-name-se-lulea-tekniska-universitet)",
        ])
        XCTAssertEqual(result.possibleDuplicates, [["org-999", "org-name-se-lulea-tekniska-universitet"]], "the Finnish namesake differs by country")
        XCTAssertNil(result.network.node("org-999")?.attributes["other_labels"], "names alike are never merged")
    }

    func testATieInSeveralInputsIsKeptOnceCitingEach() throws {
        let result = ImportMerge.merge(inputs)
        let ties = result.network.edges.filter { $0.from == "org-no-971567376" }
        XCTAssertEqual(ties.count, 1)
        XCTAssertEqual(ties.first?.citations.map(\.source), ["cordis", "forskningsradet"])
        XCTAssertEqual(ties.first?.attributes["role"], "partner", "the first input's role")
        XCTAssertEqual(result.sharedTies, 1)
        XCTAssertEqual(result.network.edges.count, 2)
    }

    func testOrderDecidesWhichNameIsKept() throws {
        let result = ImportMerge.merge(Array(inputs.reversed()))
        XCTAssertEqual(result.network.node("org-no-971567376")?.label, "HØGSKOLEN I ØSTFOLD")
        XCTAssertEqual(result.network.node("org-no-971567376")?.attributes["other_labels"], "HOGSKOLEN I OSTFOLD [out/cordis]")
    }

    func testTheMergedFolderReadsBackWithoutConflicts() throws {
        let folder = try temporaryFolder().appendingPathComponent("merged").path
        let result = ImportMerge.merge(inputs)
        try ImportMerge.write(result.network, to: folder)
        let back = try NetworkLoader.loadValid([folder]).network
        XCTAssertEqual(back.nodes.count, 5)
        XCTAssertEqual(back.node("org-no-971567376")?.attributes["other_labels"], "HØGSKOLEN I ØSTFOLD [out/forskningsradet]")
        XCTAssertEqual(back.edges.count, 2)
    }
}
