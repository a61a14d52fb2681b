import Foundation

/// The parts of a proposed partner's score: each signal of `CandidateSignals` times its weight in
/// `ScoreWeights` (standard: closeness 1, theme 2, experience 0.5, brokerage 0.2, proximity 0.25; learned on half of the Research Council projects, see BENCHMARKS.md). `total` is their sum; a
/// consortium's score is the mean of its partners' totals (the lead excluded), so each partner's `share` =
/// total / (number of partners besides the lead) and the shares sum to the consortium's score.
///
/// - closeness ∈ (0, 2): 2 / (1 + cost) of the cheapest path (see `TieCost`) from the lead **or from any
///   other member of the consortium**: a direct cited `partner_of` or one shared project scores 1, a shared
///   membership 0.8, three cited partner hops or a shared programme 0.5; ties of weight above 1 (several
///   shared projects) score above 1.
/// - theme: thematic fit (TF-IDF cosine of what the partner did against `--theme`, or the share of the named
///   theme nodes it is tied to; see `PartnerProfiles`).
/// - experience: participations in the programme, as coordinator or lead, and recent ones (`PartnerProfiles`).
/// - brokerage: the partner is a gatekeeper (Gould & Fernandez 1989) into a country the rules require: it is
///   tied to an actor from the lead's country and to another actor from its own country that actor has no tie
///   to, and its country is one the rules ask for (`min_from`, `sides`; any foreign country when the rules only
///   ask for several countries).
/// - proximity: the partner is in the lead's own region (the same NUTS 3 code, `region` or `county`: 1) or the
///   same NUTS 2 region (0.5) — partners of real Interreg and Horizon 2020 projects often are.
public struct ScoreParts: Hashable, Sendable {
    public var closeness: Double = 0
    public var theme: Double = 0
    public var experience: Double = 0
    public var brokerage: Double = 0
    public var proximity: Double = 0

    public var total: Double { closeness + theme + experience + brokerage + proximity }

    public init(closeness: Double = 0, theme: Double = 0, experience: Double = 0, brokerage: Double = 0, proximity: Double = 0) {
        self.proximity = proximity
        self.closeness = closeness
        self.theme = theme
        self.experience = experience
        self.brokerage = brokerage
    }

    /// Closeness of a path of the given cost.
    public static func closeness(cost: Double) -> Double {
        guard cost.isFinite else { return 0 }
        return 2 / (1 + cost)
    }
}

/// One hop of a partner's path from the lead, with the relation and the citation of the tie.
public struct PathHop: Hashable, Sendable {
    public var from: String
    public var to: String
    public var relation: String
    /// Whether the tie runs from `to` to `from` in the data (the path walks it backwards).
    public var reversed: Bool
    /// The tie's citation (for a `shares_project` hop: that of the first shared project's tie).
    public var cited: String
    /// For a `shares_project` hop, how many more projects the two share.
    public var moreProjects = 0
    /// The citation as the explanation prints it: "thp2020, Kap. 2.4", "cordis-x and 2 more".
    public var citation: String { moreProjects > 0 ? "\(cited) and \(moreProjects) more" : cited }
}

/// A proposed member of a consortium and why it is proposed.
public struct ProposedPartner: Sendable {
    public enum Role: String, Sendable { case lead, partner }
    public var node: Node
    public var role: Role
    public var parts: ScoreParts
    /// The partner's share of the consortium score: total / (number of partners besides the lead).
    public var share: Double
    /// The cheapest path from the lead (empty for the lead; empty when forced with `--include` and not reachable).
    public var path: [PathHop]
    /// When closeness comes from another member rather than the lead: that member's id.
    public var closestTo: String?
    public var themes: [String]
    public var programmes: [String]
    /// Countries the partner is a gatekeeper into, with the number of (outside actor, inside actor) pairs it brokers.
    public var gatekeeperPairs: Int
}

/// A proposed consortium: its members (lead first), score and each rule with whether it is met.
public struct Consortium: Sendable {
    public var score: Double
    public var partners: [ProposedPartner]
    public var rules: [RuleOutcome]
}
