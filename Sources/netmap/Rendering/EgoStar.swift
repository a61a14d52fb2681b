import Foundation
import Graph

/// An ego drawing as a star: the centre in the middle, every neighbour on a ring around it (an ellipse shaped
/// like the page), so no spoke runs under a box, and neighbours tied to each other placed side by side on the
/// ring, so the ties between them are short chords that cross few spokes.
///
/// Order on the ring: the neighbours tied to other neighbours first, each group of them walked depth-first
/// from its best-connected member, then the rest grouped by the relation of their tie to the centre and by
/// kind, then label; the order is then improved by swapping two neighbours while that shortens the chords (in
/// places along the ring), in a fixed order. The ring is the smallest ellipse (of the page's proportions) on
/// which the boxes, walked round in that order, keep `gap` points apart and clear of the centre; the angles
/// left over are shared out evenly.
enum EgoStar {
    static let gap = 5.0

    /// The star layout of `network` around `centre` with the node sizes of `sized` (any layout of the same
    /// network); nil unless every other node is tied to the centre and there are at least 3 of them.
    ///
    /// - Complexity: O(k² · t) for the ordering (k neighbours, t ties among them) and O(k · s · b) for the
    ///   ring (s angle steps, b bisection steps).
    static func layout(_ network: Network, centre: String, sized: Geometry, aspect: Double) -> Geometry? {
        let boxes = sized.nodesByName
        guard let middle = boxes[centre] else { return nil }
        var neighbours: [String] = []
        var relationToCentre: [String: String] = [:]
        var links: [String: Set<String>] = [:]
        for edge in network.edges where edge.from != edge.to {
            if edge.from == centre || edge.to == centre {
                let other = edge.from == centre ? edge.to : edge.from
                if relationToCentre[other] == nil { relationToCentre[other] = edge.relation }
            } else {
                links[edge.from, default: []].insert(edge.to)
                links[edge.to, default: []].insert(edge.from)
            }
        }
        for node in network.nodes where node.id != centre {
            guard relationToCentre[node.id] != nil, boxes[node.id] != nil else { return nil }
            neighbours.append(node.id)
        }
        guard neighbours.count >= 3, neighbours.count + 1 == sized.nodes.count else { return nil }

        let order = improved(initialOrder(network, neighbours: neighbours, links: links, relationToCentre: relationToCentre), links: links)
        guard let angles = ring(order.map { boxes[$0]! }, around: middle, aspect: aspect) else { return nil }
        var result = sized
        result.edgePositions = [:]
        result.clusters = [:]
        result.texts = []
        var placed: [String: (Double, Double)] = [centre: (middle.x, middle.y)]
        for (id, point) in zip(order, angles.points) { placed[id] = point }
        var bounds: Geometry.Box?
        for index in result.nodes.indices {
            guard let point = placed[result.nodes[index].name] else { continue }
            result.nodes[index].x = point.0
            result.nodes[index].y = point.1
            let box = result.nodes[index].box
            bounds = bounds?.union(box) ?? box
        }
        guard let bounds else { return nil }
        result.boundingBox = Geometry.Box(minX: bounds.minX - 4, minY: bounds.minY - 4, maxX: bounds.maxX + 4, maxY: bounds.maxY + 4)
        return result
    }

    /// Neighbours tied among themselves first (depth-first from the best-connected), then by relation to the
    /// centre, kind and label.
    static func initialOrder(_ network: Network, neighbours: [String], links: [String: Set<String>], relationToCentre: [String: String]) -> [String] {
        let degree = { (id: String) in links[id]?.count ?? 0 }
        let key = { (id: String) -> String in
            let node = network.node(id)
            return (relationToCentre[id] ?? "") + "\u{0}" + (node?.kind ?? "") + "\u{0}" + (node?.label ?? id) + "\u{0}" + id
        }
        var seen = Set<String>()
        var order: [String] = []
        let linked = neighbours.filter { degree($0) > 0 }.sorted { degree($0) != degree($1) ? degree($0) > degree($1) : key($0) < key($1) }
        for start in linked where !seen.contains(start) {
            var stack = [start]
            while let id = stack.popLast() {
                guard seen.insert(id).inserted else { continue }
                order.append(id)
                let next = (links[id] ?? []).filter { !seen.contains($0) && relationToCentre[$0] != nil }
                    .sorted { degree($0) != degree($1) ? degree($0) > degree($1) : key($0) < key($1) }
                stack += next.reversed()
            }
        }
        order += neighbours.filter { !seen.contains($0) }.sorted { key($0) < key($1) }
        return order
    }

