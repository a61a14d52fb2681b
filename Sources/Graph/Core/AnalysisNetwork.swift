/// What the analysis commands use of a network, in flat arrays: node ids, labels, kinds and countries, and the
/// ties as index pairs with relation, weight and years. No citations, attributes or source lines.
///
/// It is built either from the full typed model (`init(_ network:)`, any format) or directly from a large edge
/// list by `AnalysisLoader` without materialising the model; both give equal values for the same input. The
/// analysis graph of a network is always built from this value, so the two loads cannot drift apart.
///
/// Memory: about 18 bytes per tie (two `Int32` ends, a `Double` weight, a `UInt16` relation) plus the node
/// fields; years only when some tie has one.
public struct AnalysisNetwork: Sendable, Equatable {
    /// The network's name, as `Network.name`.
    public var name: String?
    /// Node ids in the model's node order.
    public var ids: [String]
    public var labels: [String]
    public var kinds: [String]
    /// The `country` attribute of each node (nil when absent or empty).
    public var countries: [String?]
    /// Tie ends as indices into `ids`, in the model's tie order.
    public var from: [Int32]
    public var to: [Int32]
    public var weights: [Double]
    /// Each tie's relation, as an index into `relationNames`.
    public var relations: [UInt16]
    public var relationNames: [String]
    /// Whether each relation of `relationNames` is symmetric.
    public var symmetric: [Bool]
    /// First and last year of each tie (`Int32.min`/`Int32.max` when open); nil when no tie has years.
    public var since: [Int32]?
    public var until: [Int32]?
    /// Whether each tie cites a source; nil when none does.
    public var cited: [Bool]?
    /// Number of declared sources (for `stats`).
    public var sourceCount: Int

    /// Number of ties that cite no source.
    public var uncitedEdges: Int { cited.map { $0.lazy.filter { !$0 }.count } ?? edgeCount }

    public var nodeCount: Int { ids.count }
    public var edgeCount: Int { from.count }

    public init(name: String? = nil, ids: [String] = [], labels: [String] = [], kinds: [String] = [], countries: [String?] = [],
                from: [Int32] = [], to: [Int32] = [], weights: [Double] = [], relations: [UInt16] = [],
                relationNames: [String] = [], symmetric: [Bool] = [], since: [Int32]? = nil, until: [Int32]? = nil,
                cited: [Bool]? = nil, sourceCount: Int = 0) {
        (self.name, self.ids, self.labels, self.kinds, self.countries) = (name, ids, labels, kinds, countries)
        (self.from, self.to, self.weights, self.relations) = (from, to, weights, relations)
        (self.relationNames, self.symmetric, self.since, self.until) = (relationNames, symmetric, since, until)
        (self.cited, self.sourceCount) = (cited, sourceCount)
    }

    /// The analysis view of a loaded network. Ties whose ends are not nodes are left out (a valid network has none).
    ///
    /// - Complexity: O(n + m) with one hash lookup per tie end.
    public init(_ network: Network) {
        name = network.name
        ids = network.nodes.map(\.id)
        labels = network.nodes.map(\.label)
        kinds = network.nodes.map(\.kind)
        countries = network.nodes.map { node in node.country.flatMap { $0.isEmpty ? nil : $0 } }
        relationNames = []
        symmetric = []
        var relationIndex: [String: UInt16] = [:]
        from = []; to = []; weights = []; relations = []
        from.reserveCapacity(network.edges.count)
        to.reserveCapacity(network.edges.count)
        weights.reserveCapacity(network.edges.count)
        relations.reserveCapacity(network.edges.count)
        let hasYears = network.edges.contains { $0.since != nil || $0.until != nil }
        let hasCitations = network.edges.contains { !$0.citations.isEmpty }
        var since: [Int32] = [], until: [Int32] = [], cited: [Bool] = []
        for edge in network.edges {
            guard let u = network.index(of: edge.from), let v = network.index(of: edge.to) else { continue }
            let relation: UInt16
            if let known = relationIndex[edge.relation] {
                relation = known
            } else {
                relation = UInt16(relationNames.count)
                relationIndex[edge.relation] = relation
                relationNames.append(edge.relation)
                symmetric.append(network.isSymmetric(edge.relation))
            }
            from.append(Int32(u)); to.append(Int32(v)); weights.append(edge.weight); relations.append(relation)
            if hasYears {
                since.append(edge.since.map { Int32(clamping: $0) } ?? .min)
                until.append(edge.until.map { Int32(clamping: $0) } ?? .max)
            }
            if hasCitations { cited.append(!edge.citations.isEmpty) }
        }
        self.since = hasYears ? since : nil
        self.until = hasYears ? until : nil
        self.cited = hasCitations ? cited : nil
        sourceCount = network.sources.count
    }

