import Foundation
import Graph
import Yams

/// How a drawing looks: node kind → shape, fill, border; relation → line style, colour, arrowhead; the font,
/// text sizes and the palette used by `--color-by`.
///
/// The built-in theme uses the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
/// distinguishable under the common forms of colour blindness. `Theme.load(yamlFile:)` overrides any part.
struct Theme {
    struct NodeStyle: Equatable {
        var shape: String
        var fill: String
        var border: String
        var fontColor: String = "#000000"
        /// Graphviz node styles added to `filled`: `rounded`, `diagonals`, `dashed`, `dotted`, `bold`.
        var style: String = ""
        /// Number of borders (2 draws a double border).
        var peripheries: Int = 1
    }

    struct EdgeStyle: Equatable {
        var color: String
        var style: String = "solid"
        var arrowhead: String = "normal"
        var penwidth: Double = 1
    }

    /// The font, named as fontconfig knows it; it must have æ ø å ä ö (DejaVu Sans has).
    var font = "DejaVu Sans"
    var fontSize = 10.0
    var titleSize = 16.0
    var noteSize = 9.0
    /// Node font size range for `--size-by` (smallest value → first, largest → second).
    var sizeRange = (min: 10.0, max: 16.0)
    /// The categorical palette of `--color-by`, in order of use.
    var palette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
    /// The fill for nodes with no value of the `--color-by` attribute.
    var missingFill = "#DDDDDD"
    var kinds: [String: NodeStyle] = Theme.builtInKinds
    var relations: [String: EdgeStyle] = Theme.builtInRelations
    var defaultNode = NodeStyle(shape: "box", fill: "#EEEEEE", border: "#777777", style: "rounded")
    var defaultEdge = EdgeStyle(color: "#555555")


    /// The built-in theme.
    static let standard = Theme()

    /// The built-in font (kept for callers of the earlier API).
    static let font = "DejaVu Sans"

    /// Every built-in shape is a box or a box-like shape (note, tab, folder, component, box3d): an ellipse or
    /// an octagon needs about twice the area of its text, so box-like shapes let a network fit a page at a
    /// larger text size. Kinds are told apart by colour first and by shape, corners and borders second.
    static let builtInKinds: [String: NodeStyle] = [
        "county": NodeStyle(shape: "box", fill: "#E69F00", border: "#8A5F00", peripheries: 2),
        "municipality": NodeStyle(shape: "box", fill: "#F5C766", border: "#8A5F00"),
        "agency": NodeStyle(shape: "box", fill: "#56B4E9", border: "#2A6F96"),
        "university": NodeStyle(shape: "box", fill: "#009E73", border: "#005C43", fontColor: "#FFFFFF", style: "rounded"),
        "research": NodeStyle(shape: "box", fill: "#66C5AB", border: "#005C43", style: "rounded"),
        "business": NodeStyle(shape: "box", fill: "#F0E442", border: "#8C8526"),
        "school": NodeStyle(shape: "box", fill: "#B3E0D3", border: "#005C43", style: "rounded"),
        "cluster": NodeStyle(shape: "box3d", fill: "#F0E442", border: "#8C8526"),
        "programme": NodeStyle(shape: "component", fill: "#0072B2", border: "#003F63", fontColor: "#FFFFFF"),
        "region": NodeStyle(shape: "box", fill: "#D55E00", border: "#7A3600", fontColor: "#FFFFFF", style: "rounded", peripheries: 2),
        "network": NodeStyle(shape: "box", fill: "#CC79A7", border: "#7A4864", style: "rounded"),
        "office": NodeStyle(shape: "folder", fill: "#9ACBEB", border: "#2A6F96"),
        "project": NodeStyle(shape: "note", fill: "#DDDDDD", border: "#777777"),
        "theme": NodeStyle(shape: "box", fill: "#FFFFFF", border: "#999999", style: "dashed"),
        "strategy": NodeStyle(shape: "tab", fill: "#E8E8E8", border: "#777777"),
        "node": NodeStyle(shape: "box", fill: "#EEEEEE", border: "#777777", style: "rounded"),
    ]

    static let builtInRelations: [String: EdgeStyle] = [
        "member_of": EdgeStyle(color: "#555555"),
        "partner_of": EdgeStyle(color: "#D55E00", arrowhead: "none", penwidth: 1.6),
        "cooperates_with": EdgeStyle(color: "#D55E00", style: "dashed", arrowhead: "none", penwidth: 1.2),
        "participates_in": EdgeStyle(color: "#0072B2"),
        "manages": EdgeStyle(color: "#0072B2", arrowhead: "diamond"),
        "coordinates": EdgeStyle(color: "#0072B2", style: "dashed", arrowhead: "diamond"),
        "secretariat_for": EdgeStyle(color: "#0072B2", arrowhead: "box"),
        "owns": EdgeStyle(color: "#777777", arrowhead: "odiamond"),
        "part_of": EdgeStyle(color: "#777777", style: "dashed", arrowhead: "odiamond"),
        "funds": EdgeStyle(color: "#009E73", style: "dashed"),
        "addresses": EdgeStyle(color: "#999999", style: "dotted", arrowhead: "open"),
        "contact_point_for": EdgeStyle(color: "#CC79A7", style: "dashed"),
        "related_to": EdgeStyle(color: "#999999", style: "dotted", arrowhead: "none"),
    ]

