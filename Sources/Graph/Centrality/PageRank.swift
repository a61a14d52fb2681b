import Foundation

extension AnalysisGraph {
    /// PageRank as NetworkX's `pagerank`: undirected ties count both ways, each row normalised by its
    /// out-strength, the mass of dangling nodes (no out-ties) spread by the personalisation vector (uniform
    /// by default); power iteration from the uniform vector until the L1 change is below n·tolerance.
    ///
    /// - Parameters:
    ///   - alpha: damping factor (0.85).
    ///   - personalization: teleport weights per node (normalised here); nil for uniform.
    /// - Throws: `GraphError.invalidArgument` for a personalisation summing to 0 or non-convergence.
    /// - Complexity: O(iterations · (n + m)).
    ///
    /// Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking. Stanford InfoLab.
    public func pagerank(alpha: Double = 0.85, personalization: [Double]? = nil, tolerance: Double = 1e-10,
                         maxIterations: Int = 10_000) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var p = [Double](repeating: 1 / Double(n), count: n)
        if let personalization {
            guard personalization.count == n else {
                throw GraphError.invalidArgument("personalisation has \(personalization.count) values for \(n) nodes")
            }
            let total = personalization.reduce(0, +)
            guard total > 0, personalization.allSatisfy({ $0 >= 0 }) else {
                throw GraphError.invalidArgument("personalisation must be non-negative and not all zero")
            }
            p = personalization.map { $0 / total }
        }
        var inverseOut = [Double](repeating: 0, count: n)
        var dangling: [Int] = []
        for v in 0..<n {
            var sum = 0.0
            for k in Int(offsets[v])..<Int(offsets[v + 1]) { sum += weights[k] }
            if sum == 0 { dangling.append(v) } else { inverseOut[v] = 1 / sum }
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var scaled = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            var danglingMass = 0.0
            for v in dangling { danglingMass += x[v] }
            for v in 0..<n { scaled[v] = x[v] * inverseOut[v] }
            var change = 0.0
            for v in 0..<n {
                var sum = 0.0
                for k in Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) {
                    sum += scaled[Int(reverseTargets[k])] * reverseWeights[k]
                }
                next[v] = alpha * (sum + danglingMass * p[v]) + (1 - alpha) * p[v]
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return x }
        }
        throw GraphError.invalidArgument("pagerank did not converge in \(maxIterations) iterations (tolerance \(tolerance))")
    }
}
