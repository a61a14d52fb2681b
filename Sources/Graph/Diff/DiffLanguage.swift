/// The words of a diff report in Norwegian Bokmål (`nb`), Nynorsk (`nn`) or English (`en`): section titles
/// and the report's own words; kind and relation names come from `kindName`/`relationName`.
public struct DiffLanguage: Sendable {
    public var code: String
    var words: [String: String]
    /// Names of kinds and relations in this language (the CLI gives the drawing's table, so the report and
    /// its picture use the same words); without them, the label the data declared, else the id.
    public var kindName: (@Sendable (String, Network) -> String)?
    public var relationName: (@Sendable (String, Network) -> String)?

    public static let codes = ["nb", "nn", "en"]

    /// The language for `code` (nb, nn or en); nil for any other.
    public init?(code: String) {
        switch code {
        case "nb":
            self.init(code: code, words: [
                "title": "Endringer", "new": "Nye partnere og bånd", "ended": "Avsluttet", "kept": "Videreført",
                "changed": "Endret", "successions": "Etterfølgere", "nodes": "aktører", "ties": "bånd",
                "old": "Før", "now": "Nå", "via": "via", "measures": "Mål", "node": "aktør", "rank": "rangering",
                "change": "endring", "ties-heading": "Bånd", "kept-actors": "Videreførte aktører", "open": "åpen",
                "key-since": "fra", "key-until": "til", "key-weight": "vekt", "key-label": "navn", "key-kind": "type",
            ])
        case "nn":
            self.init(code: code, words: [
                "title": "Endringar", "new": "Nye partnarar og band", "ended": "Avslutta", "kept": "Vidareført",
                "changed": "Endra", "successions": "Etterfølgjarar", "nodes": "aktørar", "ties": "band",
                "old": "Før", "now": "No", "via": "via", "measures": "Mål", "node": "aktør", "rank": "rangering",
                "change": "endring", "ties-heading": "Band", "kept-actors": "Vidareførte aktørar", "open": "open",
                "key-since": "frå", "key-until": "til", "key-weight": "vekt", "key-label": "namn", "key-kind": "type",
            ])
        case "en":
            self.init(code: code, words: [
                "title": "Changes", "new": "New partners and ties", "ended": "Ended", "kept": "Kept",
                "changed": "Changed", "successions": "Successions", "nodes": "actors", "ties": "ties",
                "old": "Before", "now": "Now", "via": "via", "measures": "Measures", "node": "actor", "rank": "rank",
                "change": "change", "ties-heading": "Ties", "kept-actors": "Actors kept", "open": "open",
            ])
        default:
            return nil
        }
    }

    private init(code: String, words: [String: String]) {
        self.code = code
        self.words = words
    }

    /// A fixed word of the report.
    public func word(_ key: String, default fallback: String? = nil) -> String { words[key] ?? fallback ?? key }

    /// The heading for a kind: `kindName`, else the label the data declared, else the id.
    public func kind(_ id: String, in vocabulary: Network) -> String {
        kindName?(id, vocabulary) ?? vocabulary.kinds[id]?.label ?? id
    }

    /// The name of a relation: `relationName`, else the label the data declared, else the id with spaces.
    public func relation(_ id: String, in vocabulary: Network) -> String {
        relationName?(id, vocabulary) ?? vocabulary.relations[id]?.label ?? id.replacingOccurrences(of: "_", with: " ")
    }

    /// The label of a node in this language (`label_en` for English, where given).
    public func label(_ node: Node?, id: String) -> String {
        guard let node else { return id }
        return node.label(language: code == "en" ? "en" : nil)
    }
}
