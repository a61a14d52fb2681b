import Foundation
import Graph

/// Draws every tie so that it runs under no node but its own two ends, with as few bends (and so as few
/// crossings) as the layout allows.
///
/// For each tie the first of these that passes no other node's box is kept: the route the layout engine drew
/// (dot routes its own ties), a straight line (bowed apart for ties that join the same two nodes, see
/// `ParallelTies`), and a route around the boxes found by Graphviz's obstacle-avoiding spline router
/// (`splines=true` on the fixed positions, neato's visibility-graph router: Dobkin, Gansner, Koutsofios &
/// North, "Implementing a general-purpose edge router", Graph Drawing 1997). When none is clear, the one that
/// passes the fewest boxes. Only ties that need it are routed around nodes: a curve around an obstacle
/// crosses more ties than a straight line does.
///
/// The router sees each node as its whole box (double borders included) and each pair of nodes once (its
/// ties share the route, offset sideways), so Graphviz's multi-edge router, which aborts on some
/// arrangements, never runs.
enum TieRouter {
    /// The most boxes a detour goes round.
    static let maxObstacles = 4

    /// Space left around a box by the router, in points.
    static let margin = 1.0

    /// A `pos` (Graphviz spline text) for every tie of `network` (key `edge-<i>`), given the laid-out `geometry`
    /// (node boxes; routes the layout already drew in `edgePositions`).
    ///
    /// - Complexity: one Graphviz routing pass when some tie needs it (visibility graph over the box corners,
    ///   O(v³) for v corners at worst), plus O(e · n · s) for the checks.
    ///   `previous`, when given, holds routes kept as they are for every tie not in `redo`.
    static func route(_ network: Network, geometry: Geometry, previous: [String: String]? = nil, redo: Set<Int> = [],
                      arrow: (Edge) -> Bool) throws -> [String: String] {
        let boxes = geometry.nodesByName
        let inner = geometry.nodes.map { node -> (String, Geometry.Box) in
            let b = node.box, d = Legibility.inset
            return (node.name, Geometry.Box(minX: b.minX + d, minY: b.minY + d, maxX: b.maxX - d, maxY: b.maxY - d))
        }
        /// How many boxes other than the tie's ends the spline `pos` passes.
        func blocked(_ pos: String, _ edge: Edge) -> Int {
            let points = Legibility.sample(pos)
            guard points.count > 2 else { return 0 }
            var (minX, minY, maxX, maxY) = (points[0].0, points[0].1, points[0].0, points[0].1)
            for p in points { minX = min(minX, p.0); maxX = max(maxX, p.0); minY = min(minY, p.1); maxY = max(maxY, p.1) }
            var count = 0
            for (name, b) in inner where b.maxX > minX && b.minX < maxX && b.maxY > minY && b.minY < maxY && name != edge.from && name != edge.to {
                if points.dropFirst().dropLast().contains(where: { $0.0 > b.minX && $0.0 < b.maxX && $0.1 > b.minY && $0.1 < b.maxY }) {
                    count += 1
                }
            }
            return count
        }
        let offsets = ParallelTies.offsets(network.edges)
        var result: [String: String] = [:]
        var needRouting: [Int] = []
        var fallback: [Int: (pos: String, blocked: Int)] = [:]
        for (index, edge) in network.edges.enumerated() {
            let key = "edge-\(index)"
            if let previous, !redo.contains(index) {
                if let kept = previous[key] { result[key] = kept }
                continue
            }
            guard edge.from != edge.to, let tail = boxes[edge.from], let head = boxes[edge.to] else {
                if let own = geometry.edgePositions[key] { result[key] = own }
                continue
            }
            var options: [String] = []
            if let own = geometry.edgePositions[key], offsets[index] == nil { options.append(own) }
            options.append(ParallelTies.pos(tail: tail, head: head, offset: offsets[index] ?? 0, lowIsTail: edge.from < edge.to, arrow: arrow(edge)))
            var best: (pos: String, blocked: Int)?
            for pos in options {
                let count = blocked(pos, edge)
                if best == nil || count < best!.blocked { best = (pos, count) }
                if count == 0 { break }
            }
            result[key] = best!.pos
            if best!.blocked > 0 {
                needRouting.append(index)
                fallback[index] = best!
            }
        }
        guard !needRouting.isEmpty else { return result }

        // Each pair among the boxes near it; a tie still blocked then takes a detour round the corners of
        // the boxes it passes.
        var order: [(low: String, high: String)] = []
        var seen = Set<String>()
        for index in needRouting {
            let edge = network.edges[index]
            let (low, high) = edge.from < edge.to ? (edge.from, edge.to) : (edge.to, edge.from)
            if seen.insert(low + "\u{0}" + high).inserted { order.append((low, high)) }
        }
        let routes = try routeAround(geometry: geometry, pairs: order)
        for index in needRouting {
            let edge = network.edges[index]
            let (low, high) = edge.from < edge.to ? (edge.from, edge.to) : (edge.to, edge.from)
            var count = fallback[index]!.blocked
            if var points = routes[low + "\u{0}" + high], points.count >= 4 {
                if edge.from != low { points.reverse() }
                if let offset = offsets[index], offset != 0 {
                    // Left of the low → high direction, as `ParallelTies` bows them.
                    points = shifted(points, by: edge.from == low ? offset : -offset)
                }
                let pos = splineText(points, arrow: arrow(edge))
                let routed = blocked(pos, edge)
                if routed < count {
                    result["edge-\(index)"] = pos
                    fallback[index] = (pos, routed)
                    count = routed
                }
            }
            if count > 0, let detour = detour(edge, around: fallback[index]!.pos, boxes: boxes, offset: offsets[index] ?? 0,
                                             arrow: arrow(edge), blocked: blocked), detour.blocked < count {
                result["edge-\(index)"] = detour.pos
                count = detour.blocked
            }
            // Last: the shortest way round every box (see `ObstacleRoute`), as far from the boxes as the gaps allow;
            // a tie sharing its ends with others keeps its offset from them where the gaps allow that too.
            if count > 0, let tail = boxes[edge.from], let head = boxes[edge.to] {
                let offset = offsets[index] ?? 0
                let others = geometry.nodes.filter { $0.name != edge.from && $0.name != edge.to }.map(\.box)
                let tries = (offset == 0 ? [] : [3.0, 1.5, 0.5].map { ($0, offset) }) + [3.0, 1.5, 0.5].map { ($0, 0.0) }
                for (clearance, shift) in tries {
                    guard let waypoints = ObstacleRoute.waypoints(from: tail, to: head, avoiding: others, clearance: clearance + abs(shift)),
                          !waypoints.isEmpty else { continue }
                    var controls = ObstacleRoute.legs(ParallelTies.border(of: tail, towards: waypoints[0]), waypoints,
                                                      ParallelTies.border(of: head, towards: waypoints[waypoints.count - 1])).controls
                    if shift != 0 { controls = shifted(controls, by: edge.from < edge.to ? shift : -shift) }
                    let pos = splineText(controls, arrow: arrow(edge))
                    if blocked(pos, edge) == 0 {
                        result["edge-\(index)"] = pos
                        break
                    }
                }
            }
        }
        return result
    }

