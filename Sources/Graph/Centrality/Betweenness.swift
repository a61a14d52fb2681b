import Foundation

extension AnalysisGraph {
    /// Shortest-path betweenness of every node (Brandes 2001), exact or estimated from sampled sources.
    ///
    /// Sums σ(s,t|v)/σ(s,t) over ordered pairs (s, t) with v ∉ {s, t}. With `normalized` (NetworkX's default)
    /// the sum is divided by (n−1)(n−2), for directed and undirected graphs alike; unnormalised undirected
    /// values are halved, as NetworkX does. Weighted graphs (`isWeighted`) use distance = 1/strength.
    ///
    /// - Parameters:
    ///   - sources: compute from these sources only (Brandes & Pich 2007), rescaled as NetworkX ≥ 3.5 does:
    ///     a sampled node by 1/((k−1)(n−2)), any other by 1/(k(n−2)) (times n−1 when not normalised).
    ///     nil: every node is a source (exact).
    ///   - threads: worker threads, each with its own buffers (default: all cores).
    ///   - progress: counts finished sources.
    /// - Returns: one score per node, indexed like `ids`.
    /// - Complexity: O(k·m) unweighted, O(k·(m + n log n)) weighted, for k sources; O(n) extra space per thread.
    ///
    /// Brandes, U. (2001). A faster algorithm for betweenness centrality. https://doi.org/10.1080/0022250X.2001.9990249
    /// Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. https://doi.org/10.1142/S0218127407018403
    public func betweenness(normalized: Bool = true, sources: [Int]? = nil, threads: Int? = nil,
                            progress: ProgressCounter? = nil) -> [Double] {
        let n = nodeCount
        let chosen = sources ?? Array(0..<n)
        var values = brandes(sources: chosen, threads: threads, edges: false, progress: progress).nodes
        let sampled = sources != nil && Set(chosen).count < n
        let big = Double(n - 1)
        guard n - 1 >= 2 else { return values }
        let correction: Double = isDirected ? 1 : 2
        if !sampled {
            let scale = normalized ? 1 / (big * (big - 1)) : 1 / correction
            if scale != 1 { for i in 0..<n { values[i] *= scale } }
            return values
        }
        let k = Double(Set(chosen).count)
        let isSource = Set(chosen)
        let scaleSource = normalized ? (k > 1 ? 1 / ((k - 1) * (big - 1)) : .nan) : (k > 1 ? big / ((k - 1) * correction) : .nan)
        let scaleOther = normalized ? 1 / (k * (big - 1)) : big / (k * correction)
        for i in 0..<n { values[i] *= isSource.contains(i) ? scaleSource : scaleOther }
        return values
    }

    /// `count` distinct source nodes drawn uniformly, sorted, for `betweenness(sources:)`.
    public func sampleSources(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
        var pool = Array(0..<nodeCount)
        let k = Swift.min(Swift.max(count, 0), nodeCount)
        for i in 0..<k {
            let j = Int.random(in: i..<nodeCount, using: &generator)
            pool.swapAt(i, j)
        }
        return pool[0..<k].sorted()
    }

