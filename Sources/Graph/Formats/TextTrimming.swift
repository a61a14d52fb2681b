extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators and U+0009): what
    /// `trimmingCharacters(in: .whitespaces)` gives, without Foundation's bridging, which dominated the time
    /// of reading large CSV files. Text with nothing to trim is returned without copying its characters.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return String(self) }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }
}
