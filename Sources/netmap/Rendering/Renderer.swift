import Foundation
import Graph

/// A page the drawing is fitted to, in points, with a margin of 10 mm on each side.
struct Page: Equatable {
    var width: Double
    var height: Double

    static let margin = 28.35
    static let a4 = Page(width: 595.28, height: 841.89)
    static let a4Landscape = Page(width: 841.89, height: 595.28)
    static let a3 = Page(width: 841.89, height: 1190.55)
    static let a3Landscape = Page(width: 1190.55, height: 841.89)

    /// The printable area in points.
    var area: (Double, Double) { (width - 2 * Page.margin, height - 2 * Page.margin) }

    /// `a4`, `a4-landscape`, `a3`, `a3-landscape`, or `WIDTHxHEIGHT` with a unit `mm` (default), `cm`, `in` or `pt`.
    static func parse(_ text: String) throws -> Page {
        switch text.lowercased() {
        case "a4": return .a4
        case "a4-landscape", "a4landscape": return .a4Landscape
        case "a3": return .a3
        case "a3-landscape", "a3landscape": return .a3Landscape
        default: break
        }
        var body = text.lowercased()
        var unit = 72 / 25.4
        for (suffix, factor) in [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72.0), ("pt", 1.0)] where body.hasSuffix(suffix) {
            body.removeLast(suffix.count)
            unit = factor
        }
        let parts = body.split(separator: "x").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], w > 0, h > 0 else {
            throw GraphError.invalidArgument("cannot read page '\(text)'; use a4, a4-landscape, a3, a3-landscape or WIDTHxHEIGHT like 210x297mm")
        }
        let page = Page(width: w * unit, height: h * unit)
        guard page.width > 2 * margin + 36, page.height > 2 * margin + 36 else {
            throw GraphError.invalidArgument("page '\(text)' is too small to draw on")
        }
        return page
    }
}

/// A layout engine with its options, one candidate of the automatic choice.
struct LayoutChoice: Equatable, CustomStringConvertible {
    var engine: String
    var rankdir: String = "LR"
    /// Graphviz's `start` for neato, fdp and sfdp (nil: Graphviz's fixed default).
    var seed: Int? = nil
    /// An ego drawing laid out by `EgoStar` (its DOT text names `twopi`, Graphviz's radial layout).
    var star = false
    var description: String { star ? "star" : engine == "dot" ? "dot (\(rankdir))" : engine + (seed.map { " (start \($0))" } ?? "") }

    /// The engine with each of `seeds` (nil first: Graphviz's default).
    static func seeded(_ engine: String, _ seeds: [Int]) -> [LayoutChoice] {
        [LayoutChoice(engine: engine)] + seeds.map { LayoutChoice(engine: engine, seed: $0) }
    }
}

/// A finished drawing.
struct Drawing {
    /// The outputs in the formats asked for.
    var outputs: [Data]
    /// The final drawing's coordinates (legend, title and footnote included).
    var geometry: Geometry
    /// Node positions of the network layout in points, by node id (what `--positions` writes).
    var positions: [String: (x: Double, y: Double)]
    var quality: QualityReport
    /// Ties across nodes, label overlaps, crossings, text on the page (`--check`).
    var legibility: Legibility
    var warnings: [String]
    var layout: LayoutChoice
}

