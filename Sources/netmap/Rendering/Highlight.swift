import Foundation
import Graph

/// What `DOTBuilder` emphasises: highlighted nodes and ties (a path), an ego, fill colours (communities).
/// Everything not highlighted is dimmed when anything is highlighted.
struct Highlight {
    var nodes: Set<String> = []
    /// Indices into the drawn network's `edges`.
    var edges: Set<Int> = []
    /// The node drawn largest, with a thick border.
    var ego: String?
    /// Fill colour per node id, replacing the kind's colour.
    var fills: [String: String] = [:]

    static let accent = "#C0392B"

    var isEmpty: Bool { nodes.isEmpty && edges.isEmpty && ego == nil && fills.isEmpty }

    func decorate(node id: String, _ attributes: inout [String: String]) {
        if let fill = fills[id] { attributes["fillcolor"] = fill }
        if id == ego {
            attributes["penwidth"] = "4"
            attributes["color"] = Highlight.accent
            attributes["fontsize"] = "13"
            attributes["class", default: ""] += " ego"
        } else if nodes.contains(id) {
            attributes["penwidth"] = "3"
            attributes["color"] = Highlight.accent
            attributes["class", default: ""] += " highlighted"
        } else if !nodes.isEmpty {
            attributes["class", default: ""] += " dimmed"
            attributes["fontcolor"] = "#777777"
        }
    }

    func decorate(edge index: Int, _ attributes: inout [String: String]) {
        if edges.contains(index) {
            attributes["color"] = Highlight.accent
            attributes["penwidth"] = "3"
            attributes["class", default: ""] += " highlighted"
        } else if !edges.isEmpty {
            attributes["color"] = "#BBBBBB"
            attributes["class", default: ""] += " dimmed"
        }
    }

    /// A colour-blind-safe palette (Okabe–Ito, then Paul Tol's muted) for communities; grey past its end.
    static let palette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                          "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
}

/// Draws a network to `path` (.svg, .png, .pdf, or .dot for the DOT text), as `netmap render` does.
func renderNetwork(_ network: Network, highlight: Highlight, title: String?, to path: String) throws {
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    guard ["svg", "png", "pdf", "dot", "gv"].contains(ext) else {
        throw GraphError.invalidArgument("cannot tell the format of '\(path)': use .svg, .png, .pdf or .dot")
    }
    let engine = network.nodes.count <= 60 ? "dot" : (network.nodes.count <= 1000 ? "fdp" : "sfdp")
    var builder = DOTBuilder(network: network, title: title, layout: engine)
    builder.highlight = highlight
    let dot = builder.build()
    let data: Data
    switch ext {
    case "dot", "gv": data = Data(dot.utf8)
    case "png": data = try Graphviz.render(dot: dot, layout: engine, format: "png:cairo")
    case "pdf": data = try Graphviz.render(dot: dot, layout: engine, format: "pdf:cairo")
    default: data = try Graphviz.render(dot: dot, layout: engine, format: "svg")
    }
    try AtomicFile.write(data, to: path)
}
