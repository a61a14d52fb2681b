/// One tie along a path, read in the direction of travel.
public struct PathStep: Hashable, Sendable {
    /// How the tie points relative to the direction of travel.
    public enum Direction: String, Sendable {
        /// The tie goes from the previous node to the next (`A —member_of→ B`).
        case forward
        /// The tie goes from the next node to the previous (`A ←member_of— B`).
        case backward
        /// The relation is symmetric (`A —partner_of— B`).
        case both
    }

    /// Index of the tie in `network.edges`.
    public var edge: Int
    public var direction: Direction
}

/// A path through a network: nodes and the ties between consecutive nodes.
public struct NetworkPath: Hashable, Sendable {
    public var nodes: [String]
    /// `hops[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public var hops: [PathStep]
    /// Number of ties, or the sum of their weights for weighted searches.
    public var length: Double
}

/// What to search for between two nodes.
public struct PathQuery: Sendable {
    public enum Mode: Sendable, Equatable {
        /// One shortest path.
        case shortest
        /// Every shortest path.
        case allShortest
        /// Every simple path of at most this many ties.
        case allSimple(maxLength: Int)
    }

    public var mode: Mode
    /// Only accept paths of at most this many ties (for `.shortest` and `.allShortest`).
    public var maxLength: Int?
    /// Node ids the paths must not pass through.
    public var avoid: Set<String>
    /// Use tie weights as lengths (NetworkX's convention); otherwise every tie has length 1.
    public var weighted: Bool
    public var filter: GraphFilter
    /// At most this many paths are returned.
    public var limit: Int

    public init(mode: Mode = .shortest, maxLength: Int? = nil, avoid: Set<String> = [], weighted: Bool = false,
                filter: GraphFilter = GraphFilter(), limit: Int = 100) {
        self.mode = mode
        self.maxLength = maxLength
        self.avoid = avoid
        self.weighted = weighted
        self.filter = filter
        self.limit = limit
    }
}

extension Network {
    /// The paths between two nodes, ignoring the direction of ties, each hop naming the tie it follows.
    ///
    /// Parallel ties between two nodes are one step; the hop names the first of them in input order (the
    /// lightest one when weighted). An empty result means the nodes are not connected (under the query's
    /// filter, avoided nodes and length limit).
    ///
    /// - Throws: `GraphError.invalidArgument` when `from`/`to` is missing from the filtered network or avoided.
    /// - Complexity: see `AnalysisGraph.allShortestPaths` and `allSimplePaths`.
    public func paths(from: String, to: String, query: PathQuery = PathQuery()) throws -> [NetworkPath] {
        for end in [from, to] {
            guard let node = node(end) else { throw GraphError.unknownNode(end, candidates: []) }
            if query.avoid.contains(end) { throw GraphError.invalidArgument("cannot avoid '\(end)': it is an end of the path") }
            if !query.filter.keeps(node) {
                throw GraphError.invalidArgument("'\(end)' has kind '\(node.kind)', which the --kinds filter leaves out")
            }
        }
        var network = query.filter.apply(to: self)
        if !query.avoid.isEmpty { network.removeNodes { query.avoid.contains($0.id) } }
        let (graph, tieOf) = network.pathGraph(weighted: query.weighted)
        guard let source = network.index(of: from), let target = network.index(of: to) else { return [] }

        var found: [[Int]]
        switch query.mode {
        case .shortest:
            found = graph.allShortestPaths(from: source, to: target, limit: 1)
        case .allShortest:
            found = graph.allShortestPaths(from: source, to: target, limit: query.limit)
        case .allSimple(let maxLength):
            found = graph.allSimplePaths(from: source, to: target, maxLength: maxLength, limit: query.limit)
        }
        if let maxLength = query.maxLength { found.removeAll { $0.count - 1 > maxLength } }

        return found.map { indices in
            var hops: [PathStep] = []
            var length = 0.0
            for (u, v) in zip(indices, indices.dropFirst()) {
                let edgeIndex = tieOf[UnorderedPair(u, v)] ?? 0
                let edge = network.edges[edgeIndex]
                let direction: PathStep.Direction = network.isSymmetric(edge.relation)
                    ? .both : (edge.from == network.nodes[u].id ? .forward : .backward)
                // Report the tie by its index in the unfiltered network.
                hops.append(PathStep(edge: originalIndex(of: edge, near: edgeIndex), direction: direction))
                length += query.weighted ? edge.weight : 1
            }
            return NetworkPath(nodes: indices.map { network.nodes[$0].id }, hops: hops, length: length)
        }
    }

    /// The undirected simple graph paths are searched on, and for each pair of nodes the tie a hop names.
    /// Parallel ties keep the smallest weight (a path takes the shortest of them).
    func pathGraph(weighted: Bool) -> (AnalysisGraph, [UnorderedPair: Int]) {
        var tieOf: [UnorderedPair: Int] = [:]
        for (index, edge) in edges.enumerated() {
            guard let u = self.index(of: edge.from), let v = self.index(of: edge.to), u != v else { continue }
            let key = UnorderedPair(u, v)
            if let current = tieOf[key] {
                if weighted && edge.weight < edges[current].weight { tieOf[key] = index }
            } else {
                tieOf[key] = index
            }
        }
        let pairs = tieOf.sorted { $0.value < $1.value }.map { ($0.key.a, $0.key.b, edges[$0.value].weight) }
        return (AnalysisGraph(ids: nodes.map(\.id), edges: pairs, directed: false, weighted: weighted), tieOf)
    }

    /// The index in `self.edges` of an edge taken from a filtered copy, where it sat at `filteredIndex`.
    func originalIndex(of edge: Edge, near filteredIndex: Int) -> Int {
        if filteredIndex < edges.count, edges[filteredIndex] == edge { return filteredIndex }
        return edges.firstIndex(of: edge) ?? filteredIndex
    }

    /// The label of the hop between `path.nodes[i]` and `path.nodes[i+1]`, e.g. `—member_of→`.
    public func arrow(_ hop: PathStep) -> String {
        let relation = edges[hop.edge].relation
        switch hop.direction {
        case .forward: return "—\(relation)→"
        case .backward: return "←\(relation)—"
        case .both: return "—\(relation)—"
        }
    }
}

/// An unordered pair of node positions.
struct UnorderedPair: Hashable {
    let a: Int
    let b: Int
    init(_ u: Int, _ v: Int) { (a, b) = u < v ? (u, v) : (v, u) }
}
