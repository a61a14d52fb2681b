/// One sentence of the consortium finder — a rule with the consortium's own figures, a rule no consortium can
/// meet, a note on the search — kept as its parts, so that each output says it in its own language:
/// `description` is the English the CLI prints, `text(_:)` gives Norwegian Bokmål (`nb`) or Nynorsk (`nn`)
/// for the report page (`netmap report --consortium --lang`).
///
/// Country sets are named as the programme file names them (`label`, `label_nb`, `label_nn`); a kind id by `kindNames`
/// when given there (the page passes the kinds' names in its language), else by the id.
public indirect enum ConsortiumSentence: Hashable, Sendable, CustomStringConvertible {
    // A rule checked against one consortium (`RuleOutcome`).
    case size(min: Int, max: Int?, has: Int)
    case countries(min: Int, among: CountrySet?, has: [String])
    /// `outside`: the partners' countries outside the set (nil: a partner with no country).
    case everyPartnerFrom(CountrySet, outside: [String?])
    case fromCountries(min: Int, CountrySet, has: Int)
    case ofKind(min: Int, kinds: [String], has: Int)
    case side(CountrySet, has: Int)
    case leadFrom(CountrySet, lead: String, country: String?)
    case leadOfKind(kinds: [String], lead: String, kind: String)
    /// Free text (a rule built elsewhere), said as it is in every language.
    case text(String)

    // Rules no consortium can meet (`ConsortiumResult.unmet`); `hops` and `lead` say where partners were sought.
    case leadBreaks(ConsortiumSentence, lead: String)
    case leadOutside(CountrySet, lead: String, country: String?)
    case leadOutsideArea(lead: String, place: String)
    case sizeAllowed(min: Int, programmeMax: Int?, sizeMax: Int)
    case includedOutside(id: String, country: String, CountrySet)
    case includedOutsideArea(id: String, place: String?)
    case includedAreaUnknown(id: String)
    case tooFewReachable(min: Int, have: Int, hops: Int, lead: String)
    case tooFewCountriesReachable(min: Int, among: CountrySet?, have: [String], hops: Int, lead: String)
    case tooFewFromReachable(min: Int, CountrySet, have: Int, hops: Int, lead: String)
    case tooFewOfKindReachable(min: Int, kinds: [String], have: Int, hops: Int, lead: String)
    case sideUnreachable(CountrySet, have: Int, hops: Int, lead: String)
    case noSetMeetsAll(minSize: Int, maxSize: Int, hops: Int, lead: String)

    // Notes on the search (`ConsortiumResult.notes`); `hops` nil: every actor was considered (new contacts).
    case leadWithoutCountry(id: String)
    case leadAreaUnknown(id: String)
    case leftOutNoCountry(Int, hops: Int?)
    case leftOutCountries([String: Int], hops: Int?)
    case leftOutArea(Int, hops: Int?)
    case leftOutAreaUnknown(Int, hops: Int?)
    case poolCut(candidates: Int, hops: Int, compared: Int)
    case method(exact: Bool, beamWidth: Int, candidates: Int)

    public var description: String { text("en") }

    /// The sentence in `language` (`en`, `nb` or `nn`; anything else is English).
    public func text(_ language: String, kindNames: [String: String] = [:]) -> String {
        Say(language: language == "nb" || language == "nn" ? language : "en", kindNames: kindNames).say(self)
    }
}

/// The words of `ConsortiumSentence` in one language.
private struct Say {
    var language: String
    var kindNames: [String: String]

    func pick(_ en: String, _ nb: String, _ nn: String) -> String { language == "nb" ? nb : language == "nn" ? nn : en }
    var or: String { pick(" or ", " eller ", " eller ") }

