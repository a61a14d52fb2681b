/// A division of a graph's nodes into communities: `community[i]` for node `i`, numbered `0 ..< count`.
///
/// Communities are numbered by decreasing size, ties broken by their lowest node index, so equal partitions
/// print equally.
public struct Partition: Hashable, Sendable {
    public private(set) var community: [Int32]
    public private(set) var count: Int

    /// A partition from any labelling (labels need not be dense); renumbers as described above.
    public init<Labels: Sequence>(labels: Labels) where Labels.Element: BinaryInteger {
        let raw = labels.map { Int($0) }
        var firstSeen: [Int: Int] = [:]
        var sizes: [Int: Int] = [:]
        for (node, label) in raw.enumerated() {
            if firstSeen[label] == nil { firstSeen[label] = node }
            sizes[label, default: 0] += 1
        }
        let order = firstSeen.keys.sorted { a, b in
            sizes[a]! != sizes[b]! ? sizes[a]! > sizes[b]! : firstSeen[a]! < firstSeen[b]!
        }
        var number: [Int: Int32] = [:]
        for (k, label) in order.enumerated() { number[label] = Int32(k) }
        community = raw.map { number[$0]! }
        count = order.count
    }

    /// Every node alone.
    public static func singletons(_ nodeCount: Int) -> Partition { Partition(labels: 0..<nodeCount) }

    /// The members of each community, in node order.
    public var members: [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        for (node, c) in community.enumerated() { result[Int(c)].append(node) }
        return result
    }
}

extension AnalysisGraph {
    /// Newman–Girvan modularity of a partition with resolution γ, as NetworkX's `community.modularity`:
    /// Q = Σ_c [ L_c / m − γ (k_c / 2m)² ], with L_c the weight of ties inside c, k_c the summed strength
    /// of its nodes and m the total tie weight. Directed graphs are read as undirected. 0 for a graph without ties.
    ///
    /// - Complexity: O(n + m).
    ///
    /// Newman, M. E. J. (2006). https://doi.org/10.1073/pnas.0601602103 ;
    /// Reichardt & Bornholdt (2006) for γ. https://doi.org/10.1103/PhysRevE.74.016110
    public func modularity(_ partition: Partition, resolution: Double = 1) -> Double {
        let level = CommunityLevel(self)
        return level.modularity(partition.community, resolution: resolution)
    }
}

/// The weighted undirected graph the community algorithms work on, with self-loops (created when communities
/// are aggregated into nodes) kept apart. Flat arrays only.
struct CommunityLevel {
    var offsets: [Int32]
    var targets: [Int32]
    var weights: [Double]
    /// Weight of each node's self-loop (counted once).
    var selfLoops: [Double]
    /// Strength: summed weights of the node's ties, self-loop counted twice (NetworkX's degree convention).
    var strength: [Double]
    /// 2m: twice the total tie weight.
    var twiceTotal: Double

    var nodeCount: Int { selfLoops.count }

