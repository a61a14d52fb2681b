import Foundation

/// Leave-one-project-out evaluation of the consortium ranking against consortia that really formed.
///
/// For each held-out project with lead L and actual partners P (L excluded): the project node and its
/// participations are removed from the network, the method ranks candidates for L, and recall@k =
/// |P ∩ R[:k]| / |P| (pooled over queries as Σ hits / Σ |P|) and the reciprocal rank of the first actual partner
/// (0 when none) are recorded; MRR is the mean over queries. A bootstrap over queries (1,000 resamples,
/// seeded) gives 95% percentile intervals. Baselines, on the same reduced networks: random reachable
/// organisation (the expected value over orderings of the organisations within `maxHops` of L), most active
/// organisation (participations, L excluded), common neighbours with L and Adamic–Adar with L, both over the
/// organisation–organisation projection (shared projects), ties broken by activity, then id.
///
/// netmap's ranking is `ConsortiumFinder`'s own: the candidates of `CandidatePool` (reachable, eligible by
/// country and programme area) scored by `ScoreWeights` · `CandidateSignals`.
///
/// - Complexity: per query O(n + m + text) to rebuild the candidate signals; O(R · q) for R resamples.
public enum ConsortiumEvaluation {
    /// One held-out project.
    public struct Query: Sendable {
        public var project: String
        public var lead: String
        public var partners: Set<String>
        public var themeText: [String]
        public var programme: ProgrammeRules
    }

    /// What one method scored on one query.
    public struct Outcome: Sendable {
        public var hits5 = 0.0, hits10 = 0.0, reciprocalRank = 0.0
        public var partners = 0
    }

    /// Pooled figures of one method with bootstrap intervals.
    public struct Summary: Sendable {
        public var recall5 = 0.0, recall10 = 0.0, mrr = 0.0
        public var interval5 = (0.0, 0.0), interval10 = (0.0, 0.0), intervalMRR = (0.0, 0.0)
    }

    /// The queries of a participations network: projects with at least `minimum` participants from `country`
    /// (actors with that `country`); the lead is the participant whose tie says `role: lead`, else the one with
    /// the lowest `order`, else the largest `budget`, else the first by id. `theme` gives the held-out project's
    /// theme text; `programme` its rules.
    public static func queries(in network: Network, country: String, minimum: Int = 3,
                               theme: (Node) -> [String], programme: (Node) -> ProgrammeRules?) -> [Query] {
        var members: [String: [(org: String, tie: Edge)]] = [:]
        for edge in network.edges where edge.relation == "participates_in" {
            guard let org = network.node(edge.from), org.country == country, let project = network.node(edge.to), project.kind == "project" else { continue }
            members[project.id, default: []].append((org.id, edge))
        }
        var result: [Query] = []
        for (projectID, list) in members.sorted(by: { $0.key < $1.key }) {
            let organisations = Set(list.map(\.org))
            guard organisations.count >= minimum, let project = network.node(projectID), let rules = programme(project) else { continue }
            func order(_ item: (org: String, tie: Edge)) -> (Int, Double, Double, String) {
                (item.tie.attributes["role"] == "lead" ? 0 : 1, Double(item.tie.attributes["order"] ?? "") ?? .infinity,
                 -(Double(item.tie.attributes["budget"] ?? "") ?? 0), item.org)
            }
            guard let lead = list.min(by: { order($0) < order($1) })?.org else { continue }
            result.append(Query(project: projectID, lead: lead, partners: organisations.subtracting([lead]), themeText: theme(project), programme: rules))
        }
        return result
    }

    /// The ranked candidate ids of every method for one query, on the network without the held-out project.
    public struct Rankings: Sendable {
        /// netmap's candidates with their signals, in node order (rank them with `order(_:weights:)`).
        public var netmap: [(id: String, signals: CandidateSignals)]
        public var mostActive: [String]
        public var commonNeighbours: [String]
        public var adamicAdar: [String]
        /// Organisations within `maxHops` of the lead (for the random baseline).
        public var reachable: Set<String>
    }

