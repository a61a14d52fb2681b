import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

    /// The sanitized `<svg>` element of `svg`.
    static func sanitize(_ svg: Data) throws -> String {
        // The DOCTYPE names an external DTD: drop it before parsing so nothing can be fetched or expanded.
        var text = String(decoding: svg, as: UTF8.self)
        if let start = text.range(of: "<!DOCTYPE"), let end = text.range(of: ">", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        if text.contains("<!ENTITY") { throw Failure.unreadable("it declares entities") }
        let writer = Writer()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = writer
        guard parser.parse() else { throw Failure.unreadable(parser.parserError.map { "\($0)" } ?? "parse error") }
        return writer.output
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

    private final class Writer: NSObject, XMLParserDelegate {
        var output = ""
        /// Per open element: whether it was written (elements off the list are skipped with their content).
        var stack: [(name: String, written: Bool)] = []
        var skipping = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard skipping == 0, SVGSanitizer.elements.contains(name) else {
                skipping += 1
                stack.append((name, false))
                return
            }
            let written = name == "a" ? "g" : name
            var kept = attributes.filter { SVGSanitizer.attributes.contains($0.key) }
            if name == "svg" {
                kept["xmlns"] = "http://www.w3.org/2000/svg"
                kept["width"] = nil
                kept["height"] = nil
            }
            output += "<" + written
            for (key, value) in kept.sorted(by: { $0.key < $1.key }) {
                output += " \(key)=\"\(SVGSanitizer.escape(value, quote: true))\""
            }
            output += ">"
            stack.append((name, true))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let top = stack.popLast() else { return }
            if !top.written { skipping -= 1; return }
            output += "</" + (top.name == "a" ? "g" : top.name) + ">"
            if top.name != "text" && top.name != "title" && top.name != "tspan" { output += "\n" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipping == 0, let top = stack.last, ["text", "title", "tspan"].contains(top.name) else { return }
            output += SVGSanitizer.escape(string, quote: false)
        }
    }
}
