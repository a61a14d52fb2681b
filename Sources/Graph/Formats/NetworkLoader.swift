import Foundation

/// Loads networks from files and folders, merges them and checks the result: the one input stage every
/// command goes through (`netmap` calls it via `InputOptions`).
public enum NetworkLoader {
    /// The outcome of loading (see `LoadedInput`).
    public typealias Result = LoadedInput

    /// Reads, merges and validates the inputs, collecting every diagnostic instead of stopping at the first.
    /// `format` overrides the format that file extensions imply (`--from`); folders are read as usual.
    /// Programme rules in the YAML files come from the same pass (`LoadedInput.programmes`).
    public static func load(_ paths: [String], format: FileFormat? = nil) -> LoadedInput {
        var documents: [NetworkDocument] = []
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        for path in paths {
            OutputStage.shared.noteInput(path)
            switch expand(path, format: format) {
            case .success(let inputs):
                for input in inputs {
                    documents.append(read(input))
                    files += input.files
                }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        diagnostics += documents.flatMap(\.diagnostics)
        let names = Set(documents.compactMap(\.name))
        var programmes = ProgrammeCatalogue()
        var programmeFiles: [String] = []
        for document in documents {
            guard let catalogue = document.programmes else { continue }
            programmes.merge(catalogue)
            programmeFiles.append(document.path)
        }
        // The documents are given up to the merge, so their ties are not held twice.
        var (network, mergeDiagnostics) = merge(consume documents)
        diagnostics += mergeDiagnostics
        diagnostics += NetworkValidator.validate(network)
        // A single input names the network after itself unless exactly one file gave a name.
        if paths.count == 1, names.count != 1 {
            network.name = URL(fileURLWithPath: paths[0]).deletingPathExtension().lastPathComponent
        }
        return LoadedInput(network: network, programmes: programmes, programmeFiles: programmeFiles,
                           files: files, diagnostics: sorted(diagnostics))
    }

    /// Loads the inputs and throws `GraphError.invalidInput` when they have errors.
    /// Warnings are returned beside the network.
    public static func loadValid(_ paths: [String], format: FileFormat? = nil) throws -> (network: Network, warnings: [Diagnostic]) {
        let result = try load(paths, format: format).valid()
        return (result.network, result.warnings)
    }

    /// An input path as the list of files it stands for: a folder becomes its network files.
    public enum Input: Hashable, Sendable {
        /// One file. `inFolder`: found by listing a folder (a JSON file there that is not a network is skipped).
        case file(String, format: FileFormat, inFolder: Bool = false)
        /// A folder's `nodes.csv` (optional) and `edges.csv`, read together.
        case csvPair(nodes: String?, edges: String)

        /// The files this input reads.
        public var files: [String] {
            switch self {
            case .file(let path, _, _): return [path]
            case .csvPair(let nodes, let edges): return (nodes.map { [$0] } ?? []) + [edges]
            }
        }
    }

    /// Whether reading a folder reads the file `name` in it (`expand`): YAML, the pair `nodes.csv` and
    /// `edges.csv`, and every other format netmap reads except other CSV files and hidden files.
    public static func readsFromFolder(_ name: String) -> Bool {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name == "nodes.csv" || name == "edges.csv" { return true }
        guard !name.hasPrefix("."), let format = FileFormat(path: name) else { return false }
        return ![.yaml, .csvEdges, .csvNodes].contains(format)
    }

    static func expand(_ path: String, format forced: FileFormat? = nil) -> Swift.Result<[Input], Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.error(UnreadableFile.reason(path), at: SourceLocation(file: path)))
        }
        if !isDirectory.boolValue {
            guard let format = forced ?? FileFormat(path: path) else {
                return .failure(.error("unknown file type '.\(URL(fileURLWithPath: path).pathExtension)' (expected one of: \(FileFormat.readableExtensions.joined(separator: ", ")))",
                                       at: SourceLocation(file: path)))
            }
            return .success([.file(path, format: format)])
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            return .failure(.error("cannot list folder: \(error.localizedDescription)", at: SourceLocation(file: path)))
        }
        // Keep the user's own spelling of the folder (relative stays relative) in every diagnostic.
        func inFolder(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }
        var inputs: [Input] = names
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { .file(inFolder($0), format: .yaml) }
        let edges = inFolder("edges.csv")
        let nodes = inFolder("nodes.csv")
        if names.contains("edges.csv") {
            inputs.append(.csvPair(nodes: names.contains("nodes.csv") ? nodes : nil, edges: edges))
        } else if names.contains("nodes.csv") {
            inputs.append(.file(nodes, format: .csvNodes))
        }
        // Every other format netmap knows, merged by id with the rest. Other CSV files are not read: only
        // the pair's names say what a table holds.
        for name in names where !name.hasPrefix(".") {
            guard let format = FileFormat(path: name), ![.yaml, .csvEdges, .csvNodes].contains(format) else { continue }
            inputs.append(.file(inFolder(name), format: format, inFolder: true))
        }
        if inputs.isEmpty {
            let known = FileFormat.readableExtensions.filter { !["csv", "tsv", "yml"].contains($0) }.map { "*.\($0)" }.joined(separator: ", ")
            return .failure(.error("folder holds no network files (\(known), nodes.csv/edges.csv)", at: SourceLocation(file: path)))
        }
        return .success(inputs)
    }

    /// Reads one input into a document.
    public static func read(_ input: Input) -> NetworkDocument {
        switch input {
        case .file(let path, let format, let inFolder):
            let document = read(path, format: format)
            // A folder may hold JSON that is not a network (results, settings): skipped with a note.
            if inFolder, format == .nodeLinkJSON, document.nodes.isEmpty,
               document.diagnostics.contains(where: { $0.message.hasPrefix("expected node-link JSON") }) {
                var skipped = NetworkDocument(path: path)
                skipped.diagnostics.append(.note("\(path): not node-link JSON (no 'nodes' list); skipped"))
                return skipped
            }
            return document
        case .csvPair(let nodesPath, let edgesPath):
            // The pair is one document: the nodes table describes the ids the edges table uses.
            var document = NetworkDocument(path: edgesPath)
            if let nodesPath {
                switch readData(nodesPath) {
                case .success(let data): CSVFormat.readNodes(data, path: nodesPath, into: &document)
                case .failure(let diagnostic): document.diagnostics.append(diagnostic)
                }
            }
            let described = document.nodes.count
            switch readData(edgesPath) {
            case .success(let data): CSVFormat.readEdges(data, path: edgesPath, into: &document)
            case .failure(let diagnostic): document.diagnostics.append(diagnostic)
            }
            document.implyMissingNodes()
            // Ids are checked as slugs where they are typed by hand: in the nodes table.
            var nodesTable = document
            nodesTable.nodes = Array(document.nodes.prefix(described))
            nodesTable.diagnostics = []
            nodesTable.checkNodeIDs(slugs: true)
            document.diagnostics += nodesTable.diagnostics
            document.nodes = nodesTable.nodes + document.nodes.dropFirst(described)
            document.openVocabulary()
            return document
        }
    }

    /// Reads one file of a known format into a document.
    public static func read(_ path: String, format: FileFormat) -> NetworkDocument {
        let data: Data
        switch readData(path) {
        case .success(let contents): data = contents
        case .failure(let diagnostic):
            var document = NetworkDocument(path: path)
            document.diagnostics.append(diagnostic)
            return document
        }
        return format.read(data, path: path)
    }

    static func readData(_ path: String) -> Swift.Result<Data, Diagnostic> {
        do {
            return .success(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return .failure(.error("cannot read file: \(UnreadableFile.reason(path))", at: SourceLocation(file: path)))
        }
    }

    /// Merges documents: the same id in two files is the same entity. Attributes are combined; a key with
    /// two different values is an error naming both places.
    public static func merge(_ documents: consuming [NetworkDocument]) -> (Network, [Diagnostic]) {
        var network = Network()
        var diagnostics: [Diagnostic] = []
        var names: [String] = []
        var implied: Set<String> = []
        var usage: [VocabularyUse] = []
        for document in documents {
            if let name = document.name, !names.contains(name) { names.append(name) }
            if document.hasOpenVocabulary { usage.append(VocabularyUse(document)) }
            for source in document.sources {
                if let existing = network.sources[source.id] {
                    // A source a foreign file only implied (its title is its id) yields to a described one.
                    if existing.title == existing.id && source.title != source.id {
                        network.sources[source.id] = source
                    } else if existing.title != source.title && source.title != source.id {
                        diagnostics.append(.error("source '\(source.id)' has title '\(source.title)' here but '\(existing.title)' in \(existing.location?.description ?? "another file")",
                                                  at: source.location))
                    }
                } else {
                    network.sources[source.id] = source
                }
            }
            for kind in document.kinds {
                diagnostics += DrawingValue.problems(in: kind, at: document.kindLocations[kind.id] ?? SourceLocation(file: document.path))
                if let existing = network.kinds[kind.id], !existing.isBuiltIn,
                   existing.label != kind.label || existing.color != kind.color || existing.shape != kind.shape {
                    diagnostics.append(.error("kind '\(kind.id)' is declared as \(describe(kind)) here but as \(describe(existing)) in another file",
                                              at: SourceLocation(file: document.path)))
                }
                if network.kinds[kind.id]?.isBuiltIn != true || kind.color != nil || kind.shape != nil {
                    var declared = kind
                    declared.isBuiltIn = network.kinds[kind.id]?.isBuiltIn ?? false
                    network.kinds[kind.id] = declared
                }
            }
            for relation in document.relations {
                if let existing = network.relations[relation.id],
                   existing.symmetric != relation.symmetric || (!existing.isBuiltIn && existing.label != relation.label) {
                    diagnostics.append(.error("relation '\(relation.id)' is declared as \(describe(relation)) here but as \(describe(existing)) elsewhere",
                                              at: SourceLocation(file: document.path)))
                } else if network.relations[relation.id] == nil {
                    network.relations[relation.id] = relation
                }
            }
            for node in document.nodes {
                let isImplied = document.impliedNodeIDs.contains(node.id)
                guard let existing = network.node(node.id) else {
                    network.upsert(node)
                    if isImplied { implied.insert(node.id) }
                    continue
                }
                if isImplied { continue }
                if implied.contains(node.id) {
                    implied.remove(node.id)
                    network.upsert(node)
                    continue
                }
                var merged = existing
                func conflict(_ key: String, _ a: String, _ b: String) {
                    diagnostics.append(.error("node '\(node.id)': \(key) '\(b)' conflicts with '\(a)' in \(existing.location?.description ?? "another file")",
                                              at: node.location))
                }
                // A file that gives no label (the id) or no kind (`node`) leaves them to the file that does.
                if existing.label != node.label {
                    if existing.label == existing.id { merged.label = node.label }
                    else if node.label != node.id { conflict("label", existing.label, node.label) }
                }
                if existing.kind != node.kind {
                    if existing.kind == "node" { merged.kind = node.kind }
                    else if node.kind != "node" { conflict("kind", existing.kind, node.kind) }
                }
                for tag in node.tags where !merged.tags.contains(tag) { merged.tags.append(tag) }
                for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) {
                    if let old = existing.attributes[key], old != value { conflict(key, old, value) }
                    else { merged.attributes[key] = value }
                }
                network.upsert(merged)
            }
            if network.edges.isEmpty { network.edges = document.edges } else { network.edges += document.edges }
        }
        network.name = names.count == 1 ? names[0] : (names.isEmpty ? nil : names.joined(separator: " + "))
        diagnostics += takeVocabularyFromData(usage, into: &network)
        return (network, diagnostics)
    }

    /// The kinds and relations one file from elsewhere uses: how many nodes and ties, and whether all its
    /// ties of a relation are undirected.
    struct VocabularyUse {
        var path: String
        var kinds: [String: (count: Int, file: String)] = [:]
        var relations: [String: (count: Int, undirected: Bool)] = [:]

        init(_ document: NetworkDocument) {
            path = document.path
            for node in document.nodes where !document.impliedNodeIDs.contains(node.id) || node.kind != "node" {
                let file = node.location?.file ?? document.path
                kinds[node.kind] = ((kinds[node.kind]?.count ?? 0) + 1, kinds[node.kind]?.file ?? file)
            }
            for (index, edge) in document.edges.enumerated() {
                let undirected = document.undirectedEdges.contains(index)
                relations[edge.relation] = ((relations[edge.relation]?.count ?? 0) + 1, (relations[edge.relation]?.undirected ?? true) && undirected)
            }
        }
    }

    /// Declares the kinds and relations that files from elsewhere use and no file declares, as those files'
    /// own vocabulary, with one note per file: `note: edges.csv: 1 relation not built in, taken from the
    /// data: tie (78 ties)`. A relation is symmetric when all its ties are undirected in the files.
    static func takeVocabularyFromData(_ usage: [VocabularyUse], into network: inout Network) -> [Diagnostic] {
        let declaredKinds = Set(network.kinds.keys), declaredRelations = Set(network.relations.keys)
        var symmetric: [String: Bool] = [:]
        for use in usage {
            for (relation, entry) in use.relations where !declaredRelations.contains(relation) {
                symmetric[relation] = (symmetric[relation] ?? true) && entry.undirected
            }
        }
        for (relation, isSymmetric) in symmetric { network.relations[relation] = RelationInfo(id: relation, symmetric: isSymmetric) }
        var notes: [Diagnostic] = []
        func list(_ entries: [(String, Int)], unit: String) -> String {
            entries.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                .map { "\($0.0) (\($0.1) \(unit)\($0.1 == 1 ? "" : "s"))" }.joined(separator: ", ")
        }
        for use in usage {
            let kinds = use.kinds.filter { !declaredKinds.contains($0.key) }
            for kind in kinds.keys where network.kinds[kind] == nil { network.kinds[kind] = KindInfo(id: kind, label: kind) }
            // The note names the file the nodes came from (nodes.csv of a pair), else the file itself.
            for file in Set(kinds.values.map(\.file)).sorted() {
                let here = kinds.filter { $0.value.file == file }.map { ($0.key, $0.value.count) }
                notes.append(.note("\(file): \(here.count) kind\(here.count == 1 ? "" : "s") not built in, taken from the data: \(list(here, unit: "node"))"))
            }
            let relations = use.relations.filter { !declaredRelations.contains($0.key) }.map { ($0.key, $0.value.count) }
            if !relations.isEmpty {
                notes.append(.note("\(use.path): \(relations.count) relation\(relations.count == 1 ? "" : "s") not built in, taken from the data: \(list(relations, unit: "tie"))"))
            }
        }
        return notes
    }

    static func describe(_ kind: KindInfo) -> String {
        "{label: \(kind.label), color: \(kind.color ?? "none"), shape: \(kind.shape ?? "none")}"
    }

    static func describe(_ relation: RelationInfo) -> String {
        "{label: \(relation.label), symmetric: \(relation.symmetric)}"
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            if a?.file != b?.file { return (a?.file ?? "") < (b?.file ?? "") }
            if a?.line != b?.line { return (a?.line ?? 0) < (b?.line ?? 0) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
