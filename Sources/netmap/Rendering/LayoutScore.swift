import Foundation
import Graph

/// A quick estimate of how legible a laid-out network will be, used to choose among candidate layouts before
/// the ties are routed: each tie is the curve the layout engine drew (dot), else the straight line between
/// its ends' centres, as the final pass would first try it (see `TieRouter`).
///
/// - `across`: ties whose line passes inside a node that is not one of its ends (box shrunk as in
///   `Legibility`); each is later routed around boxes, which usually costs a few crossings;
/// - `crossings`: pairs of ties without a common end whose lines properly cross (`Legibility`'s definition).
struct LayoutScore: Comparable, CustomStringConvertible {
    var across = 0
    var crossings = 0

    /// No tie across a node, no crossing.
    init() {}

    /// What a tie routed round a box is taken to cost, in crossings.
    static let acrossWeight = 3

    var value: Int { across * LayoutScore.acrossWeight + crossings }
    var description: String { "\(across) across, \(crossings) crossings" }

    static func < (a: LayoutScore, b: LayoutScore) -> Bool { a.value < b.value }

    /// Scores `geometry` with the ties `edges` (tie `i` is `edge-i` in `geometry.edgePositions`).
    ///
    /// - Complexity: O(e · n) box tests and O(e²) pair tests for e ties and n nodes (bounding boxes first).
    init(_ geometry: Geometry, edges: [(from: String, to: String)]) {
        let nodes = geometry.nodes
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() where index[node.name] == nil { index[node.name] = i }
        let d = Legibility.inset
        let inner = nodes.map { node -> Geometry.Box in
            let b = node.box
            return Geometry.Box(minX: b.minX + d, minY: b.minY + d, maxX: b.maxX - d, maxY: b.maxY - d)
        }
        var lines: [(from: Int, to: Int, points: [(Double, Double)], box: Geometry.Box)] = []
        for (i, edge) in edges.enumerated() {
            guard let a = index[edge.from], let b = index[edge.to], a != b else { continue }
            var points: [(Double, Double)]
            if let pos = geometry.edgePositions["edge-\(i)"] {
                points = Legibility.sample(pos)
            } else {
                points = [(nodes[a].x, nodes[a].y), (nodes[b].x, nodes[b].y)]
            }
            guard points.count >= 2 else { continue }
            var box = Geometry.Box(minX: points[0].0, minY: points[0].1, maxX: points[0].0, maxY: points[0].1)
            for p in points { box = box.union(Geometry.Box(minX: p.0, minY: p.1, maxX: p.0, maxY: p.1)) }
            box = Geometry.Box(minX: box.minX - 1, minY: box.minY - 1, maxX: box.maxX + 1, maxY: box.maxY + 1)
            lines.append((a, b, points, box))
            for (n, inside) in inner.enumerated() where n != a && n != b && inside.minX < inside.maxX && inside.minY < inside.maxY {
                guard box.overlaps(inside, tolerance: 0) else { continue }
                var hit = false
                for k in 0..<(points.count - 1) where !hit {
                    let segment = (x0: points[k].0, y0: points[k].1, x1: points[k + 1].0, y1: points[k + 1].1)
                    hit = EmptySpace.segment(segment, meets: inside)
                }
                if hit { across += 1; break }
            }
        }
        for i in lines.indices {
            let a = lines[i]
            for j in (i + 1)..<lines.count {
                let b = lines[j]
                if a.from == b.from || a.from == b.to || a.to == b.from || a.to == b.to { continue }
                guard a.box.overlaps(b.box, tolerance: 0) else { continue }
                if Legibility.polylinesCross(a.points, b.points) { crossings += 1 }
            }
        }
    }
}
