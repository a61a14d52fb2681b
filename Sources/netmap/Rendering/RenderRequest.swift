import Foundation
import Graph

/// The file formats a drawing is written in, by the output's extension.
enum DrawingFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The format of `path`'s extension (`.gv` is DOT), or nil.
    init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }

    /// The format of `path`, or an error naming the extensions netmap draws.
    static func of(_ path: String) throws -> DrawingFormat {
        guard let format = DrawingFormat(path: path) else {
            throw GraphError.invalidArgument("cannot tell the format of '\(path)': use .svg, .png, .pdf or .dot")
        }
        return format
    }

    /// Graphviz's name of the output (PNG and PDF through cairo); DOT output is the SVG's layout.
    var graphviz: String {
        switch self {
        case .svg, .dot: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        }
    }
}

/// How a node or a tie is marked in a drawing: a path's hops, a proposed consortium, the ties a diff added
/// or ended. The mark's name is added to the SVG class of the node or tie; the legend lists every mark
/// that has a legend text.
struct Mark: Hashable, Sendable {
    /// A class name (`highlight`, `added`, `ended`, ...): letters, digits, `-`, `_`.
    var name: String
    /// Border colour of a node, line colour of a tie.
    var color: String? = nil
    var penwidth: Double? = nil
    /// A Graphviz line style for ties and node borders: `dashed`, `dotted`, `bold`.
    var style: String? = nil
    /// Fill colour of a node.
    var fill: String? = nil
    /// The legend's line for this mark (nil: not listed).
    var legend: Wording? = nil

    /// Okabe–Ito vermilion, darkened: a path, a consortium.
    static let highlight = Mark(name: "highlight", color: "#B8360A", penwidth: 3, legend: DrawingWords.highlighted)
}

/// The options of a drawing that do not depend on what is drawn.
struct DrawingOptions {
    /// A Graphviz engine (`dot`, `neato`, `fdp`, `sfdp`, `circo`, `twopi`); nil chooses by size.
    var layout: String? = nil
    /// The page to fit (nil: a drawing for the screen).
    var page: Page? = nil
    var theme: Theme = .standard
    /// The language of netmap's own words (legend, notes).
    var language: DrawingLanguage = .en
    /// `label_<lang>` of nodes drawn where present.
    var labelLanguage: String? = nil
    var wrap = 20
    var legend = true
    /// PNG resolution (150 when nil).
    var dpi: Double? = nil
    /// Leaves gathered into list nodes (`--collapse leaves`).
    var collapse: LeafCollapse? = nil
}

/// One drawing: the network to draw, how to mark parts of it, and the options. Every picture netmap makes
/// (`render`, each command's `--render`, the report, the diff) is one `RenderRequest` drawn by `Renderer`,
/// so page fitting, the legend, the language, determinism and the legibility checks are the same for all.
///
/// ```swift
/// var request = RenderRequest(network: part, title: "Trøndelag → Nordland")
/// request.options.page = .a4
/// request.tieMarks = [3: .highlight]
/// let svg = try request.svg()                     // or try request.write(to: "out/path.pdf")
/// ```
struct RenderRequest {
    /// What to draw (already filtered: every node and tie of it is drawn).
    var network: Network
    var title: String? = nil
    /// A footnote (e.g. `DrawingPlan.sourcesNote`).
    var footnote: String? = nil
    var options = DrawingOptions()
    /// Nodes drawn with a heavy border (the centre of an ego network); also makes the drawing a star.
    var centre: Set<String> = []
    /// Marks by node id, and by tie (index into `network.edges`).
    var nodeMarks: [String: Mark] = [:]
    var tieMarks: [Int: Mark] = [:]
    /// Node text sized by a measure (`--size-by`).
    var sizing: NodeSizing? = nil
    /// A node attribute that picks the fill (`--color-by`), and one that makes clusters (`--group-by`).
    var colorBy: String? = nil
    var groupBy: String? = nil
    /// Positions (points) to keep, by node id (`--keep-layout`, the diff's old layout): these nodes are pinned
    /// and only the others are placed.
    var keptPositions: [String: (x: Double, y: Double)] = [:]
    /// The marks alone say how nodes and ties look (see `DOTBuilder.marksOnly`; the diff's picture).
    var marksOnly = false

    init(network: Network, title: String? = nil) {
        self.network = network
        self.title = title
    }

