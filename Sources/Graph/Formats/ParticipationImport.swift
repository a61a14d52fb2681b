import Foundation

/// Imports EU project participation tables (CORDIS layout: `project` + `organization`) as a co-participation
/// network: organisations tied by the projects they share, weight = number of shared projects.
///
/// Reads CORDIS CSV (`;`-separated, quoted fields, as CORDIS publishes `project.csv` and `organization.csv`;
/// `,` is detected too) by streaming the file in 1 MiB chunks, so memory grows with the number of
/// organisations and ties, never with the file's size: 8 bytes per participation row and 8 bytes per
/// (tie, shared project) pair, in flat arrays. The JSON export layout (an array of row objects) is read
/// whole with `JSONSerialization`.
///
/// Columns used (case-insensitive): organisations `projectID`, `organisationID`, `name`, `shortName`,
/// `country`, `role`, `activityType`; projects `id`, `acronym`, `frameworkProgramme`. CORDIS country codes
/// `EL` and `UK` become ISO `GR` and `GB`. Activity types become kinds: HES → university, REC → research,
/// PRC → business, PUB → agency, OTH → network.
///
/// - Complexity: O(r + t log t) time for r rows and t (tie, project) pairs; O(o + p + r + t) memory for o
///   organisations and p projects.
public enum ParticipationImport {
    public struct Options: Sendable {
        /// Keep only participations with these roles (nil: all; CORDIS roles are coordinator, participant,
        /// partner, thirdParty).
        public var roles: Set<String>?
        /// Skip projects with more participants than this when projecting (their ties are not written).
        public var maxProjectSize: Int?
        /// Drop ties with fewer shared projects than this.
        public var minShared: Int = 1

        public init(roles: Set<String>? = nil, maxProjectSize: Int? = nil, minShared: Int = 1) {
            self.roles = roles
            self.maxProjectSize = maxProjectSize
            self.minShared = minShared
        }
    }

    /// The projected network in flat arrays.
    public struct Table: Sendable {
        public var organisationIDs: [String] = []
        public var names: [String] = []
        public var shortNames: [String] = []
        public var countries: [String] = []
        public var activityTypes: [String] = []
        public var projectCounts: [Int32] = []
        public var coordinatorCounts: [Int32] = []
        /// Framework programmes each organisation took part in, as a bit set over `programmeCodes`.
        public var programmeBits: [UInt32] = []
        public var programmeCodes: [String] = []
        public var projectIDs: [String] = []
        public var projectAcronyms: [String] = []
        /// Ties: organisation indices a < b, number of shared projects, and the first shared project.
        public var tieA: [Int32] = []
        public var tieB: [Int32] = []
        public var tieWeight: [Int32] = []
        public var tieProject: [Int32] = []
        /// Row counts for the summary.
        public var rows = 0
        public var participations = 0
        public var skippedRows = 0
        public var skippedProjects = 0

        public var summary: String {
            "\(rows) participation rows, \(participations) kept, \(organisationIDs.count) organisations, \(projectIDs.count) projects, \(tieA.count) ties"
                + (skippedProjects > 0 ? ", \(skippedProjects) projects over the size limit not projected" : "")
                + (skippedRows > 0 ? ", \(skippedRows) rows without project or organisation id skipped" : "")
        }
    }

    public static let source = Source(id: "cordis", title: "CORDIS – EU research and innovation projects and participants",
                                      publisher: "European Commission", url: "https://cordis.europa.eu/")

    /// Reads the organisations table (CSV or JSON by extension) and optionally the projects table, and projects.
    public static func read(organizations: String, projects: String?, options: Options = Options()) throws -> Table {
        var builder = Builder(options: options)
        for path in [organizations] + (projects.map { [$0] } ?? []) { OutputStage.shared.noteInput(path) }
        if let projects { try readRows(projects) { builder.addProject(&$0) } header: { try builder.projectHeader($0, at: $1) } }
        try readRows(organizations) { builder.addParticipation(&$0) } header: { try builder.organisationHeader($0, at: $1) }
        return try builder.finish()
    }