    /// Shortest-path betweenness of every tie (Brandes 2001), as NetworkX's `edge_betweenness_centrality`.
    ///
    /// Normalised by 1/(n(n−1)); unnormalised undirected values are halved. Ties come back once each:
    /// `(from, to)` with from < to when undirected, in increasing order.
    ///
    /// - Complexity: O(n·m) unweighted, O(n·(m + n log n)) weighted; O(n + m) extra space per thread.
    public func edgeBetweenness(normalized: Bool = true, threads: Int? = nil) -> [(from: Int, to: Int, value: Double)] {
        let n = nodeCount
        let raw = brandes(sources: Array(0..<n), threads: threads, edges: true, progress: nil).edges
        var scale = 1.0
        if normalized {
            if n > 1 { scale = 1 / (Double(n) * Double(n - 1)) }
        } else if !isDirected {
            scale = 0.5
        }
        var result: [(from: Int, to: Int, value: Double)] = []
        // `raw` is indexed by arc: slot k in row v is the arc v → targets[k].
        for v in 0..<n {
            for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[k])
                if isDirected {
                    result.append((v, w, raw[k] * scale))
                } else if v < w {
                    // The same tie's other arc sits in row w at v's position.
                    let other = binarySearch(targets, in: Int(offsets[w])..<Int(offsets[w + 1]), for: Int32(v))
                    result.append((v, w, (raw[k] + raw[other]) * scale))
                }
            }
        }
        result.sort { $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to }
        return result
    }

    func binarySearch(_ array: [Int32], in range: Range<Int>, for value: Int32) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if array[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Unscaled Brandes accumulation over `sources`, split over threads with per-thread buffers.
    func brandes(sources: [Int], threads requested: Int?, edges: Bool, progress: ProgressCounter?) -> (nodes: [Double], edges: [Double]) {
        let n = nodeCount
        let arcs = targets.count
        guard n > 0, !sources.isEmpty else { return ([Double](repeating: 0, count: n), [Double](repeating: 0, count: edges ? arcs : 0)) }
        let threads = threadCount(requested, items: sources.count)
        let nodeBuffer = SharedBuffer<Double>(repeating: 0, count: threads * n)
        let edgeBuffer = SharedBuffer<Double>(repeating: 0, count: edges ? threads * arcs : 0)
        defer { nodeBuffer.free(); edgeBuffer.free() }
        let forwardDistance = isWeighted ? weights.map { 1 / $0 } : []
        runThreads(threads) { thread in
            let mine = stride(from: thread, to: sources.count, by: threads).map { sources[$0] }
            let nodeOut = nodeBuffer.base + thread * n
            let edgeOut: UnsafeMutablePointer<Double>? = edges ? edgeBuffer.base + thread * arcs : nil
            if isWeighted {
                brandesWeighted(sources: mine, forwardDistance: forwardDistance, nodeOut: nodeOut, edgeOut: edgeOut,
                                progress: progress)
            } else {
                brandesUnweighted(sources: mine, nodeOut: nodeOut, edgeOut: edgeOut, progress: progress)
            }
        }
        var nodes = [Double](repeating: 0, count: n)
        for t in 0..<threads { for i in 0..<n { nodes[i] += nodeBuffer.base[t * n + i] } }
        var edgeValues = [Double](repeating: 0, count: edges ? arcs : 0)
        if edges { for t in 0..<threads { for k in 0..<arcs { edgeValues[k] += edgeBuffer.base[t * arcs + k] } } }
        return (nodes, edgeValues)
    }

    /// Breadth-first Brandes for unit lengths, level by level. The dependency phase pulls along out-ties
    /// (δ(v) = σ(v) · Σ_{w: d(w) = d(v)+1} (1 + δ(w))/σ(w)), so no predecessor lists are kept, and it needs no
    /// distance test either: while level L is processed, `ratio` = (1 + δ)/σ is non-zero only on level L+1
    /// (the level below is cleared and level L's own values are staged until the level is done), so every
    /// out-tie simply adds its target's entry. The forward phase works the same way: discovery is branch-free
    /// (the queue slot is always written and the tail advanced by 0 or 1, as a branch there is taken
    /// unpredictably), then each newly found node pulls σ along its in-ties from `front`, which holds σ on
    /// the level just expanded and 0 elsewhere. Only what the search left set is reset after each source.
    private func brandesUnweighted(sources: [Int], nodeOut: UnsafeMutablePointer<Double>, edgeOut: UnsafeMutablePointer<Double>?,
                                   progress: ProgressCounter?) {
        let n = nodeCount
        let distance = UnsafeMutablePointer<Int32>.allocate(capacity: n); distance.initialize(repeating: -1, count: n)
        let sigma = UnsafeMutablePointer<Double>.allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        let ratio = UnsafeMutablePointer<Double>.allocate(capacity: n); ratio.initialize(repeating: 0, count: n)
        let front = UnsafeMutablePointer<Double>.allocate(capacity: n); front.initialize(repeating: 0, count: n)
        // Indexed by queue position: a level's new ratios before they are published.
        let staged = UnsafeMutablePointer<Double>.allocate(capacity: n); staged.initialize(repeating: 0, count: n)
        // One spare slot: the branch-free discovery writes one past the last node found.
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1); order.initialize(repeating: 0, count: n + 1)
        // levelStart[L] ..< levelStart[L + 1] are the queue positions of level L.
        let levelStart = UnsafeMutablePointer<Int>.allocate(capacity: n + 1); levelStart.initialize(repeating: 0, count: n + 1)
        defer {
            distance.deallocate(); sigma.deallocate(); ratio.deallocate(); front.deallocate(); staged.deallocate()
            order.deallocate()
            levelStart.deallocate()
        }
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        reverseOffsets.withUnsafeBufferPointer { roff in
        reverseTargets.withUnsafeBufferPointer { rtgt in
            var pending = 0
            for s in sources {
                distance[s] = 0; sigma[s] = 1; front[s] = 1; order[0] = Int32(truncatingIfNeeded: s)
                var tail = 1, levels = 0
                var begin = 0, end = 1
                var next: Int32 = 1
                while begin < end {
                    levelStart[levels] = begin; levels += 1
                    for h in begin..<end {
                        let v = Int(order[h])
                        var k = Int(off[v])
                        let stop = Int(off[v + 1])
                        while k < stop {
                            let w = Int(tgt[k])
                            let dw = distance[w]
                            let fresh = dw < 0
                            order[tail] = Int32(truncatingIfNeeded: w)
                            tail &+= fresh ? 1 : 0
                            distance[w] = fresh ? next : dw
                            k &+= 1
                        }
                    }
                    // σ(w) = Σ σ(u) over in-ties u → w from the level just expanded.
                    for h in end..<tail {
                        let w = Int(order[h])
                        var sum = 0.0
                        var k = Int(roff[w])
                        let stop = Int(roff[w + 1])
                        while k < stop {
                            sum += front[Int(rtgt[k])]
                            k &+= 1
                        }
                        sigma[w] = sum
                    }
                    for h in begin..<end { front[Int(order[h])] = 0 }
                    for h in end..<tail { let w = Int(order[h]); front[w] = sigma[w] }
                    begin = end; end = tail; next &+= 1
                }
                levelStart[levels] = tail
                var level = levels - 1
                while level > 0 {
                    let first = levelStart[level], last = levelStart[level + 1]
                    for i in first..<last {
                        let v = Int(order[i])
                        let sv = sigma[v]
                        var sum = 0.0
                        var k = Int(off[v])
                        let stop = Int(off[v + 1])
                        if let edgeOut {
                            while k < stop {
                                let r = ratio[Int(tgt[k])]
                                sum += r
                                edgeOut[k] += sv * r
                                k &+= 1
                            }
                        } else {
                            while k < stop {
                                sum += ratio[Int(tgt[k])]
                                k &+= 1
                            }
                        }
                        let delta = sv * sum
                        nodeOut[v] += delta
                        staged[i] = (1 + delta) / sv
                    }
                    if level + 1 < levels {
                        for i in last..<levelStart[level + 2] { ratio[Int(order[i])] = 0 }
                    }
                    for i in first..<last { ratio[Int(order[i])] = staged[i] }
                    level -= 1
                }
                if let edgeOut {
                    // The source's own out-ties carry dependency too.
                    for k in Int(off[s])..<Int(off[s + 1]) where distance[Int(tgt[k])] == 1 {
                        edgeOut[k] += ratio[Int(tgt[k])]
                    }
                }
                // σ is rewritten for every node reached and `front` is clear again; of `ratio` only level 1
                // is still set (deeper levels were cleared on the way up, the source's entry never is).
                for j in 0..<tail { distance[Int(order[j])] = -1 }
                if levels > 1 {
                    for j in levelStart[1]..<levelStart[2] { ratio[Int(order[j])] = 0 }
                }
                pending += 1
                if pending == 64, let progress { progress.add(pending); pending = 0 }
            }
            if pending > 0, let progress { progress.add(pending) }
        }}}}
    }

    /// Dijkstra-based Brandes for distances 1/strength; equal-length paths are recognised by exact equality of
    /// the summed distances, as in NetworkX. The dependency phase pulls along out-ties as in the unweighted case.
    private func brandesWeighted(sources: [Int], forwardDistance: [Double],
                                 nodeOut: UnsafeMutablePointer<Double>, edgeOut: UnsafeMutablePointer<Double>?,
                                 progress: ProgressCounter?) {
        let n = nodeCount
        var dist = [Double](repeating: .infinity, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var settled = [Bool](repeating: false, count: n)
        var order = [Int32](); order.reserveCapacity(n)
        var touched = [Int32](); touched.reserveCapacity(n)
        var heap = DistanceHeap()
        var pending = 0
        for s in sources {
            dist[s] = 0; sigma[s] = 1
            touched.append(Int32(s))
            heap.push(0, Int32(s))
            while let (d, node) = heap.pop() {
                let v = Int(node)
                if settled[v] || d > dist[v] { continue }
                settled[v] = true
                order.append(node)
                for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(targets[k])
                    if settled[w] { continue }
                    let candidate = d + forwardDistance[k]
                    if candidate < dist[w] {
                        if dist[w] == .infinity { touched.append(Int32(w)) }
                        dist[w] = candidate; sigma[w] = sigma[v]
                        heap.push(candidate, Int32(w))
                    } else if candidate == dist[w] {
                        sigma[w] += sigma[v]
                    }
                }
            }
            var i = order.count - 1
            while i >= 0 {
                let v = Int(order[i])
                let sv = sigma[v], dv = dist[v]
                var sum = 0.0
                for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(targets[k])
                    if dv + forwardDistance[k] == dist[w] {
                        sum += delta[w]
                        if let edgeOut { edgeOut[k] += sv * delta[w] }
                    }
                }
                if i > 0 { nodeOut[v] += sv * sum }
                delta[v] = (1 + sv * sum) / sv   // from here on delta holds the ratio (1 + δ)/σ
                i -= 1
            }
            for node in touched {
                let v = Int(node)
                dist[v] = .infinity; sigma[v] = 0; delta[v] = 0; settled[v] = false
            }
            touched.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            pending += 1
            if pending == 16, let progress { progress.add(pending); pending = 0 }
        }
        if pending > 0, let progress { progress.add(pending) }
    }
}
