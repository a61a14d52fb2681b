import Foundation

/// How long a tie is for the consortium finder: short for a bilateral agreement, longer for a shared programme.
///
/// Cost of one hop = base cost of its relation × 1.5 when the tie has no citation, ÷ (1 + ln weight) when the
/// tie's weight is above 1 (for example several shared projects). Base costs: `partner_of`, `cooperates_with`,
/// `secretariat_for`, `succeeded_by` 1; `member_of` 0.75 (so a shared membership, two hops, costs 1.5);
/// `coordinates`, `part_of`, `owns`, `contact_point_for` 1.25; `manages`, `funds`, `participates_in` 1.5 (a
/// shared programme costs 3); any other relation 2. Ties to themes (`addresses`) are not paths.
public enum TieCost {
    public static let base: [String: Double] = [
        "partner_of": 1, "cooperates_with": 1, "secretariat_for": 1, "succeeded_by": 1,
        "member_of": 0.75,
        "coordinates": 1.25, "part_of": 1.25, "owns": 1.25, "contact_point_for": 1.25,
        "manages": 1.5, "funds": 1.5, "participates_in": 1.5,
    ]
    public static let otherRelation = 2.0
    public static let uncitedFactor = 1.5

    /// The cost of a tie, or nil when it is not a path (a tie to a theme).
    public static func cost(of edge: Edge) -> Double? {
        if edge.relation == "addresses" { return nil }
        var cost = base[edge.relation] ?? otherRelation
        if edge.citations.isEmpty { cost *= uncitedFactor }
        if edge.weight > 1 { cost /= 1 + log(edge.weight) }
        return cost
    }
}

/// The network as a graph of cited ties, for finding and explaining the cheapest path between actors.
///
/// Stored in compressed sparse row form; every tie is usable in both directions (a shared membership
/// `a → network ← b` is a path from a to b), and each adjacency keeps the index of the network edge it
/// came from, so a path can cite every hop. Of parallel ties the cheapest is kept.
///
/// Participations (`participates_in` ties to nodes of kind `project`, as `netmap import --as participations`
/// writes them) are projected: two organisations in k shared projects get one `shares_project` tie costing
/// 1 / (1 + ln k) — as a `cooperates_with` tie of weight k — citing the first shared project's participation
/// tie. Projects with more than `projectLimit` participants are not projected (their pairs would dominate).
struct TieGraph: Sendable {
    static let projectLimit = 200
    static let sharedProjectRelation = "shares_project"

    let nodeCount: Int
    let offsets: [Int32]
    let targets: [Int32]
    /// The network edge of each adjacency; negative values −(v + 1) name `shared[v]`.
    let edgeIndex: [Int32]
    let costs: [Double]
    /// Whether a path may pass through the node (themes and excluded nodes may only end a path).
    let passable: [Bool]
    /// Projected ties: the participation ties of the first shared project and the number of shared projects.
    let shared: [(first: Int32, second: Int32, count: Int32)]

