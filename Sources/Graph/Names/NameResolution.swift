import Foundation

extension Network {
    /// The node a name on the command line means. The rule, as docs/guide.md states it:
    ///
    /// 1. an exact id (`trondelag-fk`);
    /// 2. else the one node whose id, label or English label equals the name, ignoring case, accents and hyphens
    ///    (`"Trøndelag fylkeskommune"`, `trondelag fylkeskommune`);
    /// 3. else the one node whose id, label or English label starts with the name (`kaunas`, `midsec`);
    ///    among several, the only one whose id starts with the name as whole words (`trondelag` is `trondelag-fk`,
    ///    not `trondelagsplanen`), else the only one whose id starts with the name at all.
    ///
    /// - Throws: `GraphError.ambiguousNode` listing the candidates (id and label) when several remain;
    ///   `GraphError.unknownNode` with up to 10 nodes that contain the name elsewhere (best first, as
    ///   `find(_:kinds:)` ranks them) when none starts with it.
    public func resolve(_ name: String) throws -> Node {
        if let node = node(name) { return node }
        let key = Network.searchKey(name)
        guard !key.isEmpty else { throw GraphError.unknownNode(name, candidates: []) }
        func names(_ node: Node) -> [String] {
            [node.id, node.label] + (node.attributes["label_en"].map { [$0] } ?? [])
        }
        let exact = nodes.filter { names($0).contains { Network.searchKey($0) == key } }
        if exact.count == 1 { return exact[0] }
        let matches = exact.isEmpty ? nodes.filter { names($0).contains { Network.searchKey($0).hasPrefix(key) } } : exact
        if matches.count == 1 { return matches[0] }
        // Prefer ids that start with the name as whole words, then ids that start with it at all.
        let byWholeID = matches.filter { Network.searchKey($0.id).hasPrefix(key + " ") }
        if byWholeID.count == 1 { return byWholeID[0] }
        let byID = matches.filter { Network.searchKey($0.id).hasPrefix(key) }
        if byID.count == 1 { return byID[0] }
        if matches.isEmpty {
            throw GraphError.unknownNode(name, candidates: find(name).prefix(10).map(Network.candidateText))
        }
        throw GraphError.ambiguousNode(name, candidates: matches.map(Network.candidateText).sorted())
    }

    /// `id  (label)`, as name errors list a candidate.
    static func candidateText(_ match: NodeMatch) -> String { candidateText(match.node) }

    static func candidateText(_ node: Node) -> String { "\(node.id)  (\(node.label))" }

    /// Text folded for matching: lowercase, accents removed, æ→ae, ø→o, å→a, hyphens as spaces, spaces collapsed.
    public static func searchKey(_ text: String) -> String {
        // ASCII text has nothing to fold: the same key without Foundation's string calls, which cost most of a
        // `--lead NAME` lookup on a network of thousands of nodes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: " ")
        }
        var folded = text.lowercased()
        for (letter, replacement) in [("æ", "ae"), ("ø", "o"), ("å", "a"), ("ß", "ss")] {
            folded = folded.replacingOccurrences(of: letter, with: replacement)
        }
        folded = folded.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.replacingOccurrences(of: "-", with: " ").split(separator: " ").joined(separator: " ")
    }
}
