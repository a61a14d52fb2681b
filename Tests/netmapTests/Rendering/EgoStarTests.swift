import Foundation
import Graph
import XCTest
@testable import netmap

/// Ego drawings as stars (`EgoStar`) and the layout score that chooses among layouts (`LayoutScore`).
final class EgoStarTests: XCTestCase {
    /// A centre with eight neighbours; n1–n5 and n2–n6 are tied to each other.
    func star() -> (Network, Geometry) {
        var network = Network()
        network.upsert(Node(id: "c", label: "Centre", kind: "county"))
        var geometry = Geometry(boundingBox: Geometry.Box(minX: -100, minY: -100, maxX: 100, maxY: 100))
        geometry.nodes = [Geometry.NodeBox(name: "c", x: 0, y: 0, width: 60, height: 20)]
        for i in 1...8 {
            network.upsert(Node(id: "n\(i)", label: "Neighbour \(i)", kind: "network"))
            network.edges.append(Edge(from: "c", to: "n\(i)", relation: "partner_of"))
            geometry.nodes.append(Geometry.NodeBox(name: "n\(i)", x: Double(i) * 10, y: 0, width: 70, height: 20))
        }
        network.edges += [Edge(from: "n1", to: "n5", relation: "member_of"), Edge(from: "n2", to: "n6", relation: "member_of")]
        return (network, geometry)
    }

    func testTheStarPutsEveryNeighbourOnARingClearOfTheOthersAndTiedOnesSideBySide() throws {
        let (network, sized) = star()
        let layout = try XCTUnwrap(EgoStar.layout(network, centre: "c", sized: sized, aspect: 0.7))
        let boxes = layout.nodesByName
        XCTAssertEqual(boxes["c"]?.x, 0)
        XCTAssertEqual(boxes["c"]?.y, 0)
        for a in layout.nodes {
            for b in layout.nodes where a.name < b.name { XCTAssertFalse(a.box.overlaps(b.box), "\(a.name) / \(b.name)") }
        }
        // The two chords join neighbours next to each other on the ring: they cross no spoke and no other
        // tie. (Spokes may graze a wide neighbour's box on so small a ring; the router leads them round.)
        let ends = network.edges.map { (from: $0.from, to: $0.to) }
        XCTAssertEqual(LayoutScore(layout, edges: ends).crossings, 0)
        let order = layout.nodes.filter { $0.name != "c" }.sorted { atan2($0.y, $0.x) < atan2($1.y, $1.x) }.map(\.name)
        for (a, b) in [("n1", "n5"), ("n2", "n6")] {
            let (i, j) = (order.firstIndex(of: a)!, order.firstIndex(of: b)!)
            XCTAssertTrue(abs(i - j) == 1 || abs(i - j) == order.count - 1, "\(a), \(b) side by side in \(order)")
        }
    }

    func testNoStarWhenANodeIsNotANeighbourOfTheCentre() {
        var (network, sized) = star()
        network.upsert(Node(id: "far", label: "Far", kind: "network"))
        network.edges.append(Edge(from: "n1", to: "far", relation: "member_of"))
        sized.nodes.append(Geometry.NodeBox(name: "far", x: 0, y: 50, width: 30, height: 20))
        XCTAssertNil(EgoStar.layout(network, centre: "c", sized: sized, aspect: 1))
    }

    /// The bundled Trøndelag ego drawing (issue 14's table: 29 ties across nodes, 83 crossings before) on A4.
    func testTrondelagEgoDrawingOnA4IsAStarAtEightPoints() throws {
        let data = RenderingTests.root.appendingPathComponent("data").path
        let network = try NetworkLoader.loadValid([data]).network
        var request = try DrawingPlan(ego: "trondelag-fk", radius: 1).request(for: network)
        request.options.page = .a4
        let drawing = try request.draw(.svg)
        XCTAssertTrue(drawing.layout.star, "\(drawing.layout)")
        XCTAssertEqual(drawing.legibility.tiesAcross, 0, drawing.legibility.report)
        XCTAssertEqual(drawing.legibility.labelOverlaps.count, 0, drawing.legibility.report)
        XCTAssertLessThanOrEqual(drawing.legibility.crossings, 10, drawing.legibility.report)
        XCTAssertGreaterThanOrEqual(drawing.legibility.smallestText, 8, drawing.legibility.report)
    }

    func testLayoutScoreCountsTiesThroughBoxesAndCrossings() {
        // a (0,0) – c (200,0) passes b (100,0); d (100,-80) – e (100,80) crosses a – c and also passes b.
        var geometry = Geometry(boundingBox: Geometry.Box(minX: -20, minY: -100, maxX: 220, maxY: 100))
        geometry.nodes = [("a", 0.0, 0.0), ("b", 100, 0), ("c", 200, 0), ("d", 100, -80), ("e", 100, 80)].map {
            Geometry.NodeBox(name: $0.0, x: $0.1, y: $0.2, width: 40, height: 20)
        }
        let score = LayoutScore(geometry, edges: [(from: "a", to: "c"), (from: "d", to: "e"), (from: "a", to: "d")])
        XCTAssertEqual(score.across, 2)
        XCTAssertEqual(score.crossings, 1)
        XCTAssertEqual(score.value, 2 * LayoutScore.acrossWeight + 1)
        // Moving b off the line leaves the crossing only.
        geometry.nodes[1].y = 40
        XCTAssertEqual(LayoutScore(geometry, edges: [(from: "a", to: "c"), (from: "d", to: "e"), (from: "a", to: "d")]).across, 1)
    }
}