    /// A tie the router could not lead between boxes (typically one grazing the corner of a box beside its
    /// end) drawn as straight legs through one or two points 3 pt outside the corners of the boxes it passes:
    /// of those routes, the one passing fewest boxes, then the shortest. Tried up to three times, each time
    /// also around the boxes the best detours so far pass, round `maxObstacles` boxes at most.
    ///
    /// - Complexity: O(c² · n · s) for c = 4 · `maxObstacles` corners, n boxes and s samples of a route.
    static func detour(_ edge: Edge, around pos: String, boxes: [String: Geometry.NodeBox], offset: Double = 0, arrow: Bool,
                       blocked: (String, Edge) -> Int) -> (pos: String, blocked: Int)? {
        guard let tail = boxes[edge.from], let head = boxes[edge.to] else { return nil }
        // Corners far enough out that a tie shifted sideways still clears them.
        let clearance = 3.0 + abs(offset)
        let others = boxes.values.filter { $0.name != edge.from && $0.name != edge.to }.sorted { $0.name < $1.name }
        func hits(_ pos: String) -> [Geometry.NodeBox] {
            let points = Legibility.sample(pos)
            return others.filter { NodeNudge.passes(points, $0.box) }
        }
        var best: (pos: String, blocked: Int, length: Double)?
        var obstacles: [Geometry.NodeBox] = []
        var next = hits(pos)
        for _ in 0..<3 {
            let fresh = next.filter { node in !obstacles.contains { $0.name == node.name } }
            guard !fresh.isEmpty, obstacles.count < maxObstacles else { break }
            obstacles += fresh.prefix(maxObstacles - obstacles.count)
            // One corner of a box passed, or two corners (of one box or of two), in either order.
            let corners = obstacles.flatMap { node -> [(Double, Double)] in
                let b = node.box
                return [(b.minX - clearance, b.minY - clearance), (b.maxX + clearance, b.minY - clearance),
                        (b.maxX + clearance, b.maxY + clearance), (b.minX - clearance, b.maxY + clearance)]
            }
            var routes: [[(Double, Double)]] = corners.map { [$0] }
            for a in corners.indices {
                for b in corners.indices where a != b { routes.append([corners[a], corners[b]]) }
            }
            var tried: [(pos: String, blocked: Int, length: Double)] = []
            for waypoints in routes {
                let start = ParallelTies.border(of: tail, towards: waypoints[0])
                let end = ParallelTies.border(of: head, towards: waypoints[waypoints.count - 1])
                let legs = ObstacleRoute.legs(start, waypoints, end)
                var controls = legs.controls
                // Ties joining the same two nodes keep apart, as `ParallelTies` bows them (left of low → high).
                if offset != 0 { controls = shifted(controls, by: edge.from < edge.to ? offset : -offset) }
                let text = splineText(controls, arrow: arrow)
                tried.append((text, blocked(text, edge), legs.length))
            }
            tried.sort { $0.blocked != $1.blocked ? $0.blocked < $1.blocked : $0.length < $1.length }
            if let first = tried.first, best == nil || first.blocked < best!.blocked { best = first }
            guard best!.blocked > 0 else { break }
            // Next time also around the boxes the most promising routes pass.
            next = tried.prefix(4).flatMap { hits($0.pos) }
        }
        return best.map { ($0.pos, $0.blocked) }
    }

