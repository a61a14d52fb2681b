import Foundation

/// What one single-source shortest-path run tells about a node.
public struct DistanceSummary: Sendable, Equatable {
    /// Nodes reached, the node itself included.
    public var reached: Int
    /// Sum of distances to (or from) the reached nodes.
    public var total: Double
    /// Sum of 1/distance over the reached nodes other than the node itself.
    public var harmonic: Double
    /// Largest distance to a reached node.
    public var eccentricity: Double
}

extension AnalysisGraph {
    /// Closeness of every node (or of `nodes`), with the Wasserman–Faust correction for disconnected graphs,
    /// as NetworkX's `closeness_centrality(wf_improved=True)`: (r−1)/Σd · (r−1)/(n−1), r the nodes that reach
    /// u (u included); 0 for a node nothing reaches. Directed graphs use incoming distances; weighted graphs
    /// use distance = 1/strength.
    ///
    /// - Complexity: O(k·m) unweighted, O(k·(m + n log n)) weighted, for k nodes; O(n) space per thread.
    ///
    /// Wasserman, S. & Faust, K. (1994). Social Network Analysis, p. 201.
    public func closeness(of nodes: [Int]? = nil, threads: Int? = nil, progress: ProgressCounter? = nil) -> [Double] {
        let n = nodeCount
        return distanceSummaries(of: nodes ?? Array(0..<n), incoming: true, threads: threads, progress: progress).map { summary in
            guard summary.total > 0, n > 1 else { return 0 }
            let r = Double(summary.reached - 1)
            return r / summary.total * (r / Double(n - 1))
        }
    }

    /// Harmonic centrality: Σ 1/d(v, u) over the nodes v that reach u, unnormalised, as NetworkX's
    /// `harmonic_centrality`. Directed graphs use incoming distances; weighted graphs distance = 1/strength.
    ///
    /// - Complexity: as `closeness`.
    ///
    /// Marchiori, M. & Latora, V. (2000). Harmony in the small-world. https://doi.org/10.1016/S0378-4371(00)00311-3
    public func harmonic(of nodes: [Int]? = nil, threads: Int? = nil, progress: ProgressCounter? = nil) -> [Double] {
        distanceSummaries(of: nodes ?? Array(0..<nodeCount), incoming: true, threads: threads, progress: progress).map(\.harmonic)
    }

    /// One shortest-path run from each of `nodes` (along in-ties when `incoming`), summarised.
    ///
    /// - Complexity: O(k·m) unweighted, O(k·(m + n log n)) weighted; O(n) space per thread.
    public func distanceSummaries(of nodes: [Int], incoming: Bool, threads requested: Int? = nil,
                                  progress: ProgressCounter? = nil) -> [DistanceSummary] {
        let n = nodeCount
        guard !nodes.isEmpty else { return [] }
        let threads = threadCount(requested, items: nodes.count)
        let output = SharedBuffer(repeating: DistanceSummary(reached: 0, total: 0, harmonic: 0, eccentricity: 0), count: nodes.count)
        defer { output.free() }
        let useReverse = incoming && isDirected
        let rowOffsets = useReverse ? reverseOffsets : offsets
        let rowTargets = useReverse ? reverseTargets : targets
        let rowDistance = isWeighted ? (useReverse ? reverseWeights : weights).map { 1 / $0 } : []
        runThreads(threads) { thread in
            var pending = 0
            if isWeighted {
                var dist = [Double](repeating: .infinity, count: n)
                var touched: [Int32] = []
                var heap = DistanceHeap()
                for index in stride(from: thread, to: nodes.count, by: threads) {
                    let source = nodes[index]
                    var summary = DistanceSummary(reached: 0, total: 0, harmonic: 0, eccentricity: 0)
                    dist[source] = 0; touched.append(Int32(source))
                    heap.push(0, Int32(source))
                    while let (d, node) = heap.pop() {
                        let v = Int(node)
                        if d > dist[v] { continue }
                        summary.reached += 1
                        summary.total += d
                        if d > 0 { summary.harmonic += 1 / d }
                        summary.eccentricity = Swift.max(summary.eccentricity, d)
                        for k in Int(rowOffsets[v])..<Int(rowOffsets[v + 1]) {
                            let w = Int(rowTargets[k])
                            let candidate = d + rowDistance[k]
                            if candidate < dist[w] {
                                if dist[w] == .infinity { touched.append(Int32(w)) }
                                dist[w] = candidate
                                heap.push(candidate, Int32(w))
                            }
                        }
                    }
                    for v in touched { dist[Int(v)] = .infinity }
                    touched.removeAll(keepingCapacity: true)
                    output.base[index] = summary
                    pending += 1
                    if pending == 16, let progress { progress.add(pending); pending = 0 }
                }
            } else {
                let dist = UnsafeMutablePointer<Int32>.allocate(capacity: n); dist.initialize(repeating: -1, count: n)
                let queue = UnsafeMutablePointer<Int32>.allocate(capacity: n)
                defer { dist.deallocate(); queue.deallocate() }
                rowOffsets.withUnsafeBufferPointer { off in
                rowTargets.withUnsafeBufferPointer { tgt in
                    for index in stride(from: thread, to: nodes.count, by: threads) {
                        let source = nodes[index]
                        dist[source] = 0; queue[0] = Int32(source)
                        var head = 0, tail = 1
                        var total = 0, harmonic = 0.0
                        var lastLevel: Int32 = 0, levelCount = 0
                        while head < tail {
                            let v = Int(queue[head]); head += 1
                            let next = dist[v] + 1
                            for k in Int(off[v])..<Int(off[v + 1]) {
                                let w = Int(tgt[k])
                                if dist[w] < 0 {
                                    dist[w] = next
                                    queue[tail] = Int32(w); tail += 1
                                    total += Int(next)
                                    if next != lastLevel {
                                        if levelCount > 0 { harmonic += Double(levelCount) / Double(lastLevel) }
                                        lastLevel = next; levelCount = 0
                                    }
                                    levelCount += 1
                                }
                            }
                        }
                        if levelCount > 0 { harmonic += Double(levelCount) / Double(lastLevel) }
                        let eccentricity = dist[Int(queue[tail - 1])]
                        for j in 0..<tail { dist[Int(queue[j])] = -1 }
                        output.base[index] = DistanceSummary(reached: tail, total: Double(total), harmonic: harmonic,
                                                             eccentricity: Double(eccentricity))
                        pending += 1
                        if pending == 64, let progress { progress.add(pending); pending = 0 }
                    }
                }}
            }
            if pending > 0, let progress { progress.add(pending) }
        }
        return Array(UnsafeBufferPointer(start: output.base, count: nodes.count))
    }
}
