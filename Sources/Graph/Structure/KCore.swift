extension AnalysisGraph {
    /// Core number of every node: the largest k such that the node is in a subgraph where every node has
    /// degree ≥ k. Directed graphs use in-degree + out-degree, as NetworkX's `core_number`.
    ///
    /// - Complexity: O(n + m) (bucket queue).
    ///
    /// Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition. https://arxiv.org/abs/cs/0310049
    public func coreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var degree = (0..<n).map { outDegree($0) + (isDirected ? inDegree($0) : 0) }
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var order = [Int](repeating: 0, count: n)
        var fill = binStart
        for v in 0..<n {
            position[v] = fill[degree[v]]
            order[position[v]] = v
            fill[degree[v]] += 1
        }
        func lower(_ u: Int, below v: Int) {
            guard degree[u] > degree[v] else { return }
            let du = degree[u]
            let first = binStart[du]
            let w = order[first]
            if u != w {
                order[position[u]] = w; position[w] = position[u]
                order[first] = u; position[u] = first
            }
            binStart[du] += 1
            degree[u] -= 1
        }
        for i in 0..<n {
            let v = order[i]
            for k in Int(offsets[v])..<Int(offsets[v + 1]) { lower(Int(targets[k]), below: v) }
            if isDirected {
                for k in Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) { lower(Int(reverseTargets[k]), below: v) }
            }
        }
        return degree
    }
}
