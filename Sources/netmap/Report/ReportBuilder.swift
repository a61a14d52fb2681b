import Foundation
import Graph

/// Builds the data of a report page from the drawn network: the nodes and ties with their citations, the
/// vocabulary with the drawing's colours, and the tables (centrality, brokerage by country, Leiden
/// communities, sources, warnings), all computed on the network the page draws.
struct ReportBuilder {
    var network: Network
    var theme: Theme = .standard
    var lang = "nb"
    var title: String
    var year: Int?
    var warnings: [Diagnostic] = []
    var consortia: [ConsortiumResult] = []
    /// The fills of `--color-by`, as the drawing chose them (nil: colours by kind).
    var colorKey: DOTBuilder.ColorKey?
    /// Seed of the Leiden communities (as `netmap communities --seed`).
    var seed: UInt64 = 42

    var words: [String: String] { ReportText.all(lang) }
    var language: DrawingLanguage { DrawingLanguage(rawValue: lang) ?? .en }

    func model() throws -> ReportModel {
        let words = self.words
        let colored = Set(colorKey?.entries.map(\.value) ?? [])
        let nodes = network.nodes.map { node -> ReportModel.NodeEntry in
            var attributes = node.attributes
            let label = node.label(language: lang)
            if label != node.label {
                attributes["label"] = node.label
                attributes["label_en"] = nil  // it is the heading
            }
            attributes["country"] = nil
            var entry = ReportModel.NodeEntry(id: node.id, svg: "node-" + DOTBuilder.classToken(node.id), label: label, kind: node.kind,
                                              country: node.country, tags: node.tags, attributes: attributes)
            if let colorKey {
                let value = DOTBuilder.value(of: colorKey.attribute, in: node)
                entry.color = value.flatMap { colored.contains($0) ? $0 : nil } ?? ""
            }
            return entry
        }
        let edges = network.edges.enumerated().map { index, edge in
            ReportModel.EdgeEntry(svg: "edge-\(index)", from: edge.from, to: edge.to, relation: edge.relation, since: edge.since,
                                  until: edge.until, weight: edge.weight,
                                  citations: edge.citations.map { ReportModel.CitationEntry(source: $0.source, page: $0.page) },
                                  attributes: edge.attributes)
        }
        let cited = Set(network.edges.flatMap { $0.citations.map(\.source) })
        var sources: [String: ReportModel.SourceEntry] = [:]
        for (id, source) in network.sources where cited.contains(id) {
            var attributes = source.attributes
            let note = attributes.removeValue(forKey: "note")
            sources[id] = ReportModel.SourceEntry(title: source.title, publisher: source.publisher, year: source.year, url: source.url,
                                                  note: note, attributes: attributes)
        }
        var kinds: [String: ReportModel.KindEntry] = [:]
        let kindStyles = theme.nodeStyles(for: network)
        for node in network.nodes {
            if kinds[node.kind] == nil {
                let style = kindStyles[node.kind] ?? theme.defaultNode
                // With --color-by the fill says the colour's value, not the kind: the kind's swatch is blank.
                kinds[node.kind] = ReportModel.KindEntry(label: language.kind(node.kind, in: network), fill: colorKey == nil ? style.fill : "#FFFFFF",
                                                         border: style.border, count: 0)
            }
            kinds[node.kind]?.count += 1
        }
        let styles = theme.edgeStyles(for: Array(network.relations.keys) + network.edges.map(\.relation))
        var relations: [String: ReportModel.RelationEntry] = [:]
        for edge in network.edges {
            if relations[edge.relation] == nil {
                let style = styles[edge.relation] ?? theme.defaultEdge
                relations[edge.relation] = ReportModel.RelationEntry(label: language.relation(edge.relation, in: network),
                                                                     symmetric: network.isSymmetric(edge.relation), color: style.color,
                                                                     style: style.style, count: 0)
            }
            relations[edge.relation]?.count += 1
        }
        // The slider's range: every year a tie names, and the year of --at (where the slider starts).
        let years = network.edges.flatMap { [$0.since, $0.until].compactMap { $0 } } + (year.map { [$0] } ?? [])
        return ReportModel(lang: lang, title: title, text: words, nodes: nodes, edges: edges, sources: sources, kinds: kinds, colors: colorLegend(nodes),
                           relations: relations, years: years.isEmpty ? nil : [years.min() ?? 0, years.max() ?? 0], at: year,
                           tables: try tables(), consortia: consortia.map(consortiumEntry))
    }