    /// The DOT builder for this request (with `--collapse`, of the network with its leaves in lists; marks
    /// of ties then do not apply).
    var builder: DOTBuilder {
        get throws {
        var builder = DOTBuilder(network: network, title: title)
        builder.theme = options.theme
        builder.language = options.language
        builder.labelLanguage = options.labelLanguage
        builder.wrapWidth = options.wrap
        builder.showLegend = options.legend
        builder.footnote = footnote
        builder.emphasized = centre
        builder.nodeMarks = nodeMarks
        builder.tieMarks = tieMarks
        builder.sizing = sizing
        builder.colorBy = colorBy
        builder.groupBy = groupBy
        builder.pinned = keptPositions.filter { network.node($0.key) != nil }
        builder.marksOnly = marksOnly
        if let collapse = options.collapse {
            // A leaf is gathered only with leaves marked alike (by its own mark and its tie's), so a list
            // carries the marks of its members.
            var tieClass: [String: String] = [:]
            for (index, mark) in tieMarks {
                for end in [network.edges[index].from, network.edges[index].to] { tieClass[end] = min(tieClass[end] ?? mark.name, mark.name) }
            }
            var classes: [String: String] = [:]
            for id in Set(tieClass.keys).union(nodeMarks.keys) {
                var names = nodeMarks[id].map { [$0.name] } ?? []
                if let tie = tieClass[id], !names.contains(tie) { names.append(tie) }
                classes[id] = names.joined(separator: "+")
            }
            let origins: [[Int]]
            (builder.network, builder.lists, origins) = try collapse.apply(to: network, classes: classes)
            builder.tieMarks = [:]
            for (index, from) in origins.enumerated() {
                let marks = Set(from.map { tieMarks[$0] })
                if marks.count == 1, let mark = marks.first ?? nil { builder.tieMarks[index] = mark }
            }
            for (id, list) in builder.lists {
                let marks = Set(list.members.map { nodeMarks[$0.id] })
                if marks.count == 1, let mark = marks.first ?? nil { builder.nodeMarks[id] = mark }
            }
        }
        return builder
        }
    }

    /// The layouts tried, best fit on the page first.
    func choices(for builder: DOTBuilder) -> [LayoutChoice] {
        Renderer.candidates(nodeCount: builder.network.nodes.count, edgeCount: builder.network.edges.count, grouped: groupBy != nil,
                            requested: options.layout, pinned: !keptPositions.isEmpty)
    }

    /// Lays the network out and draws it in `format` (`outputs[0]`; DOT output is the DOT text of the
    /// chosen layout).
    func draw(_ format: DrawingFormat) throws -> Drawing {
        let builder = try self.builder
        var drawing = try Renderer.draw(builder, choices: choices(for: builder), page: options.page, formats: [format.graphviz],
                                        dpi: format == .png ? (options.dpi ?? 150) : options.dpi)
        if format == .svg, let warning = pageWarning(drawing) {
            drawing.outputs[0] = RenderRequest.svg(drawing.outputs[0], describedBy: warning)
        }
        if format == .dot {
            var first = builder
            first.layout = drawing.layout.engine
            first.rankdir = drawing.layout.rankdir
            drawing.outputs[0] = Data(first.build().utf8)
        }
        return drawing
    }

    /// The drawing as SVG text (what the report embeds).
    func svg() throws -> String { String(decoding: try draw(.svg).outputs[0], as: UTF8.self) }

    /// The DOT text Graphviz can lay out on its own, without laying it out here (the first layout choice).
    func dotText() throws -> String {
        var builder = try self.builder
        let choice = choices(for: builder)[0]
        builder.layout = choice.engine
        builder.rankdir = choice.rankdir
        return builder.build()
    }

    /// Draws into `path` (format by its extension), written whole or not at all. A `.dot` file is written
    /// without laying out unless `layOut` (when the positions or the checks are wanted).
    ///
    /// - Returns: the drawing, or nil for DOT text written without a layout.
    @discardableResult
    func write(to path: String, layOut: Bool = false) throws -> Drawing? {
        let format = try DrawingFormat.of(path)
        if format == .dot && !layOut {
            try OutputStage.shared.write(try dotText(), to: path)
            return nil
        }
        let drawing = try draw(format)
        try OutputStage.shared.write(drawing.outputs[0], to: path)
        return drawing
    }

    /// The SVG with `text` as a `<desc class="netmap-warning">` of the drawing (after the `<svg>` tag), so
    /// the page warning travels with the file without being printed.
    static func svg(_ svg: Data, describedBy text: String) -> Data {
        let source = String(decoding: svg, as: UTF8.self)
        guard let start = source.range(of: "<svg "), let end = source.range(of: ">", range: start.upperBound..<source.endIndex) else { return svg }
        return Data((source[..<end.upperBound] + "\n<desc class=\"netmap-warning\">\(HTML.escape(text))</desc>" + source[end.upperBound...]).utf8)
    }

    /// The warning when the smallest text on the page is under 8 pt, in the drawing's language; nil otherwise.
    func pageWarning(_ drawing: Drawing) -> String? {
        guard let page = options.page, drawing.quality.effectiveFont < 8 else { return nil }
        return options.language(DrawingWords.smallText(size: DOT.number(drawing.quality.effectiveFont),
                                                       page: "\(DOT.number(page.width)) × \(DOT.number(page.height)) pt"))
    }
}
