import Foundation

extension AnalysisGraph {
    /// Mutual ties: for each node the union of its in- and out-neighbours with mutual weight
    /// m(u,v) = w(u→v) + w(v→u), in CSR form. For undirected graphs this is the graph itself (m = w; the factor
    /// 2 NetworkX's sum carries cancels in every ratio below).
    func mutualTies() -> (offsets: [Int32], targets: [Int32], weights: [Double]) {
        guard isDirected else { return (offsets, targets, weights) }
        let n = nodeCount
        var mutualOffsets = [Int32](repeating: 0, count: n + 1)
        var mutualTargets: [Int32] = []
        var mutualWeights: [Double] = []
        mutualTargets.reserveCapacity(targets.count * 2)
        mutualWeights.reserveCapacity(targets.count * 2)
        for u in 0..<n {
            var a = Int(offsets[u]), b = Int(reverseOffsets[u])
            let aEnd = Int(offsets[u + 1]), bEnd = Int(reverseOffsets[u + 1])
            while a < aEnd || b < bEnd {
                if b >= bEnd || (a < aEnd && targets[a] < reverseTargets[b]) {
                    mutualTargets.append(targets[a]); mutualWeights.append(weights[a]); a += 1
                } else if a >= aEnd || reverseTargets[b] < targets[a] {
                    mutualTargets.append(reverseTargets[b]); mutualWeights.append(reverseWeights[b]); b += 1
                } else {
                    mutualTargets.append(targets[a]); mutualWeights.append(weights[a] + reverseWeights[b]); a += 1; b += 1
                }
            }
            mutualOffsets[u + 1] = Int32(mutualTargets.count)
        }
        return (mutualOffsets, mutualTargets, mutualWeights)
    }

    /// Burt's constraint of every node, as NetworkX's `constraint`: Σ_v (p_uv + Σ_w p_uw p_wv)² over the
    /// node's in- and out-neighbours v, with p the mutual weight normalised by the node's total. Strengths
    /// count when weighted. NaN for an isolated node.
    ///
    /// - Complexity: O(Σ_u Σ_{w∈N(u)} d(w)), O(n) extra space.
    ///
    /// Burt, R. S. (2004). Structural holes and good ideas. https://doi.org/10.1086/421787
    public func constraint() -> [Double] {
        let n = nodeCount
        let (off, tgt, mw) = mutualTies()
        let total = (0..<n).map { u in (Int(off[u])..<Int(off[u + 1])).reduce(0.0) { $0 + mw[$1] } }
        var indirect = [Double](repeating: 0, count: n)
        var result = [Double](repeating: .nan, count: n)
        for u in 0..<n where off[u + 1] > off[u] {
            let row = Int(off[u])..<Int(off[u + 1])
            for k in row {
                let w = Int(tgt[k])
                let puw = mw[k] / total[u]
                for l in Int(off[w])..<Int(off[w + 1]) {
                    indirect[Int(tgt[l])] += puw * mw[l] / total[w]
                }
            }
            var sum = 0.0
            for k in row {
                let v = Int(tgt[k])
                let local = mw[k] / total[u] + indirect[v]
                sum += local * local
            }
            for k in row {
                let w = Int(tgt[k])
                for l in Int(off[w])..<Int(off[w + 1]) { indirect[Int(tgt[l])] = 0 }
            }
            result[u] = sum
        }
        return result
    }

    /// Burt's effective size of every node, as NetworkX's `effective_size`: Σ_v (1 − Σ_w p_uw m_vw) over the
    /// node's in- and out-neighbours v, with p normalised by the node's total mutual weight and m by v's
    /// largest. For unweighted undirected graphs this equals Borgatti's n − 2t/n. NaN for an isolated node.
    ///
    /// - Complexity: O(Σ_u Σ_{v∈N(u)} d(v)), O(n) extra space.
    ///
    /// Burt, R. S. (1992). Structural Holes. Harvard University Press. Borgatti, S. (1997). Structural holes:
    /// unpacking Burt's redundancy measures. Connections 20(1):35–38.
    public func effectiveSize() -> [Double] {
        let n = nodeCount
        let (off, tgt, mw) = mutualTies()
        let total = (0..<n).map { u in (Int(off[u])..<Int(off[u + 1])).reduce(0.0) { $0 + mw[$1] } }
        let largest = (0..<n).map { u in (Int(off[u])..<Int(off[u + 1])).reduce(0.0) { Swift.max($0, mw[$1]) } }
        var share = [Double](repeating: 0, count: n)
        var result = [Double](repeating: .nan, count: n)
        for u in 0..<n where off[u + 1] > off[u] {
            let row = Int(off[u])..<Int(off[u + 1])
            for k in row { share[Int(tgt[k])] = mw[k] / total[u] }
            var size = 0.0
            for k in row {
                let v = Int(tgt[k])
                var redundancy = 0.0
                for l in Int(off[v])..<Int(off[v + 1]) {
                    let p = share[Int(tgt[l])]
                    if p > 0 { redundancy += p * mw[l] / largest[v] }
                }
                size += 1 - redundancy
            }
            for k in row { share[Int(tgt[k])] = 0 }
            result[u] = size
        }
        return result
    }
}
