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
    /// Page, language, layout (neato or fdp), wrap, legend, dpi (`DrawingArguments`).
    var options = DrawingOptions()
    var title: String?
    /// Lay the union out as a whole even where the old edition's layout would be kept (`--fresh-layout`).
    var freshLayout = false

    enum Change: String, Hashable { case added, ended, kept }

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

    /// How each change is drawn, the same for actors and ties (ties ignore the fill), with its legend line.
    func mark(_ change: Change) -> Mark {
        let counts: (Int, Int), word: String
        switch change {
        case .added: (counts, word) = ((diff.nodesAdded.count, diff.edgesAdded.count), language.word("new"))
        case .ended: (counts, word) = ((diff.nodesRemoved.count, diff.edgesRemoved.count), language.word("ended"))
        case .kept: (counts, word) = ((diff.nodesKept.count, diff.edgesKept.count), language.word("kept"))
        }
        let legend = Wording(verbatim: "\(word): \(counts.0) \(language.word("nodes")), \(counts.1) \(language.word("ties"))")
        switch change {
        case .added: return Mark(name: "change-added", color: DiffDrawing.addedColor, penwidth: 2.5, style: "solid", fill: DiffDrawing.addedFill, legend: legend)
        case .ended: return Mark(name: "change-ended", color: DiffDrawing.endedColor, penwidth: 2, style: "dashed", fill: "#FFFFFF", legend: legend)
        case .kept: return Mark(name: "change-kept", color: DiffDrawing.keptColor, penwidth: 1.2, style: "solid", fill: DiffDrawing.keptFill, legend: legend)
        }
    }

    /// The request that draws the diff: both editions, marked, with the old edition's positions kept.
    func request() throws -> RenderRequest {
        let union = network(old: false)
        if union.network.nodes.isEmpty {
            var seen = Set<String>()
            let inputs = (diff.old.inputs + diff.new.inputs).filter { seen.insert($0).inserted }
            throw Render.noNetwork(in: inputs, otherwise: "both editions are empty")
        }

        // 1. The old edition alone, laid out as `render` would (for the screen), to keep its positions.
        var positions: [String: (x: Double, y: Double)] = [:]
        let old = network(old: true).network
        if keepsOldLayout {
            var first = RenderRequest(network: old)
            first.options = options
            first.options.page = nil
            first.options.layout = nil
            first.options.legend = false
            let builder = try first.builder
            positions = try Renderer.draw(builder, choices: first.choices(for: builder), page: nil, formats: []).positions
        }

        // 2. Both editions, the old positions kept, every actor and tie marked by its change.
        var request = RenderRequest(network: union.network, title: title ?? defaultTitle)
        request.options = options
        request.keptPositions = positions
        request.marksOnly = true
        let marks: [Change: Mark] = [.added: mark(.added), .ended: mark(.ended), .kept: mark(.kept)]
        for (id, change) in union.nodes { request.nodeMarks[id] = marks[change] }
        for (index, change) in union.ties.enumerated() { request.tieMarks[index] = marks[change] }
        request.footnote = successionNote
        return request
    }

    /// Whether the old edition's layout is kept: unless `freshLayout`, or the new actors outnumber the old
    /// edition's. When most of the picture is new, the old layout is a small core pinned in the middle with
    /// every new actor placed around it (Nord-Trøndelag 2009 → Trøndelag 2020, 137 new actors around 19, with
    /// `--collapse leaves` on A2: 623 tie crossings, 5 ties across boxes and 7.7 pt text when the old layout was
    /// kept, against 39, 0 and 8.79 pt with the union laid out as a whole, as `render` would).
    var keepsOldLayout: Bool {
        let old = diff.nodesKept.count + diff.nodesRemoved.count
        return !freshLayout && old > 0 && diff.nodesAdded.count <= old
    }

    /// Draws the picture to `path` (.svg, .png or .pdf), written whole or not at all.
    ///
    /// - Returns: warnings for standard error: Graphviz's, and text below 8 pt on the page; and the drawing.
    func draw(to path: String) throws -> (warnings: [String], drawing: Drawing?) {
        let format = try DrawingFormat.of(path)
        if format == .dot { throw GraphError.invalidArgument("cannot draw a diff as DOT ('\(path)'): use .svg, .png or .pdf") }
        let request = try self.request()
        guard let drawing = try request.write(to: path) else { return ([], nil) }
        var warnings = drawing.warnings.map { "Graphviz: \($0)" }
        if let page = options.page, drawing.quality.effectiveFont < 8 {
            warnings.append("on the page (\(DOT.number(page.width)) × \(DOT.number(page.height)) pt) the smallest text is \(DOT.number(drawing.quality.effectiveFont)) pt, below 8 pt; use a larger page (--page 594x420mm is A2 landscape) or compare smaller editions")
        }
        return (warnings, drawing)
    }

    /// "Changes: Internasjonal strategi 2030 → internasjonal strategi mot 2035": each edition's year, or its
    /// name without the organisation before " — " (the successions under the picture name the counties).
    var defaultTitle: String {
        let names = [diff.old, diff.new].map { edition -> String in
            if let year = edition.year { return String(year) }
            if let name = edition.name { return name.components(separatedBy: " — ").last ?? name }
            return edition.inputs.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
        }
        return "\(language.word("title")): \(names[0]) → \(names[1])"
    }

    /// The successions followed, under the picture: "Successions: Vestfold og Telemark fylkeskommune → Telemark
    /// fylkeskommune (innst452s2022)".
    var successionNote: String? {
        guard !diff.successions.isEmpty else { return nil }
        let list = diff.successions.map { succession -> String in
            let from = language.label(diff.old.network.node(succession.from) ?? diff.new.network.node(succession.from), id: succession.from)
            let to = language.label(diff.new.network.node(succession.to) ?? diff.old.network.node(succession.to), id: succession.to)
            let sources = Set(succession.citations.map(\.source)).sorted()
            return "\(from) → \(to)" + (sources.isEmpty ? "" : " (\(sources.joined(separator: ", ")))")
        }
        return "\(language.word("successions")): " + list.joined(separator: "; ")
    }
}

