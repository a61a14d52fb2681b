import Yams

extension Yams.Node {
    /// The text of a scalar exactly as written, or nil for a null (`~`, `null`, nothing) or a non-scalar.
    /// Used instead of Yams' typed accessors so `NO` stays "NO" and `1.10` stays "1.10".
    var writtenText: String? {
        guard case .scalar(let scalar) = self else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    /// A mapping's entries whose keys are scalars, in file order (empty for other nodes).
    var keyedEntries: [(key: String, keyNode: Yams.Node, value: Yams.Node)] {
        guard case .mapping(let mapping) = self else { return [] }
        return mapping.compactMap { pair in
            guard case .scalar(let scalar) = pair.key else { return nil }
            return (scalar.string, pair.key, pair.value)
        }
    }

    /// A mapping's values by key; when a key is given twice the first value counts (empty for other nodes).
    var valuesByKey: [String: Yams.Node] {
        Dictionary(keyedEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
