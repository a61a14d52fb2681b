import Foundation

/// A `NetworkDiff` written out: as a terminal table, Markdown for a plan document, CSV, or a JSON object.
///
/// Table and Markdown have the sections "New partners and ties", "Ended", "Kept" and "Changed" (in the report's
/// language), nodes grouped by kind and ties by relation, each line with its citation. Every text from the data
/// is escaped for where it goes: control characters become spaces in the table, Markdown's special characters
/// are backslash-escaped.
public struct DiffReport {
    public var diff: NetworkDiff
    public var language: DiffLanguage
    /// Measure changes to append, by measure name, in the order asked for.
    public var measures: [(name: String, changes: [MeasureChange])] = []

    public init(diff: NetworkDiff, language: DiffLanguage, measures: [(name: String, changes: [MeasureChange])] = []) {
        self.diff = diff
        self.language = language
        self.measures = measures
    }

    private enum Style { case table, markdown }

    public func table() -> String { text(.table) }
    public func markdown() -> String { text(.markdown) }

    // MARK: - Names

    private func node(_ id: String) -> Node? { diff.new.network.node(id) ?? diff.old.network.node(id) }
    private func name(_ id: String) -> String { language.label(node(id), id: id) }
    private func oldName(_ id: String) -> String { language.label(diff.old.network.node(id) ?? node(id), id: id) }

    /// Citations grouped by source: `thp2020, Kap. 2.4; Vedlegg 3 · ntfk2009, pkt. 2`.
    static func citationText(_ citations: [Citation], maxPages: Int = .max) -> String {
        if citations.isEmpty { return "uncited" }
        var order: [String] = []
        var pages: [String: [String]] = [:]
        for citation in citations {
            if pages[citation.source] == nil { order.append(citation.source); pages[citation.source] = [] }
            for page in (citation.page ?? "").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !page.isEmpty {
                if !pages[citation.source]!.contains(page) { pages[citation.source]!.append(page) }
            }
        }
        return order.map { source in
            let list = pages[source] ?? []
            let shown = list.count > maxPages ? list.prefix(maxPages) + ["…"] : list
            return list.isEmpty ? source : source + ", " + shown.joined(separator: "; ")
        }.joined(separator: " · ")
    }

    /// Nodes in the order of the diff's kinds, by the name shown in this language within a kind.
    private func sortedByName(_ nodes: [NetworkDiff.NodeEntry], old: Bool) -> [NetworkDiff.NodeEntry] {
        let names = Dictionary(nodes.map { ($0.id, (old ? oldName($0.id) : name($0.id)).lowercased()) }) { first, _ in first }
        return nodes.sorted { a, b in
            let (ra, rb) = (Comparison.rank(a.kind), Comparison.rank(b.kind))
            if ra != rb { return ra < rb }
            if a.kind != b.kind { return a.kind < b.kind }
            if names[a.id]! != names[b.id]! { return names[a.id]! < names[b.id]! }
            return a.id < b.id
        }
    }

    /// "A → B" with the mapped ends; a symmetric tie in the order its edition wrote it (county first, as a rule).
    private func shownEnds(_ tie: NetworkDiff.TieEntry) -> String {
        let written = tie.newTies.first ?? tie.oldTies.first
        let swap = tie.symmetric && (written.map { $0.from == tie.target || $0.to == tie.source } ?? false)
        let (a, b) = swap ? (tie.target, tie.source) : (tie.source, tie.target)
        return "\(name(a)) \(arrow(tie)) \(name(b))"
    }

    private func arrow(_ tie: NetworkDiff.TieEntry) -> String { tie.symmetric ? "—" : "→" }

    /// The old ties' own ends, when a succession renamed them: "Nord-Trøndelag fylkeskommune → Nordsjøkommisjonen".
    private func originals(_ tie: NetworkDiff.TieEntry) -> [String] {
        var seen: [String] = []
        for edge in tie.oldTies where ![tie.source, tie.target].contains(edge.from) || ![tie.source, tie.target].contains(edge.to) {
            let text = "\(oldName(edge.from)) \(arrow(tie)) \(oldName(edge.to))"
            if !seen.contains(text) { seen.append(text) }
        }
        return seen
    }

