/// A binary min-heap of (distance, node) pairs in flat arrays, for Dijkstra with lazy deletion.
///
/// Equal distances pop in node order, so every traversal built on it is deterministic.
/// - Complexity: O(log n) per push and pop; no allocation beyond the two arrays.
struct DistanceHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    @inline(__always)
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        keys[a] < keys[b] || (keys[a] == keys[b] && nodes[a] < nodes[b])
    }

    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if !precedes(child, parent) { break }
            keys.swapAt(parent, child)
            nodes.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let firstKey = keys.first, let firstNode = nodes.first else { return nil }
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var parent = 0
            let count = keys.count
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                let right = left + 1
                let child = right < count && precedes(right, left) ? right : left
                if !precedes(child, parent) { break }
                keys.swapAt(parent, child)
                nodes.swapAt(parent, child)
                parent = child
            }
        }
        return (firstKey, firstNode)
    }
}
