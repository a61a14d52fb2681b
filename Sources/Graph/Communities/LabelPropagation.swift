extension AnalysisGraph {
    /// Communities by asynchronous label propagation: every node starts with its own label; in rounds over
    /// the nodes in random order, a node whose label is not among the most frequent (by summed tie weight) of
    /// its neighbours takes one of those, chosen at random; stops when no node changes (or after `maxRounds`).
    /// As NetworkX's `asyn_lpa_communities`. Directed graphs are read as undirected.
    ///
    /// - Complexity: O(m) per round; few rounds in practice.
    ///
    /// Raghavan, Albert & Kumara (2007). https://doi.org/10.1103/PhysRevE.76.036106
    public func labelPropagation(maxRounds: Int = 1000, using generator: inout some RandomNumberGenerator) -> Partition {
        let level = CommunityLevel(self)
        let n = nodeCount
        var label = (0..<n).map { Int32($0) }
        var frequency = [Double](repeating: 0, count: n)
        var touched: [Int32] = []
        var best: [Int32] = []
        for _ in 0..<maxRounds {
            var changed = false
            for node in shuffledIndices(n, using: &generator) {
                let u = Int(node)
                let row = Int(level.offsets[u])..<Int(level.offsets[u + 1])
                if row.isEmpty { continue }
                for slot in row {
                    let l = label[Int(level.targets[slot])]
                    if frequency[Int(l)] == 0 { touched.append(l) }
                    frequency[Int(l)] += level.weights[slot]
                }
                let top = touched.map { frequency[Int($0)] }.max() ?? 0
                best.removeAll(keepingCapacity: true)
                for l in touched where frequency[Int(l)] == top { best.append(l) }
                best.sort()
                if !best.contains(label[u]) {
                    label[u] = best[randomIndex(below: best.count, using: &generator)]
                    changed = true
                }
                for l in touched { frequency[Int(l)] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            if !changed { break }
        }
        return Partition(labels: label)
    }
}
