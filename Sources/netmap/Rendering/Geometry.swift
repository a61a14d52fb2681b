import Foundation
import Graph

/// The laid-out coordinates of a drawing, read from Graphviz's `json` output: node boxes, texts, edge
/// splines and cluster boxes, all in points with y up (Graphviz's own frame).
struct Geometry {
    struct Box: Equatable {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        var width: Double { maxX - minX }
        var height: Double { maxY - minY }

        /// Whether the interiors intersect by more than `tolerance` points on both axes.
        func overlaps(_ other: Box, tolerance: Double = 0.01) -> Bool {
            min(maxX, other.maxX) - max(minX, other.minX) > tolerance
                && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
        }

        /// Whether `other` lies inside this box, allowing `tolerance` points.
        func contains(_ other: Box, tolerance: Double = 0.5) -> Bool {
            other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
                && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
        }

        func union(_ other: Box) -> Box {
            Box(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
        }

        /// Graphviz's `llx,lly,urx,ury` text.
        var graphvizText: String { "\(DOT.number(minX)),\(DOT.number(minY)),\(DOT.number(maxX)),\(DOT.number(maxY))" }
    }

    struct NodeBox {
        var name: String
        var x: Double, y: Double
        var width: Double, height: Double
        var box: Box { Box(minX: x - width / 2, minY: y - height / 2, maxX: x + width / 2, maxY: y + height / 2) }
    }

    /// One line of text as drawn: `x, y` is the anchor on the baseline.
    struct Text {
        var owner: String
        var text: String
        var x: Double, y: Double
        var width: Double
        var size: Double
        var align: String
        /// The box the glyphs occupy (ascent 0.8 em above the baseline, descent 0.25 em below).
        var box: Box {
            let left = align == "l" ? x : (align == "r" ? x - width : x - width / 2)
            return Box(minX: left, minY: y - 0.25 * size, maxX: left + width, maxY: y + 0.8 * size)
        }
    }

    var boundingBox: Box
    var nodes: [NodeBox] = []
    /// Edge spline `pos` text by the edge's `id` attribute.
    var edgePositions: [String: String] = [:]
    /// Cluster boxes by subgraph name.
    var clusters: [String: Box] = [:]
    var texts: [Text] = []

    var nodesByName: [String: NodeBox] { Dictionary(nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }) }

    /// Reads Graphviz `json` output.
    static func parse(_ data: Data) throws -> Geometry {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw GraphError.invalidArgument("Graphviz json output could not be read")
        }
        guard let bb = box(root["bb"]) else { throw GraphError.invalidArgument("Graphviz json output has no bounding box") }
        var geometry = Geometry(boundingBox: bb)
        geometry.texts += texts(in: root, owner: "graph")
        for object in root["objects"] as? [[String: Any]] ?? [] {
            let name = object["name"] as? String ?? ""
            if let clusterBox = box(object["bb"]) {
                geometry.clusters[name] = clusterBox
            } else if let pos = point(object["pos"]), let width = double(object["width"]), let height = double(object["height"]) {
                geometry.nodes.append(NodeBox(name: name, x: pos.0, y: pos.1, width: width * 72, height: height * 72))
            }
            geometry.texts += texts(in: object, owner: name)
        }
        for edge in root["edges"] as? [[String: Any]] ?? [] {
            if let id = edge["id"] as? String, let pos = edge["pos"] as? String { geometry.edgePositions[id] = pos }
        }
        return geometry
    }

    private static func texts(in object: [String: Any], owner: String) -> [Text] {
        var result: [Text] = []
        var size = 14.0
        for op in object["_ldraw_"] as? [[String: Any]] ?? [] {
            switch op["op"] as? String {
            case "F": size = (op["size"] as? Double) ?? size
            case "T":
                guard let pt = op["pt"] as? [Double], pt.count == 2 else { continue }
                result.append(Text(owner: owner, text: op["text"] as? String ?? "", x: pt[0], y: pt[1],
                                   width: (op["width"] as? Double) ?? 0, size: size, align: op["align"] as? String ?? "c"))
            default: continue
            }
        }
        return result
    }

    private static func double(_ value: Any?) -> Double? {
        if let number = value as? Double { return number }
        return (value as? String).flatMap(Double.init)
    }

    private static func point(_ value: Any?) -> (Double, Double)? {
        guard let text = value as? String else { return nil }
        let parts = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "!"))) }
        return parts.count >= 2 ? (parts[0], parts[1]) : nil
    }

    private static func box(_ value: Any?) -> Box? {
        guard let text = value as? String else { return nil }
        let parts = text.split(separator: ",").compactMap { Double($0) }
        return parts.count == 4 ? Box(minX: parts[0], minY: parts[1], maxX: parts[2], maxY: parts[3]) : nil
    }
}

/// How a finished drawing measures up: overlaps, clipped labels, and the text size on its page.
struct QualityReport {
    /// Pairs of node names whose boxes overlap.
    var overlaps: [(String, String)] = []
    /// Texts that stick out of their node's box or out of the drawing.
    var clipped: [String] = []
    /// The smallest font size in the drawing, in points, before page scaling.
    var smallestFont: Double = 0
    /// The scale factor the page applies (1 when the drawing fits unscaled).
    var scale: Double = 1
    /// The drawing's size in points before scaling.
    var width: Double = 0, height: Double = 0
    var effectiveFont: Double { smallestFont * scale }

    /// Checks a geometry against a page of `pageWidth × pageHeight` points (nil: no page).
    ///
    /// - Complexity: O(n log n + k) for n nodes and k overlapping candidate pairs (sweep along x).
    init(_ geometry: Geometry, page: (Double, Double)?) {
        let nodes = geometry.nodes.sorted { $0.box.minX < $1.box.minX || ($0.box.minX == $1.box.minX && $0.name < $1.name) }
        let boxes = nodes.map(\.box)
        for i in boxes.indices {
            var j = i + 1
            while j < boxes.count && boxes[j].minX < boxes[i].maxX {
                if boxes[i].overlaps(boxes[j]) { overlaps.append((nodes[i].name, nodes[j].name)) }
                j += 1
            }
        }
        let byName = geometry.nodesByName
        for text in geometry.texts {
            let box = text.box
            if let node = byName[text.owner], !node.box.contains(box) {
                clipped.append("\(text.owner): '\(text.text)' sticks out of its node")
            } else if !geometry.boundingBox.contains(box, tolerance: 1) {
                clipped.append("\(text.owner): '\(text.text)' sticks out of the drawing")
            }
        }
        smallestFont = geometry.texts.map(\.size).min() ?? 0
        width = geometry.boundingBox.width
        height = geometry.boundingBox.height
        if let (pageWidth, pageHeight) = page, width > 0, height > 0 {
            scale = min(1, pageWidth / width, pageHeight / height)
        }
    }
}
