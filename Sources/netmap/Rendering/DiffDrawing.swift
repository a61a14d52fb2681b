import Foundation
import Graph

/// The picture of `netmap diff --render`: both editions in one drawing through the one renderer (`Renderer`).
///
/// The old edition (under its mapped ids, so a predecessor stands where its successor will) is laid out first;
/// the union is then laid out with those positions pinned, as `render --keep-layout` does, so what was there
/// stays where it was and what is new is placed around it. Added nodes and ties are blue, ended ones dashed
/// orange, kept ones grey (Okabe–Ito blue and vermilion, told apart by line style too, so they survive
/// colour-blindness and greyscale print); nodes are filled by change too, and kinds keep their shapes. The same
/// input gives the same bytes.
struct DiffDrawing {
    var diff: NetworkDiff
    var language: DiffLanguage
    var page: Page?
    var title: String?

    enum Change: String { case added, ended, kept }

    static let addedColor = "#0072B2"
    static let endedColor = "#D55E00"
    static let keptColor = "#8C8C8C"
    static let addedFill = "#D3E7F4"
    static let keptFill = "#EEEEEE"

    /// A node of the drawing: the described node (label, kind, attributes) under its mapped id; a successor
    /// names its predecessors ("Trøndelag fylkeskommune ← Nord-Trøndelag fylkeskommune, ...").
    private func node(_ entry: NetworkDiff.NodeEntry) -> Node {
        var node = diff.new.network.node(entry.id) ?? diff.old.network.node(entry.id) ?? Node(id: entry.id, label: entry.label, kind: entry.kind)
        node.location = nil
        let predecessors = entry.oldIDs.filter { $0 != entry.id }.map { id in
            language.label(diff.old.network.node(id), id: id)
        }
        if !predecessors.isEmpty {
            let suffix = " ← " + predecessors.joined(separator: ", ")
            node.label += suffix
            if let english = node.attributes["label_en"] { node.attributes["label_en"] = english + suffix }
        }
        return node
    }

    /// One side (or both) as a network of mapped ids, with each tie's change.
    func network(old onlyOld: Bool) -> (network: Network, nodes: [String: Change], ties: [Change]) {
        var nodes: [Node] = [], nodeChanges: [String: Change] = [:]
        let nodeLists: [([NetworkDiff.NodeEntry], Change)] = onlyOld
            ? [(diff.nodesKept, .kept), (diff.nodesRemoved, .ended)]
            : [(diff.nodesKept, .kept), (diff.nodesRemoved, .ended), (diff.nodesAdded, .added)]
        for (list, change) in nodeLists {
            for entry in list {
                nodes.append(node(entry))
                nodeChanges[entry.id] = change
            }
        }
        var edges: [Edge] = [], tieChanges: [Change] = []
        let tieLists: [([NetworkDiff.TieEntry], Change)] = onlyOld
            ? [(diff.edgesKept, .kept), (diff.edgesRemoved, .ended)]
            : [(diff.edgesKept, .kept), (diff.edgesRemoved, .ended), (diff.edgesAdded, .added)]
        for (list, change) in tieLists {
            for tie in list where tie.source != tie.target {
                let citations = change == .ended ? tie.citeOld : tie.citeNew
                edges.append(Edge(from: tie.source, to: tie.target, relation: tie.relation, citations: citations))
                tieChanges.append(change)
            }
        }
        let network = Network(name: diff.new.name, sources: diff.new.network.sources.merging(diff.old.network.sources) { new, _ in new },
                              nodes: nodes, edges: edges, kinds: diff.vocabulary.kinds, relations: diff.vocabulary.relations)
        return (network, nodeChanges, tieChanges)
    }

    /// Draws the picture to `path` (.svg, .png or .pdf), atomically.
    func draw(to path: String) throws {
        let format: String
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": format = "svg"
        case "png": format = "png:cairo"
        case "pdf": format = "pdf:cairo"
        default: throw GraphError.invalidArgument("cannot tell the format of '\(path)': use .svg, .png or .pdf")
        }
        let labelLanguage = language.code == "en" ? "en" : nil
        let union = network(old: false)
        if union.network.nodes.isEmpty { throw GraphError.invalidArgument("nothing to draw: both editions are empty") }

        // 1. The old edition alone, laid out as `render` would.
        var positions: [String: (x: Double, y: Double)] = [:]
        let old = network(old: true).network
        if !old.nodes.isEmpty {
            var builder = DOTBuilder(network: old, title: nil)
            builder.labelLanguage = labelLanguage
            builder.showLegend = false
            let choices = Renderer.candidates(nodeCount: old.nodes.count, edgeCount: old.edges.count, grouped: false, requested: nil, pinned: false)
            positions = try Renderer.draw(builder, choices: choices, page: nil, formats: []).positions
        }

