import Foundation
import Graph
import XCTest
@testable import netmap

/// The legibility figures of `render --check`, measured as docs/diagrams.md defines them.
final class LegibilityTests: XCTestCase {
    /// Three boxes in a row and one below; ties as straight Graphviz splines.
    func geometry(ties: [String: String]) -> Geometry {
        var geometry = Geometry(boundingBox: Geometry.Box(minX: 0, minY: -100, maxX: 300, maxY: 100))
        geometry.nodes = [
            Geometry.NodeBox(name: "a", x: 0, y: 0, width: 40, height: 20),
            Geometry.NodeBox(name: "b", x: 100, y: 0, width: 40, height: 20),
            Geometry.NodeBox(name: "c", x: 200, y: 0, width: 40, height: 20),
            Geometry.NodeBox(name: "d", x: 100, y: -80, width: 40, height: 20),
            Geometry.NodeBox(name: "e", x: 100, y: 80, width: 40, height: 20),
        ]
        geometry.edgePositions = ties
        return geometry
    }

    func network(_ ties: [(String, String)]) -> Network {
        var network = Network()
        for id in ["a", "b", "c", "d", "e"] { network.upsert(Node(id: id, label: id.uppercased(), kind: "county")) }
        network.edges = ties.map { Edge(from: $0.0, to: $0.1, relation: "partner_of") }
        return network
    }

    func testATieThroughAnotherBoxIsCountedAndOneAroundItIsNot() {
        // a → c straight through b; then a → c bowed below b (y = -40 at its middle), clear of b and d.
        let straight = Legibility(geometry(ties: ["edge-0": "20,0 80,0 140,0 180,0"]), network: network([("a", "c")]), page: nil)
        XCTAssertEqual(straight.tiesAcrossNodes.map(\.node), ["b"])
        XCTAssertEqual(straight.nodesCrossed, ["b"])
        let around = Legibility(geometry(ties: ["edge-0": "20,-5 60,-53 140,-53 180,-5"]), network: network([("a", "c")]), page: nil)
        XCTAssertEqual(around.tiesAcrossNodes.count, 0)
        // Grazing a box's border (within 1.5 pt) does not count.
        let grazing = Legibility(geometry(ties: ["edge-0": "20,9 80,9 140,9 180,9"]), network: network([("a", "c")]), page: nil)
        XCTAssertEqual(grazing.tiesAcrossNodes.count, 0)
    }

    func testCrossingsCountPairsOfTiesWithoutACommonEnd() {
        // d → e crosses a → c (vertical through the middle; it also runs across b); b → d shares no end with
        // a → c but meets it only inside b... so: a–c × d–e is the one crossing; d–e and b–d share d.
        let ties = ["edge-0": "20,30 80,30 140,30 180,30", "edge-1": "100,-70 100,-20 100,20 100,70", "edge-2": "100,-10 100,-30 100,-50 100,-70"]
        let legibility = Legibility(geometry(ties: ties), network: network([("a", "c"), ("d", "e"), ("b", "d")]), page: nil)
        XCTAssertEqual(legibility.crossings, 1)
        XCTAssertEqual(legibility.tiesAcrossNodes.map(\.node), ["b"], "d → e runs across b")
    }

    func testSmallestTextAndPageFill() {
        var geometry = geometry(ties: [:])
        geometry.texts = [Geometry.Text(owner: "a", text: "A", x: 0, y: -3, width: 8, size: 10, align: "c")]
        // 300 × 200 pt on a page whose printable area is 150 × 100 pt: scale 0.5.
        let page = Page(width: 150 + 2 * Page.margin, height: 100 + 2 * Page.margin)
        let legibility = Legibility(geometry, network: network([]), page: page)
        XCTAssertEqual(legibility.smallestText, 5, accuracy: 1e-9)
        XCTAssertEqual(legibility.pageFill ?? 0, 1, accuracy: 1e-9)
        XCTAssertTrue(legibility.report.contains("smallest text on the page: 5 pt"))
    }

    func testALabelOverAnotherNodeIsAnOverlap() {
        var geometry = geometry(ties: [:])
        geometry.texts = [Geometry.Text(owner: "a", text: "a long label", x: 60, y: -3, width: 80, size: 10, align: "c")]
        XCTAssertEqual(Legibility(geometry, network: network([]), page: nil).labelOverlaps.map { "\($0.0)/\($0.1)" }, ["a/b"])
    }