    /// Routes each pair around the boxes near it with Graphviz (`nop2`, `splines=true`): the control points of
    /// each route, from `low` to `high`, by `low + "\0" + high`.
    ///
    /// Each pair is routed among the boxes near the straight line between its ends (within `corridor` points
    /// of it): Graphviz's visibility graph costs O(v³) in the corners v it sees, so many small passes are far
    /// cheaper than one over the whole drawing. A route that strays to a box outside the corridor is caught by
    /// the caller's check.
    static func routeAround(geometry: Geometry, pairs: [(low: String, high: String)]) throws -> [String: [(Double, Double)]] {
        let byName = geometry.nodesByName
        var result: [String: [(Double, Double)]] = [:]
        for pair in pairs {
            guard let a = byName[pair.low], let b = byName[pair.high] else { continue }
            let (ux, uy) = (b.x - a.x, b.y - a.y)
            let length2 = max(1e-9, ux * ux + uy * uy)
            func near(_ node: Geometry.NodeBox) -> Bool {
                let t = max(0, min(1, ((node.x - a.x) * ux + (node.y - a.y) * uy) / length2))
                let (dx, dy) = (node.x - a.x - t * ux, node.y - a.y - t * uy)
                let reach = corridor + (node.width * node.width + node.height * node.height).squareRoot() / 2
                return dx * dx + dy * dy <= reach * reach
            }
            var local = geometry
            local.nodes = geometry.nodes.filter { $0.name == pair.low || $0.name == pair.high || near($0) }
            let routes = try routeAroundAll(geometry: local, pairs: [pair])
            result.merge(routes) { first, _ in first }
        }
        return result
    }

    /// How far from a tie's straight line the boxes it is routed around may be, in points.
    static let corridor = 90.0