/// Draws a network in two passes through Graphviz: the network is laid out alone (trying each candidate
/// layout and keeping the one that fits the page at the largest scale), then the legend, title and footnote
/// are placed beside it and the whole is drawn with every position fixed (`nop2`), so the legend never covers
/// the graph whatever the engine.
enum Renderer {
    /// The layouts tried when the user names none: dot both ways and neato for small networks, clusters need
    /// dot (fdp only when asked to, or to pin nodes), large networks sfdp. Force-directed layouts are tried
    /// from several fixed seeds (`start`): their crossings vary by a third from one seed to the next, and the
    /// drawing keeps the layout with the fewest (see `draw`).
    static func candidates(nodeCount: Int, edgeCount: Int = 0, grouped: Bool, requested: String?, pinned: Bool) -> [LayoutChoice] {
        if let requested {
            return requested == "dot" ? [LayoutChoice(engine: "dot", rankdir: "LR"), LayoutChoice(engine: "dot", rankdir: "TB")]
                : [LayoutChoice(engine: requested)]
        }
        if pinned { return [LayoutChoice(engine: grouped ? "fdp" : "neato")] }
        // fdp draws clusters too, but Graphviz 2.42's fdp orders them by memory address (its issue 1214): its
        // output changes from run to run, so netmap uses it only when asked to or to pin nodes.
        if grouped { return [LayoutChoice(engine: "dot", rankdir: "LR"), LayoutChoice(engine: "dot", rankdir: "TB")] }
        if nodeCount <= 80 && edgeCount <= 2 * nodeCount {
            return [LayoutChoice(engine: "dot", rankdir: "LR"), LayoutChoice(engine: "dot", rankdir: "TB")] + LayoutChoice.seeded("neato", [2, 3])
        }
        if nodeCount <= 80 { return LayoutChoice.seeded("neato", [2, 3]) }
        if nodeCount <= 300 { return LayoutChoice.seeded("neato", [2, 3]) + LayoutChoice.seeded("sfdp", [2]) }
        return [LayoutChoice(engine: "sfdp")]
    }

    /// Moves nodes that are not pinned off any node they overlap, to the nearest free spot on a spiral around
    /// them (pinned nodes never move); the ties of moved nodes are routed again in the final pass.
    ///
    /// - Complexity: O(k · s · n) for k moved nodes, s spiral steps and n nodes.
    static func separateNewNodes(_ geometry: inout Geometry, pinned: [String: (x: Double, y: Double)], network: Network) {
        let gap = 4.0
        func grown(_ node: Geometry.NodeBox) -> Geometry.Box {
            let b = node.box
            return Geometry.Box(minX: b.minX - gap, minY: b.minY - gap, maxX: b.maxX + gap, maxY: b.maxY + gap)
        }
        var moved = Set<String>()
        for index in geometry.nodes.indices where pinned[geometry.nodes[index].name] == nil {
            func free(_ candidate: Geometry.NodeBox) -> Bool {
                !geometry.nodes.indices.contains { $0 != index && grown(candidate).overlaps(geometry.nodes[$0].box) }
            }
            var candidate = geometry.nodes[index]
            if free(candidate) { continue }
            let origin = (candidate.x, candidate.y)
            for step in 1...4000 {
                let angle = Double(step) * 0.5
                let radius = 3.0 * angle
                candidate.x = origin.0 + radius * cos(angle)
                candidate.y = origin.1 + radius * sin(angle)
                if free(candidate) { break }
            }
            geometry.nodes[index] = candidate
            moved.insert(candidate.name)
        }
        guard !moved.isEmpty else { return }
        for (index, edge) in network.edges.enumerated() where moved.contains(edge.from) || moved.contains(edge.to) {
            geometry.edgePositions["edge-\(index)"] = nil
        }
        for node in geometry.nodes { geometry.boundingBox = geometry.boundingBox.union(grown(node)) }
    }