    /// The legend of `--color-by`: each value the drawing gave a fill, then "other" (or "(none)") for the rest.
    func colorLegend(_ nodes: [ReportModel.NodeEntry]) -> ReportModel.ColorLegend? {
        guard let colorKey else { return nil }
        var counts: [String: Int] = [:]
        for node in nodes { counts[node.color ?? "", default: 0] += 1 }
        let attribute = language.attribute(colorKey.attribute)
        var entries: [String: ReportModel.KindEntry] = [:]
        for (order, entry) in colorKey.entries.enumerated() {
            entries[entry.value] = ReportModel.KindEntry(label: entry.value, fill: entry.fill, border: "#777777", count: counts[entry.value] ?? 0, order: order)
        }
        if let rest = counts[""], rest > 0 {
            entries[""] = ReportModel.KindEntry(label: language(colorKey.hasOther ? DrawingWords.other : DrawingWords.none), fill: colorKey.otherFill,
                                                border: "#777777", count: rest, order: colorKey.entries.count)
        }
        return ReportModel.ColorLegend(heading: "\(language(DrawingWords.colourHeading)): \(attribute)", entries: entries)
    }

    /// Rounds to 6 significant decimals, so the page stays small and the numbers read as in the CLI's tables.
    static func rounded(_ value: Double) -> ReportModel.Cell {
        value.isFinite ? .number((value * 1_000_000).rounded() / 1_000_000) : .missing
    }