    func countries(_ set: CountrySet) -> String { set.names(in: language).joined(separator: or) }
    func kinds(_ kinds: [String]) -> String {
        let names = kinds.map(kindLabel)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + or + (names.last ?? "")
    }
    func partners(_ n: Int) -> String { pick("\(n) partner\(n == 1 ? "" : "s")", "\(n) partner\(n == 1 ? "" : "e")", "\(n) partnar\(n == 1 ? "" : "ar")") }
    func actors(_ n: Int) -> String { pick("\(n) actor\(n == 1 ? "" : "s")", "\(n) aktør\(n == 1 ? "" : "er")", "\(n) aktør\(n == 1 ? "" : "ar")") }
    func ties(_ n: Int) -> String { pick(counted(n, "tie"), "\(n) forbindelse\(n == 1 ? "" : "r")", "\(n) samband") }
    func within(_ hops: Int?) -> String { hops.map { pick(" within \(ties($0))", " innen \(ties($0))", " innan \(ties($0))") } ?? "" }
    func within(_ hops: Int, of lead: String) -> String { pick("within \(ties(hops)) of \(lead)", "innen \(ties(hops)) fra \(lead)", "innan \(ties(hops)) frå \(lead)") }
    func has(_ n: Int) -> String { pick("has \(n)", "har \(n)", "har \(n)") }
    func noCountry(_ country: String?) -> String { country ?? pick("no recorded country", "uten oppgitt land", "utan oppgjeve land") }
    func amount(_ have: Int) -> String { have == 0 ? pick("no", "ingen", "ingen") : pick("only \(have)", "bare \(have)", "berre \(have)") }
    func atLeast(_ n: Int) -> String { pick("at least \(n)", "minst \(n)", "minst \(n)") }
    func among(_ set: CountrySet?) -> String { set.map { pick(" among ", " blant ", " blant ") + countries($0) } ?? "" }

    // Phrases several sentences share.
    func atLeastPartners(_ min: Int) -> String { pick("at least \(partners(min))", "minst \(partners(min))", "minst \(partners(min))") }
    func differentCountries(_ min: Int, _ set: CountrySet?, plural: Bool = false) -> String {
        let noun = language == "en" ? (min == 1 && !plural ? "country" : "countries") : "land"
        return pick("partners from at least \(min) different \(noun)", "partnere fra minst \(min) forskjellige \(noun)",
                    "partnarar frå minst \(min) ulike \(noun)") + among(set)
    }
    func fromPhrase(_ min: Int, _ set: CountrySet) -> String {
        pick("\(atLeastPartners(min)) from \(countries(set))", "minst \(partners(min)) fra \(countries(set))", "minst \(partners(min)) frå \(countries(set))")
    }
    func kindPhrase(_ min: Int, _ kinds: [String]) -> String {
        pick("\(atLeastPartners(min)) of kind \(self.kinds(kinds))", "minst \(partners(min)) av typen \(self.kinds(kinds))",
             "minst \(partners(min)) av typen \(self.kinds(kinds))")
    }
    func sidePhrase(_ set: CountrySet) -> String {
        pick("a partner from \(countries(set)), one side of the partnership", "en partner fra \(countries(set)), den ene siden av samarbeidet",
             "ein partnar frå \(countries(set)), den eine sida av samarbeidet")
    }
    func everyFrom(_ set: CountrySet) -> String {
        pick("every partner from \(countries(set))", "alle partnere fra \(countries(set))", "alle partnarar frå \(countries(set))")
    }
    func leadFrom(_ set: CountrySet) -> String { pick("lead partner from \(countries(set))", "hovedpartner fra \(countries(set))", "hovudpartnar frå \(countries(set))") }
    func leadOfKind(_ kinds: [String]) -> String { pick("lead partner of kind ", "hovedpartner av typen ", "hovudpartnar av typen ") + kinds.map(kindLabel).joined(separator: or) }
    func kindLabel(_ kind: String) -> String { language == "en" ? kind : kindNames[kind] ?? kind }
    func leftOut(_ hops: Int?) -> String { within(hops) + pick(" left out", " utelatt", " utelatne") }