    /// The style of every kind of `network` (its vocabulary and the kinds its nodes have): the theme's own
    /// entry; else, for a kind the theme does not name (a network's own vocabulary), a pale fill and box-like
    /// shape of its own (`stableSlots`): no two of a network's kinds look alike (up to 40 of them), and a kind
    /// keeps its look from one network to the next. A declared colour or shape wins.
    /// - Complexity: O(k log k) for k kinds; compute it once per drawing, not per node.
    func nodeStyles(for network: Network) -> [String: NodeStyle] {
        let names = Set(network.kinds.keys).union(network.nodes.lazy.map(\.kind))
        let slots = Theme.stableSlots(for: names.filter { kinds[$0] == nil }, count: Theme.nameFills.count * Theme.nameShapes.count)
        var result: [String: NodeStyle] = [:]
        for kind in names.sorted() {
            if let style = kinds[kind] {
                result[kind] = style
                continue
            }
            var style = Theme.extraKindStyle(slots[kind] ?? 0, base: defaultNode)
            let declared = network.kinds[kind]
            if let color = declared?.color, DrawingValue.isColor(color) { style.fill = color }
            if let shape = declared?.shape, DrawingValue.shapes.contains(shape) { style.shape = shape }
            result[kind] = style
        }
        return result
    }

    /// Pale fills and box-like shapes for kinds the theme does not name: slot n gets fill n mod 8 and shape
    /// n mod 5, so the 40 slots are 40 different looks (8 and 5 share no factor).
    static let nameFills = ["#FBE3B8", "#CDE7F7", "#C9EBDD", "#F4D3E5", "#F9F3B3", "#F3CDB5", "#DCD3F0", "#D9E8C4"]
    static let nameShapes: [(shape: String, style: String)] = [("box", "rounded"), ("box", ""), ("note", ""), ("tab", ""), ("folder", "")]

    /// A style slot in 0..<count for each name, the same for a name in every network as far as the names
    /// allow: a name's own slot comes from a hash of it (FNV-1a, the same on every run and machine); where
    /// two names want one slot, the one first in sorted order keeps it and the other takes the next free
    /// slot. So no two names share a slot until there are more than `count`, and adding a name to a network
    /// moves at most the names it collides with (giving slots in sorted order would move every later name).
    static func stableSlots(for names: some Collection<String>, count: Int) -> [String: Int] {
        var taken = [Bool](repeating: false, count: count)
        var free = count
        var result: [String: Int] = [:]
        for name in names.sorted() {
            var slot = Int(StableHash.fnv1a(name) % UInt64(count))
            if free == 0 {
                result[name] = slot
                continue
            }
            while taken[slot] { slot = (slot + 1) % count }
            taken[slot] = true
            free -= 1
            result[name] = slot
        }
        return result
    }

    static func extraKindStyle(_ index: Int, base: NodeStyle) -> NodeStyle {
        var style = base
        style.fill = nameFills[index % nameFills.count]
        let shape = nameShapes[index % nameShapes.count]
        style.shape = shape.shape
        style.style = shape.style
        return style
    }

    /// Whether relations the theme does not style get `extraRelationStyles` in turn; a theme file's
    /// `default_edge` turns this off (they all get that style).
    var distinctExtraRelations = true

    /// Styles for relations the theme does not name (a network's own vocabulary), given in turn so each looks
    /// different in the drawing and the legend; none repeats a built-in relation's colour and line together.
    /// How many of `extraRelationStyles`, from the first, are solid lines.
    static let solidExtraRelationStyles = 5

    static let extraRelationStyles: [EdgeStyle] = [
        EdgeStyle(color: "#56B4E9"), EdgeStyle(color: "#E69F00"), EdgeStyle(color: "#000000"),
        EdgeStyle(color: "#009E73"), EdgeStyle(color: "#CC79A7"),
        EdgeStyle(color: "#56B4E9", style: "dashed"), EdgeStyle(color: "#E69F00", style: "dashed"),
        EdgeStyle(color: "#000000", style: "dashed"),
        EdgeStyle(color: "#56B4E9", style: "dotted"), EdgeStyle(color: "#E69F00", style: "dotted"),
        EdgeStyle(color: "#000000", style: "dotted"),
    ]