    /// Whether tie `e` passes the filter's relation and year tests.
    @inline(__always)
    func keepsTie(_ e: Int, relations keptRelations: [Bool]?, year: Int32?) -> Bool {
        if let keptRelations, !keptRelations[Int(relations[e])] { return false }
        if let year, let since, let until, year < since[e] || year > until[e] { return false }
        return true
    }

    /// The part of the network a filter keeps: nodes of the kinds it names (and the ties between them), ties of
    /// its relations valid in its year. Node and tie order are kept, as `GraphFilter.apply(to:)` keeps them, and
    /// the result equals the view of the filtered model (relations renumbered by first appearance, years and
    /// citation marks dropped when no kept tie has any).
    public func filtered(by filter: GraphFilter) -> AnalysisNetwork {
        guard filter.kinds != nil || filter.relations != nil || filter.year != nil else { return self }
        var position = [Int32](repeating: -1, count: nodeCount)
        var result = AnalysisNetwork(name: name, sourceCount: sourceCount)
        for i in 0..<nodeCount where filter.kinds?.contains(kinds[i]) ?? true {
            position[i] = Int32(result.ids.count)
            result.ids.append(ids[i]); result.labels.append(labels[i])
            result.kinds.append(kinds[i]); result.countries.append(countries[i])
        }
        let keptRelations = filter.relations.map { names in relationNames.map { names.contains($0) } }
        let year = filter.year.map { Int32(clamping: $0) }
        var renumbered = [Int32](repeating: -1, count: relationNames.count)
        var since: [Int32] = [], until: [Int32] = [], cited: [Bool] = []
        for e in 0..<edgeCount where keepsTie(e, relations: keptRelations, year: year) {
            let (u, v) = (position[Int(from[e])], position[Int(to[e])])
            guard u >= 0, v >= 0 else { continue }
            let relation = Int(relations[e])
            if renumbered[relation] < 0 {
                renumbered[relation] = Int32(result.relationNames.count)
                result.relationNames.append(relationNames[relation])
                result.symmetric.append(symmetric[relation])
            }
            result.from.append(u); result.to.append(v); result.weights.append(weights[e])
            result.relations.append(UInt16(renumbered[relation]))
            if let allSince = self.since, let allUntil = self.until { since.append(allSince[e]); until.append(allUntil[e]) }
            if let allCited = self.cited { cited.append(allCited[e]) }
        }
        if since.contains(where: { $0 != .min }) || until.contains(where: { $0 != .max }) { (result.since, result.until) = (since, until) }
        if cited.contains(true) { result.cited = cited }
        return result
    }

    /// Frees the ties (ends, weights, relations, years, citation marks), keeping the nodes: for a command that
    /// has built its analysis graph and needs only node ids, labels, kinds and countries afterwards.
    public mutating func dropTies() {
        (from, to, weights, relations) = ([], [], [], [])
        (since, until, cited) = (nil, nil, nil)
    }

    /// Number of nodes of each kind.
    public var countByKind: [String: Int] { kinds.reduce(into: [:]) { $0[$1, default: 0] += 1 } }

    /// Number of ties of each relation.
    public var countByRelation: [String: Int] {
        var counts = [Int](repeating: 0, count: relationNames.count)
        for relation in relations { counts[Int(relation)] += 1 }
        var result: [String: Int] = [:]
        for (name, count) in zip(relationNames, counts) where count > 0 { result[name, default: 0] += count }
        return result
    }

    /// The kinds and relations the filter names that this network lacks, worded as `GraphFilter.problems(in:)`.
    public func problems(of filter: GraphFilter) -> [String] {
        filter.problems(presentKinds: Set(kinds), presentRelations: Set(countByRelation.keys))
    }
}

extension AnalysisGraph {
    /// The analysis graph of a network's analysis view; the same graph as `AnalysisGraph(network, ...)` for the
    /// network it came from.
    ///
    /// - Parameters:
    ///   - filter: which nodes and ties to keep.
    ///   - directed: keep direction (symmetric relations become ties both ways); default undirected.
    ///   - weighted: use the summed `weight` of parallel ties as tie strength.
    public init(_ network: AnalysisNetwork, filter: GraphFilter = GraphFilter(), directed: Bool = false, weighted: Bool = false) {
        let network = network.filtered(by: filter)
        let both = directed && network.symmetric.contains(true)
        self.init(ids: network.ids, edgeCount: network.edgeCount, directed: directed, weighted: weighted,
                  reversedToo: both ? { network.symmetric[Int(network.relations[$0])] } : nil) { e in
            (Int(network.from[e]), Int(network.to[e]), network.weights[e])
        }
    }
}
