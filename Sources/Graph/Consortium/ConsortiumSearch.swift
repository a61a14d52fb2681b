import Foundation

/// What to search for: a programme, a lead, and the user's wishes.
public struct ConsortiumQuery: Sendable {
    public enum Method: String, Sendable, CaseIterable { case auto, exact, beam }

    public var programme: ProgrammeRules
    /// Node id of the lead partner.
    public var lead: String
    /// Theme node ids the consortium should work on.
    public var themes: [String] = []
    /// Number of partners, lead included (nil: the programme's minimum).
    public var size: ClosedRange<Int>?
    /// Node ids that must be partners.
    public var include: [String] = []
    /// Node ids that must not be partners.
    public var exclude: [String] = []
    /// Only candidates of these kinds (nil: every actor kind).
    public var kinds: Set<String>?
    public var top: Int = 3
    /// Candidates must be reachable from the lead within this many ties (unless `newContacts`).
    public var maxHops: Int = 3
    /// Also rank eligible actors with no path from the lead within `maxHops` ("new contacts": closeness 0, no
    /// path), by their other signals (theme, experience, proximity). `--candidates N` sets it: a lead with few
    /// ties still gets N candidates, as a research adviser would list them.
    public var newContacts = false
    public var method: Method = .auto
    /// `auto` uses exact search up to this many candidates, beam search above.
    public var exactLimit: Int = 40
    public var beamWidth: Int = 64
    /// At most this many candidates are scored pairwise (the best by upper bound, plus the best few for each rule).
    public var poolLimit: Int = 150
    /// Free-text themes (words or a topic code), matched by TF-IDF against what candidates did.
    public var themeText: [String] = []
    /// Weights of the score parts.
    public var weights: ScoreWeights = .standard

    public init(programme: ProgrammeRules, lead: String) {
        self.programme = programme
        self.lead = lead
    }
}

/// The answer: the best eligible consortia, or what is missing.
public struct ConsortiumResult: Sendable {
    public var programme: ProgrammeRules
    public var lead: Node
    public var consortia: [Consortium]
    /// Rules that no consortium reachable from the lead can meet, each naming what is missing.
    public var unmetSentences: [ConsortiumSentence]
    /// How the search went: method, number of candidates, candidates left out and why.
    public var noteSentences: [ConsortiumSentence]
    /// `unmetSentences` in English.
    public var unmet: [String] { unmetSentences.map(\.description) }
    /// `noteSentences` in English.
    public var notes: [String] { noteSentences.map(\.description) }
    public var method: ConsortiumQuery.Method
}

/// Finds eligible consortia built on the ties the lead already has.
///
/// Candidates are the actors (every kind except programme, theme and project) reachable from the lead within
/// `maxHops` ties, from an eligible country, with a recorded `country`. Each gets the score parts of
/// `ScoreParts`; a consortium's score is the mean of its partners' totals. The K best consortia meeting every
/// rule are found by branch and bound (exact) for up to `exactLimit` candidates, else by beam search followed
/// by pairwise-swap local search (heuristic; `ConsortiumTests` checks it against exact search).
///
/// - Complexity: paths O(P · h · (n + m)) for P candidates and h = maxHops; exact search worst case
///   O(C(P, k)) for consortia of k, pruned by the score bound and the rule deficits; beam search
///   O(k · B · P) states for beam width B.
public enum ConsortiumFinder {
    static let nonActorKinds: Set<String> = ["programme", "theme", "project"]

