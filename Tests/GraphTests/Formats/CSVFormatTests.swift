import XCTest
@testable import Graph

final class CSVFormatTests: XCTestCase {
    func testSemicolonWithByteOrderMarkAndQuotedNewlines() throws {
        let folder = try temporaryFolder()
        try write("\u{FEFF}id;label;kind;country\ntrondelag-fk;\"Trøndelag \"\"fylkeskommune\"\"\";county;NO\nhubei;\"Hubei-\nprovinsen\";region;CN\n",
                  to: "nodes.csv", in: folder)
        try write("\u{FEFF}from;to;relation;weight;cite;since\r\ntrondelag-fk;hubei;partner_of;1,5;thp2020;2012\r\n", to: "edges.csv", in: folder)
        try write("sources:\n  thp2020: Internasjonalt handlingsprogram\n", to: "sources.yaml", in: folder)
        let result = NetworkLoader.load([folder.path])
        XCTAssertEqual(result.errors, [])
        let network = result.network
        XCTAssertEqual(network.nodes.map(\.id), ["trondelag-fk", "hubei"])
        XCTAssertEqual(network.node("trondelag-fk")?.label, "Trøndelag \"fylkeskommune\"")
        XCTAssertEqual(network.node("hubei")?.label, "Hubei-\nprovinsen")
        XCTAssertEqual(network.node("hubei")?.country, "CN")
        XCTAssertEqual(network.edges.count, 1)
        XCTAssertEqual(network.edges[0].weight, 1.5)
        XCTAssertEqual(network.edges[0].since, 2012)
        XCTAssertEqual(network.edges[0].citations, [Citation(source: "thp2020")])
    }

    func testCommaDelimitedSourceTargetSynonyms() throws {
        let folder = try temporaryFolder()
        let path = try write("source,target,relation,extra\na,b,cooperates_with,\"x, y\"\nb,c,funds,\n", to: "edges.csv", in: folder)
        let result = NetworkLoader.load([path])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.network.nodes.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(result.network.nodes.map(\.kind), ["node", "node", "node"])
        XCTAssertEqual(result.network.edges[0].attributes["extra"], "x, y")
        XCTAssertEqual(result.network.edges[1].relation, "funds")
    }

    func testKumuHeaders() throws {
        let folder = try temporaryFolder()
        let path = try write("From,To,Type\na,b,member_of\n", to: "ties.csv", in: folder)
        let result = NetworkLoader.load([path])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.network.edges.first?.relation, "member_of")
    }

    func testErrorsCarryTheRowLine() throws {
        let folder = try temporaryFolder()
        try write("id,label,kind\na,A,county\n\"b\",\"two\nlines\",county\nB c,bad,county\na,again,county\n", to: "nodes.csv", in: folder)
        try write("from,to,relation,weight\na,b,funds,abc\n", to: "edges.csv", in: folder)
        let messages = NetworkLoader.load([folder.path]).errors.map(\.description)
        let nodes = folder.appendingPathComponent("nodes.csv").path
        let edges = folder.appendingPathComponent("edges.csv").path
        XCTAssertEqual(messages, [
            "\(edges):2: error: edge a → b: weight 'abc' is not a positive number",
            "\(nodes):5: error: node id 'B c' is not a slug (lowercase letters, digits and single '-', e.g. 'b-c')",
            "\(nodes):6: error: duplicate node id 'a' (first on line 2)",
        ])
    }

    func testWriteThenReadGivesTheSameNetwork() throws {
        let folder = try temporaryFolder()
        var network = Network(name: "t", sources: ["s": Source(id: "s", title: "S")])
        network.upsert(Node(id: "a", label: "Å, \"quoted\"\nlabel", kind: "county", tags: ["x", "y"], attributes: ["country": "NO"]))
        network.upsert(Node(id: "b", label: "B", kind: "region"))
        network.edges = [Edge(from: "a", to: "b", relation: "partner_of", citations: [Citation(source: "s", page: "p; 3")],
                              since: 2001, until: 2009, weight: 0.25, attributes: ["note": "n"])]
        try CSVFormat.writePair(network, to: folder.path)
        try write("sources:\n  s: S\n", to: "sources.yaml", in: folder)
        let result = NetworkLoader.load([folder.path])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.network.nodes.map { [$0.id, $0.label, $0.kind] }, network.nodes.map { [$0.id, $0.label, $0.kind] })
        XCTAssertEqual(result.network.node("a")?.tags, ["x", "y"])
        XCTAssertEqual(result.network.node("a")?.country, "NO")
        let edge = try XCTUnwrap(result.network.edges.first)
        XCTAssertEqual(edge.citations, network.edges[0].citations)
        XCTAssertEqual([edge.since, edge.until], [2001, 2009])
        XCTAssertEqual(edge.weight, 0.25)
        XCTAssertEqual(edge.attributes, ["note": "n"])
    }

    func testBinaryJunkAndEmptyFilesAreErrors() throws {
        let folder = try temporaryFolder()
        let junk = folder.appendingPathComponent("junk.csv")
        try Data([0x00, 0xFF, 0x13, 0x00]).write(to: junk)
        let empty = try write("", to: "empty.csv", in: folder)
        for path in [junk.path, empty] {
            let errors = NetworkLoader.load([path]).errors
            XCTAssertEqual(errors.count, 1, "\(path): \(errors)")
            XCTAssertEqual(errors.first?.location?.file, path)
        }
    }

    func testFieldsAreTrimmedOfSpacesTabsAndNoBreakSpaces() throws {
        XCTAssertEqual(" \t a b\u{00A0}".trimmingSpaces, "a b")
        XCTAssertEqual("æ ø å".trimmingSpaces, "æ ø å")
        XCTAssertEqual(" \u{2003} ".trimmingSpaces, "")
        XCTAssertEqual("line\n".trimmingSpaces, "line\n", "line breaks are content, not spaces")
        let folder = try temporaryFolder()
        let path = try write("from;to;relation\n  a\u{00A0};\tb ; funds \n", to: "edges.csv", in: folder)
        let result = NetworkLoader.load([path])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.network.edges.map { [$0.from, $0.to, $0.relation] }, [["a", "b", "funds"]])
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() throws {
        let folder = try temporaryFolder()
        let path = try write("from,to,relation\na,b,funds\nb,\"c,funds\n", to: "edges.csv", in: folder)
        let errors = NetworkLoader.load([path]).errors
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.description, "\(path):3: error: CSV syntax: a quoted field opened here is never closed (a \" is missing)")
    }
}
