/// What two actors share and what only one of them has: their neighbours (any relation, either direction),
/// split three ways, with the ties that connect each side.
public struct Comparison: Sendable {
    /// A neighbour and the ties (indices into `network.edges`) joining it to A and to B.
    public struct Item: Sendable {
        public var node: Node
        public var tiesOfA: [Int]
        public var tiesOfB: [Int]
    }

    public var a: Node
    public var b: Node
    public var shared: [Item]
    public var onlyA: [Item]
    public var onlyB: [Item]
    /// Ties directly between A and B.
    public var direct: [Int]

    /// Kinds in the order a comparison lists them: memberships, programmes, partner regions first.
    public static let kindOrder = ["network", "programme", "region", "project", "office", "county", "municipality",
                                   "agency", "university", "research", "cluster", "business", "school", "theme"]

    static func rank(_ kind: String) -> Int { kindOrder.firstIndex(of: kind) ?? kindOrder.count }
}

extension Network {
    /// Compares the neighbourhoods of two nodes. Items are ordered by kind (`Comparison.kindOrder`, then
    /// alphabetically), then by label.
    ///
    /// - Parameter kinds: only neighbours of these kinds (nil: all).
    /// - Throws: `GraphError.unknownNode` for an id not in the network, `invalidArgument` when A equals B.
    /// - Complexity: O(m + k log k) for k neighbours.
    public func compare(_ a: String, _ b: String, kinds: Set<String>? = nil) throws -> Comparison {
        guard let nodeA = node(a) else { throw GraphError.unknownNode(a, candidates: []) }
        guard let nodeB = node(b) else { throw GraphError.unknownNode(b, candidates: []) }
        if a == b { throw GraphError.invalidArgument("cannot compare '\(a)' with itself") }
        var tiesA: [String: [Int]] = [:], tiesB: [String: [Int]] = [:]
        var direct: [Int] = []
        for (e, edge) in edges.enumerated() {
            if Set([edge.from, edge.to]) == Set([a, b]) { direct.append(e); continue }
            if edge.from == a { tiesA[edge.to, default: []].append(e) }
            if edge.to == a { tiesA[edge.from, default: []].append(e) }
            if edge.from == b { tiesB[edge.to, default: []].append(e) }
            if edge.to == b { tiesB[edge.from, default: []].append(e) }
        }
        var shared: [Comparison.Item] = [], onlyA: [Comparison.Item] = [], onlyB: [Comparison.Item] = []
        for id in Set(tiesA.keys).union(tiesB.keys) {
            guard let neighbour = node(id), id != a, id != b, kinds?.contains(neighbour.kind) ?? true else { continue }
            let item = Comparison.Item(node: neighbour, tiesOfA: tiesA[id] ?? [], tiesOfB: tiesB[id] ?? [])
            switch (item.tiesOfA.isEmpty, item.tiesOfB.isEmpty) {
            case (false, false): shared.append(item)
            case (false, true): onlyA.append(item)
            default: onlyB.append(item)
            }
        }
        func ordered(_ items: [Comparison.Item]) -> [Comparison.Item] {
            items.sorted { lhs, rhs in
                let (l, r) = (Comparison.rank(lhs.node.kind), Comparison.rank(rhs.node.kind))
                if l != r { return l < r }
                if lhs.node.kind != rhs.node.kind { return lhs.node.kind < rhs.node.kind }
                if lhs.node.label != rhs.node.label { return lhs.node.label < rhs.node.label }
                return lhs.node.id < rhs.node.id
            }
        }
        return Comparison(a: nodeA, b: nodeB, shared: ordered(shared), onlyA: ordered(onlyA), onlyB: ordered(onlyB), direct: direct)
    }
}
