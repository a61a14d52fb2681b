/// What changed between two editions of a network (two plans, or one network at two years): nodes and ties
/// added, removed and kept, attribute changes of what was kept, and the successions followed.
///
/// Nodes match by id and ties by (from, to, relation), after the succession map renames predecessors to their
/// successors; symmetric relations match either way round. Ties of the followed relation are not compared
/// themselves: they are listed as `successions`. The sets are consistent by construction: the old edition's
/// (mapped) nodes are `nodesRemoved ∪ nodesKept`, the new edition's `nodesAdded ∪ nodesKept`, likewise for ties.
public struct NetworkDiff: Sendable {
    /// One side of the comparison, summarised.
    public struct Edition: Sendable {
        public var name: String?
        public var inputs: [String]
        /// The year compared (`--at` / `--to-year`), if any.
        public var year: Int?
        public var nodeCount: Int
        public var edgeCount: Int
        /// Ids of the sources the edition's ties cite, sorted.
        public var sources: [String]
        /// The compared network (after the year filter), for labels and measures.
        public var network: Network
    }

    /// A node of the comparison: its id after succession mapping and the original ids on each side.
    public struct NodeEntry: Sendable {
        public var id: String
        public var label: String
        public var kind: String
        public var oldIDs: [String]
        public var newIDs: [String]
        /// Whether an old id was renamed to reach this node.
        public var viaSuccession: Bool { oldIDs.contains { $0 != id } }
    }

    /// A tie of the comparison, keyed by (source, target, relation) after mapping (symmetric: source < target).
    public struct TieEntry: Sendable {
        public var source: String
        public var target: String
        public var relation: String
        public var symmetric: Bool
        /// The ties of each edition that match this key (several when two predecessors had the same tie).
        public var oldTies: [Edge]
        public var newTies: [Edge]
        public var citeOld: [Citation] { NetworkDiff.citations(of: oldTies) }
        public var citeNew: [Citation] { NetworkDiff.citations(of: newTies) }
        /// Whether an old tie's end was renamed by a succession.
        public var viaSuccession: Bool {
            oldTies.contains { tie in ![source, target].contains(tie.from) || ![source, target].contains(tie.to) }
        }
        /// `source -[relation]-> target`, or `source -[relation]- target` for symmetric relations.
        public var id: String { "\(source) -[\(relation)]-\(symmetric ? "" : ">") \(target)" }
    }

    /// A value that differs between the editions for a kept node or tie (`old`/`new` nil when absent).
    public struct AttributeChange: Hashable, Sendable {
        public var id: String
        public var key: String
        public var old: String?
        public var new: String?
    }

    public var old: Edition
    public var new: Edition
    public var nodesAdded: [NodeEntry] = []
    public var nodesRemoved: [NodeEntry] = []
    public var nodesKept: [NodeEntry] = []
    public var edgesAdded: [TieEntry] = []
    public var edgesRemoved: [TieEntry] = []
    public var edgesKept: [TieEntry] = []
    public var changed: [AttributeChange] = []
    public var successions: [Succession] = []
    /// The relation whose ties were followed as successions (nil: `--follow none`).
    public var followed: String?
    /// Problems that did not stop the comparison (a predecessor with two successors).
    public var warnings: [String] = []
    /// Kinds and relations of both editions, for labels.
    public var vocabulary: Network

    static func citations(of ties: [Edge]) -> [Citation] {
        var result: [Citation] = []
        for tie in ties { for citation in tie.citations where !result.contains(citation) { result.append(citation) } }
        return result
    }
}

/// How two editions are compared.
public struct DiffOptions: Sendable {
    /// The relation whose ties are successions (nil: none are followed).
    public var follow: String?

    public init(follow: String?) { self.follow = follow }

    /// The relation followed by default: `succeeded_by` when either network declares or uses it.
    public static func defaultFollow(_ networks: [Network]) -> String? {
        let relation = "succeeded_by"
        let present = networks.contains { $0.relations[relation] != nil || $0.edges.contains { $0.relation == relation } }
        return present ? relation : nil
    }
}

extension NetworkDiff {
    /// Compares two editions given as networks (files or folders, each loaded on its own).
    ///
    /// Every node of an edition takes part, except, when successions are followed, nodes whose only ties are
    /// successions (a county named only as the predecessor of another).
    ///
    /// - Complexity: O((n + m) log(n + m)) for n nodes and m ties of both editions.
    public static func compare(_ old: Network, _ new: Network, options: DiffOptions,
                               oldInputs: [String] = [], newInputs: [String] = []) -> NetworkDiff {
        let follow = options.follow
        let oldEdges = old.edges.filter { $0.relation != follow }
        let newEdges = new.edges.filter { $0.relation != follow }
        let map = follow.map { relation in
            SuccessionMap(relation: relation, candidates: old.edges + new.edges, oldActive: endpoints(oldEdges), newActive: endpoints(newEdges), years: nil)
        } ?? .none
        return build(old: (old, nodesTakingPart(old, comparedEdges: oldEdges, follow: follow), oldEdges, oldInputs, nil),
                     new: (new, nodesTakingPart(new, comparedEdges: newEdges, follow: follow), newEdges, newInputs, nil),
                     map: map)
    }