    /// Terms of project texts, split once for all queries.
    static let termCache = PartnerProfiles.TermCache()

    public static func rankings(_ query: Query, in network: Network, maxHops: Int = 3) throws -> Rankings {
        var reduced = network
        reduced.removeNodes { $0.id == query.project }
        var consortiumQuery = ConsortiumQuery(programme: query.programme, lead: query.lead)
        consortiumQuery.themeText = query.themeText
        consortiumQuery.maxHops = maxHops
        let signals = try ConsortiumFinder.signals(in: reduced, query: consortiumQuery, cache: termCache).map { (reduced.nodes[$0.index].id, $0.signals) }
        // The organisation projection: neighbours through shared projects, and activity.
        var projectMembers: [String: [String]] = [:]
        var activity: [String: Int] = [:]
        for edge in reduced.edges where edge.relation == "participates_in" {
            projectMembers[edge.to, default: []].append(edge.from)
            activity[edge.from, default: 0] += 1
        }
        var neighbours: [String: Set<String>] = [:]
        for list in projectMembers.values {
            for a in list { for b in list where a != b { neighbours[a, default: []].insert(b) } }
        }
        let organisations = reduced.nodes.filter { !ConsortiumFinder.nonActorKinds.contains($0.kind) && $0.id != query.lead }.map(\.id)
        func byActivity(_ a: String, _ b: String) -> Bool { (activity[a] ?? 0, b) > (activity[b] ?? 0, a) }
        let mostActive = organisations.sorted(by: byActivity)
        let leadNeighbours = neighbours[query.lead] ?? []
        var common: [String: Double] = [:], adamic: [String: Double] = [:]
        for z in leadNeighbours.sorted() {  // a fixed order: Adamic–Adar sums must not depend on Set order
            let degree = Double(neighbours[z]?.count ?? 0)
            for v in neighbours[z] ?? [] where v != query.lead {
                common[v, default: 0] += 1
                if degree > 1 { adamic[v, default: 0] += 1 / log(degree) }
            }
        }
        func byScore(_ score: [String: Double]) -> [String] {
            organisations.sorted { a, b in
                let (x, y) = (score[a] ?? 0, score[b] ?? 0)
                if x != y { return x > y }
                return byActivity(a, b)
            }
        }
        var reachable: Set<String> = []
        var frontier: Set<String> = [query.lead]
        for _ in 0..<maxHops {
            var next: Set<String> = []
            for v in frontier { for w in neighbours[v] ?? [] where w != query.lead && !reachable.contains(w) { next.insert(w) } }
            reachable.formUnion(next)
            frontier = next
        }
        return Rankings(netmap: signals, mostActive: mostActive, commonNeighbours: byScore(common), adamicAdar: byScore(adamic), reachable: reachable)
    }

