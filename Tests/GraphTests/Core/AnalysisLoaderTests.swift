import Foundation
import XCTest
@testable import Graph

/// The fast analysis load (`AnalysisLoader.fastLoad`) against the full load through the typed model.
final class AnalysisLoaderTests: XCTestCase {
    let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The fast view equals the full load's view, and so do the analysis graphs built from them, in every view
    /// the commands use (undirected, directed, weighted).
    func assertFastEqualsFull(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = try XCTUnwrap(AnalysisLoader.fastLoad([path]), "the fast reader declined \(path)", file: file, line: line)
        let full = AnalysisNetwork(try NetworkLoader.loadValid([path]).network)
        XCTAssertEqual(fast, full, path, file: file, line: line)
        for (directed, weighted) in [(false, false), (true, false), (false, true), (true, true)] {
            XCTAssertEqual(AnalysisGraph(fast, directed: directed, weighted: weighted),
                           AnalysisGraph(try NetworkLoader.loadValid([path]).network, directed: directed, weighted: weighted),
                           "\(path) directed \(directed) weighted \(weighted)", file: file, line: line)
        }
    }

    /// The fast reader declines `path`, and the analysis load gives the full load's view or its errors.
    func assertTakesTheFullLoad(_ path: String, file: StaticString = #filePath, line: UInt = #line) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        XCTAssertNil(AnalysisLoader.fastLoad([path]), name, file: file, line: line)
        let full = NetworkLoader.load([path])
        if full.errors.isEmpty {
            XCTAssertEqual(try AnalysisLoader.load([path]), AnalysisNetwork(full.network), name, file: file, line: line)
        } else {
            XCTAssertThrowsError(try AnalysisLoader.load([path]), name, file: file, line: line) { error in
                XCTAssertEqual("\(error)", "\(GraphError.invalidInput(full.errors))", name, file: file, line: line)
            }
        }
    }

    /// The bundled data, and the same without its citations, years and tags (which the fast readers leave to the
    /// full one).
    func bundledData() throws -> (Network, plain: Network) {
        let bundled = try NetworkLoader.loadValid([packageRoot.appendingPathComponent("data").path]).network
        var plain = bundled
        for i in plain.edges.indices { (plain.edges[i].citations, plain.edges[i].since, plain.edges[i].until) = ([], nil, nil) }
        for node in plain.nodes where !node.tags.isEmpty {
            var untagged = node
            untagged.tags = []
            plain.upsert(untagged)
        }
        return (bundled, plain)
    }

    func testFastLoadGivesTheFullLoadsGraphOnTheFixtures() throws {
        let folders = ["karate", "lesmis", "directed", "davis", "florentine", "relations/karate", "relations/lesmis"]
        for folder in folders {
            try assertFastEqualsFull(fixtures.appendingPathComponent(folder).path)
            try assertFastEqualsFull(fixtures.appendingPathComponent(folder).appendingPathComponent("edges.csv").path)
        }
    }

    /// The bundled data, exported as a CSV pair with its declarations (`network.yaml`), loads fast to the same
    /// view as the full load of the export and as the full load of data/ itself.
    func testFastLoadGivesTheFullLoadsGraphOnTheBundledData() throws {
        let bundled = try NetworkLoader.loadValid([packageRoot.appendingPathComponent("data").path]).network
        let folder = try temporaryFolder().appendingPathComponent("bundled").path
        try CSVFormat.writePair(bundled, to: folder)
        try assertFastEqualsFull(folder)
        let fast = try XCTUnwrap(AnalysisLoader.fastLoad([folder]))
        var view = AnalysisNetwork(bundled)
        view.name = fast.name
        XCTAssertEqual(fast, view)
        XCTAssertEqual(NetworkStatistics(fast).jsonObject as NSDictionary, NetworkStatistics(bundled).jsonObject.merging(["network": fast.name ?? ""]) { $1 } as NSDictionary)
    }

    /// Filtering the view keeps what filtering the model keeps.
    func testFilteredViewEqualsTheViewOfTheFilteredModel() throws {
        let bundled = try NetworkLoader.loadValid([packageRoot.appendingPathComponent("data").path]).network
        let view = AnalysisNetwork(bundled)
        let filters = [
            GraphFilter(kinds: ["county", "agency", "programme"]),
            GraphFilter(relations: ["member_of", "partner_of"]),
            GraphFilter(year: 2015),
            GraphFilter(kinds: ["county", "network"], relations: ["member_of"], year: 2020),
        ]
        for filter in filters {
            XCTAssertEqual(view.filtered(by: filter), AnalysisNetwork(filter.apply(to: bundled)), "\(filter)")
            XCTAssertEqual(view.problems(of: filter), filter.problems(in: bundled))
        }
        XCTAssertEqual(view.problems(of: GraphFilter(kinds: ["dragon"])), GraphFilter(kinds: ["dragon"]).problems(in: bundled))
    }

