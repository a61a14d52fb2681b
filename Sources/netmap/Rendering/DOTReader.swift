import CGraphviz
import Foundation
import Graph

/// Reads Graphviz DOT through libcgraph's own parser (`agmemread`, with the ids of `DOTText`), so any DOT that Graphviz accepts is read.
///
/// Recognised attributes: `label` (a node's name when absent or `\N`), `kind`, `relation`, `weight`,
/// `cite`, `page`, `since`, `until`, `tags`, and netmap's own `class="node kind-…"` / `class="edge
/// relation-…"`. Drawing attributes netmap writes itself (shape, colours, fonts, tooltips, ids) are
/// dropped; every other attribute set on a node or edge is kept as text. The legend cluster that
/// `netmap render` adds (`cluster_legend`) is skipped. Edges of an undirected graph, and edges with
/// `dir=none`, count as undirected.
enum DOTReader {
    /// Attributes of netmap's drawings that carry no network data.
    static let drawingAttributes: Set<String> = [
        "shape", "fillcolor", "color", "tooltip", "id", "style", "fontname", "fontsize", "fontcolor", "penwidth",
        "arrowhead", "arrowtail", "arrowsize", "dir", "pos", "width", "height", "lp", "bb", "xlabel",
    ]

    nonisolated(unsafe) private static var messages: [String] = []

    /// Makes `FileFormat.dot` readable; called once at startup.
    static func register() {
        FormatPlugins.register(.dot) { data, path in DOTReader.read(data, path: path) }
    }

