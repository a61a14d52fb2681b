import Foundation

/// The weights of a partner's score parts: total = closeness·w_c + theme·w_t + experience·w_e + brokerage·w_b
/// + proximity·w_p, each signal in [0, 1] except closeness in (0, 2).
///
/// `standard` is the grid-search optimum on half of the Research Council projects (before the proximity signal
/// existed; a later grid with proximity picked 0.25 for it, which did worse on the held-out half and on the
/// Interreg data, so proximity stays 0). BENCHMARKS.md, "Consortium ranking against real consortia", reports the
/// weights on the other half and on the Interreg data.
public struct ScoreWeights: Hashable, Sendable {
    public var closeness: Double
    public var theme: Double
    public var experience: Double
    public var brokerage: Double
    public var proximity: Double

    public init(closeness: Double, theme: Double, experience: Double, brokerage: Double, proximity: Double = 0) {
        self.proximity = proximity
        self.closeness = closeness
        self.theme = theme
        self.experience = experience
        self.brokerage = brokerage
    }

    public static let standard = ScoreWeights(closeness: 1, theme: 2, experience: 0.5, brokerage: 0.2, proximity: 0.25)
}

/// The raw signals of one candidate, before weighting (see `PartnerProfiles`).
public struct CandidateSignals: Hashable, Sendable {
    /// 2 / (1 + cost) of the cheapest path from the lead (0 when not reachable).
    public var closeness = 0.0
    /// Thematic fit in [0, 1].
    public var theme = 0.0
    /// Experience with the programme in [0, 1].
    public var experience = 0.0
    /// 1 when the candidate is a gatekeeper into a country the rules require, else 0.
    public var brokerage = 0.0
    /// 1 in the lead's NUTS 3 region (or the same `region` / `county`), 0.5 in its NUTS 2 region, else 0.
    public var proximity = 0.0

    public func parts(_ weights: ScoreWeights) -> ScoreParts {
        ScoreParts(closeness: weights.closeness * closeness, theme: weights.theme * theme,
                   experience: weights.experience * experience, brokerage: weights.brokerage * brokerage,
                   proximity: weights.proximity * proximity)
    }
}

/// What the network says each actor has done: its participations (from `participates_in` ties to project nodes:
/// role, year, programme, the project's text) and the themes it addresses, for the thematic and experience signals.
///
/// **Thematic fit** is the cosine between TF-IDF vectors (Salton & Buckley 1988): an actor's document is the
/// text of its projects (title, topic and topic code, programme area and code, call, action type, policy and
/// specific objective with the objective's words) plus the labels of the themes it `addresses` and its tags; the
/// query is the `--theme` text (words or a code) plus the labels of theme nodes named. Terms are lower-cased
/// words and codes (`rso2.6`, `ce-sc5-29-2020`); tf = 1 + ln(count), idf = ln((N + 1)/(df + 1)) + 1 over the N
/// actors with a document. When theme nodes are named, the share of them the actor is tied to (or tagged with)
/// counts too: fit = max(cosine, share).
///
/// **Experience** with the programme: n participations in it (projects whose `programme` is one of the rules'
/// `network_ids`; every participation with `--programme none`), l of them as coordinator or lead partner, r of
/// them recent (in the newest three years of the data): raw = n + l + r, experience = ln(1 + raw) / ln(1 + max
/// raw over the network). Without project nodes (the seed data, a co-participation import), a tie to the
/// programme's node or the programme in a `programmes` attribute counts as raw = 1, and an imported `projects` /
/// `coordinated` count as n / l.
///
/// - Complexity: O(m + total text) to build; O(terms of the query + terms of the actor) per fit.
struct PartnerProfiles {
    struct Participation {
        var project: Int
        var lead: Bool
        var year: Int?
        var programme: String?
    }

    let participations: [[Participation]]
    let hasProjects: Bool
    let newestYear: Int?
    private let vectors: [[String: Double]]
    private let norms: [Double]
    private let idf: [String: Double]
    private let documents: Int

    static let textKeys = ["title", "topic", "topic_code", "programme_area", "programme_code", "call", "action_type",
                           "policy_objective", "policy_objective_name", "specific_objective"]
    static let stopWords: Set<String> = ["a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "at", "from", "as", "or", "its",
                                         "og", "i", "til", "med", "av", "på", "en", "et", "som", "den", "det"]

    /// Terms of texts already split, shared across profiles built for many similar networks (the evaluation).
    final class TermCache: @unchecked Sendable {
        var terms: [String: [String]] = [:]
        init() {}
    }