    /// Whatever the fast reader does not take exactly as the full reader (quotes, unknown relations, bad
    /// weights, undeclared citations, other formats) goes through the full load, with its error messages.
    func testFallsBackToTheFullLoad() throws {
        let folder = try temporaryFolder()
        let declined = [
            "quote-across-lines.csv": "from,to,note\na,b,\"two\nlines\"\n",
            "quote-inside.csv": "from,to\na\"b,c\n",
            "quoted-header.csv": "\"from\",to\na,b\n",
            "unknown-relation.csv": "from,to,relation\na,b,befriends\n",
            "zero-weight.csv": "from,to,weight\na,b,0\n",
            "cited.csv": "from,to,cite\na,b,plan-2020\n",
            "years.csv": "from,to,since,until\na,b,2020,2010\n",
            "missing-end.csv": "from,to\na,\n",
            "node-columns.csv": "from,from_kind,to\na,county,b\n",
            "non-ascii.csv": "from,to\nå,b\n",
            "escaped.json": #"{"nodes": [{"id": "a\u00e5"}], "edges": []}"#,
            "cited.json": #"{"nodes": [], "edges": [{"source": "a", "target": "b", "cite": "plan"}]}"#,
            "unknown-relation.json": #"{"nodes": [], "edges": [{"source": "a", "target": "b", "relation": "befriends"}]}"#,
            "duplicate-id.json": #"{"nodes": [{"id": "a"}, {"id": "a"}], "edges": []}"#,
            "zero-weight.json": #"{"nodes": [], "edges": [{"source": "a", "target": "b", "weight": 0}]}"#,
            "boolean-weight.json": #"{"nodes": [], "edges": [{"source": "a", "target": "b", "weight": true}]}"#,
            "numeric-id.json": #"{"nodes": [{"id": 1}], "edges": []}"#,
            "trailing-text.json": #"{"nodes": [], "edges": []} x"#,
            "unclosed.json": #"{"nodes": [{"id": "a"}], "edges": ["#,
            "directed-after-ties.json": #"{"edges": [{"source": "a", "target": "b"}], "directed": false, "nodes": []}"#,
            "tags.json": #"{"nodes": [{"id": "a", "tags": ["x"]}], "edges": []}"#,
        ]
        for (name, text) in declined.sorted(by: { $0.key < $1.key }) {
            assertTakesTheFullLoad(try write(text, to: name, in: folder))
        }
        XCTAssertNil(AnalysisLoader.fastLoad([fixtures.appendingPathComponent("formats/karate.gexf").path]))
    }

    /// What the fast reader does take: blank rows, CRLF, a byte-order mark, semicolons, decimal commas, years,
    /// spaces around fields, `source`/`target`/`type` headers, quoted fields on one line.
    func testReadsSpreadsheetVariantsAsTheFullReader() throws {
        let folder = try temporaryFolder()
        let accepted = [
            "crlf.csv": "\u{FEFF}From;To;Type;Weight\r\n a ; b ;cooperates_with; 2,5 \r\n\r\n;;;\r\nb;c;;1\r\n",
            "years.csv": "source,target,relation,since,until,note\na,b,funds,2001,2009,x\nb,a,funds,,,\nc,a,member_of,2015,,y",
            "tabs.tsv": "from\tto\nx\ty\ny\tz\nz\tx\n",
            "quoted.csv": "from,to,relation,note\n\"a\",b,cooperates_with,\"x, \"\"y\"\"\"\n\"\",\" \",,\n",
        ]
        for (name, text) in accepted.sorted(by: { $0.key < $1.key }) {
            try assertFastEqualsFull(try write(text, to: name, in: folder))
        }
    }

