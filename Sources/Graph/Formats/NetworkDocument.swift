/// What one input file contributes to a network, before files are merged and checked.
public struct NetworkDocument: Sendable {
    public var path: String
    public var name: String?
    public var sources: [Source] = []
    public var kinds: [KindInfo] = []
    public var relations: [RelationInfo] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// Ids of nodes that the file only implies (an edge list names them without describing them).
    public var impliedNodeIDs: Set<String> = []
    /// Problems found while reading the file (syntax, duplicates within the file, bad values).
    public var diagnostics: [Diagnostic] = []

    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name
    }

    /// Adds nodes for edge endpoints that the file did not describe, with kind `node`.
    public mutating func implyMissingNodes() {
        var known = Set(nodes.map(\.id))
        for edge in edges {
            for id in [edge.from, edge.to] where !known.contains(id) {
                known.insert(id)
                impliedNodeIDs.insert(id)
                nodes.append(Node(id: id, label: id, kind: "node", location: edge.location))
            }
        }
    }
}