    /// Reads a table row by row: CSV streamed, JSON (an array of objects) whole. `row` gets the fields in header order;
    /// `header` gets the column names and where they are (line 1 of a CSV file; the file of a JSON table).
    static func readRows(_ path: String, row: (inout [String?]) -> Void, header: ([String], SourceLocation) throws -> [Bool]) throws {
        if path.lowercased().hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else { throw GraphError.file(path: path, reason: "cannot read file") }
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: data) } catch {
                let (reason, line) = NodeLinkFormat.describe(error, in: data)
                throw GraphError.invalidInput([.error("not valid JSON: \(reason)", at: SourceLocation(file: path, line: line))])
            }
            guard let list = object as? [[String: Any]] else { throw GraphError.file(path: path, reason: "expected a JSON array of row objects (the CORDIS export layout)") }
            let keys = Array(Set(list.flatMap(\.keys))).sorted()
            _ = try header(keys, SourceLocation(file: path))
            var fields = [String?](repeating: nil, count: keys.count)
            for item in list {
                for (k, key) in keys.enumerated() {
                    switch item[key] {
                    case nil, is NSNull: fields[k] = nil
                    case let text as String: fields[k] = text
                    case let number as NSNumber: fields[k] = number.stringValue
                    case let other?: fields[k] = "\(other)"
                    }
                }
                row(&fields)
            }
            return
        }
        var reader = try DelimitedReader(path: path)
        guard let names = try reader.next() else { throw GraphError.file(path: path, reason: "file is empty: expected a header row") }
        reader.wanted = try header(names.map { $0 ?? "" }, SourceLocation(file: path, line: 1))
        while var fields = try reader.next() {
            if fields.count == 1 && (fields[0] ?? "").isEmpty { continue }
            row(&fields)
        }
    }

    /// Collects rows into flat arrays, then projects.
    struct Builder {
        let options: Options
        var table = Table()
        var organisationIndex: [String: Int32] = [:]
        var projectIndex: [String: Int32] = [:]
        var programmeIndex: [String: Int] = [:]
        var projectProgramme: [Int32] = []
        /// (project << 32 | organisation) per kept participation.
        var memberships: [UInt64] = []
        var coordinator: [UInt64] = []
        var orgColumns: [String: Int] = [:]
        var projectColumns: [String: Int] = [:]

        init(options: Options) { self.options = options }

        static func columns(_ header: [String]) -> [String: Int] {
            var result: [String: Int] = [:]
            for (i, name) in header.enumerated() {
                let key = name.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).lowercased()
                if result[key] == nil { result[key] = i }
            }
            return result
        }

        static let organisationFields = ["projectid", "organisationid", "name", "shortname", "country", "role", "activitytype", "projectacronym"]
        static let projectFields = ["id", "acronym", "frameworkprogramme"]

        static func wanted(_ columns: [String: Int], _ names: [String], count: Int) -> [Bool] {
            var wanted = [Bool](repeating: false, count: count)
            for name in names { if let i = columns[name], i < count { wanted[i] = true } }
            return wanted
        }

        mutating func organisationHeader(_ header: [String], at location: SourceLocation) throws -> [Bool] {
            orgColumns = Builder.columns(header)
            for alias in [("organizationid", "organisationid"), ("projectid", "projectid"), ("projectid", "project_id")] where orgColumns[alias.1] == nil {
                if let i = orgColumns[alias.0] { orgColumns[alias.1] = i }
            }
            for required in ["projectid", "organisationid", "name", "country"] where orgColumns[required] == nil {
                throw GraphError.invalidInput([.error("the organisations table has no '\(required)' column (header: \(header.joined(separator: ", ")))", at: location)])
            }
            return Builder.wanted(orgColumns, Builder.organisationFields, count: header.count)
        }

        mutating func projectHeader(_ header: [String], at location: SourceLocation) throws -> [Bool] {
            projectColumns = Builder.columns(header)
            for required in ["id", "acronym"] where projectColumns[required] == nil {
                throw GraphError.invalidInput([.error("the projects table has no '\(required)' column (header: \(header.joined(separator: ", ")))", at: location)])
            }
            return Builder.wanted(projectColumns, Builder.projectFields, count: header.count)
        }

        func value(_ fields: [String?], _ column: Int?) -> String? {
            guard let column, column < fields.count, let text = fields[column] else { return nil }
            let trimmed = text.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        }

        mutating func projectNumber(_ id: String) -> Int32 {
            if let known = projectIndex[id] { return known }
            let index = Int32(table.projectIDs.count)
            projectIndex[id] = index
            table.projectIDs.append(id)
            table.projectAcronyms.append(id)
            projectProgramme.append(-1)
            return index
        }

        mutating func addProject(_ fields: inout [String?]) {
            guard let id = value(fields, projectColumns["id"]) else { return }
            let index = projectNumber(id)
            if let acronym = value(fields, projectColumns["acronym"]) { table.projectAcronyms[Int(index)] = acronym }
            if let programme = value(fields, projectColumns["frameworkprogramme"]) {
                let bit: Int
                if let known = programmeIndex[programme] { bit = known } else {
                    bit = table.programmeCodes.count
                    if bit < 32 {
                        programmeIndex[programme] = bit
                        table.programmeCodes.append(programme)
                    }
                }
                if bit < 32 { projectProgramme[Int(index)] = Int32(bit) }
            }
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

        mutating func addParticipation(_ fields: inout [String?]) {
            table.rows += 1
            guard let projectID = value(fields, orgColumns["projectid"]), let organisationID = value(fields, orgColumns["organisationid"]) else {
                table.skippedRows += 1
                return
            }
            let role = value(fields, orgColumns["role"]) ?? ""
            if let roles = options.roles, !roles.contains(role) { return }
            table.participations += 1
            let project = projectNumber(projectID)
            if let acronym = value(fields, orgColumns["projectacronym"]), table.projectAcronyms[Int(project)] == projectID {
                table.projectAcronyms[Int(project)] = acronym
            }
            let organisation: Int32
            if let known = organisationIndex[organisationID] { organisation = known } else {
                organisation = Int32(table.organisationIDs.count)
                organisationIndex[organisationID] = organisation
                table.organisationIDs.append(organisationID)
                table.names.append(value(fields, orgColumns["name"]) ?? organisationID)
                table.shortNames.append(value(fields, orgColumns["shortname"]) ?? "")
                table.countries.append(value(fields, orgColumns["country"]).map(Builder.isoCountry) ?? "")
                table.activityTypes.append(value(fields, orgColumns["activitytype"]) ?? "")
                table.projectCounts.append(0)
                table.coordinatorCounts.append(0)
                table.programmeBits.append(0)
            }
            let key = UInt64(UInt32(bitPattern: project)) << 32 | UInt64(UInt32(bitPattern: organisation))
            memberships.append(key)
            if role == "coordinator" { coordinator.append(key) }
        }

        mutating func finish() throws -> Table {
            memberships.sort()
            var unique: [UInt64] = []
            unique.reserveCapacity(memberships.count)
            for key in memberships where unique.last != key { unique.append(key) }
            memberships = []
            coordinator.sort()
            var coordinated: UInt64? = nil
            for key in coordinator where coordinated != key {
                coordinated = key
                table.coordinatorCounts[Int(key & 0xFFFF_FFFF)] += 1
            }
            let organisationCount = table.organisationIDs.count
            let projectCount = table.projectIDs.count
            guard organisationCount < 1 << 22, projectCount < 1 << 20 else {
                throw GraphError.invalidArgument("too large to project: \(organisationCount) organisations and \(projectCount) projects (limits 4,194,304 and 1,048,576)")
            }
            // Emit (a, b, project) packed as a:22 | b:22 | project:20 and sort: runs give weights, run starts the first project.
            var pairs: [UInt64] = []
            var start = 0
            while start < unique.count {
                let project = unique[start] >> 32
                var end = start
                while end < unique.count && unique[end] >> 32 == project { end += 1 }
                let size = end - start
                for k in start..<end {
                    let org = Int(unique[k] & 0xFFFF_FFFF)
                    table.projectCounts[org] += 1
                    let bit = projectProgramme[Int(project)]
                    if bit >= 0 { table.programmeBits[org] |= 1 << UInt32(bit) }
                }
                if let limit = options.maxProjectSize, size > limit {
                    table.skippedProjects += 1
                } else {
                    for i in start..<end {
                        let a = unique[i] & 0xFFFF_FFFF
                        for j in (i + 1)..<end {
                            let b = unique[j] & 0xFFFF_FFFF
                            pairs.append(a << 42 | b << 20 | project)
                        }
                    }
                }
                start = end
            }
            unique = []
            pairs.sort()
            var i = 0
            while i < pairs.count {
                let tie = pairs[i] >> 20
                var j = i
                while j < pairs.count && pairs[j] >> 20 == tie { j += 1 }
                if j - i >= options.minShared {
                    table.tieA.append(Int32(tie >> 22))
                    table.tieB.append(Int32(tie & 0x3F_FFFF))
                    table.tieWeight.append(Int32(j - i))
                    table.tieProject.append(Int32(pairs[i] & 0xF_FFFF))
                }
                i = j
            }
            return table
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

    static func nodeID(_ organisationID: String) -> String { "org-" + Slug.make(from: organisationID) }

    static func tiePage(_ table: Table, _ k: Int) -> String {
        let project = Int(table.tieProject[k])
        let first = "\(table.projectAcronyms[project]) (\(table.projectIDs[project]))"
        let more = Int(table.tieWeight[k]) - 1
        return more > 0 ? "\(first) and \(more) more" : first
    }

    static func programmes(_ table: Table, _ org: Int) -> String {
        table.programmeCodes.enumerated().filter { table.programmeBits[org] & (1 << UInt32($0.offset)) != 0 }.map(\.element).joined(separator: "; ")
    }

    /// The projected network as a `Network` (for moderate sizes; the writers below stream instead).
    public static func network(_ table: Table, name: String = "CORDIS co-participation") -> Network {
        var network = Network(name: name, sources: [source.id: source])
        for org in table.organisationIDs.indices {
            var attributes: [String: String] = ["cordis_id": table.organisationIDs[org], "projects": String(table.projectCounts[org])]
            if !table.countries[org].isEmpty { attributes["country"] = table.countries[org] }
            if !table.shortNames[org].isEmpty { attributes["short_name"] = table.shortNames[org] }
            if !table.activityTypes[org].isEmpty { attributes["activity_type"] = table.activityTypes[org] }
            if table.coordinatorCounts[org] > 0 { attributes["coordinated"] = String(table.coordinatorCounts[org]) }
            let programmes = programmes(table, org)
            if !programmes.isEmpty { attributes["programmes"] = programmes }
            network.upsert(Node(id: nodeID(table.organisationIDs[org]), label: table.names[org], kind: kind(activityType: table.activityTypes[org]), attributes: attributes))
        }
        for k in table.tieA.indices {
            network.edges.append(Edge(from: nodeID(table.organisationIDs[Int(table.tieA[k])]), to: nodeID(table.organisationIDs[Int(table.tieB[k])]),
                                      relation: "cooperates_with", citations: [Citation(source: source.id, page: tiePage(table, k))],
                                      weight: Double(table.tieWeight[k])))
        }
        return network
    }

    /// Writes `nodes.csv`, `edges.csv` and `sources.yaml` (declaring the `cordis` source) into a folder,
    /// streaming row by row; the folder reads back as a network.
    public static func writeFolder(_ table: Table, to folder: String) throws {
        try OutputStage.shared.prepareFolder(folder)
        let base = URL(fileURLWithPath: folder)
        try StreamingFile.write(to: base.appendingPathComponent("nodes.csv").path) { out in
            try out.write(CSVFormat.line(["id", "label", "kind", "tags", "activity_type", "coordinated", "cordis_id", "country", "programmes", "projects", "short_name"]))
            for org in table.organisationIDs.indices {
                try out.write(CSVFormat.line([nodeID(table.organisationIDs[org]), table.names[org], kind(activityType: table.activityTypes[org]), "",
                                          table.activityTypes[org], table.coordinatorCounts[org] > 0 ? String(table.coordinatorCounts[org]) : "",
                                          table.organisationIDs[org], table.countries[org], programmes(table, org), String(table.projectCounts[org]), table.shortNames[org]]))
            }
        }
        try StreamingFile.write(to: base.appendingPathComponent("edges.csv").path) { out in
            try out.write(CSVFormat.line(["from", "to", "relation", "weight", "cite", "page", "since", "until"]))
            for k in table.tieA.indices {
                try out.write(CSVFormat.line([nodeID(table.organisationIDs[Int(table.tieA[k])]), nodeID(table.organisationIDs[Int(table.tieB[k])]),
                                          "cooperates_with", String(table.tieWeight[k]), source.id, tiePage(table, k), "", ""]))
            }
        }
        let sources = """
        # Written by `netmap import cordis`: the source every tie of edges.csv cites.
        sources:
          cordis:
            title: \(source.title)
            publisher: \(source.publisher ?? "")
            url: \(source.url ?? "")

        """
        try AtomicFile.write(sources, to: base.appendingPathComponent("sources.yaml").path)
    }

    /// Writes NetworkX node-link JSON (as `netmap export --format json`), streaming node by node and tie by tie.
    public static func writeJSON(_ table: Table, to path: String) throws {
        func quoted(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
            let array = String(decoding: data, as: UTF8.self)
            return String(array.dropFirst().dropLast())
        }
        try StreamingFile.write(to: path) { out in
            try out.write("{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"CORDIS co-participation\", ")
            try out.write("\"relations\": {\"cooperates_with\": {\"label\": \"cooperates with\", \"symmetric\": true}}, ")
            try out.write("\"sources\": {\"cordis\": {\"title\": \(quoted(source.title)), \"publisher\": \(quoted(source.publisher ?? "")), \"url\": \(quoted(source.url ?? ""))}}},\n\"nodes\": [")
            for org in table.organisationIDs.indices {
                var fields = ["\"id\": \(quoted(nodeID(table.organisationIDs[org])))", "\"label\": \(quoted(table.names[org]))",
                              "\"kind\": \(quoted(kind(activityType: table.activityTypes[org])))", "\"cordis_id\": \(quoted(table.organisationIDs[org]))",
                              "\"projects\": \(quoted(String(table.projectCounts[org])))"]
                if !table.countries[org].isEmpty { fields.append("\"country\": \(quoted(table.countries[org]))") }
                if !table.shortNames[org].isEmpty { fields.append("\"short_name\": \(quoted(table.shortNames[org]))") }
                if !table.activityTypes[org].isEmpty { fields.append("\"activity_type\": \(quoted(table.activityTypes[org]))") }
                if table.coordinatorCounts[org] > 0 { fields.append("\"coordinated\": \(quoted(String(table.coordinatorCounts[org])))") }
                let programmes = programmes(table, org)
                if !programmes.isEmpty { fields.append("\"programmes\": \(quoted(programmes))") }
                try out.write((org == 0 ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}")
            }
            try out.write("\n],\n\"edges\": [")
            for k in table.tieA.indices {
                let fields = ["\"source\": \(quoted(nodeID(table.organisationIDs[Int(table.tieA[k])])))", "\"target\": \(quoted(nodeID(table.organisationIDs[Int(table.tieB[k])])))",
                              "\"key\": 0", "\"relation\": \"cooperates_with\"", "\"weight\": \(table.tieWeight[k])",
                              "\"cite\": [\"cordis\"]", "\"page\": \(quoted(tiePage(table, k)))"]
                try out.write((k == 0 ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}")
            }
            try out.write("\n]}\n")
        }
    }
}

/// A text file written piece by piece through the output stage (`OutputStage.stream`).
enum StreamingFile {
    static func write(to path: String, _ body: (OutputStage.OutputStream) throws -> Void) throws {
        try OutputStage.shared.stream(to: path, body)
    }
}

/// Streams a delimited text file (`;` or `,`, detected from the header line) record by record, handling
/// quoted fields with doubled quotes and line breaks inside quotes. Reads 1 MiB at a time.
struct DelimitedReader {
    let path: String
    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private(set) var delimiter: UInt8 = UInt8(ascii: ";")
    private var line = 0
    /// When set, fields at positions marked false are skipped (returned as nil) without building text.
    var wanted: [Bool]?

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw GraphError.file(path: path, reason: "cannot open file") }
        self.handle = handle
        try fill()
        // Delimiter: whichever of ';' and ',' occurs more often (outside quotes) on the first line.
        var semicolons = 0, commas = 0, quoted = false
        for byte in chunk {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 } else if byte == UInt8(ascii: ",") { commas += 1 }
        }
        delimiter = commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }

    private mutating func fill() throws {
        let data = handle.readData(ofLength: 1 << 20)
        if data.isEmpty {
            atEnd = true
            chunk = []
        } else {
            chunk = [UInt8](data)
        }
        position = 0
    }

    private mutating func nextByte() throws -> UInt8? {
        if position >= chunk.count {
            if atEnd { return nil }
            try fill()
            if atEnd { return nil }
        }
        let byte = chunk[position]
        position += 1
        return byte
    }

    private mutating func peekByte() throws -> UInt8? {
        if position >= chunk.count {
            if atEnd { return nil }
            try fill()
            if atEnd { return nil }
        }
        return chunk[position]
    }

    private func keep(_ column: Int) -> Bool {
        guard let wanted else { return true }
        return column < wanted.count && wanted[column]
    }

    /// The next record's fields, or nil at the end of the file.
    mutating func next() throws -> [String?]? {
        guard try peekByte() != nil else { return nil }
        line += 1
        var fields: [String?] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteLine = line
        while let byte = try nextByte() {
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") {
                        _ = try nextByte()
                        field.append(byte)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                quoteLine = line
            case delimiter:
                fields.append(keep(fields.count) ? String(decoding: field, as: UTF8.self) : nil)
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\n"):
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(keep(fields.count) ? String(decoding: field, as: UTF8.self) : nil)
                return fields
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw GraphError.invalidInput([.error("a quoted field is not closed before the end of the file (it opens on this line)", at: SourceLocation(file: path, line: quoteLine))])
        }
        if field.last == UInt8(ascii: "\r") { field.removeLast() }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
