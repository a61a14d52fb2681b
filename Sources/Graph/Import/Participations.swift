import Foundation

/// What an importer writes: what really happened (organisation —participates_in→ project) or the
/// organisation–organisation projection (tied by the projects they share).
public enum ImportShape: String, CaseIterable, Sendable {
    case participations
    case coParticipation = "co-participation"
}

/// The role of an organisation in one project.
public enum ParticipationRole: UInt64, Sendable, Comparable {
    case participant = 0, associated = 1, lead = 2

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// How the role is written on a `participates_in` tie.
    public var name: String {
        switch self {
        case .participant: return "partner"
        case .associated: return "associated"
        case .lead: return "lead"
        }
    }
}

/// Options every importer shares.
public struct ImportOptions: Sendable {
    public var shape: ImportShape
    /// Keep only participations with these roles as written in the source (nil: all).
    public var roles: Set<String>?
    /// Co-participation: do not project projects with more participants than this (they still count per organisation).
    public var maxProjectSize: Int?
    /// Co-participation: drop ties with fewer shared projects than this.
    public var minShared: Int = 1

    public init(shape: ImportShape, roles: Set<String>? = nil, maxProjectSize: Int? = nil, minShared: Int = 1) {
        self.shape = shape
        self.roles = roles
        self.maxProjectSize = maxProjectSize
        self.minShared = minShared
    }
}

/// Participations read from someone else's table: organisations, projects and who took part in what, in flat
/// arrays, shared by every importer (CORDIS, the Research Council of Norway, Interreg).
///
/// **Identity.** An organisation is keyed by the strongest identifier its source gives: a Norwegian organisation
/// number (`org-no-<orgnr>`, also found in CORDIS VAT numbers `NO<orgnr>MVA`), else a CORDIS PIC (`org-<pic>`),
/// else its name within the source (`org-<source>-<slug of the name>`). Rows with the same key merge; rows whose
/// names normalise alike (case, accents, punctuation and legal-form words such as AS, AB, OY, GmbH dropped) but
/// whose keys differ are **not** merged: `possibleDuplicates` lists them for a person to judge.
///
/// Memory: the organisation and project records (their attributes as text), 8 bytes per participation, and
/// for the co-participation projection 8 bytes per (pair, shared project) — never the size of the file.
///
/// - Complexity: O(r + t log t) time for r rows and t (pair, project) entries.
public struct Participations: Sendable {
    public struct Record: Sendable {
        public var id: String
        public var label: String
        public var kind: String
        public var attributes: [String: String]
    }

    public var source: Source
    public var name: String
    public var organisations: [Record] = []
    public var projects: [Record] = []
    /// project << 32 | organisation << 2 | role, sorted and unique after `finish()`.
    public private(set) var memberships: [UInt64] = []
    /// Attributes of single participations (`order` in the consortium, `budget`), by project << 32 | organisation << 2.
    public private(set) var membershipAttributes: [UInt64: [String: String]] = [:]
    /// Rows read, rows kept, and problems worth a warning (`file:line`), in file order.
    public var rows = 0
    public var kept = 0
    public var warnings: [Diagnostic] = []
    public var skippedRows = 0
    private var organisationIndex: [String: Int32] = [:]
    private var projectIndex: [String: Int32] = [:]

    public init(source: Source, name: String) {
        self.source = source
        self.name = name
    }

    public func organisation(_ id: String) -> Int? { organisationIndex[id].map(Int.init) }
    public func project(_ id: String) -> Int? { projectIndex[id].map(Int.init) }

    /// Adds an organisation, or merges into the one with the same id: attributes it lacks are filled in.
    @discardableResult
    public mutating func addOrganisation(_ record: Record) -> Int {
        if let known = organisationIndex[record.id] {
            for (key, value) in record.attributes where organisations[Int(known)].attributes[key] == nil {
                organisations[Int(known)].attributes[key] = value
            }
            return Int(known)
        }
        organisationIndex[record.id] = Int32(organisations.count)
        organisations.append(record)
        return organisations.count - 1
    }

    /// Adds a project, or fills in attributes of the one with the same id.
    @discardableResult
    public mutating func addProject(_ record: Record) -> Int {
        if let known = projectIndex[record.id] {
            var existing = projects[Int(known)]
            if existing.label == existing.attributes["project_id"] || existing.label.isEmpty { existing.label = record.label }
            for (key, value) in record.attributes where existing.attributes[key] == nil { existing.attributes[key] = value }
            projects[Int(known)] = existing
            return Int(known)
        }
        projectIndex[record.id] = Int32(projects.count)
        projects.append(record)
        return projects.count - 1
    }