    /// `value` with `digits` decimals as the page's language writes it (a decimal comma in Norwegian).
    func decimal(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return lang == "en" ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    func tables() throws -> [ReportModel.Table] {
        let undirected = AnalysisGraph(network)
        let order = Array(0..<undirected.nodeCount)
        func label(_ index: Int) -> ReportModel.Cell { .text(network.node(undirected.ids[index])?.label(language: lang) ?? undirected.ids[index]) }

        // Centrality, most central (by degree) first.
        let measures: [Measure] = [.degree, .betweenness, .pagerank, .closeness, .constraint]
        let values = try measures.map { try undirected.values(of: $0) }
        let byDegree = order.sorted { values[0][$0] != values[0][$1] ? values[0][$0] > values[0][$1] : undirected.ids[$0] < undirected.ids[$1] }
        let centrality = ReportModel.Table(
            id: "centrality", caption: nil, columns: ["label", "kind"] + measures.map(\.rawValue),
            types: ["text", "text"] + measures.map { _ in "number" },
            rows: byDegree.map { index in
                [label(index), .text(network.node(undirected.ids[index])?.kind ?? "")] + values.map { ReportBuilder.rounded($0[index]) }
            },
            nodes: byDegree.map { undirected.ids[$0] })

        // Brokerage roles, groups by country, on the directed ties.
        let directed = AnalysisGraph(network, directed: true)
        let countries = directed.ids.map { network.node($0)?.country }
        let (groups, _) = AnalysisGraph.groupNumbers(countries)
        let scores = directed.brokerage(groups: groups)
        let brokers = Array(0..<directed.nodeCount).filter { scores[$0].total > 0 }
            .sorted { scores[$0].total != scores[$1].total ? scores[$0].total > scores[$1].total : directed.ids[$0] < directed.ids[$1] }
        let brokerage = ReportModel.Table(
            id: "brokerage", caption: nil, columns: ["label", "group"] + BrokerageRole.allCases.map(\.rawValue) + ["total"],
            types: ["text", "text"] + BrokerageRole.allCases.map { _ in "integer" } + ["integer"],
            rows: brokers.map { index in
                let node = network.node(directed.ids[index])
                return [.text(node?.label(language: lang) ?? directed.ids[index]), countries[index].map { .text($0) } ?? .missing]
                    + BrokerageRole.allCases.map { .number(Double(scores[index][$0])) } + [.number(Double(scores[index].total))]
            },
            nodes: brokers.map { directed.ids[$0] })

        // Leiden communities (seeded as `netmap communities`), one row per node.
        var generator = SplitMixGenerator(seed: seed)
        let partition = undirected.leiden(using: &generator)
        let modularity = undirected.modularity(partition)
        let members = partition.members
        let byCommunity = order.sorted { a, b in
            let (ca, cb) = (partition.community[a], partition.community[b])
            if ca != cb { return ca < cb }
            return values[0][a] != values[0][b] ? values[0][a] > values[0][b] : undirected.ids[a] < undirected.ids[b]
        }
        let communities = ReportModel.Table(
            id: "communities",
            caption: "\(members.count) \(words["communityCount"] ?? "communities") · \(words["modularity"] ?? "modularity") \(decimal(modularity, digits: 3))",
            columns: ["community", "size", "label", "kind", "degree"], types: ["integer", "integer", "text", "text", "number"],
            rows: byCommunity.map { index in
                let community = Int(partition.community[index])
                return [.number(Double(community + 1)), .number(Double(members[community].count)), label(index),
                        .text(network.node(undirected.ids[index])?.kind ?? ""), ReportBuilder.rounded(values[0][index])]
            },
            nodes: byCommunity.map { undirected.ids[$0] })

        // Sources, with the number of ties citing each.
        var citing: [String: Int] = [:]
        for edge in network.edges { for source in Set(edge.citations.map(\.source)) { citing[source, default: 0] += 1 } }
        let sourceIDs = citing.keys.sorted { citing[$0] != citing[$1] ? citing[$0] ?? 0 > citing[$1] ?? 0 : $0 < $1 }
        let sourcesTable = ReportModel.Table(
            id: "sources", caption: nil, columns: ["id", "title", "publisher", "year", "tieCount"],
            types: ["text", "text", "text", "integer", "integer"],
            rows: sourceIDs.map { id in
                let source = network.sources[id]
                return [.text(id), .text(source?.title ?? id), source?.publisher.map { .text($0) } ?? .missing,
                        source?.year.map { .number(Double($0)) } ?? .missing, .number(Double(citing[id] ?? 0))]
            },
            nodes: sourceIDs.map { _ in nil }, sources: sourceIDs)

        let warningsTable = ReportModel.Table(
            id: "warnings", caption: nil, columns: ["file", "message"], types: ["text", "text"],
            rows: warnings.map { [.text($0.location?.description ?? ""), .text($0.message)] }, nodes: warnings.map { _ in nil })
        return [centrality, brokerage, communities, sourcesTable, warningsTable]
    }

    /// The sources of a path's hop as the page names them: each cited document's title and page, in the page's
    /// words ("Internasjonalt handlingsprogram 2020–2023, side Kap. 2.4"); a hop over shared projects says how many.
    func hopCitation(_ hop: PathHop) -> String {
        let words = self.words
        let edge = network.edges.first {
            $0.relation == hop.relation && (($0.from == hop.from && $0.to == hop.to) || ($0.from == hop.to && $0.to == hop.from))
        }
        var text = hop.cited
        if let edge {
            text = edge.citations.map { citation in
                (network.sources[citation.source]?.title ?? citation.source) + (citation.page.map { ", \(words["page"] ?? "page") \($0)" } ?? "")
            }.joined(separator: "; ")
        }
        if text.isEmpty { return words["uncited"] ?? "uncited" }
        if hop.moreProjects > 0 { text += " \(words["andMore"] ?? "and") \(hop.moreProjects) \(words["more"] ?? "more")" }
        return text
    }

    /// The finder's proposals with its sentences (rules, notes, what is missing) in the page's language.
    func consortiumEntry(_ result: ConsortiumResult) -> ReportModel.ConsortiumEntry {
        let kinds = Set(DrawingWords.kinds.keys).union(network.kinds.keys).union(network.nodes.map(\.kind))
        let kindNames = Dictionary(uniqueKeysWithValues: kinds.map { ($0, language.kind($0, in: network).lowercased()) })
        func say(_ sentence: ConsortiumSentence) -> String { sentence.text(lang, kindNames: kindNames) }
        return ReportModel.ConsortiumEntry(
            programme: result.programme.id, programmeLabel: result.programme.label, lead: result.lead.id,
            unmet: result.unmetSentences.map(say), notes: result.noteSentences.map(say),
            citations: result.programme.cite.map { ReportModel.ProgrammeCitationEntry(title: $0.title, url: $0.url) },
            proposals: result.consortia.map { consortium in
                ReportModel.Proposal(
                    score: (consortium.score * 1000).rounded() / 1000,
                    partners: consortium.partners.map { partner in
                        ReportModel.Partner(id: partner.node.id, role: partner.role.rawValue, share: (partner.share * 1000).rounded() / 1000,
                                            path: partner.path.map {
                                                ReportModel.Hop(from: $0.from, to: $0.to, relation: $0.relation, reversed: $0.reversed, citation: hopCitation($0))
                                            })
                    },
                    rules: consortium.rules.map { ReportModel.Rule(rule: say($0.sentence), met: $0.met) })
            })
    }
}