    /// Places the legend (tall or wide; right of or below the drawing, or in an empty corner of it; whichever
    /// fits `fitPage` best), the title above and the footnote below the laid-out network `main`; `parts` are
    /// the furniture's sizes, `edges` the ends of the ties by position (tie `i` is `edge-i` in `main`).
    static func arrange(_ main: Geometry, parts: [String: Geometry.NodeBox], fitPage: (Double, Double),
                        edges: [(from: String, to: String)] = []) -> Placement {
        var placement = Placement(boundingBox: main.boundingBox)
        for node in main.nodes {
            placement.nodes[node.name] = (node.x, node.y)
            placement.sizes[node.name] = (node.width, node.height)
        }
        placement.edges = main.edgePositions
        placement.clusters = main.clusters
        var total = main.boundingBox
        let gap = 18.0
        let legends = LegendShape.allCases.compactMap { shape in parts[shape.rawValue].map { (shape, $0) } }
        if !legends.isEmpty {
            // Each legend shape right of or below the drawing, or in an empty corner of it; the best fit on the
            // page wins.
            var options: [(shape: LegendShape, at: (x: Double, y: Double), box: Geometry.Box, fit: Double)] = []
            let free = EmptySpace(main, edges: edges)
            for (shape, legend) in legends {
                let right = (x: total.maxX + gap + legend.width / 2, y: total.maxY - legend.height / 2)
                let below = (x: total.minX + legend.width / 2, y: total.minY - gap - legend.height / 2)
                // Half the legend box's size (6 pt of margin around the legend); its corner places lie inside the
                // drawing's corners, taken when nothing is drawn there.
                let (w, h) = (legend.width / 2 + 6, legend.height / 2 + 6)
                var corners: [(x: Double, y: Double)] = []
                if total.width > 2 * w && total.height > 2 * h {
                    for (x, y) in [(total.maxX - w, total.minY + h), (total.maxX - w, total.maxY - h),
                                   (total.minX + w, total.minY + h), (total.minX + w, total.maxY - h)]
                    where free.isEmpty(Geometry.Box(minX: x - w, minY: y - h, maxX: x + w, maxY: y + h)) {
                        corners.append((x, y))
                    }
                }
                for at in [right, below] + corners {
                    let box = Geometry.Box(minX: at.x - w, minY: at.y - h, maxX: at.x + w, maxY: at.y + h)
                    let all = total.union(box)
                    let fit = min(fitPage.0 / all.width, fitPage.1 / all.height, 1)
                    let area = all.width * all.height
                    // Prefer the best fit, then the smaller drawing.
                    options.append((shape, at, box, fit - area * 1e-12))
                }
            }
            let best = options.enumerated().max { a, b in a.element.fit != b.element.fit ? a.element.fit < b.element.fit : a.offset > b.offset }!.element
            placement.nodes["legend"] = best.at
            placement.clusters["cluster_legend"] = best.box
            placement.legendShape = best.shape
            total = total.union(best.box)
        }
        if let title = parts["title"] {
            let at = (x: (total.minX + total.maxX) / 2, y: total.maxY + 10 + title.height / 2)
            placement.nodes["title"] = at
            total = total.union(Geometry.Box(minX: at.x - title.width / 2, minY: at.y - title.height / 2,
                                             maxX: at.x + title.width / 2, maxY: at.y + title.height / 2))
        }
        if let note = parts["footnote"] {
            let at = (x: total.minX + note.width / 2, y: total.minY - 10 - note.height / 2)
            placement.nodes["footnote"] = at
            total = total.union(Geometry.Box(minX: at.x - note.width / 2, minY: at.y - note.height / 2,
                                             maxX: at.x + note.width / 2, maxY: at.y + note.height / 2))
        }
        placement.boundingBox = total
        return placement
    }

