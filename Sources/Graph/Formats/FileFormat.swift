import Foundation

/// The file formats netmap reads and writes: the one table from file extensions, `--from` names and
/// `export --format` names to a reader and a writer.
///
/// A new format adds its case here (names, extensions, whether its vocabulary is open, its reader and its
/// writer) and its own file under `Sources/Graph/Formats/` with the reading and writing code. The checks
/// every format shares (duplicate node ids, slugs, the vocabulary) are not the readers' business: they run
/// once in `read(_:path:)` on the document a reader returns, and in `NetworkLoader` on the merged network.
public enum FileFormat: String, CaseIterable, Sendable {
    /// The hand-written network file of docs/format.md.
    case yaml
    /// One table of ties (`edges.csv`, or the edge list with endpoint columns `export --format edgelist` writes).
    case csvEdges
    /// One table of nodes (`nodes.csv`).
    case csvNodes
    /// A folder holding `nodes.csv`, `edges.csv` and `network.yaml` (written by `export --format csv`).
    case csvFolder
    /// NetworkX node-link JSON.
    case nodeLinkJSON
    case graphml
    case gexf
    case pajek
    case gml
    /// An Excel workbook: netmap's sheets `nodes` and `edges`, or Kumu's `Elements` and `Connections`.
    case xlsx
    /// An Excel workbook in Kumu's layout (`Elements`: `ID`, `Label`, `Type`, ...; `Connections`: `From`,
    /// `To`, `Type`, `Direction`, `Strength`, ...), for importing into Kumu. Read as any workbook.
    case kumu
    /// Graphviz DOT, read with libcgraph and written by the renderer's DOT builder (both in the netmap
    /// executable, which registers them with `FormatPlugins`).
    case dot

    // MARK: The table

    /// The names `--from` accepts for this format; the first is the one help shows.
    public var readingNames: [String] {
        switch self {
        case .yaml: return ["yaml"]
        case .csvEdges: return ["csv", "edgelist"]
        case .csvNodes: return ["nodes-csv"]
        case .csvFolder: return []
        case .nodeLinkJSON: return ["json"]
        case .graphml: return ["graphml"]
        case .gexf: return ["gexf"]
        case .pajek: return ["pajek"]
        case .gml: return ["gml"]
        case .xlsx: return ["xlsx"]
        case .kumu: return ["kumu"]
        case .dot: return ["dot"]
        }
    }

    /// The names `export --format` accepts for this format (none: netmap does not write it).
    /// `csv` written is the folder of tables; one CSV of ties is `edgelist`.
    public var writingNames: [String] {
        switch self {
        case .csvEdges: return ["edgelist"]
        case .csvFolder: return ["csv"]
        case .csvNodes, .gml: return []
        default: return readingNames
        }
    }

    /// The file extensions (lower case, without the dot) that stand for this format.
    public var extensions: [String] {
        switch self {
        case .yaml: return ["yaml", "yml"]
        case .csvEdges: return ["csv", "tsv"]
        case .csvNodes, .csvFolder, .kumu: return []
        case .nodeLinkJSON: return ["json"]
        case .graphml: return ["graphml"]
        case .gexf: return ["gexf"]
        case .pajek: return ["net", "paj"]
        case .gml: return ["gml"]
        case .xlsx: return ["xlsx"]
        case .dot: return ["dot", "gv"]
        }
    }

    /// Whether netmap can write this format (`export`).
    public var isWritable: Bool { !writingNames.isEmpty }

    /// Whether kinds and relations the file uses without declaring are taken as its own vocabulary (data from
    /// other tools and spreadsheets) rather than reported as unknown (YAML, written by hand, where an unknown
    /// name is usually a typo).
    public var hasOpenVocabulary: Bool { self != .yaml }

    /// Whether the format's node ids are typed by hand and must be slugs (YAML and `nodes.csv`).
    public var requiresSlugIDs: Bool { self == .yaml || self == .csvNodes }

    // MARK: Lookup

    /// The format a file's name implies when read (`nodes.csv` is the nodes table).
    public init?(path: String) {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        if ext == "csv", url.lastPathComponent.lowercased() == "nodes.csv" { self = .csvNodes; return }
        guard let format = Self.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self = format
    }

    /// The format `export` writes for an output file name, or nil when the extension says none.
    public init?(outputPath: String) {
        let ext = URL(fileURLWithPath: outputPath).pathExtension.lowercased()
        guard let format = Self.allCases.first(where: { $0.isWritable && $0.extensions.contains(ext) }) else { return nil }
        self = format
    }

    /// The format `--from NAME` reads, or nil.
    public init?(name: String) {
        let name = name.lowercased()
        guard let format = Self.allCases.first(where: { $0.readingNames.contains(name) }) else { return nil }
        self = format
    }

    /// The format `export --format NAME` writes, or nil.
    public init?(outputName name: String) {
        let name = name.lowercased()
        guard let format = Self.allCases.first(where: { $0.writingNames.contains(name) }) else { return nil }
        self = format
    }

