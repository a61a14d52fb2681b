extension AnalysisGraph {
    /// Communities by the Leiden algorithm: fast local moving of nodes, then a refinement that splits each
    /// community into well-connected parts (merging a node only into a part it has ties to), then aggregation of
    /// the refined parts with the unrefined communities as the starting partition; repeated until every
    /// community is one aggregate node. Every community of the result is connected: as a final guarantee,
    /// a community that is not is split into its components (which can only raise modularity).
    ///
    /// The refinement is greedy (the paper's randomness θ → 0): a node joins the part with the largest
    /// non-negative gain. Node order comes from `generator`.
    ///
    /// - Complexity: about O(m) per iteration; O(log n) iterations in practice.
    ///
    /// Traag, Waltman & van Eck (2019). https://doi.org/10.1038/s41598-019-41695-z
    public func leiden(resolution: Double = 1, maxIterations: Int = 50,
                       using generator: inout some RandomNumberGenerator) -> Partition {
        var level = CommunityLevel(self)
        guard level.twiceTotal > 0 else { return .singletons(nodeCount) }
        var membership = (0..<nodeCount).map { Int32($0) }   // original node → node of the current level
        var start = (0..<nodeCount).map { Int32($0) }        // the level's starting partition
        var result = membership
        for _ in 0..<maxIterations {
            let moved = level.moveNodesFast(from: start, resolution: resolution, using: &generator)
            let (communities, count) = denseLabels(moved)
            result = membership.map { communities[Int($0)] }
            if count == level.nodeCount { break }
            let (refined, refinedCount) = denseLabels(level.refine(communities, resolution: resolution, using: &generator))
            // Each refined part lies inside one community: that community is its starting label.
            var nextStart = [Int32](repeating: 0, count: refinedCount)
            for u in 0..<level.nodeCount { nextStart[Int(refined[u])] = communities[u] }
            level = level.aggregated(by: refined, count: refinedCount)
            membership = membership.map { refined[Int($0)] }
            start = nextStart
        }
        return Partition(labels: splitDisconnected(result))
    }

    /// Relabels so that every community is connected: a community in k pieces becomes k communities.
    ///
    /// - Complexity: O(n + m).
    public func splitDisconnected(_ labels: [Int32]) -> [Int32] {
        var result = [Int32](repeating: -1, count: nodeCount)
        var next: Int32 = 0
        var stack: [Int32] = []
        for start in 0..<nodeCount where result[start] < 0 {
            result[start] = next
            stack.append(Int32(start))
            while let u = stack.popLast() {
                for v in neighbors(of: Int(u)) where result[Int(v)] < 0 && labels[Int(v)] == labels[Int(u)] {
                    result[Int(v)] = next
                    stack.append(v)
                }
                if isDirected {
                    for v in predecessors(of: Int(u)) where result[Int(v)] < 0 && labels[Int(v)] == labels[Int(u)] {
                        result[Int(v)] = next
                        stack.append(v)
                    }
                }
            }
            next += 1
        }
        return result
    }
}

extension CommunityLevel {
    /// Leiden's fast local moving: a queue of nodes in random order; a node moves to the community (or an empty
    /// one) with the largest positive gain, and its neighbours outside that community rejoin the queue.
    func moveNodesFast(from start: [Int32], resolution: Double, using generator: inout some RandomNumberGenerator) -> [Int32] {
        let n = nodeCount
        var community = start
        var total = [Double](repeating: 0, count: n)
        var size = [Int32](repeating: 0, count: n)
        for u in 0..<n { total[Int(community[u])] += strength[u]; size[Int(community[u])] += 1 }
        var empty: [Int32] = (0..<n).reversed().filter { size[$0] == 0 }.map { Int32($0) }
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int32] = []
        var queue = shuffledIndices(n, using: &generator)
        var inQueue = [Bool](repeating: true, count: n)
        var head = 0
        while head < queue.count {
            let u = Int(queue[head]); head += 1
            inQueue[u] = false
            if head > 4 * n && head > queue.count / 2 {   // keep the queue from growing without bound
                queue.removeFirst(head); head = 0
            }
            let k = strength[u]
            let own = Int(community[u])
            let move = bestMove(of: u, community: community, total: total, resolution: resolution,
                                linkWeight: &linkWeight, touched: &touched)
            var best = move.community
            // Alone in an empty community: the gain of leaving.
            if size[own] > 1, move.leaveGain > move.gain, let fresh = empty.last {
                best = Int(fresh)
            }
            guard best != own else { continue }
            if let last = empty.last, Int(last) == best { empty.removeLast() }
            total[own] -= k; size[own] -= 1
            total[best] += k; size[best] += 1
            if size[own] == 0 { empty.append(Int32(own)) }
            community[u] = Int32(best)
            for v in targets[Int(offsets[u])..<Int(offsets[u + 1])]
            where !inQueue[Int(v)] && community[Int(v)] != Int32(best) {
                inQueue[Int(v)] = true
                queue.append(v)
            }
        }
        return community
    }

    /// Leiden's refinement: inside each community, start from single nodes and merge each well-connected
    /// node that is still alone into the well-connected part (tied to it) with the largest non-negative gain.
    /// Parts are therefore connected.
    func refine(_ community: [Int32], resolution: Double, using generator: inout some RandomNumberGenerator) -> [Int32] {
        let n = nodeCount
        let m = twiceTotal / 2
        var refined = (0..<n).map { Int32($0) }
        var partTotal = strength
        var alone = [Bool](repeating: true, count: n)
        var communityTotal = [Double](repeating: 0, count: n)
        for u in 0..<n { communityTotal[Int(community[u])] += strength[u] }
        // Weight from each part to the rest of its community.
        var outward = [Double](repeating: 0, count: n)
        for u in 0..<n {
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) where community[Int(targets[slot])] == community[u] {
                outward[u] += weights[slot]
            }
        }
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int32] = []
        for node in shuffledIndices(n, using: &generator) {
            let u = Int(node)
            guard alone[u] else { continue }
            let c = Int(community[u])
            let k = strength[u]
            // Only well-connected nodes move: w(u, C − u) ≥ γ k_u (K_C − k_u) / 2m.
            guard outward[u] >= resolution * k * (communityTotal[c] - k) / (2 * m) else { continue }
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) where community[Int(targets[slot])] == community[u] {
                let r = refined[Int(targets[slot])]
                if linkWeight[Int(r)] == 0 { touched.append(r) }
                linkWeight[Int(r)] += weights[slot]
            }
            var best = -1
            var bestGain = 0.0
            for r in touched where Int(r) != u {
                let part = Int(r)
                // Only into well-connected parts: w(R, C − R) ≥ γ K_R (K_C − K_R) / 2m.
                guard outward[part] >= resolution * partTotal[part] * (communityTotal[c] - partTotal[part]) / (2 * m) else { continue }
                let gain = linkWeight[part] / m - resolution * partTotal[part] * k / (2 * m * m)
                if gain >= bestGain && (best < 0 || gain > bestGain || part < best) { bestGain = gain; best = part }
            }
            if best >= 0 {
                let joined = linkWeight[best]
                refined[u] = Int32(best)
                partTotal[best] += k
                partTotal[u] = 0
                outward[best] = outward[best] + outward[u] - 2 * joined
                alone[u] = false
                alone[best] = false
                // Nodes already in `best` keep its label; record membership for later joiners.
            }
            for r in touched { linkWeight[Int(r)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        return refined
    }
}
