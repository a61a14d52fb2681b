import Foundation

/// The fast reader behind `AnalysisLoader` for GraphML (what `netmap export -o FILE.graphml`, NetworkX, Gephi
/// and igraph write): the file streamed in blocks through `XMLTokenizer` and `GraphMLStructure` — the same
/// walk as the typed reader `GraphMLFormat.read` — straight into an `AnalysisNetwork`, without a typed
/// `Network`.
///
/// It takes a file only when it would read it exactly as the typed reader does and the full load would find no
/// error: UTF-8, one `<graph>`, keys declared before it and without defaults for the fields the analysis uses;
/// node ids and tie ends of printable ASCII, every tie end a node of the file, no id twice; `label`, `kind`,
/// `country`, `relation` and `weight` (a positive number) as data, other data of any declared key (checked
/// against its type); the graph's data (name, sources, kinds, relations) read by the typed reader itself. On
/// anything else — tags, citations, years, nested graphs, hyperedges, a syntax error — it returns nil and the
/// caller loads the full model instead (which also reports the errors), so the fast path never changes a
/// result or hides a diagnostic.
///
/// - Complexity: O(file size), one pass; memory about 18 bytes per tie, the node fields and one 1 MiB block.
enum GraphMLTieReader {
    static func read(_ path: String, blockSize: Int = 1 << 20) -> AnalysisNetwork? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var reader = Reader(path: path)
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            reader.reserve(ties: min(size / 100, 1 << 26))   // a GraphML tie is rarely under 100 bytes
        }
        var tokenizer = XMLTokenizer(.descriptor(handle.fileDescriptor), blockSize: blockSize, countsLines: false)
        guard let outcome = try? GraphMLStructure.walk(&tokenizer, into: &reader),
              case .read(_, graphs: 1, _, lateKey: false) = outcome, !reader.declined else { return nil }
        return reader.result(outcome)
    }

    /// What the analysis takes from a field, by the key's `attr.name` and the element it is on.
    enum Field {
        case label, kind, country, relation, weight
        /// A field the fast reader leaves to the full one (tags, citations, years).
        case decline
        /// A field the analysis does not use (it becomes an attribute).
        case other

        init(name: String, node: Bool) {
            switch (name, node) {
            case ("label", true): self = .label
            case ("kind", true): self = .kind
            case ("country", true): self = .country
            case ("tags", true): self = .decline
            case ("relation", false): self = .relation
            case ("weight", false): self = .weight
            case ("cite", false), ("page", false), ("since", false), ("until", false): self = .decline
            default: self = .other
            }
        }

        var isUsed: Bool { if case .other = self { return false } else { return true } }
    }

    struct FastKey {
        var id: [UInt8]
        var isYFiles: Bool
        var forNodes: Bool
        var forEdges: Bool
        var type: String
        var nodeField: Field
        var edgeField: Field
    }

    private struct Reader: GraphMLHandler {
        let path: String
        /// The typed reader, told the keys and the graph's data: it reads the name and the declarations.
        var typed: GraphMLFormat.TypedReader
        var keys: [FastKey] = []
        var declined = false
        var table = NodeIDTable()
        /// Per id number: its position in the list of nodes, or -1 for an id only ties name (so far).
        var nodePosition: [Int32] = []
        var nodeIDs: [Int32] = []
        var labels: [String] = []
        var kindOfNode: [UInt16] = []
        var countries: [String?] = []
        var kindNames: [String] = []
        var kindIndex: [String: UInt16] = [:]
        var from: [Int32] = []
        var to: [Int32] = []
        var weights: [Double] = []
        var relations: [UInt16] = []
        var relationNames: [String] = []
        var relationIndex: [String: UInt16] = [:]
        /// Whether every tie of each relation is undirected (a relation no file declares is symmetric then).
        var relationUndirected: [Bool] = []
        var defaultDirected = true
        // The open element.
        var inNode = false, inEdge = false
        var node: Int32 = 0
        var label: String?, kind: String?, country: String?
        var source: Int32 = 0, target: Int32 = 0
        var directed = true
        /// The relation of the open tie, once its data names one.
        var relation: UInt16?
        /// The last relation read, as spelled in the file, for ties of that direction.
        var lastRelation: (spelling: [UInt8], directed: Bool, index: UInt16)?
        var weight = 1.0

        init(path: String) {
            self.path = path
            typed = GraphMLFormat.TypedReader(path: path)
        }

        mutating func reserve(ties: Int) {
            from.reserveCapacity(ties); to.reserveCapacity(ties)
            weights.reserveCapacity(ties); relations.reserveCapacity(ties)
        }

        mutating func key(_ element: GraphMLStructure.KeyElement) {
            typed.key(element)
            guard let id = element.id else { declined = true; return }
            let domain = element.domain ?? "all"
            let name = element.name ?? id
            var key = FastKey(id: Array(id.utf8), isYFiles: element.isYFiles, forNodes: domain == "node" || domain == "all",
                              forEdges: domain == "edge" || domain == "all", type: (element.type ?? "string").lowercased(),
                              nodeField: Field(name: name, node: true), edgeField: Field(name: name, node: false))
            if element.defaultText != nil && ((key.forNodes && key.nodeField.isUsed) || (key.forEdges && key.edgeField.isUsed)) {
                declined = true   // a default for every node or tie: left to the full reader
            }
            if key.isYFiles { (key.forNodes, key.forEdges) = (false, false) }
            keys.append(key)
            if keys.count > 64 { declined = true }
        }

        mutating func graphStart(edgeDefault: UnsafeBufferPointer<UInt8>?, line: Int) {
            typed.graphStart(edgeDefault: edgeDefault, line: line)
            defaultDirected = edgeDefault.map { !XMLTokenizer.equal($0, "undirected") } ?? true
        }

        /// The number of an id of printable ASCII; nil (declined) for anything else.
        mutating func idNumber(_ bytes: UnsafeBufferPointer<UInt8>?) -> Int32? {
            guard let bytes, !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { declined = true; return nil }
            return table.number(of: bytes)
        }

        mutating func nodeStart(_ tag: XMLTokenizer) {
            guard !declined, let id = idNumber(tag.attribute("id")) else { return }
            (inNode, node, label, kind, country) = (true, id, nil, nil, nil)
        }

        mutating func edgeStart(_ tag: XMLTokenizer) {
            guard !declined, let from = idNumber(tag.attribute("source")), let to = idNumber(tag.attribute("target")) else { return }
            var directed = defaultDirected
            if let text = tag.attribute("directed") {
                if XMLTokenizer.equal(text, "true") || XMLTokenizer.equal(text, "1") { directed = true }
                else if XMLTokenizer.equal(text, "false") || XMLTokenizer.equal(text, "0") { directed = false }
                else { declined = true; return }
            }
            (inEdge, source, target, self.directed, relation, weight) = (true, from, to, directed, nil, 1)
        }

        mutating func data(key: UnsafeBufferPointer<UInt8>?, text: UnsafeBufferPointer<UInt8>, hasElements: Bool, line: Int) {
            guard inNode || inEdge else {
                typed.data(key: key, text: text, hasElements: hasElements, line: line)
                return
            }
            guard !declined, let key, let index = keys.firstIndex(where: { $0.id.elementsEqual(key) }) else { declined = true; return }
            let declared = keys[index]
            if declared.isYFiles { return }
            guard inNode ? declared.forNodes : declared.forEdges else { declined = true; return }
            if hasElements { return }
            let field = inNode ? declared.nodeField : declared.edgeField
            if case .weight = field, text.count == 1, text[0] == UInt8(ascii: "1") { weight = 1; return }   // the common case, as below
            if case .other = field, declared.type == "string" { return }
            if case .relation = field, relation != nil { declined = true; return }   // two relations: the numbering would differ
            if case .relation = field, declared.type == "string", let last = lastRelation, last.directed == directed, last.spelling.elementsEqual(text) {
                relation = last.index
                return
            }
            let raw = XMLTokenizer.string(text)
            let value = declared.type == "string" ? raw : raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard GraphMLFormat.typeProblem(value, type: declared.type) == nil else { declined = true; return }
            let normalised = GraphMLFormat.normalise(value, type: declared.type)
            switch field {
            case .label: label = normalised
            case .kind: kind = normalised
            case .country: country = normalised
            case .relation:
                relation = relationIndex(named: normalised)
                if declared.type == "string", let relation { lastRelation = (Array(text), directed, relation) }
            case .weight:
                // As `Interchange.edge` reads it: empty is no weight, else a positive finite number.
                if normalised.isEmpty { weight = 1; return }
                guard let number = Double(normalised.trimmingSpaces), number.isFinite, number > 0 else { declined = true; return }
                weight = number
            case .decline: declined = true
            case .other: break
            }
        }

        mutating func nestedGraph(line: Int) { declined = true }

        mutating func hyperedge(line: Int) { declined = true }

        mutating func nodeEnd() {
            guard inNode, !declined else { return }
            inNode = false
            while nodePosition.count < table.count { nodePosition.append(-1) }
            guard nodePosition[Int(node)] < 0 else { declined = true; return }   // the same id twice: an error of the full load
            nodePosition[Int(node)] = Int32(nodeIDs.count)
            nodeIDs.append(node)
            labels.append(label.flatMap { $0.isEmpty ? nil : $0 } ?? table.string(Int(node)))
            let kindName = kind.flatMap { $0.isEmpty ? nil : $0 } ?? "node"
            if let known = kindIndex[kindName] {
                kindOfNode.append(known)
            } else {
                guard kindNames.count < Int(UInt16.max) else { declined = true; return }
                kindIndex[kindName] = UInt16(kindNames.count)
                kindOfNode.append(UInt16(kindNames.count))
                kindNames.append(kindName)
            }
            countries.append(country.flatMap { $0.isEmpty ? nil : $0 })
        }

        mutating func edgeEnd() {
            guard inEdge, !declined else { return }
            inEdge = false
            guard let index = relation ?? relationIndex(named: "") else { return }
            if directed { relationUndirected[Int(index)] = false }
            from.append(source); to.append(target)
            weights.append(weight)
            relations.append(index)
        }

        /// The number of the relation a tie of the open tie's direction gets from the text `name` (empty:
        /// `related_to`, or `connected_to` when undirected, as `Interchange.edge` and `declareImpliedSources`
        /// name it), numbered in order of first appearance; nil (declined) past 65,535 relations.
        mutating func relationIndex(named text: String) -> UInt16? {
            var name = text.isEmpty ? "related_to" : text
            if !directed && name == "related_to" { name = "connected_to" }
            if let known = relationIndex[name] { return known }
            guard relationNames.count < Int(UInt16.max) else { declined = true; return nil }
            relationIndex[name] = UInt16(relationNames.count)
            relationNames.append(name)
            relationUndirected.append(true)
            return UInt16(relationNames.count - 1)
        }

        /// The view, once the graph's data (read by the typed reader) gives no diagnostic and every tie end is a
        /// node of the file; nil when the full load would report anything.
        consuming func result(_ outcome: GraphMLStructure.Outcome) -> AnalysisNetwork? {
            let declarations = typed.document(outcome)
            guard declarations.diagnostics.isEmpty else { return nil }
            let (vocabulary, diagnostics) = NetworkLoader.merge([declarations])
            guard diagnostics.isEmpty else { return nil }
            while nodePosition.count < table.count { nodePosition.append(-1) }
            guard !nodePosition.contains(-1) else { return nil }   // a tie to an id no node has: an error of the full load
            let ids = table.strings()
            let position = nodePosition
            return AnalysisNetwork(name: declarations.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                                   ids: nodeIDs.map { ids[Int($0)] }, labels: labels, kinds: kindOfNode.map { kindNames[Int($0)] },
                                   countries: countries, from: from.map { position[Int($0)] }, to: to.map { position[Int($0)] },
                                   weights: weights, relations: relations, relationNames: relationNames,
                                   symmetric: relationNames.indices.map { vocabulary.relations[relationNames[$0]]?.symmetric ?? relationUndirected[$0] },
                                   sourceCount: vocabulary.sources.count)
        }
    }
}
