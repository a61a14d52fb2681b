/// "Did you mean ...?" for names typed by hand: the closest known name by edit distance.
public enum DidYouMean {
    /// The known name closest to `name`, when it is close enough to be a typo: at most one edit for names of
    /// three or four characters, two up to eight, three beyond (names of one or two characters get no
    /// suggestion: any other short name is one edit away); a difference of case alone always counts.
    /// Else a known name that starts with `name` (three characters or more: `thp` → `thp2020`) when only one does.
    /// Ties go to the alphabetically first name, so the suggestion is the same every run.
    /// - Complexity: O(k·n·m) for k known names of length m and a name of length n; names whose length
    ///   differs by more than the allowed edits are skipped without computing.
    public static func suggestion(for name: String, among known: some Sequence<String>) -> String? {
        let lowered = Array(name.lowercased().unicodeScalars)
        if lowered.count < 3 {
            return known.first { $0 != name && $0.lowercased() == name.lowercased() }
        }
        let allowed = lowered.count <= 4 ? 1 : (lowered.count <= 8 ? 2 : 3)
        var best: (distance: Int, name: String)?
        for candidate in known where candidate != name {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - lowered.count) <= allowed else { continue }
            let distance = editDistance(lowered, other, limit: allowed)
            guard distance <= allowed else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (distance, candidate)
            }
        }
        if let best { return best.name }
        guard lowered.count >= 3 else { return nil }
        let prefix = name.lowercased()
        var extensions = known.lazy.filter { $0.lowercased().hasPrefix(prefix) }.makeIterator()
        guard let only = extensions.next(), extensions.next() == nil else { return nil }
        return only
    }

    /// ` — did you mean 'county'?`, or nothing.
    public static func hint(for name: String, among known: some Sequence<String>) -> String {
        suggestion(for: name, among: known).map { " — did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance (insertions, deletions, substitutions), or more than `limit` once it must exceed it.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
