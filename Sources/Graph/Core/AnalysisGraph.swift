/// A node's position in an `AnalysisGraph`.
public struct NodeIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = Int32(rawValue) }
    public var int: Int { Int(rawValue) }
    public static func < (lhs: NodeIndex, rhs: NodeIndex) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "#\(rawValue)" }
}

/// Which part of a network is analysed: node kinds, relations, and the year ties must be valid in.
public struct GraphFilter: Hashable, Sendable {
    /// Keep only nodes of these kinds (nil: all).
    public var kinds: Set<String>?
    /// Keep only ties of these relations (nil: all).
    public var relations: Set<String>?
    /// Keep only ties valid in this year (`since ≤ year ≤ until`, open ends valid).
    public var year: Int?

    public init(kinds: Set<String>? = nil, relations: Set<String>? = nil, year: Int? = nil) {
        self.kinds = kinds
        self.relations = relations
        self.year = year
    }

    public func keeps(_ node: Node) -> Bool { kinds?.contains(node.kind) ?? true }

    public func keeps(_ edge: Edge) -> Bool {
        if let relations, !relations.contains(edge.relation) { return false }
        if let year, !edge.isValid(in: year) { return false }
        return true
    }

    /// The filter's problems against a network: kinds or relations it names that the network lacks.
    public func problems(in network: Network) -> [String] {
        problems(presentKinds: Set(network.nodes.map(\.kind)), presentRelations: Set(network.edges.map(\.relation)))
    }

    /// The filter's problems given the kinds and relations a network has.
    public func problems(presentKinds: Set<String>, presentRelations: Set<String>) -> [String] {
        var problems: [String] = []
        for kind in (kinds ?? []).sorted() where !presentKinds.contains(kind) {
            problems.append("no node has kind '\(kind)' (present: \(presentKinds.sorted().joined(separator: ", ")))")
        }
        for relation in (relations ?? []).sorted() where !presentRelations.contains(relation) {
            problems.append("no tie has relation '\(relation)' (present: \(presentRelations.sorted().joined(separator: ", ")))")
        }
        return problems
    }

    /// The network restricted to what the filter keeps.
    public func apply(to network: Network) -> Network {
        var result = network
        if kinds != nil { result.removeNodes { !keeps($0) } }
        if relations != nil || year != nil { result.edges.removeAll { !keeps($0) } }
        return result
    }
}

/// A compact immutable graph for analysis, in compressed sparse row form.
///
/// Node `i`'s out-neighbours are `targets[offsets[i] ..< offsets[i+1]]`, with `weights` in lock step. For an
/// undirected graph every tie is stored in both directions and the reverse index equals the forward one.
/// Parallel ties are merged (weights summed) and self-loops dropped, as the default view of the analysis is
/// a simple graph.
public struct AnalysisGraph: Sendable, Equatable {
    /// Network node ids, indexed by `NodeIndex`.
    public let ids: [String]
    public let isDirected: Bool
    /// Whether `weights` hold tie strengths the user asked to use (`--weighted`); otherwise all are 1.
    public let isWeighted: Bool
    public let offsets: [Int32]
    public let targets: [Int32]
    public let weights: [Double]
    /// In-neighbours for directed graphs (`reverseTargets[reverseOffsets[i] ..< reverseOffsets[i+1]]`).
    public let reverseOffsets: [Int32]
    public let reverseTargets: [Int32]
    public let reverseWeights: [Double]

    public var nodeCount: Int { ids.count }
    /// Number of ties: arcs for directed graphs, unordered pairs for undirected ones.
    public var edgeCount: Int { isDirected ? targets.count : targets.count / 2 }

    /// Builds the graph from ties given as index pairs with weights.
    ///
    /// Counting sort by source, then each row sorted by target and its duplicates merged in place: no
    /// hashing, and about 12 bytes per stored arc beyond the input.
    ///
    /// - Complexity: O(n + m + Σ d·log d) time, O(n + m) space.
    public init(ids: [String], edges: [(Int, Int, Double)], directed: Bool, weighted: Bool = false) {
        self.init(ids: ids, edgeCount: edges.count, directed: directed, weighted: weighted, reversedToo: nil) { edges[$0] }
    }