    // MARK: - Table and Markdown

    private func text(_ style: Style) -> String {
        let md = style == .markdown
        func clean(_ text: String) -> String { md ? DiffReport.markdownEscape(text) : DiffReport.terminalClean(text) }
        var out = ""
        func heading(_ text: String, level: Int) {
            if md {
                if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
                out += String(repeating: "#", count: level == 1 ? 2 : 3) + " " + text + "\n\n"
            }
            else { out += (out.isEmpty || level > 1 ? "" : "\n") + String(repeating: "  ", count: max(0, level - 1)) + text + "\n" }
        }
        func item(_ text: String, level: Int) {
            out += md ? "- " + text + "\n" : String(repeating: "  ", count: level) + text + "\n"
        }
        func groupEnd() { if md { out += "\n" } }
        func editionText(_ edition: NetworkDiff.Edition) -> String {
            var parts: [String] = []
            if let name = edition.name { parts.append(clean(name)) }
            else if !edition.inputs.isEmpty { parts.append(clean(edition.inputs.joined(separator: ", "))) }
            if let year = edition.year { parts.append(String(year)) }
            parts.append("\(edition.nodeCount) \(language.word("nodes")), \(edition.edgeCount) \(language.word("ties"))")
            return parts.joined(separator: " · ")
        }

        let title = language.word("title")
        if md { out += "# \(title)\n\n" } else { out += "\(title)\n" }
        item("\(language.word("old")): \(editionText(diff.old))", level: 1)
        item("\(language.word("now")): \(editionText(diff.new))", level: 1)
        let counts = "\(language.word("nodes")) +\(diff.nodesAdded.count) −\(diff.nodesRemoved.count) =\(diff.nodesKept.count); "
            + "\(language.word("ties")) +\(diff.edgesAdded.count) −\(diff.edgesRemoved.count) =\(diff.edgesKept.count)"
        item(counts, level: 1)
        if !diff.successions.isEmpty {
            let list = diff.successions.map { s in
                "\(clean(oldName(s.from))) → \(clean(name(s.to)))" + (s.citations.isEmpty ? "" : " [\(clean(DiffReport.citationText(s.citations)))]")
            }
            item("\(language.word("successions")): " + list.joined(separator: "; "), level: 1)
        }
        for warning in diff.warnings { item("! " + clean(warning), level: 1) }
        if md { out += "\n" }

        func cites(ofNode id: String, in ties: [NetworkDiff.TieEntry], old: Bool) -> String {
            var citations: [Citation] = []
            for tie in ties where tie.source == id || tie.target == id {
                for c in old ? tie.citeOld : tie.citeNew where !citations.contains(c) { citations.append(c) }
            }
            if citations.isEmpty { return "" }
            let shown = DiffReport.citationText(citations, maxPages: 3)
            return md ? " — *\(clean(shown))*" : "  [\(clean(shown))]"
        }
        /// Items in runs of one group (kind or relation), each run under a heading with its count.
        func groups<Item>(_ items: [Item], key: (Item) -> String, title: (String) -> String, line: (Item) -> String) {
            var start = 0
            while start < items.count {
                let group = key(items[start])
                var end = start
                while end < items.count && key(items[end]) == group { end += 1 }
                heading("\(title(group)) (\(end - start))", level: 3)
                for member in items[start..<end] { item(line(member), level: 3) }
                groupEnd()
                start = end
            }
        }
        func nodeGroups(_ unsorted: [NetworkDiff.NodeEntry], ties: [NetworkDiff.TieEntry], old: Bool) {
            groups(sortedByName(unsorted, old: old), key: \.kind, title: { clean(language.kind($0, in: diff.vocabulary)) }) { entry in
                let label = old ? oldName(entry.id) : name(entry.id)
                return (md ? "**\(clean(label))**" : clean(label)) + cites(ofNode: entry.id, in: ties, old: old)
            }
        }
        func tieLine(_ tie: NetworkDiff.TieEntry, side: Int) -> String {
            // An ended tie is named by its own ends (Nord-Trøndelag fylkeskommune, not its successor).
            var own: [String] = []
            for edge in tie.oldTies {
                let text = "\(oldName(edge.from)) \(arrow(tie)) \(oldName(edge.to))"
                if !own.contains(text) { own.append(text) }
            }
            let ends = side == 0 && !own.isEmpty ? own.joined(separator: "; ") : shownEnds(tie)
            var line = clean(ends)
            let old = clean(DiffReport.citationText(tie.citeOld)), new = clean(DiffReport.citationText(tie.citeNew))
            switch side {
            case 0: line += md ? " — *\(old)*" : "  [\(old)]"
            case 1: line += md ? " — *\(new)*" : "  [\(new)]"
            default:
                line += md ? " — *\(old)* → *\(new)*" : "  [\(old)] → [\(new)]"
                let renamed = originals(tie)
                if !renamed.isEmpty { line += " (\(language.word("via")) \(clean(renamed.joined(separator: "; "))))" }
            }
            return line
        }
        func tieGroups(_ unsorted: [NetworkDiff.TieEntry], side: Int) {
            // By relation, then by the line as shown in this language.
            let lines = unsorted.map { (tie: $0, line: tieLine($0, side: side)) }.sorted { a, b in
                a.tie.relation != b.tie.relation ? a.tie.relation < b.tie.relation : a.line.lowercased() < b.line.lowercased()
            }
            groups(lines, key: \.tie.relation, title: { "\(language.word("ties-heading")): \(clean(language.relation($0, in: diff.vocabulary)))" }) { $0.line }
        }

        heading("\(language.word("new")) (+\(diff.nodesAdded.count) \(language.word("nodes")), +\(diff.edgesAdded.count) \(language.word("ties")))", level: 1)
        nodeGroups(diff.nodesAdded, ties: diff.edgesAdded, old: false)
        tieGroups(diff.edgesAdded, side: 1)
        heading("\(language.word("ended")) (−\(diff.nodesRemoved.count) \(language.word("nodes")), −\(diff.edgesRemoved.count) \(language.word("ties")))", level: 1)
        nodeGroups(diff.nodesRemoved, ties: diff.edgesRemoved, old: true)
        tieGroups(diff.edgesRemoved, side: 0)
        heading("\(language.word("kept")) (\(diff.nodesKept.count) \(language.word("nodes")), \(diff.edgesKept.count) \(language.word("ties")))", level: 1)
        tieGroups(diff.edgesKept, side: 2)
        if !diff.nodesKept.isEmpty {
            heading("\(language.word("kept-actors")) (\(diff.nodesKept.count))", level: 3)
            var kind = ""
            var names: [String] = []
            func flush() {
                if !names.isEmpty { item("\(clean(language.kind(kind, in: diff.vocabulary))): " + names.joined(separator: ", "), level: 3) }
                names = []
            }
            for entry in sortedByName(diff.nodesKept, old: false) {
                if entry.kind != kind { flush(); kind = entry.kind }
                var label = clean(name(entry.id))
                let renamed = entry.oldIDs.filter { $0 != entry.id }
                if !renamed.isEmpty { label += " (\(language.word("via")) \(clean(renamed.map(oldName).joined(separator: ", "))))" }
                names.append(label)
            }
            flush()
            groupEnd()
        }
        heading("\(language.word("changed")) (\(diff.changed.count))", level: 1)
        for change in diff.changed {
            let subject: String
            if change.key == "relation" {
                let ends = change.id.components(separatedBy: " -> ")
                let before = change.old.map { language.relation($0, in: diff.vocabulary) } ?? "", after = change.new.map { language.relation($0, in: diff.vocabulary) } ?? ""
                item("\(clean(ends.map(name).joined(separator: " → "))): \(clean(before)) → \(clean(after))", level: 1)
                continue
            } else if let tie = (diff.edgesKept.first { $0.id == change.id }) {
                subject = "\(shownEnds(tie)) (\(language.relation(tie.relation, in: diff.vocabulary)))"
            } else {
                subject = name(change.id)
            }
            let before = change.old ?? language.word("open"), after = change.new ?? language.word("open")
            item("\(clean(subject)): \(clean(language.word("key-" + change.key, default: change.key))) \(clean(before)) → \(clean(after))", level: 1)
        }
        if md { out += "\n" }
        for (measure, changes) in measures {
            heading("\(language.word("measures")): \(measure)", level: 1)
            if !md {
                item("\(pad(language.word("change"), 8)) \(pad(language.word("old"), 8)) → \(pad(language.word("now"), 8))  \(language.word("rank")) \(pad(language.word("old") + " → " + language.word("now"), 9))  \(language.word("node"))", level: 1)
            }
            if md {
                out += "| \(language.word("node")) | \(language.word("old")) | \(language.word("now")) | \(language.word("change")) | \(language.word("rank")) |\n|---|---:|---:|---:|---:|\n"
            }
            for change in changes {
                let values = (DiffReport.number(change.old), DiffReport.number(change.new), DiffReport.signed(change.change))
                let ranks = "\(change.oldRank.map(String.init) ?? "–") → \(change.newRank.map(String.init) ?? "–")"
                if md {
                    out += "| \(clean(name(change.id)).replacingOccurrences(of: "|", with: "\\|")) | \(values.0) | \(values.1) | \(values.2) | \(ranks) |\n"
                } else {
                    item("\(pad(values.2, 8)) \(pad(values.0, 8)) → \(pad(values.1, 8))  \(language.word("rank")) \(pad(ranks, 9))  \(clean(name(change.id)))", level: 1)
                }
            }
            if md { out += "\n" }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        if value == value.rounded() && abs(value) < 1e12 { return String(Int(value)) }
        return String(format: "%.4f", value)
    }

    static func signed(_ value: Double) -> String {
        let text = number(value)
        return value > 0 ? "+" + text : text
    }

    /// Control characters (which could move a terminal's cursor or change its colours) become spaces.
    static func terminalClean(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.map { scalar in
            (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) ? " " : scalar
        })
        return result
    }

