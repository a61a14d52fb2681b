import Foundation

extension Network {
    /// Finds a node by id, or by an unambiguous label prefix, ignoring case and accents
    /// (`trondelag` finds "Trøndelag fylkeskommune"). An exact id or label wins over prefixes; among several
    /// prefix matches, the only one whose id starts with the name as whole words wins (`trondelag` is `trondelag-fk`,
    /// not `trondelagsplanen` or the theme "Trøndelag som «levende laboratorium»"), else the only one whose id
    /// starts with the name at all.
    ///
    /// - Throws: `GraphError.unknownNode` with the candidates when the name matches none or several.
    public func resolve(_ name: String) throws -> Node {
        if let node = node(name) { return node }
        let key = Network.searchKey(name)
        guard !key.isEmpty else { throw GraphError.unknownNode(name, candidates: []) }
        let exact = nodes.filter { Network.searchKey($0.label) == key || Network.searchKey($0.id) == key }
        if exact.count == 1 { return exact[0] }
        let matches = exact.isEmpty
            ? nodes.filter { node in
                Network.searchKey(node.label).hasPrefix(key) || Network.searchKey(node.id).hasPrefix(key)
                    || node.attributes["label_en"].map { Network.searchKey($0).hasPrefix(key) } == true
            }
            : exact
        if matches.count == 1 { return matches[0] }
        // Prefer ids that start with the name as whole words, then ids that start with it at all.
        let byWholeID = matches.filter { Network.searchKey($0.id).hasPrefix(key + " ") }
        if byWholeID.count == 1 { return byWholeID[0] }
        let byID = matches.filter { Network.searchKey($0.id).hasPrefix(key) }
        if byID.count == 1 { return byID[0] }
        throw GraphError.unknownNode(name, candidates: matches.map { "\($0.id)  (\($0.label))" }.sorted())
    }

    /// Text folded for matching: lowercase, accents removed, æ→ae, ø→o, å→a.
    public static func searchKey(_ text: String) -> String {
        var folded = text.lowercased()
        for (letter, replacement) in [("æ", "ae"), ("ø", "o"), ("å", "a"), ("ß", "ss")] {
            folded = folded.replacingOccurrences(of: letter, with: replacement)
        }
        folded = folded.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.replacingOccurrences(of: "-", with: " ").split(separator: " ").joined(separator: " ")
    }
}
