import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Graph
import XCTest
@testable import netmap

/// Every command's `--render` draws through `RenderRequest` and `Renderer`, as `render` does.
final class DrawingPathTests: XCTestCase {
    static let root = RenderingTests.root

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-drawing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Each `--render` writes an SVG with the legend, labels (not ids) in every `<title>`, the page fitted, and
    /// the legend in the language asked for; a PDF made twice is byte-identical.
    func testEveryRenderOptionDrawsThroughTheOneRenderer() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands: [(String, [String])] = [
            ("ego", ["ego", "data", "nordland-fk", "--radius", "1"]),
            ("path", ["path", "data", "trondelag-fk", "nordland-fk"]),
            ("compare", ["compare", "data", "trondelag-fk", "nordland-fk"]),
            ("communities", ["communities", "data/telemark-2035.yaml"]),
            ("project", ["project", "data/telemark-2035.yaml", "--onto", "county"]),
            ("consortium", ["consortium", "--programme", "interreg-se-no", "--lead", "trondelag-fk"]),
            ("render", ["render", "data/telemark-2035.yaml", "-o"]),
        ]
        for (name, arguments) in commands {
            let svg = folder.appendingPathComponent("\(name).svg").path
            let option = name == "render" ? [] : ["--render"]
            let result = try runNetmap(arguments + option + [svg, "--page", "a4", "--lang", "nb"], in: DrawingPathTests.root)
            XCTAssertEqual(result.status, 0, "\(name): \(result.error)")
            let data = try Data(contentsOf: URL(fileURLWithPath: svg))
            XCTAssertTrue(XMLParser(data: data).parse(), name)
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.contains("<g id=\"cluster_legend\" class=\"cluster legend\">"), "\(name): legend")
            XCTAssertTrue(text.contains(">Typer</text>"), "\(name): legend in bokmål")
            XCTAssertFalse(text.contains(">Kinds</text>"), "\(name): no English heading")
            // A4 portrait less margins: Graphviz's size scales the drawing into 538.58 × 785.19 pt.
            let start = try XCTUnwrap(text.range(of: "<svg width=\"")).upperBound
            let width = try XCTUnwrap(Double(text[start...].prefix { $0.isNumber || $0 == "." }), name)
            XCTAssertLessThanOrEqual(width, 539, name)
            // Labels, not ids, in the titles of nodes and ties.
            XCTAssertFalse(text.contains("<title>trondelag&#45;fk</title>") || text.contains("<title>nordland&#45;fk</title>"), name)
            let titles = text.components(separatedBy: "\n").filter { $0.hasPrefix("<title>") }
            XCTAssertFalse(titles.contains { $0.contains("&#45;&gt;") }, "\(name): a tie's title names its ends by label")
        }
        let pdfs = try (0..<2).map { run -> Data in
            let pdf = folder.appendingPathComponent("path\(run).pdf").path
            let result = try runNetmap(["path", "data", "trondelag-fk", "nordland-fk", "--render", pdf, "--page", "a4"], in: DrawingPathTests.root)
            XCTAssertEqual(result.status, 0, result.error)
            return try Data(contentsOf: URL(fileURLWithPath: pdf))
        }
        XCTAssertEqual(pdfs[0], pdfs[1], "a PDF made twice is byte-identical")
    }

    /// A request with marks: the marked ties and nodes carry the mark's class and colour, and the legend lists
    /// the mark in the drawing's language.
    func testMarksAreDrawnAndListed() throws {
        let network = try NetworkLoader.loadValid([DrawingPathTests.root.appendingPathComponent("Tests/Fixtures/rendering/sample.yaml").path]).network
        var request = RenderRequest(network: network, title: "Marks")
        let added = Mark(name: "added", color: "#009E73", penwidth: 2.5, legend: Wording("added", nb: "ny", nn: "ny"))
        let ended = Mark(name: "ended", color: "#999999", style: "dashed", legend: Wording("ended", nb: "avsluttet", nn: "avslutta"))
        request.tieMarks = [0: added, 1: ended]
        request.nodeMarks = [network.edges[0].from: added]
        request.options.language = .nn
        let svg = try request.svg()
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse())
        XCTAssertTrue(svg.contains("<g id=\"edge&#45;0\" class=\"edge relation&#45;\(network.edges[0].relation.replacingOccurrences(of: "_", with: "_")) added\">")
                      || svg.contains("class=\"edge relation&#45;\(network.edges[0].relation) added\""), "the tie's class carries the mark")
        XCTAssertTrue(svg.contains("stroke=\"#009e73\"") || svg.contains("stroke=\"#009E73\""), "the mark's colour")
        XCTAssertTrue(svg.contains(">ny</text>") && svg.contains(">avslutta</text>") && svg.contains(">Markert</text>"), "the marks in the legend, in nynorsk")
    }
}

