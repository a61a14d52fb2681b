extension AnalysisGraph {
    /// Connected components (weakly connected for directed graphs), largest first, each sorted by index.
    ///
    /// - Complexity: O(n + m) (see `componentLabels()`), plus O(n) to gather the members.
    public func connectedComponents() -> [[Int]] {
        let (label, count) = componentLabels()
        // Members in increasing index order: counting sort of the nodes by label, straight into each list.
        var sizes = [Int](repeating: 0, count: count)
        for c in label { sizes[Int(c)] += 1 }
        var components = sizes.map { size in [Int](unsafeUninitializedCapacity: size) { _, initialized in initialized = 0 } }
        for v in 0..<label.count { components[Int(label[v])].append(v) }
        let ranked = (0..<count).sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        return ranked.map { components[$0] }
    }

    /// Each node's connected component (weak components when directed) numbered 1, 2, … by decreasing size,
    /// equal sizes by their lowest node index: the per-node membership igraph's `connected_components()` gives,
    /// in the order `connectedComponents()` lists the components.
    ///
    /// - Complexity: O(n + m) (`componentLabels()` and a counting pass).
    public func componentNumbers() -> [Int] {
        let (labels, count) = componentLabels()
        var size = [Int](repeating: 0, count: count)
        var lowest = [Int](repeating: Int.max, count: count)
        for (node, label) in labels.enumerated() {
            size[Int(label)] += 1
            lowest[Int(label)] = min(lowest[Int(label)], node)
        }
        let order = (0..<count).sorted { size[$0] != size[$1] ? size[$0] > size[$1] : lowest[$0] < lowest[$1] }
        var number = [Int](repeating: 0, count: count)
        for (rank, label) in order.enumerated() { number[label] = rank + 1 }
        return labels.map { number[Int($0)] }
    }

    /// The component of every node (weakly connected for directed graphs), numbered 0, 1, … in the order of
    /// each component's smallest node index, and the number of components. Cheaper than
    /// `connectedComponents()` where only labels or sizes are needed.
    ///
    /// Union–find with neighbour sampling (Afforest): each node is first joined with its first two
    /// neighbours, which in most graphs already gathers the giant component; afterwards only nodes outside
    /// that component scan the rest of their ties. An edge is skipped only when both its ends were already in
    /// that component when reached, so no join is lost. Trees are linked smaller root wins, so every root
    /// is its component's smallest index, and paths are halved on every look-up.
    ///
    /// - Complexity: O((n + m) · α(n)) time in the worst case, typically far fewer than m tie visits; O(n) space.
    ///
    /// Sutton, M., Ben-Nun, T. & Barak, A. (2018). Optimizing parallel graph connectivity computation via
    /// subgraph sampling. IEEE IPDPS 2018.
    public func componentLabels() -> (labels: [Int32], count: Int) {
        let n = nodeCount
        guard n > 0 else { return ([], 0) }
        var parent = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
            for i in 0..<n { buffer[i] = Int32(truncatingIfNeeded: i) }
            initialized = n
        }
        var label = [Int32](repeating: 0, count: n)
        var count = 0
        let sampled = 2
        parent.withUnsafeMutableBufferPointer { parent in
        label.withUnsafeMutableBufferPointer { label in
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        reverseOffsets.withUnsafeBufferPointer { roff in
        reverseTargets.withUnsafeBufferPointer { rtgt in
            @inline(__always) func find(_ x: Int) -> Int {
                var x = x
                while true {
                    let p = Int(parent[x])
                    if p == x { return x }
                    let grand = parent[p]
                    parent[x] = grand
                    x = Int(grand)
                }
            }
            @inline(__always) func link(_ u: Int, _ v: Int) {
                let a = find(u), b = find(v)
                // The larger root hangs under the smaller.
                if a < b { parent[b] = Int32(truncatingIfNeeded: a) } else if b < a { parent[a] = Int32(truncatingIfNeeded: b) }
            }
            // 1. Sample: join every node with its first `sampled` out-neighbours.
            for round in 0..<sampled {
                for u in 0..<n {
                    let k = Int(off[u]) + round
                    if k < Int(off[u + 1]) { link(u, Int(tgt[k])) }
                }
            }
            // 2. The most frequent root after compression is (very likely) the giant component's.
            for u in 0..<n { parent[u] = Int32(truncatingIfNeeded: find(u)) }
            for u in 0..<n { label[Int(parent[u])] += 1 }
            var giant = 0
            for u in 1..<n where label[u] > label[giant] { giant = u }
            // 3. Every node not (yet) joined to the giant component scans its remaining ties, in and out.
            for u in 0..<n where find(u) != find(giant) {
                var k = Int(off[u]) + sampled
                let stop = Int(off[u + 1])
                while k < stop { link(u, Int(tgt[k])); k += 1 }
                if isDirected {
                    for k in Int(roff[u])..<Int(roff[u + 1]) { link(u, Int(rtgt[k])) }
                }
            }
            // 4. Number components by smallest member: a root is its component's smallest index.
            for u in 0..<n {
                let root = find(u)
                if root == u {
                    label[u] = Int32(truncatingIfNeeded: count); count += 1
                } else {
                    label[u] = label[root]
                }
            }
        }}}}}}
        return (label, count)
    }

    /// Density as NetworkX: m / (n(n−1)/2) undirected, m / (n(n−1)) directed; 0 for n < 2.
    public var density: Double {
        let n = Double(nodeCount)
        guard nodeCount > 1 else { return 0 }
        return isDirected ? Double(edgeCount) / (n * (n - 1)) : Double(edgeCount) / (n * (n - 1) / 2)
    }
}
