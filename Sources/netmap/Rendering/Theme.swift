import Graph

/// Colours and shapes by node kind and relation. The palette is Okabe–Ito (colour-blind safe).
enum Theme {
    static let font = "DejaVu Sans"

    struct NodeStyle {
        var shape: String
        var fill: String
        var border: String
    }

    static let kindStyles: [String: NodeStyle] = [
        "county": NodeStyle(shape: "box", fill: "#E69F00", border: "#8A5F00"),
        "municipality": NodeStyle(shape: "box", fill: "#F5C766", border: "#8A5F00"),
        "agency": NodeStyle(shape: "box", fill: "#56B4E9", border: "#2A6F96"),
        "university": NodeStyle(shape: "ellipse", fill: "#009E73", border: "#005C43"),
        "research": NodeStyle(shape: "ellipse", fill: "#66C5AB", border: "#005C43"),
        "business": NodeStyle(shape: "box", fill: "#F0E442", border: "#8C8526"),
        "school": NodeStyle(shape: "ellipse", fill: "#B3E0D3", border: "#005C43"),
        "cluster": NodeStyle(shape: "hexagon", fill: "#F0E442", border: "#8C8526"),
        "programme": NodeStyle(shape: "component", fill: "#0072B2", border: "#003F63"),
        "region": NodeStyle(shape: "doubleoctagon", fill: "#D55E00", border: "#7A3600"),
        "network": NodeStyle(shape: "octagon", fill: "#CC79A7", border: "#7A4864"),
        "office": NodeStyle(shape: "house", fill: "#9ACBEB", border: "#2A6F96"),
        "project": NodeStyle(shape: "note", fill: "#DDDDDD", border: "#777777"),
        "theme": NodeStyle(shape: "plaintext", fill: "#FFFFFF", border: "#777777"),
        "node": NodeStyle(shape: "ellipse", fill: "#EEEEEE", border: "#777777"),
    ]

    static func style(forKind kind: String, declared: KindInfo?) -> NodeStyle {
        var style = kindStyles[kind] ?? NodeStyle(shape: "ellipse", fill: "#EEEEEE", border: "#777777")
        if let color = declared?.color { style.fill = color }
        if let shape = declared?.shape { style.shape = shape }
        return style
    }

    static func style(forRelation relation: String) -> [String: String] {
        switch relation {
        case "member_of": return ["color": "#555555", "arrowhead": "normal"]
        case "partner_of", "cooperates_with": return ["color": "#D55E00", "penwidth": "1.6"]
        case "manages", "coordinates", "secretariat_for": return ["color": "#0072B2", "arrowhead": "diamond"]
        case "owns", "part_of": return ["color": "#777777", "arrowhead": "odiamond"]
        case "funds": return ["color": "#009E73", "style": "dashed"]
        case "addresses": return ["color": "#999999", "style": "dotted", "arrowhead": "open"]
        case "contact_point_for": return ["color": "#0072B2", "style": "dashed"]
        default: return ["color": "#555555"]
        }
    }

    /// Wraps text at word boundaries so no line is longer than `width` characters (unless one word is).
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.count > width else { return text }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