    init(_ network: Network, cache: TermCache? = nil) {
        let cache = cache ?? TermCache()
        let n = network.nodes.count
        var participations = [[Participation]](repeating: [], count: n)
        var text = [[String]](repeating: [], count: n)
        var newest: Int?
        for edge in network.edges {
            guard let u = network.index(of: edge.from), let v = network.index(of: edge.to) else { continue }
            let target = network.nodes[v]
            if edge.relation == "participates_in" && target.kind == "project" {
                let year = target.attributes["year"].flatMap { Int($0) }
                if let year { newest = max(newest ?? year, year) }
                participations[u].append(Participation(project: v, lead: edge.attributes["role"] == "lead", year: year, programme: target.attributes["programme"]))
                for key in PartnerProfiles.textKeys { if let value = target.attributes[key] { text[u].append(value) } }
            } else if edge.relation == "addresses" && target.kind == "theme" {
                text[u].append(target.label)
                text[u].append(target.id)
            }
        }
        for (index, node) in network.nodes.enumerated() { text[index] += node.tags }
        self.participations = participations
        hasProjects = participations.contains { !$0.isEmpty }
        newestYear = newest
        var frequencies: [[String: Double]] = []
        var documentFrequency: [String: Int] = [:]
        for chunks in text {
            var counts: [String: Double] = [:]
            for chunk in chunks {
                let terms: [String]
                if let known = cache.terms[chunk] { terms = known } else {
                    terms = PartnerProfiles.terms(chunk)
                    cache.terms[chunk] = terms
                }
                for term in terms { counts[term, default: 0] += 1 }
            }
            for term in counts.keys { documentFrequency[term, default: 0] += 1 }
            frequencies.append(counts)
        }
        let documents = frequencies.filter { !$0.isEmpty }.count
        var idf: [String: Double] = [:]
        for (term, df) in documentFrequency { idf[term] = log(Double(documents + 1) / Double(df + 1)) + 1 }
        vectors = frequencies.map { counts in counts.mapValues { 1 + log($0) }.reduce(into: [:]) { $0[$1.key] = $1.value * (idf[$1.key] ?? 1) } }
        // Sums in a fixed order (Swift dictionaries iterate in a per-process order), so that equal inputs give
        // bit-identical scores and the same ranking in every run.
        norms = vectors.map { sqrt($0.values.sorted().reduce(0) { $0 + $1 * $1 }) }
        self.idf = idf
        self.documents = documents
    }

    /// Lower-cased words, and whole chunks that hold a digit (codes such as `RSO2.6` or `CE-SC5-29-2020`).
    static func terms(_ text: String) -> [String] {
        var result: [String] = []
        for chunk in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" || $0 == "(" || $0 == ")" || $0 == "\n" || $0 == "\t" }) {
            var scalars = Substring(chunk).unicodeScalars[...]
            while let first = scalars.first, ".-_/".unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
            while let last = scalars.last, ".-_/".unicodeScalars.contains(last) { scalars = scalars.dropLast() }
            let code = String(String.UnicodeScalarView(scalars))
            let isCode = scalars.contains { $0.properties.numericType != nil }
            if isCode {
                result.append(code)
                continue
            }
            var word = String.UnicodeScalarView()
            func flush() {
                if word.count > 1 {
                    let text = String(word)
                    if !stopWords.contains(text) { result.append(text) }
                }
                word = String.UnicodeScalarView()
            }
            for scalar in chunk.unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { word.append(scalar) } else { flush() }
            }
            flush()
        }
        return result
    }

    /// The query's TF-IDF vector.
    func queryVector(_ texts: [String]) -> (vector: [String: Double], norm: Double) {
        var counts: [String: Double] = [:]
        for text in texts { for term in PartnerProfiles.terms(text) { counts[term, default: 0] += 1 } }
        var vector: [String: Double] = [:]
        for (term, count) in counts {
            guard let weight = idf[term] else { continue }
            vector[term] = (1 + log(count)) * weight
        }
        return (vector, sqrt(vector.values.sorted().reduce(0) { $0 + $1 * $1 }))
    }

    /// Cosine between the query and an actor's document, in [0, 1].
    func cosine(_ query: (vector: [String: Double], norm: Double), actor: Int) -> Double {
        guard query.norm > 0, norms[actor] > 0 else { return 0 }
        let document = vectors[actor]
        var dot = 0.0
        for term in query.vector.keys.sorted() { if let weight = query.vector[term], let other = document[term] { dot += weight * other } }
        return min(1, dot / (query.norm * norms[actor]))
    }

    /// The raw experience count of an actor with a programme (nil rules: every participation counts).
    func rawExperience(_ actor: Int, node: Node, programmeIDs: Set<String>?, tiedToProgramme: Bool) -> Double {
        if hasProjects {
            var n = 0.0, led = 0.0, recent = 0.0
            for participation in participations[actor] {
                if let ids = programmeIDs, !ids.contains((participation.programme ?? "").lowercased()) { continue }
                n += 1
                if participation.lead { led += 1 }
                if let year = participation.year, let newest = newestYear, year > newest - 3 { recent += 1 }
            }
            return n + led + recent + (tiedToProgramme && n == 0 ? 1 : 0)
        }
        let listed = (node.attributes["programmes"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let inProgramme = programmeIDs.map { ids in listed.contains { ids.contains($0) } } ?? true
        if inProgramme, let projects = node.attributes["projects"].flatMap({ Double($0) }) {
            return projects + (node.attributes["coordinated"].flatMap { Double($0) } ?? 0)
        }
        return tiedToProgramme || (inProgramme && programmeIDs != nil && !listed.isEmpty) ? 1 : 0
    }
}