    /// Draws `builder`'s network.
    ///
    /// - Parameters:
    ///   - choices: the layouts to try (see `candidates`); the best fit on `page` wins, the first on ties.
    ///   - page: the page to fit to (A4 portrait is used to choose when nil); sets Graphviz's `size`.
    ///   - formats: Graphviz output formats (`svg`, `png:cairo`, `pdf:cairo`, `json`, ...).
    ///   - dpi: resolution of bitmap output.
    static func draw(_ builder: DOTBuilder, choices: [LayoutChoice], page: Page?, formats: [String], dpi: Double? = nil) throws -> Drawing {
        let fitPage = (page ?? .a4).area
        var warnings: [String] = []
        var layouts: [(choice: LayoutChoice, geometry: Geometry, warnings: [String])] = []
        for choice in choices {
            var pass = builder
            pass.layout = choice.engine
            pass.rankdir = choice.rankdir
            if let seed = choice.seed { pass.graphExtras["start"] = String(seed) }
            let output = try Graphviz.render(dot: pass.buildNetwork(), layout: choice.engine, formats: ["json"])
            var geometry = try Geometry.parse(output.data[0])
            if !pass.routesTiesInLayoutPass { geometry.edgePositions = [:] }
            layouts.append((choice, geometry, output.warnings))
        }
        guard let first = layouts.first else { throw GraphError.invalidArgument("no layout to try") }
        // An ego drawing is also tried as a star (see `EgoStar`), shaped like the page, and wider to leave room
        // for a legend below.
        if builder.emphasized.count == 1, let centre = builder.emphasized.first, builder.pinned.isEmpty, builder.groupBy == nil, choices.count > 1 {
            let area = (page ?? .a4).area
            for widening in [1.0, 1.3, 1.45, 1.6] {
                if let star = EgoStar.layout(builder.network, centre: centre, sized: first.geometry, aspect: widening * area.0 / area.1) {
                    layouts.append((LayoutChoice(engine: "twopi", star: true), star, []))
                }
            }
        }

        // The legend, title and footnote are measured to score the candidates, the footnote wrapped to each
        // candidate's width as the final drawing wraps it (measured once per width); each candidate is scored by
        // how large the whole fits the page.
        let noteWidth = { (geometry: Geometry) in Int(max(geometry.boundingBox.width, 300) / (builder.theme.noteSize * 0.55)) }
        var trialParts: [Int: [String: Geometry.NodeBox]] = [:]
        func parts(for geometry: Geometry) throws -> [String: Geometry.NodeBox] {
            let width = builder.footnote == nil ? noteWidth(first.geometry) : noteWidth(geometry)
            if let known = trialParts[width] { return known }
            let trial = try Graphviz.render(dot: builder.buildFurniture(footnoteWidth: width), layout: "dot", formats: ["json"])
            let measured = try Geometry.parse(trial.data[0]).nodesByName
            trialParts[width] = measured
            return measured
        }
        let ends = builder.network.edges.map { (from: $0.from, to: $0.to) }
        // A scale that puts the smallest text at 8 pt on the page is enough: of the layouts that reach it, the
        // first (the least compacted) is kept, as denser ones hide more ties under boxes.
        let smallest = min(builder.theme.fontSize, builder.footnote == nil ? .infinity : builder.theme.noteSize,
                           builder.sizing == nil ? .infinity : builder.theme.sizeRange.min)
        let enough = page == nil ? 1 : min(1, 8.05 / smallest)
        func fit(_ geometry: Geometry) throws -> Double {
            let total = arrange(geometry, parts: try parts(for: geometry), fitPage: fitPage, edges: ends).boundingBox
            return min(enough, fitPage.0 / max(1, total.width), fitPage.1 / max(1, total.height))
        }
        // When the drawing must fit a page, force-directed layouts without clusters or pinned nodes are also tried
        // compacted (see `Compaction`); on screen (no page) the airier layout reads better, ties less hidden.
        let compactable = page != nil && builder.pinned.isEmpty && builder.groupBy == nil
        // Leaves in a block are stacked by the relation of their tie, then by label.
        var leafOrder: [String: String] = [:]
        if compactable {
            for edge in builder.network.edges {
                for end in [edge.from, edge.to] {
                    leafOrder[end] = edge.relation + " " + (builder.network.node(end)?.label(language: builder.labelLanguage) ?? end)
                }
            }
        }
        // The layouts in order of their estimated legibility (`LayoutScore`: ties across boxes and crossings,
        // uncompacted); the first whose text reaches `enough` on the page is kept, so the later ones are not
        // compacted at all (compaction costs seconds on large networks).
        let scores = layouts.count > 1 ? layouts.map { LayoutScore($0.geometry, edges: ends) } : [LayoutScore()]
        let order = layouts.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
        var picks: [(choice: LayoutChoice, geometry: Geometry, scale: Double, warnings: [String], score: LayoutScore)] = []
        for index in order {
            let layout = layouts[index]
            var tries = [layout.geometry]
            if try compactable && ["neato", "sfdp", "fdp"].contains(layout.choice.engine) && layout.geometry.clusters.isEmpty && fit(layout.geometry) < enough {
                tries += Compaction.variants(of: layout.geometry)
                // Also with each hub's leaves stacked beside it (see `LeafBlocks`).
                let blocks = LeafBlocks(layout.geometry, edges: ends, order: leafOrder)
                if !blocks.blocks.isEmpty {
                    tries += Compaction.variants(of: blocks.collapsed(layout.geometry)).map(blocks.expanded)
                    // And laid out again with the leaves gathered from the start.
                    var gathered = builder
                    (gathered.network, gathered.fixedSizes) = blocks.collapsed(builder.network)
                    gathered.layout = layout.choice.engine
                    if let seed = layout.choice.seed { gathered.graphExtras["start"] = String(seed) }
                    let output = try Graphviz.render(dot: gathered.buildNetwork(), layout: layout.choice.engine, formats: ["json"])
                    let geometry = try Geometry.parse(output.data[0])
                    tries += ([geometry] + Compaction.variants(of: geometry)).map(blocks.expanded)
                }
            }
            // Of the tries, the first that reaches `enough` (the least compacted), else the best fit.
            var pick: (geometry: Geometry, scale: Double)?
            for geometry in tries {
                let scale = try fit(geometry)
                if pick == nil || scale > pick!.scale + 1e-9 { pick = (geometry, scale) }
                if scale >= enough - 1e-9 { break }
            }
            guard let pick else { continue }
            picks.append((layout.choice, pick.geometry, pick.scale, layout.warnings, scores[index]))
            if pick.scale >= enough - 1e-9 { break }
        }
        // When none reaches `enough`: on a page the best fit; on screen (no page size to reach) the most legible
        // of those within 15 % of the best fit.
        var best: (choice: LayoutChoice, geometry: Geometry, scale: Double)?
        if let last = picks.last, last.scale >= enough - 1e-9 {
            best = (last.choice, last.geometry, last.scale)
            warnings = last.warnings
        } else if let top = picks.map(\.scale).max() {
            let floor = page == nil ? 0.85 * top : top - 1e-9
            var bestScore: LayoutScore?
            for pick in picks where pick.scale >= floor && (bestScore == nil || pick.score < bestScore!) {
                best = (pick.choice, pick.geometry, pick.scale)
                bestScore = pick.score
                warnings = pick.warnings
            }
        }
        guard let chosen = best else { throw GraphError.invalidArgument("no layout to try") }
        var final = builder
        final.layout = chosen.choice.engine
        final.rankdir = chosen.choice.rankdir
        var main = chosen.geometry
        if !builder.pinned.isEmpty { separateNewNodes(&main, pinned: builder.pinned, network: builder.network) }
        // Every tie drawn clear of the nodes it does not join (see `TieRouter`).
        let relationStyles = builder.relationStyles
        let arrow = { (edge: Edge) in
            !builder.network.isSymmetric(edge.relation) && (relationStyles[edge.relation] ?? builder.theme.defaultEdge).arrowhead != "none"
        }
        main.edgePositions = try TieRouter.route(builder.network, geometry: main, arrow: arrow)
        // The few ties the router could not lead between boxes: the nodes they run under move aside (see `NodeNudge`).
        try NodeNudge.clear(&main, network: builder.network, pinned: Set(builder.pinned.keys), arrow: arrow)

        // Sizes of the furniture.
        let footnoteWidth = noteWidth(main)
        let furniture = try Graphviz.render(dot: final.buildFurniture(footnoteWidth: footnoteWidth), layout: "dot", formats: ["json"])
        let parts = try Geometry.parse(furniture.data[0]).nodesByName
        let placement = arrange(main, parts: parts, fitPage: fitPage, edges: ends)

        if let page {
            let area = page.area
            final.graphExtras["size"] = "\(DOT.number(area.0 / 72)),\(DOT.number(area.1 / 72))"
        }
        if let dpi { final.graphExtras["dpi"] = DOT.number(dpi) }
        let dot = final.buildPlaced(placement, footnoteWidth: footnoteWidth)
        let output = try Graphviz.render(dot: dot, layout: "nop2", formats: formats + ["json"])
        warnings += furniture.warnings + output.warnings
        let geometry = try Geometry.parse(output.data[formats.count])
        var outputs = Array(output.data.prefix(formats.count))
        for (index, format) in formats.enumerated() {
            if format.hasPrefix("svg") { outputs[index] = SVGPostProcessor.titles(outputs[index], builder: final) }
            outputs[index] = PDFDates.fixed(outputs[index], format: format)
        }
        var positions: [String: (x: Double, y: Double)] = [:]
        for node in main.nodes where final.network.node(node.name) != nil { positions[node.name] = (node.x, node.y) }
        let quality = QualityReport(geometry, page: page.map(\.area) ?? nil)
        let legibility = Legibility(geometry, network: final.network, page: page)
        return Drawing(outputs: outputs, geometry: geometry, positions: positions, quality: quality, legibility: legibility,
                       warnings: warnings.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }, layout: chosen.choice)
    }
}

