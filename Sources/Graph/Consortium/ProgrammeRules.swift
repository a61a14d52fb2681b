import Foundation
import Yams

/// A set of countries named in a programme rule: a country group (`eu`) or ISO codes, with a label for messages.
public struct CountrySet: Hashable, Sendable, CustomStringConvertible {
    public var codes: Set<String>
    /// How messages name the set: "an EU member state", "SE".
    public var label: String
    /// The groups and codes the set was written as, each as messages name it (`label` joins them with "or").
    public var names: [String]
    /// `names` in Norwegian (`nb`, `nn`), where the programme file gives the groups `label_nb` / `label_nn`.
    public var translatedNames: [String: [String]]

    public init(codes: Set<String>, label: String, names: [String]? = nil, translatedNames: [String: [String]] = [:]) {
        self.codes = codes
        self.label = label
        self.names = names ?? [label]
        self.translatedNames = translatedNames
    }

    /// `names` in `language`, English where the file gives no translation.
    public func names(in language: String) -> [String] { translatedNames[language] ?? names }

    public func contains(_ country: String?) -> Bool {
        guard let country else { return false }
        return codes.contains(country)
    }

    public var description: String { label }
}

/// "At least `min` partners from these countries" (for example one from an EU member state).
public struct CountryRequirement: Hashable, Sendable {
    public var countries: CountrySet
    public var min: Int
}

/// "At least `min` partners of one of these kinds" (for example one `university` or `research`).
public struct KindRequirement: Hashable, Sendable {
    public var kinds: [String]
    public var min: Int

    public var label: String {
        kinds.count == 1 ? kinds[0] : kinds.dropLast().joined(separator: ", ") + " or " + (kinds.last ?? "")
    }
}

/// Where a programme's rules come from: the document title, its address and what it says.
public struct ProgrammeCitation: Hashable, Sendable, CustomStringConvertible {
    public var title: String
    public var url: String?
    public var says: String?
    /// The document's year and the section that states the rule, where known.
    public var year: Int?
    public var section: String?

    public init(title: String, url: String? = nil, says: String? = nil, year: Int? = nil, section: String? = nil) {
        self.title = title
        self.url = url
        self.says = says
        self.year = year
        self.section = section
    }

    public var description: String {
        var text = title
        if let year { text += " (\(year))" }
        if let section { text += ", \(section)" }
        return url.map { "\(text) <\($0)>" } ?? text
    }
}

/// Rules of a programme that no primary document (programme guide, programme manual, work programme annex,
/// cooperation programme) confirms yet, and the document that would.
public struct MissingPrimarySource: Hashable, Sendable, CustomStringConvertible {
    public var rules: [String]
    public var document: String

    public var description: String { "\(rules.joined(separator: ", ")) — needs \(document)" }
}

/// A region of a programme area: a NUTS code (any level; a two-letter country code covers the whole country) and its name.
public struct AreaRegion: Hashable, Sendable {
    public var nuts: String
    public var name: String
}

/// Whether a partner lies in a programme's area.
public enum AreaStatus: String, Sendable {
    /// The programme has no area for the partner's country: the country rules decide.
    case notRestricted = "not restricted"
    case inside, outside
    /// The programme's area covers part of the partner's country and the partner has no `nuts` or `region`
    /// that settles it: not assumed eligible.
    case unknown
}

