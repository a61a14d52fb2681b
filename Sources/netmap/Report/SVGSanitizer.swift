import Foundation
import Graph

/// Turns the SVG that Graphviz wrote into markup fit to be pasted into an HTML page: the document is parsed
/// and written out again keeping only the elements and attributes Graphviz draws with (an allow-list), so
/// nothing from the data can become a script, a handler, a link or a fetch, whatever the renderer did.
///
/// - `<a>` elements become `<g>` (ids kept) and lose their `xlink:href`: the page shows links itself, after
///   checking them; the tooltip of an `<a>` (`xlink:title`) is dropped, each node and tie keeps its `<title>`.
/// - Attributes are written sorted by name, text escaped (`&`, `<`, `>`; `"` in attributes), comments,
///   processing instructions and the DOCTYPE dropped, so the same SVG always gives the same bytes.
/// - Complexity: O(n) in the size of the SVG.
enum SVGSanitizer {
    static let elements: Set<String> = ["svg", "g", "title", "polygon", "polyline", "path", "ellipse", "circle", "rect", "line", "text", "tspan", "a"]
    static let attributes: Set<String> = [
        "id", "class", "width", "height", "viewBox", "transform", "fill", "stroke", "stroke-width", "stroke-dasharray",
        "stroke-opacity", "fill-opacity", "opacity", "points", "d", "cx", "cy", "rx", "ry", "r", "x", "y", "x1", "y1",
        "x2", "y2", "text-anchor", "font-family", "font-size", "font-weight", "font-style", "text-decoration",
        "baseline-shift", "stroke-linecap", "stroke-linejoin",
    ]

    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        var description: String { "the drawing's SVG could not be read: \(self)" }
    }

    /// The sanitized `<svg>` element of `svg` (read by the one XML reader, `XMLTree`, which refuses entities).
    static func sanitize(_ svg: Data) throws -> String {
        switch XMLTree.parse(svg, path: "svg") {
        case .failure(let diagnostic): throw Failure.unreadable(diagnostic.description)
        case .success(let root):
            guard root.name == "svg" else { throw Failure.unreadable("the root element is <\(root.name)>") }
            var output = ""
            write(root, to: &output)
            return output
        }
    }

    /// Writes `element` and what it holds when it is on the allow-list; skips it whole otherwise.
    private static func write(_ element: MarkupElement, to output: inout String) {
        guard elements.contains(element.name) else { return }
        let name = element.name == "a" ? "g" : element.name
        var kept = element.attributes.filter { attributes.contains($0.key) }
        if element.name == "svg" {
            kept["xmlns"] = "http://www.w3.org/2000/svg"
            kept["width"] = nil
            kept["height"] = nil
        }
        output += "<" + name
        for (key, value) in kept.sorted(by: { $0.key < $1.key }) { output += " \(key)=\"\(escape(value, quote: true))\"" }
        output += ">"
        if ["text", "title", "tspan"].contains(element.name) { output += escape(element.text, quote: false) }
        for child in element.children { write(child, to: &output) }
        output += "</" + name + ">"
        if !["text", "title", "tspan"].contains(element.name) { output += "\n" }
    }

    static func escape(_ text: String, quote: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quote: result += "&quot;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
