import ArgumentParser
import Foundation
import Graph

struct ConsortiumCommand: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "consortium",
        abstract: "Propose eligible consortia for a programme call, built on ties the lead already has.",
        discussion: """
        Programme rules come from a YAML file with `programmes:` among the inputs, else from the bundled \
        data/programmes.yaml (see "Finding a consortium" in docs/guide.md). Each partner is scored by closeness to the lead and \
        the other partners (short, cited paths), thematic fit, experience with the programme, brokerage into a \
        country the rules require and proximity (the lead's own region); a consortium's score is the mean of its partners' scores.
        \(HelpText.names)
        \(HelpText.glossary)
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Programme id, e.g. horizon-europe, interreg-npa (see data/programmes.yaml), or none (no eligibility rules).", valueName: "ID"))
    var programme: String

    @Option(help: ArgumentHelp("The lead partner: a node id or an unambiguous label prefix.", valueName: "NODE"))
    var lead: String

    @Option(name: .customLong("theme"), help: ArgumentHelp("What the consortium should work on: a theme node, or words or a topic code matched against what candidates did (repeatable).", valueName: "THEME"))
    var themes: [String] = []

    @Option(help: ArgumentHelp("List the N best single candidates (JSON {\"candidates\": [...]}, or one row each with --format csv or xlsx) instead of proposing consortia; eligible actors with no path within --max-hops are ranked too (closeness 0, empty path).", valueName: "N"))
    var candidates: Int?

    @Option(help: ArgumentHelp("Number of partners, lead included: N or MIN..MAX. Default: the programme's minimum.", valueName: "MIN..MAX"))
    var size: String?

    @Option(name: .customLong("include"), help: ArgumentHelp("A node that must be a partner (repeatable).", valueName: "ID"))
    var includes: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("A node that must not be a partner (repeatable).", valueName: "ID"))
    var excludes: [String] = []

    @Option(help: ArgumentHelp("Only candidates of these kinds (comma-separated).", valueName: "kind,..."))
    var kinds: String?

    @Option(help: "Number of consortia to propose.")
    var top: Int = 3

    @Option(name: .customLong("max-hops"), help: "Candidates must be reachable from the lead within this many ties.")
    var maxHops: Int = 3

    @Option(help: "Search: auto (exact up to 40 candidates, else beam), exact or beam.")
    var method: String = "auto"

    @Option(name: .customLong("beam-width"), help: "Beam width of the heuristic search.")
    var beamWidth: Int = 64

    @Option(help: ArgumentHelp("Programme rules file (overrides rules found among the inputs).", valueName: "FILE"))
    var programmes: String?

    @Option(help: "Output format: table, json, csv (one row per partner of each consortium) or xlsx (the same rows as an Excel workbook; needs -o FILE).")
    var format: TableFormat = .table

    @Option(help: CSVDialect.help)
    var csvDialect: CSVDialect = .standard

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Draw the lead's network with the best consortium highlighted (.svg, .png, .pdf or .dot).", valueName: "FILE"))
    var render: String?

    @OptionGroup var drawing: DrawingArguments

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let candidates, candidates < 1 { throw ValidationError("--candidates must be at least 1") }
        if maxHops < 1 || maxHops > 6 { throw ValidationError("--max-hops must be between 1 and 6") }
        if beamWidth < 1 { throw ValidationError("--beam-width must be at least 1") }
        if ConsortiumQuery.Method(rawValue: method) == nil { throw ValidationError("--method must be auto, exact or beam, not '\(method)'") }
        _ = try parsedSize()
        try format.check(output: output)
        try DrawingArguments.check(output: render)
    }

    func parsedSize() throws -> ClosedRange<Int>? {
        guard let size else { return nil }
        let parts = size.components(separatedBy: "..")
        let numbers = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (parts.count == 1 || parts.count == 2), numbers.allSatisfy({ $0 != nil }), let low = numbers.first ?? nil, let high = numbers.last ?? nil else {
            throw ValidationError("--size '\(size)': write N or MIN..MAX, e.g. 3..5")
        }
        if low > high { throw ValidationError("--size \(size): the minimum \(low) is larger than the maximum \(high)") }
        if low < 2 { throw ValidationError("--size \(size): a consortium has at least 2 partners (the lead and one more)") }
        return low...high
    }

    func execute() throws {
        let loaded = try input.loaded()
        let network = loaded.network
        let catalogue = try ProgrammeSources.catalogue(loaded, explicit: programmes)
        guard let rules = programme == ProgrammeRules.unrestricted.id ? ProgrammeRules.unrestricted : catalogue.programme(programme) else {
            let known = catalogue.programmes.map(\.id).joined(separator: ", ")
            throw GraphError.invalidArgument("unknown programme '\(programme)'\(DidYouMean.hint(for: programme, among: catalogue.programmes.map(\.id))); known programmes: \(known)")
        }
        let leadNode = try network.resolve(lead)
        var query = ConsortiumQuery(programme: rules, lead: leadNode.id)
        for theme in themes {
            if let node = try? network.resolve(theme), node.kind == "theme" { query.themes.append(node.id) } else { query.themeText.append(theme) }
        }
        query.include = try includes.map { try network.resolve($0).id }
        query.exclude = try excludes.map { try network.resolve($0).id }
        query.kinds = kinds.map(splitList)
        query.size = try parsedSize()
        query.top = top
        query.maxHops = maxHops
        query.method = ConsortiumQuery.Method(rawValue: method) ?? .auto
        query.beamWidth = beamWidth
        if let candidates {
            let ranked = try ConsortiumFinder.rank(in: network, query: query, limit: candidates)
            if format == .csv || format == .xlsx {
                try ConsortiumReport.rows(candidates: ranked.candidates, network: network).write(format, dialect: csvDialect, to: output)
            } else {
                try emit(try jsonText(ConsortiumReport.json(candidates: ranked.candidates)), to: output)
            }
            for note in ranked.notes { printError("note: \(note)") }
            return
        }
        let result = try ConsortiumFinder.find(in: network, query: query)
        switch format {
        case .json: try emit(try jsonText(ConsortiumReport.json(result)), to: output)
        case .table: try emit(ConsortiumReport.table(result, network: network), to: output)
        case .csv, .xlsx:
            try ConsortiumReport.rows(result, network: network).write(format, dialect: csvDialect, to: output)
            // What the table says under the consortia, where a spreadsheet has no place for it.
            for item in result.unmet { printError("note: no eligible consortium: this rule cannot be met: \(item)") }
            for note in result.notes { printError("note: \(note)") }
        }
        if let render { try draw(ConsortiumReport.drawing(result, network: network), with: drawing, to: render) }
    }
}

/// Where programme rules come from: the inputs' YAML files that declare `programmes:` (read in the same
/// pass as the network), else the bundled file; `--programmes FILE` adds to them and wins.
enum ProgrammeSources {
    static func catalogue(_ loaded: LoadedInput, explicit: String?) throws -> ProgrammeCatalogue {
        var catalogue = loaded.programmes
        if !loaded.hasProgrammes, explicit == nil {
            guard let folder = BundledData.folder, FileManager.default.fileExists(atPath: folder + "/programmes.yaml") else {
                throw GraphError.invalidArgument("no programme rules: no input declares `programmes:` and data/programmes.yaml was not found; pass --programmes FILE")
            }
            catalogue.merge(try ProgrammeCatalogue.load(folder + "/programmes.yaml"))
        }
        if let explicit { catalogue.merge(try ProgrammeCatalogue.load(explicit)) }
        return catalogue
    }
}

/// Text, JSON and drawing of a consortium result.
enum ConsortiumReport {
    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    static func json(_ result: ConsortiumResult) -> [String: Any] {
        let consortia: [[String: Any]] = result.consortia.map { consortium in
            let partners: [[String: Any]] = consortium.partners.map { partner in
                var entry: [String: Any] = [
                    "id": partner.node.id, "label": partner.node.label, "kind": partner.node.kind,
                    "country": partner.node.country ?? NSNull(), "role": partner.role.rawValue,
                    "score_parts": [
                        "closeness": round(partner.parts.closeness), "theme": round(partner.parts.theme),
                        "experience": round(partner.parts.experience), "brokerage": round(partner.parts.brokerage), "proximity": round(partner.parts.proximity),
                        "total": round(partner.parts.total), "share": round(partner.share),
                    ],
                    "path": hops(partner.path),
                    "themes": partner.themes, "programmes": partner.programmes,
                ]
                if let closest = partner.closestTo { entry["closest_to"] = closest }
                if partner.gatekeeperPairs > 0 { entry["gatekeeper_pairs"] = partner.gatekeeperPairs }
                return entry
            }
            return ["score": round(consortium.score), "partners": partners,
                    "rules": consortium.rules.map { ["rule": $0.rule, "met": $0.met] as [String: Any] }]
        }
        return [
            "programme": result.programme.id, "lead": result.lead.id, "consortia": consortia, "unmet": result.unmet,
            "notes": result.notes, "method": result.method.rawValue,
            "programme_rules": [
                "label": result.programme.label,
                "cite": result.programme.cite.map { citation -> [String: Any] in
                    var entry: [String: Any] = ["title": citation.title]
                    if let url = citation.url { entry["url"] = url }
                    return entry
                },
                "unconfirmed": result.programme.unconfirmed,
                "primary_missing": result.programme.primaryMissing.map { ["rules": $0.rules, "document": $0.document] as [String: Any] },
            ] as [String: Any],
        ]
    }

    static func parts(_ parts: ScoreParts) -> [String: Any] {
        ["closeness": round(parts.closeness), "theme": round(parts.theme), "experience": round(parts.experience), "brokerage": round(parts.brokerage), "proximity": round(parts.proximity)]
    }

    static func hops(_ path: [PathHop]) -> [[String: Any]] {
        path.map { ["from": $0.from, "to": $0.to, "relation": $0.relation, "direction": $0.reversed ? "backward" : "forward", "cite": $0.citation] }
    }

    /// `{"candidates": [{"id", "label", "score", "parts": {...}, "path": [...]}]}`, best first.
    static func json(candidates: [RankedCandidate]) -> [String: Any] {
        ["candidates": candidates.map { candidate -> [String: Any] in
            ["id": candidate.node.id, "label": candidate.node.label, "score": round(candidate.score), "parts": parts(candidate.parts), "path": hops(candidate.path)]
        }]
    }

    /// The consortia as one row per partner (lead first), for csv and xlsx: the consortium's number and
    /// score, the partner, its score parts, its path from the lead and the rules the consortium does not meet.
    static func rows(_ result: ConsortiumResult, network: Network) -> ResultTable {
        var rows: [[ResultTable.Cell]] = []
        for (number, consortium) in result.consortia.enumerated() {
            let unmet = consortium.rules.filter { !$0.met }.map(\.rule).joined(separator: "; ")
            for partner in consortium.partners {
                let parts = partner.parts
                let isLead = partner.role == .lead
                rows.append([
                    .integer(number + 1), .number(round(consortium.score)), .text(partner.role.rawValue),
                    .text(partner.node.id), .text(partner.node.label), .text(partner.node.kind), .text(partner.node.country ?? ""),
                ] + (isLead ? Array(repeating: ResultTable.Cell.text(""), count: 6) : [
                    .number(round(parts.total)), .number(round(parts.closeness)), .number(round(parts.theme)),
                    .number(round(parts.experience)), .number(round(parts.brokerage)), .number(round(parts.proximity)),
                ]) + [
                    .text(partner.closestTo ?? ""), .text(isLead ? "" : pathText(partner.path, network: network)),
                    .text(partner.themes.joined(separator: "|")), .text(partner.programmes.joined(separator: "|")), .text(unmet),
                ])
            }
        }
        return ResultTable(columns: ["consortium", "consortium_score", "role", "id", "label", "kind", "country", "total", "closeness",
                                     "theme", "experience", "brokerage", "proximity", "closest_to", "path", "themes", "programmes", "rules_not_met"],
                           rows: rows)
    }

    /// `--candidates N` as one row per candidate, best first.
    static func rows(candidates: [RankedCandidate], network: Network) -> ResultTable {
        ResultTable(columns: ["rank", "id", "label", "kind", "country", "score", "closeness", "theme", "experience", "brokerage", "proximity", "path"],
                    rows: candidates.enumerated().map { index, candidate in
                        let parts = candidate.parts
                        return [.integer(index + 1), .text(candidate.node.id), .text(candidate.node.label), .text(candidate.node.kind),
                                .text(candidate.node.country ?? ""), .number(round(candidate.score)), .number(round(parts.closeness)),
                                .number(round(parts.theme)), .number(round(parts.experience)), .number(round(parts.brokerage)),
                                .number(round(parts.proximity)), .text(pathText(candidate.path, network: network))]
                    })
    }

    static func pathText(_ path: [PathHop], network: Network) -> String {
        guard let first = path.first else { return "(no path: added with --include)" }
        func name(_ id: String) -> String { TerminalText.visible(network.node(id)?.label ?? id) }
        var text = name(first.from)
        for hop in path {
            let arrow = hop.reversed ? " ←\(hop.relation)— " : " —\(hop.relation)→ "
            text += arrow + name(hop.to) + (hop.citation.isEmpty ? " [uncited]" : " [\(hop.citation)]")
        }
        return text
    }

    static func table(_ result: ConsortiumResult, network: Network) -> String {
        let rules = result.programme
        var lines: [String] = []
        lines.append("\(TerminalText.visible(rules.label)) (\(rules.id)), lead: \(TerminalText.visible(result.lead.label)) (\(result.lead.id), \(result.lead.country ?? "no country"))")
        lines.append("rules from: " + rules.cite.map(\.description).joined(separator: "; "))
        if !rules.unconfirmed.isEmpty {
            lines.append("unconfirmed in those documents: \(rules.unconfirmed.joined(separator: ", ")) — check the call text")
        }
        if !rules.primaryMissing.isEmpty {
            lines.append("no primary document checked for: " + rules.primaryMissing.map(\.description).joined(separator: "; "))
        }
        for (number, consortium) in result.consortia.enumerated() {
            lines.append("")
            lines.append("Consortium \(number + 1): score \(self.number(consortium.score)) (mean of the partners' totals)")
            for partner in consortium.partners {
                let head = "  \(partner.role == .lead ? "lead   " : "partner") \(partner.node.id) — \(TerminalText.visible(partner.node.label)) [\(partner.node.kind), \(partner.node.country ?? "no country")]"
                if partner.role == .lead {
                    lines.append(head)
                    continue
                }
                let parts = partner.parts
                lines.append(head)
                let closeTo = partner.closestTo.map { id in " (close to: \(TerminalText.visible(network.node(id)?.label ?? id)) (partner))" } ?? ""
                lines.append("          total \(self.number(parts.total)) = closeness \(self.number(parts.closeness))\(closeTo) + theme \(self.number(parts.theme)) + experience \(self.number(parts.experience)) + brokerage \(self.number(parts.brokerage)) + proximity \(self.number(parts.proximity))")
                lines.append("          path: \(pathText(partner.path, network: network))")
                if !partner.themes.isEmpty { lines.append("          themes: \(partner.themes.joined(separator: ", "))") }
                if !partner.programmes.isEmpty { lines.append("          programmes: \(partner.programmes.joined(separator: ", "))") }
                if partner.gatekeeperPairs > 0 { lines.append("          gatekeeper into \(partner.node.country ?? "?"): brokers \(partner.gatekeeperPairs) pair\(partner.gatekeeperPairs == 1 ? "" : "s")") }
            }
            lines.append("  rules:")
            for outcome in consortium.rules { lines.append("    \(outcome.met ? "met    " : "NOT MET") \(TerminalText.visible(outcome.rule))") }
        }
        if !result.unmet.isEmpty {
            lines.append("")
            lines.append("No eligible consortium: these rules cannot be met")
            for item in result.unmet { lines.append("  - \(TerminalText.visible(item))") }
        }
        if !result.notes.isEmpty {
            lines.append("")
            for note in result.notes { lines.append("note: \(TerminalText.visible(note))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lead's neighbourhood to draw: the best consortium's paths, the lead's direct ties, up to 60 nodes;
    /// the consortium and its paths highlighted.
    static func drawing(_ result: ConsortiumResult, network: Network) -> RenderRequest {
        var keep: [String] = [result.lead.id]
        var highlight: Set<String> = [result.lead.id]
        var pathTies: Set<String> = []
        if let best = result.consortia.first {
            for partner in best.partners {
                highlight.insert(partner.node.id)
                for hop in partner.path {
                    for id in [hop.from, hop.to] where !keep.contains(id) { keep.append(id) }
                    pathTies.insert(hop.from + "\u{0}" + hop.to + "\u{0}" + hop.relation)
                    pathTies.insert(hop.to + "\u{0}" + hop.from + "\u{0}" + hop.relation)
                }
                if !keep.contains(partner.node.id) { keep.append(partner.node.id) }
            }
        }
        let (ego, _) = network.egoNetwork(of: result.lead.id, radius: 1)
        for node in ego.nodes where keep.count < 60 && !keep.contains(node.id) { keep.append(node.id) }
        let kept = Set(keep)
        var view = network
        view.removeNodes { !kept.contains($0.id) }
        view.name = "\(result.programme.label) — \(result.lead.label)"
        var request = RenderRequest(network: view, title: view.name)
        for id in highlight { request.nodeMarks[id] = .highlight }
        for (index, edge) in view.edges.enumerated() where pathTies.contains(edge.from + "\u{0}" + edge.to + "\u{0}" + edge.relation) {
            request.tieMarks[index] = .highlight
        }
        return request
    }
}