    /// Routes every pair in one Graphviz pass among all of `geometry`'s boxes.
    static func routeAroundAll(geometry: Geometry, pairs: [(low: String, high: String)]) throws -> [String: [(Double, Double)]] {
        var lines = ["digraph routes {",
                     "  graph [splines=\"true\", notranslate=\"true\", esep=\"+\(DOT.number(margin))\", sep=\"+\(DOT.number(margin))\", overlap=\"true\", bb=\"\(geometry.boundingBox.graphvizText)\"];",
                     "  node [shape=\"box\", fixedsize=\"true\", label=\"\", margin=\"0\"];",
                     "  edge [dir=\"none\"];"]
        for node in geometry.nodes {
            lines.append("  \(DOT.quote(node.name)) [pos=\"\(DOT.number(node.x)),\(DOT.number(node.y))\", width=\"\(DOT.number4(node.width / 72))\", height=\"\(DOT.number4(node.height / 72))\"];")
        }
        for (index, pair) in pairs.enumerated() {
            lines.append("  \(DOT.quote(pair.low)) -> \(DOT.quote(pair.high)) [id=\"route-\(index)\"];")
        }
        lines.append("}")
        let output = try Graphviz.render(dot: lines.joined(separator: "\n") + "\n", layout: "nop2", formats: ["json"])
        let routed = try Geometry.parse(output.data[0])
        var result: [String: [(Double, Double)]] = [:]
        for (index, pair) in pairs.enumerated() {
            guard let pos = routed.edgePositions["route-\(index)"] else { continue }
            result[pair.low + "\u{0}" + pair.high] = controlPoints(pos)
        }
        return result
    }

    /// The control points of a `pos` (its first spline), without `s,`/`e,` ends.
    static func controlPoints(_ pos: String) -> [(Double, Double)] {
        let first = pos.split(separator: ";").first ?? ""
        return first.split(separator: " ").filter { !$0.hasPrefix("e,") && !$0.hasPrefix("s,") }.compactMap { token in
            let numbers = token.split(separator: ",").compactMap { Double($0) }
            return numbers.count >= 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    /// The control points moved `offset` points to the left of the route's direction at each point.
    static func shifted(_ points: [(Double, Double)], by offset: Double) -> [(Double, Double)] {
        points.indices.map { i in
            let a = points[max(0, i - 1)], b = points[min(points.count - 1, i + 1)]
            let (dx, dy) = (b.0 - a.0, b.1 - a.1)
            let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
            return (points[i].0 - dy / length * offset, points[i].1 + dx / length * offset)
        }
    }

    /// Spline text for control points (3k+1), the last segment cut `ParallelTies.arrowLength` short of the end
    /// and `e,x,y` giving the arrow's tip when `arrow`.
    static func splineText(_ points: [(Double, Double)], arrow: Bool) -> String {
        var points = points
        let tip = points[points.count - 1]
        if arrow, points.count >= 4 {
            // Cut the last cubic where it is an arrow's length from the tip (de Casteljau at that t).
            let n = points.count
            let (p0, p1, p2, p3) = (points[n - 4], points[n - 3], points[n - 2], points[n - 1])
            func at(_ t: Double) -> (Double, Double) {
                let u = 1 - t
                return (u * u * u * p0.0 + 3 * u * u * t * p1.0 + 3 * u * t * t * p2.0 + t * t * t * p3.0,
                        u * u * u * p0.1 + 3 * u * u * t * p1.1 + 3 * u * t * t * p2.1 + t * t * t * p3.1)
            }
            var t = 1.0
            while t > 0.05 {
                let p = at(t)
                if ((p.0 - tip.0) * (p.0 - tip.0) + (p.1 - tip.1) * (p.1 - tip.1)).squareRoot() >= ParallelTies.arrowLength { break }
                t -= 0.01
            }
            func lerp(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) { (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t) }
            let q0 = lerp(p0, p1), q1 = lerp(p1, p2), q2 = lerp(p2, p3)
            let r0 = lerp(q0, q1), r1 = lerp(q1, q2)
            let s = lerp(r0, r1)
            points.replaceSubrange((n - 3)..<n, with: [q0, r0, s])
        }
        let text = points.map { "\(DOT.number($0.0)),\(DOT.number($0.1))" }.joined(separator: " ")
        return arrow ? "e,\(DOT.number(tip.0)),\(DOT.number(tip.1)) " + text : text
    }
}

extension DOT {
    /// A number with at most 4 decimals (sizes in inches, so boxes keep their size to 0.01 pt).
    static func number4(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