    /// The router draws a tie round a box that stands on its straight line.
    func testTheRouterGoesAroundABoxInTheWay() throws {
        var geometry = self.geometry(ties: [:])
        geometry.nodes.removeAll { $0.name == "d" || $0.name == "e" }
        let network = self.network([("a", "c")])
        let routes = try TieRouter.route(network, geometry: geometry) { _ in true }
        geometry.edgePositions = routes
        XCTAssertEqual(Legibility(geometry, network: network, page: nil).tiesAcrossNodes.count, 0, routes["edge-0"] ?? "")
        XCTAssertTrue(routes["edge-0"]?.hasPrefix("e,180,") == true || routes["edge-0"]?.hasPrefix("e,") == true, "an arrowhead at c")
    }

    /// Where the router finds no way, a detour round the corners of the box in the way clears it.
    func testADetourGoesRoundTheCornersOfABoxInTheWay() throws {
        let geometry = self.geometry(ties: [:])
        let boxes = geometry.nodesByName
        let edge = Edge(from: "a", to: "c", relation: "partner_of")
        let straight = "e,180,0 20,0 80,0 140,0 174,0"
        func blocked(_ pos: String, _ edge: Edge) -> Int {
            let points = Legibility.sample(pos)
            return geometry.nodes.filter { $0.name != edge.from && $0.name != edge.to && NodeNudge.passes(points, $0.box) }.count
        }
        XCTAssertEqual(blocked(straight, edge), 1)
        let detour = try XCTUnwrap(TieRouter.detour(edge, around: straight, boxes: boxes, arrow: true, blocked: blocked))
        XCTAssertEqual(detour.blocked, 0, detour.pos)
        XCTAssertTrue(detour.pos.hasPrefix("e,"), "an arrowhead at c")
        // Within 2 boxes' height of the line: round b's corners, not far round d or e.
        XCTAssertTrue(Legibility.sample(detour.pos).allSatisfy { abs($0.1) <= 20 }, detour.pos)
    }

    /// A wall of six boxes between the ends, 2 pt apart but for one 10 pt gap far up: a detour round up to
    /// 4 boxes does not clear it; the shortest way round every box goes through the gap, keeping 3 pt from
    /// the boxes beside it, and is the shortest such way.
    func testTheLastResortRouteGoesThroughTheOnlyGap() throws {
        var nodes = [Geometry.NodeBox(name: "a", x: 0, y: 0, width: 40, height: 20),
                     Geometry.NodeBox(name: "c", x: 200, y: 0, width: 40, height: 20)]
        // Walls at x = 100, each box 20 × 30; y from -75 to 105 with a 2 pt gap, but 10 pt between w3 and w4.
        var y = -75.0
        for i in 0..<6 {
            nodes.append(Geometry.NodeBox(name: "w\(i)", x: 100, y: y, width: 20, height: 30))
            y += i == 3 ? 40 : 32
        }
        let obstacles = nodes.dropFirst(2).map(\.box)
        let points = try XCTUnwrap(ObstacleRoute.waypoints(from: nodes[0], to: nodes[1], avoiding: obstacles, clearance: 3))
        // Through the gap between w3 (top 36) and w4 (bottom 46): the corners at x = 87 and 113, y = 39 and 43.
        XCTAssertEqual(points.count, 2, "\(points)")
        XCTAssertEqual(points.map { $0.0 }, [87, 113])
        XCTAssertTrue(points.allSatisfy { $0.1 == 39 || $0.1 == 43 }, "\(points)")
        var geometry = Geometry(boundingBox: Geometry.Box(minX: -20, minY: -100, maxX: 220, maxY: 130), nodes: nodes)
        let network: Network = {
            var network = Network()
            for node in nodes { network.upsert(Node(id: node.name, label: node.name, kind: "county")) }
            network.edges = [Edge(from: "a", to: "c", relation: "partner_of")]
            return network
        }()
        geometry.edgePositions = try TieRouter.route(network, geometry: geometry) { _ in true }
        XCTAssertEqual(Legibility(geometry, network: network, page: nil).tiesAcrossNodes.count, 0, geometry.edgePositions["edge-0"] ?? "")
        // Boxes closer than the clearance on every side: no way out, and no route made up.
        let enclosed = Geometry.NodeBox(name: "x", x: 0, y: 0, width: 10, height: 10)
        let ring = [Geometry.Box(minX: -8, minY: -8, maxX: 8, maxY: -6), Geometry.Box(minX: -8, minY: 6, maxX: 8, maxY: 8),
                    Geometry.Box(minX: -8, minY: -6, maxX: -6, maxY: 6), Geometry.Box(minX: 6, minY: -6, maxX: 8, maxY: 6)]
        XCTAssertNil(ObstacleRoute.waypoints(from: enclosed, to: nodes[1], avoiding: ring, clearance: 0.5))
    }

