import Foundation
import Graph

/// Gathers the leaves of a hub (nodes whose only neighbour is that hub) into one block beside it.
///
/// A force-directed layout puts a hub's leaves on a ring around it: a county council tied to forty
/// programmes and themes gets a ring whose inside is empty, and the drawing has to shrink far to fit a page.
/// Stacking the leaves in a grid beside their hub keeps who-belongs-to-whom readable (the block sits next to
/// its hub, every tie is still drawn) and frees that space, so `Compaction` can pull the drawing together.
///
/// `collapsed` replaces each hub's leaves by one box (`block:<hub>`): in the network, to be laid out afresh,
/// or in a finished layout, beside the hub on the side where most of the leaves were. The boxes are then
/// compacted like nodes, and `expanded` lays the leaves out in their block again.
struct LeafBlocks {
    /// A hub's leaves in the order they are stacked (column by column), and the block's columns.
    struct Block {
        var hub: String
        /// The name of the block's stand-in box: `block:<hub>`, made unique among the node names.
        var name: String = ""
        var leaves: [String]
        var columns: [[Int]]
        /// The width of each column: its widest leaf.
        var columnWidths: [Double] = []
        var width: Double
        var height: Double
    }

    /// Hubs with fewer leaves than this keep them where the layout put them.
    static let minimumLeaves = 3
    /// Space between leaves in a block, in points (room for the ties to pass).
    static let gap = 4.0

    var blocks: [Block] = []
    private var sizes: [String: (width: Double, height: Double)] = [:]

    /// The blocks of `geometry`'s nodes, given the ties as pairs of node names (order of leaves: by `order`,
    /// then name). Empty when no hub has `minimumLeaves` leaves.
    init(_ geometry: Geometry, edges: [(from: String, to: String)], order: [String: String] = [:]) {
        var neighbours: [String: Set<String>] = [:]
        for edge in edges where edge.from != edge.to {
            neighbours[edge.from, default: []].insert(edge.to)
            neighbours[edge.to, default: []].insert(edge.from)
        }
        var leavesByHub: [String: [String]] = [:]
        for node in geometry.nodes {
            guard let set = neighbours[node.name], set.count == 1, let hub = set.first else { continue }
            // Two nodes tied only to each other are no hub and leaf.
            if neighbours[hub]?.count == 1 { continue }
            leavesByHub[hub, default: []].append(node.name)
        }
        for node in geometry.nodes { sizes[node.name] = (node.width, node.height) }
        for hub in leavesByHub.keys.sorted() {
            let leaves = leavesByHub[hub]!.sorted { (order[$0] ?? "", $0) < (order[$1] ?? "", $1) }
            guard leaves.count >= LeafBlocks.minimumLeaves else { continue }
            var block = LeafBlocks.grid(hub: hub, leaves: leaves, sizes: sizes)
            block.name = "block:" + hub
            while sizes[block.name] != nil { block.name += "'" }
            blocks.append(block)
        }
    }

    /// The leaves in the number of columns that gives the block the shortest perimeter, filled column by
    /// column.
    static func grid(hub: String, leaves: [String], sizes: [String: (width: Double, height: Double)]) -> Block {
        var best: Block?
        for count in 1...leaves.count {
            let rows = (leaves.count + count - 1) / count
            let columns = stride(from: 0, to: leaves.count, by: rows).map { Array($0..<min($0 + rows, leaves.count)) }
            var width = gap * Double(columns.count - 1), height = 0.0
            var columnWidths: [Double] = []
            for column in columns {
                var columnWidth = 0.0, columnHeight = gap * Double(column.count - 1)
                for index in column {
                    let size = sizes[leaves[index]] ?? (0, 0)
                    columnWidth = max(columnWidth, size.width)
                    columnHeight += size.height
                }
                width += columnWidth
                columnWidths.append(columnWidth)
                height = max(height, columnHeight)
            }
            if best == nil || width + height < best!.width + best!.height {
                best = Block(hub: hub, leaves: leaves, columns: columns, columnWidths: columnWidths, width: width, height: height)
            }
        }
        return best!
    }

    /// `network` with each block's leaves replaced by one node (`block:<hub>`, tied to the hub) and the size
    /// of each such node, for laying out the network with its leaves already gathered.
    func collapsed(_ network: Network) -> (Network, [String: (width: Double, height: Double)]) {
        let gathered = Set(blocks.flatMap(\.leaves))
        var result = network
        result.removeNodes { gathered.contains($0.id) }
        var sizes: [String: (width: Double, height: Double)] = [:]
        for block in blocks {
            let id = block.name
            result.upsert(Node(id: id, label: "", kind: "node"))
            result.edges.append(Edge(from: block.hub, to: id, relation: "related_to"))
            sizes[id] = (block.width, block.height)
        }
        return (result, sizes)
    }

    /// `geometry` with each block's leaves replaced by one box beside its hub, on the side where the leaves'
    /// mean position was (edges dropped).
    func collapsed(_ geometry: Geometry) -> Geometry {
        let byName = geometry.nodesByName
        let gathered = Set(blocks.flatMap(\.leaves))
        var nodes = geometry.nodes.filter { !gathered.contains($0.name) }
        for block in blocks {
            guard let hub = byName[block.hub] else { continue }
            let points = block.leaves.compactMap { byName[$0] }
            var dx = points.map(\.x).reduce(0, +) / Double(max(1, points.count)) - hub.x
            var dy = points.map(\.y).reduce(0, +) / Double(max(1, points.count)) - hub.y
            if abs(dx) < 1e-9 && abs(dy) < 1e-9 { dx = 1; dy = 0 }
            let length = (dx * dx + dy * dy).squareRoot()
            dx /= length
            dy /= length
            // Far enough along (dx, dy) that the block's box clears the hub's.
            let alongX = abs(dx) > 1e-9 ? ((hub.width + block.width) / 2 + LeafBlocks.gap) / abs(dx) : .infinity
            let alongY = abs(dy) > 1e-9 ? ((hub.height + block.height) / 2 + LeafBlocks.gap) / abs(dy) : .infinity
            let distance = min(alongX, alongY)
            nodes.append(Geometry.NodeBox(name: block.name, x: hub.x + dx * distance, y: hub.y + dy * distance,
                                          width: block.width, height: block.height))
        }
        return Compaction.withNodes(geometry, nodes)
    }

    /// `geometry` (a compacted `collapsed` geometry) with each block box replaced by its leaves in their grid.
    func expanded(_ geometry: Geometry) -> Geometry {
        let byName = geometry.nodesByName
        let names = Set(blocks.map(\.name))
        var nodes = geometry.nodes.filter { !names.contains($0.name) }
        for block in blocks {
            guard let box = byName[block.name]?.box else { continue }
            var left = box.minX
            for (column, width) in zip(block.columns, block.columnWidths) {
                var top = box.maxY
                for index in column {
                    let name = block.leaves[index]
                    let size = sizes[name] ?? (0, 0)
                    nodes.append(Geometry.NodeBox(name: name, x: ((left + width / 2) * 100).rounded() / 100,
                                                  y: ((top - size.height / 2) * 100).rounded() / 100,
                                                  width: size.width, height: size.height))
                    top -= size.height + LeafBlocks.gap
                }
                left += width + LeafBlocks.gap
            }
        }
        return Compaction.withNodes(geometry, nodes)
    }
}
