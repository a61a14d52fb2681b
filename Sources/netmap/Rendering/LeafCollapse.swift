import Foundation
import Graph

/// `--collapse leaves` and `--collapse leaves:KIND,...`: the print view of a large network. The nodes that
/// hang off one hub (their only tie is to it) by the same relation, in the same direction, and are of one
/// kind become one list node beside the hub, listing every name in order, with one tie to the hub. So do
/// nodes of one kind with exactly the same ties (the same neighbours by the same relations in the same
/// directions, e.g. four Interreg programmes a county may apply to, each part of Interreg): their list keeps
/// those ties, one for each neighbour, each standing for every member's. No name is lost: the list node's
/// label holds them all.
struct LeafCollapse: Equatable {
    /// Only leaves of these kinds (nil: any kind).
    var kinds: Set<String>?
    /// Fewer leaves than this stay as they are.
    static let minimumLeaves = 2

    /// `leaves` or `leaves:KIND,...`.
    init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.first == "leaves" else {
            throw GraphError.invalidArgument("--collapse '\(text)': write leaves or leaves:KIND,... (e.g. leaves:theme,cluster)")
        }
        if parts.count == 2 {
            let kinds = splitKinds(parts[1])
            if kinds.isEmpty { throw GraphError.invalidArgument("--collapse '\(text)': name at least one kind after 'leaves:'") }
            self.kinds = kinds
        }
    }

    init(kinds: Set<String>? = nil) { self.kinds = kinds }

    /// One list node: its members in the order listed (by label).
    struct List: Equatable {
        var kind: String
        var members: [Node]
    }

    /// `network` with each group of leaves replaced by a list node (id `list:<hub>:<relation>:<kind>`, made
    /// unique), and the lists by that id.
    ///
    /// - Parameter classes: a class by node id (a leaf's mark, e.g. a diff's added/ended/kept): leaves of
    ///   different classes are never gathered into one list, and a list of a class has `:<class>` after its id.
    /// - Returns: also, for each tie of the result, the indices of the ties of `network` it stands for (one
    ///   for a tie kept as it was; every member's tie for a list's tie).
    /// - Throws: when a kind named in `kinds` is not a kind of any node.
    /// - Complexity: O(n + e log e).
    func apply(to network: Network, classes: [String: String] = [:]) throws -> (network: Network, lists: [String: List], origins: [[Int]]) {
        if let kinds {
            let present = Set(network.nodes.map(\.kind))
            for kind in kinds.sorted() where !present.contains(kind) {
                throw GraphError.invalidArgument("--collapse: no drawn node has kind '\(kind)' (present: \(present.sorted().joined(separator: ", ")))")
            }
        }
        var ties: [String: [Int]] = [:]
        for (index, edge) in network.edges.enumerated() where edge.from != edge.to {
            ties[edge.from, default: []].append(index)
            ties[edge.to, default: []].append(index)
        }
        // A node's ties seen from it: (neighbour, relation, whether the tie runs from the neighbour to it).
        struct End: Hashable, Comparable {
            var neighbour: String, relation: String, inward: Bool
            static func < (a: End, b: End) -> Bool { (a.neighbour, a.relation, a.inward ? 1 : 0) < (b.neighbour, b.relation, b.inward ? 1 : 0) }
        }
        func ends(_ id: String) -> [End] {
            (ties[id] ?? []).map { index in
                let edge = network.edges[index]
                return edge.from == id ? End(neighbour: edge.to, relation: edge.relation, inward: false)
                    : End(neighbour: edge.from, relation: edge.relation, inward: true)
            }.sorted()
        }
        // Leaves (one tie) grouped by hub, relation, direction and kind; and nodes of one kind with exactly the
        // same ties (twins: the same neighbours by the same relations in the same directions). In input order.
        var groups: [[End]: [String]] = [:]
        var groupKind: [[End]: (kind: String, group: String)] = [:]
        var groupOrder: [[End]] = []
        for node in network.nodes {
            let own = ends(node.id)
            guard !own.isEmpty else { continue }
            if let kinds, !kinds.contains(node.kind) { continue }
            // A pair tied only to each other is no hub and leaf.
            if own.count == 1, ties[own[0].neighbour]?.count ?? 0 <= 1 { continue }
            // The kind and mark (diff class) are part of the key: a sentinel end no real tie has.
            let key = own + [End(neighbour: "\u{0}" + node.kind, relation: classes[node.id] ?? "", inward: false)]
            if groups[key] == nil {
                groupOrder.append(key)
                groupKind[key] = (node.kind, classes[node.id] ?? "")
            }
            groups[key, default: []].append(node.id)
        }
        var result = network
        var lists: [String: List] = [:]
        // The list each gathered node went into.
        var listOf: [String: String] = [:]
        var gathered: [(id: String, key: [End], members: Set<String>)] = []
        for key in groupOrder {
            guard let members = groups[key], members.count >= LeafCollapse.minimumLeaves, let (kind, group) = groupKind[key] else { continue }
            let first = key[0]
            var id = "list:\(first.neighbour):\(first.relation):\(kind)" + (group.isEmpty ? "" : ":\(group)")
            while network.node(id) != nil || lists[id] != nil { id += "'" }
            let ordered = members.sorted { (network.node($0)?.label ?? $0, $0) < (network.node($1)?.label ?? $1, $1) }
            lists[id] = List(kind: kind, members: ordered.compactMap { network.node($0) })
            for member in members { listOf[member] = id }
            gathered.append((id, Array(key.dropLast()), Set(members)))
            let label = ordered.compactMap { network.node($0)?.label }.joined(separator: "; ")
            result.upsert(Node(id: id, label: label, kind: kind))
        }
        guard !lists.isEmpty else { return (network, [:], network.edges.indices.map { [$0] }) }
        // One tie for each of a list's ends (a neighbour gathered into a list of its own: one tie between the two
        // lists), standing for every member's tie there and citing all their sources.
        var newEdges: [Edge] = [], newOrigins: [[Int]] = []
        var made = Set<String>()
        for list in gathered {
            for end in list.key {
                let other = listOf[end.neighbour] ?? end.neighbour
                let (from, to) = end.inward ? (other, list.id) : (list.id, other)
                guard made.insert([from, to, end.relation].joined(separator: "\u{0}")).inserted else { continue }
                let origin = list.members.sorted().flatMap { member in
                    (ties[member] ?? []).filter { index in
                        let edge = network.edges[index]
                        let far = edge.from == member ? edge.to : edge.from
                        return edge.relation == end.relation && (listOf[far] ?? far) == other && (edge.to == member) == end.inward
                    }
                }
                guard let model = origin.first.map({ network.edges[$0] }) else { continue }
                var edge = model
                (edge.from, edge.to) = (from, to)
                edge.citations = Array(Set(origin.flatMap { network.edges[$0].citations }))
                    .sorted { ($0.source, $0.page ?? "") < ($1.source, $1.page ?? "") }
                newEdges.append(edge)
                newOrigins.append(Array(Set(origin)).sorted())
            }
        }
        result.removeNodes { listOf[$0.id] != nil }
        result.edges += newEdges
        // removeNodes keeps the other ties in order.
        let origins = network.edges.indices.filter { listOf[network.edges[$0].from] == nil && listOf[network.edges[$0].to] == nil }.map { [$0] }
        return (result, lists, origins + newOrigins)
    }
}

private func splitKinds(_ text: String) -> Set<String> {
    Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
}