    public static func find(in network: Network, query: ConsortiumQuery) throws -> ConsortiumResult {
        try validate(query, in: network)
        guard let leadIndex = network.index(of: query.lead) else { throw GraphError.unknownNode(query.lead, candidates: []) }
        let lead = network.nodes[leadIndex]
        let rules = query.programme
        let minSize = max(query.size?.lowerBound ?? rules.minPartners, 2, query.include.count + 1)
        var maxSize = query.size?.upperBound ?? max(minSize, rules.minPartners)
        if let limit = rules.maxPartners { maxSize = min(maxSize, limit) }

        var compiled = CompiledRules(rules)
        let leadCode = compiled.code(country: lead.country, kind: lead.kind)
        var unmet: [ConsortiumSentence] = []
        var notes: [ConsortiumSentence] = []
        for outcome in compiled.leadOutcomes(country: lead.country, kind: lead.kind, label: lead.label) where !outcome.met {
            unmet.append(.leadBreaks(outcome.sentence, lead: lead.label))
        }
        if let eligible = rules.eligibleCountries, !eligible.contains(lead.country) {
            unmet.append(.leadOutside(eligible, lead: lead.label, country: lead.country))
        }
        if lead.country == nil { notes.append(.leadWithoutCountry(id: lead.id)) }
        switch rules.areaStatus(country: lead.country, nuts: lead.attributes["nuts"], region: lead.attributes["region"]) {
        case .outside:
            unmet.append(.leadOutsideArea(lead: lead.label, place: lead.attributes["nuts"] ?? lead.attributes["region"] ?? ""))
        case .unknown:
            notes.append(.leadAreaUnknown(id: lead.id))
        case .inside, .notRestricted:
            break
        }
        if maxSize < minSize {
            unmet.append(.sizeAllowed(min: minSize, programmeMax: rules.maxPartners, sizeMax: maxSize))
        }

        let candidatePool = try CandidatePool(network: network, query: query)
        let candidates = candidatePool.candidates
        let fromLead = candidatePool.fromLead
        let tieGraph = candidatePool.tieGraph
        let included = Set(query.include)
        notes += candidatePool.notes
        unmet += candidatePool.unmet

        // Pool: best candidates by lead closeness + static parts, plus the best few for each rule.
        let statics = candidatePool.facts
        let closenessWeight = query.weights.closeness
        func preliminary(_ c: Int) -> Double { (statics[c] ?? CandidateFacts()).parts.total }
        let ranked = candidates.sorted { (preliminary($0), network.nodes[$1].id) > (preliminary($1), network.nodes[$0].id) }
        var poolSet = Set(ranked.prefix(query.poolLimit))
        for c in candidates where included.contains(network.nodes[c].id) { poolSet.insert(c) }
        if ranked.count > query.poolLimit {
            var perBit = [Int](repeating: 0, count: compiled.requirements.count)
            var perCountry: [String: Int] = [:]
            for c in ranked {
                let code = compiled.code(country: network.nodes[c].country, kind: network.nodes[c].kind)
                for bit in 0..<perBit.count where code.flags & (1 << UInt64(bit)) != 0 && perBit[bit] < 10 + compiled.needed(compiled.requirements[bit]) {
                    perBit[bit] += 1
                    poolSet.insert(c)
                }
                let country = network.nodes[c].country ?? ""
                if perCountry[country, default: 0] < 3 {
                    perCountry[country, default: 0] += 1
                    poolSet.insert(c)
                }
            }
            notes.append(.poolCut(candidates: candidates.count, hops: query.maxHops, compared: poolSet.count))
        }
        var pool = ranked.filter { poolSet.contains($0) }
        var codes = pool.map { compiled.code(country: network.nodes[$0].country, kind: network.nodes[$0].kind) }

        // Pairwise closeness among the pool.
        let p = pool.count
        var pair = [Double](repeating: 0, count: p * p)
        for (a, c) in pool.enumerated() {
            let tree = tieGraph.cheapestPaths(from: [c], maxHops: query.maxHops)
            for (b, d) in pool.enumerated() where b != a { pair[a * p + b] = closenessWeight * ScoreParts.closeness(cost: tree.cost(to: d)) }
        }
        var leadClose = pool.map { closenessWeight * ScoreParts.closeness(cost: fromLead.cost(to: $0)) }
        var staticTotal = pool.map { (statics[$0] ?? CandidateFacts()).staticTotal }
        var upper = [Double](repeating: 0, count: p)
        for a in 0..<p {
            var best = leadClose[a]
            for b in 0..<p where b != a { best = max(best, pair[b * p + a]) }
            upper[a] = staticTotal[a] + best
        }
        // Branch and bound needs the pool in decreasing order of the bound (a candidate close to another
        // candidate but far from the lead has a higher bound than its closeness to the lead suggests).
        let order = (0..<p).sorted { (upper[$0], network.nodes[pool[$1]].id) > (upper[$1], network.nodes[pool[$0]].id) }
        pool = order.map { pool[$0] }
        codes = order.map { codes[$0] }
        leadClose = order.map { leadClose[$0] }
        staticTotal = order.map { staticTotal[$0] }
        upper = order.map { upper[$0] }
        var sortedPair = [Double](repeating: 0, count: p * p)
        for a in 0..<p {
            for b in 0..<p { sortedPair[a * p + b] = pair[order[a] * p + order[b]] }
        }
        pair = sortedPair

        // Feasibility per rule over everything reachable (names the missing piece).
        let reachable = [leadCode] + codes
        let reachableTally = compiled.tally(reachable)
        let (hops, leadLabel) = (query.maxHops, lead.label)
        if reachable.count < rules.minPartners {
            unmet.append(.tooFewReachable(min: rules.minPartners, have: reachable.count - 1, hops: hops, lead: leadLabel))
        }
        if reachableTally.distinctCountries < rules.minCountries {
            let countries = Set(reachable.filter { $0.flags & compiled.countsBit != 0 && $0.country >= 0 }.map { compiled.countries[Int($0.country)] }).sorted()
            unmet.append(.tooFewCountriesReachable(min: rules.minCountries, among: rules.countriesAmong, have: countries, hops: hops, lead: leadLabel))
        }
        for (bit, requirement) in compiled.requirements.enumerated() where reachableTally.bitCounts[bit] < compiled.needed(requirement) {
            let have = reachableTally.bitCounts[bit]
            switch requirement {
            case .fromCountries(let need):
                unmet.append(.tooFewFromReachable(min: need.min, need.countries, have: have, hops: hops, lead: leadLabel))
            case .ofKind(let need):
                unmet.append(.tooFewOfKindReachable(min: need.min, kinds: need.kinds, have: have, hops: hops, lead: leadLabel))
            case .side(let side):
                unmet.append(.sideUnreachable(side, have: have, hops: hops, lead: leadLabel))
            }
        }

        var method = query.method
        if method == .auto { method = p <= query.exactLimit ? .exact : .beam }
        var consortia: [Consortium] = []
        if unmet.isEmpty {
            let forced = pool.indices.filter { included.contains(network.nodes[pool[$0]].id) }
            let search = Search(compiled: compiled, leadCode: leadCode, codes: codes, leadClose: leadClose, pair: pair,
                                staticTotal: staticTotal, upper: upper, minSize: minSize, maxSize: maxSize, top: max(1, query.top), forced: forced)
            let found = method == .exact ? search.exact() : search.beam(width: query.beamWidth)
            if found.isEmpty {
                unmet.append(.noSetMeetsAll(minSize: minSize, maxSize: maxSize, hops: hops, lead: leadLabel))
            }
            for members in found {
                consortia.append(explain(members.sorted(), pool: pool, search: search, network: network, lead: lead, leadIndex: leadIndex, leadCode: leadCode,
                                         candidatePool: candidatePool, compiled: compiled))
            }
            notes.insert(.method(exact: method == .exact, beamWidth: query.beamWidth, candidates: p), at: 0)
        }

        return ConsortiumResult(programme: rules, lead: lead, consortia: consortia, unmetSentences: unmet, noteSentences: notes, method: method)

    }