    /// - Complexity: O(n + m log m + Σ k²) for projects of k participants.
    init(_ network: Network, passable isPassable: (Node) -> Bool) {
        let n = network.nodes.count
        nodeCount = n
        var best: [UInt64: (cost: Double, edge: Int32)] = [:]
        var members: [Int: [(org: Int32, edge: Int32)]] = [:]
        for (index, edge) in network.edges.enumerated() {
            guard let u = network.index(of: edge.from), let v = network.index(of: edge.to), u != v else { continue }
            if edge.relation == "participates_in" && network.nodes[v].kind == "project" && network.nodes[u].kind != "project" {
                members[v, default: []].append((Int32(u), Int32(index)))
                continue
            }
            guard let cost = TieCost.cost(of: edge) else { continue }
            for key in [UInt64(u) << 32 | UInt64(v), UInt64(v) << 32 | UInt64(u)] {
                if let existing = best[key], existing.cost <= cost { continue }
                best[key] = (cost, Int32(index))
            }
        }
        var pairs: [UInt64: (count: Int32, first: Int32, second: Int32, cited: Bool)] = [:]
        for project in members.keys.sorted() {
            guard let list = members[project], list.count <= TieGraph.projectLimit else { continue }
            for i in list.indices {
                for j in list.indices where list[i].org < list[j].org {
                    let key = UInt64(list[i].org) << 32 | UInt64(list[j].org)
                    let cited = !network.edges[Int(list[i].edge)].citations.isEmpty
                    if var entry = pairs[key] {
                        entry.count += 1
                        pairs[key] = entry
                    } else {
                        pairs[key] = (1, list[i].edge, list[j].edge, cited)
                    }
                }
            }
        }
        var shared: [(first: Int32, second: Int32, count: Int32)] = []
        for key in pairs.keys.sorted() {
            guard let entry = pairs[key] else { continue }
            var cost = (TieCost.base["cooperates_with"] ?? 1) * (entry.cited ? 1 : TieCost.uncitedFactor)
            if entry.count > 1 { cost /= 1 + log(Double(entry.count)) }
            let marker = -Int32(shared.count) - 1
            shared.append((entry.first, entry.second, entry.count))
            let (a, b) = (key >> 32, key & 0xFFFF_FFFF)
            for directed in [a << 32 | b, b << 32 | a] {
                if let existing = best[directed], existing.cost <= cost { continue }
                best[directed] = (cost, marker)
            }
        }
        self.shared = shared
        let keys = best.keys.sorted()
        var offsets = [Int32](repeating: 0, count: n + 1)
        for key in keys { offsets[Int(key >> 32) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var targets: [Int32] = []
        var edgeIndex: [Int32] = []
        var costs: [Double] = []
        targets.reserveCapacity(keys.count)
        for key in keys {
            guard let entry = best[key] else { continue }
            targets.append(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
            edgeIndex.append(entry.edge)
            costs.append(entry.cost)
        }
        self.offsets = offsets
        self.targets = targets
        self.edgeIndex = edgeIndex
        self.costs = costs
        passable = network.nodes.map(isPassable)
    }

    /// One hop of a path as the explanation shows it: relation, direction and citation.
    func hop(from: Int, to: Int, edge: Int, in network: Network) -> PathHop {
        let fromID = network.nodes[from].id, toID = network.nodes[to].id
        if edge >= 0 {
            let tie = network.edges[edge]
            return PathHop(from: fromID, to: toID, relation: tie.relation, reversed: tie.from != fromID, cited: network.citationText(tie))
        }
        let entry = shared[-edge - 1]
        return PathHop(from: fromID, to: toID, relation: TieGraph.sharedProjectRelation, reversed: false,
                       cited: network.citationText(network.edges[Int(entry.first)]), moreProjects: Int(entry.count) - 1)
    }

    /// Number of shared projects behind an adjacency (0 for a tie of the network itself).
    func sharedProjects(slot: Int) -> Int { edgeIndex[slot] < 0 ? Int(shared[Int(-edgeIndex[slot] - 1)].count) : 0 }

    /// Cheapest paths of at most `maxHops` ties from the nearest of `sources`, with the tie used for each hop.
    ///
    /// Hop-limited Bellman–Ford: layer h holds the cheapest cost using at most h ties, so the hop limit is
    /// exact (a plain Dijkstra could hide a short expensive path behind a long cheap one). Only nodes whose
    /// cost fell in the previous layer are relaxed.
    ///
    /// - Complexity: O(maxHops · (n + m)) time, O(maxHops · n) memory.
    func cheapestPaths(from sources: [Int], maxHops: Int) -> PathTree {
        let n = nodeCount
        let layers = maxHops + 1
        var cost = [Double](repeating: .infinity, count: n * layers)
        var parent = [Int32](repeating: -1, count: n * layers)
        var via = [Int32](repeating: -1, count: n * layers)
        var frontier: [Int32] = []
        for source in sources where cost[source] != 0 {
            cost[source] = 0
            frontier.append(Int32(source))
        }
        var changed = [Bool](repeating: false, count: n)
        for h in 1..<layers {
            let base = h * n, previous = (h - 1) * n
            for v in 0..<n {
                cost[base + v] = cost[previous + v]
                parent[base + v] = -2  // carried from the previous layer
            }
            var next: [Int32] = []
            for u32 in frontier {
                let u = Int(u32)
                if h > 1 && !passable[u] { continue }
                let cu = cost[previous + u]
                for slot in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let v = Int(targets[slot])
                    let candidate = cu + costs[slot]
                    if candidate < cost[base + v] - 1e-12 {
                        cost[base + v] = candidate
                        parent[base + v] = u32
                        via[base + v] = edgeIndex[slot]
                        if !changed[v] {
                            changed[v] = true
                            next.append(Int32(v))
                        }
                    }
                }
            }
            for v in next { changed[Int(v)] = false }
            frontier = next
            if frontier.isEmpty {
                // Nothing changes any more: copy the layer up so the last layer is complete.
                for later in (h + 1)..<layers {
                    for v in 0..<n {
                        cost[later * n + v] = cost[base + v]
                        parent[later * n + v] = -2
                    }
                }
                break
            }
        }
        return PathTree(nodeCount: n, layers: layers, cost: cost, parent: parent, via: via)
    }
}

/// The result of `TieGraph.cheapestPaths`: costs and the hops of each cheapest path.
struct PathTree: Sendable {
    let nodeCount: Int
    let layers: Int
    let cost: [Double]
    let parent: [Int32]
    let via: [Int32]

    /// Cost of the cheapest path to `node` (infinity when not reachable within the hop limit).
    func cost(to node: Int) -> Double { cost[(layers - 1) * nodeCount + node] }

    /// The path to `node` as (from, to, network edge index) hops in order from the source.
    func hops(to node: Int) -> [(from: Int, to: Int, edge: Int)] {
        guard cost(to: node).isFinite else { return [] }
        var result: [(Int, Int, Int)] = []
        var v = node
        var h = layers - 1
        while h > 0 {
            let p = parent[h * nodeCount + v]
            if p == -2 { h -= 1; continue }
            if p < 0 { break }
            result.append((Int(p), v, Int(via[h * nodeCount + v])))
            v = Int(p)
            h -= 1
        }
        return result.reversed()
    }
}
