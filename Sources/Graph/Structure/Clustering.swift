import Foundation

extension AnalysisGraph {
    /// Local clustering coefficient of every node, as NetworkX's `clustering`.
    ///
    /// Undirected: 2T/(d(d−1)), T the triangles through the node. Weighted: triangles count by the geometric
    /// mean of their tie strengths, each divided by the largest strength (Onnela et al. 2005). Directed:
    /// T/(2(d_tot(d_tot−1) − 2d↔)) with T the directed triangles (Fagiolo 2007). 0 for degree < 2.
    ///
    /// - Complexity: undirected O(m·√m) at worst (each triangle listed once), O(n + m) extra space; directed
    ///   O(Σ_v d(v)²) at worst, O(n) extra space.
    ///
    /// Watts, D. & Strogatz, S. (1998). https://doi.org/10.1038/30918 — Onnela, J.-P. et al. (2005).
    /// https://doi.org/10.1103/PhysRevE.71.065103 — Fagiolo, G. (2007). https://doi.org/10.1103/PhysRevE.76.026107
    public func clustering() -> [Double] {
        isDirected ? directedClustering() : undirectedClustering()
    }

    private var maxWeight: Double {
        guard isWeighted, let largest = weights.max(), largest > 0 else { return 1 }
        return largest
    }

    /// Undirected clustering by listing each triangle once, from its corner of lowest (degree, index) rank:
    /// every tie is oriented towards the higher-ranked end, and for each node u and each higher neighbour v,
    /// the higher neighbours of v that u also reaches close a triangle, credited to all three corners. A hub
    /// keeps few higher neighbours, so the work is O(m·√m) at worst and far less on skewed degrees, instead
    /// of O(Σ d²) for scanning every neighbour's row (Schank & Wagner 2005, "forward").
    private func undirectedClustering() -> [Double] {
        let n = nodeCount
        let scale = maxWeight
        @inline(__always) func ranksBelow(_ u: Int, _ v: Int) -> Bool {
            let (du, dv) = (offsets[u + 1] - offsets[u], offsets[v + 1] - offsets[v])
            return du != dv ? du < dv : u < v
        }
        // Ties towards the higher-ranked end, rows in the order of `targets`.
        var upperOffsets = [Int32](repeating: 0, count: n + 1)
        for u in 0..<n {
            var count: Int32 = 0
            for k in Int(offsets[u])..<Int(offsets[u + 1]) where ranksBelow(u, Int(targets[k])) { count += 1 }
            upperOffsets[u + 1] = upperOffsets[u] + count
        }
        var upperTargets = [Int32](repeating: 0, count: Int(upperOffsets[n]))
        var upperWeights = [Double](repeating: 0, count: isWeighted ? upperTargets.count : 0)
        for u in 0..<n {
            var slot = Int(upperOffsets[u])
            for k in Int(offsets[u])..<Int(offsets[u + 1]) where ranksBelow(u, Int(targets[k])) {
                upperTargets[slot] = targets[k]
                if isWeighted { upperWeights[slot] = weights[k] / scale }
                slot += 1
            }
        }
        var mark = [Double](repeating: 0, count: n)
        var triangles = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let row = Int(upperOffsets[u])..<Int(upperOffsets[u + 1])
            if row.count < 2 { continue }
            for k in row { mark[Int(upperTargets[k])] = isWeighted ? upperWeights[k] : 1 }
            for k in row {
                let v = Int(upperTargets[k])
                for l in Int(upperOffsets[v])..<Int(upperOffsets[v + 1]) {
                    let w = Int(upperTargets[l])
                    let wuw = mark[w]
                    guard wuw > 0 else { continue }
                    let value = isWeighted ? Foundation.cbrt(upperWeights[k] * upperWeights[l] * wuw) : 1
                    triangles[u] += value; triangles[v] += value; triangles[w] += value
                }
            }
            for k in row { mark[Int(upperTargets[k])] = 0 }
        }
        var result = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let degree = outDegree(u)
            if degree >= 2 && triangles[u] != 0 { result[u] = 2 * triangles[u] / Double(degree * (degree - 1)) }
        }
        return result
    }

    private func directedClustering() -> [Double] {
        let n = nodeCount
        let scale = maxWeight
        var inMark = [Double](repeating: 0, count: n)   // w(k→i) / max
        var outMark = [Double](repeating: 0, count: n)  // w(i→k) / max
        var result = [Double](repeating: 0, count: n)
        func term(_ product: Double) -> Double { isWeighted ? Foundation.cbrt(product) : 1 }
        for i in 0..<n {
            let outRow = Int(offsets[i])..<Int(offsets[i + 1])
            let inRow = Int(reverseOffsets[i])..<Int(reverseOffsets[i + 1])
            for k in outRow { outMark[Int(targets[k])] = weights[k] / scale }
            for k in inRow { inMark[Int(reverseTargets[k])] = reverseWeights[k] / scale }
            var triangles = 0.0
            // Each neighbour j through each tie between i and j (in or out), then each k tied to both.
            func visit(_ j: Int, _ wEdge: Double) {
                for l in Int(reverseOffsets[j])..<Int(reverseOffsets[j + 1]) {  // k → j
                    let k = Int(reverseTargets[l])
                    let wkj = reverseWeights[l] / scale
                    if inMark[k] > 0 { triangles += term(wEdge * inMark[k] * wkj) }
                    if outMark[k] > 0 { triangles += term(wEdge * outMark[k] * wkj) }
                }
                for l in Int(offsets[j])..<Int(offsets[j + 1]) {  // j → k
                    let k = Int(targets[l])
                    let wjk = weights[l] / scale
                    if inMark[k] > 0 { triangles += term(wEdge * inMark[k] * wjk) }
                    if outMark[k] > 0 { triangles += term(wEdge * outMark[k] * wjk) }
                }
            }
            for k in inRow { visit(Int(reverseTargets[k]), reverseWeights[k] / scale) }
            for k in outRow { visit(Int(targets[k]), weights[k] / scale) }
            let total = outRow.count + inRow.count
            var both = 0
            for k in inRow where outMark[Int(reverseTargets[k])] > 0 { both += 1 }
            for k in outRow { outMark[Int(targets[k])] = 0 }
            for k in inRow { inMark[Int(reverseTargets[k])] = 0 }
            let denominator = Double(2 * (total * (total - 1) - 2 * both))
            result[i] = triangles == 0 ? 0 : triangles / denominator
        }
        return result
    }

    /// Mean of the local clustering coefficients over all nodes (zeros included), as NetworkX's
    /// `average_clustering`; 0 for an empty graph.
    public func averageClustering() -> Double {
        let values = clustering()
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
