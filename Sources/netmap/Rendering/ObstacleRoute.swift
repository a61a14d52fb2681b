import Foundation

/// The shortest polyline between two nodes that enters no other node's box grown by a clearance: the last
/// resort of `TieRouter`, for the ties that neither Graphviz's router nor a detour round a few corners clears.
///
/// The path runs through the corners of the grown boxes (a shortest path among rectangles bends only at their
/// corners), found by A* over the visibility graph of those corners, each visible pair tested when its first
/// end is reached (Lozano-Pérez & Wesley, "An algorithm for planning collision-free paths among polyhedral
/// obstacles", CACM 22(10), 1979). Corners inside another grown box are left out, so between two boxes closer
/// than twice the clearance the path goes round both.
///
/// - Complexity: O(s · v · b) for s settled corners (at most `maxSettled`), v = 4b corners and b boxes; A*
///   with the straight-line distance as its estimate usually settles a few dozen corners.
enum ObstacleRoute {
    /// The most corners settled before the search gives up (a route round a cluster of boxes settles a few
    /// dozen).
    static let maxSettled = 400

    /// The corners the path bends at, from `tail` to `head` (empty: the straight line is clear), or nil when
    /// no path clears every box (an end enclosed by boxes).
    static func waypoints(from tail: Geometry.NodeBox, to head: Geometry.NodeBox, avoiding boxes: [Geometry.Box],
                          clearance: Double) -> [(Double, Double)]? {
        let grown = boxes.map { Geometry.Box(minX: $0.minX - clearance, minY: $0.minY - clearance, maxX: $0.maxX + clearance, maxY: $0.maxY + clearance) }
        func inside(_ p: (Double, Double)) -> Bool {
            grown.contains { p.0 > $0.minX + 1e-6 && p.0 < $0.maxX - 1e-6 && p.1 > $0.minY + 1e-6 && p.1 < $0.maxY - 1e-6 }
        }
        func clear(_ p: (Double, Double), _ q: (Double, Double)) -> Bool {
            let (lowX, highX, lowY, highY) = (min(p.0, q.0), max(p.0, q.0), min(p.1, q.1), max(p.1, q.1))
            for box in grown where box.maxX > lowX && box.minX < highX && box.maxY > lowY && box.minY < highY {
                if crossesInterior(p, q, box) { return false }
            }
            return true
        }
        let start = (tail.x, tail.y), goal = (head.x, head.y)
        // Legs from or to an end are tested from where they leave its box: a box beside an end, nearer than the
        // clearance, must not close every way out.
        func clearLeg(_ from: Int, _ to: Int, _ p: (Double, Double), _ q: (Double, Double)) -> Bool {
            var (p, q) = (p, q)
            if from == 0 { p = ParallelTies.border(of: tail, towards: q) } else if from == 1 { p = ParallelTies.border(of: head, towards: q) }
            if to == 1 { q = ParallelTies.border(of: head, towards: p) } else if to == 0 { q = ParallelTies.border(of: tail, towards: p) }
            return clear(p, q)
        }
        if clearLeg(0, 1, start, goal) { return [] }
        var points = [start, goal]
        for box in grown {
            for corner in [(box.minX, box.minY), (box.maxX, box.minY), (box.maxX, box.maxY), (box.minX, box.maxY)] where !inside(corner) {
                points.append(corner)
            }
        }
        func distance(_ a: Int, _ b: Int) -> Double {
            let (dx, dy) = (points[a].0 - points[b].0, points[a].1 - points[b].1)
            return (dx * dx + dy * dy).squareRoot()
        }
        var cost = [Double](repeating: .infinity, count: points.count)
        var previous = [Int](repeating: -1, count: points.count)
        var settled = [Bool](repeating: false, count: points.count)
        cost[0] = 0
        // A* without a heap: the corners are few, and a linear scan keeps the order of equal estimates fixed.
        // An end walled in (boxes closer than the clearance all round it) would have every reachable corner
        // settled before giving up; `maxSettled` bounds that search.
        var settledCount = 0
        while true {
            var current = -1, bestEstimate = Double.infinity
            for index in points.indices where !settled[index] && cost[index] < .infinity {
                let estimate = cost[index] + distance(index, 1)
                if estimate < bestEstimate { (current, bestEstimate) = (index, estimate) }
            }
            guard current >= 0 else { return nil }
            if current == 1 { break }
            settled[current] = true
            settledCount += 1
            if settledCount > maxSettled { return nil }
            for next in points.indices where !settled[next] && next != current {
                let candidate = cost[current] + distance(current, next)
                if candidate < cost[next] - 1e-9 && clearLeg(current, next, points[current], points[next]) {
                    cost[next] = candidate
                    previous[next] = current
                }
            }
        }
        var path: [(Double, Double)] = []
        var at = previous[1]
        while at > 0 {
            path.append(points[at])
            at = previous[at]
        }
        return path.reversed()
    }

    /// Whether the segment p–q passes through the inside of `box` (touching its border or a corner is not).
    static func crossesInterior(_ p: (Double, Double), _ q: (Double, Double), _ box: Geometry.Box) -> Bool {
        let e = 1e-6
        let (dx, dy) = (q.0 - p.0, q.1 - p.1)
        var t0 = 0.0, t1 = 1.0
        for (a, b) in [(-dx, p.0 - (box.minX + e)), (dx, (box.maxX - e) - p.0), (-dy, p.1 - (box.minY + e)), (dy, (box.maxY - e) - p.1)] {
            if abs(a) < 1e-12 {
                if b <= 0 { return false }
            } else {
                let t = b / a
                if a < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 >= t1 { return false }
            }
        }
        return t1 - t0 > 1e-9
    }

    /// Cubic control points for straight legs from `start` through `waypoints` to `end` (each leg one segment,
    /// its inner control points a third of the way along), and the path's length.
    static func legs(_ start: (Double, Double), _ waypoints: [(Double, Double)], _ end: (Double, Double)) -> (controls: [(Double, Double)], length: Double) {
        let stops = [start] + waypoints + [end]
        var controls = [start]
        var length = 0.0
        for k in 1..<stops.count {
            let (p, q) = (stops[k - 1], stops[k])
            controls += [(p.0 + (q.0 - p.0) / 3, p.1 + (q.1 - p.1) / 3), (p.0 + 2 * (q.0 - p.0) / 3, p.1 + 2 * (q.1 - p.1) / 3), q]
            length += ((q.0 - p.0) * (q.0 - p.0) + (q.1 - p.1) * (q.1 - p.1)).squareRoot()
        }
        return (controls, length)
    }
}