    /// Files read in many blocks, lines longer than a block, and a last line without a line break.
    func testReadsFilesInBlocks() throws {
        let folder = try temporaryFolder()
        var text = "from,to,relation,weight\n"
        for i in 0..<3_000 { text += "node-\(i % 997),node-\((i * 7919) % 1009),cooperates_with,\(1 + i % 3)\n" }
        text += "a-very-long-node-id-\(String(repeating: "x", count: 300)),y"
        let path = try write(text, to: "large.csv", in: folder)
        let full = AnalysisNetwork(try NetworkLoader.loadValid([path]).network)
        for blockSize in [64, 1000, 1 << 22] {
            var blocked = try XCTUnwrap(CSVTieReader.read(edges: path, nodes: nil, blockSize: blockSize), "block \(blockSize)")
            blocked.name = full.name
            XCTAssertEqual(blocked, full, "block \(blockSize)")
        }
        XCTAssertEqual(full.edgeCount, 3_001)
        let json = fixtures.appendingPathComponent("formats/miserables-nodelink.json").path
        let fullJSON = AnalysisNetwork(try NetworkLoader.loadValid([json]).network)
        for blockSize in [16, 1000, 1 << 22] {
            XCTAssertEqual(NodeLinkTieReader.read(json, blockSize: blockSize), fullJSON, "block \(blockSize)")
        }
    }

