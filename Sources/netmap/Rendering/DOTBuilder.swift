import Foundation
import Graph

/// Builds the Graphviz DOT text for a network: nodes styled by kind, ties by relation, a legend.
///
/// The text is deterministic: nodes and ties in input order, attributes sorted.
struct DOTBuilder {
    var network: Network
    var title: String?
    var layout: String = "dot"
    /// Nodes and ties (indices into `network.edges`) drawn emphasised, e.g. a proposed consortium and its paths.
    var highlightNodes: Set<String> = []
    var highlightEdges: Set<Int> = []

    func build() -> String {
        var lines: [String] = []
        let isDirected = true
        lines.append("\(isDirected ? "digraph" : "graph") \(DOT.quote(network.name ?? "network")) {")
        var graphAttributes: [String: String] = [
            "fontname": Theme.font, "charset": "UTF-8", "overlap": "false", "splines": "true",
            "outputorder": "edgesfirst", "pad": "0.3", "nodesep": "0.3", "ranksep": "0.6",
        ]
        if layout == "dot" { graphAttributes["rankdir"] = "LR" }
        if let title {
            graphAttributes["label"] = title
            graphAttributes["labelloc"] = "t"
            graphAttributes["fontsize"] = "18"
        }
        lines.append("  graph \(DOT.attributes(graphAttributes));")
        lines.append("  node \(DOT.attributes(["fontname": Theme.font, "fontsize": "10", "style": "filled", "penwidth": "1"]));")
        lines.append("  edge \(DOT.attributes(["fontname": Theme.font, "fontsize": "8", "color": "#555555", "arrowsize": "0.6"]));")
        for node in network.nodes {
            let style = Theme.style(forKind: node.kind, declared: network.kinds[node.kind])
            var attributes = [
                "label": Theme.wrap(node.label, width: 22), "shape": style.shape, "fillcolor": style.fill,
                "color": style.border, "tooltip": node.label, "class": "node kind-\(node.kind)", "id": "node-\(node.id)",
            ]
            if highlightNodes.contains(node.id) {
                attributes["penwidth"] = "3"
                attributes["color"] = "#C0392B"
                attributes["class"] = "node kind-\(node.kind) highlight"
            }
            lines.append("  \(DOT.quote(node.id)) \(DOT.attributes(attributes));")
        }
        for (index, edge) in network.edges.enumerated() {
            let symmetric = network.isSymmetric(edge.relation)
            var attributes = Theme.style(forRelation: edge.relation)
            if symmetric { attributes["dir"] = "none" }
            attributes["tooltip"] = "\(edge.relation)" + (edge.citations.isEmpty ? "" : " [\(network.citationText(edge))]")
            attributes["class"] = "edge relation-\(edge.relation)"
            attributes["id"] = "edge-\(index)"
            if highlightEdges.contains(index) {
                attributes["penwidth"] = "3"
                attributes["color"] = "#C0392B"
                attributes["class"] = "edge relation-\(edge.relation) highlight"
            }
            lines.append("  \(DOT.quote(edge.from)) -> \(DOT.quote(edge.to)) \(DOT.attributes(attributes));")
        }
        lines += legend()
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A legend of the kinds present, as the cluster `cluster_legend`.
    func legend() -> [String] {
        let kinds = Array(Set(network.nodes.map(\.kind))).sorted()
        guard !kinds.isEmpty else { return [] }
        var lines = ["  subgraph cluster_legend {",
                     "    graph \(DOT.attributes(["label": "Legend", "fontsize": "11", "color": "#BBBBBB", "style": "rounded", "id": "cluster_legend"]));"]
        for kind in kinds {
            let style = Theme.style(forKind: kind, declared: network.kinds[kind])
            let attributes = [
                "label": network.kinds[kind]?.label ?? kind, "shape": style.shape, "fillcolor": style.fill,
                "color": style.border, "fontsize": "9", "class": "legend kind-\(kind)",
            ]
            lines.append("    \(DOT.quote("legend-kind-\(kind)")) \(DOT.attributes(attributes));")
        }
        for (a, b) in zip(kinds, kinds.dropFirst()) {
            lines.append("    \(DOT.quote("legend-kind-\(a)")) -> \(DOT.quote("legend-kind-\(b)")) [style=invis];")
        }
        lines.append("  }")
        return lines
    }
}

/// DOT quoting: every id and value is a double-quoted string with `"` and `\` escaped.
enum DOT {
    static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r\n": result += "\\n"
            case "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    static func attributes(_ attributes: [String: String]) -> String {
        "[" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: ", ") + "]"
    }
}