    /// Compares one network with itself at two years: the ties valid in each year (`since ≤ year ≤ until`,
    /// open ends valid) and the nodes they touch. Following successions, a tie also needs both its ends to
    /// exist in the year (see `Lifetimes`), and successions apply when their `since` is after `year` and not
    /// after `toYear` (or is not given).
    public static func compare(_ network: Network, at year: Int, toYear: Int, options: DiffOptions,
                               inputs: [String] = []) -> NetworkDiff {
        let follow = options.follow
        let compared = network.edges.filter { $0.relation != follow }
        // A tie counts in a year when it is valid then and, following successions, both its ends exist then
        // (Trøndelag's undated ties do not count before 2018, Nord-Trøndelag's not after).
        let lifetimes = follow.map { Lifetimes(successions: network.edges, relation: $0) }
        func valid(_ edge: Edge, _ year: Int) -> Bool {
            edge.isValid(in: year) && (lifetimes.map { $0.exists(edge.from, in: year) && $0.exists(edge.to, in: year) } ?? true)
        }
        let oldEdges = compared.filter { valid($0, year) }
        let newEdges = compared.filter { valid($0, toYear) }
        let map = follow.map { relation in
            SuccessionMap(relation: relation, candidates: network.edges, oldActive: endpoints(oldEdges), newActive: endpoints(newEdges), years: (year, toYear))
        } ?? .none
        func edition(_ edges: [Edge]) -> Network {
            var result = network
            result.edges = edges
            let touched = endpoints(edges)
            result.removeNodes { !touched.contains($0.id) }
            return result
        }
        let oldNetwork = edition(oldEdges), newNetwork = edition(newEdges)
        return build(old: (oldNetwork, oldNetwork.nodes, oldEdges, inputs, year),
                     new: (newNetwork, newNetwork.nodes, newEdges, inputs, toYear),
                     map: map)
    }

    static func endpoints(_ edges: [Edge]) -> Set<String> {
        var result = Set<String>()
        for edge in edges { result.insert(edge.from); result.insert(edge.to) }
        return result
    }

    /// The nodes of an edition that take part: all but those whose only ties are of the followed relation.
    static func nodesTakingPart(_ network: Network, comparedEdges: [Edge], follow: String?) -> [Node] {
        guard let follow else { return network.nodes }
        let compared = endpoints(comparedEdges)
        let successionOnly = endpoints(network.edges.filter { $0.relation == follow }).subtracting(compared)
        return network.nodes.filter { !successionOnly.contains($0.id) }
    }

    private typealias Side = (network: Network, nodes: [Node], edges: [Edge], inputs: [String], year: Int?)

