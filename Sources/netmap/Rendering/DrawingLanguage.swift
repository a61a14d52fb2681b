import Foundation
import Graph

/// The language of every word netmap itself puts in a drawing (legend headings, kind and relation names,
/// footnotes, notes on the page): English (default), Norwegian bokmål or nynorsk. `--lang nb|nn|en`.
///
/// The report page (`netmap report`) uses the same table, so a page and its drawing never mix languages.
enum DrawingLanguage: String, CaseIterable, Sendable {
    case en, nb, nn

    /// The text of `wording` in this language.
    func callAsFunction(_ wording: Wording) -> String { wording.text(self) }

    /// A kind's name: from the data's declaration (`label_<lang>`, for nynorsk then `label_nb`, then
    /// `label`), else the built-in name in this language, else the id with spaces.
    func kind(_ id: String, in network: Network) -> String {
        name(id, declared: network.kinds[id].map { ($0.label, $0.labels, $0.isBuiltIn) }, builtIn: DrawingWords.kinds[id])
    }

    /// A relation's name, chosen as `kind(_:in:)` does.
    func relation(_ id: String, in network: Network) -> String {
        name(id, declared: network.relations[id].map { ($0.label, $0.labels, $0.isBuiltIn) }, builtIn: DrawingWords.relations[id])
    }

    /// The name of a node attribute in a legend heading ("Colour: country" → "Farge: Land"): the report
    /// page's name for it (`attribute.NAME`, or its column name), else the attribute as the data spells it.
    func attribute(_ name: String) -> String {
        if name == "community" { return self(DrawingWords.community) }
        let words = ReportText.words[rawValue] ?? [:]
        return words["attribute." + name] ?? (name == "country" ? words["country"] : nil) ?? name
    }

    /// A measure's name inside a sentence ("larger text = higher degree" → "høyere grad"): the report
    /// page's column name, lower-cased except names such as PageRank; unknown measures as given.
    func measure(_ name: String) -> String {
        guard let word = ReportText.words[rawValue]?[name] else { return name }
        return word.dropFirst().contains(where: \.isUppercase) ? word : word.lowercased()
    }

    private func name(_ id: String, declared: (label: String, labels: [String: String], isBuiltIn: Bool)?, builtIn: Wording?) -> String {
        if let declared {
            let keys = self == .nn ? ["label_nn", "label_nb"] : ["label_\(rawValue)"]
            if let text = keys.lazy.compactMap({ declared.labels[$0] }).first(where: { !$0.isEmpty }) { return text }
            // A declaration without a label of its own (the label is the id) keeps the built-in name.
            let unlabelled = declared.label == id || declared.label == id.replacingOccurrences(of: "_", with: " ")
            if !declared.isBuiltIn, !declared.label.isEmpty, !(unlabelled && builtIn != nil) { return declared.label }
        }
        if let builtIn { return builtIn.text(self) }
        return id.replacingOccurrences(of: "_", with: " ")
    }
}

/// One phrase in English, bokmål and nynorsk.
struct Wording: Hashable, Sendable {
    var en: String
    var nb: String
    var nn: String

    init(_ en: String, nb: String, nn: String) {
        self.en = en
        self.nb = nb
        self.nn = nn
    }

    /// The same text in every language (a name that is not translated).
    init(verbatim text: String) { self.init(text, nb: text, nn: text) }

    func text(_ language: DrawingLanguage) -> String {
        switch language {
        case .en: return en
        case .nb: return nb
        case .nn: return nn
        }
    }
}