/// Whether a box of a drawing is empty: no node, cluster or tie in it (with a 6 pt gap). A tie is the box
/// around its spline's control points when it has been routed (the curve lies within their hull), else the
/// straight line between its ends, as the final pass draws it.
struct EmptySpace {
    private var boxes: [Geometry.Box] = []
    private var segments: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
    static let gap = 6.0

    init(_ geometry: Geometry, edges: [(from: String, to: String)]) {
        boxes = geometry.nodes.map(\.box) + geometry.clusters.values
        let nodes = geometry.nodesByName
        for (index, edge) in edges.enumerated() {
            if let pos = geometry.edgePositions["edge-\(index)"] {
                var box: Geometry.Box?
                for token in pos.split(separator: " ") {
                    let numbers = token.split(separator: ",").compactMap { Double($0) }
                    guard numbers.count >= 2 else { continue }
                    let (x, y) = (numbers[numbers.count - 2], numbers[numbers.count - 1])
                    let point = Geometry.Box(minX: x, minY: y, maxX: x, maxY: y)
                    box = box?.union(point) ?? point
                }
                if let box { boxes.append(box) }
            } else if let a = nodes[edge.from], let b = nodes[edge.to] {
                segments.append((a.x, a.y, b.x, b.y))
            }
        }
    }