    /// The explanation of one consortium: each partner's score parts, path from the lead, themes and programmes.
    static func explain(_ members: [Int], pool: [Int], search: Search, network: Network, lead: Node, leadIndex: Int, leadCode: MemberCode,
                    candidatePool: CandidatePool, compiled: CompiledRules) -> Consortium {
        func statics(_ index: Int) -> CandidateFacts { candidatePool.facts[index] ?? CandidateFacts() }
        let n = members.count
        var partners: [ProposedPartner] = []
        partners.append(ProposedPartner(node: lead, role: .lead, parts: ScoreParts(), share: 0, path: [], closestTo: nil,
                                        themes: statics(leadIndex).themes, programmes: statics(leadIndex).programmes, gatekeeperPairs: 0))
        var total = 0.0
        for a in members {
            let index = pool[a]
            let s = statics(index)
            var closeness = search.leadClose[a]
            var closest: String?
            for b in members where b != a && search.pair[b * search.p + a] > closeness + 1e-12 {
                closeness = search.pair[b * search.p + a]
                closest = network.nodes[pool[b]].id
            }
            let parts = ScoreParts(closeness: closeness, theme: s.parts.theme, experience: s.parts.experience, brokerage: s.parts.brokerage, proximity: s.parts.proximity)
            total += parts.total
            let hops = candidatePool.path(to: index, in: network)
            partners.append(ProposedPartner(node: network.nodes[index], role: .partner, parts: parts, share: parts.total / Double(n),
                                            path: hops, closestTo: closest, themes: s.themes, programmes: s.programmes, gatekeeperPairs: s.pairs))
        }
        partners[1...].sort { ($0.parts.total, $1.node.id) > ($1.parts.total, $0.node.id) }
        let outcomes = compiled.outcomes(members: [leadCode] + members.map { search.codes[$0] }, leadCountry: lead.country,
                                         leadKind: lead.kind, leadLabel: lead.label)
        return Consortium(score: total / Double(n), partners: partners, rules: outcomes)
    }

