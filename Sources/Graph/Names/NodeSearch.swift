import Foundation

/// One node found by `Network.find(_:kinds:)`, with where and how well the text matched.
public struct NodeMatch: Sendable, Equatable {
    /// How well a node matched, best first.
    public enum Strength: Int, Sendable, Comparable, CustomStringConvertible {
        /// The whole id, label or English label.
        case exact
        /// The first words of the id, label or English label (`trondelag` in "Trøndelag fylkeskommune").
        case prefix
        /// Whole words inside the id, label or English label (`trondelag` in "Nord-Trøndelag fylkeskommune").
        case word
        /// The start of a word in the id, label or English label (`trondelag` in "Trøndelagsplanen").
        case partialWord
        /// Anywhere in the id, label or English label.
        case inside
        /// Anywhere in another attribute or a tag.
        case attribute

        public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .exact: "exact"
            case .prefix: "prefix"
            case .word: "word"
            case .partialWord: "partial word"
            case .inside: "inside"
            case .attribute: "attribute"
            }
        }
    }

    public var node: Node
    /// Where the text was found: `id`, `label`, `label_en`, `tags`, or the attribute's name.
    public var field: String
    public var strength: Strength
    /// Number of distinct neighbours (ties in either direction, parallel ties once).
    public var ties: Int
}

extension Network {
    /// The nodes whose id, label, English label, tags or any attribute contain `text`, ignoring case and accents
    /// (`trondelag` finds "Trøndelag"), best matches first: by `NodeMatch.Strength`, then most ties, then label.
    ///
    /// - Parameter kinds: keep only nodes of these kinds (all when `nil`).
    /// - Complexity: O(n·a·L + m) for n nodes with a attributes of length L and m ties.
    public func find(_ text: String, kinds: Set<String>? = nil) -> [NodeMatch] {
        let key = Network.searchKey(text)
        guard !key.isEmpty else { return [] }
        let ties = neighbourCounts()
        var matches: [NodeMatch] = []
        for (index, node) in nodes.enumerated() {
            if let kinds, !kinds.contains(node.kind) { continue }
            if let (field, strength) = Network.bestMatch(of: key, in: node) {
                matches.append(NodeMatch(node: node, field: field, strength: strength, ties: ties[index]))
            }
        }
        return matches.sorted { lhs, rhs in
            if lhs.strength != rhs.strength { return lhs.strength < rhs.strength }
            if lhs.ties != rhs.ties { return lhs.ties > rhs.ties }
            if lhs.node.label != rhs.node.label { return lhs.node.label < rhs.node.label }
            return lhs.node.id < rhs.node.id
        }
    }

    /// Distinct neighbours of every node, indexed like `nodes` (self-ties not counted).
    func neighbourCounts() -> [Int] {
        var neighbours = [Set<Int>](repeating: [], count: nodes.count)
        for edge in edges where edge.from != edge.to {
            guard let a = index(of: edge.from), let b = index(of: edge.to) else { continue }
            neighbours[a].insert(b)
            neighbours[b].insert(a)
        }
        return neighbours.map(\.count)
    }

    /// `text` with every run of characters other than letters and digits made one space ("sverige–norge" →
    /// "sverige norge"), so that words are told apart whatever separates them.
    static func wordsKey(_ text: String) -> String {
        text.split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// The best place `key` (already folded by `searchKey`) occurs in `node`, if any.
    static func bestMatch(of key: String, in node: Node) -> (field: String, strength: NodeMatch.Strength)? {
        var best: (field: String, strength: NodeMatch.Strength)?
        func consider(_ field: String, _ strength: NodeMatch.Strength) {
            if let current = best, current.strength <= strength { return }
            best = (field, strength)
        }
        var names: [(String, String)] = [("label", node.label), ("id", node.id)]
        if let english = node.attributes["label_en"] { names.append(("label_en", english)) }
        let words = wordsKey(key)
        for (field, value) in names {
            let folded = searchKey(value), spaced = " " + wordsKey(folded) + " "
            if folded == key { consider(field, .exact) }
            else if folded.hasPrefix(key + " ") { consider(field, .prefix) }
            else if spaced.contains(" " + words + " ") { consider(field, .word) }
            else if spaced.contains(" " + words) { consider(field, .partialWord) }
            else if folded.contains(key) { consider(field, .inside) }
        }
        if best != nil { return best }
        if node.tags.contains(where: { searchKey($0).contains(key) }) { return ("tags", .attribute) }
        for name in node.attributes.keys.sorted() where name != "label_en" {
            if let value = node.attributes[name], searchKey(value).contains(key) { return (name, .attribute) }
        }
        return nil
    }
}
