/// Checks a merged network: vocabulary, references, citations and years.
public enum NetworkValidator {
    /// How many warnings of one kind are listed one by one; the rest are counted in one summary warning, so a
    /// million uncited ties from a spreadsheet give a readable report (errors are always all listed).
    public static let listedWarningsPerKind = 50

    /// Every problem in the network: errors (unknown kind or relation, edge to a missing node, citation of an
    /// undeclared source, `since` after `until`) and warnings (uncited edge, isolated node).
    public static func validate(_ network: Network) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var uncited = 0, isolated = 0
        let knownKinds = network.kinds.keys.sorted().joined(separator: ", ")
        for node in network.nodes where network.kinds[node.kind] == nil {
            diagnostics.append(.error("node '\(node.id)': unknown kind '\(node.kind)' (known: \(knownKinds); declare others under 'kinds:')",
                                      at: node.location))
        }
        for node in network.nodes where node.id.unicodeScalars.contains(where: TerminalText.isControl) {
            diagnostics.append(.error("node id '\(DrawingValue.excerpt(node.id))' contains a control character, which no drawing or XML file can hold; ids are names, remove it",
                                      at: node.location))
        }
        var touched = Set<String>()
        let knownRelations = network.relations.keys.sorted().joined(separator: ", ")
        for edge in network.edges {
            var name: String { "edge \(edge.from) → \(edge.to)" }
            if network.relations[edge.relation] == nil {
                diagnostics.append(.error("\(name): unknown relation '\(edge.relation)' (known: \(knownRelations); declare others under 'relations:')",
                                          at: edge.location))
            }
            for id in [edge.from, edge.to] where network.node(id) == nil {
                diagnostics.append(.error("\(name): no node with id '\(id)'", at: edge.location))
            }
            for citation in edge.citations where network.sources[citation.source] == nil {
                diagnostics.append(.error("\(name): cites '\(citation.source)', which is not declared under 'sources:'",
                                          at: edge.location))
            }
            if let since = edge.since, let until = edge.until, since > until {
                diagnostics.append(.error("\(name): since \(since) is after until \(until)", at: edge.location))
            }
            if edge.citations.isEmpty {
                uncited += 1
                if uncited <= listedWarningsPerKind {
                    diagnostics.append(.warning("\(name) (\(edge.relation)) cites no source", at: edge.location))
                }
            }
            touched.insert(edge.from)
            touched.insert(edge.to)
        }
        for node in network.nodes where !touched.contains(node.id) {
            isolated += 1
            if isolated <= listedWarningsPerKind {
                diagnostics.append(.warning("node '\(node.id)' has no ties (isolated)", at: node.location))
            }
        }
        if uncited > listedWarningsPerKind {
            var summary = Diagnostic.warning("\(uncited - listedWarningsPerKind) more edges cite no source (\(uncited) in all; the first \(listedWarningsPerKind) are listed)")
            summary.count = uncited - listedWarningsPerKind
            diagnostics.append(summary)
        }
        if isolated > listedWarningsPerKind {
            var summary = Diagnostic.warning("\(isolated - listedWarningsPerKind) more nodes have no ties (\(isolated) in all; the first \(listedWarningsPerKind) are listed)")
            summary.count = isolated - listedWarningsPerKind
            diagnostics.append(summary)
        }
        return diagnostics
    }
}