    /// Gould–Fernandez gatekeeper pairs of `v` for actors from `outsideCountry`: pairs (a, c) with a from the
    /// outside country tied to v, c from v's own country tied to v, and no tie between a and c.
    static func gatekeeperPairs(_ v: Int, graph: TieGraph, network: Network, outsideCountry: String) -> Int {
        let own = network.nodes[v].country
        let row = Int(graph.offsets[v])..<Int(graph.offsets[v + 1])
        var outside: [Int] = [], inside: [Int] = []
        for slot in row {
            let u = Int(graph.targets[slot])
            let country = network.nodes[u].country
            if ConsortiumFinder.nonActorKinds.contains(network.nodes[u].kind) { continue }
            if country == outsideCountry { outside.append(u) } else if country == own { inside.append(u) }
        }
        var pairs = 0
        for a in outside {
            let aRow = graph.targets[Int(graph.offsets[a])..<Int(graph.offsets[a + 1])]
            for c in inside where !binaryContains(aRow, Int32(c)) { pairs += 1 }
        }
        return pairs
    }

    static func binaryContains(_ sorted: ArraySlice<Int32>, _ value: Int32) -> Bool {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.endIndex && sorted[low] == value
    }
}

/// The search over candidate sets, on flat arrays indexed by pool position (0 ..< p).
struct Search {
    let compiled: CompiledRules
    let leadCode: MemberCode
    let codes: [MemberCode]
    let leadClose: [Double]
    /// pair[a * p + b]: closeness of b to a.
    let pair: [Double]
    let staticTotal: [Double]
    /// Upper bound of each candidate's total in any consortium. Pool positions are sorted by it, descending.
    let upper: [Double]
    let minSize: Int
    let maxSize: Int
    let top: Int
    let forced: [Int]
    var p: Int { codes.count }

    init(compiled: CompiledRules, leadCode: MemberCode, codes: [MemberCode], leadClose: [Double], pair: [Double],
         staticTotal: [Double], upper: [Double], minSize: Int, maxSize: Int, top: Int, forced: [Int]) {
        self.compiled = compiled
        self.leadCode = leadCode
        self.codes = codes
        self.leadClose = leadClose
        self.pair = pair
        self.staticTotal = staticTotal
        self.upper = upper
        self.minSize = minSize
        self.maxSize = maxSize
        self.top = top
        self.forced = forced
    }

    /// The exact score of a set of partners (pool positions, lead excluded).
    func score(_ members: [Int]) -> Double {
        var total = 0.0
        for a in members {
            var closeness = leadClose[a]
            for b in members where b != a { closeness = max(closeness, pair[b * p + a]) }
            total += staticTotal[a] + closeness
        }
        return total / Double(members.count)
    }

    func satisfied(_ members: [Int]) -> Bool {
        compiled.isSatisfied([leadCode] + members.map { codes[$0] })
    }

    /// The K best results so far, best first; ties broken by the member positions (deterministic).
    struct Best {
        var items: [(score: Double, members: [Int])] = []
        let capacity: Int
        var threshold: Double { items.count < capacity ? -.infinity : items[items.count - 1].score }

        mutating func offer(_ score: Double, _ members: [Int]) {
            let sorted = members.sorted()
            if items.contains(where: { $0.members == sorted }) { return }
            if items.count == capacity, !Best.before((score, sorted), items[items.count - 1]) { return }
            items.append((score, sorted))
            items.sort(by: Best.before)
            if items.count > capacity { items.removeLast() }
        }

        static func before(_ a: (score: Double, members: [Int]), _ b: (score: Double, members: [Int])) -> Bool {
            if abs(a.score - b.score) > 1e-9 { return a.score > b.score }
            return a.members.lexicographicallyPrecedes(b.members)
        }
    }