    /// Every command's `--render` takes `--check` (here `diff`).
    func testDiffRenderPrintsTheFigures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("x.svg").path
        let result = try runNetmap(["diff", "data/vestfold-og-telemark-2030.yaml", "--to", "data/telemark-2035.yaml", "--render", svg,
                                    "-o", folder.appendingPathComponent("x.txt").path, "--check"], in: RenderingTests.root)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("ties drawn across nodes: 0 "), result.output)
        XCTAssertTrue(result.output.contains("\ntie crossings: "), result.output)
    }

    /// `render --check` prints the five figures; `--check strict` exits 0 on a clean drawing.
    func testCheckPrintsTheFigures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("x.svg").path
        let result = try runNetmap(["render", "data/telemark-2035.yaml", "-o", svg, "--page", "a4", "--check", "strict"], in: RenderingTests.root)
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, result.output)
        XCTAssertTrue(lines[0].hasPrefix("ties drawn across nodes: 0 "), lines[0])
        XCTAssertEqual(lines[1], "label overlaps: 0")
        XCTAssertTrue(lines[2].hasPrefix("tie crossings: "))
        XCTAssertTrue(lines[3].hasPrefix("smallest text on the page: "))
        XCTAssertTrue(lines[4].hasPrefix("page fill: ") && lines[4].hasSuffix(" %"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: svg))
        XCTAssertFalse(try String(contentsOfFile: svg, encoding: .utf8).contains("netmap-warning"), "no warning at 8 pt or more")
    }

    /// Text under 8 pt on the page: the warning goes into the SVG too, in the drawing's language.
    func testThePageWarningIsWrittenIntoTheSVG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("x.svg").path
        let result = try runNetmap(["render", "Tests/Fixtures/rendering/sample.yaml", "-o", svg, "--group-by", "country", "--color-by", "country",
                                    "--size-by", "degree", "--page", "a4-landscape", "--lang", "nb"], in: RenderingTests.root)
        XCTAssertEqual(result.status, 0, result.error)
        let warning = try XCTUnwrap(result.error.split(separator: "\n").first { $0.hasPrefix("warning: ") && $0.contains("pt") })
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("<desc class=\"netmap-warning\">" + HTML.escape(String(warning.dropFirst("warning: ".count))) + "</desc>"), String(warning))
    }

    /// Every word netmap writes follows --lang; declared kinds and relations take label_en/_nb/_nn.
    func testLanguageOfTheLegend() throws {
        var network = Network()
        network.kinds["strategy"] = {
            var kind = KindInfo(id: "strategy", label: "Strategi")
            kind.labels = ["label_en": "Strategy"]
            return kind
        }()
        network.relations["based_on"] = {
            var relation = RelationInfo(id: "based_on", label: "bygger på", symmetric: false)
            relation.labels = ["label_en": "based on", "label_nn": "byggjer på"]
            return relation
        }()
        network.upsert(Node(id: "plan", label: "Plan", kind: "strategy"))
        network.upsert(Node(id: "fk", label: "Fylket", kind: "county"))
        network.edges = [Edge(from: "plan", to: "fk", relation: "based_on"), Edge(from: "fk", to: "plan", relation: "member_of")]
        func legend(_ language: DrawingLanguage) -> String {
            var builder = DOTBuilder(network: network, title: nil)
            builder.language = language
            builder.emphasized = ["fk"]
            return builder.legendLabel()
        }
        let en = legend(.en), nb = legend(.nb), nn = legend(.nn)
        for text in ["Kinds", "Strategy", "County council", "Ties", "based on", "member of", "heavy border: centre"] { XCTAssertTrue(en.contains(text), text) }
        for text in ["Typer", "Strategi", "Fylkeskommune", "Forbindelser", "bygger på", "medlem av", "tykk ramme: sentrum"] { XCTAssertTrue(nb.contains(text), text) }
        for text in ["Typar", "Strategi", "Samband", "byggjer på", "tjukk ramme: sentrum"] { XCTAssertTrue(nn.contains(text), text) }
        XCTAssertFalse(en.contains("bygger") || en.contains("Strategi<"), "no Norwegian in the English legend")
    }
}
