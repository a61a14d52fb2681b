/// What one input file contributes to a network, before files are merged and checked.
public struct NetworkDocument: Sendable {
    public var path: String
    public var name: String?
    public var sources: [Source] = []
    public var kinds: [KindInfo] = []
    /// Where each declared kind is, for messages about its colour or shape (formats that know the line).
    public var kindLocations: [String: SourceLocation] = [:]
    public var relations: [RelationInfo] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// Programme rules (`programmes:` and `country_groups:` in a YAML file), read in the same pass as the network.
    public var programmes: ProgrammeCatalogue?
    /// Indices of the edges the file says are undirected (GraphML/GEXF `edgedefault`, an undirected DOT graph,
    /// Pajek `*Edges`); a relation taken from the data is symmetric when all its edges are undirected.
    public var undirectedEdges: Set<Int> = []
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

    /// Whether kinds and relations the file uses without declaring are its own vocabulary (data from other
    /// tools and spreadsheets; `FileFormat.hasOpenVocabulary`). The loader declares them once every file's
    /// declarations are known, with one note per file (`NetworkLoader.takeVocabularyFromData`).
    public var hasOpenVocabulary = false

    /// Prepares data from elsewhere for the merge: undirected ties without a relation are `connected_to`,
    /// and sources it cites without describing get a source whose title is its id (a file that describes
    /// them wins in the merge).
    public mutating func openVocabulary() {
        hasOpenVocabulary = true
        Interchange.declareImpliedSources(in: &self, undirectedEdges: undirectedEdges)
    }

    /// The checks every format shares, run once on each document a reader returns (`FileFormat.read`):
    /// a node id given twice in one file is an error (the first description is kept), and, for formats
    /// whose ids are written by hand (`slugs`), an id that is not a slug is an error.
    /// The same id in two files is not a duplicate: files are merged by id (`NetworkLoader.merge`).
    public mutating func checkNodeIDs(slugs: Bool) {
        var first: [String: SourceLocation?] = [:]
        var kept: [Node] = []
        kept.reserveCapacity(nodes.count)
        for node in nodes {
            if let earlier = first[node.id] {
                let whereFirst = earlier?.place.map { " (first on \($0))" } ?? ""
                diagnostics.append(.error("duplicate node id '\(node.id)'\(whereFirst)", at: node.location))
                continue
            }
            first[node.id] = node.location
            if slugs, !impliedNodeIDs.contains(node.id), !Slug.isValid(node.id) {
                diagnostics.append(.error("node id '\(node.id)' is not a slug (lowercase letters, digits and single '-', e.g. '\(Slug.make(from: node.id))')",
                                          at: node.location))
            }
            kept.append(node)
        }
        if kept.count != nodes.count { nodes = kept }
    }
}