    /// Markdown's special characters backslash-escaped, and raw HTML made inert, so data text stays text.
    static func markdownEscape(_ text: String) -> String {
        var result = ""
        for character in terminalClean(text) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "!": result += "\\" + String(character)
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: - CSV and JSON

    /// One row per node, tie, change, succession and measure value, with a `change` column saying which.
    /// In `dialect`: its separator and byte order mark, and the measures' numbers with its decimal mark.
    public func csv(dialect: CSVDialect = .standard) -> String {
        var text = dialect.preamble + CSVFormat.line(["change", "item", "group", "source", "target", "label", "cite_old", "cite_new",
                                                      "via_succession", "key", "old", "new", "old_rank", "new_rank", "difference"], dialect: dialect)
        func row(_ fields: [String]) { text += CSVFormat.line(fields + Array(repeating: "", count: max(0, 15 - fields.count)), dialect: dialect) }
        func number(_ value: Double?) -> String { dialect.number(DiffReport.number(value)) }
        for (change, nodes, ties) in [("added", diff.nodesAdded, diff.edgesAdded), ("removed", diff.nodesRemoved, diff.edgesRemoved), ("kept", diff.nodesKept, diff.edgesKept)] {
            for node in nodes {
                row([change, "node", node.kind, node.id, "", name(node.id), "", "", node.viaSuccession ? "true" : "false"])
            }
            for tie in ties {
                row([change, "tie", tie.relation, tie.source, tie.target, "\(name(tie.source)) \(arrow(tie)) \(name(tie.target))",
                     tie.citeOld.map(\.description).joined(separator: "|"), tie.citeNew.map(\.description).joined(separator: "|"),
                     tie.viaSuccession ? "true" : "false"])
            }
        }
        for change in diff.changed {
            row(["changed", "value", "", change.id, "", "", "", "", "", change.key, change.old ?? "", change.new ?? ""])
        }
        for succession in diff.successions {
            row(["succession", "tie", diff.followed ?? "", succession.from, succession.to, "\(oldName(succession.from)) → \(name(succession.to))",
                 "", succession.citations.map(\.description).joined(separator: "|")])
        }
        for (measure, changes) in measures {
            for change in changes {
                row(["measure", "node", measure, change.id, "", name(change.id), "", "", "", measure,
                     change.old.map { number($0) } ?? "", change.new.map { number($0) } ?? "",
                     change.oldRank.map(String.init) ?? "", change.newRank.map(String.init) ?? "", number(change.change)])
            }
        }
        return text
    }

    /// The JSON object of the issue: `old`, `new`, `nodes` and `edges` (each `added`/`removed`/`kept`),
    /// `changed`, `successions`; plus `follow`, `warnings` and, when asked, `measures`.
    public func jsonObject() -> [String: Any] {
        func edition(_ e: NetworkDiff.Edition) -> [String: Any] {
            ["name": e.name ?? NSNull(), "inputs": e.inputs, "year": e.year ?? NSNull() as Any,
             "nodes": e.nodeCount, "edges": e.edgeCount, "sources": e.sources]
        }
        func citations(_ list: [Citation]) -> [[String: Any]] {
            list.map { ["source": $0.source, "page": $0.page ?? NSNull() as Any] }
        }
        func node(_ n: NetworkDiff.NodeEntry) -> [String: Any] {
            ["id": n.id, "label": name(n.id), "kind": n.kind, "old_ids": n.oldIDs, "new_ids": n.newIDs, "via_succession": n.viaSuccession]
        }
        func tie(_ t: NetworkDiff.TieEntry) -> [String: Any] {
            var object: [String: Any] = ["source": t.source, "target": t.target, "relation": t.relation, "symmetric": t.symmetric,
                                         "cite_old": citations(t.citeOld), "cite_new": citations(t.citeNew), "via_succession": t.viaSuccession]
            if t.viaSuccession { object["old_ties"] = t.oldTies.map { ["from": $0.from, "to": $0.to] } }
            return object
        }
        var object: [String: Any] = [
            "old": edition(diff.old), "new": edition(diff.new),
            "follow": diff.followed ?? NSNull() as Any,
            "nodes": ["added": diff.nodesAdded.map(node), "removed": diff.nodesRemoved.map(node), "kept": diff.nodesKept.map(node)],
            "edges": ["added": diff.edgesAdded.map(tie), "removed": diff.edgesRemoved.map(tie), "kept": diff.edgesKept.map(tie)],
            "changed": diff.changed.map { ["id": $0.id, "key": $0.key, "old": $0.old ?? NSNull() as Any, "new": $0.new ?? NSNull() as Any] },
            "successions": diff.successions.map { ["from": $0.from, "to": $0.to, "since": $0.since ?? NSNull() as Any, "cite": citations($0.citations)] },
            "warnings": diff.warnings,
        ]
        if !measures.isEmpty {
            var measureObject: [String: Any] = [:]
            for (measure, changes) in measures {
                measureObject[measure] = changes.map { c -> [String: Any] in
                    ["id": c.id, "label": name(c.id), "old": c.old ?? NSNull() as Any, "new": c.new ?? NSNull() as Any,
                     "old_rank": c.oldRank ?? NSNull() as Any, "new_rank": c.newRank ?? NSNull() as Any, "change": c.change]
                }
            }
            object["measures"] = measureObject
        }
        return object
    }
}
