extension AnalysisGraph {
    /// Connected components (weakly connected for directed graphs), largest first, each sorted by index.
    ///
    /// - Complexity: O(n + m).
    public func connectedComponents() -> [[Int]] {
        var component = [Int32](repeating: -1, count: nodeCount)
        var components: [[Int]] = []
        var stack: [Int] = []
        for start in 0..<nodeCount where component[start] < 0 {
            let label = Int32(components.count)
            var members: [Int] = []
            component[start] = label
            stack.append(start)
            while let u = stack.popLast() {
                members.append(u)
                for v in neighbors(of: u) where component[Int(v)] < 0 {
                    component[Int(v)] = label
                    stack.append(Int(v))
                }
                if isDirected {
                    for v in predecessors(of: u) where component[Int(v)] < 0 {
                        component[Int(v)] = label
                        stack.append(Int(v))
                    }
                }
            }
            components.append(members.sorted())
        }
        return components.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count > rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Density as NetworkX: m / (n(n−1)/2) undirected, m / (n(n−1)) directed; 0 for n < 2.
    public var density: Double {
        let n = Double(nodeCount)
        guard nodeCount > 1 else { return 0 }
        return isDirected ? Double(edgeCount) / (n * (n - 1)) : Double(edgeCount) / (n * (n - 1) / 2)
    }
}