    /// Branch and bound over sets of pool positions in decreasing order of upper bound.
    func exact() -> [[Int]] {
        var best = Best(capacity: top)
        var members = forced
        let forcedSet = Set(forced)
        // Suffix counts: how many candidates from position i on count for each requirement bit.
        let bits = compiled.requirements.count
        var suffix = [Int](repeating: 0, count: (p + 1) * max(bits, 1))
        if bits > 0 {
            for i in stride(from: p - 1, through: 0, by: -1) {
                for bit in 0..<bits {
                    suffix[i * bits + bit] = suffix[(i + 1) * bits + bit] + (codes[i].flags & (1 << UInt64(bit)) != 0 && !forcedSet.contains(i) ? 1 : 0)
                }
            }
        }
        // Sizes count the lead; `members` holds the partners besides the lead, whose mean total is the score.
        func bound(_ members: [Int], from position: Int) -> Double {
            let have = members.reduce(0.0) { $0 + upper[$1] }
            var bestBound = -Double.infinity
            var added = 0.0, count = members.count, i = position
            if count + 1 >= minSize && count > 0 { bestBound = have / Double(count) }
            while count + 1 < maxSize && i < p {
                if !forcedSet.contains(i) {
                    added += upper[i]
                    count += 1
                    if count + 1 >= minSize { bestBound = max(bestBound, (have + added) / Double(count)) }
                }
                i += 1
            }
            return bestBound
        }
        func visit(_ position: Int) {
            let tally = compiled.tally([leadCode] + members.map { codes[$0] })
            if members.count + 1 >= minSize, compiled.isSatisfied([leadCode] + members.map { codes[$0] }) {
                best.offer(score(members), members)
            }
            if members.count + 1 >= maxSize || position >= p { return }
            if compiled.deficit(tally) > maxSize - members.count - 1 { return }
            for (bit, requirement) in compiled.requirements.enumerated() where tally.bitCounts[bit] + suffix[position * bits + bit] < compiled.needed(requirement) {
                return
            }
            if bound(members, from: position) < best.threshold - 1e-12 { return }
            for i in position..<p where !forcedSet.contains(i) {
                members.append(i)
                visit(i + 1)
                members.removeLast()
            }
        }
        visit(0)
        return best.items.map(\.members)
    }

    /// Beam search: grow sets one partner at a time, keeping the `width` most promising by bound and
    /// dropping sets whose rule deficit cannot be closed; then improve the best by swapping single partners.
    func beam(width: Int) -> [[Int]] {
        var best = Best(capacity: top)
        let forcedSet = Set(forced)
        var layer: [[Int]] = [forced]
        func promise(_ members: [Int]) -> Double {
            let have = members.reduce(0.0) { $0 + upper[$1] }
            return have / Double(max(1, members.count))
        }
        while !layer.isEmpty {
            var next: [[Int]] = []
            var seen: Set<[Int]> = []
            for members in layer {
                if members.count + 1 >= minSize && satisfied(members) { best.offer(score(members), members) }
                if members.count + 1 >= maxSize { continue }
                for i in 0..<p where !forcedSet.contains(i) && !members.contains(i) {
                    let grown = (members + [i]).sorted()
                    if !seen.insert(grown).inserted { continue }
                    let tally = compiled.tally([leadCode] + grown.map { codes[$0] })
                    if compiled.deficit(tally) > maxSize - grown.count - 1 { continue }
                    next.append(grown)
                }
            }
            next.sort { a, b in
                let (pa, pb) = (promise(a), promise(b))
                if abs(pa - pb) > 1e-12 { return pa > pb }
                return a.lexicographicallyPrecedes(b)
            }
            layer = Array(next.prefix(width))
        }
        // Local search: swap one partner for one outsider while the score improves.
        for start in best.items.map(\.members) {
            var current = start
            var currentScore = score(current)
            var improved = true
            var rounds = 0
            while improved && rounds < 20 {
                improved = false
                rounds += 1
                for slot in current.indices where !forcedSet.contains(current[slot]) {
                    for i in 0..<p where !current.contains(i) {
                        var trial = current
                        trial[slot] = i
                        trial.sort()
                        guard satisfied(trial) else { continue }
                        let trialScore = score(trial)
                        best.offer(trialScore, trial)
                        if trialScore > currentScore + 1e-12 {
                            current = trial
                            currentScore = trialScore
                            improved = true
                        }
                    }
                }
            }
        }
        return best.items.map(\.members)
    }
}
