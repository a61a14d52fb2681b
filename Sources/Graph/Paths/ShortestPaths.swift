extension AnalysisGraph {
    /// Shortest-path distances from `source`: hop counts, or sums of tie weights when the graph is weighted.
    /// Unreachable nodes get `.infinity`.
    ///
    /// - Complexity: O(n + m) unweighted (breadth-first search); O((n + m) log n) weighted (Dijkstra 1959,
    ///   binary heap). Weights are lengths, as in NetworkX's `weight=` argument.
    public func shortestDistances(from source: Int) -> [Double] {
        guard isWeighted else {
            return breadthFirstDistances(from: source).map { $0 < 0 ? .infinity : Double($0) }
        }
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        var heap = DistanceHeap()
        distance[source] = 0
        heap.push(0, Int32(source))
        while let (d, node) = heap.pop() {
            let u = Int(node)
            if done[u] || d > distance[u] { continue }
            done[u] = true
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = Int(targets[slot])
                let candidate = d + weights[slot]
                if candidate < distance[v] {
                    distance[v] = candidate
                    heap.push(candidate, Int32(v))
                }
            }
        }
        return distance
    }

    /// Every shortest path from `source` to `target` as node index sequences, at most `limit` of them.
    ///
    /// Paths are listed in a fixed order: walking back from the target, lower node indices first. The first
    /// path is therefore the same whatever the limit. Weighted lengths are compared with a relative tolerance
    /// of 1e-12.
    ///
    /// - Complexity: O(n + m) (or Dijkstra's cost) plus O(p·L·Δ) for p paths of L ties.
    public func allShortestPaths(from source: Int, to target: Int, limit: Int = .max) -> [[Int]] {
        guard limit > 0 else { return [] }
        if source == target { return [[source]] }
        let distance = shortestDistances(from: source)
        guard distance[target].isFinite else { return [] }
        // Walk back from the target along ties that lie on some shortest path.
        func onShortestPath(_ u: Int, _ v: Int, _ w: Double) -> Bool {
            let through = distance[u] + w
            return abs(through - distance[v]) <= 1e-12 * max(1, distance[v])
        }
        var paths: [[Int]] = []
        var stack: [Int] = [target]
        func extend() {
            guard paths.count < limit else { return }
            let v = stack[stack.count - 1]
            if v == source {
                paths.append(stack.reversed())
                return
            }
            for slot in Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) {
                let u = Int(reverseTargets[slot])
                guard distance[u] < distance[v], onShortestPath(u, v, reverseWeights[slot]) else { continue }
                stack.append(u)
                extend()
                stack.removeLast()
                if paths.count >= limit { return }
            }
        }
        extend()
        return paths
    }

    /// Every simple path (no node twice) from `source` to `target` of at most `maxLength` ties, fewest ties first,
    /// at most `limit` of them. Like NetworkX's `all_simple_paths(G, s, t, cutoff=maxLength)`.
    ///
    /// - Complexity: exponential in `maxLength` in the worst case: O(Δ^maxLength).
    public func allSimplePaths(from source: Int, to target: Int, maxLength: Int, limit: Int = .max) -> [[Int]] {
        guard limit > 0, maxLength >= 0 else { return [] }
        if source == target { return [[source]] }
        // Nodes farther from the target than the remaining budget cannot finish a path: prune with hop distances.
        let toTarget = breadthFirstDistances(from: target, maxDepth: maxLength)
        var onPath = [Bool](repeating: false, count: nodeCount)
        var path: [Int] = [source]
        onPath[source] = true
        var found: [[Int]] = []
        func extend() {
            let u = path[path.count - 1]
            let remaining = maxLength - (path.count - 1)
            for v in neighbors(of: u) {
                let w = Int(v)
                if onPath[w] { continue }
                let hops = toTarget[w]
                if hops < 0 || Int(hops) > remaining - 1 { continue }
                if w == target {
                    found.append(path + [w])
                    continue
                }
                onPath[w] = true
                path.append(w)
                extend()
                path.removeLast()
                onPath[w] = false
            }
        }
        extend()
        // Stable sort: fewest ties first, otherwise the order of discovery.
        let ordered = found.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count < rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
        return Array(ordered.prefix(limit))
    }
}
