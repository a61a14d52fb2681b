import Foundation

/// A node kind: its name, a human label, and optional styling hints.
public struct KindInfo: Hashable, Sendable {
    public var id: String
    public var label: String
    public var color: String?
    public var shape: String?
    public var isBuiltIn: Bool
    /// The label in other languages, by key: `label_en`, `label_nb`, `label_nn`.
    public var labels: [String: String] = [:]

    public init(id: String, label: String, color: String? = nil, shape: String? = nil, isBuiltIn: Bool = false) {
        self.id = id
        self.label = label
        self.color = color
        self.shape = shape
        self.isBuiltIn = isBuiltIn
    }

    /// The kinds every network knows.
    public static let builtIn: [String: KindInfo] = {
        let list: [(String, String)] = [
            ("county", "County council"), ("municipality", "Municipality"), ("agency", "Agency"),
            ("university", "University"), ("research", "Research institute"), ("business", "Business"),
            ("school", "School"), ("cluster", "Cluster"), ("programme", "Programme"),
            ("region", "Partner region"), ("network", "Network / organisation"), ("office", "Office"),
            ("project", "Project"), ("theme", "Theme"), ("node", "Node"),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.0, KindInfo(id: $0.0, label: $0.1, isBuiltIn: true)) })
    }()
}

/// A relation type: directed or symmetric.
public struct RelationInfo: Hashable, Sendable {
    public var id: String
    public var label: String
    public var symmetric: Bool
    public var isBuiltIn: Bool
    /// The label in other languages, by key: `label_en`, `label_nb`, `label_nn`.
    public var labels: [String: String] = [:]

    public init(id: String, label: String? = nil, symmetric: Bool, isBuiltIn: Bool = false) {
        self.id = id
        self.label = label ?? id.replacingOccurrences(of: "_", with: " ")
        self.symmetric = symmetric
        self.isBuiltIn = isBuiltIn
    }

    /// The relations every network knows.
    public static let builtIn: [String: RelationInfo] = {
        let list: [(String, Bool)] = [
            ("member_of", false), ("partner_of", true), ("participates_in", false), ("manages", false),
            ("contact_point_for", false), ("secretariat_for", false), ("owns", false), ("coordinates", false),
            ("funds", false), ("part_of", false), ("cooperates_with", true), ("addresses", false),
            ("related_to", false), ("connected_to", true),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.0, RelationInfo(id: $0.0, symmetric: $0.1, isBuiltIn: true)) })
    }()
}

/// Slugs: lowercase ASCII letters and digits in groups joined by single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.first != UInt8(ascii: "-"), text.utf8.last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return true
    }

    /// A slug made from free text: accents folded (æ→ae, ø→o, å→a), other characters to hyphens.
    public static func make(from text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "æ": result += "ae"
            case "ø": result += "o"
            case "å": result += "a"
            case "ß": result += "ss"
            default:
                let folded = String(scalar).folding(options: [.diacriticInsensitive], locale: nil)
                for c in folded.unicodeScalars {
                    if ("a"..."z").contains(c) || ("0"..."9").contains(c) { result.unicodeScalars.append(c) }
                    else if !result.hasSuffix("-") && !result.isEmpty { result += "-" }
                }
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "node" : result
    }
}