    /// The style of each of `relations`: the theme's own, else one of `extraRelationStyles` by
    /// `stableSlots`, or `defaultEdge` when `distinctExtraRelations` is off.
    func edgeStyles(for relations: some Sequence<String>) -> [String: EdgeStyle] {
        let names = Set(relations)
        let extra = names.filter { self.relations[$0] == nil }
        // Up to five such relations are drawn in solid lines (the first five styles): a dashed or dotted
        // line is harder to follow, and is worth it only where colours alone cannot tell them apart.
        let slots = Theme.stableSlots(for: extra, count: extra.count <= Theme.solidExtraRelationStyles ? Theme.solidExtraRelationStyles : Theme.extraRelationStyles.count)
        var result: [String: EdgeStyle] = [:]
        for relation in names.sorted() {
            if let style = self.relations[relation] {
                result[relation] = style
            } else if distinctExtraRelations {
                result[relation] = Theme.extraRelationStyles[slots[relation] ?? 0]
            } else {
                result[relation] = defaultEdge
            }
        }
        return result
    }

    /// Wraps text at word boundaries so no line is longer than `width` characters (unless one word is).
    /// Line breaks already in the text are kept.
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            guard paragraph.count > width else { return String(paragraph) }
            var lines: [String] = []
            var current = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if current.isEmpty { current = String(word) }
                else if current.count + 1 + word.count <= width { current += " " + word }
                else { lines.append(current); current = String(word) }
            }
            if !current.isEmpty { lines.append(current) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Shortens text longer than `limit` characters, ending it with "…" (the full text stays in the SVG title).
    static func truncate(_ text: String, limit: Int) -> String {
        guard limit > 0, text.count > limit else { return text }
        return String(text.prefix(max(1, limit - 1))) + "…"
    }
}

// MARK: - Theme files

extension Theme {
    static let shapes = DrawingValue.shapes
    static let lineStyles: Set<String> = ["solid", "dashed", "dotted", "bold", "invis"]
    /// Node styles a theme may add to `filled`.
    static let nodeStyles: Set<String> = ["rounded", "diagonals", "dashed", "dotted", "bold", "solid"]
    static let arrowheads: Set<String> = [
        "normal", "inv", "dot", "invdot", "odot", "invodot", "none", "tee", "empty", "invempty", "diamond",
        "odiamond", "ediamond", "crow", "box", "obox", "open", "halfopen", "vee", "onormal", "oinv",
    ]

    /// Reads a theme file: the built-in theme with every key the file gives replaced.
    ///
    /// ```yaml
    /// font: DejaVu Sans
    /// font_size: 10
    /// palette: ["#E69F00", "#56B4E9"]
    /// kinds:
    ///   county: {shape: box, fill: "#E69F00", border: "#8A5F00", font_color: "#000000"}
    /// relations:
    ///   partner_of: {color: "#D55E00", style: solid, arrowhead: none, penwidth: 1.6}
    /// ```
    ///
    /// - Throws: `GraphError.invalidInput` naming the file, line and offending key or value.
    static func load(yamlFile path: String) throws -> Theme {
        OutputStage.shared.noteInput(path)
        let data = try UnreadableFile.contents(of: path, what: "the theme file")
        guard let text = String(data: data, encoding: .utf8) else {
            throw GraphError.file(path: path, reason: "the theme file is not UTF-8 text")
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw GraphError.invalidInput([YAMLFormat.syntaxDiagnostic(error, path: path, text: text)])
        } catch {
            throw GraphError.file(path: path, reason: "the theme is not valid YAML: \(error)")
        }
        var reader = ThemeReader(path: path)
        var theme = Theme.standard
        if let root { reader.read(root, into: &theme) }
        if !reader.problems.isEmpty { throw GraphError.invalidInput(reader.problems) }
        return theme
    }
}

private struct ThemeReader {
    let path: String
    var problems: [Diagnostic] = []

    mutating func fail(_ message: String, _ node: Yams.Node) {
        problems.append(.error(message, at: SourceLocation(file: path, line: node.mark?.line)))
    }