/// `--collapse leaves`: the print view of a large network.
final class LeafCollapseTests: XCTestCase {
    func testLeavesOfOneHubRelationAndKindBecomeOneList() throws {
        var network = Network()
        network.upsert(Node(id: "fk", label: "Fylket", kind: "county"))
        network.upsert(Node(id: "other", label: "Other", kind: "county"))
        for (id, kind) in [("t1", "theme"), ("t2", "theme"), ("t3", "theme"), ("p1", "programme"), ("t4", "theme")] {
            network.upsert(Node(id: id, label: "Name \(id)", kind: kind))
        }
        network.edges = [Edge(from: "fk", to: "other", relation: "partner_of")]
            + ["t1", "t3", "t2"].map { Edge(from: "fk", to: $0, relation: "addresses") }
            + [Edge(from: "fk", to: "p1", relation: "addresses"), Edge(from: "t4", to: "fk", relation: "addresses")]
        let (collapsed, lists, _) = try LeafCollapse().apply(to: network)
        XCTAssertEqual(lists.count, 1, "t4's tie runs the other way, p1 is of another kind")
        let (id, list) = try XCTUnwrap(lists.first)
        XCTAssertEqual(id, "list:fk:addresses:theme")
        XCTAssertEqual(list.members.map(\.id), ["t1", "t2", "t3"], "in the order of their labels")
        XCTAssertEqual(Set(collapsed.nodes.map(\.id)), ["fk", "other", "p1", "t4", id])
        XCTAssertTrue(collapsed.edges.contains(Edge(from: "fk", to: id, relation: "addresses")))
        XCTAssertEqual(collapsed.edges.count, 4)
        XCTAssertEqual(try LeafCollapse(parsing: "leaves:programme").apply(to: network).lists.count, 0)
        XCTAssertThrowsError(try LeafCollapse(parsing: "leaves:nonsense").apply(to: network))
        XCTAssertThrowsError(try LeafCollapse(parsing: "branches"))
    }

    /// Nodes of one kind with the same ties (the Interreg programmes a county may apply to, each part of
    /// Interreg) become one list with those ties, each standing for every member's tie; a node with one tie
    /// more, or of another kind, stays; a list tied to another list gets one tie.
    func testNodesWithTheSameTiesBecomeOneList() throws {
        var network = Network()
        for id in ["fk", "interreg", "x"] { network.upsert(Node(id: id, label: id, kind: "county")) }
        for id in ["p1", "p2", "p3", "p4"] { network.upsert(Node(id: id, label: "Programme \(id)", kind: "programme")) }
        network.upsert(Node(id: "n1", label: "Network", kind: "network"))
        for id in ["p1", "p2", "p3", "p4", "n1"] {
            network.edges.append(Edge(from: "fk", to: id, relation: "eligible_for"))
            network.edges.append(Edge(from: id, to: "interreg", relation: "part_of"))
        }
        network.edges.append(Edge(from: "p4", to: "x", relation: "partner_of"))
        network.edges.append(Edge(from: "fk", to: "x", relation: "partner_of"))
        let (collapsed, lists, origins) = try LeafCollapse().apply(to: network)
        XCTAssertEqual(lists.count, 1, "\(lists.keys)")
        let (id, list) = try XCTUnwrap(lists.first)
        XCTAssertEqual(list.members.map(\.id), ["p1", "p2", "p3"], "p4 has one tie more, n1 is of another kind")
        XCTAssertEqual(id, "list:fk:eligible_for:programme")
        XCTAssertEqual(Set(collapsed.nodes.map(\.id)), ["fk", "interreg", "x", "p4", "n1", id])
        let listTies = collapsed.edges.indices.filter { collapsed.edges[$0].from == id || collapsed.edges[$0].to == id }
        XCTAssertEqual(listTies.map { collapsed.edges[$0] }, [Edge(from: "fk", to: id, relation: "eligible_for"), Edge(from: id, to: "interreg", relation: "part_of")])
        XCTAssertEqual(listTies.map { origins[$0] }, [[0, 2, 4], [1, 3, 5]], "each stands for the members' ties")
        XCTAssertEqual(collapsed.edges.count, 2 + 6, "the list's two ties and the six of p4, n1 and x")

        // Two groups tied to each other all to all: one tie between the two lists.
        var pairs = Network()
        for id in ["a1", "a2"] { pairs.upsert(Node(id: id, label: id, kind: "county")) }
        for id in ["b1", "b2"] { pairs.upsert(Node(id: id, label: id, kind: "programme")) }
        pairs.edges = [("a1", "b1"), ("a1", "b2"), ("a2", "b1"), ("a2", "b2")].map { Edge(from: $0.0, to: $0.1, relation: "eligible_for") }
        let (both, bothLists, bothOrigins) = try LeafCollapse().apply(to: pairs)
        XCTAssertEqual(bothLists.count, 2)
        XCTAssertEqual(both.nodes.count, 2)
        XCTAssertEqual(both.edges.count, 1)
        XCTAssertEqual(bothOrigins, [[0, 1, 2, 3]])
    }

    /// Trøndelag 2020 on A4 with its leaves (and nodes with the same ties) collapsed: every name of the input
    /// is in the SVG, no label overlaps, no tie across a node, fewer crossings than the issue's 140 for the
    /// whole map on screen. (It reaches 5.82 pt on A4, not the 8 pt asked for: see docs/diagrams.md.)
    func testTrondelagOnA4KeepsEveryName() throws {
        let network = try NetworkLoader.loadValid([RenderingTests.root.appendingPathComponent("data/trondelag-2020.yaml").path]).network
        var request = RenderRequest(network: network)
        request.options.collapse = LeafCollapse()
        request.options.page = .a4
        let drawing = try request.draw(.svg)
        let text = String(decoding: drawing.outputs[0], as: UTF8.self)
        for node in network.nodes { XCTAssertTrue(text.contains(HTML.escape(node.label)), node.label) }
        XCTAssertEqual(drawing.legibility.labelOverlaps.map { "\($0.0) / \($0.1)" }, [])
        XCTAssertEqual(drawing.legibility.tiesAcross, 0, drawing.legibility.report)
        XCTAssertLessThan(drawing.legibility.crossings, 140, drawing.legibility.report)
        XCTAssertLessThan(drawing.geometry.nodes.count, network.nodes.count, "fewer boxes than nodes")
    }
}
