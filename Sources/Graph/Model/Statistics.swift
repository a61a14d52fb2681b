/// The summary `netmap stats` prints: sizes by kind and relation, connectivity, density, isolated nodes.
public struct NetworkStatistics: Sendable {
    public var name: String?
    public var nodes: Int
    public var edges: Int
    public var sources: Int
    public var byKind: [String: Int]
    public var byRelation: [String: Int]
    public var components: Int
    public var largestComponent: Int
    public var density: Double
    public var isolated: [String]
    public var uncitedEdges: Int

    /// Summarises the network as the undirected simple graph of its ties.
    public init(_ network: Network, filter: GraphFilter = GraphFilter()) {
        let network = filter.apply(to: network)
        let graph = AnalysisGraph(network)
        name = network.name
        nodes = network.nodes.count
        edges = network.edges.count
        sources = network.sources.count
        byKind = network.nodes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
        byRelation = network.edges.reduce(into: [:]) { $0[$1.relation, default: 0] += 1 }
        let parts = graph.connectedComponents()
        components = parts.count
        largestComponent = parts.first?.count ?? 0
        density = graph.density
        isolated = (0..<graph.nodeCount).filter { graph.outDegree($0) == 0 }.map { graph.ids[$0] }
        uncitedEdges = network.edges.filter(\.citations.isEmpty).count
    }

    /// The JSON object (keys as documented for `netmap stats --format json`).
    public var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "nodes": nodes, "edges": edges, "sources": sources, "by_kind": byKind, "by_relation": byRelation,
            "components": components, "largest_component": largestComponent, "density": density,
            "isolated": isolated, "uncited_edges": uncitedEdges,
        ]
        if let name { object["network"] = name }
        return object
    }
}