    static func read(_ data: Data, path: String) -> NetworkDocument {
        // Graphviz is not thread-safe: reading DOT takes the same lock as rendering.
        Graphviz.lock.lock()
        defer { Graphviz.lock.unlock() }
        var document = NetworkDocument(path: path)
        let file = SourceLocation(file: path)
        messages = []
        let previous = agseterrf { message in
            if let message { DOTReader.messages.append(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        defer { _ = agseterrf(previous) }
        if let line = XMLTree.binaryLine(data) {
            document.diagnostics.append(.error("file contains binary data (a NUL byte on this line), not DOT text", at: SourceLocation(file: path, line: line)))
            return document
        }
        let prescan: DOTPrescan
        switch DOTPrescan.scan(data, path: path) {
        case .failure(let diagnostic):
            document.diagnostics.append(diagnostic)
            return document
        case .success(let scanned):
            prescan = scanned
        }
        let graph = prescan.text.withUnsafeBytes { DOTText.read($0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        guard let graph else {
            let message = messages.joined(separator: "; ")
            let line = firstLineNumber(in: message)
            document.diagnostics.append(.error("Graphviz cannot read this DOT: \(message.isEmpty ? "syntax error" : message)",
                                               at: SourceLocation(file: path, line: line)))
            return document
        }
        defer { agclose(graph) }
        if let name = agnameof(UnsafeMutableRawPointer(graph)).map({ prescan.restore(String(cString: $0)) }), !name.isEmpty, !name.hasPrefix("%") {
            document.name = name
        }
        let directed = agisdirected(graph) != 0
        var legend: Set<String> = []
        if let cluster = "cluster_legend".withCString({ agsubg(graph, UnsafeMutablePointer(mutating: $0), 0) }) {
            var node = agfstnode(cluster)
            while let current = node {
                legend.insert(prescan.restore(String(cString: agnameof(UnsafeMutableRawPointer(current)))))
                node = agnxtnode(cluster, current)
            }
        }
        let nodeSymbols = symbols(graph, kind: Int32(AGNODE))
        let edgeSymbols = symbols(graph, kind: Int32(AGEDGE))
        var edges: [(seq: UInt32, tail: String, edge: UnsafeMutablePointer<Agedge_t>)] = []
        var node = agfstnode(graph)
        while let current = node {
            let id = prescan.restore(String(cString: agnameof(UnsafeMutableRawPointer(current))))
            if !legend.contains(id) {
                var attributes = values(UnsafeMutableRawPointer(current), nodeSymbols, prescan)
                if let label = attributes["label"], label == "\\N" || label.isEmpty { attributes.removeValue(forKey: "label") }
                if let label = attributes["label"] { attributes["label"] = unescapeLabel(label) }
                map(&attributes, classPrefix: "kind-", to: "kind")
                document.nodes.append(Interchange.node(id: id, attributes: attributes, location: file))
            }
            var edge = agfstout(graph, current)
            while let out = edge {
                edges.append((out.pointee.base.tag.seq, id, out))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        var undirected: Set<Int> = []
        for (_, from, edge) in edges.sorted(by: { $0.seq < $1.seq }) {
            // An out-edge's `node` is its head (cgraph's AGHEAD); its tail is the node it was listed under.
            guard let headPointer = edge.pointee.node else { continue }
            let to = prescan.restore(String(cString: agnameof(UnsafeMutableRawPointer(headPointer))))
            if legend.contains(from) || legend.contains(to) { continue }
            var attributes = values(UnsafeMutableRawPointer(edge), edgeSymbols, prescan)
            let isUndirected = !directed || attributes["dir"] == "none"
            for key in ["key", "dir"] { attributes.removeValue(forKey: key) }
            if let label = attributes["label"] { attributes["label"] = unescapeLabel(label) }
            map(&attributes, classPrefix: "relation-", to: "relation")
            if isUndirected { undirected.insert(document.edges.count) }
            document.edges.append(Interchange.edge(from: from, to: to, attributes: attributes, location: file, diagnostics: &document.diagnostics))
        }
        document.undirectedEdges = undirected
        return document
    }

    static func symbols(_ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32) -> [UnsafeMutablePointer<Agsym_t>] {
        var result: [UnsafeMutablePointer<Agsym_t>] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            result.append(current)
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }

    /// The attributes set on the object itself (differing from the declared default), drawing ones dropped.
    static func values(_ object: UnsafeMutableRawPointer, _ symbols: [UnsafeMutablePointer<Agsym_t>], _ prescan: DOTPrescan) -> [String: String] {
        var result: [String: String] = [:]
        for symbol in symbols {
            guard let namePointer = symbol.pointee.name, let valuePointer = agxget(object, symbol) else { continue }
            let name = prescan.restore(String(cString: namePointer))
            let value = prescan.restore(String(cString: valuePointer))
            let defaultValue = symbol.pointee.defval.map { prescan.restore(String(cString: $0)) } ?? ""
            if value.isEmpty || (value == defaultValue && name != "label") { continue }
            if drawingAttributes.contains(name) && name != "dir" { continue }
            result[name] = value
        }
        return result
    }

    /// netmap's `class="node kind-county"` as `kind: county` (unless a `kind` attribute says otherwise).
    static func map(_ attributes: inout [String: String], classPrefix: String, to field: String) {
        guard let classes = attributes.removeValue(forKey: "class") else { return }
        let rest = classes.split(separator: " ").filter { word in
            guard word.hasPrefix(classPrefix) else { return true }
            if attributes[field] == nil { attributes[field] = String(word.dropFirst(classPrefix.count)) }
            return false
        }.filter { $0 != "node" && $0 != "edge" }
        if !rest.isEmpty { attributes["class"] = rest.joined(separator: " ") }
    }

    /// A label as Graphviz shows it: line breaks (`\n`, `\l`, `\r`, or real ones from wrapping) as spaces, and
    /// the character entities Graphviz decodes in labels (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`).
    static func unescapeLabel(_ label: String) -> String {
        // One pass (linear in the label, which may be megabytes long).
        var text = String.UnicodeScalarView()
        var scalars = label.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\" where pending == "n" || pending == "l" || pending == "r":
                text.append(" "); pending = scalars.next()
            case "\r" where pending == "\n":
                text.append(" "); pending = scalars.next()
            case "\n", "\r":
                text.append(" ")
            default:
                text.append(scalar)
            }
        }
        return decodeCharacterReferences(String(text)).trimmingSpaces
    }

    static func firstLineNumber(in message: String) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
