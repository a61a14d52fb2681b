/// A document that ties are cited from (a strategy, an action plan, a programme guide).
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var year: Int?
    public var url: String?
    /// Any other key the file gave, kept as text.
    public var attributes: [String: String]
    public var location: SourceLocation?

    public init(id: String, title: String, publisher: String? = nil, year: Int? = nil, url: String? = nil,
                attributes: [String: String] = [:], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.year = year
        self.url = url
        self.attributes = attributes
        self.location = location
    }
}

/// A reference from a tie to the place in a source that states it.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var page: String?

    public init(source: String, page: String? = nil) {
        self.source = source
        self.page = page
    }

    public var description: String {
        if let page { return "\(source), \(page)" }
        return source
    }
}

/// An actor in the network: an organisation, county, programme, partner region, theme.
public struct Node: Hashable, Sendable {
    public var id: String
    public var label: String
    public var kind: String
    public var tags: [String]
    /// Every other key (`country`, `label_en`, `region`, `note`, ...), as text.
    public var attributes: [String: String]
    public var location: SourceLocation?

    public init(id: String, label: String? = nil, kind: String = "node", tags: [String] = [],
                attributes: [String: String] = [:], location: SourceLocation? = nil) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.tags = tags
        self.attributes = attributes
        self.location = location
    }

    /// ISO 3166-1 alpha-2 country code, when given.
    public var country: String? { attributes["country"] }

    /// The label in the requested language: `label_en` for `"en"` when present.
    public func label(language: String?) -> String {
        if let language, let localized = attributes["label_\(language)"], !localized.isEmpty { return localized }
        return label
    }
}

/// A tie between two nodes, with its relation, citations and period of validity.
public struct Edge: Hashable, Sendable {
    public var from: String
    public var to: String
    public var relation: String
    public var citations: [Citation]
    public var since: Int?
    public var until: Int?
    public var weight: Double
    /// Every other key (`note`, `via`, ...), as text.
    public var attributes: [String: String]
    public var location: SourceLocation?

    public init(from: String, to: String, relation: String, citations: [Citation] = [], since: Int? = nil,
                until: Int? = nil, weight: Double = 1, attributes: [String: String] = [:],
                location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.relation = relation
        self.citations = citations
        self.since = since
        self.until = until
        self.weight = weight
        self.attributes = attributes
        self.location = location
    }

    /// Whether the tie is valid in `year` (open ends count as valid).
    public func isValid(in year: Int) -> Bool {
        if let since, year < since { return false }
        if let until, year > until { return false }
        return true
    }
}

/// A typed, cited network: what the input files describe once merged.
public struct Network: Sendable {
    public var name: String?
    /// Sources by id.
    public var sources: [String: Source]
    public private(set) var nodes: [Node]
    public var edges: [Edge]
    /// Node kinds: the built-in ones plus those the input declared.
    public var kinds: [String: KindInfo]
    /// Relations: the built-in ones plus those the input declared.
    public var relations: [String: RelationInfo]
    private var indexByID: [String: Int]

    public init(name: String? = nil, sources: [String: Source] = [:], nodes: [Node] = [], edges: [Edge] = [],
                kinds: [String: KindInfo] = KindInfo.builtIn, relations: [String: RelationInfo] = RelationInfo.builtIn) {
        self.name = name
        self.sources = sources
        self.nodes = []
        self.edges = edges
        self.kinds = kinds
        self.relations = relations
        self.indexByID = [:]
        for node in nodes { upsert(node) }
    }

    /// The position of the node with this id in `nodes`.
    public func index(of id: String) -> Int? { indexByID[id] }

    public func node(_ id: String) -> Node? { indexByID[id].map { nodes[$0] } }

    /// Adds a node, or replaces the node with the same id.
    public mutating func upsert(_ node: Node) {
        if let index = indexByID[node.id] {
            nodes[index] = node
        } else {
            indexByID[node.id] = nodes.count
            nodes.append(node)
        }
    }

    /// Removes nodes not satisfying `keep`, and every edge touching them.
    public mutating func removeNodes(where shouldRemove: (Node) -> Bool) {
        let kept = nodes.filter { !shouldRemove($0) }
        let keptIDs = Set(kept.map(\.id))
        nodes = []
        indexByID = [:]
        for node in kept { upsert(node) }
        edges.removeAll { !keptIDs.contains($0.from) || !keptIDs.contains($0.to) }
    }

    /// Whether the relation is symmetric (undirected), per the declared relations.
    public func isSymmetric(_ relation: String) -> Bool { relations[relation]?.symmetric ?? false }

    /// All citations of an edge rendered as `source, page` strings.
    public func citationText(_ edge: Edge) -> String {
        edge.citations.map(\.description).joined(separator: "; ")
    }
}
