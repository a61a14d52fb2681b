import Foundation

/// Imports partner lists of Interreg projects, streamed through `TableReader`: the Swedish agency Tillväxtverket's
/// register (a JSON array with `program`, `projektnamn`, `organisationsnamn`, `organisationstyp`,
/// `organisationsroll` LP/PP/AP, `nuts3`, `politisktmal`, `specifiktmal`, `projektår`, `land`, ...) or keep.eu's partner
/// export layout (CSV with `Programme`, `Project acronym`, `Partner name`, `Partner role` Lead partner/Project
/// partner, `Country`, `NUTS3`, ...; the column names accepted for each field are listed in `columns`).
///
/// Organisations have no identifier in these lists, so one is the same organisation as another only when its name
/// (as written) and country are equal: id `org-name-<country>-<slug of the name>`; near-identical names are
/// reported as possible duplicates, never merged. Attributes: `country` (ISO code), `region` (the NUTS 3 region
/// as written) and `nuts` (its code; Swedish county names are translated with the NUTS 2021 table below),
/// `organisation_type`. Projects: id `project-interreg-<programme>-<slug of the project>`, `programme` (the id of
/// data/programmes.yaml where the programme is known there, else the name as written), `programme_name`,
/// `policy_objective`, `specific_objective`, `strand`, `project_type`, `year`. A row without a partner name is
/// skipped with a warning naming its line and record; a role other than lead/partner/associated is an error.
public enum InterregImport {
    public static let source = Source(id: "interreg", title: "Interreg 2021–2027 project partners (Tillväxtverket's register of Swedish partners; keep.eu)",
                                      publisher: "Tillväxtverket; Interact (keep.eu)", url: "https://keep.eu/")

    /// Accepted column names per field, first match wins (case-insensitive).
    public static let columns: [String: [String]] = [
        "programme": ["program", "programme", "programme name"],
        "project": ["projektnamn", "project acronym", "acronym", "project", "project name"],
        "title": ["project name in english", "project name"],
        "partner": ["organisationsnamn", "partner name", "partner", "organisation name", "organisation", "name"],
        "role": ["organisationsroll", "partner role", "partner's role", "role", "type of partner"],
        "country": ["land", "country", "partner country", "country code"],
        "nuts": ["nuts3", "nuts 3", "nuts3 code", "nuts code", "nuts", "partner nuts3"],
        "type": ["organisationstyp", "partner type", "type of organisation", "organisation type"],
        "objective": ["politisktmal", "policy objective"],
        "specific": ["specifiktmal", "specific objective"],
        "year": ["projektår", "year", "startdatum", "start date", "project start date"],
        "strand": ["strand_kod", "strand"],
        "projectType": ["projekttyp", "project type"],
        "budget": ["partnerbudget", "partner budget", "budget", "total budget"],
    ]

    /// NUTS 2021 level-3 codes of the Swedish counties (län).
    static let swedishNUTS: [String: String] = [
        "stockholms län": "SE110", "uppsala län": "SE121", "södermanlands län": "SE122", "östergötlands län": "SE123",
        "örebro län": "SE124", "västmanlands län": "SE125", "jönköpings län": "SE211", "kronobergs län": "SE212",
        "kalmar län": "SE213", "gotlands län": "SE214", "blekinge län": "SE221", "skåne län": "SE224",
        "hallands län": "SE231", "västra götalands län": "SE232", "värmlands län": "SE311", "dalarnas län": "SE312",
        "gävleborgs län": "SE313", "västernorrlands län": "SE321", "jämtlands län": "SE322", "västerbottens län": "SE331",
        "norrbottens län": "SE332",
    ]

    static let countryCodes: [String: String] = [
        "sverige": "SE", "sweden": "SE", "norge": "NO", "norway": "NO", "suomi": "FI", "finland": "FI", "danmark": "DK", "denmark": "DK",
        "island": "IS", "iceland": "IS", "deutschland": "DE", "germany": "DE", "tyskland": "DE", "estonia": "EE", "latvia": "LV", "lithuania": "LT",
        "poland": "PL", "ireland": "IE", "netherlands": "NL", "belgium": "BE", "france": "FR", "faroe islands": "FO", "greenland": "GL",
    ]

    /// The data/programmes.yaml id of a programme named as the register or keep.eu names it.
    static func programmeID(_ name: String) -> String? {
        let text = name.lowercased().folding(options: .diacriticInsensitive, locale: Locale(identifier: "en"))
        let table: [(String, String)] = [
            ("sverige-norge", "interreg-se-no"), ("sweden-norway", "interreg-se-no"), ("aurora", "interreg-aurora"),
            ("northern periphery", "interreg-npa"), ("npa", "interreg-npa"), ("north sea", "interreg-north-sea"),
            ("baltic sea region", "interreg-bsr"), ("interreg europe", "interreg-europe"), ("oresund", "interreg-oks"),
            ("kattegat", "interreg-oks"), ("south baltic", "interreg-south-baltic"), ("central baltic", "interreg-central-baltic"),
            ("urbact", "urbact"),
        ]
        return table.first { text.contains($0.0) }?.1
    }

    static func role(_ text: String) -> ParticipationRole? {
        switch text.lowercased() {
        case "lp", "lead partner", "lead", "lead beneficiary": return .lead
        case "pp", "project partner", "partner", "beneficiary": return .participant
        case "ap", "associated partner", "associated", "associated organisation": return .associated
        default: return nil
        }
    }

