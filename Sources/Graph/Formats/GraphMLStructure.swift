import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// What a GraphML reader is told as `GraphMLStructure` walks a document: the parts netmap reads, in document
/// order. Byte buffers are valid only during the call.
protocol GraphMLHandler {
    /// A `<key>` under the root, once its end tag is read (with the text of its first `<default>`).
    mutating func key(_ key: GraphMLStructure.KeyElement)
    /// The first `<graph>` under the root starts (`edgedefault` as written).
    mutating func graphStart(edgeDefault: UnsafeBufferPointer<UInt8>?, line: Int)
    /// A `<node>` or `<edge>` of that graph starts: its attributes are read from `tag`.
    mutating func nodeStart(_ tag: XMLTokenizer)
    mutating func edgeStart(_ tag: XMLTokenizer)
    /// A `<data>` of the graph, or of the node or edge that is open, ends: its key, its own text (not that of
    /// elements inside it) and whether it holds elements.
    mutating func data(key: UnsafeBufferPointer<UInt8>?, text: UnsafeBufferPointer<UInt8>, hasElements: Bool, line: Int)
    /// A `<graph>` inside the open node (netmap does not read nested graphs).
    mutating func nestedGraph(line: Int)
    mutating func nodeEnd()
    mutating func edgeEnd()
    /// A `<hyperedge>` of the first graph.
    mutating func hyperedge(line: Int)
}

/// The structure of a GraphML document (http://graphml.graphdrawing.org/) walked over `XMLTokenizer`: the
/// root `<graphml>`, its `<key>`s, its first `<graph>` with that graph's `<data>`, `<node>`s, `<edge>`s and
/// their `<data>`. Everything else is read for well-formedness and skipped. Both GraphML readers, the typed
/// one (`GraphMLFormat.read`) and the fast analysis one (`GraphMLTieReader`), are handlers of this walk, so
/// they cannot disagree on what a file holds.
enum GraphMLStructure {
    /// A `<key>` element: its attributes as written and the text of its first `<default>` child.
    struct KeyElement: Sendable {
        var id: String?
        var domain: String?
        var name: String?
        var type: String?
        var isYFiles: Bool
        var defaultText: String?
        var line: Int
    }

    /// How a walk ended.
    enum Outcome: Equatable {
        case read(rootLine: Int, graphs: Int, secondGraphLine: Int?, lateKey: Bool)
        /// A well-formed document whose root is not `<graphml>`: its name and line.
        case otherRoot(String, line: Int)
    }

    private enum Place: UInt8 { case root, key, keyDefault, graph, node, edge, data, other }

