import Foundation
import Graph

/// Node sizes for `--size-by`: a measure's name and its value per node id.
struct NodeSizing {
    var measure: String
    var values: [String: Double]
}

/// Where everything goes in the final drawing: positions from a first layout, handed to Graphviz's `nop2`
/// engine so it only draws. Node positions and cluster boxes in points, edge splines as Graphviz `pos` text.
struct Placement {
    var nodes: [String: (x: Double, y: Double)] = [:]
    var edges: [String: String] = [:]
    /// Node sizes (points) of the network's nodes, for ties netmap draws itself (`ParallelTies`).
    var sizes: [String: (width: Double, height: Double)] = [:]
    var clusters: [String: Geometry.Box] = [:]
    var boundingBox: Geometry.Box
    /// How the legend's sections are laid out.
    var legendShape: LegendShape = .tall
}

extension Placement {
    /// The box of a placed network node.
    func box(_ name: String) -> Geometry.NodeBox? {
        guard let at = nodes[name], let size = sizes[name] else { return nil }
        return Geometry.NodeBox(name: name, x: at.x, y: at.y, width: size.width, height: size.height)
    }
}

/// How the legend's sections are laid out; the raw value names the legend's node when it is measured.
enum LegendShape: String, CaseIterable {
    /// Sections stacked (for a legend right of the drawing).
    case tall = "legend"
    /// Sections side by side (for a legend below the drawing).
    case wide = "legend_wide"
    /// Side by side, each in columns of at most `flatRows` rows (a low strip, or an empty corner).
    case flat = "legend_flat"

    static let flatRows = 7
}

/// Builds the Graphviz DOT text for a network: nodes styled by kind (or `colorBy`), sized by a measure, ties
/// styled by relation, optional clusters (`groupBy`), a legend in `cluster_legend`, a title and a footnote.
///
/// The text is deterministic: nodes and ties in input order, attributes sorted, no clock or randomness.
/// Every label is escaped for DOT and for Graphviz's label escapes (`\N`, `&amp;`, ...), so any text is drawn
/// as written.
struct DOTBuilder {
    var network: Network
    var title: String?
    var layout: String = "dot"
    var theme: Theme = .standard
    /// The language of netmap's own words (legend headings, kind and relation names).
    var language: DrawingLanguage = .en
    /// `en` draws `label_en` where present.
    var labelLanguage: String? = nil
    /// Labels are wrapped at word boundaries to this many characters per line.
    var wrapWidth: Int = 20
    /// Labels longer than this are shortened with "…" in the drawing (the SVG `<title>` keeps the full text).
    var labelLimit: Int = 100
    var sizing: NodeSizing? = nil
    /// A node attribute (`kind`, `country`, `community`, any other) that picks the fill colour.
    var colorBy: String? = nil
    /// A node attribute whose values become labelled clusters.
    var groupBy: String? = nil
    /// The footnote text (for example the list of cited sources).
    var footnote: String? = nil
    var showLegend: Bool = true
    /// `rankdir` for the dot layout.
    var rankdir: String = "LR"
    /// Positions (points) of nodes to pin in neato/fdp (`--keep-layout`).
    var pinned: [String: (x: Double, y: Double)] = [:]
    /// Nodes drawn as empty boxes of this size in points (the stand-ins of `LeafBlocks` in a layout pass).
    var fixedSizes: [String: (width: Double, height: Double)] = [:]
    /// Nodes drawn with a heavy border (the centre of an ego network).
    var emphasized: Set<String> = []
    /// List nodes of `--collapse leaves` by id: drawn as a table of their members' names.
    var lists: [String: LeafCollapse.List] = [:]
    /// Marked nodes and ties (indices into `network.edges`): a path, a proposed consortium, a diff's changes.
    var nodeMarks: [String: Mark] = [:]
    var tieMarks: [Int: Mark] = [:]
    /// Graph attributes added last (page `size`, `dpi`).
    var graphExtras: [String: String] = [:]
    /// The marks alone say how nodes and ties look (`netmap diff --render`): kinds keep their shapes but not
    /// their dashes, ties lose their relation's colour and dashes, and the legend shows kinds by shape (white
    /// swatches) and no relation styles.
    var marksOnly = false

