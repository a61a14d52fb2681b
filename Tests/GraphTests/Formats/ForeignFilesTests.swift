import Foundation
import XCTest
@testable import Graph

/// Files written by NetworkX (Tests/Fixtures/formats/make_format_fixtures.py) and a GEXF as Gephi writes
/// it are read with the same counts and attributes.
final class ForeignFilesTests: XCTestCase {
    struct Expected: Decodable {
        struct FirstEdge: Decodable { var from: String; var to: String; var weight: Double }
        var nodes: Int
        var edges: Int
        var edge: FirstEdge
        var node_attributes: [String: [String: String]]
    }

    func expected() throws -> [String: Expected] {
        try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: URL(fileURLWithPath: formatFixture("expected.json"))))
    }

    func testNetworkXFilesLoadWithSameCounts() throws {
        for (name, facts) in try expected() {
            for file in ["\(name).graphml", "\(name).gexf", "\(name)-nodelink.json", "\(name).net", "\(name).gml"] {
                let result = NetworkLoader.load([formatFixture(file)])
                XCTAssertEqual(result.errors, [], file)
                let network = result.network
                XCTAssertEqual(network.nodes.count, facts.nodes, "\(file): nodes")
                XCTAssertEqual(network.edges.count, facts.edges, "\(file): edges")
                XCTAssertTrue(network.nodes.allSatisfy { $0.kind == "node" }, "\(file): nodes without kind get kind 'node'")
                XCTAssertTrue(network.edges.allSatisfy { $0.relation == "connected_to" && network.isSymmetric($0.relation) }, "\(file): undirected edges without relation get the symmetric 'connected_to'")
                let first = network.edges.first { $0.from == facts.edge.from && $0.to == facts.edge.to }
                XCTAssertEqual(first?.weight, facts.edge.weight, "\(file): weight of \(facts.edge.from) → \(facts.edge.to)")
                for (id, attributes) in facts.node_attributes {
                    let node = network.node(id)
                    XCTAssertNotNil(node, "\(file): node \(id)")
                    for (key, value) in attributes { XCTAssertEqual(node?.attributes[key], value, "\(file): \(id).\(key)") }
                }
            }
        }
    }

    func testNetworkXGraphNameIsRead() throws {
        XCTAssertEqual(GraphMLFormat.read(try Data(contentsOf: URL(fileURLWithPath: formatFixture("karate.graphml"))), path: "k").name, "karate")
        XCTAssertEqual(GEXFFormat.read(try Data(contentsOf: URL(fileURLWithPath: formatFixture("karate.gexf"))), path: "k").name, "karate")
        XCTAssertEqual(GMLFormat.read(try Data(contentsOf: URL(fileURLWithPath: formatFixture("miserables.gml"))), path: "m").name, "miserables")
    }

    func testGephiDynamicGEXF() throws {
        let result = NetworkLoader.load([formatFixture("gephi-dynamic.gexf")])
        XCTAssertEqual(result.errors, [])
        let network = result.network
        XCTAssertEqual(network.name, "Nordic partner regions over time")
        XCTAssertEqual(network.nodes.map(\.id), ["n0", "n1", "n2", "n3", "n4"])
        XCTAssertEqual(network.edges.count, 6)
        let trondelag = try XCTUnwrap(network.node("n0"))
        XCTAssertEqual(trondelag.label, "Trøndelag")
        XCTAssertEqual(trondelag.kind, "county")
        XCTAssertEqual(trondelag.attributes["population"], "475000")
        XCTAssertEqual(trondelag.attributes["score"], "0.8", "the latest value of a dynamic attribute")
        XCTAssertEqual(trondelag.attributes["start"], "2018.0")
        XCTAssertEqual(network.node("n3")?.attributes["population"], "0", "attribute default")
        XCTAssertEqual(network.node("n4")?.kind, "node")
        let partner = network.edges[0]
        XCTAssertEqual([partner.relation, "\(partner.weight)", "\(partner.since ?? 0)", "\(partner.until ?? 0)"], ["partner_of", "2.0", "2014", "2024"])
        let spells = network.edges[1]
        XCTAssertEqual([spells.relation, "\(spells.since ?? 0)", "\(spells.until ?? 0)"], ["participates_in", "2021", "2027"])
        XCTAssertEqual(network.edges[2].relation, "related_to")
        XCTAssertEqual(network.edges[2].attributes, ["label": "member", "note": "via the Bodø office"])
        XCTAssertEqual(network.edges[3].weight, 0.5)
        XCTAssertEqual(network.edges[4].relation, "cooperates_with")
        XCTAssertEqual(network.edges[5].relation, "manages")
    }

    func testKumuStyleEdgeCSV() throws {
        let csv = "From,To,Type,Weight\nTrøndelag,Jämtland,partner_of,2\nNordland,Jämtland,,1\n"
        var document = NetworkDocument(path: "kumu.csv")
        CSVFormat.readEdges(Data(csv.utf8), path: "kumu.csv", into: &document)
        document.implyMissingNodes()
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.edges.map(\.relation), ["partner_of", "related_to"])
        XCTAssertEqual(document.nodes.map(\.id), ["Trøndelag", "Jämtland", "Nordland"])
    }

    func testEdgeListWithNodeColumns() throws {
        let csv = """
        from,from_label,from_kind,from_country,to,to_label,to_kind,relation,cite,page
        trondelag-fk,Trøndelag fylkeskommune,county,NO,jamtland,Jämtland,region,partner_of,thp|str,s. 1|s. 2
        nordland-fk,Nordland,county,NO,jamtland,Jämtland,region,partner_of,str,
        nordland-fk,Nordland,agency,NO,jamtland,Jämtland,region,partner_of,,

        """
        var document = NetworkDocument(path: "edges.csv")
        CSVFormat.readEdges(Data(csv.utf8), path: "edges.csv", into: &document)
        XCTAssertEqual(document.nodes.map(\.id), ["trondelag-fk", "jamtland", "nordland-fk"])
        XCTAssertEqual(document.nodes.first?.attributes, ["country": "NO"])
        XCTAssertEqual(document.nodes.first?.kind, "county")
        XCTAssertEqual(document.edges.first?.citations, [Citation(source: "thp", page: "s. 1"), Citation(source: "str", page: "s. 2")])
        XCTAssertEqual(document.edges.first?.attributes, [:])
        XCTAssertEqual(document.diagnostics.map(\.description), ["edges.csv:4: error: node 'nordland-fk': kind 'agency' conflicts with 'county' on line 3"])
    }

    func testFromOverridesTheExtension() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("network.xml").path
        try FileManager.default.copyItem(atPath: formatFixture("karate.graphml"), toPath: path)
        XCTAssertFalse(NetworkLoader.load([path]).errors.isEmpty, "unknown extension")
        let result = NetworkLoader.load([path], format: .graphml)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.network.nodes.count, 34)
        XCTAssertEqual(FileFormat(name: "pajek"), .pajek)
        XCTAssertNil(FileFormat(name: "xls"))
    }

    func testDOTWithoutRegisteredReaderExplains() {
        let document = FileFormat.dot.read(Data("digraph { a -> b }".utf8), path: "g.dot")
        if FormatPlugins.reader(for: .dot) == nil {
            XCTAssertEqual(document.diagnostics.first?.message, "reading DOT needs Graphviz's parser, which only the netmap command registers")
        }
    }
}