    public mutating func addMembership(project: Int, organisation: Int, role: ParticipationRole, attributes: [String: String] = [:]) {
        let key = UInt64(project) << 32 | UInt64(organisation) << 2
        memberships.append(key | role.rawValue)
        if !attributes.isEmpty { membershipAttributes[key, default: [:]].merge(attributes) { old, _ in old } }
        kept += 1
    }

    /// Sorts the memberships, keeps one per (project, organisation) with its highest role, and counts per
    /// organisation: `projects`, `coordinated` (as coordinator or lead partner), `programmes`, `first_year`, `last_year`.
    public mutating func finish() throws {
        guard organisations.count < 1 << 22, projects.count < 1 << 20 else {
            throw GraphError.invalidArgument("too large: \(organisations.count) organisations and \(projects.count) projects (limits 4,194,304 and 1,048,576)")
        }
        memberships.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(memberships.count)
        for key in memberships {
            if let last = unique.last, last >> 2 == key >> 2 { unique[unique.count - 1] = max(last, key) } else { unique.append(key) }
        }
        memberships = unique
        var counts = [Int](repeating: 0, count: organisations.count)
        var led = [Int](repeating: 0, count: organisations.count)
        var programmes = [Set<String>](repeating: [], count: organisations.count)
        var years = [(Int, Int)](repeating: (Int.max, Int.min), count: organisations.count)
        for key in memberships {
            let (project, org, role) = Participations.unpack(key)
            counts[org] += 1
            if role == .lead { led[org] += 1 }
            if let programme = projects[project].attributes["programme"] { programmes[org].insert(programme) }
            if let year = projects[project].attributes["year"].flatMap({ Int($0) }) {
                years[org] = (min(years[org].0, year), max(years[org].1, year))
            }
        }
        for org in organisations.indices {
            organisations[org].attributes["projects"] = String(counts[org])
            if led[org] > 0 { organisations[org].attributes["coordinated"] = String(led[org]) }
            if !programmes[org].isEmpty { organisations[org].attributes["programmes"] = programmes[org].sorted().joined(separator: "; ") }
            if years[org].0 != Int.max {
                organisations[org].attributes["first_year"] = String(years[org].0)
                organisations[org].attributes["last_year"] = String(years[org].1)
            }
        }
    }

    static func unpack(_ key: UInt64) -> (project: Int, organisation: Int, role: ParticipationRole) {
        (Int(key >> 32), Int((key >> 2) & 0x3FFF_FFFF), ParticipationRole(rawValue: key & 3) ?? .participant)
    }

    // MARK: identity

