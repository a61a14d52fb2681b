/// A predecessor and the node that carries on its ties (a county merged into a new one, a programme renamed).
public struct Succession: Hashable, Sendable {
    public var from: String
    public var to: String
    public var since: Int?
    public var citations: [Citation]

    public init(from: String, to: String, since: Int? = nil, citations: [Citation] = []) {
        self.from = from
        self.to = to
        self.since = since
        self.citations = citations
    }
}

/// Which node of the new edition stands for each node of the old one, from the succession ties (`succeeded_by`)
/// of both editions.
///
/// A succession `a → b` is followed when `a` has a tie other than a succession in the old edition (so a county
/// that is only mentioned as the predecessor of another is not renamed), and, when the two editions are years
/// of one network, when its `since` (if given) lies after the first year and not after the second. Chains are
/// followed to their end (`a → b → c` maps `a` to `c`). A node with several successors (a split) is mapped to the
/// one that has ties in the new edition; when none or several do, or the successions form a cycle, it is not
/// mapped, and a warning says so.
public struct SuccessionMap: Sendable {
    /// The relation followed (nil: none).
    public var relation: String?
    /// The successions followed, sorted by predecessor then successor.
    public var successions: [Succession] = []
    /// Nodes left unmapped, with the reason.
    public var warnings: [String] = []
    private var successor: [String: String] = [:]

    /// No successions: every node stands for itself.
    public static let none = SuccessionMap(relation: nil)

    init(relation: String?) { self.relation = relation }

    /// Builds the map from `candidates` (ties of the followed relation).
    ///
    /// - Parameters:
    ///   - oldActive: nodes of the old edition with a tie other than a succession.
    ///   - newActive: likewise for the new edition.
    ///   - years: the two years compared, when the editions are years of one network.
    /// - Complexity: O(s log s + s·c) for s successions and chains of length c.
    init(relation: String, candidates: [Edge], oldActive: Set<String>, newActive: Set<String>, years: (Int, Int)?) {
        self.relation = relation
        var byPair: [String: Succession] = [:]
        for edge in candidates where edge.relation == relation && edge.from != edge.to && oldActive.contains(edge.from) {
            if let years, let since = edge.since, !(since > years.0 && since <= years.1) { continue }
            let key = edge.from + "\u{1}" + edge.to
            var succession = byPair[key] ?? Succession(from: edge.from, to: edge.to, since: edge.since)
            for citation in edge.citations where !succession.citations.contains(citation) { succession.citations.append(citation) }
            byPair[key] = succession
        }
        let all = byPair.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        var direct: [String: String] = [:]
        let grouped = Dictionary(grouping: all, by: \.from)
        for (from, list) in grouped.sorted(by: { $0.key < $1.key }) {
            // A split (Vestfold og Telemark → Vestfold, Telemark) is followed to the one successor in the new edition.
            let present = list.filter { newActive.contains($0.to) }
            if list.count == 1 {
                direct[from] = list[0].to
            } else if present.count == 1 {
                direct[from] = present[0].to
            } else {
                warnings.append("'\(from)' has several successors (\(list.map(\.to).joined(separator: ", "))); its ties are compared as they are")
            }
        }
        successions = all.filter { direct[$0.from] == $0.to }
        for start in direct.keys.sorted() {
            var current = start
            var seen: Set<String> = [start]
            var cycle = false
            while let next = direct[current] {
                if seen.contains(next) { cycle = true; break }
                seen.insert(next)
                current = next
            }
            if cycle {
                warnings.append("the successions from '\(start)' form a cycle; its ties are compared as they are")
            } else {
                successor[start] = current
            }
        }
        successions = successions.filter { successor[$0.from] != nil }
    }

    /// The node that stands for `id` in the comparison.
    public func map(_ id: String) -> String { successor[id] ?? id }

    /// Whether `id` is mapped onto another node.
    public func isMapped(_ id: String) -> Bool { successor[id].map { $0 != id } ?? false }
}

/// When each node of a network exists, as its dated successions say: a predecessor ends in the year of its
/// succession, a successor begins in it (Nord-Trøndelag until 2018, Trøndelag from 2018; Telemark until
/// 2020 and again from 2024). Nodes without dated successions always exist.
public struct Lifetimes: Sendable {
    /// Per node, its dated events in year order: `true` begins, `false` ends.
    private var events: [String: [(year: Int, begins: Bool)]] = [:]

    public init(successions edges: [Edge], relation: String) {
        for edge in edges where edge.relation == relation && edge.from != edge.to {
            guard let year = edge.since else { continue }
            events[edge.from, default: []].append((year, false))
            events[edge.to, default: []].append((year, true))
        }
        for key in events.keys { events[key]!.sort { ($0.year, $0.begins ? 1 : 0) < ($1.year, $1.begins ? 1 : 0) } }
    }

    /// Whether `id` exists in `year`: the last event up to `year` is a beginning, or, with none, the first
    /// event after it is an end.
    public func exists(_ id: String, in year: Int) -> Bool {
        guard let list = events[id], !list.isEmpty else { return true }
        if let last = list.last(where: { $0.year <= year }) { return last.begins }
        return !list[0].begins
    }
}