        // 2. Both editions, the old positions pinned.
        var builder = DOTBuilder(network: union.network, title: title ?? defaultTitle)
        builder.labelLanguage = labelLanguage
        builder.language = DrawingLanguage(rawValue: language.code) ?? .en
        builder.pinned = positions
        builder.showRelationLegend = false
        builder.kindSwatchFill = "#FFFFFF"
        for (id, change) in union.nodes {
            // The kind keeps its shape, corners and double border; fill and border say what changed.
            let kind = union.network.node(id)?.kind ?? "node"
            let kindStyle = builder.theme.nodeStyle(kind: kind, declared: union.network.kinds[kind]).style
            var style = kindStyle.split(separator: ",").map(String.init).filter { !["dashed", "dotted", "filled", "bold"].contains($0) }
            style.insert("filled", at: 0)
            switch change {
            case .added:
                builder.nodeOverrides[id] = ["color": DiffDrawing.addedColor, "penwidth": "2.5", "fillcolor": DiffDrawing.addedFill,
                                             "fontcolor": "#000000", "style": style.joined(separator: ",")]
            case .ended:
                builder.nodeOverrides[id] = ["color": DiffDrawing.endedColor, "penwidth": "2", "fillcolor": "#FFFFFF",
                                             "fontcolor": "#8A3A00", "style": (style + ["dashed"]).joined(separator: ",")]
            case .kept:
                builder.nodeOverrides[id] = ["color": DiffDrawing.keptColor, "penwidth": "1", "fillcolor": DiffDrawing.keptFill,
                                             "fontcolor": "#000000", "style": style.joined(separator: ",")]
            }
            builder.nodeOverrides[id]?["class"] = "change-\(change.rawValue) kind-\(DOTBuilder.classToken(union.network.node(id)?.kind ?? "node")) id-\(DOTBuilder.classToken(id))"
        }
        for (index, change) in union.ties.enumerated() {
            let relation = DOTBuilder.classToken(union.network.edges[index].relation)
            switch change {
            case .added: builder.edgeOverrides[index] = ["color": DiffDrawing.addedColor, "style": "solid", "penwidth": "2"]
            case .ended: builder.edgeOverrides[index] = ["color": DiffDrawing.endedColor, "style": "dashed", "penwidth": "1.6"]
            case .kept: builder.edgeOverrides[index] = ["color": DiffDrawing.keptColor, "style": "solid", "penwidth": "1.2"]
            }
            builder.edgeOverrides[index]?["class"] = "change-\(change.rawValue) relation-\(relation)"
        }
        builder.legendPreface = legend()
        let choices = Renderer.candidates(nodeCount: union.network.nodes.count, edgeCount: union.network.edges.count, grouped: false,
                                          requested: nil, pinned: !positions.isEmpty)
        let drawing = try Renderer.draw(builder, choices: choices, page: page, formats: [format], dpi: format == "png:cairo" ? 150 : nil)
        try AtomicFile.write(PDFDates.fixed(drawing.outputs[0], format: format), to: path)
    }

    /// "Changes: Internasjonal strategi 2030 → internasjonal strategi mot 2035": each edition's year, or its
    /// name without the organisation before " — " (the successions in the legend name the counties).
    var defaultTitle: String {
        let names = [diff.old, diff.new].map { edition -> String in
            if let year = edition.year { return String(year) }
            if let name = edition.name { return name.components(separatedBy: " — ").last ?? name }
            return edition.inputs.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
        }
        return "\(language.word("title")): \(names[0]) → \(names[1])"
    }

    /// The key: what the colours and dashes mean, with the counts, and the successions followed.
    func legend() -> (heading: String, rows: [String]) {
        func tieRow(_ color: String, _ glyph: String, _ text: String) -> String {
            "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(color)\">\(glyph)</FONT></TD><TD ALIGN=\"LEFT\">\(HTML.escape(text))</TD></TR>"
        }
        func nodeRow(_ fill: String, _ border: String, _ width: Int, _ text: String) -> String {
            "<TR><TD BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"\(width)\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\">\(HTML.escape(text))</TD></TR>"
        }
        let words = (language.word("new"), language.word("ended"), language.word("kept"))
        var rows = [
            nodeRow(DiffDrawing.addedFill, DiffDrawing.addedColor, 3, "\(words.0): \(diff.nodesAdded.count) \(language.word("nodes")) (\(language.word("thick")))"),
            nodeRow("#FFFFFF", DiffDrawing.endedColor, 1, "\(words.1): \(diff.nodesRemoved.count) \(language.word("nodes")) (\(language.word("dashed")))"),
            nodeRow(DiffDrawing.keptFill, DiffDrawing.keptColor, 1, "\(words.2): \(diff.nodesKept.count) \(language.word("nodes"))"),
            tieRow(DiffDrawing.addedColor, "━━━━", "\(words.0): \(diff.edgesAdded.count) \(language.word("ties"))"),
            tieRow(DiffDrawing.endedColor, "━ ━ ━", "\(words.1): \(diff.edgesRemoved.count) \(language.word("ties"))"),
            tieRow(DiffDrawing.keptColor, "━━━━", "\(words.2): \(diff.edgesKept.count) \(language.word("ties"))"),
        ]
        for succession in diff.successions {
            let from = language.label(diff.old.network.node(succession.from) ?? diff.new.network.node(succession.from), id: succession.from)
            let to = language.label(diff.new.network.node(succession.to) ?? diff.old.network.node(succession.to), id: succession.to)
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">\(HTML.escape(DOTBuilder.legendValue(from) + " → " + DOTBuilder.legendValue(to)))</TD></TR>")
        }
        return (language.word("title"), rows)
    }
}

/// Draws a diff to `path` (see `DiffDrawing`).
func drawDiff(_ diff: NetworkDiff, language: DiffLanguage, page: Page? = nil, to path: String) throws {
    try DiffDrawing(diff: diff, language: language, page: page).draw(to: path)
}
