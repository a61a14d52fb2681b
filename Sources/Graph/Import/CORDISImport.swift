import Foundation

/// Imports EU project participation tables in CORDIS's layout (`project` + `organization`, CSV as CORDIS
/// publishes them or the JSON export layout), streamed through `TableReader`.
///
/// Columns used (case-insensitive): organisations `projectID`, `organisationID` (the PIC), `vatNumber`, `name`,
/// `shortName`, `country`, `nutsCode`, `role`, `activityType`, `projectAcronym`; projects `id`, `acronym`, `title`,
/// `frameworkProgramme`, `fundingScheme`, `topics`, `masterCall`, `startDate`. An organisation whose VAT number is a
/// Norwegian organisation number (`NO` + 9 digits + `MVA`) gets the id `org-no-<orgnr>` (so it is the same node as
/// in the Research Council's data), others `org-<PIC>`. CORDIS country codes `EL` and `UK` become ISO `GR` and `GB`.
/// Activity types become kinds: HES → university, REC → research, PRC → business, PUB → agency, OTH → network.
/// Roles: `coordinator` is the lead; `thirdParty` and `associatedPartner` are associated; others participants.
public enum CORDISImport {
    public static let source = Source(id: "cordis", title: "CORDIS – EU research and innovation projects and participants",
                                      publisher: "European Commission", url: "https://cordis.europa.eu/")

    public static func read(organizations: String, projects: String?, options: ImportOptions) throws -> Participations {
        var table = Participations(source: source, name: options.shape == .participations ? "CORDIS participations" : "CORDIS co-participation")
        if let projects { try readProjects(projects, into: &table) }
        var reader = try TableReader(path: organizations)
        let column = (
            project: reader.column("projectID", "project_id"), organisation: reader.column("organisationID", "organizationID"),
            vat: reader.column("vatNumber"), name: reader.column("name"), short: reader.column("shortName"), country: reader.column("country"),
            nuts: reader.column("nutsCode"), role: reader.column("role"), order: reader.column("order"), activity: reader.column("activityType"), acronym: reader.column("projectAcronym")
        )
        for (name, index) in [("projectID", column.project), ("organisationID", column.organisation), ("name", column.name), ("country", column.country)] where index == nil {
            throw GraphError.invalidInput([.error("the organisations table has no '\(name)' column (header: \(reader.header.joined(separator: ", ")))", at: reader.headerLocation)])
        }
        reader.wanted = wanted([column.project, column.organisation, column.vat, column.name, column.short, column.country, column.nuts, column.role, column.activity, column.acronym, column.order], count: reader.header.count)
        while let row = try reader.next() {
            table.rows += 1
            guard let projectID = row.value(column.project), let pic = row.value(column.organisation) else {
                table.skippedRows += 1
                table.warnings.append(.warning("row \(row.record) skipped: no projectID or organisationID", at: reader.location(row)))
                continue
            }
            let role = row.value(column.role) ?? ""
            if let roles = options.roles, !roles.contains(role) { continue }
            var attributes: [String: String] = ["pic": pic]
            if let country = row.value(column.country) { attributes["country"] = isoCountry(country) }
            if let short = row.value(column.short) { attributes["short_name"] = short }
            if let activity = row.value(column.activity) { attributes["activity_type"] = activity }
            if let nuts = row.value(column.nuts) { attributes["nuts"] = nuts }
            let orgnr = row.value(column.vat).flatMap(norwegianOrganisationNumber)
            if let orgnr { attributes["orgnr"] = orgnr }
            let id = orgnr.map { "org-no-" + $0 } ?? "org-" + Slug.make(from: pic)
            let org = table.addOrganisation(.init(id: id, label: row.value(column.name) ?? pic, kind: kind(activityType: row.value(column.activity) ?? ""), attributes: attributes))
            var projectAttributes = ["project_id": projectID]
            if let acronym = row.value(column.acronym) { projectAttributes["acronym"] = acronym }
            let project = table.addProject(.init(id: projectNodeID(projectID), label: row.value(column.acronym) ?? projectID, kind: "project", attributes: projectAttributes))
            table.addMembership(project: project, organisation: org, role: role == "coordinator" ? .lead : (role == "thirdParty" || role == "associatedPartner" ? .associated : .participant),
                                attributes: row.value(column.order).map { ["order": $0] } ?? [:])
        }
        try table.finish()
        return table
    }

    static func readProjects(_ path: String, into table: inout Participations) throws {
        var reader = try TableReader(path: path)
        let column = (id: reader.column("id"), acronym: reader.column("acronym"), title: reader.column("title"), programme: reader.column("frameworkProgramme"),
                      scheme: reader.column("fundingScheme"), topics: reader.column("topics"), call: reader.column("masterCall", "call"), start: reader.column("startDate"))
        for (name, index) in [("id", column.id), ("acronym", column.acronym)] where index == nil {
            throw GraphError.invalidInput([.error("the projects table has no '\(name)' column (header: \(reader.header.joined(separator: ", ")))", at: reader.headerLocation)])
        }
        reader.wanted = wanted([column.id, column.acronym, column.title, column.programme, column.scheme, column.topics, column.call, column.start], count: reader.header.count)
        while let row = try reader.next() {
            guard let id = row.value(column.id) else { continue }
            var attributes = ["project_id": id]
            if let acronym = row.value(column.acronym) { attributes["acronym"] = acronym }
            if let title = row.value(column.title) { attributes["title"] = title }
            if let programme = row.value(column.programme) { attributes["programme"] = programme }
            if let scheme = row.value(column.scheme) { attributes["action_type"] = scheme }
            if let topics = row.value(column.topics) { attributes["topic"] = topics }
            if let call = row.value(column.call) { attributes["call"] = call }
            if let start = row.value(column.start), start.count >= 4, Int(start.prefix(4)) != nil { attributes["year"] = String(start.prefix(4)) }
            table.addProject(.init(id: projectNodeID(id), label: row.value(column.acronym) ?? id, kind: "project", attributes: attributes))
        }
    }

    /// The node id of a project of the EU framework programmes (CORDIS `projectID`, the Research Council's `Prosjektnr`).
    static func projectNodeID(_ id: String) -> String { "project-eu-" + Slug.make(from: id) }

    static func wanted(_ columns: [Int?], count: Int) -> [Bool] {
        var wanted = [Bool](repeating: false, count: count)
        for case let index? in columns where index < count { wanted[index] = true }
        return wanted
    }

    /// The organisation number in a Norwegian VAT number (`NO948007029MVA` → `948007029`).
    static func norwegianOrganisationNumber(_ vat: String) -> String? {
        let compact = vat.uppercased().filter { !$0.isWhitespace }
        guard compact.hasPrefix("NO") else { return nil }
        let digits = compact.dropFirst(2).prefix { $0.isNumber }
        return digits.count == 9 ? String(digits) : nil
    }

    /// ISO code of a CORDIS country: EL → GR, UK → GB; a repeated value such as "FI;FI" (it occurs) → FI.
    static func isoCountry(_ text: String) -> String {
        let parts = Set(text.split(separator: ";").map { $0.trimmingSpaces.uppercased() })
        let code = parts.count == 1 ? parts.first ?? text : text.uppercased()
        switch code {
        case "EL": return "GR"
        case "UK": return "GB"
        default: return code
        }
    }

    static func kind(activityType: String) -> String {
        switch activityType.uppercased() {
        case "HES": return "university"
        case "REC": return "research"
        case "PRC": return "business"
        case "PUB": return "agency"
        case "OTH": return "network"
        default: return "node"
        }
    }
}
