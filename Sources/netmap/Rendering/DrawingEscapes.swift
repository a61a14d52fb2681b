import Graph

/// The last check on values written into DOT: Graphviz copies colours and font names into SVG attributes
/// without escaping them, so they must be what they claim to be whatever path they came by (the readers and
/// the theme reader check them first; see `DrawingValue`).
extension DOT {
    /// Attributes whose value Graphviz treats as a colour (or a `:`-separated colour list).
    static let colorAttributes: Set<String> = ["color", "fillcolor", "fontcolor", "bgcolor", "pencolor", "labelfontcolor"]

    /// `value` when it is safe for attribute `key`; otherwise the built-in default for that attribute.
    static func checked(_ key: String, _ value: String) -> String {
        if colorAttributes.contains(key) { return DrawingValue.isColorList(value) ? value : "#000000" }
        if key == "fontname" || key == "labelfontname" { return DrawingValue.isFontName(value) ? value : Theme.font }
        if key == "shape" { return DrawingValue.shapes.contains(value) ? value : "box" }
        return value
    }
}

extension HTML {
    /// A colour for an attribute of an HTML-like label (`BGCOLOR`, `COLOR`): the colour when it is one, else black.
    static func color(_ value: String) -> String {
        DrawingValue.isColor(value) ? value : "#000000"
    }
}
