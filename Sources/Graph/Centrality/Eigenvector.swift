import Foundation

extension AnalysisGraph {
    /// Eigenvector centrality by power iteration on A + I, as NetworkX's `eigenvector_centrality`: start
    /// uniform, each step x ← (A + I)ᵀx scaled to unit Euclidean norm (in-ties count for directed graphs,
    /// strengths when weighted), stop when the L1 change is below n·tolerance.
    ///
    /// - Throws: `GraphError.invalidArgument` when it does not converge within `maxIterations`.
    /// - Complexity: O(iterations · (n + m)).
    ///
    /// Bonacich, P. (1987). Power and centrality. https://doi.org/10.1086/228631
    public func eigenvector(tolerance: Double = 1e-10, maxIterations: Int = 10_000) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            for v in 0..<n {
                var sum = x[v]
                for k in Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) {
                    sum += x[Int(reverseTargets[k])] * reverseWeights[k]
                }
                next[v] = sum
            }
            var norm = 0.0
            for v in 0..<n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0
            for v in 0..<n {
                next[v] /= norm
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return x }
        }
        throw GraphError.invalidArgument("eigenvector centrality did not converge in \(maxIterations) iterations (tolerance \(tolerance))")
    }

    /// Katz centrality, as NetworkX's `katz_centrality`: x ← α·Aᵀx + β from x = 0, stop when the L1 change is
    /// below n·tolerance, then scale to unit Euclidean norm. Converges only for α < 1/λ_max.
    ///
    /// - Throws: `GraphError.invalidArgument` when the iteration diverges or does not converge.
    /// - Complexity: O(iterations · (n + m)).
    ///
    /// Katz, L. (1953). A new status index derived from sociometric analysis. https://doi.org/10.1007/BF02289026
    public func katz(alpha: Double = 0.1, beta: Double = 1, tolerance: Double = 1e-10, maxIterations: Int = 10_000) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            var change = 0.0
            for v in 0..<n {
                var sum = 0.0
                for k in Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) {
                    sum += x[Int(reverseTargets[k])] * reverseWeights[k]
                }
                next[v] = alpha * sum + beta
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if !change.isFinite { break }
            if change < Double(n) * tolerance {
                var norm = 0.0
                for v in 0..<n { norm += x[v] * x[v] }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 1
                return x.map { $0 * scale }
            }
        }
        throw GraphError.invalidArgument("katz centrality does not converge with alpha \(alpha): alpha must be below 1/λmax of the adjacency matrix; choose a smaller alpha (--katz-alpha) or leave katz out")
    }
}