/// The eligibility rules of one funding programme's call type, as `data/programmes.yaml` states them.
///
/// "Partners" always counts every participating organisation, the lead included.
public struct ProgrammeRules: Sendable {
    public var id: String
    public var label: String
    /// Programme node ids (and CORDIS framework-programme codes) whose participants count as experienced.
    public var networkIDs: [String] = []
    public var minPartners: Int = 1
    public var maxPartners: Int?
    public var minCountries: Int = 1
    /// Which countries count toward `minCountries` (nil: any country).
    public var countriesAmong: CountrySet?
    /// Every partner must be from one of these countries (nil: any country).
    public var eligibleCountries: CountrySet?
    public var minFrom: [CountryRequirement] = []
    public var requiredKinds: [KindRequirement] = []
    /// Cross-border sides: at least one partner from each.
    public var sides: [CountrySet] = []
    public var leadCountries: CountrySet?
    public var leadKinds: [String]?
    /// The programme area by NUTS region (Interreg A and B); empty: the country rules alone decide.
    public var area: [AreaRegion] = []
    public var cite: [ProgrammeCitation] = []
    /// Fields that could not be confirmed in the cited documents.
    public var unconfirmed: [String] = []
    /// Rules whose cited support is not the programme's own document (a secondary page, or the document named
    /// without its text, year or section), each with the primary document that would settle it.
    public var primaryMissing: [MissingPrimarySource] = []
    public var note: String?
    public var location: SourceLocation?

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }

    /// No programme: every actor is eligible and only the ranking counts (`--programme none`).
    public static let unrestricted: ProgrammeRules = {
        var rules = ProgrammeRules(id: "none", label: "no programme (no eligibility rules)")
        rules.cite = [ProgrammeCitation(title: "none: --programme none checks no rules")]
        return rules
    }()

    /// Whether a partner with this country, NUTS code and region name lies in the programme area.
    ///
    /// A partner is inside when an area code is a prefix of its `nuts` code (SE33 covers SE331), or, without a
    /// `nuts` code, when its `region` is an area region's name (case-insensitive); outside when its NUTS code is at
    /// least as fine as the area's and matches none; unknown when it has neither.
    public func areaStatus(country: String?, nuts: String?, region: String?) -> AreaStatus {
        guard !area.isEmpty, let country else { return .notRestricted }
        let here = area.filter { $0.nuts.hasPrefix(country) }
        if here.isEmpty { return .notRestricted }
        if let nuts = nuts?.uppercased(), nuts.hasPrefix(country) {
            if here.contains(where: { nuts.hasPrefix($0.nuts) }) { return .inside }
            if here.contains(where: { $0.nuts.hasPrefix(nuts) }) { return .unknown }
            return .outside
        }
        if let region = region?.lowercased() {
            return here.contains { $0.name.lowercased() == region } ? .inside : .unknown
        }
        return .unknown
    }
}

/// Programme rules read from YAML files: country groups and programmes, in file order.
public struct ProgrammeCatalogue: Sendable {
    public var groups: [String: CountrySet] = [:]
    public var programmes: [ProgrammeRules] = []

    public init() {}

    public func programme(_ id: String) -> ProgrammeRules? { programmes.first { $0.id == id } }

    /// Whether a YAML text declares programmes (a top-level `programmes:` key), without building anything.
    public static func declaresProgrammes(_ text: String) -> Bool {
        guard let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root else { return false }
        return mapping.contains { pair in
            if case .scalar(let key) = pair.key { return key.string == "programmes" }
            return false
        }
    }

    /// Reads the programme rules of one YAML file.
    ///
    /// - Throws: `GraphError.invalidInput` with one `path:line:` diagnostic per problem (a missing required
    ///   field, an unknown country group, a bad number).
    public static func read(_ text: String, path: String) throws -> ProgrammeCatalogue {
        // One YAML reading path: the network reader reads the rules from the same tree (YAMLFormat.read).
        let document = FileFormat.yaml.read(Data(text.utf8), path: path)
        let errors = document.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw GraphError.invalidInput(errors) }
        guard let catalogue = document.programmes else {
            throw GraphError.invalidInput([.error("no `programmes:` list in this file", at: SourceLocation(file: path, line: 1))])
        }
        return catalogue
    }

    /// Reads a file from disk.
    public static func load(_ path: String) throws -> ProgrammeCatalogue {
        OutputStage.shared.noteInput(path)
        let data = try UnreadableFile.contents(of: path, what: "programme rules")
        guard let text = String(data: data, encoding: .utf8) else {
            throw GraphError.file(path: path, reason: "file is not UTF-8 text")
        }
        return try read(text, path: path)
    }

    /// Merges another catalogue: its groups and programmes replace those with the same id.
    public mutating func merge(_ other: ProgrammeCatalogue) {
        for (id, group) in other.groups { groups[id] = group }
        for programme in other.programmes {
            if let index = programmes.firstIndex(where: { $0.id == programme.id }) { programmes[index] = programme }
            else { programmes.append(programme) }
        }
    }
}

