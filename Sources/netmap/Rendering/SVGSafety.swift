import Foundation
import Graph

/// Checks that an SVG is well-formed XML and inert: nothing in it runs or fetches anything when a browser
/// opens it (no `<script>`, no `on…` event attribute, no `javascript:` link, no `<image>`, `<use>` or link to
/// another document, no `<foreignObject>`). Used by the tests and the render fuzz target on everything netmap
/// draws from data.
enum SVGSafety {
    /// Elements that run code, embed another document or fetch a file.
    static let activeElements: Set<String> = ["script", "image", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"]

    /// The problems of `svg`, empty when it is well-formed and inert.
    static func problems(_ svg: Data) -> [String] {
        switch XMLTree.parse(svg, path: "svg") {
        case .failure(let diagnostic):
            return ["not well-formed: \(diagnostic.description)"]
        case .success(let root):
            var problems: [String] = []
            var stack = [root]
            while let element = stack.popLast() {
                stack += element.children
                if activeElements.contains(element.name) { problems.append("line \(element.line): <\(element.name)>") }
                for (name, value) in element.attributes {
                    let local = name.split(separator: ":").last.map(String.init) ?? name
                    if local.lowercased().hasPrefix("on") {
                        problems.append("line \(element.line): event attribute \(name)")
                    }
                    if local == "href" || local == "src", !value.hasPrefix("#") {
                        problems.append("line \(element.line): link to '\(DrawingValue.excerpt(value))'")
                    }
                    // Text that mentions `javascript:` (a title, a tooltip) is inert; a style's url() is not.
                    if local == "style", value.lowercased().contains("url(") {
                        problems.append("line \(element.line): url() in a style")
                    }
                }
            }
            return problems
        }
    }
}