    func entries(_ node: Yams.Node) -> [(String, Yams.Node, Yams.Node)] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { pair in
            guard case .scalar(let key) = pair.key else { return nil }
            return (key.string, pair.key, pair.value)
        }
    }

    mutating func text(_ node: Yams.Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else { fail("'\(key)' must be a single value", node); return nil }
        return scalar.string
    }

    mutating func number(_ node: Yams.Node, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let text = text(node, key) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            fail("'\(key)' must be a number from \(DOT.number(range.lowerBound)) to \(DOT.number(range.upperBound)), not '\(text)'", node)
            return nil
        }
        return value
    }

    mutating func color(_ node: Yams.Node, _ key: String) -> String? {
        guard let text = text(node, key) else { return nil }
        guard DrawingValue.isColor(text) else {
            fail("'\(key)' must be a colour like \"#E69F00\" or a Graphviz colour name, not '\(DrawingValue.excerpt(text))'", node)
            return nil
        }
        return text
    }

    mutating func choice(_ node: Yams.Node, _ key: String, _ allowed: Set<String>) -> String? {
        guard let text = text(node, key) else { return nil }
        guard allowed.contains(text) else {
            fail("unknown \(key) '\(text)'; choose from \(allowed.sorted().joined(separator: ", "))", node)
            return nil
        }
        return text
    }

    mutating func read(_ root: Yams.Node, into theme: inout Theme) {
        guard case .mapping = root else { fail("a theme file is a mapping (font:, kinds:, relations:, ...)", root); return }
        for (key, keyNode, value) in entries(root) {
            switch key {
            case "font":
                guard let v = text(value, key) else { continue }
                if DrawingValue.isFontName(v) { theme.font = v } else {
                    fail("'font' must be a font name of letters, digits, spaces and - _ . , (at most 64 characters), not '\(DrawingValue.excerpt(v))'", value)
                }
            case "font_size": if let v = number(value, key, range: 4...72) { theme.fontSize = v }
            case "title_size": if let v = number(value, key, range: 4...96) { theme.titleSize = v }
            case "note_size": if let v = number(value, key, range: 4...72) { theme.noteSize = v }
            case "size_range":
                guard case .sequence(let items) = value, items.count == 2 else { fail("'size_range' is a list of two font sizes, e.g. [10, 16]", value); continue }
                if let a = number(items[0], key, range: 4...72), let b = number(items[1], key, range: 4...96) { theme.sizeRange = (a, max(a, b)) }
            case "palette":
                guard case .sequence(let items) = value, !items.isEmpty else { fail("'palette' is a non-empty list of colours", value); continue }
                let colors = items.compactMap { color($0, key) }
                if colors.count == items.count { theme.palette = colors }
            case "missing_fill": if let v = color(value, key) { theme.missingFill = v }
            case "default_node": theme.defaultNode = nodeStyle(value, base: theme.defaultNode)
            case "default_edge":
                theme.defaultEdge = edgeStyle(value, base: theme.defaultEdge)
                theme.distinctExtraRelations = false
            case "kinds":
                for (kind, _, style) in entries(value) {
                    theme.kinds[kind] = nodeStyle(style, base: theme.kinds[kind] ?? theme.defaultNode)
                }
            case "relations":
                for (relation, _, style) in entries(value) {
                    theme.relations[relation] = edgeStyle(style, base: theme.relations[relation] ?? theme.defaultEdge)
                }
            default:
                fail("unknown theme key '\(key)'; expected font, font_size, title_size, note_size, size_range, palette, missing_fill, default_node, default_edge, kinds, relations", keyNode)
            }
        }
    }

    mutating func nodeStyle(_ node: Yams.Node, base: Theme.NodeStyle) -> Theme.NodeStyle {
        var style = base
        guard case .mapping = node else { fail("a node style is a mapping of shape, fill, border, font_color, style, peripheries", node); return style }
        for (key, keyNode, value) in entries(node) {
            switch key {
            case "shape": if let v = choice(value, "shape", Theme.shapes) { style.shape = v }
            case "fill": if let v = color(value, key) { style.fill = v }
            case "border": if let v = color(value, key) { style.border = v }
            case "font_color": if let v = color(value, key) { style.fontColor = v }
            case "style":
                guard let v = text(value, key) else { continue }
                let parts = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if let bad = parts.first(where: { !Theme.nodeStyles.contains($0) }) {
                    fail("unknown node style '\(bad)'; choose from \(Theme.nodeStyles.sorted().joined(separator: ", ")) (comma-separated)", value)
                } else {
                    style.style = parts.joined(separator: ",")
                }
            case "peripheries": if let v = number(value, key, range: 0...5) { style.peripheries = Int(v) }
            default: fail("unknown node style key '\(key)'; expected shape, fill, border, font_color, style, peripheries", keyNode)
            }
        }
        return style
    }

    mutating func edgeStyle(_ node: Yams.Node, base: Theme.EdgeStyle) -> Theme.EdgeStyle {
        var style = base
        guard case .mapping = node else { fail("a relation style is a mapping of color, style, arrowhead, penwidth", node); return style }
        for (key, keyNode, value) in entries(node) {
            switch key {
            case "color": if let v = color(value, key) { style.color = v }
            case "style": if let v = choice(value, "style", Theme.lineStyles) { style.style = v }
            case "arrowhead": if let v = choice(value, "arrowhead", Theme.arrowheads) { style.arrowhead = v }
            case "penwidth": if let v = number(value, key, range: 0.1...10) { style.penwidth = v }
            default: fail("unknown relation style key '\(key)'; expected color, style, arrowhead, penwidth", keyNode)
            }
        }
        return style
    }
}