    func isEmpty(_ box: Geometry.Box) -> Bool {
        let g = EmptySpace.gap
        let grown = Geometry.Box(minX: box.minX - g, minY: box.minY - g, maxX: box.maxX + g, maxY: box.maxY + g)
        if boxes.contains(where: { grown.overlaps($0, tolerance: 0) }) { return false }
        return !segments.contains { EmptySpace.segment($0, meets: grown) }
    }

    /// Whether the segment meets the box (Liang–Barsky clipping).
    static func segment(_ s: (x0: Double, y0: Double, x1: Double, y1: Double), meets box: Geometry.Box) -> Bool {
        let dx = s.x1 - s.x0, dy = s.y1 - s.y0
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, s.x0 - box.minX), (dx, box.maxX - s.x0), (-dy, s.y0 - box.minY), (dy, box.maxY - s.y0)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

/// `--positions` files: `{"units": "pt", "nodes": {"<id>": [x, y], ...}}`.
enum PositionsFile {
    static func text(_ positions: [String: (x: Double, y: Double)]) throws -> String {
        let nodes = positions.mapValues { [($0.x * 100).rounded() / 100, ($0.y * 100).rounded() / 100] }
        return try jsonText(["units": "pt", "nodes": nodes] as [String: Any])
    }

    static func read(_ path: String) throws -> [String: (x: Double, y: Double)] {
        OutputStage.shared.noteInput(path)
        let data = try UnreadableFile.contents(of: path, what: "the positions file")
        func fail(_ message: String, line: Int?) -> GraphError {
            .invalidInput([.error(message, at: SourceLocation(file: path, line: line))])
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (reason, line) = NodeLinkFormat.describe(error, in: data)
            throw fail("not valid JSON: \(reason)", line: line)
        }
        guard let root = parsed as? [String: Any], let nodes = root["nodes"] as? [String: Any] else {
            throw fail("not a positions file: expected {\"units\": \"pt\", \"nodes\": {\"<id>\": [x, y], ...}}", line: 1)
        }
        if let units = root["units"] as? String, units != "pt" {
            throw fail("units '\(DrawingValue.excerpt(units))' not supported; netmap writes and reads \"pt\"", line: NodeLinkFormat.line(ofKey: "units", in: data))
        }
        var result: [String: (x: Double, y: Double)] = [:]
        for (id, value) in nodes.sorted(by: { $0.key < $1.key }) {
            guard let pair = value as? [Double], pair.count == 2, pair[0].isFinite, pair[1].isFinite else {
                throw fail("node '\(DrawingValue.excerpt(id))': position must be [x, y] in points", line: NodeLinkFormat.line(ofKey: id, in: data))
            }
            if let outside = pair.first(where: { abs($0) > DrawingValue.maxCoordinate }) {
                throw fail("node '\(DrawingValue.excerpt(id))': coordinate \(outside) is outside ±\(Int(DrawingValue.maxCoordinate)) pt; a positions file holds points on a page (as --positions writes them)",
                           line: NodeLinkFormat.line(ofKey: id, in: data))
            }
            result[id] = (pair[0], pair[1])
        }
        return result
    }


