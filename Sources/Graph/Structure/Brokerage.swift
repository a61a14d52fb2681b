/// The five brokerage roles of Gould & Fernandez (1989), for a broker v on a two-path a → v → c.
public enum BrokerageRole: String, CaseIterable, Sendable {
    /// G(a) = G(v) = G(c): brokers inside its own group.
    case coordinator
    /// G(a) = G(c) ≠ G(v): an outsider linking two members of another group (UCINET: consultant).
    case itinerant
    /// G(a) = G(v) ≠ G(c): carries its own group's ties out to another group.
    case representative
    /// G(a) ≠ G(v) = G(c): lets outsiders reach its own group.
    case gatekeeper
    /// All three groups differ: links two groups it belongs to neither of.
    case liaison

    /// One line on what the role means for a county adviser reading the table.
    public var explanation: String {
        switch self {
        case .coordinator: return "connects partners within its own group"
        case .itinerant: return "an outsider connecting two partners of one other group (UCINET: consultant)"
        case .representative: return "speaks for its own group towards another group"
        case .gatekeeper: return "lets outsiders reach its own group"
        case .liaison: return "connects two groups it belongs to neither of"
        }
    }
}

/// How many ordered pairs a node brokers in each role.
public struct BrokerageScores: Hashable, Sendable {
    /// Counts indexed like `BrokerageRole.allCases`.
    public var counts: [Int]

    public init(counts: [Int] = [Int](repeating: 0, count: BrokerageRole.allCases.count)) { self.counts = counts }

    public subscript(role: BrokerageRole) -> Int {
        get { counts[BrokerageRole.allCases.firstIndex(of: role) ?? 0] }
        set { counts[BrokerageRole.allCases.firstIndex(of: role) ?? 0] = newValue }
    }

    public var total: Int { counts.reduce(0, +) }
}

extension AnalysisGraph {
    /// Gould–Fernandez brokerage: v brokers the ordered pair (a, c) when a → v → c, there is no tie a → c,
    /// and a, v, c are distinct; each brokered pair is counted in the role given by the groups of a, v and c.
    /// Undirected graphs count each brokered pair once in each direction, as statnet's `sna::brokerage` does
    /// on a symmetric matrix.
    ///
    /// - Parameter groups: a group number per node, indexed like `ids`.
    /// - Complexity: O(Σ_v Σ_{a→v} (d⁺(a) + d⁺(v))), O(n) extra space.
    ///
    /// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in
    /// transaction networks. Sociological Methodology 19, 89–126. https://doi.org/10.2307/270949
    public func brokerage(groups: [Int]) -> [BrokerageScores] {
        precondition(groups.count == nodeCount, "one group per node")
        let n = nodeCount
        var result = [BrokerageScores](repeating: BrokerageScores(), count: n)
        // stamp[c] == a + 1 marks that a → c exists while a is the current origin.
        var stamp = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let gv = groups[v]
            var counts = [Int](repeating: 0, count: 5)
            for p in Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) {
                let a = Int(reverseTargets[p])
                let mark = Int32(a + 1)
                for k in Int(offsets[a])..<Int(offsets[a + 1]) { stamp[Int(targets[k])] = mark }
                let ga = groups[a]
                for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let c = Int(targets[k])
                    if c == a || stamp[c] == mark { continue }
                    let gc = groups[c]
                    let role: Int
                    if ga == gv {
                        role = gv == gc ? 0 : 2      // coordinator : representative
                    } else if ga == gc {
                        role = 1                     // itinerant
                    } else {
                        role = gv == gc ? 3 : 4      // gatekeeper : liaison
                    }
                    counts[role] += 1
                }
                for k in Int(offsets[a])..<Int(offsets[a + 1]) { stamp[Int(targets[k])] = 0 }
            }
            result[v] = BrokerageScores(counts: counts)
        }
        return result
    }

    /// Group numbers for `brokerage(groups:)` from a text label per node; nodes without a label share the
    /// group "(none)". Groups are numbered in sorted label order.
    public static func groupNumbers(_ labels: [String?]) -> (groups: [Int], names: [String]) {
        let names = Set(labels.map { $0 ?? "(none)" }).sorted()
        var number: [String: Int] = [:]
        for (i, name) in names.enumerated() { number[name] = i }
        return (labels.map { number[$0 ?? "(none)"] ?? 0 }, names)
    }
}
