/// The words of a diff report in Norwegian Bokmål (`nb`), Nynorsk (`nn`) or English (`en`): section titles,
/// and the names of the built-in kinds and of the relations of the bundled data.
public struct DiffLanguage: Sendable {
    public var code: String
    var words: [String: String]
    var kinds: [String: String]
    var relations: [String: String]

    public static let codes = ["nb", "nn", "en"]

    /// The language for `code` (nb, nn or en); nil for any other.
    public init?(code: String) {
        switch code {
        case "nb":
            self.init(code: code, words: [
                "title": "Endringer", "new": "Nye partnere og bånd", "ended": "Avsluttet", "kept": "Videreført",
                "changed": "Endret", "successions": "Etterfølgere", "nodes": "aktører", "ties": "bånd",
                "old": "Før", "now": "Nå", "via": "via", "measures": "Mål", "node": "aktør", "rank": "rangering",
                "value": "verdi", "change": "endring", "none": "ingen", "ties-heading": "Bånd", "actors-heading": "Aktører",
                "kept-actors": "Videreførte aktører", "open": "åpen", "key-since": "fra", "key-until": "til",
                "key-weight": "vekt", "key-label": "navn", "key-kind": "type", "thick": "tykk kant", "dashed": "stiplet",
            ], kinds: [
                "county": "Fylkeskommuner", "municipality": "Kommuner", "agency": "Etater", "university": "Universiteter",
                "research": "Forskningsinstitutter", "business": "Bedrifter", "school": "Skoler", "cluster": "Klynger",
                "programme": "Programmer", "region": "Partnerregioner", "network": "Nettverk og organisasjoner",
                "office": "Kontorer", "project": "Prosjekter", "theme": "Temaer", "strategy": "Strategier og planer", "node": "Andre",
            ], relations: [
                "member_of": "medlem av", "partner_of": "partner med", "participates_in": "deltar i", "manages": "forvalter",
                "contact_point_for": "kontaktpunkt for", "secretariat_for": "sekretariat for", "owns": "eier",
                "coordinates": "koordinerer", "funds": "finansierer", "part_of": "del av", "cooperates_with": "samarbeider med",
                "addresses": "arbeider med", "related_to": "knyttet til", "connected_to": "forbundet med",
                "succeeded_by": "etterfulgt av", "adopts": "vedtar", "approves": "godkjenner", "based_on": "bygger på",
                "eligible_for": "kan delta i", "takes_part_in_managing": "deltar i forvaltningen av",
            ])
        case "nn":
            self.init(code: code, words: [
                "title": "Endringar", "new": "Nye partnarar og band", "ended": "Avslutta", "kept": "Vidareført",
                "changed": "Endra", "successions": "Etterfølgjarar", "nodes": "aktørar", "ties": "band",
                "old": "Før", "now": "No", "via": "via", "measures": "Mål", "node": "aktør", "rank": "rangering",
                "value": "verdi", "change": "endring", "none": "ingen", "ties-heading": "Band", "actors-heading": "Aktørar",
                "kept-actors": "Vidareførte aktørar", "open": "open", "key-since": "frå", "key-until": "til",
                "key-weight": "vekt", "key-label": "namn", "key-kind": "type", "thick": "tjukk kant", "dashed": "stipla",
            ], kinds: [
                "county": "Fylkeskommunar", "municipality": "Kommunar", "agency": "Etatar", "university": "Universitet",
                "research": "Forskingsinstitutt", "business": "Bedrifter", "school": "Skular", "cluster": "Klynger",
                "programme": "Program", "region": "Partnarregionar", "network": "Nettverk og organisasjonar",
                "office": "Kontor", "project": "Prosjekt", "theme": "Tema", "strategy": "Strategiar og planar", "node": "Andre",
            ], relations: [
                "member_of": "medlem av", "partner_of": "partnar med", "participates_in": "deltek i", "manages": "forvaltar",
                "contact_point_for": "kontaktpunkt for", "secretariat_for": "sekretariat for", "owns": "eig",
                "coordinates": "koordinerer", "funds": "finansierer", "part_of": "del av", "cooperates_with": "samarbeider med",
                "addresses": "arbeider med", "related_to": "knytt til", "connected_to": "kopla til",
                "succeeded_by": "etterfølgd av", "adopts": "vedtek", "approves": "godkjenner", "based_on": "byggjer på",
                "eligible_for": "kan delta i", "takes_part_in_managing": "deltek i forvaltinga av",
            ])
        case "en":
            self.init(code: code, words: [
                "title": "Changes", "new": "New partners and ties", "ended": "Ended", "kept": "Kept",
                "changed": "Changed", "successions": "Successions", "nodes": "actors", "ties": "ties",
                "old": "Before", "now": "Now", "via": "via", "measures": "Measures", "node": "actor", "rank": "rank",
                "value": "value", "change": "change", "none": "none", "ties-heading": "Ties", "actors-heading": "Actors",
                "kept-actors": "Actors kept", "open": "open", "thick": "thick border", "dashed": "dashed",
            ], kinds: [
                "county": "County councils", "municipality": "Municipalities", "agency": "Agencies", "university": "Universities",
                "research": "Research institutes", "business": "Businesses", "school": "Schools", "cluster": "Clusters",
                "programme": "Programmes", "region": "Partner regions", "network": "Networks and organisations",
                "office": "Offices", "project": "Projects", "theme": "Themes", "strategy": "Strategies and plans", "node": "Other",
            ], relations: [
                "takes_part_in_managing": "takes part in managing",
            ])
        default:
            return nil
        }
    }

    private init(code: String, words: [String: String], kinds: [String: String], relations: [String: String]) {
        self.code = code
        self.words = words
        self.kinds = kinds
        self.relations = relations
    }

    /// A fixed word of the report.
    public func word(_ key: String, default fallback: String? = nil) -> String { words[key] ?? fallback ?? key }

    /// The heading for a kind: this table, else the label the data declared, else the id.
    public func kind(_ id: String, in vocabulary: Network) -> String {
        kinds[id] ?? vocabulary.kinds[id]?.label ?? id
    }

    /// The name of a relation: this table, else (in Norwegian) the label the data declared, else the id with spaces.
    public func relation(_ id: String, in vocabulary: Network) -> String {
        if let name = relations[id] { return name }
        if code != "en", let declared = vocabulary.relations[id]?.label { return declared }
        return id.replacingOccurrences(of: "_", with: " ")
    }

    /// The label of a node in this language (`label_en` for English, where given).
    public func label(_ node: Node?, id: String) -> String {
        guard let node else { return id }
        return node.label(language: code == "en" ? "en" : nil)
    }
}
