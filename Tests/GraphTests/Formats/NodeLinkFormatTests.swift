import XCTest
@testable import Graph

final class NodeLinkFormatTests: XCTestCase {
    func sample() -> Network {
        var network = Network(name: "Sample æøå", sources: ["thp2020": Source(id: "thp2020", title: "Handlingsprogram", year: 2020)])
        network.upsert(Node(id: "trondelag-fk", label: "Trøndelag fylkeskommune", kind: "county", tags: ["public"], attributes: ["country": "NO"]))
        network.upsert(Node(id: "cpmr", label: "CPMR <\"&\\>", kind: "network"))
        network.edges = [
            Edge(from: "trondelag-fk", to: "cpmr", relation: "member_of", citations: [Citation(source: "thp2020", page: "Vedlegg 3")], since: 2018, weight: 2),
            Edge(from: "trondelag-fk", to: "cpmr", relation: "cooperates_with", citations: [Citation(source: "thp2020", page: "a"), Citation(source: "thp2020", page: "b")]),
        ]
        return network
    }

    func testRoundTrip() throws {
        let data = try NodeLinkFormat.write(sample())
        let document = NodeLinkFormat.read(data, path: "x.json")
        XCTAssertEqual(document.diagnostics, [])
        let (network, diagnostics) = NetworkLoader.merge([document])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(network.name, "Sample æøå")
        XCTAssertEqual(network.nodes.map { var node = $0; node.location = nil; return node }, sample().nodes.map { var node = $0; node.location = nil; return node })
        XCTAssertEqual(network.nodes.map { $0.location?.file }, ["x.json", "x.json"])
        XCTAssertNotNil(network.nodes.first?.location?.line, "each node knows its line")
        XCTAssertEqual(network.edges.map(\.citations), sample().edges.map(\.citations))
        XCTAssertEqual(network.edges.map(\.weight), [2, 1])
        XCTAssertEqual(network.edges.map(\.since), [2018, nil])
        XCTAssertEqual(network.sources["thp2020"]?.year, 2020)
        XCTAssertEqual(try NodeLinkFormat.write(network), data, "writing is deterministic")
    }

    func testNetworkXReadsIt() throws {
        try XCTSkipUnless(hasNetworkX, "python3 with networkx is not installed")
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("sample.json").path
        try NodeLinkFormat.write(sample()).write(to: URL(fileURLWithPath: path))
        let script = """
        import json, sys, networkx as nx
        g = nx.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
        e = sorted(g.edges(keys=True, data=True))
        print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph(),
              g.nodes["trondelag-fk"]["country"], g.nodes["cpmr"]["label"], e[0][3]["relation"], e[0][3]["cite"], g.graph["name"])
        """
        let result = try XCTUnwrap(runProcess("/usr/bin/env", ["python3", "-c", script, path]))
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines),
                       "2 2 True True NO CPMR <\"&\\> member_of ['thp2020'] Sample æøå")
    }

    func testReadsNetworkXOwnOutputWithIntegerIdsAndLinks() {
        let json = #"{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": 0, "club": "Mr. Hi"}, {"id": 1}], "links": [{"source": 0, "target": 1, "weight": 4}]}"#
        let document = NodeLinkFormat.read(Data(json.utf8), path: "k.json")
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.nodes.map(\.id), ["0", "1"])
        XCTAssertEqual(document.nodes[0].attributes["club"], "Mr. Hi")
        XCTAssertEqual(document.edges.first?.weight, 4)
        XCTAssertEqual(document.edges.first?.relation, "connected_to", "undirected graph: a symmetric tie")
    }

    func testMalformedJSONIsAnError() {
        for text in ["", "{", "[1,2]", #"{"nodes": 3}"#, #"{"nodes": [{"id": 1}], "edges": [{"source": 1, "target": 1, "weight": "abc"}]}"#] {
            let document = NodeLinkFormat.read(Data(text.utf8), path: "bad.json")
            XCTAssertFalse(document.diagnostics.isEmpty, text)
        }
    }

    /// Every node and edge problem names its line (JSONSerialization gives no positions; a pass over the text
    /// finds each element's line), also when another object holds a key of the same name.
    func testNodeAndEdgeProblemsNameTheirLine() {
        let text = "{\"graph\": {\"nodes\": \"x\"}, \"nodes\": [\n {\"id\": \"a\", \"note\": \"a [string], {with} \\\"brackets\\\"\"},\n {\"id\": \"a\"},\n \"str\",\n {\"label\": \"no id\"}\n],\n\"links\": [\n{\"source\": \"a\", \"target\": \"b\", \"weight\": -1},\n{\"source\": \"a\"}]}\n"
        let document = FileFormat.nodeLinkJSON.read(Data(text.utf8), path: "l.json")
        XCTAssertEqual(document.diagnostics.filter { $0.severity == .error }.map(\.description), [
            "l.json:3: error: duplicate node id 'a' (first on line 2)",
            "l.json:4: error: node 3 has no 'id'",
            "l.json:5: error: node 4 has no 'id'",
            "l.json:8: error: edge a → b: weight '-1' is not a positive number",
            "l.json:9: error: edge 2 needs 'source' and 'target'",
        ])
        XCTAssertEqual(NodeLinkFormat.elementLines(ofArray: "edges", in: Data("{\"nodes\": []}".utf8)), [])
    }
}