    /// Mean distance (points) that the nodes present in both layouts moved.
    static func meanDisplacement(_ a: [String: (x: Double, y: Double)], _ b: [String: (x: Double, y: Double)]) -> Double {
        let common = a.keys.filter { b[$0] != nil }.sorted()
        guard !common.isEmpty else { return 0 }
        let total = common.reduce(0.0) { sum, id in
            let p = a[id]!, q = b[id]!
            return sum + ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
        }
        return total / Double(common.count)
    }
}

/// Rewrites Graphviz's SVG so each node's `<title>` holds its full label and each tie's `<title>` says
/// "label → label (relation)" (Graphviz writes the DOT names there), for screen readers and tooltips.
enum SVGPostProcessor {
    static func titles(_ svg: Data, builder: DOTBuilder) -> Data {
        let network = builder.network
        let text = String(decoding: svg, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        var labels: [String: String] = [:]
        for node in network.nodes { labels["node-" + DOTBuilder.classToken(node.id)] = node.label(language: builder.labelLanguage) }
        for (index, edge) in network.edges.enumerated() {
            // The ends' labels as drawn (shortened past the label limit; each node's own title has it whole).
            let from = Theme.truncate(network.node(edge.from)?.label(language: builder.labelLanguage) ?? edge.from, limit: builder.labelLimit)
            let to = Theme.truncate(network.node(edge.to)?.label(language: builder.labelLanguage) ?? edge.to, limit: builder.labelLimit)
            let arrow = network.isSymmetric(edge.relation) ? "—" : "→"
            labels["edge-\(index)"] = "\(from) \(arrow) \(to) (\(builder.language.relation(edge.relation, in: network)))"
        }
        var index = 0
        while index < lines.count - 1 {
            let line = lines[index]
            if line.hasPrefix("<g id=\""), line.contains("class=\"node") || line.contains("class=\"edge"), lines[index + 1].hasPrefix("<title>"),
               let end = line.dropFirst(7).firstIndex(of: "\"") {
                let id = decodeCharacterReferences(String(line[line.index(line.startIndex, offsetBy: 7)..<end]))
                if let label = labels[id] { lines[index + 1] = "<title>\(HTML.escape(label))</title>" }
            }
            index += 1
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}

/// Cairo stamps PDFs with the time of drawing; netmap replaces the stamp with a fixed one of the same length
/// so the byte offsets stay valid and the output is byte-identical from run to run.
enum PDFDates {
    static func fixed(_ data: Data, format: String) -> Data {
        guard format.hasPrefix("pdf") else { return data }
        var bytes = [UInt8](data)
        let pattern = Array("20000101000000000000".utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"].map({ Array($0.utf8) }) {
            var index = 0
            while index + key.count < bytes.count {
                if bytes[index] == key[0], Array(bytes[index..<index + key.count]) == key {
                    var position = index + key.count, digit = 0
                    while position < bytes.count, bytes[position] != UInt8(ascii: ")") {
                        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                            bytes[position] = pattern[min(digit, pattern.count - 1)]
                            digit += 1
                        }
                        position += 1
                    }
                    index = position
                }
                index += 1
            }
        }
        return Data(bytes)
    }
}
