import Foundation

/// The node measures netmap computes; the raw values are the JSON/CSV keys of `netmap centrality`.
public enum Measure: String, CaseIterable, Sendable {
    case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz
    case clustering
    case coreNumber = "core_number"
    case constraint
    case effectiveSize = "effective_size"
    case component

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

/// Settings for computing measures: threads, sampled betweenness and progress reporting.
public struct MeasureOptions: Sendable {
    /// Worker threads for path-based measures (nil: all cores).
    public var threads: Int?
    /// Estimate betweenness from these sources only (see `betweenness(sources:)`); nil: exact.
    public var betweennessSources: [Int]?
    /// Counts finished sources of path-based measures.
    public var progress: ProgressCounter?
    /// Katz attenuation α (NetworkX's default 0.1).
    public var katzAlpha: Double

    public init(threads: Int? = nil, betweennessSources: [Int]? = nil, progress: ProgressCounter? = nil, katzAlpha: Double = 0.1) {
        self.threads = threads
        self.betweennessSources = betweennessSources
        self.progress = progress
        self.katzAlpha = katzAlpha
    }
}

extension Measure {
    /// Whether the measure runs one shortest-path search per node (long on large graphs).
    public var isPathBased: Bool { [.betweenness, .closeness, .harmonic].contains(self) }

    /// One line on what the measure says, for `--help` and table footers.
    public var explanation: String {
        switch self {
        case .degree: return "number of distinct neighbours"
        case .strength: return "sum of tie weights (equals the number of ties when unweighted)"
        case .betweenness: return "share of shortest paths through the node, normalised by (n−1)(n−2) as NetworkX"
        case .closeness: return "inverse mean distance from the nodes that reach it, Wasserman–Faust corrected"
        case .harmonic: return "sum of 1/distance from every other node"
        case .eigenvector: return "connected to well-connected nodes (unit length vector)"
        case .pagerank: return "random-surfer share of time, damping 0.85 (sums to 1)"
        case .katz: return "walks of every length reaching the node, damped by 0.1 per step"
        case .clustering: return "share of the node's neighbour pairs that are tied to each other"
        case .coreNumber: return "largest k such that the node is in the k-core"
        case .constraint: return "Burt: how much the node's contacts are tied to each other (high = no brokerage)"
        case .effectiveSize: return "Burt: number of non-redundant contacts"
        case .component: return "the node's connected component, 1 = the largest (weak components when directed)"
        }
    }
}

extension AnalysisGraph {
    /// One value per node for `measure`, indexed like `ids`, with NetworkX's default conventions (iterative
    /// measures converge to tolerance 1e-10). Weighted graphs use strengths; path-based measures then use
    /// distance = 1/strength.
    ///
    /// - Throws: `GraphError.invalidArgument` when an iterative measure does not converge.
    public func values(of measure: Measure, options: MeasureOptions = MeasureOptions()) throws -> [Double] {
        switch measure {
        case .degree:
            return (0..<nodeCount).map { Double(isDirected ? Set(neighbors(of: $0)).union(predecessors(of: $0)).count : outDegree($0)) }
        case .strength:
            return (0..<nodeCount).map { node in
                let out = weights[Int(offsets[node])..<Int(offsets[node + 1])].reduce(0, +)
                guard isDirected else { return out }
                return out + reverseWeights[Int(reverseOffsets[node])..<Int(reverseOffsets[node + 1])].reduce(0, +)
            }
        case .betweenness:
            return betweenness(sources: options.betweennessSources, threads: options.threads, progress: options.progress)
        case .closeness:
            return closeness(threads: options.threads, progress: options.progress)
        case .harmonic:
            return harmonic(threads: options.threads, progress: options.progress)
        case .eigenvector:
            return try eigenvector()
        case .pagerank:
            return try pagerank()
        case .katz:
            return try katz(alpha: options.katzAlpha)
        case .clustering:
            return clustering()
        case .coreNumber:
            return coreNumbers().map(Double.init)
        case .constraint:
            return constraint()
        case .effectiveSize:
            return effectiveSize()
        case .component:
            return componentNumbers().map(Double.init)
        }
    }
}
