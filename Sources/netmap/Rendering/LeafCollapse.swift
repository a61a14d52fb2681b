import Foundation
import Graph

/// `--collapse leaves` and `--collapse leaves:KIND,...`: the print view of a large network. The nodes that
/// hang off one hub (their only tie is to it) by the same relation, in the same direction, and are of one
/// kind become one list node beside the hub, listing every name in order, with one tie to the hub. No name
/// is lost: the list node's label holds them all.
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
        // Leaves: one tie; grouped by hub, relation, direction and kind, in input order.
        var groups: [String: [String]] = [:]
        var groupOrder: [String] = []
        var groupTie: [String: Edge] = [:]
        for node in network.nodes {
            guard let own = ties[node.id], own.count == 1 else { continue }
            if let kinds, !kinds.contains(node.kind) { continue }
            let edge = network.edges[own[0]]
            let hub = edge.from == node.id ? edge.to : edge.from
            // A pair tied only to each other is no hub and leaf.
            if ties[hub]?.count ?? 0 <= 1 { continue }
            let outward = edge.from == hub
            let key = [hub, edge.relation, outward ? ">" : "<", node.kind, classes[node.id] ?? ""].joined(separator: "\u{0}")
            if groups[key] == nil {
                groupOrder.append(key)
                groupTie[key] = edge
            }
            groups[key, default: []].append(node.id)
        }
        var result = network
        var lists: [String: List] = [:]
        var gathered = Set<String>()
        var newEdges: [Edge] = [], newOrigins: [[Int]] = []
        for key in groupOrder {
            guard let members = groups[key], members.count >= LeafCollapse.minimumLeaves, let tie = groupTie[key] else { continue }
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            let (hub, relation, outward, kind, group) = (parts[0], parts[1], parts[2] == ">", parts[3], parts[4])
            var id = "list:\(hub):\(relation):\(kind)" + (group.isEmpty ? "" : ":\(group)")
            while network.node(id) != nil || lists[id] != nil { id += "'" }
            let ordered = members.sorted { (network.node($0)?.label ?? $0, $0) < (network.node($1)?.label ?? $1, $1) }
            lists[id] = List(kind: kind, members: ordered.compactMap { network.node($0) })
            gathered.formUnion(members)
            let label = ordered.compactMap { network.node($0)?.label }.joined(separator: "; ")
            result.upsert(Node(id: id, label: label, kind: kind))
            var edge = tie
            edge.from = outward ? hub : id
            edge.to = outward ? id : hub
            edge.citations = Array(Set(members.flatMap { member in network.edges.filter { $0.from == member || $0.to == member }.flatMap(\.citations) }))
                .sorted { ($0.source, $0.page ?? "") < ($1.source, $1.page ?? "") }
            newEdges.append(edge)
            let memberSet = Set(members)
            newOrigins.append(network.edges.indices.filter { memberSet.contains(network.edges[$0].from) || memberSet.contains(network.edges[$0].to) })
        }
        guard !lists.isEmpty else { return (network, [:], network.edges.indices.map { [$0] }) }
        result.removeNodes { gathered.contains($0.id) }
        result.edges += newEdges
        // removeNodes keeps the other ties in order.
        let origins = network.edges.indices.filter { !gathered.contains(network.edges[$0].from) && !gathered.contains(network.edges[$0].to) }.map { [$0] }
        return (result, lists, origins + newOrigins)
    }
}

private func splitKinds(_ text: String) -> Set<String> {
    Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
}
