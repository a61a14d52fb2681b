extension AnalysisGraph {
    /// Connected components (weakly connected for directed graphs), largest first, each sorted by index.
    ///
    /// - Complexity: O(n + m).
    public func connectedComponents() -> [[Int]] {
        let n = nodeCount
        var component = [Int32](repeating: -1, count: n)
        var stack = [Int32](repeating: 0, count: n)
        var count = 0
        component.withUnsafeMutableBufferPointer { label in
        stack.withUnsafeMutableBufferPointer { stack in
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        reverseOffsets.withUnsafeBufferPointer { roff in
        reverseTargets.withUnsafeBufferPointer { rtgt in
            for start in 0..<n where label[start] < 0 {
                let current = Int32(count)
                count += 1
                label[start] = current
                stack[0] = Int32(start)
                var top = 1
                while top > 0 {
                    top -= 1
                    let u = Int(stack[top])
                    for k in Int(off[u])..<Int(off[u + 1]) {
                        let v = Int(tgt[k])
                        if label[v] < 0 { label[v] = current; stack[top] = Int32(v); top += 1 }
                    }
                    if isDirected {
                        for k in Int(roff[u])..<Int(roff[u + 1]) {
                            let v = Int(rtgt[k])
                            if label[v] < 0 { label[v] = current; stack[top] = Int32(v); top += 1 }
                        }
                    }
                }
            }
        }}}}}}
        // Members in increasing index order, by one pass over the labels.
        var components = [[Int]](repeating: [], count: count)
        for v in 0..<n { components[Int(component[v])].append(v) }
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