    private static func build(old: Side, new: Side, map: SuccessionMap) -> NetworkDiff {
        var vocabulary = Network()
        vocabulary.kinds = old.network.kinds.merging(new.network.kinds) { _, newer in newer }
        vocabulary.relations = old.network.relations.merging(new.network.relations) { _, newer in newer }
        var diff = NetworkDiff(old: edition(old), new: edition(new), vocabulary: vocabulary)
        diff.followed = map.relation
        diff.successions = map.successions
        diff.warnings = map.warnings

        // Nodes by mapped id.
        var oldNodes: [String: [Node]] = [:], newNodes: [String: [Node]] = [:]
        for node in old.nodes { oldNodes[map.map(node.id), default: []].append(node) }
        for node in new.nodes { newNodes[map.map(node.id), default: []].append(node) }
        func entry(_ id: String) -> NodeEntry {
            let described = newNodes[id]?.first { $0.id == id } ?? oldNodes[id]?.first { $0.id == id }
                ?? new.network.node(id) ?? old.network.node(id) ?? newNodes[id]?.first ?? oldNodes[id]?.first
            return NodeEntry(id: id, label: described?.label ?? id, kind: described?.kind ?? "node",
                             oldIDs: (oldNodes[id] ?? []).map(\.id), newIDs: (newNodes[id] ?? []).map(\.id))
        }
        for id in Set(oldNodes.keys).union(newNodes.keys) {
            switch (oldNodes[id] != nil, newNodes[id] != nil) {
            case (true, true): diff.nodesKept.append(entry(id))
            case (true, false): diff.nodesRemoved.append(entry(id))
            default: diff.nodesAdded.append(entry(id))
            }
        }
        for list in [\NetworkDiff.nodesAdded, \.nodesRemoved, \.nodesKept] { diff[keyPath: list].sort(by: nodeOrder) }

        // Ties by (source, target, relation) after mapping.
        func key(_ edge: Edge) -> (source: String, target: String, symmetric: Bool) {
            let from = map.map(edge.from), to = map.map(edge.to)
            let symmetric = vocabulary.isSymmetric(edge.relation)
            return symmetric && to < from ? (to, from, true) : (from, to, symmetric)
        }
        var ties: [String: TieEntry] = [:]
        for (side, edges) in [(0, old.edges), (1, new.edges)] {
            for edge in edges {
                let k = key(edge)
                let name = k.source + "\u{1}" + k.target + "\u{1}" + edge.relation
                var tie = ties[name] ?? TieEntry(source: k.source, target: k.target, relation: edge.relation, symmetric: k.symmetric, oldTies: [], newTies: [])
                if side == 0 { tie.oldTies.append(edge) } else { tie.newTies.append(edge) }
                ties[name] = tie
            }
        }
        for tie in ties.values {
            switch (tie.oldTies.isEmpty, tie.newTies.isEmpty) {
            case (false, false): diff.edgesKept.append(tie)
            case (false, true): diff.edgesRemoved.append(tie)
            default: diff.edgesAdded.append(tie)
            }
        }
        let labels = diff.labels
        let tieOrder: (TieEntry, TieEntry) -> Bool = { a, b in
            if a.relation != b.relation { return a.relation < b.relation }
            let (la, lb) = (labels[a.source] ?? a.source, labels[b.source] ?? b.source)
            if la != lb { return la < lb }
            let (ta, tb) = (labels[a.target] ?? a.target, labels[b.target] ?? b.target)
            if ta != tb { return ta < tb }
            return (a.source, a.target) < (b.source, b.target)
        }
        for list in [\NetworkDiff.edgesAdded, \.edgesRemoved, \.edgesKept] { diff[keyPath: list].sort(by: tieOrder) }

        // What changed in what was kept.
        for entry in diff.nodesKept {
            guard let before = oldNodes[entry.id]?.first(where: { $0.id == entry.id }),
                  let after = newNodes[entry.id]?.first(where: { $0.id == entry.id }) else { continue }
            diff.changed += nodeChanges(before, after)
        }
        // A pair whose tie ended under one relation and began under another: the relation changed.
        var endedByPair: [String: [String]] = [:]
        for tie in diff.edgesRemoved { endedByPair[tie.source + "\u{1}" + tie.target, default: []].append(tie.relation) }
        for tie in diff.edgesAdded {
            let pair = tie.source + "\u{1}" + tie.target
            let reversed = tie.target + "\u{1}" + tie.source
            for relation in (endedByPair[pair] ?? []) + (tie.symmetric ? endedByPair[reversed] ?? [] : []) {
                diff.changed.append(AttributeChange(id: "\(tie.source) -> \(tie.target)", key: "relation", old: relation, new: tie.relation))
            }
        }
        for tie in diff.edgesKept {
            guard let before = tie.oldTies.first, let after = tie.newTies.first else { continue }
            for (key, a, b) in [("since", before.since.map(String.init), after.since.map(String.init)),
                                ("until", before.until.map(String.init), after.until.map(String.init)),
                                ("weight", number(before.weight), number(after.weight))] where a != b {
                diff.changed.append(AttributeChange(id: tie.id, key: key, old: a, new: b))
            }
        }
        return diff
    }

    private static func edition(_ side: Side) -> Edition {
        let sources = Set(side.edges.flatMap { $0.citations.map(\.source) }).sorted()
        return Edition(name: side.network.name, inputs: side.inputs, year: side.year, nodeCount: side.nodes.count,
                       edgeCount: side.edges.count, sources: sources, network: side.network)
    }

    /// Label, kind, tags, and every attribute both sides give (other than `note`) that differs.
    static func nodeChanges(_ before: Node, _ after: Node) -> [AttributeChange] {
        var result: [AttributeChange] = []
        if before.label != after.label { result.append(AttributeChange(id: after.id, key: "label", old: before.label, new: after.label)) }
        if before.kind != after.kind { result.append(AttributeChange(id: after.id, key: "kind", old: before.kind, new: after.kind)) }
        if !before.tags.isEmpty, !after.tags.isEmpty, before.tags != after.tags {
            result.append(AttributeChange(id: after.id, key: "tags", old: before.tags.joined(separator: "|"), new: after.tags.joined(separator: "|")))
        }
        for key in Set(before.attributes.keys).intersection(after.attributes.keys).subtracting(["note"]).sorted() {
            let (a, b) = (before.attributes[key], after.attributes[key])
            if a != b { result.append(AttributeChange(id: after.id, key: key, old: a, new: b)) }
        }
        return result
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Node order in every list: by kind (`Comparison.kindOrder`), then label, then id.
    static func nodeOrder(_ a: NodeEntry, _ b: NodeEntry) -> Bool {
        let (ra, rb) = (Comparison.rank(a.kind), Comparison.rank(b.kind))
        if ra != rb { return ra < rb }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.label != b.label { return a.label < b.label }
        return a.id < b.id
    }

    /// Labels of every node of both editions by id (the new edition's label when they differ).
    public var labels: [String: String] {
        var result: [String: String] = [:]
        for node in old.network.nodes { result[node.id] = node.label }
        for node in new.network.nodes { result[node.id] = node.label }
        return result
    }
}