/// Reads the `programmes:` document. Required per programme: `id`, `label`, `min_partners`, `min_countries`, `cite`.
struct RulesReader {
    let path: String
    var catalogue = ProgrammeCatalogue()
    var diagnostics: [Diagnostic] = []

    static let programmeKeys: Set<String> = [
        "id", "label", "network_ids", "min_partners", "max_partners", "min_countries", "countries_among",
        "eligible_countries", "min_eu", "min_from", "required_kinds", "sides", "lead", "area", "cite", "unconfirmed", "note",
        "primary_missing",
    ]

    func location(_ node: Yams.Node) -> SourceLocation { SourceLocation(file: path, line: node.mark?.line) }

    mutating func error(_ message: String, _ node: Yams.Node) { diagnostics.append(.error(message, at: location(node))) }

    func text(_ node: Yams.Node?) -> String? { node?.writtenText }

    func entries(_ node: Yams.Node) -> [(key: String, keyNode: Yams.Node, value: Yams.Node)] { node.keyedEntries }

    func texts(_ node: Yams.Node) -> [String]? {
        switch node {
        case .scalar: return text(node).map { [$0] }
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard let value = text(item) else { return nil }
                result.append(value)
            }
            return result
        default: return nil
        }
    }

    mutating func readRoot(_ root: Yams.Node) {
        let fields = entries(root)
        // Groups first, so programmes may name groups declared after them.
        if let groups = fields.first(where: { $0.key == "country_groups" }) { readGroups(groups.value) }
        guard let programmes = fields.first(where: { $0.key == "programmes" }) else {
            error("no `programmes:` list in this file", root)
            return
        }
        guard case .sequence(let list) = programmes.value else {
            error("'programmes' must be a list (each entry starting with '- ')", programmes.value)
            return
        }
        for item in list { readProgramme(item) }
    }

    mutating func readGroups(_ node: Yams.Node) {
        guard case .mapping = node else {
            error("'country_groups' must map group names to {label, countries}", node)
            return
        }
        for (id, keyNode, value) in entries(node) {
            let fields = value.valuesByKey
            guard let countriesNode = fields["countries"], let codes = texts(countriesNode) else {
                error("country group '\(id)' needs `countries:` (a list of ISO 3166-1 alpha-2 codes)", keyNode)
                continue
            }
            for code in codes where !RulesReader.isCountryCode(code) {
                error("country group '\(id)': '\(code)' is not an ISO 3166-1 alpha-2 code (two capital letters)", countriesNode)
            }
            let label = fields["label"].flatMap { text($0) } ?? id
            var translated: [String: [String]] = [:]
            if let nb = fields["label_nb"].flatMap({ text($0) }) { translated["nb"] = [nb] }
            if let nn = fields["label_nn"].flatMap({ text($0) }) ?? translated["nb"]?.first { translated["nn"] = [nn] }
            catalogue.groups[id] = CountrySet(codes: Set(codes), label: label, translatedNames: translated)
        }
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.count == 2 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// A country set from a list of group names and codes.
    mutating func countrySet(_ node: Yams.Node, field: String, programme: String) -> CountrySet? {
        guard let items = texts(node), !items.isEmpty else {
            error("programme '\(programme)': '\(field)' must be a list of country codes or group names", node)
            return nil
        }
        var codes: Set<String> = []
        var labels: [String] = []
        var translated: [String: [String]] = ["nb": [], "nn": []]
        for item in items {
            if let group = catalogue.groups[item] {
                codes.formUnion(group.codes)
                labels.append(group.label)
                for language in translated.keys { translated[language]? += group.names(in: language) }
            } else if RulesReader.isCountryCode(item) {
                codes.insert(item)
                labels.append(item)
                for language in translated.keys { translated[language]?.append(item) }
            } else {
                let known = catalogue.groups.keys.sorted().joined(separator: ", ")
                error("programme '\(programme)': '\(item)' in '\(field)' is neither a country code nor a group (groups: \(known))", node)
                return nil
            }
        }
        return CountrySet(codes: codes, label: labels.joined(separator: " or "), names: labels, translatedNames: translated)
    }

    mutating func count(_ node: Yams.Node, field: String, programme: String, minimum: Int = 1) -> Int? {
        guard let value = text(node), let number = Int(value), number >= minimum else {
            error("programme '\(programme)': '\(field)' must be a whole number ≥ \(minimum), not '\(text(node) ?? "a list")'", node)
            return nil
        }
        return number
    }

    mutating func readProgramme(_ item: Yams.Node) {
        guard case .mapping = item else {
            error("each programme must be a mapping of keys to values", item)
            return
        }
        let fields = entries(item)
        let values = item.valuesByKey
        guard let id = values["id"].flatMap({ text($0) }) else {
            error("programme without 'id'", item)
            return
        }
        if catalogue.programmes.contains(where: { $0.id == id }) { error("programme '\(id)' is declared twice", item) }
        for field in ["label", "min_partners", "min_countries", "cite"] where values[field] == nil {
            error("programme '\(id)' has no '\(field)'", item)
        }
        for (key, keyNode, _) in fields where !RulesReader.programmeKeys.contains(key) {
            error("programme '\(id)': unknown key '\(key)' (known: \(RulesReader.programmeKeys.sorted().joined(separator: ", ")))", keyNode)
        }
        var rules = ProgrammeRules(id: id, label: values["label"].flatMap { text($0) } ?? id)
        rules.location = location(item)
        if let node = values["network_ids"] { rules.networkIDs = texts(node) ?? [] }
        if let node = values["min_partners"], let value = count(node, field: "min_partners", programme: id) { rules.minPartners = value }
        if let node = values["max_partners"], text(node) != nil, let value = count(node, field: "max_partners", programme: id) {
            rules.maxPartners = value
            if value < rules.minPartners { error("programme '\(id)': max_partners \(value) is below min_partners \(rules.minPartners)", node) }
        }
        if let node = values["min_countries"], let value = count(node, field: "min_countries", programme: id) { rules.minCountries = value }
        if let node = values["countries_among"] { rules.countriesAmong = countrySet(node, field: "countries_among", programme: id) }
        if let node = values["eligible_countries"] { rules.eligibleCountries = countrySet(node, field: "eligible_countries", programme: id) }
        if let node = values["min_eu"], let value = count(node, field: "min_eu", programme: id) {
            if let eu = catalogue.groups["eu"] {
                rules.minFrom.append(CountryRequirement(countries: CountrySet(codes: eu.codes, label: eu.label, names: eu.names, translatedNames: eu.translatedNames), min: value))
            } else {
                error("programme '\(id)': 'min_eu' needs a country group 'eu' under country_groups", node)
            }
        }
        if let node = values["min_from"] { readMinFrom(node, into: &rules) }
        if let node = values["required_kinds"] { readKinds(node, into: &rules) }
        if let node = values["sides"] {
            if case .sequence(let sides) = node, sides.count >= 2 {
                rules.sides = sides.compactMap { countrySet($0, field: "sides", programme: id) }
            } else {
                error("programme '\(id)': 'sides' must list at least two sides, e.g. [[SE], [NO]]", node)
            }
        }
        if let node = values["lead"] {
            let lead = node.valuesByKey
            if lead.isEmpty { error("programme '\(id)': 'lead' must be a mapping with 'countries' and/or 'kinds'", node) }
            if let countries = lead["countries"] { rules.leadCountries = countrySet(countries, field: "lead.countries", programme: id) }
            if let kinds = lead["kinds"] { rules.leadKinds = texts(kinds) }
        }
        if let node = values["area"] { readArea(node, into: &rules) }
        if let node = values["cite"] { readCitations(node, into: &rules) }
        if let node = values["unconfirmed"] {
            switch text(node)?.lowercased() {
            case "false", "no": break
            case "true", "yes": rules.unconfirmed = ["all"]
            default: rules.unconfirmed = texts(node) ?? []
            }
        }
        if let node = values["primary_missing"] {
            for (entry, fields) in listEntries(node, field: "primary_missing", of: "{rules, document}", programme: id) {
                guard let names = fields["rules"].flatMap({ texts($0) }), !names.isEmpty, let document = fields["document"].flatMap({ text($0) }) else {
                    error("programme '\(id)': each 'primary_missing' entry needs 'rules' (the fields) and 'document' (the primary source that would confirm them)", entry)
                    continue
                }
                rules.primaryMissing.append(MissingPrimarySource(rules: names, document: document))
            }
        }
        rules.note = values["note"].flatMap { text($0) }
        catalogue.programmes.append(rules)
    }

    /// The entries of a list-valued field with their fields by key, or an error naming the expected shape.
    mutating func listEntries(_ node: Yams.Node, field: String, of shape: String, programme: String) -> [(node: Yams.Node, fields: [String: Yams.Node])] {
        guard case .sequence(let list) = node else {
            error("programme '\(programme)': '\(field)' must be a list of \(shape)", node)
            return []
        }
        return list.map { ($0, $0.valuesByKey) }
    }

    mutating func readMinFrom(_ node: Yams.Node, into rules: inout ProgrammeRules) {
        for (entry, fields) in listEntries(node, field: "min_from", of: "{countries, min}", programme: rules.id) {
            guard let countriesNode = fields["countries"], let minNode = fields["min"] else {
                error("programme '\(rules.id)': each 'min_from' entry needs 'countries' and 'min'", entry)
                continue
            }
            if let set = countrySet(countriesNode, field: "min_from", programme: rules.id),
               let min = count(minNode, field: "min_from.min", programme: rules.id) {
                rules.minFrom.append(CountryRequirement(countries: set, min: min))
            }
        }
    }

    mutating func readKinds(_ node: Yams.Node, into rules: inout ProgrammeRules) {
        for (entry, fields) in listEntries(node, field: "required_kinds", of: "{kinds, min}", programme: rules.id) {
            guard let kindsNode = fields["kinds"], let kinds = texts(kindsNode), !kinds.isEmpty else {
                error("programme '\(rules.id)': each 'required_kinds' entry needs 'kinds'", entry)
                continue
            }
            let min = fields["min"].flatMap { count($0, field: "required_kinds.min", programme: rules.id) } ?? 1
            rules.requiredKinds.append(KindRequirement(kinds: kinds, min: min))
        }
    }

    mutating func readArea(_ node: Yams.Node, into rules: inout ProgrammeRules) {
        for (entry, fields) in listEntries(node, field: "area", of: "{nuts, name}", programme: rules.id) {
            guard let code = fields["nuts"].flatMap({ text($0) }), let name = fields["name"].flatMap({ text($0) }) else {
                error("programme '\(rules.id)': each 'area' entry needs 'nuts' (a NUTS code) and 'name'", entry)
                continue
            }
            guard code.count >= 2, code.count <= 5, code.prefix(2).allSatisfy({ $0.isUppercase && $0.isASCII }),
                  code.allSatisfy({ ($0.isUppercase || $0.isNumber) && $0.isASCII }) else {
                error("programme '\(rules.id)': '\(code)' is not a NUTS code (country code and up to 3 more letters or digits, e.g. SE322)", entry)
                continue
            }
            rules.area.append(AreaRegion(nuts: code, name: name))
        }
    }

    mutating func readCitations(_ node: Yams.Node, into rules: inout ProgrammeRules) {
        let items: [Yams.Node]
        if case .sequence(let list) = node { items = Array(list) } else { items = [node] }
        for item in items {
            if case .scalar = item, let title = text(item) {
                rules.cite.append(ProgrammeCitation(title: title))
                continue
            }
            let fields = item.valuesByKey
            guard let title = fields["title"].flatMap({ text($0) }) else {
                error("programme '\(rules.id)': each citation needs a 'title'", item)
                continue
            }
            rules.cite.append(ProgrammeCitation(title: title, url: fields["url"].flatMap { text($0) }, says: fields["says"].flatMap { text($0) },
                                                year: fields["year"].flatMap { text($0) }.flatMap { Int($0) }, section: fields["section"].flatMap { text($0) }))
        }
        if rules.cite.isEmpty { error("programme '\(rules.id)': 'cite' names no document", node) }
    }
}