    /// Node-link JSON: NetworkX's undirected files (karate, Les Misérables), netmap's own export of the fixtures,
    /// and the bundled data (once without its citations, years and tags, which the fast reader leaves to the full
    /// one) load fast to the full load's view; with them the full load is taken.
    func testFastLoadOfNodeLinkJSON() throws {
        try assertFastEqualsFull(fixtures.appendingPathComponent("formats/karate-nodelink.json").path)
        try assertFastEqualsFull(fixtures.appendingPathComponent("formats/miserables-nodelink.json").path)
        let folder = try temporaryFolder()
        for name in ["karate", "lesmis", "directed", "davis", "florentine"] {
            let network = try NetworkLoader.loadValid([fixtures.appendingPathComponent(name).path]).network
            let path = folder.appendingPathComponent("\(name).json").path
            try NodeLinkFormat.write(network).write(to: URL(fileURLWithPath: path))
            try assertFastEqualsFull(path)
        }
        let (bundled, plainBundled) = try bundledData()
        let cited = folder.appendingPathComponent("cited.json").path
        try NodeLinkFormat.write(bundled).write(to: URL(fileURLWithPath: cited))
        assertTakesTheFullLoad(cited)
        let plain = folder.appendingPathComponent("bundled.json").path
        try NodeLinkFormat.write(plainBundled).write(to: URL(fileURLWithPath: plain))
        try assertFastEqualsFull(plain)
        // Many kinds and relations that no declaration names: declined (the full load takes them from the data).
        var many = #"{"nodes": ["#
        many += (0..<3_000).map { #"{"id": "n\#($0)", "kind": "k\#($0)"}"# }.joined(separator: ", ")
        many += #"], "edges": ["#
        many += (0..<3_000).map { #"{"source": "n\#($0)", "target": "n\#(($0 + 1) % 3_000)", "relation": "r\#($0)"}"# }.joined(separator: ", ")
        many += "]}"
        let manyPath = folder.appendingPathComponent("many-names.json").path
        try Data(many.utf8).write(to: URL(fileURLWithPath: manyPath))
        XCTAssertNil(AnalysisLoader.fastLoad([manyPath]))
        XCTAssertEqual(try AnalysisLoader.load([manyPath]).relationNames.count, 3_000)
    }

    /// GraphML: NetworkX's files (karate, Les Misérables), netmap's export of the fixtures and of the bundled data
    /// (once without citations, years and tags, which the fast reader leaves to the full one), and files as yEd,
    /// Gephi and igraph write them load fast to the full load's view, in blocks of any size; what the fast reader
    /// does not take goes through the full load.
    func testFastLoadOfGraphML() throws {
        try assertFastEqualsFull(fixtures.appendingPathComponent("formats/karate.graphml").path)
        let miserables = fixtures.appendingPathComponent("formats/miserables.graphml").path
        try assertFastEqualsFull(miserables)
        let full = AnalysisNetwork(try NetworkLoader.loadValid([miserables]).network)
        for blockSize in [16, 1000, 1 << 20] {
            XCTAssertEqual(GraphMLTieReader.read(miserables, blockSize: blockSize), full, "block \(blockSize)")
        }
        let folder = try temporaryFolder()
        for name in ["karate", "lesmis", "directed", "davis", "florentine", "relations/karate"] {
            let network = try NetworkLoader.loadValid([fixtures.appendingPathComponent(name).path]).network
            try assertFastEqualsFull(try write(GraphMLFormat.write(network), to: name.replacingOccurrences(of: "/", with: "-") + ".graphml", in: folder))
        }
        let (bundled, plainBundled) = try bundledData()
        assertTakesTheFullLoad(try write(GraphMLFormat.write(bundled), to: "cited.graphml", in: folder))
        try assertFastEqualsFull(try write(GraphMLFormat.write(plainBundled), to: "bundled.graphml", in: folder))
        for name in ["yed", "gephi", "igraph"] {
            try assertFastEqualsFull(try write(GraphMLReaderTests.variants[name]!, to: "\(name).graphml", in: folder))
        }
        // The same spelling of a relation on ties of both directions: related_to stays on the directed ones.
        let mixed = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"r\" for=\"edge\" attr.name=\"relation\"/><graph edgedefault=\"undirected\">"
            + "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"r\">related_to</data></edge>"
            + "<edge source=\"b\" target=\"a\" directed=\"true\"><data key=\"r\">related_to</data></edge>"
            + "<edge source=\"a\" target=\"b\"><data key=\"r\">related_to</data></edge><edge source=\"a\" target=\"b\"><data key=\"r\"></data></edge></graph></graphml>"
        let mixedPath = try write(mixed, to: "mixed.graphml", in: folder)
        try assertFastEqualsFull(mixedPath)
        XCTAssertEqual(try XCTUnwrap(AnalysisLoader.fastLoad([mixedPath])).relationNames, ["connected_to", "related_to"])
    }

    func testGraphMLFallsBackToTheFullLoad() throws {
        let folder = try temporaryFolder()
        let open = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        let keys = "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><key id=\"t\" for=\"node\" attr.name=\"tags\"/>"
            + "<key id=\"c\" for=\"edge\" attr.name=\"cite\"/><key id=\"s\" for=\"edge\" attr.name=\"since\"/>"
        let nodes = "<node id=\"a\"/><node id=\"b\"/>"
        let declined = [
            "tags": open + keys + "<graph>" + nodes + "<node id=\"c\"><data key=\"t\">x</data></node></graph></graphml>",
            "cited": open + keys + "<graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"c\">plan</data></edge></graph></graphml>",
            "years": open + keys + "<graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"s\">2020</data></edge></graph></graphml>",
            "zero-weight": open + keys + "<graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">0</data></edge></graph></graphml>",
            "text-weight": open + keys + "<graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>",
            "default-weight": open + "<key id=\"w\" for=\"edge\" attr.name=\"weight\"><default>3</default></key><graph>" + nodes + "<edge source=\"a\" target=\"b\"/></graph></graphml>",
            "late-key": open + "<graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">2</data></edge></graph>" + keys + "</graphml>",
            "undeclared-key": open + "<graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">2</data></edge></graph></graphml>",
            "ghost": open + "<graph>" + nodes + "<edge source=\"a\" target=\"ghost\"/></graph></graphml>",
            "duplicate-id": open + "<graph>" + nodes + "<node id=\"a\"/></graph></graphml>",
            "nested": open + "<graph><node id=\"a\"><graph/></node></graph></graphml>",
            "hyperedge": open + "<graph>" + nodes + "<hyperedge/></graph></graphml>",
            "two-graphs": open + "<graph>" + nodes + "</graph><graph/></graphml>",
            "no-graph": open + "</graphml>",
            "non-ascii-id": open + "<graph><node id=\"å\"/></graph></graphml>",
            "two-relations": open + "<key id=\"r\" for=\"edge\" attr.name=\"relation\"/><graph>" + nodes + "<edge source=\"a\" target=\"b\"><data key=\"r\">x</data><data key=\"r\">y</data></edge></graph></graphml>",
            "bad-directed": open + "<graph>" + nodes + "<edge source=\"a\" target=\"b\" directed=\"yes\"/></graph></graphml>",
            "malformed": open + "<graph>" + nodes + "</graphml>",
            "latin1": "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + open + "<graph>" + nodes + "</graph></graphml>",
            "bad-declaration": open + "<key id=\"k\" for=\"graph\" attr.name=\"kinds\"/><graph><data key=\"k\">{</data>" + nodes + "</graph></graphml>",
        ]
        for (name, text) in declined.sorted(by: { $0.key < $1.key }) {
            assertTakesTheFullLoad(try write(text, to: name + ".graphml", in: folder))
        }
    }
}
