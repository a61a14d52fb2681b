/// A node's value and rank of one measure in both editions, and the change.
public struct MeasureChange: Sendable {
    public var id: String
    public var label: String
    /// nil when the node is not in that edition (or the measure is undefined for it, as constraint of an isolated node).
    public var old: Double?
    public var new: Double?
    /// 1 for the highest value; equal values share the better rank (1, 2, 2, 4).
    public var oldRank: Int?
    public var newRank: Int?
    /// `new − old`, a missing side counting as 0.
    public var change: Double { (new ?? 0) - (old ?? 0) }
}

extension NetworkDiff {
    /// Each edition as the undirected network the comparison sees: nodes under their mapped ids, one tie per
    /// matched key (so two predecessors' ties to one partner count once for the successor).
    public func comparedNetwork(old isOld: Bool) -> Network {
        let nodes = (isOld ? nodesRemoved + nodesKept : nodesAdded + nodesKept).map { Node(id: $0.id, label: $0.label, kind: $0.kind) }
        let ties = (isOld ? edgesRemoved + edgesKept : edgesAdded + edgesKept)
            .filter { $0.source != $0.target }
            .map { Edge(from: $0.source, to: $0.target, relation: $0.relation) }
        return Network(nodes: nodes, edges: ties, kinds: vocabulary.kinds, relations: vocabulary.relations)
    }

    /// `measure` on both compared editions (undirected, unweighted, as `netmap centrality` by default), sorted by
    /// the largest rise first, then by the new value, then by id.
    ///
    /// - Throws: `GraphError.invalidArgument` when an iterative measure does not converge.
    /// - Complexity: that of the measure on each edition.
    public func measureChanges(_ measure: Measure) throws -> [MeasureChange] {
        func values(_ network: Network) throws -> [String: (value: Double, rank: Int)] {
            let graph = AnalysisGraph(network)
            let values = try graph.values(of: measure)
            let order = values.indices.filter { values[$0].isFinite }.sorted { values[$0] > values[$1] }
            var result: [String: (Double, Int)] = [:]
            var rank = 0
            for (position, index) in order.enumerated() {
                if position == 0 || values[index] != values[order[position - 1]] { rank = position + 1 }
                result[graph.ids[index]] = (values[index], rank)
            }
            return result
        }
        let before = try values(comparedNetwork(old: true)), after = try values(comparedNetwork(old: false))
        let labels = self.labels
        var result = Set(before.keys).union(after.keys).map { id in
            MeasureChange(id: id, label: labels[id] ?? id, old: before[id]?.value, new: after[id]?.value,
                          oldRank: before[id]?.rank, newRank: after[id]?.rank)
        }
        result.sort { a, b in
            if a.change != b.change { return a.change > b.change }
            if (a.new ?? 0) != (b.new ?? 0) { return (a.new ?? 0) > (b.new ?? 0) }
            return a.id < b.id
        }
        return result
    }
}
