/// One rule of a programme checked against one consortium.
public struct RuleOutcome: Hashable, Sendable {
    /// The rule with the consortium's figures, as parts (said in a language by `ConsortiumSentence.text(_:)`).
    public var sentence: ConsortiumSentence
    public var met: Bool
    /// The rule in English.
    public var rule: String { sentence.description }

    public init(_ sentence: ConsortiumSentence, met: Bool) {
        self.sentence = sentence
        self.met = met
    }

    public init(rule: String, met: Bool) { self.init(.text(rule), met: met) }
}

/// What the rules need to know about one participant: its country and kind, coded once.
struct MemberCode: Hashable, Sendable {
    /// Index into `CompiledRules.countries`; -1 when the node has no country.
    var country: Int32
    /// Bit `i` set: the member counts for requirement `i` (see `CompiledRules.requirements`).
    var flags: UInt64
}

/// A programme's rules compiled for fast checking of many candidate consortia.
///
/// Every count-type rule (partners from a country set, partners of a kind, one partner per side) becomes one
/// bit of a member's flags, so a consortium is checked by summing bits.
///
/// - Complexity: checking a consortium of n members is O(n · r + n²) for r requirements.
struct CompiledRules: Sendable {
    enum Requirement: Sendable {
        case fromCountries(CountryRequirement)
        case ofKind(KindRequirement)
        case side(CountrySet)
    }

    let rules: ProgrammeRules
    /// Country codes seen, indexed by `MemberCode.country`.
    private(set) var countries: [String] = []
    private var countryIndex: [String: Int32] = [:]
    let requirements: [Requirement]
    /// Bits for "counts toward min_countries" and "from an eligible country".
    let countsBit: UInt64
    let eligibleBit: UInt64

    init(_ rules: ProgrammeRules) {
        self.rules = rules
        var requirements: [Requirement] = rules.minFrom.map { .fromCountries($0) }
        requirements += rules.requiredKinds.map { .ofKind($0) }
        requirements += rules.sides.map { .side($0) }
        self.requirements = requirements
        countsBit = 1 << UInt64(requirements.count)
        eligibleBit = 1 << UInt64(requirements.count + 1)
    }

    mutating func code(country: String?, kind: String) -> MemberCode {
        var index: Int32 = -1
        if let country {
            if let known = countryIndex[country] { index = known } else {
                index = Int32(countries.count)
                countryIndex[country] = index
                countries.append(country)
            }
        }
        var flags: UInt64 = 0
        for (bit, requirement) in requirements.enumerated() {
            let holds: Bool
            switch requirement {
            case .fromCountries(let need): holds = need.countries.contains(country)
            case .ofKind(let need): holds = need.kinds.contains(kind)
            case .side(let side): holds = side.contains(country)
            }
            if holds { flags |= 1 << UInt64(bit) }
        }
        if country != nil, rules.countriesAmong?.contains(country) ?? true { flags |= countsBit }
        if rules.eligibleCountries?.contains(country) ?? (country != nil || rules.eligibleCountries == nil) { flags |= eligibleBit }
        return MemberCode(country: index, flags: flags)
    }

    /// Counts over a consortium.
    struct Tally {
        var size = 0
        var distinctCountries = 0
        var allEligible = true
        var bitCounts: [Int]
    }

    func tally(_ members: [MemberCode]) -> Tally {
        var tally = Tally(bitCounts: [Int](repeating: 0, count: requirements.count))
        tally.size = members.count
        for (i, member) in members.enumerated() {
            for bit in 0..<requirements.count where member.flags & (1 << UInt64(bit)) != 0 { tally.bitCounts[bit] += 1 }
            if member.flags & eligibleBit == 0 { tally.allEligible = false }
            if member.flags & countsBit != 0 {
                var seen = false
                for j in 0..<i where members[j].country == member.country && members[j].flags & countsBit != 0 {
                    seen = true
                    break
                }
                if !seen { tally.distinctCountries += 1 }
            }
        }
        return tally
    }

    func needed(_ requirement: Requirement) -> Int {
        switch requirement {
        case .fromCountries(let need): return need.min
        case .ofKind(let need): return need.min
        case .side: return 1
        }
    }

    /// Whether the consortium meets every rule (the lead's own rules included when `lead` is given).
    func isSatisfied(_ members: [MemberCode], leadKind: String? = nil, leadCountry: String? = nil) -> Bool {
        let tally = tally(members)
        if tally.size < rules.minPartners { return false }
        if let max = rules.maxPartners, tally.size > max { return false }
        if tally.distinctCountries < rules.minCountries || !tally.allEligible { return false }
        for (bit, requirement) in requirements.enumerated() where tally.bitCounts[bit] < needed(requirement) { return false }
        return true
    }

    /// A lower bound on how many more members the consortium needs before it can meet every count rule.
    func deficit(_ tally: Tally) -> Int {
        var need = max(0, rules.minPartners - tally.size)
        need = max(need, rules.minCountries - tally.distinctCountries)
        for (bit, requirement) in requirements.enumerated() {
            need = max(need, needed(requirement) - tally.bitCounts[bit])
        }
        return need
    }

    /// Every rule, as text with the consortium's own figures, and whether it is met.
    func outcomes(members: [MemberCode], leadCountry: String?, leadKind: String, leadLabel: String) -> [RuleOutcome] {
        let tally = tally(members)
        var outcomes: [RuleOutcome] = []
        let sizeMet = tally.size >= rules.minPartners && tally.size <= (rules.maxPartners ?? .max)
        outcomes.append(RuleOutcome(.size(min: rules.minPartners, max: rules.maxPartners, has: tally.size), met: sizeMet))
        let counted = Array(Set(members.filter { $0.flags & countsBit != 0 && $0.country >= 0 }.map { countries[Int($0.country)] })).sorted()
        outcomes.append(RuleOutcome(.countries(min: rules.minCountries, among: rules.countriesAmong, has: counted),
                                    met: tally.distinctCountries >= rules.minCountries))
        if let eligible = rules.eligibleCountries {
            let outside = members.filter { $0.flags & eligibleBit == 0 }.map { $0.country >= 0 ? countries[Int($0.country)] : nil }
            outcomes.append(RuleOutcome(.everyPartnerFrom(eligible, outside: outside), met: outside.isEmpty))
        }
        for (bit, requirement) in requirements.enumerated() {
            let have = tally.bitCounts[bit]
            switch requirement {
            case .fromCountries(let need):
                outcomes.append(RuleOutcome(.fromCountries(min: need.min, need.countries, has: have), met: have >= need.min))
            case .ofKind(let need):
                outcomes.append(RuleOutcome(.ofKind(min: need.min, kinds: need.kinds, has: have), met: have >= need.min))
            case .side(let side):
                outcomes.append(RuleOutcome(.side(side, has: have), met: have >= 1))
            }
        }
        outcomes += leadOutcomes(country: leadCountry, kind: leadKind, label: leadLabel)
        return outcomes
    }

    /// The lead-partner rules for a given lead.
    func leadOutcomes(country: String?, kind: String, label: String) -> [RuleOutcome] {
        var outcomes: [RuleOutcome] = []
        if let leadCountries = rules.leadCountries {
            outcomes.append(RuleOutcome(.leadFrom(leadCountries, lead: label, country: country), met: leadCountries.contains(country)))
        }
        if let kinds = rules.leadKinds {
            outcomes.append(RuleOutcome(.leadOfKind(kinds: kinds, lead: label, kind: kind), met: kinds.contains(kind)))
        }
        return outcomes
    }
}