    /// Every extension netmap reads, for messages.
    public static var readableExtensions: [String] { allCases.flatMap(\.extensions) }

    /// Every extension `export` writes, for messages.
    public static var writableExtensions: [String] { allCases.filter(\.isWritable).flatMap(\.extensions) }

    /// The names `--from` accepts, in help order.
    public static var readingNames: [String] { allCases.flatMap(\.readingNames) }

    /// The names `export --format` accepts, in help order.
    public static var writingNames: [String] { allCases.flatMap(\.writingNames) }

    // MARK: Reading

    /// Reads a file of this format and runs the checks every format shares on it.
    public func read(_ data: Data, path: String) -> NetworkDocument {
        var document = readWithoutChecks(data, path: path)
        document.checkNodeIDs(slugs: requiresSlugIDs)
        if hasOpenVocabulary { document.openVocabulary() }
        document.diagnostics = NetworkLoader.sorted(document.diagnostics)
        return document
    }

    /// The reader's own work: the file's syntax and values.
    func readWithoutChecks(_ data: Data, path: String) -> NetworkDocument {
        switch self {
        case .yaml:
            return YAMLFormat.read(data, path: path)
        case .csvEdges:
            var document = NetworkDocument(path: path)
            CSVFormat.readEdges(data, path: path, into: &document)
            document.implyMissingNodes()
            return document
        case .csvNodes:
            var document = NetworkDocument(path: path)
            CSVFormat.readNodes(data, path: path, into: &document)
            return document
        case .csvFolder:
            var document = NetworkDocument(path: path)
            document.diagnostics.append(.error("a CSV folder is read as a folder, not as one file", at: SourceLocation(file: path)))
            return document
        case .nodeLinkJSON:
            return NodeLinkFormat.read(data, path: path)
        case .graphml:
            return GraphMLFormat.read(data, path: path)
        case .gexf:
            return GEXFFormat.read(data, path: path)
        case .pajek:
            return PajekFormat.read(data, path: path)
        case .gml:
            return GMLFormat.read(data, path: path)
        case .xlsx, .kumu:
            return XLSXFormat.read(data, path: path)
        case .dot:
            guard let reader = FormatPlugins.reader(for: self) else {
                var document = NetworkDocument(path: path)
                document.diagnostics.append(.error("reading DOT needs Graphviz's parser, which only the netmap command registers",
                                                   at: SourceLocation(file: path)))
                return document
            }
            return reader(data, path)
        }
    }

    // MARK: Writing

    /// What some writers take beyond the network.
    public struct WriteOptions: Sendable {
        /// GEXF: `#RRGGBB` fill colour by kind.
        public var kindColors: [String: String] = [:]
        /// GEXF: node positions by id (none: Gephi lays the graph out).
        public var positions: [String: GEXFFormat.Position] = [:]
        /// CSV (the edge list and the tables of the folder): separator, decimal mark and byte order mark.
        public var csvDialect: CSVDialect = .standard
        public init(kindColors: [String: String] = [:], positions: [String: GEXFFormat.Position] = [:], csvDialect: CSVDialect = .standard) {
            self.kindColors = kindColors
            self.positions = positions
            self.csvDialect = csvDialect
        }
    }

    /// The bytes of one file of this format. The CSV folder is written with `CSVFormat.writePair`.
    ///
    /// - Throws: `GraphError.invalidArgument` for a format netmap reads but does not write.
    public func write(_ network: Network, options: WriteOptions = WriteOptions()) throws -> Data {
        switch self {
        case .yaml: return Data(try YAMLFormat.write(network).utf8)
        case .csvEdges: return Data(CSVFormat.edgeListTable(network, dialect: options.csvDialect).utf8)
        case .csvFolder:
            // Both tables one after the other (standard output); the byte order mark only at the start.
            let dialect = options.csvDialect
            let edges = CSVFormat.edgesTable(network, dialect: dialect).dropFirst(dialect.preamble.count)
            return Data((CSVFormat.nodesTable(network, dialect: dialect) + "\n" + edges).utf8)
        case .nodeLinkJSON: return try NodeLinkFormat.write(network)
        case .graphml: return Data(GraphMLFormat.write(network).utf8)
        case .gexf: return Data(GEXFFormat.write(network, colors: options.kindColors, positions: options.positions).utf8)
        case .pajek: return Data(PajekFormat.write(network).utf8)
        case .xlsx: return try XLSXFormat.write(network)
        case .kumu: return try XLSXFormat.writeKumu(network)
        case .dot:
            guard let writer = FormatPlugins.writer(for: self) else {
                throw GraphError.invalidArgument("writing DOT needs the renderer, which only the netmap command registers")
            }
            return try writer(network)
        case .csvNodes, .gml:
            throw GraphError.invalidArgument("netmap reads \(readingNames[0]) but does not write it; write one of: \(Self.writingNames.joined(separator: ", "))")
        }
    }
}