    static func kind(_ type: String?) -> String {
        let text = (type ?? "").lowercased()
        if text.contains("higher education") || text.contains("education and research") || text.contains("university") { return "university" }
        if text.contains("local public") { return "municipality" }
        if text.contains("regional public") { return "region" }
        if text.contains("national public") || text.contains("sectoral agency") || text.contains("public law") || text.contains("infrastructure") || text.contains("hospital") { return "agency" }
        if text.contains("enterprise") || text.contains("sme") { return "business" }
        if text.contains("business support") || text.contains("ngo") || text.contains("interest group") || text.contains("international") || text.contains("egtc") { return "network" }
        return "node"
    }

    public static func read(partners path: String, options: ImportOptions) throws -> Participations {
        var table = Participations(source: source, name: options.shape == .participations ? "Interreg partners" : "Interreg co-participation")
        var reader = try TableReader(path: path)
        var c: [String: Int] = [:]
        for (field, names) in columns { if let index = reader.column(names) { c[field] = index } }
        for field in ["programme", "project", "partner", "role"] where c[field] == nil {
            throw GraphError.invalidInput([.error("the partner list has no \(field) column (accepted names: \(columns[field]?.joined(separator: ", ") ?? ""); header: \(reader.header.joined(separator: ", ")))", at: reader.headerLocation)])
        }
        reader.wanted = CORDISImport.wanted(Array(c.values), count: reader.header.count)
        while let row = try reader.next() {
            table.rows += 1
            let at = reader.location(row)
            guard let programme = row.value(c["programme"]), let projectName = row.value(c["project"]) else {
                table.skippedRows += 1
                table.warnings.append(.warning("record \(row.record) skipped: no programme or project name", at: at))
                continue
            }
            guard let partner = row.value(c["partner"]) else {
                table.skippedRows += 1
                table.warnings.append(.warning("record \(row.record) skipped: a partner of '\(projectName)' (\(programme)) has no name", at: at))
                continue
            }
            let roleText = row.value(c["role"]) ?? ""
            guard let role = role(roleText) else {
                throw GraphError.invalidInput([.error("record \(row.record): role '\(roleText)' of '\(partner)' in '\(projectName)' is not lead (LP, Lead partner), partner (PP, Project partner) or associated (AP, Associated partner)", at: at)])
            }
            if let roles = options.roles, !roles.contains(roleText) { continue }
            let countryText = row.value(c["country"])
            let country = countryText.map { $0.count == 2 ? $0.uppercased() : countryCodes[$0.lowercased()] ?? $0 }
            var attributes: [String: String] = [:]
            if let country { attributes["country"] = country }
            if let nuts = row.value(c["nuts"]) {
                if let code = swedishNUTS[nuts.lowercased()] {
                    attributes["nuts"] = code
                    attributes["region"] = nuts
                } else if nuts.count >= 3, nuts.count <= 5, nuts.prefix(2).allSatisfy({ $0.isUppercase }) {
                    attributes["nuts"] = nuts
                } else {
                    attributes["region"] = nuts
                }
            }
            if let type = row.value(c["type"]) { attributes["organisation_type"] = type }
            let id = "org-name-" + Slug.make(from: (country ?? "xx") + " " + partner)
            let org = table.addOrganisation(.init(id: id, label: partner, kind: kind(row.value(c["type"])), attributes: attributes))
            let programmeID = programmeID(programme)
            var project: [String: String] = ["programme": programmeID ?? programme, "programme_name": programme, "project_id": projectName]
            for (key, field) in [("policy_objective", "objective"), ("specific_objective", "specific"), ("strand", "strand"), ("project_type", "projectType"), ("title", "title")] {
                if let value = row.value(c[field]) { project[key] = value }
            }
            if let year = row.value(c["year"]), year.count >= 4, Int(year.prefix(4)) != nil { project["year"] = String(year.prefix(4)) }
            if let objective = project["policy_objective"], let words = policyObjectives[objective] { project["policy_objective_name"] = words }
            let projectIndex = table.addProject(.init(id: "project-interreg-" + Slug.make(from: (programmeID ?? programme) + " " + projectName), label: projectName, kind: "project", attributes: project))
            table.addMembership(project: projectIndex, organisation: org, role: role, attributes: row.value(c["budget"]).map { ["budget": $0] } ?? [:])
        }
        try table.finish()
        return table
    }

    /// The policy objectives of cohesion policy 2021–2027 (Regulation (EU) 2021/1060, Article 5(1)) and the
    /// Interreg-specific objectives (Regulation (EU) 2021/1059, Article 14(4)–(5)), as words for thematic matching.
    public static let policyObjectives: [String: String] = [
        "PO1": "a more competitive and smarter Europe: innovation, digitalisation, small businesses, smart specialisation, skills",
        "PO2": "a greener, low-carbon Europe: energy efficiency, renewable energy, climate change adaptation, water, circular economy, biodiversity, urban mobility",
        "PO3": "a more connected Europe: mobility, transport networks",
        "PO4": "a more social and inclusive Europe: employment, education, training, social inclusion, health, culture and tourism",
        "PO5": "a Europe closer to citizens: local development, cultural heritage, tourism, security",
        "ISO": "a better cooperation governance: institutional capacity, legal and administrative cooperation, people-to-people, trust",
        "ISO1": "a better cooperation governance: institutional capacity, legal and administrative cooperation, people-to-people, trust",
        "ISO2": "a safer and more secure Europe: border crossing management, mobility and migration",
    ]
}
