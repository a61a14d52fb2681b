/// How a projection weighs the affiliations two nodes share.
public enum ProjectionWeighting: String, CaseIterable, Sendable {
    /// The number of shared affiliations (NetworkX `weighted_projected_graph`).
    case count
    /// Newman's collaboration weighting: Σ 1/(d_k − 1) over shared affiliations k, with d_k the number of
    /// projected nodes tied to k (NetworkX `collaboration_weighted_projected_graph`).
    /// Newman (2001). https://doi.org/10.1103/PhysRevE.64.016132
    case newman
}

extension Network {
    /// The relation of projected ties.
    public static let sharesRelation = "shares"

    /// The one-mode network of the nodes of kind `onto`: two of them are tied when both have a tie (any
    /// relation, either direction) to the same node of a `via` kind. Each tie carries its weight, the ids of
    /// what is shared (attribute `shared`, `|`-separated, in node order) and the citations of the underlying
    /// ties. Every node of kind `onto` is kept, tied or not.
    ///
    /// - Parameter via: the affiliation kinds; nil means every kind other than `onto`.
    /// - Throws: `GraphError.invalidArgument` when `onto` or a `via` kind occurs in no node.
    /// - Complexity: O(m + Σ_k d_k²) over affiliations k with d_k projected nodes.
    public func projection(onto: String, via: Set<String>? = nil, weighting: ProjectionWeighting = .count) throws -> Network {
        let present = Set(nodes.map(\.kind))
        let asked = [onto] + (via ?? []).sorted()
        let missing = asked.filter { !present.contains($0) }
        if !missing.isEmpty {
            throw GraphError.invalidArgument("no node has kind \(missing.map { "'\($0)'" }.joined(separator: ", ")) (present: \(present.sorted().joined(separator: ", ")))")
        }
        if via?.contains(onto) == true {
            throw GraphError.invalidArgument("--via cannot contain the --onto kind '\(onto)'")
        }
        let isAffiliation: (Node) -> Bool = { node in node.kind != onto && (via?.contains(node.kind) ?? true) }
        // For each affiliation: the projected nodes tied to it, in node order, with the ties.
        var members: [Int: [Int: [Int]]] = [:]   // affiliation index → projected node index → edge indices
        for (e, edge) in edges.enumerated() {
            guard let u = index(of: edge.from), let v = index(of: edge.to) else { continue }
            for (member, affiliation) in [(u, v), (v, u)]
            where nodes[member].kind == onto && isAffiliation(nodes[affiliation]) {
                members[affiliation, default: [:]][member, default: []].append(e)
            }
        }
        struct Tie { var weight = 0.0; var shared: [Int] = []; var edges: [Int] = [] }
        var ties: [UnorderedPair: Tie] = [:]
        for affiliation in members.keys.sorted() {
            let group = members[affiliation] ?? [:]
            let ids = group.keys.sorted()
            guard ids.count > 1 else { continue }
            let share = weighting == .count ? 1 : 1 / Double(ids.count - 1)
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    let key = UnorderedPair(a, b)
                    ties[key, default: Tie()].weight += share
                    ties[key, default: Tie()].shared.append(affiliation)
                    ties[key, default: Tie()].edges += (group[a] ?? []) + (group[b] ?? [])
                }
            }
        }
        var relations = self.relations
        relations[Network.sharesRelation] = RelationInfo(id: Network.sharesRelation, label: "shares", symmetric: true)
        let projectedNodes = nodes.filter { $0.kind == onto }
        var projectedEdges: [Edge] = []
        for (key, tie) in ties.sorted(by: { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }) {
            var citations: [Citation] = []
            for e in tie.edges.sorted() { for citation in edges[e].citations where !citations.contains(citation) { citations.append(citation) } }
            projectedEdges.append(Edge(from: nodes[key.a].id, to: nodes[key.b].id, relation: Network.sharesRelation,
                                       citations: citations, weight: tie.weight,
                                       attributes: ["shared": tie.shared.map { nodes[$0].id }.joined(separator: "|")]))
        }
        let viaText = via.map { $0.sorted().joined(separator: ", ") } ?? "all other kinds"
        return Network(name: "\(name ?? "network"): \(onto) ties through shared \(viaText)", sources: sources,
                       nodes: projectedNodes, edges: projectedEdges, kinds: kinds, relations: relations)
    }
}
