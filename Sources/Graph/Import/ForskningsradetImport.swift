import Foundation

/// Imports the Research Council of Norway's list of EU grants to Norwegian organisations (`;`-separated, UTF-8,
/// Norwegian column names as published), streamed through `TableReader`.
///
/// Organisations: id `org-no-<Organisasjonsnummer>` (the same node as a Norwegian organisation in CORDIS),
/// `label` = `Organisasjonsnavn` as written, `orgnr`, `country: NO`, `county` = `Adresse fylke`, `sector` =
/// `FoU sektor`, `nuts` = the county's NUTS 3 code (2021 classification, from `Adresse fylkenummer`). Kind from the
/// sector: UoH-sektor → university, Instituttsektor → research, Næringsliv → business, Helseforetak and Norges
/// forskningsråd → agency; among Øvrige, names ending in "fylkeskommune" → county, "kommune" → municipality, else
/// network. Projects: id `project-eu-<Prosjektnr>` (Prosjektnr is CORDIS's projectID), `label` = `Prosjektkortnavn`,
/// `project_id`, `title` = `Prosjektnavn`, `topic` (`Topic`), `topic_code`, `programme_area`, `programme` (`Rammeprogram`),
/// `programme_code` (`Programkortnavn (H2020)`), `action_type` (`Søknadstype`), `call` (`Utlysnings-id`), `year` (of
/// `Kontrakt startdato`). `Organisasjon rolle` COORDINATOR is the lead; a `participates_in` tie carries `order`
/// (`Deltakernr`, the place in the consortium) and `budget` (`Innvilget beløp organisasjon EUR`). A row without `Organisasjonsnummer` or
/// `Prosjektnr` is skipped with a warning naming its line.
public enum ForskningsradetImport {
    public static let source = Source(id: "forskningsradet", title: "Norwegian participation in Horizon 2020 (EU grants to Norwegian organisations)",
                                      publisher: "Norges forskningsråd (the Research Council of Norway)", url: "https://www.forskningsradet.no/")

    static let required = ["Prosjektnr", "Prosjektkortnavn", "Organisasjonsnummer", "Organisasjonsnavn", "Organisasjon rolle"]

    /// NUTS 2021 level-3 codes of the Norwegian counties of 2020–2023, by county number.
    static let countyNUTS: [String: String] = [
        "03": "NO081", "30": "NO082", "34": "NO020", "38": "NO091", "42": "NO092", "11": "NO0A1",
        "46": "NO0A2", "15": "NO0A3", "50": "NO060", "18": "NO071", "54": "NO074",
    ]

    public static func read(grants path: String, options: ImportOptions) throws -> Participations {
        var table = Participations(source: source, name: options.shape == .participations ? "Research Council of Norway: Horizon 2020 participations" : "Research Council of Norway: Horizon 2020 co-participation")
        var reader = try TableReader(path: path)
        for name in required where reader.column(name) == nil {
            throw GraphError.invalidInput([.error("the grants table has no '\(name)' column (is it the Research Council's ';'-separated export? header: \(reader.header.prefix(12).joined(separator: ", "))...)", at: reader.headerLocation)])
        }
        let c = (
            project: reader.column("Prosjektnr"), acronym: reader.column("Prosjektkortnavn"), title: reader.column("Prosjektnavn"),
            area: reader.column("Programområde (H2020)"), programme: reader.column("Rammeprogram"), programmeCode: reader.column("Programkortnavn (H2020)"),
            topic: reader.column("Topic"), topicCode: reader.column("Topic kode"), action: reader.column("Søknadstype"), call: reader.column("Utlysnings-id"),
            start: reader.column("Kontrakt startdato"), orgnr: reader.column("Organisasjonsnummer"), name: reader.column("Organisasjonsnavn"),
            role: reader.column("Organisasjon rolle"), sector: reader.column("FoU sektor"), county: reader.column("Adresse fylke"),
            countyNumber: reader.column("Adresse fylkenummer"), participant: reader.column("Deltakernr"), amount: reader.column("Innvilget beløp organisasjon EUR")
        )
        reader.wanted = CORDISImport.wanted([c.project, c.acronym, c.title, c.area, c.programme, c.programmeCode, c.topic, c.topicCode, c.action, c.call, c.start,
                                             c.orgnr, c.name, c.role, c.sector, c.county, c.countyNumber, c.participant, c.amount], count: reader.header.count)
        while let row = try reader.next() {
            table.rows += 1
            guard let projectID = row.value(c.project) else {
                table.skippedRows += 1
                table.warnings.append(.warning("row skipped: no Prosjektnr", at: reader.location(row)))
                continue
            }
            guard let orgnr = row.value(c.orgnr) else {
                table.skippedRows += 1
                table.warnings.append(.warning("row skipped: project \(projectID) lists '\(row.value(c.name) ?? "")' without an Organisasjonsnummer", at: reader.location(row)))
                continue
            }
            let role = row.value(c.role) ?? ""
            if let roles = options.roles, !roles.contains(role) { continue }
            guard role == "COORDINATOR" || role == "PARTICIPANT" else {
                throw GraphError.invalidInput([.error("Organisasjon rolle '\(role)' of \(orgnr) in project \(projectID) is neither COORDINATOR nor PARTICIPANT", at: reader.location(row))])
            }
            let name = row.value(c.name) ?? orgnr
            let sector = row.value(c.sector)
            var attributes: [String: String] = ["orgnr": orgnr, "country": "NO"]
            if let county = row.value(c.county) { attributes["county"] = county }
            if let sector { attributes["sector"] = sector }
            if let number = row.value(c.countyNumber).map({ $0.count == 1 ? "0" + $0 : $0 }), let nuts = countyNUTS[number] { attributes["nuts"] = nuts }
            let org = table.addOrganisation(.init(id: "org-no-" + Slug.make(from: orgnr), label: name, kind: kind(sector: sector, name: name), attributes: attributes))
            var project: [String: String] = ["project_id": projectID]
            for (key, column) in [("title", c.title), ("topic", c.topic), ("topic_code", c.topicCode), ("programme_area", c.area), ("programme", c.programme),
                                  ("programme_code", c.programmeCode), ("action_type", c.action), ("call", c.call)] {
                if let value = row.value(column) { project[key] = value }
            }
            if let start = row.value(c.start), let year = start.split(separator: ".").dropFirst(2).first?.prefix(4), Int(year) != nil { project["year"] = String(year) }
            let projectIndex = table.addProject(.init(id: CORDISImport.projectNodeID(projectID), label: row.value(c.acronym) ?? projectID, kind: "project", attributes: project))
            var tie: [String: String] = [:]
            if let order = row.value(c.participant) { tie["order"] = order }
            if let amount = row.value(c.amount) { tie["budget"] = amount }
            table.addMembership(project: projectIndex, organisation: org, role: role == "COORDINATOR" ? .lead : .participant, attributes: tie)
        }
        try table.finish()
        return table
    }

    static func kind(sector: String?, name: String) -> String {
        switch sector {
        case "UoH-sektor": return "university"
        case "Instituttsektor": return "research"
        case "Næringsliv": return "business"
        case "Helseforetak", "Norges forskningsråd": return "agency"
        default:
            let lower = name.lowercased()
            if lower.hasSuffix("fylkeskommune") { return "county" }
            if lower.hasSuffix("kommune") { return "municipality" }
            return sector == nil || sector == "ukjent" ? "node" : "network"
        }
    }
}
