import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// Data from elsewhere keeps its own kinds and relations; YAML typos get a suggestion; repeated problems
/// are summarised (issue 15).
final class OpenVocabularyTests: XCTestCase {
    let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The karate club pair as a spreadsheet user has it: kind `member`, relation `tie`.
    func karateMemberTie() throws -> URL {
        let folder = try scratchFolder()
        for (name, column, value) in [("nodes.csv", "kind", "member"), ("edges.csv", "relation", "tie")] {
            let lines = try String(contentsOf: fixtures.appendingPathComponent("karate").appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let index = try XCTUnwrap(header.firstIndex(of: column))
            let rows = lines.dropFirst().map { line -> String in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[index] = value
                return fields.joined(separator: ",")
            }
            try ([lines[0]] + rows).joined(separator: "\n").appending("\n")
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    func testKaratePairWithItsOwnVocabularyLoadsAndMatchesNetworkX() throws {
        let folder = try karateMemberTie()
        let validate = try runNetmap(["validate", folder.path])
        XCTAssertEqual(validate.status, 0, validate.error)
        XCTAssertTrue(validate.error.contains("note: \(folder.path)/edges.csv: 1 relation not built in, taken from the data: tie (78 ties)"), validate.error)
        XCTAssertTrue(validate.error.contains("note: \(folder.path)/nodes.csv: 1 kind not built in, taken from the data: member (34 nodes)"), validate.error)
        XCTAssertLessThan(validate.error.split(separator: "\n").count, 12, validate.error)

        let strict = try runNetmap(["validate", "--strict", folder.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.error.contains("error: \(folder.path)/edges.csv: 1 relation not built in, taken from the data: tie (78 ties)"), strict.error)

        let centrality = try runNetmap(["centrality", folder.path, "--format", "json"])
        XCTAssertEqual(centrality.status, 0, centrality.error)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(centrality.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 34)
        XCTAssertTrue(rows.allSatisfy { $0["kind"] as? String == "member" })
        let expected = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("karate/expected.json"))) as? [String: Any])
        let undirected = try XCTUnwrap((expected["views"] as? [String: Any])?["undirected"] as? [String: Any])
        for measure in ["betweenness", "closeness", "harmonic", "eigenvector", "clustering", "core_number", "constraint", "effective_size"] {
            let want = try XCTUnwrap(undirected[measure] as? [String: Any], measure)
            for row in rows {
                let id = try XCTUnwrap(row["id"] as? String)
                let got = try XCTUnwrap((row[measure] as? NSNumber)?.doubleValue, "\(measure) of \(id)")
                XCTAssertEqual(got, try XCTUnwrap((want[id] as? NSNumber)?.doubleValue), accuracy: 1e-6, "\(measure) of \(id)")
            }
        }
        // Every command works on it.
        for arguments in [["stats", folder.path], ["path", folder.path, "n0", "n33"], ["ego", folder.path, "n0", "--radius", "1"],
                          ["brokers", folder.path, "--top", "2"], ["communities", folder.path], ["compare", folder.path, "n0", "n33"],
                          ["render", folder.path, "-o", folder.appendingPathComponent("k.svg").path]] {
            let run = try runNetmap(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments[0]): \(run.error)")
        }
    }

    func testRelationDirectionComesFromTheFile() throws {
        let folder = try scratchFolder()
        let graphml = """
        <?xml version="1.0"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="r" for="edge" attr.name="relation" attr.type="string"/>
        <graph edgedefault="undirected">
        <node id="a"/><node id="b"/>
        <edge source="a" target="b"><data key="r">knows</data></edge>
        </graph></graphml>
        """
        try graphml.write(to: folder.appendingPathComponent("g.graphml"), atomically: true, encoding: .utf8)
        try "from,to,relation\na,b,advises\n".write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        let result = NetworkLoader.load([folder.path])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.network.relations["knows"]?.symmetric, true, "GraphML edgedefault=undirected")
        XCTAssertEqual(result.network.relations["advises"]?.symmetric, false, "CSV says nothing: directed")
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .note }.count, 2)
    }

    func testYAMLTyposGetASuggestion() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("typo.yaml").path
        try """
        sources:
          thp2020: {title: Plan}
        nodes:
          - {id: trondelag-fk, label: Trøndelag, kind: conty}
          - {id: jamtland, label: Jämtland, kind: region}
        edges:
          - {from: trondelag-fk, to: jamtlnd, relation: partner_of, cite: thp2020}
          - {from: trondelag-fk, to: jamtland, relation: partner_off, cite: thp2020}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNetmap(["validate", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("\(path):4: error: node 'trondelag-fk': unknown kind 'conty' — did you mean 'county'?"), result.error)
        XCTAssertTrue(result.error.contains("\(path):7: error: edge trondelag-fk → jamtlnd: no node with id 'jamtlnd' — did you mean 'jamtland'?"), result.error)
        XCTAssertTrue(result.error.contains("\(path):8: error: edge trondelag-fk → jamtland: unknown relation 'partner_off' — did you mean 'partner_of'?"), result.error)
        XCTAssertTrue(result.error.hasSuffix("3 errors (tie to a missing node 1, unknown kind 1, unknown relation 1), 0 warnings\n"), result.error)
        let consortium = try runNetmap(["consortium", "--programme", "horizon-eurpe", "--lead", "trondelag-fk"],
                                       in: fixtures.deletingLastPathComponent().deletingLastPathComponent())
        XCTAssertEqual(consortium.status, 1)
        XCTAssertTrue(consortium.error.contains("unknown programme 'horizon-eurpe' — did you mean 'horizon-europe'?"), consortium.error)
        XCTAssertEqual(DidYouMean.suggestion(for: "thp", among: ["thp2020", "other"]), "thp2020")
        XCTAssertNil(DidYouMean.suggestion(for: "university-of-oslo", among: ["county", "region"]))
    }

    func testTenThousandRowsWithOneRepeatedMistakePrintUnderTwentyLines() throws {
        let folder = try scratchFolder()
        var text = "from,to,relation,weight,cite\n"
        for row in 0..<10_000 { text += "n\(row),n\(row + 1),tie,heavy,s\(row % 3)\n" }
        let path = folder.appendingPathComponent("edges.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNetmap(["validate", path])
        XCTAssertEqual(result.status, 1)
        let lines = result.error.split(separator: "\n")
        XCTAssertLessThan(lines.count, 20, result.error)
        XCTAssertTrue(result.error.contains("\(path):2: error: edge n0 → n1: weight 'heavy' is not a positive number"), result.error)
        XCTAssertTrue(result.error.contains("... and 9995 more like this (lines 7–10001)"), result.error)
        XCTAssertEqual(lines.last, "10000 errors (bad weight 10000), 0 warnings, 1 note (vocabulary from the data 1)")
        let stats = try runNetmap(["stats", path])
        XCTAssertEqual(stats.status, 1)
        XCTAssertLessThan(stats.error.split(separator: "\n").count, 20, stats.error)
    }

    func testAFolderReadsEveryFormatMergedByID() throws {
        let folder = try scratchFolder()
        try "nodes:\n  - {id: a, label: A, kind: county}\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try #"{"nodes": [{"id": "b", "kind": "region"}], "edges": [{"source": "a", "target": "b", "relation": "partner_of"}]}"#
            .write(to: folder.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try "*Vertices 2\n1 \"b\"\n2 \"c\"\n*Arcs\n1 2\n".write(to: folder.appendingPathComponent("c.net"), atomically: true, encoding: .utf8)
        try "graph [ node [ id 1 label \"c\" ] node [ id 2 label \"d\" ] edge [ source 1 target 2 ] ]\n"
            .write(to: folder.appendingPathComponent("d.gml"), atomically: true, encoding: .utf8)
        try "digraph { d -> e }\n".write(to: folder.appendingPathComponent("e.dot"), atomically: true, encoding: .utf8)
        try #"{"results": [1, 2]}"#.write(to: folder.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="e"/><node id="f"/><edge source="e" target="f"/></graph></graphml>
        """.write(to: folder.appendingPathComponent("f.graphml"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="f" label="f"/><node id="g" label="g"/></nodes><edges><edge id="0" source="f" target="g"/></edges></graph></gexf>
        """.write(to: folder.appendingPathComponent("g.gexf"), atomically: true, encoding: .utf8)
        try "id,label,kind\nh,H,member\n".write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "from,to,relation\nh,g,tie\n".write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        var workbook = Network(nodes: [Node(id: "i", kind: "club")])
        workbook.edges = [Edge(from: "i", to: "h", relation: "sponsors")]
        try FileFormat.xlsx.write(workbook).write(to: folder.appendingPathComponent("i.xlsx"))
        let result = try runNetmap(["validate", folder.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("ok: 9 nodes, 8 edges"), "YAML, JSON, Pajek, GML, DOT, GraphML, GEXF, the CSV pair and xlsx, merged by id: \(result.output)")
        XCTAssertTrue(result.error.contains("note: \(folder.path)/results.json: not node-link JSON (no 'nodes' list); skipped"), result.error)
    }

    /// Kinds and relations from the data get styles of their own: all different, the same whatever order the
    /// file lists them in, and a name keeps its style when other names come and go (issue 15: "its own colour
    /// and shape", "the same name always gets the same style").
    func testKindsAndRelationsFromTheDataGetDistinctStableStyles() throws {
        func network(_ kinds: [String], _ relations: [String]) -> Network {
            var network = Network(nodes: kinds.enumerated().map { Node(id: "n\($0.offset)", label: "n\($0.offset)", kind: $0.element) })
            for kind in kinds where network.kinds[kind] == nil { network.kinds[kind] = KindInfo(id: kind, label: kind) }
            for (index, relation) in relations.enumerated() {
                network.edges.append(Edge(from: "n0", to: "n\(index % max(1, kinds.count))", relation: relation))
                if network.relations[relation] == nil { network.relations[relation] = RelationInfo(id: relation, label: relation, symmetric: false) }
            }
            return network
        }
        let names = (0..<40).map { "kind\(String(format: "%02d", $0))" }
        let styles = Theme.standard.nodeStyles(for: network(names, []))
        let looks = Set(names.map { name -> String in
            let style = styles[name]!
            return "\(style.fill) \(style.shape) \(style.style)"
        })
        XCTAssertEqual(looks.count, 40, "40 kinds from the data, 40 different looks")
        // A name keeps its look in a network where most others are missing, unless it collided with one
        // that comes before it (then it moved to the next free slot): count those that keep it.
        let fewer = Theme.standard.nodeStyles(for: network(names.enumerated().filter { $0.offset % 3 == 0 }.map(\.element), []))
        let kept = fewer.keys.filter { fewer[$0] == styles[$0] }.count
        XCTAssertGreaterThanOrEqual(kept, fewer.count * 2 / 3, "most of \(fewer.count) kinds keep their look")
        XCTAssertEqual(Theme.stableSlots(for: ["member"], count: 40), Theme.stableSlots(for: ["aardvark", "member", "zebra"], count: 40).filter { $0.key == "member" })
        // Order in the file does not matter; a built-in kind keeps the theme's style and takes no slot.
        let forward = Theme.standard.nodeStyles(for: network(["member", "county", "trainer"], ["tie", "partner_of", "advises"]))
        let backward = Theme.standard.nodeStyles(for: network(["trainer", "member", "county"], ["advises", "partner_of", "tie"]))
        XCTAssertEqual(forward["member"], backward["member"])
        XCTAssertEqual(forward["trainer"], backward["trainer"])
        XCTAssertEqual(forward["county"], Theme.builtInKinds["county"])
        XCTAssertNotEqual(forward["member"], forward["trainer"])
        let edges = Theme.standard.edgeStyles(for: ["tie", "partner_of", "advises"])
        XCTAssertNotEqual(edges["advises"], edges["tie"])
        XCTAssertEqual(edges["tie"]?.style, "solid", "up to five relations from the data are solid lines")
        let many = Theme.standard.edgeStyles(for: (1...11).map { "relation\($0)" })
        XCTAssertEqual(Set(many.values.map { "\($0.color) \($0.style)" }).count, 11, "11 relations, 11 looks")
        XCTAssertEqual(edges["tie"], Theme.standard.edgeStyles(for: ["tie"])["tie"], "tie looks the same without advises")
        XCTAssertEqual(edges["partner_of"], Theme.builtInRelations["partner_of"])
    }
}
