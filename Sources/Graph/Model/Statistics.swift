import Foundation

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
    /// Component sizes, largest first.
    public var componentSizes: [Int]
    /// Diameter (hops) of each component, in the order of `componentSizes`; nil when the network has more
    /// than `distanceLimit` nodes (one BFS per node would take too long).
    public var diameters: [Int]?
    /// Mean shortest-path length over ordered pairs joined by a path; nil when skipped (see `diameters`).
    public var averagePathLength: Double?
    /// Mean local clustering coefficient (NetworkX's `average_clustering`).
    public var averageClustering: Double
    /// Number of nodes with each degree (distinct neighbours).
    public var degreeDistribution: [Int: Int]

    /// Networks above this many nodes get no diameter or average path length in `stats`.
    public static let distanceLimit = 20_000

    /// Summarises the network as the undirected simple graph of its ties.
    public init(_ network: Network, filter: GraphFilter = GraphFilter()) {
        self.init(AnalysisNetwork(network), filter: filter)
    }

    /// Summarises a network's analysis view (from the full or the fast load: the same figures).
    ///
    /// - Complexity: O(n + m) for everything but clustering (O(Σ d²) at worst) and, up to `distanceLimit`
    ///   nodes, the distances (one BFS per node, O(n·m)).
    public init(_ network: AnalysisNetwork, filter: GraphFilter = GraphFilter()) {
        let network = network.filtered(by: filter)
        let graph = AnalysisGraph(network)
        name = network.name
        nodes = network.nodeCount
        edges = network.edgeCount
        sources = network.sourceCount
        byKind = network.countByKind
        byRelation = network.countByRelation
        let (labels, count) = graph.componentLabels()
        var sizes = [Int](repeating: 0, count: count)
        for label in labels { sizes[Int(label)] += 1 }
        sizes.sort(by: >)
        components = count
        largestComponent = sizes.first ?? 0
        density = graph.density
        isolated = (0..<graph.nodeCount).filter { graph.outDegree($0) == 0 }.map { graph.ids[$0] }
        uncitedEdges = network.uncitedEdges
        componentSizes = sizes
        if graph.nodeCount <= Self.distanceLimit {
            let distances = graph.distanceStatistics()
            diameters = distances.diameters.map { Int($0) }
            averagePathLength = distances.averagePathLength
        }
        averageClustering = graph.averageClustering()
        degreeDistribution = graph.degreeDistribution()
    }

    /// The JSON object (keys as documented for `netmap stats --format json`).
    public var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "nodes": nodes, "edges": edges, "sources": sources, "by_kind": byKind, "by_relation": byRelation,
            "components": components, "largest_component": largestComponent, "density": density,
            "isolated": isolated, "uncited_edges": uncitedEdges,
        ]
        object["component_sizes"] = componentSizes
        object["diameters"] = diameters.map { $0 as Any } ?? NSNull()
        object["diameter"] = diameters.map { ($0.max() ?? 0) as Any } ?? NSNull()
        object["average_path_length"] = averagePathLength.map { $0 as Any } ?? NSNull()
        object["average_clustering"] = averageClustering
        object["degree_distribution"] = Dictionary(uniqueKeysWithValues: degreeDistribution.map { (String($0.key), $0.value) })
        if let name { object["network"] = name }
        return object
    }
}
