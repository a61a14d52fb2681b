import Foundation
import Graph

/// Moves the few nodes that a routed tie still runs under (where `TieRouter` found no way between boxes) to the
/// nearest spot inside the drawing where no tie passes them and no box overlaps them; their ties are then
/// routed again, and the moves are kept when fewer nodes have a tie across them than before.
///
/// A node is moved along a spiral around where it stood (steps of 0.5 rad, radius 3 pt a radian, up to
/// `reach` points away); pinned nodes (`--keep-layout`, the diff's old edition) and drawings with group boxes
/// never move. Deterministic: nodes in drawing order, spots in spiral order.
enum NodeNudge {
    /// How far a node may move, in points, and the gap kept around its box.
    static let reach = 120.0
    static let gap = 4.0

    /// Nudges the nodes of `geometry` that ties in `geometry.edgePositions` run across (at most `rounds`
    /// times), routing the moved nodes' ties again; returns the moved nodes' ids.
    ///
    /// - Complexity: O(k · s · (e · p + d · n)) for k nodes moved, s spiral steps, e ties of p samples, and
    ///   d ties of the moved node; plus one routing pass per round.
    @discardableResult
    static func clear(_ geometry: inout Geometry, network: Network, pinned: Set<String>, rounds: Int = 3,
                      arrow: (Edge) -> Bool) throws -> Set<String> {
        guard geometry.clusters.isEmpty else { return [] }
        var movedAll = Set<String>()
        func curves(_ geometry: Geometry) -> [[(Double, Double)]] {
            network.edges.indices.map { geometry.edgePositions["edge-\($0)"].map(Legibility.sample) ?? [] }
        }
        var current = curves(geometry)
        var blockers = blocking(geometry, network: network, curves: current)
        for _ in 0..<rounds where !blockers.isEmpty {
            var next = geometry
            var redo = Set<Int>()
            var moved = Set<String>()
            // Each node in the way, else an end of a tie across it.
            for group in blockers {
                for name in group where !pinned.contains(name) && !moved.contains(name) {
                    guard let index = next.nodes.firstIndex(where: { $0.name == name }),
                          let spot = freeSpot(for: index, in: next, network: network, curves: current, avoiding: moved) else { continue }
                    next.nodes[index].x = spot.x
                    next.nodes[index].y = spot.y
                    moved.insert(name)
                    for (tie, edge) in network.edges.enumerated() where edge.from == name || edge.to == name { redo.insert(tie) }
                    break
                }
            }
            guard !moved.isEmpty else { break }
            next.edgePositions = try TieRouter.route(network, geometry: next, previous: next.edgePositions, redo: redo, arrow: arrow)
            // Kept only when fewer nodes have a tie across them than before.
            let after = curves(next)
            let remaining = blocking(next, network: network, curves: after)
            guard remaining.count < blockers.count else { break }
            geometry = next
            current = after
            blockers = remaining
            movedAll.formUnion(moved)
        }
        return movedAll
    }

    /// The nodes some tie runs across, in drawing order, each with the ends of those ties after it (fewest ties
    /// first): when the node in the way cannot move, moving an end can clear the tie.
    static func blocking(_ geometry: Geometry, network: Network, curves: [[(Double, Double)]]) -> [[String]] {
        var ends: [String: Set<String>] = [:]
        for (index, edge) in network.edges.enumerated() where curves[index].count > 2 {
            for node in geometry.nodes where node.name != edge.from && node.name != edge.to && passes(curves[index], node.box) {
                ends[node.name, default: []].formUnion([edge.from, edge.to])
            }
        }
        var degree: [String: Int] = [:]
        for edge in network.edges { degree[edge.from, default: 0] += 1; degree[edge.to, default: 0] += 1 }
        return geometry.nodes.map(\.name).filter { ends[$0] != nil }.map { name in
            [name] + ends[name]!.sorted { (degree[$0] ?? 0, $0) < (degree[$1] ?? 0, $1) }
        }
    }

    /// Whether a sample of `curve` other than its ends lies inside `box` shrunk by `Legibility.inset`.
    static func passes(_ curve: [(Double, Double)], _ box: Geometry.Box) -> Bool {
        let d = Legibility.inset
        let (minX, minY, maxX, maxY) = (box.minX + d, box.minY + d, box.maxX - d, box.maxY - d)
        guard curve.count > 2, minX < maxX, minY < maxY else { return false }
        return curve.dropFirst().dropLast().contains { $0.0 > minX && $0.0 < maxX && $0.1 > minY && $0.1 < maxY }
    }

    /// The nearest spot on a spiral around node `index` inside the drawing where its box (with `gap`) overlaps
    /// no other box and no tie not its own passes it (ties of `avoiding` nodes count as their straight lines,
    /// as they are routed again).
    static func freeSpot(for index: Int, in geometry: Geometry, network: Network, curves: [[(Double, Double)]],
                         avoiding: Set<String>) -> (x: Double, y: Double)? {
        let node = geometry.nodes[index]
        let byName = geometry.nodesByName
        let others = geometry.nodes.indices.filter { $0 != index }.map { geometry.nodes[$0] }
        var foreign: [(points: [(Double, Double)], box: Geometry.Box)] = []
        for (tie, edge) in network.edges.enumerated() where edge.from != node.name && edge.to != node.name {
            var points = curves[tie]
            if avoiding.contains(edge.from) || avoiding.contains(edge.to) || points.count < 2,
               let a = byName[edge.from], let b = byName[edge.to] {
                points = [(a.x, a.y), (a.x, a.y), (b.x, b.y), (b.x, b.y)]
            }
            guard points.count >= 2 else { continue }
            var box = Geometry.Box(minX: points[0].0, minY: points[0].1, maxX: points[0].0, maxY: points[0].1)
            for p in points { box = box.union(Geometry.Box(minX: p.0, minY: p.1, maxX: p.0, maxY: p.1)) }
            foreign.append((points, box))
        }
        var candidate = node
        var step = 1
        while true {
            let angle = Double(step) * 0.5
            let radius = 3.0 * angle
            if radius > reach { return nil }
            candidate.x = node.x + radius * cos(angle)
            candidate.y = node.y + radius * sin(angle)
            step += 1
            let b = candidate.box
            let grown = Geometry.Box(minX: b.minX - gap, minY: b.minY - gap, maxX: b.maxX + gap, maxY: b.maxY + gap)
            // Within the drawing, so it still fits its page at the same scale.
            if !geometry.boundingBox.contains(b, tolerance: 0) { continue }
            if others.contains(where: { grown.overlaps($0.box) }) { continue }
            if foreign.contains(where: { $0.box.overlaps(b, tolerance: 0) && passes(densified($0.points), b) }) { continue }
            return (candidate.x, candidate.y)
        }
    }

    /// The box shrunk by `Legibility.inset`.
    static func inner(_ box: Geometry.Box) -> Geometry.Box {
        let d = Legibility.inset
        return Geometry.Box(minX: box.minX + d, minY: box.minY + d, maxX: box.maxX - d, maxY: box.maxY - d)
    }

    /// A straight tie given by its two ends sampled like a curve (so `passes` sees its inside).
    static func densified(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count == 4, points[0] == points[1], points[2] == points[3] else { return points }
        let (a, b) = (points[0], points[3])
        return (0...24).map { k in let t = Double(k) / 24; return (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t) }
    }
}