    /// Builds the graph from `edgeCount` ties that `edge` gives by position, without an intermediate list;
    /// a tie for which `reversedToo` holds is also added the other way round, right after it.
    init(ids: [String], edgeCount: Int, directed: Bool, weighted: Bool, reversedToo: ((Int) -> Bool)?,
         edge: (Int) -> (Int, Int, Double)) {
        self.ids = ids
        self.isDirected = directed
        self.isWeighted = weighted
        let n = ids.count
        var offsets = [Int32](repeating: 0, count: n + 1)
        for e in 0..<edgeCount {
            let (u, v, _) = edge(e)
            guard u != v else { continue }
            offsets[u + 1] += 1
            if !directed { offsets[v + 1] += 1 } else if reversedToo?(e) == true { offsets[v + 1] += 1 }
        }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        let total = Int(offsets[n])
        var targets = [Int32](repeating: 0, count: total)
        var weights = [Double](repeating: 0, count: total)
        var next = offsets
        for e in 0..<edgeCount {
            let (u, v, w) = edge(e)
            guard u != v else { continue }
            let slot = Int(next[u]); next[u] += 1
            targets[slot] = Int32(v); weights[slot] = w
            if !directed || reversedToo?(e) == true {
                let back = Int(next[v]); next[v] += 1
                targets[back] = Int32(u); weights[back] = w
            }
        }
        next = []
        // Sort each row by target, merge parallel ties (summing weights) and compact rows leftwards.
        var write = 0
        var scratch: [(Int32, Double)] = []
        var start = 0
        for i in 0..<n {
            let end = Int(offsets[i + 1])
            let rowStart = write
            let count = end - start
            if count > 16 {
                scratch.removeAll(keepingCapacity: true)
                for k in start..<end { scratch.append((targets[k], weights[k])) }
                scratch.sort { $0.0 < $1.0 }
                for (k, pair) in scratch.enumerated() { (targets[start + k], weights[start + k]) = pair }
            } else if count > 1 {
                for k in (start + 1)..<end {
                    let (t, w) = (targets[k], weights[k])
                    var j = k - 1
                    while j >= start && targets[j] > t {
                        targets[j + 1] = targets[j]; weights[j + 1] = weights[j]
                        j -= 1
                    }
                    targets[j + 1] = t; weights[j + 1] = w
                }
            }
            var k = start
            while k < end {
                let t = targets[k]
                var w = weights[k]
                k += 1
                while k < end && targets[k] == t { w += weights[k]; k += 1 }
                targets[write] = t
                weights[write] = weighted ? w : 1
                write += 1
            }
            start = end
            offsets[i] = Int32(rowStart)
        }
        offsets[n] = Int32(write)
        targets.removeLast(total - write)
        weights.removeLast(total - write)
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        if directed {
            // Transpose by counting sort; sources come out in increasing order within each row.
            var reverseOffsets = [Int32](repeating: 0, count: n + 1)
            for t in targets { reverseOffsets[Int(t) + 1] += 1 }
            for i in 0..<n { reverseOffsets[i + 1] += reverseOffsets[i] }
            var fill = reverseOffsets
            var reverseTargets = [Int32](repeating: 0, count: write)
            var reverseWeights = [Double](repeating: 0, count: write)
            for u in 0..<n {
                for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let v = Int(targets[k])
                    let slot = Int(fill[v]); fill[v] += 1
                    reverseTargets[slot] = Int32(u)
                    reverseWeights[slot] = weights[k]
                }
            }
            (self.reverseOffsets, self.reverseTargets, self.reverseWeights) = (reverseOffsets, reverseTargets, reverseWeights)
        } else {
            (reverseOffsets, reverseTargets, reverseWeights) = (offsets, targets, weights)
        }
    }

    /// Builds the analysis graph of a network (through its analysis view, as the fast load does).
    ///
    /// - Parameters:
    ///   - filter: which nodes and ties to keep.
    ///   - directed: keep direction (symmetric relations become ties both ways); default undirected.
    ///   - weighted: use the summed `weight` of parallel ties as tie strength.
    public init(_ network: Network, filter: GraphFilter = GraphFilter(), directed: Bool = false, weighted: Bool = false) {
        self.init(AnalysisNetwork(network), filter: filter, directed: directed, weighted: weighted)
    }

    /// Out-neighbours (all neighbours when undirected).
    @inlinable
    public func neighbors(of node: Int) -> ArraySlice<Int32> {
        targets[Int(offsets[node])..<Int(offsets[node + 1])]
    }

    /// In-neighbours (all neighbours when undirected).
    @inlinable
    public func predecessors(of node: Int) -> ArraySlice<Int32> {
        reverseTargets[Int(reverseOffsets[node])..<Int(reverseOffsets[node + 1])]
    }

    @inlinable
    public func outDegree(_ node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }

    @inlinable
    public func inDegree(_ node: Int) -> Int { Int(reverseOffsets[node + 1] - reverseOffsets[node]) }

    /// The index of a node id, if the graph holds it.
    public func index(of id: String) -> Int? { ids.firstIndex(of: id) }
}
