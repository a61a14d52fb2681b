import Foundation
import Graph

/// What the relations commands emphasise in a drawing, mapped onto `DOTBuilder`'s `highlightNodes`,
/// `highlightEdges`, `emphasized` and `colorBy`.
struct Highlight {
    var nodes: Set<String> = []
    /// Indices into the drawn network's `edges`.
    var edges: Set<Int> = []
    /// The centre of an ego network, drawn with a heavy border.
    var ego: String?
    /// A node attribute that picks the fill colour (e.g. `community`).
    var colorBy: String?
}

/// Draws a network to `path` (.svg, .png, .pdf, or .dot for the DOT text) with the default theme.
func renderNetwork(_ network: Network, highlight: Highlight, title: String?, to path: String) throws {
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    guard ["svg", "png", "pdf", "dot", "gv"].contains(ext) else {
        throw GraphError.invalidArgument("cannot tell the format of '\(path)': use .svg, .png, .pdf or .dot")
    }
    let engine = network.nodes.count <= 60 ? "dot" : (network.nodes.count <= 1000 ? "fdp" : "sfdp")
    var builder = DOTBuilder(network: network, title: title, layout: engine)
    builder.highlightNodes = highlight.nodes
    builder.highlightEdges = highlight.edges
    if let ego = highlight.ego { builder.emphasized = [ego] }
    builder.colorBy = highlight.colorBy
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