    /// The whole drawing as one DOT text that Graphviz can lay out on its own (what `-o FILE.dot` writes).
    func build() -> String {
        var lines = header(graphAttributes(includeTitle: true))
        lines += body(placement: nil)
        if showLegend { lines += legendCluster(placement: nil) }
        if let footnote, !footnote.isEmpty {
            lines.append("  \(DOT.quote("footnote")) \(furnitureAttributes(footnoteLabel(footnote, width: 100)));")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the layout pass routes the ties: only dot, whose routes are part of its layout; the ties of
    /// other engines are drawn by `TieRouter` once the positions are final.
    var routesTiesInLayoutPass: Bool { layout == "dot" }

    /// The network alone (no legend, title or footnote), for the first layout pass.
    func buildNetwork() -> String {
        var attributes = graphAttributes(includeTitle: false)
        if !routesTiesInLayoutPass { attributes["splines"] = "false" }
        var lines = header(attributes)
        lines += body(placement: nil)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Title, legend and footnote as separate nodes, laid out only to learn their sizes.
    func buildFurniture(footnoteWidth: Int) -> String {
        var lines = header(["fontname": theme.font, "charset": "UTF-8"])
        if let title, !title.isEmpty { lines.append("  \(DOT.quote("title")) \(furnitureAttributes(titleLabel(title)));") }
        if showLegend {
            for shape in LegendShape.allCases {
                lines.append("  \(DOT.quote(shape.rawValue)) \(furnitureAttributes(legendLabel(shape: shape)));")
            }
        }
        if let footnote, !footnote.isEmpty {
            lines.append("  \(DOT.quote("footnote")) \(furnitureAttributes(footnoteLabel(footnote, width: footnoteWidth)));")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The final drawing with every position given, for Graphviz's `nop2` engine.
    func buildPlaced(_ placement: Placement, footnoteWidth: Int) -> String {
        var attributes = graphAttributes(includeTitle: false)
        attributes["bb"] = placement.boundingBox.graphvizText
        var lines = header(attributes)
        lines += body(placement: placement)
        if let title, !title.isEmpty, let at = placement.nodes["title"] {
            lines.append("  \(DOT.quote("title")) \(furnitureAttributes(titleLabel(title), at: at));")
        }
        if showLegend, let at = placement.nodes["legend"] {
            var cluster = legendClusterAttributes()
            if let box = placement.clusters["cluster_legend"] { cluster["bb"] = box.graphvizText }
            lines.append("  subgraph cluster_legend {")
            lines.append("    graph \(DOT.attributes(cluster));")
            lines.append("    \(DOT.quote("legend")) \(furnitureAttributes(legendLabel(shape: placement.legendShape), at: at));")
            lines.append("  }")
        }
        if let footnote, !footnote.isEmpty, let at = placement.nodes["footnote"] {
            lines.append("  \(DOT.quote("footnote")) \(furnitureAttributes(footnoteLabel(footnote, width: footnoteWidth), at: at));")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    private func header(_ attributes: [String: String]) -> [String] {
        [
            "digraph \(DOT.quote(network.name ?? "network")) {",
            "  graph \(DOT.attributes(attributes));",
            "  node \(DOT.attributes(["fontname": theme.font, "fontsize": DOT.number(theme.fontSize), "style": "filled", "penwidth": "1", "margin": "0.06,0.03", "width": "0", "height": "0"]));",
            "  edge \(DOT.attributes(["fontname": theme.font, "fontsize": DOT.number(theme.noteSize), "color": theme.defaultEdge.color, "arrowsize": "0.6"]));",
        ]
    }

    func graphAttributes(includeTitle: Bool) -> [String: String] {
        var attributes: [String: String] = [
            "fontname": theme.font, "charset": "UTF-8", "outputorder": "edgesfirst", "pad": "0.1",
            "splines": "true", "overlap": "false", "fontsize": DOT.number(theme.fontSize + 1),
        ]
        switch layout {
        case "dot":
            attributes["rankdir"] = rankdir
            attributes["nodesep"] = "0.12"
            attributes["ranksep"] = "0.35"
            attributes["newrank"] = "true"
        case "neato", "fdp", "sfdp":
            // Start from a layout scaled to the label size, then let prism push nodes apart just enough.
            attributes["overlap"] = "prism"
            attributes["overlap_scaling"] = "-1"
            attributes["sep"] = "+3"
            attributes["esep"] = "+1"
        default:
            attributes["sep"] = "+4"
        }
        // Routing curved edges around nodes costs seconds on dense graphs; straight lines then.
        // Routing curved edges around nodes costs seconds on dense graphs; straight lines then (in the DOT text
        // Graphviz draws on its own; netmap's drawings route every tie with `TieRouter`).
        if network.edges.count > 120 { attributes["splines"] = "false" }
        if !pinned.isEmpty {
            attributes["inputscale"] = "72"
            if layout == "neato" {
                // In Graphviz 2.43 only Kamada–Kawai mode keeps pinned nodes in place (stress majorization
                // translates them), and every overlap-removal mode moves them; `Renderer` moves new nodes
                // off old ones instead.
                attributes["notranslate"] = "true"
                attributes["mode"] = "KK"
                attributes["overlap"] = "true"
            }
        }
        if includeTitle, let title, !title.isEmpty {
            attributes["label"] = title
            attributes["labelloc"] = "t"
            attributes["fontsize"] = DOT.number(theme.titleSize)
        }
        attributes.merge(graphExtras) { _, extra in extra }
        return attributes
    }

    func body(placement: Placement?) -> [String] {
        var lines: [String] = []
        let groups = groupBy.map { attribute in network.nodes.map { DOTBuilder.value(of: attribute, in: $0) } }
        var clustered: [String: [Int]] = [:]
        if let groups {
            for (index, value) in groups.enumerated() { if let value { clustered[value, default: []].append(index) } }
        }
        let colors = colorKey()
        let kindStyles = theme.nodeStyles(for: network)
        let indent = "  "
        for (index, node) in network.nodes.enumerated() where groups?[index] == nil {
            lines.append(indent + nodeLine(node, style: kindStyles[node.kind] ?? theme.defaultNode, colors: colors, placement: placement))
        }
        for (value, members) in clustered.sorted(by: { $0.key < $1.key }) {
            let name = DOTBuilder.clusterName(for: value)
            var attributes: [String: String] = [
                "label": DOTBuilder.labelText(value), "id": name, "class": "group", "style": "rounded",
                "color": "#999999", "fontname": theme.font, "fontsize": DOT.number(theme.fontSize + 1),
                "labeljust": "l", "margin": "10",
            ]
            if let box = placement?.clusters[name] { attributes["bb"] = box.graphvizText }
            lines.append("  subgraph \(DOT.quote(name)) {")
            lines.append("    graph \(DOT.attributes(attributes));")
            for index in members {
                let node = network.nodes[index]
                lines.append("    " + nodeLine(node, style: kindStyles[node.kind] ?? theme.defaultNode, colors: colors, placement: placement))
            }
            lines.append("  }")
        }
        let relationStyles = self.relationStyles
        let parallel = placement == nil ? [:] : ParallelTies.offsets(network.edges)
        for (index, edge) in network.edges.enumerated() {
            var style = relationStyles[edge.relation] ?? theme.defaultEdge
            if marksOnly { (style.color, style.style) = (theme.defaultEdge.color, "solid") }
            var attributes: [String: String] = [
                "color": style.color, "style": style.style, "arrowhead": style.arrowhead,
                "penwidth": DOT.number(style.penwidth), "class": "relation-\(DOTBuilder.classToken(edge.relation))",
                "id": "edge-\(index)",
            ]
            if network.isSymmetric(edge.relation) { attributes["dir"] = "none" }
            var tooltip = language.relation(edge.relation, in: network)
            if !edge.citations.isEmpty { tooltip += " [\(network.citationText(edge))]" }
            attributes["tooltip"] = DOTBuilder.escapeTooltip(tooltip)
            if let mark = tieMarks[index] {
                if let color = mark.color { attributes["color"] = color }
                if let penwidth = mark.penwidth { attributes["penwidth"] = DOT.number(penwidth) }
                if let line = mark.style { attributes["style"] = line }
                attributes["class", default: ""] += " " + DOTBuilder.classToken(mark.name)
            }
            if let pos = placement?.edges["edge-\(index)"] {
                attributes["pos"] = pos
            } else if let offset = parallel[index], let placement, let tail = placement.box(edge.from), let head = placement.box(edge.to) {
                let arrow = !network.isSymmetric(edge.relation) && style.arrowhead != "none"
                attributes["pos"] = ParallelTies.pos(tail: tail, head: head, offset: offset, lowIsTail: edge.from < edge.to, arrow: arrow)
            }
                lines.append("  \(DOT.quote(edge.from)) -> \(DOT.quote(edge.to)) \(DOT.attributes(attributes));")
        }
        return lines
    }

    private func nodeLine(_ node: Node, style: Theme.NodeStyle, colors: ColorKey?, placement: Placement?) -> String {
        var style = style
        if marksOnly {
            style.style = style.style.split(separator: ",").filter { !["dashed", "dotted"].contains($0) }.joined(separator: ",")
        }
        if let colors {
            let fill = colors.fill(for: DOTBuilder.value(of: colors.attribute, in: node))
            if fill != style.fill {
                style.fill = fill
                style.fontColor = DOTBuilder.isDark(fill) ? "#FFFFFF" : "#000000"
            }
        }
        let text = Theme.wrap(Theme.truncate(node.label(language: labelLanguage), limit: labelLimit), width: wrapWidth)
        var attributes: [String: String] = [
            "label": DOTBuilder.escapeLabel(text), "shape": style.shape, "fillcolor": style.fill, "color": style.border,
            "fontcolor": style.fontColor, "class": "kind-\(DOTBuilder.classToken(node.kind)) id-\(DOTBuilder.classToken(node.id))",
            "id": "node-\(DOTBuilder.classToken(node.id))",
            "style": style.style.isEmpty ? "filled" : "filled," + style.style,
            "tooltip": DOTBuilder.escapeTooltip(Theme.truncate(node.label(language: labelLanguage), limit: 1000)),
        ]
        if style.peripheries != 1 { attributes["peripheries"] = String(style.peripheries) }
        if let size = fixedSizes[node.id] {
            attributes["label"] = ""
            attributes["fixedsize"] = "true"
            attributes["width"] = DOT.number(size.width / 72)
            attributes["height"] = DOT.number(size.height / 72)
            attributes["peripheries"] = "1"
        }
        if let sizing, let fontSize = fontSize(for: node.id, sizing: sizing) {
            attributes["fontsize"] = DOT.number(fontSize)
            attributes["margin"] = DOT.number(0.06 * fontSize / theme.fontSize) + "," + DOT.number(0.03 * fontSize / theme.fontSize)
        }
        if emphasized.contains(node.id) { attributes["penwidth"] = "3" }
        if let mark = nodeMarks[node.id] {
            if let color = mark.color { attributes["color"] = color }
            if let penwidth = mark.penwidth { attributes["penwidth"] = DOT.number(penwidth) }
            if let line = mark.style, let current = attributes["style"] { attributes["style"] = current + "," + line }
            if let fill = mark.fill {
                attributes["fillcolor"] = fill
                attributes["fontcolor"] = DOTBuilder.isDark(fill) ? "#FFFFFF" : "#000000"
            }
            attributes["class", default: ""] += " " + DOTBuilder.classToken(mark.name)
        }
        if let list = lists[node.id], fixedSizes[node.id] == nil {
            attributes.removeValue(forKey: "label")
            if let at = placement?.nodes[node.id] { attributes["pos"] = "\(DOT.number(at.x)),\(DOT.number(at.y))" }
            return "\(DOT.quote(node.id)) \(DOT.attributes(attributes, html: ["label": listLabel(list)]));"
        }
        if let at = placement?.nodes[node.id] {
            attributes["pos"] = "\(DOT.number(at.x)),\(DOT.number(at.y))"
        } else if let at = pinned[node.id] {
            attributes["pos"] = "\(DOT.number(at.x)),\(DOT.number(at.y))!"
            attributes["pin"] = "true"
        }
        return "\(DOT.quote(node.id)) \(DOT.attributes(attributes));"
    }

    /// A list node's label: the kind and the count, then every member's name (wrapped), one per row.
    func listLabel(_ list: LeafCollapse.List) -> String {
        let heading = "\(language.kind(list.kind, in: network)) (\(list.members.count))"
        var rows = ["<TR><TD ALIGN=\"LEFT\"><B>\(HTML.escape(heading))</B></TD></TR>"]
        for member in list.members {
            let name = member.label(language: labelLanguage)
            let lines = Theme.wrap(Theme.truncate(name, limit: labelLimit), width: max(wrapWidth, 30)).split(separator: "\n")
            rows.append("<TR><TD ALIGN=\"LEFT\">" + lines.map { HTML.escape(String($0)) }.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "</TD></TR>")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
    }

    /// The font size of a node under `--size-by`: the theme's range, by the square root of the value's
    /// position between the smallest and largest value (so area grows roughly with the value).
    func fontSize(for id: String, sizing: NodeSizing) -> Double? {
        guard let value = sizing.values[id] else { return nil }
        let range = sizeExtent(sizing)
        let t = range.max > range.min ? ((value - range.min) / (range.max - range.min)).squareRoot() : 0
        let size = theme.sizeRange.min + t * (theme.sizeRange.max - theme.sizeRange.min)
        return (size * 2).rounded() / 2
    }

    private func sizeExtent(_ sizing: NodeSizing) -> (min: Double, max: Double) {
        let present = network.nodes.compactMap { sizing.values[$0.id] }.filter(\.isFinite)
        return (present.min() ?? 0, present.max() ?? 0)
    }

    // MARK: - Colours

    /// The fill colour of every value of the `--color-by` attribute, with the legend order.
    struct ColorKey {
        var attribute: String
        /// Values in legend order (most frequent first), with their fill.
        var entries: [(value: String, fill: String)]
        var otherFill: String
        var hasMissing: Bool
        var hasOther: Bool

        func fill(for value: String?) -> String {
            guard let value else { return otherFill }
            return entries.first { $0.value == value }?.fill ?? otherFill
        }
    }

    /// nil when colouring by kind with the theme (the default).
    func colorKey() -> ColorKey? {
        guard let attribute = colorBy, attribute != "kind" else { return nil }
        var counts: [String: Int] = [:]
        var missing = false
        for node in network.nodes {
            if let value = DOTBuilder.value(of: attribute, in: node) { counts[value, default: 0] += 1 } else { missing = true }
        }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let colours = theme.palette + theme.palette.map { DOTBuilder.tint($0) }
        let named = ordered.prefix(colours.count)
        return ColorKey(attribute: attribute, entries: zip(named, colours).map { ($0, $1) }, otherFill: theme.missingFill,
                        hasMissing: missing, hasOther: ordered.count > colours.count)
    }

    /// A colour halfway to white.
    static func tint(_ hex: String) -> String {
        guard let (r, g, b) = rgb(hex) else { return hex }
        func mix(_ c: Int) -> String { String(format: "%02X", (c + 255) / 2) }
        return "#" + mix(r) + mix(g) + mix(b)
    }

    static func rgb(_ hex: String) -> (Int, Int, Int)? {
        guard hex.hasPrefix("#"), hex.count >= 7, let value = Int(hex.dropFirst().prefix(6), radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// Whether black text would be hard to read on this fill (relative luminance below 0.25).
    static func isDark(_ hex: String) -> Bool {
        guard let (r, g, b) = rgb(hex) else { return false }
        func linear(_ c: Int) -> Double { let s = Double(c) / 255; return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.25
    }

    // MARK: - Legend, title, footnote

    private func legendClusterAttributes() -> [String: String] {
        ["label": "", "id": "cluster_legend", "class": "legend", "color": "#BBBBBB", "style": "rounded", "margin": "6"]
    }

    func legendCluster(placement: Placement?) -> [String] {
        [
            "  subgraph cluster_legend {",
            "    graph \(DOT.attributes(legendClusterAttributes()));",
            "    \(DOT.quote("legend")) \(furnitureAttributes(legendLabel()));",
            "  }",
        ]
    }

    private func furnitureAttributes(_ htmlLabel: String, at: (x: Double, y: Double)? = nil) -> String {
        // Graphviz's default minimum size (network nodes have none, so they hug their labels).
        var attributes = ["shape": "plaintext", "style": "solid", "margin": "0", "fontname": theme.font,
                          "fontsize": DOT.number(theme.fontSize), "width": "0.75", "height": "0.5"]
        if let at { attributes["pos"] = "\(DOT.number(at.x)),\(DOT.number(at.y))" }
        return DOT.attributes(attributes, html: ["label": htmlLabel])
    }

    private func titleLabel(_ title: String) -> String {
        "<FONT POINT-SIZE=\"\(DOT.number(theme.titleSize))\"><B>\(HTML.escape(title))</B></FONT>"
    }

    private func footnoteLabel(_ text: String, width: Int) -> String {
        let lines = Theme.wrap(text, width: max(30, width)).split(separator: "\n", omittingEmptySubsequences: false)
        return "<FONT POINT-SIZE=\"\(DOT.number(theme.noteSize))\">" + lines.map { HTML.escape(String($0)) }.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/></FONT>"
    }

    /// The legend: node kinds (or the `--color-by` values), the relations present, and what size means, in
    /// the layout of `shape`.
    func legendLabel(shape: LegendShape = .tall) -> String {
        var sections: [[String]] = []
        var rows: [String] = []
        func heading(_ text: String) { rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(HTML.escape(text))</B></TD></TR>") }
        func swatch(_ fill: String, _ border: String, _ text: String) {
            rows.append("<TR><TD BGCOLOR=\"\(HTML.color(fill))\" COLOR=\"\(HTML.color(border))\" BORDER=\"1\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\">\(HTML.escape(text))</TD></TR>")
        }
        func close() { if !rows.isEmpty { sections.append(rows); rows = [] } }
        let kinds = Array(Set(network.nodes.map(\.kind))).sorted()
        let colors = colorKey()
        heading(language(DrawingWords.kindsHeading))
        let kindStyles = theme.nodeStyles(for: network)
        for kind in kinds {
            let style = kindStyles[kind] ?? theme.defaultNode
            let label = DOTBuilder.legendValue(language.kind(kind, in: network))
            let glyph = DOTBuilder.shapeGlyph(style)
            swatch(colors == nil && !marksOnly ? style.fill : "#FFFFFF", style.border, glyph.isEmpty ? label : "\(glyph) \(label)")
        }
        close()
        if let colors {
            heading("\(language(DrawingWords.colourHeading)): \(DOTBuilder.legendValue(language.attribute(colors.attribute)))")
            for entry in colors.entries { swatch(entry.fill, "#777777", DOTBuilder.legendValue(entry.value)) }
            if colors.hasOther { swatch(colors.otherFill, "#777777", language(DrawingWords.other)) }
            else if colors.hasMissing { swatch(colors.otherFill, "#777777", language(DrawingWords.none)) }
            close()
        }
        let relations = Array(Set(network.edges.map(\.relation))).sorted()
        let relationStyles = self.relationStyles
        if !relations.isEmpty && !marksOnly {
            heading(language(DrawingWords.tiesHeading))
            for relation in relations {
                let style = relationStyles[relation] ?? theme.defaultEdge
                let glyph = style.style == "dashed" ? "━ ━ ━" : (style.style == "dotted" ? "• • • •" : "━━━━")
                let arrow = network.isSymmetric(relation) || style.arrowhead == "none" ? "" : "▸"
                let label = DOTBuilder.legendValue(language.relation(relation, in: network))
                rows.append("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(HTML.color(style.color))\">\(glyph)\(arrow)</FONT></TD><TD ALIGN=\"LEFT\">\(HTML.escape(label))</TD></TR>")
            }
        }
        let marks = Set(nodeMarks.values).union(tieMarks.values).filter { $0.legend != nil }.sorted { $0.name < $1.name }
        if !marks.isEmpty {
            close()
            heading(language(DrawingWords.marksHeading))
            for mark in marks {
                let color = HTML.color(mark.color ?? "#555555")
                let glyph = mark.style == "dashed" ? "━ ━ ━" : (mark.style == "dotted" ? "• • • •" : "━━━━")
                rows.append("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(color)\"><B>\(glyph)</B></FONT></TD><TD ALIGN=\"LEFT\">\(HTML.escape(language(mark.legend!)))</TD></TR>")
            }
        }
        if let sizing {
            let extent = sizeExtent(sizing)
            heading(language(DrawingWords.sizeHeading))
            let lines = [language(DrawingWords.larger(measure: language.measure(sizing.measure))), language(DrawingWords.range(DOT.number(extent.min), DOT.number(extent.max)))]
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" + lines.map { HTML.escape($0) + "<BR ALIGN=\"LEFT\"/>" }.joined() + "</TD></TR>")
        }
        if !emphasized.isEmpty {
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">\(HTML.escape(language(DrawingWords.centre)))</TD></TR>")
        }
        close()
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">"
        if shape == .flat {
            sections = sections.flatMap { rows in
                stride(from: 0, to: rows.count, by: LegendShape.flatRows).map { Array(rows[$0..<min($0 + LegendShape.flatRows, rows.count)]) }
            }
        }
        if shape != .tall {
            // Side by side, every column gets as many rows: Graphviz stretches the rows of a shorter one.
            let rows = sections.map(\.count).max() ?? 0
            sections = sections.map { $0 + Array(repeating: "<TR><TD COLSPAN=\"2\"> </TD></TR>", count: rows - $0.count) }
        }
        let cells = sections.map { "<TD VALIGN=\"TOP\">" + table + $0.joined() + "</TABLE></TD>" }
        let outer = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\">"
        return outer + (shape == .tall ? cells.map { "<TR>" + $0 + "</TR>" }.joined() : "<TR>" + cells.joined() + "</TR>") + "</TABLE>"
    }

    /// The style of every relation: by the whole vocabulary of the network (not only the relations drawn), so a
    /// relation looks the same in every drawing of one data set, whatever the filters leave.
    var relationStyles: [String: Theme.EdgeStyle] {
        theme.edgeStyles(for: Array(network.relations.keys) + network.edges.map(\.relation))
    }

    /// A character in the legend that looks like a node style's shape (all of them are in DejaVu Sans).
    static func shapeGlyph(_ style: Theme.NodeStyle) -> String {
        let styles = Set(style.style.split(separator: ",").map(String.init))
        switch style.shape {
        case "ellipse", "oval", "circle", "doublecircle", "point", "egg": return "◯"
        case "hexagon": return "⬡"
        case "octagon", "doubleoctagon", "tripleoctagon": return "⬢"
        case "diamond": return "◇"
        case "triangle": return "△"
        case "house": return "⌂"
        case "note": return "▤"
        case "tab": return "◳"
        case "folder": return "◰"
        case "component": return "◫"
        case "box3d": return "❒"
        case "plaintext", "plain", "none", "underline": return ""
        default:
            if style.peripheries > 1 { return "▣" }
            if styles.contains("dashed") || styles.contains("dotted") { return "⬚" }
            if styles.contains("diagonals") { return "▧" }
            return styles.contains("rounded") ? "▢" : "▭"
        }
    }

    // MARK: - Helpers

    /// A node's value of an attribute: `kind`, `id`, `label`, `tags` (first tag), or any other attribute.
    static func value(of attribute: String, in node: Node) -> String? {
        switch attribute {
        case "kind": return node.kind
        case "id": return node.id
        case "label": return node.label
        case "tags": return node.tags.first
        default:
            let value = node.attributes[attribute]
            return value?.isEmpty == true ? nil : value
        }
    }

    static func legendValue(_ value: String) -> String { Theme.truncate(value, limit: 40) }

    static func clusterName(for value: String) -> String { "cluster_group_" + classToken(value) }

    /// A token safe in an SVG class or id: slug characters, `_`, and `-`; anything else as `_XX` hex.
    static func classToken(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.unicodeScalars.append(UnicodeScalar(byte))
            default:
                result += String(format: "_%02X", byte)
            }
        }
        return result
    }

    /// Label text for a DOT (non-HTML) label: Graphviz reads `&...;` as an entity and `\x` as an escape, so
    /// `&` becomes `&amp;`; backslashes are doubled by `DOT.quote`; line breaks become `\n`.
    /// Control characters other than line breaks become spaces (XML cannot carry them).
    static func escapeLabel(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Tooltip text: as `escapeLabel`, and Graphviz's object escapes (`\N`, `\G`, `\E`, `\H`, `\T`, `\L`) are
    /// protected by one more backslash, since Graphviz expands them in tooltips after reading the DOT string.
    static func escapeTooltip(_ text: String) -> String {
        var result = ""
        var previous: Character?
        for character in escapeLabel(text) {
            if previous == "\\", "NGEHTL".contains(character) { result.append("\\") }
            result.append(character)
            previous = character
        }
        return result
    }

    static func labelText(_ text: String) -> String { escapeLabel(Theme.truncate(text, limit: 60)) }
}

/// DOT quoting: every id and value is a double-quoted string with `"` and `\` escaped.
enum DOT {
    static func quote(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for character in XMLCharacters.legal(text) {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// `[key="value", ...]` sorted by key; keys in `html` are written as HTML-like labels `<...>`.
    static func attributes(_ attributes: [String: String], html: [String: String] = [:]) -> String {
        var parts = attributes.map { ($0.key, "\($0.key)=\(quote(checked($0.key, $0.value)))") }
        parts += html.map { ($0.key, "\($0.key)=<\($0.value)>") }
        return "[" + parts.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ", ") + "]"
    }

    /// A number with at most 2 decimals and no trailing zeros, the same on every machine.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// Escaping for Graphviz HTML-like labels and for SVG text: XML escaping, with line breaks and other
/// control characters as spaces (a label's lines are laid out by netmap, not by the text).
enum HTML {
    static func escape(_ text: String) -> String {
        var flat = ""
        flat.unicodeScalars.append(contentsOf: text.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" ? " " : $0 })
        return xmlEscape(flat)
    }
}
