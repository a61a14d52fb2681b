/// Checks a merged network: vocabulary, references, citations and years.
public enum NetworkValidator {
    /// How many warnings of one kind are kept one by one per file; the rest are counted in one diagnostic
    /// (`Diagnostic.omitted`), so a million uncited ties from a spreadsheet give a short report and little
    /// memory. Errors are always all kept (`DiagnosticSummary` folds them when printing).
    public static let listedWarningsPerKind = DiagnosticSummary.listedPerKind

    /// How many distinct unknown node ids get a "did you mean" (each costs a pass over the node ids).
    static let suggestedNodeIDs = 50

    /// Every problem in the network: errors (unknown kind or relation, edge to a missing node, citation of an
    /// undeclared source, `since` after `until`) and warnings (uncited edge, isolated node). Unknown names
    /// come with the closest known one when it looks like a typo.
    public static func validate(_ network: Network) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var counted = CountedWarnings()
        let knownKinds = network.kinds.keys.sorted()
        for node in network.nodes where network.kinds[node.kind] == nil {
            diagnostics.append(.error("node '\(node.id)': " + unknown("kind", node.kind, among: knownKinds, declare: "kinds"),
                                      at: node.location?.cell("kind")))
        }
        for node in network.nodes where node.id.unicodeScalars.contains(where: TerminalText.isControl) {
            diagnostics.append(.error("node id '\(DrawingValue.excerpt(node.id))' contains a control character, which no drawing or XML file can hold; ids are names, remove it",
                                      at: node.location))
        }
        var touched = Set<String>()
        let knownRelations = network.relations.keys.sorted()
        var nodeSuggestions: [String: String] = [:]
        for edge in network.edges {
            var name: String { "edge \(edge.from) → \(edge.to)" }
            if network.relations[edge.relation] == nil {
                diagnostics.append(.error("\(name): " + unknown("relation", edge.relation, among: knownRelations, declare: "relations"),
                                          at: edge.location?.cell("relation")))
            }
            for id in [edge.from, edge.to] where network.node(id) == nil {
                if nodeSuggestions[id] == nil {
                    nodeSuggestions[id] = nodeSuggestions.count < suggestedNodeIDs ? DidYouMean.hint(for: id, among: network.nodes.lazy.map(\.id)) : ""
                }
                diagnostics.append(.error("\(name): no node with id '\(id)'\(nodeSuggestions[id] ?? "")", at: edge.location?.cell(id == edge.from ? "from" : "to")))
            }
            for citation in edge.citations where network.sources[citation.source] == nil {
                diagnostics.append(.error("\(name): cites '\(citation.source)', which is not declared under 'sources:'"
                                          + DidYouMean.hint(for: citation.source, among: network.sources.keys),
                                          at: edge.location?.cell("cite")))
            }
            if let since = edge.since, let until = edge.until, since > until {
                diagnostics.append(.error("\(name): since \(since) is after until \(until)", at: edge.location?.cell("since")))
            }
            if edge.citations.isEmpty {
                counted.add(.warning("\(name) (\(edge.relation)) cites no source", at: edge.location?.cell("cite")), into: &diagnostics)
            }
            touched.insert(edge.from)
            touched.insert(edge.to)
        }
        for node in network.nodes where !touched.contains(node.id) {
            counted.add(.warning("node '\(node.id)' has no ties (isolated)", at: node.location), into: &diagnostics)
        }
        diagnostics += counted.summaries { count, total, category in
            category == "uncited tie"
                ? "\(count) more edges cite no source (\(total) in all; the first \(listedWarningsPerKind) are listed)"
                : "\(count) more nodes have no ties (\(total) in all; the first \(listedWarningsPerKind) are listed)"
        }
        return diagnostics
    }

    /// `unknown kind 'conty' — did you mean 'county'?`, or the known names when none is close.
    static func unknown(_ what: String, _ name: String, among known: [String], declare key: String) -> String {
        if let suggestion = DidYouMean.suggestion(for: name, among: known) {
            return "unknown \(what) '\(name)' — did you mean '\(suggestion)'? (or declare it under '\(key):')"
        }
        return "unknown \(what) '\(name)' (known: \(known.joined(separator: ", ")); declare others under '\(key):')"
    }

    /// Warnings kept one by one up to `listedWarningsPerKind` per file and kind, the rest counted.
    struct CountedWarnings {
        struct Tally { var listed = 0; var omitted = 0; var lines: ClosedRange<Int>? }
        var tallies: [String: Tally] = [:]
        var order: [(file: String?, category: String)] = []

        mutating func add(_ diagnostic: Diagnostic, into diagnostics: inout [Diagnostic]) {
            let file = diagnostic.location?.file
            let key = (file ?? "") + "\u{0}" + diagnostic.category
            var tally = tallies[key] ?? Tally()
            if tallies[key] == nil { order.append((file, diagnostic.category)) }
            if tally.listed < listedWarningsPerKind {
                tally.listed += 1
                diagnostics.append(diagnostic)
            } else {
                tally.omitted += 1
                if let line = diagnostic.location?.line {
                    tally.lines = tally.lines.map { min($0.lowerBound, line)...max($0.upperBound, line) } ?? line...line
                }
            }
            tallies[key] = tally
        }

        /// One counting diagnostic per file and kind that had more than were listed.
        func summaries(_ message: (_ count: Int, _ total: Int, _ category: String) -> String) -> [Diagnostic] {
            order.compactMap { file, category in
                guard let tally = tallies[(file ?? "") + "\u{0}" + category], tally.omitted > 0 else { return nil }
                var diagnostic = Diagnostic.warning(message(tally.omitted, tally.listed + tally.omitted, category),
                                                    at: file.map { SourceLocation(file: $0) })
                diagnostic.omitted = Diagnostic.Omitted(count: tally.omitted, category: category, lines: tally.lines)
                return diagnostic
            }
        }
    }
}
