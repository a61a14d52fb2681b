import Foundation

/// Merges networks imported from different datasets (CORDIS, the Research Council of Norway, Interreg) into one,
/// by identifier, reporting every disagreement instead of choosing silently (`netmap import merge`).
///
/// - **Same id, same organisation.** The importers key an organisation by its strongest identifier (the
///   Norwegian organisation number `org-no-<orgnr>`, also read from CORDIS VAT numbers; else the CORDIS PIC
///   `org-<pic>`), so the same id in two inputs is one node. When the inputs name it differently
///   (`HOGSKOLEN I OSTFOLD` in CORDIS, `HØGSKOLEN I ØSTFOLD` at the Research Council), the label of the
///   **first** input that has the node is kept, each other name is recorded in `other_labels` as
///   `NAME [input]`, and a warning names both. Any other attribute with two values (a project's `topic` written
///   as a code in CORDIS and as a title at the Research Council) keeps the first input's value and is reported
///   the same way. Which input comes first is the user's choice: the order of the arguments.
/// - **Different ids, same name.** Organisations from different inputs whose names normalise alike
///   (`Participations.normalisedName`: case, accents, punctuation and legal-form words dropped) and whose
///   countries do not differ are **not** merged — an Interreg partner has no identifier to prove it — but
///   reported as possible duplicates for a person to judge.
/// - **Ties.** A tie present in several inputs (the same organisation, project and relation: a project both
///   CORDIS and the Research Council list) becomes one tie citing every input's source; its weight is the
///   largest (for `cooperates_with`, the shared projects one dataset saw; the union may be larger).
///
/// - Complexity: O(N + M) dictionary work for N nodes and M ties over all inputs, plus sorting the reports.
public enum ImportMerge {
    /// One disagreement between inputs about a node.
    public struct Conflict: Sendable, Hashable {
        public var node: String
        public var key: String
        public var kept: String
        public var keptFrom: String
        public var other: String
        public var otherFrom: String
        /// Where the other value was read (file and line), when known.
        public var location: SourceLocation?
    }

    /// The merged network and what was reported.
    public struct Result: Sendable {
        public var network: Network
        public var conflicts: [Conflict]
        /// Groups of node ids (from at least two inputs) whose names normalise alike; not merged.
        public var possibleDuplicates: [[String]]
        /// Nodes found in more than one input.
        public var shared: Int
        /// Ties found in more than one input (kept once).
        public var sharedTies: Int

        /// One warning per conflict, then one per group of possible duplicates.
        public var warnings: [Diagnostic] {
            conflicts.map { c in
                let what = c.key == "label" ? "the other name is kept in other_labels" : "the first input's value is kept"
                return .warning("node '\(c.node)': \(c.key) '\(c.other)' in \(c.otherFrom) differs from '\(c.kept)' in \(c.keptFrom); \(what)", at: c.location)
            } + possibleDuplicates.map { group in
                let names = group.compactMap { id in network.node(id).map { "'\($0.label)' (\(id))" } }.joined(separator: ", ")
                return .warning("possible duplicate organisations across inputs, not merged (same name once case, accents and legal form are dropped): \(names)")
            }
        }
    }

    /// Attributes an importer derives from its own dataset's rows (counts, years): they differ between datasets
    /// by nature, so the first value is kept without a report.
    static let derivedKeys: Set<String> = Participations.countKeys

