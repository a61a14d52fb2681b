import Foundation
import Graph

/// How easily a reader can follow a finished drawing, measured from its laid-out coordinates (Graphviz's
/// `json` output of the final pass, the same numbers the SVG's paths are written from):
///
/// - a tie is **drawn across a node** when a sample of its curve (12 per Bézier segment; not its first or last
///   point) lies inside the box of a node that is not one of its ends, the box shrunk by 1.5 pt on each side;
/// - a **label overlaps** when a line of text's box meets a node that does not own it, or a line of text of
///   another node or of the legend, title or footnote;
/// - two ties **cross** when they share no end and a segment of one's sampled curve properly intersects a
///   segment of the other's;
/// - the **smallest text on the page** is the smallest font size times the page's scale;
/// - **page fill** is the share of the page's printable area the scaled drawing covers.
///
/// Purchase (1997, 2002) found crossings the aesthetic that most affects how well people read a graph
/// drawing; a tie under an unrelated box is worse, since a reader takes it for a tie of that box.
struct Legibility {
    /// Each tie (index into the network's ties) drawn across a node, with that node's id.
    var tiesAcrossNodes: [(tie: Int, node: String)] = []
    /// Pairs of text owners (node ids, `legend`, `title`, `footnote`) whose texts or boxes overlap.
    var labelOverlaps: [(String, String)] = []
    /// Pairs of ties that cross.
    var crossings = 0
    /// The smallest text in points on the page (or at full size without a page).
    var smallestText = 0.0
    /// The share (0...1) of the page's printable area the drawing covers; nil without a page.
    var pageFill: Double?
    /// Nodes of the network drawn.
    var nodeCount = 0

    /// Nodes some tie is drawn across.
    var nodesCrossed: Set<String> { Set(tiesAcrossNodes.map(\.node)) }
    /// Ties drawn across at least one node.
    var tiesAcross: Int { Set(tiesAcrossNodes.map(\.tie)).count }

    /// Samples per Bézier segment, and how far inside a box a sample must be to count (points).
    static let samples = 12
    static let inset = 1.5

    /// Measures `geometry` (the final drawing of `network`, ties with `id="edge-<i>"`) on `page`.
    ///
    /// - Complexity: O(e · s · n) for the ties across nodes (s samples per tie, n nodes, with a box test per
    ///   tie first) and O(e² · s²) at worst for the crossings (bounding boxes filter most pairs).
    init(_ geometry: Geometry, network: Network, page: Page?) {
        let names = Set(network.nodes.map(\.id))
        let nodes = geometry.nodes.filter { names.contains($0.name) }
        nodeCount = nodes.count
        let inner = nodes.map { node -> Geometry.Box in
            let b = node.box
            return Geometry.Box(minX: b.minX + Legibility.inset, minY: b.minY + Legibility.inset,
                                maxX: b.maxX - Legibility.inset, maxY: b.maxY - Legibility.inset)
        }
        var curves: [(index: Int, points: [(Double, Double)], box: Geometry.Box)] = []
        for (index, edge) in network.edges.enumerated() {
            guard let pos = geometry.edgePositions["edge-\(index)"] else { continue }
            let points = Legibility.sample(pos)
            guard points.count >= 2 else { continue }
            var box = Geometry.Box(minX: points[0].0, minY: points[0].1, maxX: points[0].0, maxY: points[0].1)
            for p in points { box = box.union(Geometry.Box(minX: p.0, minY: p.1, maxX: p.0, maxY: p.1)) }
            // Grown by 1 pt, so a horizontal or vertical tie's box has an inside.
            box = Geometry.Box(minX: box.minX - 1, minY: box.minY - 1, maxX: box.maxX + 1, maxY: box.maxY + 1)
            curves.append((index, points, box))
            for (n, node) in nodes.enumerated() where node.name != edge.from && node.name != edge.to {
                let b = inner[n]
                guard b.minX < b.maxX, b.minY < b.maxY, box.overlaps(b, tolerance: 0) else { continue }
                if points.dropFirst().dropLast().contains(where: { $0.0 > b.minX && $0.0 < b.maxX && $0.1 > b.minY && $0.1 < b.maxY }) {
                    tiesAcrossNodes.append((index, node.name))
                }
            }
        }
        for i in curves.indices {
            let a = curves[i], ea = network.edges[a.index]
            for j in (i + 1)..<curves.count {
                let b = curves[j], eb = network.edges[b.index]
                if ea.from == eb.from || ea.from == eb.to || ea.to == eb.from || ea.to == eb.to { continue }
                guard a.box.overlaps(b.box, tolerance: 0) else { continue }
                if Legibility.polylinesCross(a.points, b.points) { crossings += 1 }
            }
        }
        // Texts against the nodes that do not own them and against other owners' texts.
        let texts = geometry.texts.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        var pairs = Set<String>()
        func record(_ a: String, _ b: String) {
            let (x, y) = a < b ? (a, b) : (b, a)
            if pairs.insert(x + "\u{0}" + y).inserted { labelOverlaps.append((x, y)) }
        }
        for text in texts {
            let box = text.box
            for (n, node) in nodes.enumerated() where node.name != text.owner && box.overlaps(inner[n]) {
                record(text.owner, node.name)
            }
        }
        for i in texts.indices {
            for j in (i + 1)..<texts.count where texts[i].owner != texts[j].owner && texts[i].box.overlaps(texts[j].box, tolerance: 0.5) {
                record(texts[i].owner, texts[j].owner)
            }
        }
        let quality = QualityReport(geometry, page: page?.area)
        smallestText = quality.effectiveFont
        if let page, quality.width > 0, quality.height > 0 {
            let (width, height) = page.area
            pageFill = min(1, quality.width * quality.scale * quality.height * quality.scale / (width * height))
        }
    }