    /// The undirected view of an analysis graph; a directed graph's arcs both ways are merged.
    init(_ analysisGraph: AnalysisGraph) {
        var graph = analysisGraph
        if graph.isDirected {
            var edges: [(Int, Int, Double)] = []
            for u in 0..<graph.nodeCount {
                for slot in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                    edges.append((u, Int(graph.targets[slot]), graph.weights[slot]))
                }
            }
            graph = AnalysisGraph(ids: graph.ids, edges: edges, directed: false, weighted: true)
        }
        self.init(offsets: graph.offsets, targets: graph.targets, weights: graph.weights,
                  selfLoops: [Double](repeating: 0, count: graph.nodeCount))
    }

    init(offsets: [Int32], targets: [Int32], weights: [Double], selfLoops: [Double]) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.selfLoops = selfLoops
        var strength = selfLoops.map { 2 * $0 }
        for u in 0..<selfLoops.count {
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) { strength[u] += weights[slot] }
        }
        self.strength = strength
        twiceTotal = strength.reduce(0, +)
    }

    func modularity(_ community: [Int32], resolution: Double) -> Double {
        guard twiceTotal > 0 else { return 0 }
        let m = twiceTotal / 2
        let count = Int(community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var total = [Double](repeating: 0, count: count)
        for u in 0..<nodeCount {
            let c = Int(community[u])
            total[c] += strength[u]
            inside[c] += 2 * selfLoops[u]
            for slot in Int(offsets[u])..<Int(offsets[u + 1]) where community[Int(targets[slot])] == community[u] {
                inside[c] += weights[slot]
            }
        }
        var q = 0.0
        for c in 0..<count {
            q += inside[c] / (2 * m) - resolution * (total[c] / (2 * m)) * (total[c] / (2 * m))
        }
        return q
    }

    /// The graph whose nodes are the communities (labels `0 ..< count`), tie weights summed, inner ties as
    /// self-loops. Each community's row lists its neighbouring communities in the order its members' ties
    /// first reach them.
    ///
    /// - Complexity: O(n + m): members grouped by a counting sort, rows merged through one dense slot table.
    func aggregated(by community: [Int32], count: Int) -> CommunityLevel {
        let n = nodeCount
        var loops = [Double](repeating: 0, count: count)
        var first = [Int32](repeating: 0, count: count + 1)
        for u in 0..<n { first[Int(community[u]) + 1] += 1 }
        for c in 0..<count { first[c + 1] += first[c] }
        var fill = first
        var members = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(community[u])
            members[Int(fill[c])] = Int32(u)
            fill[c] += 1
        }
        var offsets = [Int32](repeating: 0, count: count + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        // The level's own arc count bounds the result: one allocation, no doubling (and no old and new buffer
        // alive at once while it grows) on the large first levels.
        targets.reserveCapacity(self.targets.count)
        weights.reserveCapacity(self.targets.count)
        var slot = [Int32](repeating: -1, count: count)
        for c in 0..<count {
            let rowStart = targets.count
            for member in members[Int(first[c])..<Int(first[c + 1])] {
                let u = Int(member)
                loops[c] += selfLoops[u]
                for arc in Int(self.offsets[u])..<Int(self.offsets[u + 1]) {
                    let cv = Int(community[Int(self.targets[arc])])
                    if cv == c {
                        loops[c] += self.weights[arc] / 2   // each inner tie is seen from both ends
                    } else if slot[cv] >= 0 {
                        weights[Int(slot[cv])] += self.weights[arc]
                    } else {
                        slot[cv] = Int32(targets.count)
                        targets.append(Int32(cv))
                        weights.append(self.weights[arc])
                    }
                }
            }
            for k in rowStart..<targets.count { slot[Int(targets[k])] = -1 }
            offsets[c + 1] = Int32(targets.count)
        }
        return CommunityLevel(offsets: offsets, targets: targets, weights: weights, selfLoops: loops)
    }
}

/// The smallest modularity gain that moves a node. Gains below it are rounding noise; accepting them can make
/// a node move back and forth forever.
let minimumGain = 1e-12

/// Dense renumbering of labels in order of first appearance.
func denseLabels(_ labels: [Int32]) -> (labels: [Int32], count: Int) {
    var map = [Int32](repeating: -1, count: (labels.max().map { Int($0) } ?? -1) + 1)
    var next: Int32 = 0
    var result = labels
    for (i, label) in labels.enumerated() {
        if map[Int(label)] < 0 { map[Int(label)] = next; next += 1 }
        result[i] = map[Int(label)]
    }
    return (result, Int(next))
}

/// A uniformly random index below `bound`, by rejection (Lemire's method would differ per platform width).
@inline(__always)
func randomIndex(below bound: Int, using generator: inout some RandomNumberGenerator) -> Int {
    let bound64 = UInt64(bound)
    let limit = UInt64.max - UInt64.max % bound64
    while true {
        let value = generator.next()
        if value < limit { return Int(value % bound64) }
    }
}

/// Fisher–Yates shuffle with `randomIndex`, so the order depends only on the generator's outputs.
func shuffledIndices(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Int32] {
    var order = (0..<count).map { Int32($0) }
    if count < 2 { return order }
    for i in stride(from: count - 1, to: 0, by: -1) {
        order.swapAt(i, randomIndex(below: i + 1, using: &generator))
    }
    return order
}
