import Foundation

/// The actors a lead could ask, with each one's signals: who is reachable within `maxHops` cited ties, eligible
/// by country and programme area, of a wanted kind, and what each brings (`CandidateSignals`).
///
/// Shared by the consortium search (`ConsortiumFinder.find`) and the single-candidate ranking
/// (`ConsortiumFinder.rank`, `netmap consortium --candidates N`), so both score the same way.
///
/// - Complexity: O(h · (n + m)) for the paths from the lead, O(m + text) for the profiles, O(c · d²) for the
///   gatekeeper pairs of c candidates of degree d.
struct CandidatePool {
    let leadIndex: Int
    let tieGraph: TieGraph
    let fromLead: PathTree
    /// Eligible candidates (network node indices), in node order.
    var candidates: [Int] = []
    /// Signals and evidence per candidate (and the lead).
    var facts: [Int: CandidateFacts] = [:]
    var notes: [ConsortiumSentence] = []
    var unmet: [ConsortiumSentence] = []

    init(network: Network, query: ConsortiumQuery, profiles: PartnerProfiles? = nil) throws {
        guard let leadIndex = network.index(of: query.lead) else { throw GraphError.unknownNode(query.lead, candidates: []) }
        self.leadIndex = leadIndex
        let lead = network.nodes[leadIndex]
        let rules = query.programme
        tieGraph = TieGraph(network) { !ConsortiumFinder.nonActorKinds.contains($0.kind) || $0.kind == "programme" }
        fromLead = tieGraph.cheapestPaths(from: [leadIndex], maxHops: query.maxHops)
        let excluded = Set(query.exclude)
        let included = Set(query.include)
        var skippedNoCountry = 0, skippedIneligible: [String: Int] = [:], outsideArea = 0, unknownArea = 0
        for (index, node) in network.nodes.enumerated() where index != leadIndex && !excluded.contains(node.id) {
            if ConsortiumFinder.nonActorKinds.contains(node.kind) { continue }
            if let kinds = query.kinds, !kinds.contains(node.kind), !included.contains(node.id) { continue }
            guard fromLead.cost(to: index).isFinite || included.contains(node.id) || query.newContacts else { continue }
            guard let country = node.country else {
                skippedNoCountry += 1
                if included.contains(node.id) { throw GraphError.invalidArgument("--include \(node.id): the node has no `country`, so the rules cannot count it") }
                continue
            }
            if let eligible = rules.eligibleCountries, !eligible.contains(country) {
                skippedIneligible[country, default: 0] += 1
                if included.contains(node.id) { unmet.append(.includedOutside(id: node.id, country: country, eligible)) }
                continue
            }
            switch rules.areaStatus(country: country, nuts: node.attributes["nuts"], region: node.attributes["region"]) {
            case .outside:
                outsideArea += 1
                if included.contains(node.id) { unmet.append(.includedOutsideArea(id: node.id, place: node.attributes["nuts"])) }
                continue
            case .unknown:
                unknownArea += 1
                if included.contains(node.id) { unmet.append(.includedAreaUnknown(id: node.id)) }
                continue
            case .inside, .notRestricted:
                break
            }
            candidates.append(index)
        }
        // With new contacts every actor was considered, not only those within reach.
        let scope = query.newContacts ? nil : query.maxHops
        if skippedNoCountry > 0 { notes.append(.leftOutNoCountry(skippedNoCountry, hops: scope)) }
        if !skippedIneligible.isEmpty { notes.append(.leftOutCountries(skippedIneligible, hops: scope)) }
        if outsideArea > 0 { notes.append(.leftOutArea(outsideArea, hops: scope)) }
        if unknownArea > 0 { notes.append(.leftOutAreaUnknown(unknownArea, hops: scope)) }

        let profiles = profiles ?? PartnerProfiles(network)
        var themeLabels: [String] = query.themeText
        for id in query.themes { if let node = network.node(id) { themeLabels.append(node.label) } }
        let themeQuery = profiles.queryVector(themeLabels)
        let themeSet = Set(query.themes)
        let programmeIDs: Set<String>? = rules.id == ProgrammeRules.unrestricted.id ? nil : Set(rules.networkIDs.map { $0.lowercased() })
        var neighbours: [[Int]] = Array(repeating: [], count: network.nodes.count)
        for edge in network.edges {
            guard let u = network.index(of: edge.from), let v = network.index(of: edge.to), u != v else { continue }
            neighbours[u].append(v)
            neighbours[v].append(u)
        }
        let requiredCountries: Set<String>? = {
            var set: Set<String> = []
            for need in rules.minFrom { set.formUnion(need.countries.codes) }
            for side in rules.sides { set.formUnion(side.codes) }
            if let leadCountry = lead.country { set.remove(leadCountry) }
            if set.isEmpty { return rules.minCountries > 1 ? nil : [] }
            return set
        }()
        var raw: [Int: Double] = [:]
        var largest = 0.0
        for index in network.nodes.indices where !ConsortiumFinder.nonActorKinds.contains(network.nodes[index].kind) {
            let tied = neighbours[index].contains { programmeIDs?.contains(network.nodes[$0].id.lowercased()) ?? false }
            let value = profiles.rawExperience(index, node: network.nodes[index], programmeIDs: programmeIDs, tiedToProgramme: tied)
            raw[index] = value
            largest = max(largest, value)
        }
        for index in candidates + [leadIndex] {
            let node = network.nodes[index]
            var fact = CandidateFacts()
            var matched = 0
            for v in Set(neighbours[index]).sorted() {
                let other = network.nodes[v]
                if other.kind == "theme" {
                    fact.themes.append(other.id)
                    if themeSet.contains(other.id) { matched += 1 }
                }
                if other.kind == "programme" { fact.programmes.append(other.id) }
            }
            for theme in themeSet where !fact.themes.contains(theme) && node.tags.contains(theme) { matched += 1 }
            if let listed = node.attributes["programmes"] {
                for item in listed.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty && !fact.programmes.contains(item) {
                    fact.programmes.append(item)
                }
            }
            var theme = profiles.cosine(themeQuery, actor: index)
            if !themeSet.isEmpty { theme = max(theme, Double(matched) / Double(themeSet.count)) }
            fact.signals.theme = theme
            if largest > 0 { fact.signals.experience = log(1 + (raw[index] ?? 0)) / log(1 + largest) }
            if let country = node.country, country != lead.country, requiredCountries?.contains(country) ?? true, let leadCountry = lead.country {
                fact.pairs = ConsortiumFinder.gatekeeperPairs(index, graph: tieGraph, network: network, outsideCountry: leadCountry)
                if fact.pairs > 0 { fact.signals.brokerage = 1 }
            }
            fact.signals.closeness = ScoreParts.closeness(cost: fromLead.cost(to: index))
            fact.signals.proximity = CandidatePool.proximity(node, lead)
            fact.parts = fact.signals.parts(query.weights)
            facts[index] = fact
        }
    }