    /// The points of a Graphviz `pos` spline (`e,x,y`, `s,x,y`, then 3k+1 control points; splines separated by
    /// `;`), each cubic segment sampled at `samples` points, in order, with the last point.
    static func sample(_ pos: String) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for spline in pos.split(separator: ";") {
            var controls: [(Double, Double)] = []
            for token in spline.split(separator: " ") where !token.hasPrefix("e,") && !token.hasPrefix("s,") {
                let numbers = token.split(separator: ",").compactMap { Double($0) }
                if numbers.count >= 2 { controls.append((numbers[0], numbers[1])) }
            }
            guard controls.count >= 4 else {
                result += controls
                continue
            }
            var start = 0
            while start + 3 < controls.count {
                let (p0, p1, p2, p3) = (controls[start], controls[start + 1], controls[start + 2], controls[start + 3])
                for k in 0..<samples {
                    let t = Double(k) / Double(samples), u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    result.append((a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1))
                }
                start += 3
            }
            result.append(controls[start])
        }
        return result
    }

    /// Whether some segment of `a` properly intersects some segment of `b` (not merely touching).
    static func polylinesCross(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> Bool {
        for i in 0..<(a.count - 1) {
            let (p, q) = (a[i], a[i + 1])
            let (minX, maxX) = (min(p.0, q.0), max(p.0, q.0)), (minY, maxY) = (min(p.1, q.1), max(p.1, q.1))
            for j in 0..<(b.count - 1) {
                let (r, s) = (b[j], b[j + 1])
                if max(r.0, s.0) < minX || min(r.0, s.0) > maxX || max(r.1, s.1) < minY || min(r.1, s.1) > maxY { continue }
                if segmentsCross(p, q, r, s) { return true }
            }
        }
        return false
    }

    static func segmentsCross(_ p: (Double, Double), _ q: (Double, Double), _ r: (Double, Double), _ s: (Double, Double)) -> Bool {
        func orient(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double)) -> Double {
            (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
        }
        let d1 = orient(r, s, p), d2 = orient(r, s, q), d3 = orient(p, q, r), d4 = orient(p, q, s)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    /// The figures as `netmap render --check` prints them.
    var report: String {
        var lines = [
            "ties drawn across nodes: \(tiesAcrossNodes.count) (\(tiesAcross) ties; \(nodesCrossed.count) of \(nodeCount) nodes with a tie across them)",
            "label overlaps: \(labelOverlaps.count)",
            "tie crossings: \(crossings)",
            "smallest text on the page: \(DOT.number(smallestText)) pt",
        ]
        lines.append("page fill: " + (pageFill.map { "\(Int(($0 * 100).rounded())) %" } ?? "- (no --page)"))
        for (tie, node) in tiesAcrossNodes.prefix(20) { lines.append("  tie \(tie) across \(node)") }
        for (a, b) in labelOverlaps.prefix(20) { lines.append("  label overlap: \(a) / \(b)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
