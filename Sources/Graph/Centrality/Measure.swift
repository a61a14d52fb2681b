import Foundation

/// The node measures netmap computes; the raw values are the JSON/CSV keys of `netmap centrality`.
public enum Measure: String, CaseIterable, Sendable {
    case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz
    case clustering
    case coreNumber = "core_number"
    case constraint
    case effectiveSize = "effective_size"

    /// Parses a comma-separated list of measure names, naming the unknown one in the error.
    public static func parseList(_ text: String) throws -> [Measure] {
        try text.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let measure = Measure(rawValue: trimmed) else {
                throw GraphError.invalidArgument("unknown measure '\(trimmed)'; choose from \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return measure
        }
    }
}

extension AnalysisGraph {
    /// One value per node for `measure`, indexed like `ids`, with NetworkX's default conventions.
    public func values(of measure: Measure) throws -> [Double] {
        switch measure {
        case .degree:
            return (0..<nodeCount).map { Double(isDirected ? Set(neighbors(of: $0)).union(predecessors(of: $0)).count : outDegree($0)) }
        case .strength:
            return (0..<nodeCount).map { node in
                let out = weights[Int(offsets[node])..<Int(offsets[node + 1])].reduce(0, +)
                guard isDirected else { return out }
                return out + reverseWeights[Int(reverseOffsets[node])..<Int(reverseOffsets[node + 1])].reduce(0, +)
            }
        default:
            throw GraphError.invalidArgument("measure '\(measure.rawValue)' is not available yet")
        }
    }
}
