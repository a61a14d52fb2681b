import Foundation
import Graph

/// What to draw: the choices of `netmap render` turned into a `RenderRequest`, using the shared filters, the
/// ego network and the measures of the `Graph` library.
struct DrawingPlan {
    var ego: String?
    var radius = 1
    var top: Int?
    var topMeasure = "degree"
    var hideIsolated = false
    var sizeBy: String?
    var colorBy: String?
    var groupBy: String?

    /// The request drawing `network` (already filtered by kinds, relations and year).
    func request(for network: Network) throws -> RenderRequest {
        var drawn = network
        var emphasized: Set<String> = []
        if let ego {
            let center = try network.resolve(ego)
            drawn = network.egoNetwork(of: center.id, radius: radius).network
            emphasized = [center.id]
        }
        if let top {
            let measure = try DrawingPlan.measure(topMeasure)
            let graph = AnalysisGraph(drawn)
            let values = try graph.values(of: measure)
            let ranked = graph.ids.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : graph.ids[$0] < graph.ids[$1] }
            let kept = Set(ranked.prefix(top).map { graph.ids[$0] })
            drawn.removeNodes { !kept.contains($0.id) }
        }
        if hideIsolated {
            var touched = Set<String>()
            for edge in drawn.edges { touched.insert(edge.from); touched.insert(edge.to) }
            drawn.removeNodes { !touched.contains($0.id) }
        }
        if drawn.nodes.isEmpty { throw GraphError.invalidArgument("nothing to draw: the filters leave no node") }
        var request = RenderRequest(network: drawn)
        request.centre = emphasized
        if let sizeBy {
            let measure = try DrawingPlan.measure(sizeBy)
            let graph = AnalysisGraph(network)
            let values = try graph.values(of: measure)
            request.sizing = NodeSizing(measure: measure.rawValue, values: Dictionary(uniqueKeysWithValues: zip(graph.ids, values)))
        }
        if [colorBy, groupBy].contains("community"), !drawn.nodes.contains(where: { $0.attributes["community"] != nil }) {
            drawn = DrawingPlan.withCommunities(drawn, detectedIn: network)
            request.network = drawn
        }
        for attribute in [colorBy, groupBy].compactMap({ $0 }) {
            try DrawingPlan.check(attribute: attribute, in: drawn)
        }
        request.colorBy = colorBy
        request.groupBy = groupBy
        return request
    }

    static func measure(_ name: String) throws -> Measure {
        guard let measure = Measure(rawValue: name) else {
            throw GraphError.invalidArgument("unknown measure '\(name)'; choose from \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return measure
    }

    /// The drawn nodes with a `community` attribute: the Louvain communities of the whole (filtered) network,
    /// numbered and seeded as `netmap communities` does by default, so the legend matches its output.
    static func withCommunities(_ drawn: Network, detectedIn network: Network) -> Network {
        let graph = AnalysisGraph(network)
        var generator = SplitMixGenerator(seed: 42)
        let partition = graph.louvain(using: &generator)
        var result = drawn
        for (index, id) in graph.ids.enumerated() {
            guard var node = result.node(id) else { continue }
            node.attributes["community"] = "community \(partition.community[index] + 1)"
            result.upsert(node)
        }
        return result
    }

    /// An attribute is usable when some drawn node has it (`kind`, `id`, `label` and `tags` always are).
    static func check(attribute: String, in network: Network) throws {
        if ["kind", "id", "label", "tags"].contains(attribute) { return }
        if network.nodes.contains(where: { DOTBuilder.value(of: attribute, in: $0) != nil }) { return }
        let known = Set(network.nodes.flatMap(\.attributes.keys)).union(["kind"]).sorted()
        throw GraphError.invalidArgument("no drawn node has the attribute '\(attribute)'; attributes present: \(known.joined(separator: ", "))")
    }

    /// "Sources: id — title (publisher, year); ..." for the sources cited by the network's ties, sorted by id,
    /// the heading in `language` ("Kilder:" in bokmål).
    static func sourcesNote(_ network: Network, language: DrawingLanguage = .en) -> String? {
        let cited = Set(network.edges.flatMap { $0.citations.map(\.source) }).sorted()
        guard !cited.isEmpty else { return nil }
        let items = cited.map { id -> String in
            guard let source = network.sources[id] else { return id }
            let details = [source.publisher, source.year.map(String.init)].compactMap { $0 }
            return "\(id): \(source.title)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        }
        return language(DrawingWords.sources) + ": " + items.joined(separator: "; ")
    }
}

extension RenderRequest {
    /// The part of `network` on `nodes`, with every tie among them; the ties `markedTies` (indices into
    /// `network.edges`) and their ends get `mark`.
    init(part network: Network, nodes: Set<String>, markedTies: Set<Int> = [], mark: Mark = .highlight, title: String?) {
        var part = network
        part.removeNodes { !nodes.contains($0.id) }
        self.init(network: part, title: title)
        // `removeNodes` keeps the remaining ties in order.
        var drawnIndex = 0
        for (index, edge) in network.edges.enumerated() where nodes.contains(edge.from) && nodes.contains(edge.to) {
            if markedTies.contains(index) {
                tieMarks[drawnIndex] = mark
                nodeMarks[edge.from] = mark
                nodeMarks[edge.to] = mark
            }
            drawnIndex += 1
        }
    }
}
