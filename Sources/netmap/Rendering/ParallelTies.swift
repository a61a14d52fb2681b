import Foundation
import Graph

/// Ties that join the same two nodes (a county that both manages a programme and may apply to it), drawn as
/// curves bowed apart so each stays visible with its own colour and arrowhead.
///
/// Graphviz's own router for such ties (neato's multi-edge splines, `splines=true`) triangulates the space
/// around the nodes with GTS, which aborts the whole process on some arrangements (Graphviz 2.42:
/// `remove_intersected_edge: assertion failed`). So netmap never lets Graphviz route them: the layout pass
/// draws no ties when there are parallel ones, and the final pass gets these curves as fixed positions.
enum ParallelTies {
    /// Space between neighbouring curves at their middle, in points.
    static let spacing = 12.0
    /// Length of an arrowhead at the `arrowsize` netmap uses (Graphviz: 10 pt × 0.6).
    static let arrowLength = 6.0

    /// Each tie (index into `edges`) that shares its two ends with another, with its offset from the
    /// straight line in points: the ties of a pair spread evenly about the line, in input order, measured to
    /// the left of the direction from the smaller id to the larger (so a → b and b → a bow apart too).
    static func offsets(_ edges: [Edge]) -> [Int: Double] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, edge) in edges.enumerated() where edge.from != edge.to {
            let key = edge.from < edge.to ? edge.from + "\u{0}" + edge.to : edge.to + "\u{0}" + edge.from
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var result: [Int: Double] = [:]
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            for (rank, index) in members.enumerated() {
                result[index] = (Double(rank) - Double(members.count - 1) / 2) * spacing
            }
        }
        return result
    }

    /// Graphviz's `pos` of a tie from the box `tail` to the box `head` (centre and size, points) bowed
    /// `offset` points to the left of the line from `low` to the other end, ending in an arrowhead at `head`
    /// when `arrow`: one cubic Bézier from border to border, `e,x,y` giving the arrow's tip.
    static func pos(tail: Geometry.NodeBox, head: Geometry.NodeBox, offset: Double, lowIsTail: Bool, arrow: Bool) -> String {
        let (dx, dy) = (head.x - tail.x, head.y - tail.y)
        let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
        // The left normal of the low → high direction.
        let sign = lowIsTail ? 1.0 : -1.0
        let (nx, ny) = (-dy / length * sign, dx / length * sign)
        // A quadratic curve through the line's middle shifted by `offset` has its control point twice as far.
        let control = ((tail.x + head.x) / 2 + 2 * offset * nx, (tail.y + head.y) / 2 + 2 * offset * ny)
        let start = border(of: tail, towards: control)
        var end = border(of: head, towards: control)
        let tip = end
        if arrow {
            let (ex, ey) = (control.0 - end.0, control.1 - end.1)
            let d = max(1e-9, (ex * ex + ey * ey).squareRoot())
            end = (end.0 + ex / d * arrowLength, end.1 + ey / d * arrowLength)
        }
        // The cubic form of that quadratic curve.
        let c1 = (start.0 + 2 * (control.0 - start.0) / 3, start.1 + 2 * (control.1 - start.1) / 3)
        let c2 = (end.0 + 2 * (control.0 - end.0) / 3, end.1 + 2 * (control.1 - end.1) / 3)
        let points = [start, c1, c2, end].map { "\(DOT.number($0.0)),\(DOT.number($0.1))" }.joined(separator: " ")
        return arrow ? "e,\(DOT.number(tip.0)),\(DOT.number(tip.1)) " + points : points
    }

    /// Where the ray from the box's centre towards `point` leaves the box.
    static func border(of box: Geometry.NodeBox, towards point: (Double, Double)) -> (Double, Double) {
        let (dx, dy) = (point.0 - box.x, point.1 - box.y)
        guard abs(dx) > 1e-9 || abs(dy) > 1e-9 else { return (box.x, box.y) }
        let tx = abs(dx) > 1e-9 ? (box.width / 2) / abs(dx) : .infinity
        let ty = abs(dy) > 1e-9 ? (box.height / 2) / abs(dy) : .infinity
        let t = min(tx, ty, 1)
        return (box.x + dx * t, box.y + dy * t)
    }
}