    func say(_ sentence: ConsortiumSentence) -> String {
        switch sentence {
        case .size(let min, let max, let has):
            var rule = atLeastPartners(min)
            if let max { rule += pick(" and at most \(max)", " og høyst \(max)", " og høgst \(max)") }
            return "\(rule) (\(self.has(has)))"
        case .countries(let min, let among, let has):
            return "\(differentCountries(min, among)) (\(self.has(has.count)): \(has.joined(separator: ", ")))"
        case .everyPartnerFrom(let set, let outside):
            let names = outside.map { $0 ?? pick("no country", "uten land", "utan land") }.sorted()
            return everyFrom(set) + (names.isEmpty ? "" : " (\(pick("outside", "utenfor", "utanfor")): \(names.joined(separator: ", ")))")
        case .fromCountries(let min, let set, let has):
            return "\(fromPhrase(min, set)) (\(self.has(has)))"
        case .ofKind(let min, let kinds, let has):
            return "\(kindPhrase(min, kinds)) (\(self.has(has)))"
        case .side(let set, let has):
            return "\(sidePhrase(set)) (\(self.has(has)))"
        case .leadFrom(let set, let lead, let country):
            return "\(leadFrom(set)) (\(lead) \(pick("is from", "er fra", "er frå")) \(noCountry(country)))"
        case .leadOfKind(let kinds, let lead, let kind):
            return "\(leadOfKind(kinds)) (\(lead) \(pick("is", "er", "er")) \(kindLabel(kind)))"
        case .text(let text):
            return text

        case .leadBreaks(let rule, let lead):
            return say(rule) + pick(": no consortium led by \(lead) is eligible", ": ingen konsortier ledet av \(lead) kan få støtte",
                                         ": ingen konsortium leia av \(lead) kan få støtte")
        case .leadOutside(let set, let lead, let country):
            return everyFrom(set) + pick(": the lead \(lead) is from ", ": hovedpartneren \(lead) er fra ", ": hovudpartnaren \(lead) er frå ") + noCountry(country)
        case .leadOutsideArea(let lead, let place):
            return pick("every partner in the programme area: the lead \(lead) (\(place)) is outside it",
                        "alle partnere i programområdet: hovedpartneren \(lead) (\(place)) ligger utenfor",
                        "alle partnarar i programområdet: hovudpartnaren \(lead) (\(place)) ligg utanfor")
        case .sizeAllowed(let min, let programmeMax, let sizeMax):
            let reason = programmeMax.map { pick("the programme allows at most \($0) partners", "programmet tillater høyst \($0) partnere",
                                                 "programmet tillèt høgst \($0) partnarar") }
                ?? pick("--size allows at most \(sizeMax)", "--size tillater høyst \(sizeMax)", "--size tillèt høgst \(sizeMax)")
            return pick("at least \(min) partners", "minst \(min) partnere", "minst \(min) partnarar") + ": " + reason
        case .includedOutside(let id, let country, let set):
            return "--include \(id): \(country) " + pick("is outside", "er utenfor", "er utanfor") + " \(countries(set))"
        case .includedOutsideArea(let id, let place):
            return "--include \(id): " + (place ?? pick("its region", "regionen", "regionen")) + pick(" is outside the programme area", " er utenfor programområdet", " er utanfor programområdet")
        case .includedAreaUnknown(let id):
            return "--include \(id): " + pick("no `nuts` or `region` to place it in the programme area", "verken `nuts` eller `region` som plasserer den i programområdet",
                                              "korkje `nuts` eller `region` som plasserer han i programområdet")
        case .tooFewReachable(let min, let have, let hops, let lead):
            return pick("at least \(min) partners: only \(have) eligible actor\(have == 1 ? "" : "s") with a country reachable ",
                        "minst \(min) partnere: bare \(actors(have)) som kan delta og har land, nås ",
                        "minst \(min) partnarar: berre \(actors(have)) som kan delta og har land, kan nåast ") + within(hops, of: lead)
        case .tooFewCountriesReachable(let min, let among, let have, let hops, let lead):
            return differentCountries(min, among, plural: true) + ": " + pick("only \(have.count) reachable ", "bare \(have.count) nås ", "berre \(have.count) kan nåast ")
                + within(hops, of: lead) + " (\(have.joined(separator: ", ")))"
        case .tooFewFromReachable(let min, let set, let have, let hops, let lead):
            return fromPhrase(min, set) + ": " + pick("\(amount(have)) partner from \(countries(set)) reachable ",
                                                      "\(amount(have)) partner fra \(countries(set)) nås ", "\(amount(have)) partnar frå \(countries(set)) kan nåast ") + within(hops, of: lead)
        case .tooFewOfKindReachable(let min, let kinds, let have, let hops, let lead):
            return kindPhrase(min, kinds) + ": " + pick("\(amount(have)) \(self.kinds(kinds)) partner reachable ",
                                                        "\(amount(have)) partner av typen \(self.kinds(kinds)) nås ",
                                                        "\(amount(have)) partnar av typen \(self.kinds(kinds)) kan nåast ") + within(hops, of: lead)
        case .sideUnreachable(let set, let have, let hops, let lead):
            return sidePhrase(set) + ": " + pick("\(amount(have)) partner from \(countries(set)) reachable ",
                                                 "\(amount(have)) partner fra \(countries(set)) nås ", "\(amount(have)) partnar frå \(countries(set)) kan nåast ") + within(hops, of: lead)
        case .noSetMeetsAll(let minSize, let maxSize, let hops, let lead):
            let size = minSize == maxSize ? "\(minSize)" : "\(minSize)–\(maxSize)"
            return pick("no set of \(size) partners \(within(hops, of: lead)) meets every rule at once; try --size with more partners or a larger --max-hops",
                        "ingen gruppe på \(size) partnere \(within(hops, of: lead)) oppfyller alle reglene samtidig; prøv --size med flere partnere eller en større --max-hops",
                        "inga gruppe på \(size) partnarar \(within(hops, of: lead)) oppfyller alle reglane samstundes; prøv --size med fleire partnarar eller ein større --max-hops")

        case .leadWithoutCountry(let id):
            return pick("the lead \(id) has no `country`; add one so country rules can count it",
                        "hovedpartneren \(id) har ikke `country`; legg det til så landreglene kan telle den",
                        "hovudpartnaren \(id) har ikkje `country`; legg det til så landreglane kan telje han")
        case .leadAreaUnknown(let id):
            return pick("the lead \(id) has no `nuts` or `region`, so whether it lies in the programme area is unknown",
                        "hovedpartneren \(id) har verken `nuts` eller `region`, så om den ligger i programområdet er ukjent",
                        "hovudpartnaren \(id) har korkje `nuts` eller `region`, så om han ligg i programområdet er ukjent")
        case .leftOutNoCountry(let n, let hops):
            return actors(n) + leftOut(hops) + pick(": no `country` recorded", ": ingen `country` oppgitt", ": ingen `country` oppgjeven")
        case .leftOutCountries(let counts, let hops):
            let list = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return pick("actors", "aktører", "aktørar") + within(hops)
                + pick(" left out as outside the programme's countries: ", " utelatt fordi de er utenfor programmets land: ",
                       " utelatne fordi dei er utanfor landa til programmet: ") + list
        case .leftOutArea(let n, let hops):
            return actors(n) + leftOut(hops) + pick(": their NUTS region is outside the programme area", ": NUTS-regionen deres er utenfor programområdet",
                                                    ": NUTS-regionen deira er utanfor programområdet")
        case .leftOutAreaUnknown(let n, let hops):
            return actors(n) + within(hops)
                + pick(" left out as unknown: no `nuts` or `region` to place them in the programme area (not assumed eligible)",
                       " utelatt som ukjente: verken `nuts` eller `region` plasserer dem i programområdet (ikke antatt å kunne delta)",
                       " utelatne som ukjende: korkje `nuts` eller `region` plasserer dei i programområdet (ikkje rekna som deltakarar)")
        case .poolCut(let candidates, let hops, let compared):
            return pick("\(candidates) candidates within \(ties(hops)); the \(compared) best (by closeness to the lead and fit, plus the best for each rule and country) were compared",
                        "\(candidates) kandidater innen \(ties(hops)); de \(compared) beste (etter nærhet til hovedpartneren og tilpasning, og de beste for hver regel og hvert land) ble sammenlignet",
                        "\(candidates) kandidatar innan \(ties(hops)); dei \(compared) beste (etter nærleik til hovudpartnaren og tilpassing, og dei beste for kvar regel og kvart land) vart samanlikna")
        case .method(let exact, let beamWidth, let p):
            let method = exact ? pick("exact search (branch and bound)", "eksakt søk (forgrening og avgrensning)", "eksakt søk (forgreining og avgrensing)")
                : pick("beam search (width \(beamWidth)) with swap improvement", "strålesøk (bredde \(beamWidth)) med forbedring ved bytte",
                       "strålesøk (breidd \(beamWidth)) med forbetring ved byte")
            return method + pick(" over \(p) candidate\(p == 1 ? "" : "s")", " blant \(p) kandidat\(p == 1 ? "" : "er")", " blant \(p) kandidat\(p == 1 ? "" : "ar")")
        }
    }
}
