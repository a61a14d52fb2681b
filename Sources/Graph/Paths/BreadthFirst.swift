extension AnalysisGraph {
    /// Hop distances from `source` along out-ties (all ties when undirected); -1 where unreachable.
    ///
    /// - Complexity: O(n + m).
    public func breadthFirstDistances(from source: Int, maxDepth: Int = .max) -> [Int32] {
        var distance = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var head = 0, tail = 0
        distance[source] = 0
        queue[tail] = Int32(source); tail += 1
        while head < tail {
            let u = Int(queue[head]); head += 1
            let next = distance[u] + 1
            if Int(next) > maxDepth { continue }
            for v in neighbors(of: u) where distance[Int(v)] < 0 {
                distance[Int(v)] = next
                queue[tail] = v; tail += 1
            }
        }
        return distance
    }
}

extension Network {
    /// The ego network of `center`: nodes within `radius` ties (ignoring direction) and the ties among them.
    public func egoNetwork(of center: String, radius: Int, filter: GraphFilter = GraphFilter()) -> (network: Network, distances: [String: Int]) {
        let filtered = filter.apply(to: self)
        let graph = AnalysisGraph(filtered)
        guard let source = filtered.index(of: center) else { return (Network(name: name), [:]) }
        let hops = graph.breadthFirstDistances(from: source, maxDepth: radius)
        var distances: [String: Int] = [:]
        for (i, d) in hops.enumerated() where d >= 0 { distances[graph.ids[i]] = Int(d) }
        var ego = filtered
        ego.removeNodes { distances[$0.id] == nil }
        return (ego, distances)
    }
}
