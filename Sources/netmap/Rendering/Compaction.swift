import Foundation

/// Makes a force-directed layout denser. Graphviz's overlap removal (prism) leaves a lot of white space, so
/// the drawing has to be scaled down far to fit a page. Here the node positions are pulled towards their
/// centre by a factor per axis, and the overlaps this creates are pushed apart again; of several factors the
/// caller keeps the one that fits the page best.
///
/// Overlaps are removed by repeated sweeps: every pair of boxes (grown by `gap`) that overlaps is pushed apart
/// along the axis of least penetration, each node half the way (Gauss–Seidel, in a fixed order, so the result
/// is deterministic). This keeps the neighbourhoods of the layout, as overlap removal by local moves does
/// (Misue, Eades, Lai & Sugiyama, "Layout adjustment and the mental map", J. Visual Languages and Computing
/// 6(2), 1995, doi:10.1006/jvlc.1995.1010).
enum Compaction {
    /// The steps tried: each is applied again and again to the last result while the overlaps can be removed.
    static let steps: [(sx: Double, sy: Double)] = [(0.9, 0.9), (0.9, 0.8), (0.8, 0.9), (0.9, 0.7), (0.7, 0.9), (0.9, 1), (1, 0.9)]
    static let maxRepeats = 10

    /// The compacted variants of `geometry`: for each of `steps`, the results of applying it 1, 2, ... times
    /// until the overlaps cannot be removed.
    static func variants(of geometry: Geometry) -> [Geometry] {
        var result: [Geometry] = []
        for step in steps {
            var current = geometry
            for _ in 0..<maxRepeats {
                guard let next = compacted(current, sx: step.sx, sy: step.sy) else { break }
                result.append(next)
                current = next
            }
        }
        return result
    }

    /// The nodes of `nodes` with positions scaled by `sx`, `sy` about their mean and overlaps removed, or nil
    /// when the overlaps are not gone after `maxSweeps` sweeps.
    ///
    /// - Complexity: O(s · (n log n + k)) for s sweeps, n nodes and k overlapping candidate pairs per sweep.
    static func compacted(_ nodes: [Geometry.NodeBox], sx: Double, sy: Double, gap: Double = 3, maxSweeps: Int = 500) -> [Geometry.NodeBox]? {
        let n = nodes.count
        guard n > 1 else { return nodes }
        var x = nodes.map(\.x), y = nodes.map(\.y)
        let w = nodes.map { $0.width + gap }, h = nodes.map { $0.height + gap }
        let cx = x.reduce(0, +) / Double(n), cy = y.reduce(0, +) / Double(n)
        for i in 0..<n {
            x[i] = cx + (x[i] - cx) * sx
            y[i] = cy + (y[i] - cy) * sy
        }
        var order = Array(0..<n)
        for _ in 0..<maxSweeps {
            order.sort { a, b in
                let la = x[a] - w[a] / 2, lb = x[b] - w[b] / 2
                return la != lb ? la < lb : a < b
            }
            // The overlapping pairs at the start of the sweep (exact: sorted by left edge, nothing moves yet).
            var pairs: [(Int, Int)] = []
            for p in 0..<n {
                let i = order[p]
                for q in (p + 1)..<n {
                    let j = order[q]
                    if x[j] - w[j] / 2 >= x[i] + w[i] / 2 { break }
                    if abs(y[i] - y[j]) < (h[i] + h[j]) / 2 { pairs.append((i, j)) }
                }
            }
            let moved = !pairs.isEmpty
            for (i, j) in pairs {
                let dx = (w[i] + w[j]) / 2 - abs(x[i] - x[j])
                let dy = (h[i] + h[j]) / 2 - abs(y[i] - y[j])
                guard dx > 0, dy > 0 else { continue }
                if dx < dy {
                    let d = (dx / 2 + 0.01) * ((x[i], i) < (x[j], j) ? 1 : -1)
                    x[i] -= d
                    x[j] += d
                } else {
                    let d = (dy / 2 + 0.01) * ((y[i], i) < (y[j], j) ? 1 : -1)
                    y[i] -= d
                    y[j] += d
                }
            }
            if !moved {
                var result = nodes
                for i in 0..<n {
                    // Two decimals, as the DOT text carries them; the 0.01 margins keep the boxes apart.
                    result[i].x = (x[i] * 100).rounded() / 100
                    result[i].y = (y[i] * 100).rounded() / 100
                }
                return result
            }
        }
        return nil
    }

    /// `geometry` with its nodes compacted by `sx`, `sy` (edges dropped, so they are routed again; bounding
    /// box around the nodes), or nil when the overlaps could not be removed.
    static func compacted(_ geometry: Geometry, sx: Double, sy: Double) -> Geometry? {
        guard let nodes = compacted(geometry.nodes, sx: sx, sy: sy) else { return nil }
        return withNodes(geometry, nodes)
    }

    /// `geometry` with `nodes` in place of its nodes, edges dropped (so they are routed again) and the bounding
    /// box around the nodes.
    static func withNodes(_ geometry: Geometry, _ nodes: [Geometry.NodeBox]) -> Geometry {
        var result = geometry
        result.nodes = nodes
        result.edgePositions = [:]
        let margin = 7.2
        if let first = nodes.first?.box {
            var box = first
            for node in nodes { box = box.union(node.box) }
            result.boundingBox = Geometry.Box(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
        }
        return result
    }
}
