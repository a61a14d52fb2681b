extension AnalysisGraph {
    /// Distance statistics of the graph: the diameter of every component (largest first, as
    /// `connectedComponents()`), and the average shortest-path length over all ordered pairs that are joined
    /// by a path (equal to NetworkX's `average_shortest_path_length` on a connected graph). Hop counts, or
    /// 1/strength distances when weighted; directed graphs follow direction within weak components.
    ///
    /// - Complexity: O(n·m) unweighted (one BFS per node, split over `threads`).
    public func distanceStatistics(threads: Int? = nil) -> (diameters: [Double], averagePathLength: Double) {
        let components = connectedComponents()
        let summaries = distanceSummaries(of: Array(0..<nodeCount), incoming: false, threads: threads)
        let diameters = components.map { component in component.reduce(0.0) { Swift.max($0, summaries[$1].eccentricity) } }
        var total = 0.0, pairs = 0
        for summary in summaries {
            total += summary.total
            pairs += summary.reached - 1
        }
        return (diameters, pairs > 0 ? total / Double(pairs) : 0)
    }

    /// How many nodes have each degree (distinct neighbours, in and out together when directed).
    public func degreeDistribution() -> [Int: Int] {
        var histogram: [Int: Int] = [:]
        for v in 0..<nodeCount {
            let degree = isDirected ? Set(neighbors(of: v)).union(predecessors(of: v)).count : outDegree(v)
            histogram[degree, default: 0] += 1
        }
        return histogram
    }
}
