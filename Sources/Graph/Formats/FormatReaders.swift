import Foundation

/// Readers for formats whose parser lives outside the `Graph` module.
///
/// DOT is parsed by Graphviz's libcgraph, which only the `netmap` executable links; it registers its
/// reader here at startup and `FileFormat.dot.read` finds it. Each format can be registered once: the
/// first registration wins, so a reader cannot be swapped underneath a running load.
public enum FormatReaders {
    /// Reads a file's bytes (`data`, from `path`) into a document.
    public typealias Reader = @Sendable (_ data: Data, _ path: String) -> NetworkDocument

    private static let lock = NSLock()
    nonisolated(unsafe) private static var readers: [FileFormat: Reader] = [:]

    /// Registers `reader` for `format`. Returns false (and keeps the first) when one is already registered.
    @discardableResult
    public static func register(_ format: FileFormat, reader: @escaping Reader) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard readers[format] == nil else { return false }
        readers[format] = reader
        return true
    }

    /// The reader registered for `format`, if any.
    public static func reader(for format: FileFormat) -> Reader? {
        lock.lock()
        defer { lock.unlock() }
        return readers[format]
    }
}