    /// The order with pairs of neighbours swapped while the total ring distance of the chords shrinks.
    static func improved(_ order: [String], links: [String: Set<String>]) -> [String] {
        var order = order
        let k = order.count
        var position: [String: Int] = [:]
        for (i, id) in order.enumerated() { position[id] = i }
        var chords: [(Int, Int)] = []
        for (i, id) in order.enumerated() {
            for other in links[id] ?? [] { if let j = position[other], i < j { chords.append((i, j)) } }
        }
        guard !chords.isEmpty else { return order }
        // Chords as pairs of slots, rewritten as slots swap.
        var slotOf = Array(0..<k)          // the slot of the neighbour first placed at i
        var atSlot = Array(0..<k)          // the neighbour (first index) in each slot
        func span(_ a: Int, _ b: Int) -> Int { let d = abs(slotOf[a] - slotOf[b]); return min(d, k - d) }
        var incident: [[Int]] = Array(repeating: [], count: k)
        for (c, chord) in chords.enumerated() { incident[chord.0].append(c); incident[chord.1].append(c) }
        func cost(_ members: [Int]) -> Int {
            var total = 0
            var counted = Set<Int>()
            for m in members { for c in incident[m] where counted.insert(c).inserted { total += span(chords[c].0, chords[c].1) } }
            return total
        }
        for _ in 0..<20 {
            var better = false
            for s in 0..<k {
                for t in (s + 1)..<k {
                    let (a, b) = (atSlot[s], atSlot[t])
                    if incident[a].isEmpty && incident[b].isEmpty { continue }
                    let before = cost([a, b])
                    slotOf[a] = t; slotOf[b] = s
                    if cost([a, b]) < before {
                        atSlot[s] = b; atSlot[t] = a
                        better = true
                    } else {
                        slotOf[a] = s; slotOf[b] = t
                    }
                }
            }
            if !better { break }
        }
        let first = order
        order = atSlot.map { first[$0] }
        return order
    }

    /// Centres for `boxes` on the smallest ellipse (width : height = `aspect`) round `middle` on which,
    /// walked round in order, no two boxes come within `gap` points and none meets the middle box.
    static func ring(_ boxes: [Geometry.NodeBox], around middle: Geometry.NodeBox, aspect: Double) -> (points: [(Double, Double)], scale: Double)? {
        let step = 0.004
        func grown(_ box: Geometry.Box) -> Geometry.Box {
            Geometry.Box(minX: box.minX - gap / 2, minY: box.minY - gap / 2, maxX: box.maxX + gap / 2, maxY: box.maxY + gap / 2)
        }
        let centreBox = grown(middle.box)
        // Angles for semi-axes (a, b), or nil when the boxes do not go round.
        func place(_ a: Double) -> [Double]? {
            let b = a / aspect
            var angles: [Double] = []
            var previous: Geometry.Box?
            var angle = Double.pi / 2
            let end = angle + 2 * Double.pi
            for node in boxes {
                while angle < end {
                    let box = grown(Geometry.NodeBox(name: node.name, x: middle.x + a * cos(angle), y: middle.y + b * sin(angle),
                                                     width: node.width, height: node.height).box)
                    if !box.overlaps(centreBox) && !(previous.map { box.overlaps($0) } ?? false) {
                        previous = box
                        break
                    }
                    angle += step
                }
                if angle >= end { return nil }
                angles.append(angle)
                angle += step
            }
            // The last must also clear the first.
            if let last = previous {
                let node = boxes[0], first = angles[0]
                let box = grown(Geometry.NodeBox(name: node.name, x: middle.x + a * cos(first), y: middle.y + b * sin(first),
                                                 width: node.width, height: node.height).box)
                if box.overlaps(last) { return nil }
            }
            return angles
        }
        var low = 10.0, high = 10.0
        while place(high) == nil {
            low = high
            high *= 1.5
            if high > 1e5 { return nil }
        }
        for _ in 0..<24 {
            let mid = (low + high) / 2
            if place(mid) == nil { low = mid } else { high = mid }
        }
        guard let angles = place(high) else { return nil }
        // Share out the angle left over after the last box: each step between neighbours grows by the same
        // amount, as much of it as keeps every box clear of the others.
        let a = high * 1.02, b = a / aspect
        let spare = max(0, angles[0] + 2 * Double.pi - angles[angles.count - 1])
        for share in [1.0, 0.75, 0.5, 0.25, 0] {
            let extra = spare * share / Double(angles.count)
            let points = angles.enumerated().map { (middle.x + a * cos($0.element + Double($0.offset) * extra),
                                                    middle.y + b * sin($0.element + Double($0.offset) * extra)) }
            let placed = zip(boxes, points).map { grown(Geometry.NodeBox(name: $0.name, x: $1.0, y: $1.1, width: $0.width, height: $0.height).box) }
            let clear = placed.indices.allSatisfy { i in
                !placed[i].overlaps(centreBox) && !((i + 1)..<placed.count).contains { placed[i].overlaps(placed[$0]) }
            }
            if clear { return (points, high) }
        }
        return nil
    }
}