    /// Merges `inputs` in order; `name` is how warnings and `other_labels` refer to each input.
    public static func merge(_ inputs: [(name: String, network: Network)]) -> Result {
        var network = Network(name: inputs.compactMap(\.network.name).joined(separator: " + "))
        var origin: [String: Int] = [:]
        var conflicts: [Conflict] = []
        var shared = 0
        var tieIndex: [TieKey: Int] = [:]
        var tieInputs: [Set<Int>] = []
        for (number, input) in inputs.enumerated() {
            for (id, source) in input.network.sources where network.sources[id] == nil { network.sources[id] = source }
            for (id, kind) in input.network.kinds where network.kinds[id] == nil { network.kinds[id] = kind }
            for (id, relation) in input.network.relations where network.relations[id] == nil { network.relations[id] = relation }
            for node in input.network.nodes {
                guard var merged = network.node(node.id), let first = origin[node.id] else {
                    origin[node.id] = number
                    network.upsert(node)
                    continue
                }
                shared += 1
                let keptFrom = inputs[first].name
                func report(_ key: String, _ kept: String, _ other: String) {
                    conflicts.append(Conflict(node: node.id, key: key, kept: kept, keptFrom: keptFrom, other: other, otherFrom: input.name, location: node.location))
                }
                if merged.label != node.label && node.label != node.id {
                    if merged.label == merged.id {
                        merged.label = node.label
                    } else {
                        report("label", merged.label, node.label)
                        let entry = "\(node.label) [\(input.name)]"
                        let known = merged.attributes["other_labels"].map { $0.components(separatedBy: "; ") } ?? []
                        if !known.contains(entry) { merged.attributes["other_labels"] = (known + [entry]).joined(separator: "; ") }
                    }
                }
                if merged.kind != node.kind {
                    if merged.kind == "node" { merged.kind = node.kind } else if node.kind != "node" { report("kind", merged.kind, node.kind) }
                }
                for tag in node.tags where !merged.tags.contains(tag) { merged.tags.append(tag) }
                for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) {
                    guard let old = merged.attributes[key] else { merged.attributes[key] = value; continue }
                    if old != value && !derivedKeys.contains(key) { report(key, old, value) }
                }
                network.upsert(merged)
            }
            for edge in input.network.edges {
                let key = TieKey(from: edge.from, to: edge.to, relation: edge.relation)
                guard let known = tieIndex[key] else {
                    tieIndex[key] = network.edges.count
                    tieInputs.append([number])
                    network.edges.append(edge)
                    continue
                }
                tieInputs[known].insert(number)
                var tie = network.edges[known]
                for citation in edge.citations where !tie.citations.contains(citation) { tie.citations.append(citation) }
                tie.weight = max(tie.weight, edge.weight)
                for (name, value) in edge.attributes where tie.attributes[name] == nil { tie.attributes[name] = value }
                network.edges[known] = tie
            }
        }
        // Possible duplicates: actors from different inputs, different ids, alike names, no differing countries.
        var groups: [String: [String]] = [:]
        for node in network.nodes where !["project", "programme", "theme"].contains(node.kind) {
            groups[Participations.normalisedName(node.label), default: []].append(node.id)
        }
        var duplicates: [[String]] = []
        for ids in groups.values where ids.count > 1 {
            var byCountry: [String: [String]] = [:]
            for id in ids { byCountry[network.node(id)?.country ?? "", default: []].append(id) }
            let unknown = byCountry.removeValue(forKey: "") ?? []
            for (_, members) in byCountry {
                let group = (members + unknown).sorted()
                if Set(group.compactMap { origin[$0] }).count > 1 { duplicates.append(group) }
            }
            if byCountry.isEmpty, Set(unknown.compactMap { origin[$0] }).count > 1 { duplicates.append(unknown.sorted()) }
        }
        return Result(network: network, conflicts: conflicts, possibleDuplicates: duplicates.sorted { $0[0] < $1[0] },
                      shared: shared, sharedTies: tieInputs.filter { $0.count > 1 }.count)
    }

    struct TieKey: Hashable {
        var from: String
        var to: String
        var relation: String
    }

    /// Writes the merged network: a folder (`nodes.csv`, `edges.csv`, `network.yaml`) or, for a `.json` path,
    /// NetworkX node-link JSON.
    public static func write(_ network: Network, to path: String) throws {
        if path.lowercased().hasSuffix(".json") {
            try OutputStage.shared.write(try FileFormat.nodeLinkJSON.write(network), to: path)
        } else {
            try CSVFormat.writePair(network, to: path)
        }
    }
}