/// Every word netmap puts in a drawing, in English, bokmål and nynorsk.
enum DrawingWords {
    static let kindsHeading = Wording("Kinds", nb: "Typer", nn: "Typar")
    static let tiesHeading = Wording("Ties", nb: "Forbindelser", nn: "Samband")
    static let sizeHeading = Wording("Size", nb: "Størrelse", nn: "Storleik")
    static let colourHeading = Wording("Colour", nb: "Farge", nn: "Farge")
    static let marksHeading = Wording("Marked", nb: "Markert", nn: "Markert")
    static let community = Wording("community", nb: "fellesskap", nn: "fellesskap")
    static let centre = Wording("heavy border: centre", nb: "tykk ramme: sentrum", nn: "tjukk ramme: sentrum")
    static let other = Wording("other", nb: "andre", nn: "andre")
    static let none = Wording("(none)", nb: "(ingen)", nn: "(ingen)")
    static let highlighted = Wording("highlighted", nb: "uthevet", nn: "utheva")
    static let sources = Wording("Sources", nb: "Kilder", nn: "Kjelder")
    /// "larger text = higher MEASURE".
    static func larger(measure: String) -> Wording {
        Wording("larger text = higher \(measure)", nb: "større tekst = høyere \(measure)", nn: "større tekst = høgare \(measure)")
    }
    /// "(MIN to MAX)".
    static func range(_ min: String, _ max: String) -> Wording {
        Wording("(\(min) to \(max))", nb: "(\(min) til \(max))", nn: "(\(min) til \(max))")
    }
    /// The note in a list node's heading: "N names".
    static func names(_ count: Int) -> Wording {
        Wording("\(count) names", nb: "\(count) navn", nn: "\(count) namn")
    }
    /// The warning when the smallest text on the page is under 8 pt.
    static func smallText(size: String, page: String) -> Wording {
        Wording("on the page (\(page)) the smallest text is \(size) pt, below 8 pt; draw fewer nodes (--top, --kinds, --ego, --collapse leaves) or use a larger page",
                nb: "på siden (\(page)) er den minste teksten \(size) pt, under 8 pt; tegn færre noder (--top, --kinds, --ego, --collapse leaves) eller bruk en større side",
                nn: "på sida (\(page)) er den minste teksten \(size) pt, under 8 pt; teikn færre nodar (--top, --kinds, --ego, --collapse leaves) eller bruk ei større side")
    }

    /// The built-in kinds.
    static let kinds: [String: Wording] = [
        "county": Wording("County council", nb: "Fylkeskommune", nn: "Fylkeskommune"),
        "municipality": Wording("Municipality", nb: "Kommune", nn: "Kommune"),
        "agency": Wording("Agency", nb: "Statlig etat", nn: "Statleg etat"),
        "university": Wording("University", nb: "Universitet", nn: "Universitet"),
        "research": Wording("Research institute", nb: "Forskningsinstitutt", nn: "Forskingsinstitutt"),
        "business": Wording("Business", nb: "Bedrift", nn: "Bedrift"),
        "school": Wording("School", nb: "Skole", nn: "Skule"),
        "cluster": Wording("Cluster", nb: "Klynge", nn: "Klynge"),
        "programme": Wording("Programme", nb: "Program", nn: "Program"),
        "region": Wording("Partner region", nb: "Partnerregion", nn: "Partnarregion"),
        "network": Wording("Network / organisation", nb: "Nettverk / organisasjon", nn: "Nettverk / organisasjon"),
        "office": Wording("Office", nb: "Kontor", nn: "Kontor"),
        "project": Wording("Project", nb: "Prosjekt", nn: "Prosjekt"),
        "theme": Wording("Theme", nb: "Tema", nn: "Tema"),
        "strategy": Wording("Strategy", nb: "Strategi", nn: "Strategi"),
        "node": Wording("Node", nb: "Node", nn: "Node"),
    ]

    /// The built-in relations.
    static let relations: [String: Wording] = [
        "member_of": Wording("member of", nb: "medlem av", nn: "medlem av"),
        "partner_of": Wording("partner of", nb: "partner med", nn: "partnar med"),
        "participates_in": Wording("participates in", nb: "deltar i", nn: "deltek i"),
        "manages": Wording("manages", nb: "forvalter", nn: "forvaltar"),
        "contact_point_for": Wording("contact point for", nb: "kontaktpunkt for", nn: "kontaktpunkt for"),
        "secretariat_for": Wording("secretariat for", nb: "sekretariat for", nn: "sekretariat for"),
        "owns": Wording("owns", nb: "eier", nn: "eig"),
        "coordinates": Wording("coordinates", nb: "koordinerer", nn: "koordinerer"),
        "funds": Wording("funds", nb: "finansierer", nn: "finansierer"),
        "part_of": Wording("part of", nb: "del av", nn: "del av"),
        "cooperates_with": Wording("cooperates with", nb: "samarbeider med", nn: "samarbeider med"),
        "addresses": Wording("addresses", nb: "handler om", nn: "handlar om"),
        "related_to": Wording("related to", nb: "knyttet til", nn: "knytt til"),
        "connected_to": Wording("connected to", nb: "forbundet med", nn: "samanbunden med"),
    ]
}