    /// Walks the document from `tokenizer` to its end, telling `handler`; `keys: false` skips the `<key>`s
    /// (a second walk, when a first found keys after the graph: they are known by then).
    /// - Complexity: O(size of the document); memory bounded by its longest tag or text.
    static func walk<Handler: GraphMLHandler>(_ tokenizer: inout XMLTokenizer, into handler: inout Handler, keys readKeys: Bool = true) throws(XMLSyntaxError) -> Outcome {
        var places: [Place] = []
        var rootName: String?
        var rootLine = 1
        var graphs = 0
        var secondGraphLine: Int?
        var lateKey = false
        var key = KeyElement(isYFiles: false, line: 0)
        var keyHasDefault = false
        var text: [UInt8] = []
        var dataKey: [UInt8] = []
        var dataHasKey = false
        var dataLine = 0
        var dataHasElements = false
        var nestedSeen = false
        while true {
            switch try tokenizer.next() {
            case .startTag:
                let place: Place
                switch places.last {
                case nil:
                    rootLine = tokenizer.line
                    if !tokenizer.isNamed("graphml") { rootName = XMLTokenizer.string(tokenizer.localName) }
                    place = .root
                case .root? where rootName != nil:
                    place = .other
                case .root? where tokenizer.isNamed("key"):
                    if graphs > 0 { lateKey = true }
                    func value(_ name: StaticString) -> String? { tokenizer.attribute(name).map(XMLTokenizer.string) }
                    key = KeyElement(id: value("id"), domain: value("for"), name: value("attr.name"), type: value("attr.type"),
                                     isYFiles: tokenizer.attribute("yfiles.type") != nil, defaultText: nil, line: tokenizer.line)
                    keyHasDefault = false
                    place = .key
                case .root? where tokenizer.isNamed("graph"):
                    graphs += 1
                    if graphs == 2 { secondGraphLine = tokenizer.line }
                    if graphs == 1 {
                        handler.graphStart(edgeDefault: tokenizer.attribute("edgedefault"), line: tokenizer.line)
                        place = .graph
                    } else {
                        place = .other
                    }
                case .key? where tokenizer.isNamed("default") && !keyHasDefault:
                    keyHasDefault = true
                    text.removeAll(keepingCapacity: true)
                    place = .keyDefault
                case .graph? where tokenizer.isNamed("node"):
                    nestedSeen = false
                    handler.nodeStart(tokenizer)
                    place = .node
                case .graph? where tokenizer.isNamed("edge"):
                    handler.edgeStart(tokenizer)
                    place = .edge
                case .graph? where tokenizer.isNamed("hyperedge"):
                    handler.hyperedge(line: tokenizer.line)
                    place = .other
                case .graph? where tokenizer.isNamed("data"), .node? where tokenizer.isNamed("data"), .edge? where tokenizer.isNamed("data"):
                    dataHasKey = false
                    if let key = tokenizer.attribute("key") {
                        dataKey.replaceSubrange(dataKey.indices, with: key)
                        dataHasKey = true
                    }
                    dataLine = tokenizer.line
                    dataHasElements = false
                    text.removeAll(keepingCapacity: true)
                    place = .data
                case .node? where tokenizer.isNamed("graph"):
                    if !nestedSeen { handler.nestedGraph(line: tokenizer.line) }
                    nestedSeen = true
                    place = .other
                case .data?:
                    dataHasElements = true
                    place = .other
                default:
                    place = .other
                }
                places.append(place)
            case .text:
                if places.last == .data || places.last == .keyDefault { text.append(contentsOf: tokenizer.text) }
            case .endTag:
                switch places.removeLast() {
                case .key:
                    if readKeys { handler.key(key) }
                case .keyDefault:
                    key.defaultText = String(decoding: text, as: UTF8.self)
                case .data:
                    text.withUnsafeBufferPointer { body in
                        if dataHasKey {
                            dataKey.withUnsafeBufferPointer { handler.data(key: $0, text: body, hasElements: dataHasElements, line: dataLine) }
                        } else {
                            handler.data(key: nil, text: body, hasElements: dataHasElements, line: dataLine)
                        }
                    }
                case .node: handler.nodeEnd()
                case .edge: handler.edgeEnd()
                default: break
                }
            case .end:
                if let rootName { return .otherRoot(rootName, line: rootLine) }
                return .read(rootLine: rootLine, graphs: graphs, secondGraphLine: secondGraphLine, lateKey: lateKey)
            }
        }
    }

    /// The encoding CoreFoundation knows by this IANA name (the other ISO 8859 parts, Windows 1255–1258), if any.
    static func ianaEncoding(_ name: String) -> String.Encoding? {
        let encoding = CFStringConvertIANACharSetNameToEncoding(unsafeBitCast(NSString(string: name), to: CFString.self))
        guard encoding != kCFStringEncodingInvalidId else { return nil }
        return String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(encoding))
    }

    /// `data` as UTF-8 the tokenizer reads: a document declaring another encoding netmap reads (ISO 8859,
    /// Windows code pages) transcoded, with whether it was; a diagnostic for an encoding Foundation cannot
    /// convert here.
    static func utf8(_ data: Data, path: String) -> Result<(Data, transcoded: Bool), Diagnostic> {
        guard let name = XMLDoctype.declaredEncoding(data)?.lowercased().replacingOccurrences(of: "_", with: "-"),
              !["utf-8", "utf8", "us-ascii", "ascii"].contains(name) else { return .success((data, false)) }
        let encodings: [String: String.Encoding] = [
            "iso-8859-1": .isoLatin1, "latin1": .isoLatin1, "latin-1": .isoLatin1, "iso8859-1": .isoLatin1,
            "iso-8859-2": .isoLatin2, "iso8859-2": .isoLatin2, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
            "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251, "windows-1252": .windowsCP1252, "cp1252": .windowsCP1252,
            "windows-1253": .windowsCP1253, "cp1253": .windowsCP1253, "windows-1254": .windowsCP1254, "cp1254": .windowsCP1254,
        ]
        guard let encoding = encodings[name] ?? ianaEncoding(name), let text = String(data: data, encoding: encoding) else {
            return .failure(.error("the document is in \(name), which netmap's GraphML reader does not convert; save it as UTF-8",
                                   at: SourceLocation(file: path, line: 1)))
        }
        return .success((Data(text.utf8), true))
    }
}