    /// 1 when two actors share a NUTS 3 code (or, without codes, a `region` or `county`), 0.5 a NUTS 2 code, else 0.
    static func proximity(_ a: Node, _ b: Node) -> Double {
        if let x = a.attributes["nuts"], let y = b.attributes["nuts"], x.count >= 4, y.count >= 4 {
            if x.count >= 5 && x == y { return 1 }
            return x.prefix(4) == y.prefix(4) ? 0.5 : 0
        }
        for key in ["region", "county"] {
            if let x = a.attributes[key], let y = b.attributes[key], x.lowercased() == y.lowercased() { return 1 }
        }
        return 0
    }

    /// The path from the lead to a candidate, each hop cited.
    func path(to index: Int, in network: Network) -> [PathHop] {
        fromLead.hops(to: index).map { tieGraph.hop(from: $0.from, to: $0.to, edge: $0.edge, in: network) }
    }
}

/// What a candidate brings regardless of the other partners: its signals, weighted parts and their evidence.
struct CandidateFacts {
    var signals = CandidateSignals()
    /// The weighted parts (closeness from the lead only).
    var parts = ScoreParts()
    var pairs = 0
    var themes: [String] = []
    var programmes: [String] = []

    /// Theme, experience and brokerage: the parts that do not depend on the other partners.
    var staticTotal: Double { parts.theme + parts.experience + parts.brokerage + parts.proximity }
}

/// One ranked single candidate (`netmap consortium --candidates N`).
public struct RankedCandidate: Sendable {
    public var node: Node
    public var score: Double
    public var parts: ScoreParts
    public var signals: CandidateSignals
    public var path: [PathHop]
}

extension ConsortiumFinder {
    /// The best single candidates for the lead, by their total score (closeness to the lead, theme, experience,
    /// brokerage, proximity; see `ScoreParts`), eligible by the programme's country and area rules; ties broken
    /// by id. Eligible actors without a path within `maxHops` are ranked too (`newContacts`: closeness 0, empty path).
    public static func rank(in network: Network, query: ConsortiumQuery, limit: Int) throws -> (candidates: [RankedCandidate], notes: [String]) {
        try validate(query, in: network)
        var query = query
        query.newContacts = true
        let pool = try CandidatePool(network: network, query: query)
        let ranked = pool.candidates.map { index -> (Int, Double) in (index, pool.facts[index]?.parts.total ?? 0) }
            .sorted { ($0.1, network.nodes[$1.0].id) > ($1.1, network.nodes[$0.0].id) }
        let candidates = ranked.prefix(max(0, limit)).map { index, score -> RankedCandidate in
            let fact = pool.facts[index] ?? CandidateFacts()
            return RankedCandidate(node: network.nodes[index], score: score, parts: fact.parts, signals: fact.signals, path: pool.path(to: index, in: network))
        }
        return (candidates, (pool.notes + pool.unmet).map(\.description))
    }

    /// Signals of every eligible candidate, for evaluating weights without recomputing them (`ConsortiumEvaluation`).
    static func signals(in network: Network, query: ConsortiumQuery, cache: PartnerProfiles.TermCache? = nil) throws -> [(index: Int, signals: CandidateSignals)] {
        var query = query
        query.newContacts = true
        let pool = try CandidatePool(network: network, query: query, profiles: PartnerProfiles(network, cache: cache))
        return pool.candidates.map { ($0, pool.facts[$0]?.signals ?? CandidateSignals()) }
    }

    static func validate(_ query: ConsortiumQuery, in network: Network) throws {
        guard network.index(of: query.lead) != nil else { throw GraphError.unknownNode(query.lead, candidates: []) }
        for id in query.include + query.exclude + query.themes where network.index(of: id) == nil {
            throw GraphError.unknownNode(id, candidates: [])
        }
        if let clash = query.include.first(where: { query.exclude.contains($0) }) {
            throw GraphError.invalidArgument("'\(clash)' is both included and excluded")
        }
        if query.include.contains(query.lead) { throw GraphError.invalidArgument("the lead '\(query.lead)' is always a partner; do not --include it") }
    }
}