    /// A name reduced for comparison: lower case, accents and punctuation dropped, legal-form words removed.
    public static func normalisedName(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en"))
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "æ", with: "ae")
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let legalForms: Set<String> = ["as", "asa", "ab", "oy", "oyj", "ltd", "limited", "gmbh", "ag", "sa", "srl", "bv", "nv", "aps", "sf", "ba", "ks", "the", "plc", "inc", "spa", "sl", "stiftelsen", "stiftelse"]
        let kept = words.filter { !legalForms.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    /// Groups of organisations with the same normalised name but different identities, each group's ids sorted.
    public func possibleDuplicates() -> [[Int]] {
        var groups: [String: [Int]] = [:]
        for (index, org) in organisations.enumerated() { groups[Participations.normalisedName(org.label), default: []].append(index) }
        return groups.values.filter { $0.count > 1 }.map { $0.sorted { organisations[$0].id < organisations[$1].id } }
            .sorted { organisations[$0[0]].id < organisations[$1[0]].id }
    }

    /// One warning per group of possible duplicates.
    public func duplicateWarnings() -> [Diagnostic] {
        possibleDuplicates().map { group in
            let names = group.map { "'\(organisations[$0].label)' (\(organisations[$0].id))" }.joined(separator: ", ")
            return .warning("possible duplicate organisations, not merged (same name once case, accents and legal form are dropped): \(names)")
        }
    }

    public var summary: String {
        let pairs = memberships.count
        return "\(rows) rows, \(kept) participations kept (\(pairs) unique), \(organisations.count) organisations, \(projects.count) projects"
            + (skippedRows > 0 ? ", \(skippedRows) row\(skippedRows == 1 ? "" : "s") skipped (see the warnings)" : "")
    }

    // MARK: output

    /// The projection: organisation pairs (a < b), number of shared projects and the first shared project.
    struct Projection {
        var a: [Int32] = [], b: [Int32] = [], weight: [Int32] = [], firstProject: [Int32] = []
        var skippedProjects = 0
    }

    func projection(_ options: ImportOptions) -> Projection {
        var result = Projection()
        var pairs: [UInt64] = []
        var start = 0
        while start < memberships.count {
            let project = memberships[start] >> 32
            var end = start
            while end < memberships.count && memberships[end] >> 32 == project { end += 1 }
            if let limit = options.maxProjectSize, end - start > limit {
                result.skippedProjects += 1
            } else {
                for i in start..<end {
                    let x = (memberships[i] >> 2) & 0x3FFF_FFFF
                    for j in (i + 1)..<end {
                        let y = (memberships[j] >> 2) & 0x3FFF_FFFF
                        let (a, b) = x < y ? (x, y) : (y, x)
                        pairs.append(a << 42 | b << 20 | project)
                    }
                }
            }
            start = end
        }
        pairs.sort()
        var i = 0
        while i < pairs.count {
            let tie = pairs[i] >> 20
            var j = i
            while j < pairs.count && pairs[j] >> 20 == tie { j += 1 }
            if j - i >= options.minShared {
                result.a.append(Int32(tie >> 22))
                result.b.append(Int32(tie & 0x3F_FFFF))
                result.weight.append(Int32(j - i))
                result.firstProject.append(Int32(pairs[i] & 0xF_FFFF))
            }
            i = j
        }
        return result
    }

    /// How a tie cites its project: "ACRONYM (id)".
    func projectPage(_ project: Int) -> String {
        let record = projects[project]
        if let id = record.attributes["project_id"], id != record.label { return "\(record.label) (\(id))" }
        return record.label
    }

    /// A written node: id, label, kind and attributes.
    typealias Row = (id: String, label: String, kind: String, attributes: [String: String])
    /// A written tie: from, to, relation, weight, page and attributes.
    typealias Tie = (from: String, to: String, relation: String, weight: Int, page: String, attributes: [String: String])

    /// Every node and tie of the chosen shape, handed one at a time to the writers.
    /// Counts `finish()` adds to organisations; the participations shape leaves them out (its ties hold them), so
    /// that networks imported from different datasets merge without conflicting counts.
    static let countKeys: Set<String> = ["projects", "coordinated", "programmes", "first_year", "last_year"]

    func forEachNode(_ options: ImportOptions, _ body: (Row) throws -> Void) rethrows {
        for org in organisations {
            try body((org.id, org.label, org.kind, options.shape == .participations ? org.attributes.filter { !Participations.countKeys.contains($0.key) } : org.attributes))
        }
        if options.shape == .participations {
            for project in projects { try body((project.id, project.label, "project", project.attributes)) }
        }
    }

    func forEachTie(_ options: ImportOptions, _ body: (Tie) throws -> Void) rethrows {
        switch options.shape {
        case .participations:
            for key in memberships {
                let (project, org, role) = Participations.unpack(key)
                var attributes = membershipAttributes[key & ~3] ?? [:]
                attributes["role"] = role.name
                try body((organisations[org].id, projects[project].id, "participates_in", 1, projectPage(project), attributes))
            }
        case .coParticipation:
            let projected = projection(options)
            for k in projected.a.indices {
                let more = Int(projected.weight[k]) - 1
                let first = projectPage(Int(projected.firstProject[k]))
                try body((organisations[Int(projected.a[k])].id, organisations[Int(projected.b[k])].id, "cooperates_with", Int(projected.weight[k]),
                          more > 0 ? "\(first) and \(more) more" : first, [:]))
            }
        }
    }

    func attributeKeys(_ options: ImportOptions) -> [String] {
        var keys: Set<String> = []
        try forEachNode(options) { keys.formUnion($0.attributes.keys) }
        return keys.sorted()
    }

    /// The imported network in memory (for tests, the evaluation and moderate sizes; the writers stream).
    public func network(_ options: ImportOptions) -> Network {
        var network = Network(name: name, sources: [source.id: source])
        try forEachNode(options) { network.upsert(Node(id: $0.id, label: $0.label, kind: $0.kind, attributes: $0.attributes)) }
        try forEachTie(options) { tie in
            network.edges.append(Edge(from: tie.from, to: tie.to, relation: tie.relation, citations: [Citation(source: source.id, page: tie.page)],
                                      weight: Double(tie.weight), attributes: tie.attributes))
        }
        return network
    }

    /// Writes a folder (`nodes.csv`, `edges.csv`, `sources.yaml`) or, for a `.json` path, NetworkX node-link
    /// JSON, streaming node by node and tie by tie; each file appears only when complete.
    /// - Returns: the number of ties written.
    @discardableResult
    public func write(_ options: ImportOptions, to path: String) throws -> Int {
        path.lowercased().hasSuffix(".json") ? try writeJSON(options, to: path) : try writeFolder(options, to: path)
    }

    func writeFolder(_ options: ImportOptions, to folder: String) throws -> Int {
        var ties = 0
        try OutputStage.shared.prepareFolder(folder)
        let base = URL(fileURLWithPath: folder)
        let keys = attributeKeys(options)
        try StreamingFile.write(to: base.appendingPathComponent("nodes.csv").path) { out in
            try out.write(CSVFormat.line(["id", "label", "kind", "tags"] + keys))
            try forEachNode(options) { row in try out.write(CSVFormat.line([row.id, row.label, row.kind, ""] + keys.map { row.attributes[$0] ?? "" })) }
        }
        let tieKeys = options.shape == .participations ? ["role"] + Set(membershipAttributes.values.flatMap(\.keys)).sorted() : []
        try StreamingFile.write(to: base.appendingPathComponent("edges.csv").path) { out in
            try out.write(CSVFormat.line(["from", "to", "relation", "weight", "cite", "page", "since", "until"] + tieKeys))
            try forEachTie(options) { tie in
                ties += 1
                try out.write(CSVFormat.line([tie.from, tie.to, tie.relation, String(tie.weight), source.id, tie.page, "", ""] + tieKeys.map { tie.attributes[$0] ?? "" }))
            }
        }
        let sources = """
        # Written by `netmap import`: the source every tie of edges.csv cites.
        sources:
          \(source.id):
            title: \(YAMLText.quoted(source.title))
            publisher: \(YAMLText.quoted(source.publisher ?? ""))
            url: \(YAMLText.quoted(source.url ?? ""))

        """
        try OutputStage.shared.write(sources, to: base.appendingPathComponent("sources.yaml").path)
        return ties
    }

    func writeJSON(_ options: ImportOptions, to path: String) throws -> Int {
        var ties = 0
        func quoted(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        try StreamingFile.write(to: path) { out in
            try out.write("{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \(quoted(name)), ")
            try out.write("\"relations\": {\"cooperates_with\": {\"label\": \"cooperates with\", \"symmetric\": true}}, ")
            try out.write("\"sources\": {\(quoted(source.id)): {\"title\": \(quoted(source.title)), \"publisher\": \(quoted(source.publisher ?? "")), \"url\": \(quoted(source.url ?? ""))}}},\n\"nodes\": [")
            var first = true
            try forEachNode(options) { row in
                let fields = ["\"id\": \(quoted(row.id))", "\"label\": \(quoted(row.label))", "\"kind\": \(quoted(row.kind))"]
                    + row.attributes.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \(quoted($0.value))" }
                try out.write((first ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}")
                first = false
            }
            try out.write("\n],\n\"edges\": [")
            first = true
            try forEachTie(options) { tie in
                ties += 1
                let fields = ["\"source\": \(quoted(tie.from))", "\"target\": \(quoted(tie.to))", "\"key\": 0", "\"relation\": \(quoted(tie.relation))",
                              "\"weight\": \(tie.weight)", "\"cite\": [\(quoted(source.id))]", "\"page\": \(quoted(tie.page))"]
                    + tie.attributes.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \(quoted($0.value))" }
                try out.write((first ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}")
                first = false
            }
            try out.write("\n]}\n")
        }
        return ties
    }
}

/// A YAML scalar written safely in double quotes.
enum YAMLText {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 { result += String(format: "\\x%02X", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}

/// A text file written piece by piece through the output stage (`OutputStage.stream`).
enum StreamingFile {
    static func write(to path: String, _ body: (OutputStage.OutputStream) throws -> Void) throws {
        try OutputStage.shared.stream(to: path, body)
    }
}