    /// netmap's order of candidates for given weights (best first, ties by id).
    public static func order(_ candidates: [(id: String, signals: CandidateSignals)], weights: ScoreWeights) -> [String] {
        candidates.map { ($0.id, $0.signals.parts(weights).total) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map(\.0)
    }

    public static func outcome(_ ranked: [String], partners: Set<String>) -> Outcome {
        var outcome = Outcome(partners: partners.count)
        for (position, id) in ranked.enumerated() where partners.contains(id) {
            if position < 5 { outcome.hits5 += 1 }
            if position < 10 { outcome.hits10 += 1 }
            if outcome.reciprocalRank == 0 { outcome.reciprocalRank = 1 / Double(position + 1) }
            if position >= 10 && outcome.reciprocalRank > 0 { break }
        }
        return outcome
    }

    /// The expected outcome of a uniformly random order of the reachable organisations.
    public static func randomOutcome(reachable: Set<String>, partners: Set<String>) -> Outcome {
        let r = reachable.count, m = partners.intersection(reachable).count
        var outcome = Outcome(partners: partners.count)
        guard r > 0, m > 0 else { return outcome }
        outcome.hits5 = Double(m) * Double(min(5, r)) / Double(r)
        outcome.hits10 = Double(m) * Double(min(10, r)) / Double(r)
        // P(first relevant at position k) = C(r − k, m − 1) / C(r, m), computed as a running product.
        var noneBefore = 1.0
        for k in 1...(r - m + 1) {
            let firstHere = noneBefore * Double(m) / Double(r - k + 1)
            outcome.reciprocalRank += firstHere / Double(k)
            noneBefore *= Double(r - k + 1 - m) / Double(r - k + 1)
        }
        return outcome
    }

    /// Pooled recall@5 and recall@10 (Σ hits / Σ partners) and MRR (mean over queries) of some queries.
    static func pooled(_ sample: [Outcome]) -> (Double, Double, Double) {
        let total = Double(sample.reduce(0) { $0 + $1.partners })
        guard total > 0, !sample.isEmpty else { return (0, 0, 0) }
        return (sample.reduce(0) { $0 + $1.hits5 } / total, sample.reduce(0) { $0 + $1.hits10 } / total,
                sample.reduce(0) { $0 + $1.reciprocalRank } / Double(sample.count))
    }

    /// Pooled recall@5, recall@10 and MRR with bootstrap 95% intervals over queries.
    public static func summary(_ outcomes: [Outcome], resamples: Int = 1000, seed: UInt64 = 16) -> Summary {
        pairedDifference(outcomes, nil, resamples: resamples, seed: seed)
    }

    /// The figures of `a` minus those of `b` on the same queries, with a paired bootstrap: each resample draws
    /// the same queries for both, so the interval is that of the difference (0 outside it: the gap is not
    /// resampling noise). With `b` nil, the figures of `a` alone (`summary`).
    public static func pairedDifference(_ a: [Outcome], _ b: [Outcome]?, resamples: Int = 1000, seed: UInt64 = 16) -> Summary {
        precondition(b == nil || b?.count == a.count, "paired outcomes must be on the same queries")
        func figures(_ indices: [Int]?) -> (Double, Double, Double) {
            let x = pooled(indices.map { $0.map { a[$0] } } ?? a)
            guard let b else { return x }
            let y = pooled(indices.map { $0.map { b[$0] } } ?? b)
            return (x.0 - y.0, x.1 - y.1, x.2 - y.2)
        }
        var result = Summary()
        (result.recall5, result.recall10, result.mrr) = figures(nil)
        guard !a.isEmpty, resamples > 0 else { return result }
        var generator = SplitMixGenerator(seed: seed)
        var r5: [Double] = [], r10: [Double] = [], mrr: [Double] = []
        for _ in 0..<resamples {
            let indices = (0..<a.count).map { _ in Int(generator.next() % UInt64(a.count)) }
            let (x, y, z) = figures(indices)
            r5.append(x); r10.append(y); mrr.append(z)
        }
        func interval(_ values: [Double]) -> (Double, Double) {
            let sorted = values.sorted()
            return (sorted[Int(Double(sorted.count - 1) * 0.025)], sorted[Int(Double(sorted.count - 1) * 0.975)])
        }
        result.interval5 = interval(r5)
        result.interval10 = interval(r10)
        result.intervalMRR = interval(mrr)
        return result
    }

    /// Weights with the best MRR + recall@10 on the given queries' rankings, from a small grid (closeness 1;
    /// brokerage stays at its standard weight: no query of the evaluation needs a foreign country).
    public static func learnWeights(_ rankings: [(Rankings, Set<String>)]) -> ScoreWeights {
        let grid = [0.0, 0.25, 0.5, 1, 2, 4]
        var best = ScoreWeights.standard
        var bestValue = -1.0
        for theme in grid {
            for experience in grid {
              for proximity in grid {
                let weights = ScoreWeights(closeness: 1, theme: theme, experience: experience, brokerage: ScoreWeights.standard.brokerage, proximity: proximity)
                let outcomes = rankings.map { outcome(order($0.0.netmap, weights: weights), partners: $0.1) }
                let s = summary(outcomes, resamples: 0)
                if s.mrr + s.recall10 > bestValue + 1e-12 {
                    bestValue = s.mrr + s.recall10
                    best = weights
                }
              }
            }
        }
        return best
    }
}
