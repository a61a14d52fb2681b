import Foundation

/// Readers and writers for formats whose code lives outside the `Graph` module.
///
/// DOT is parsed by Graphviz's libcgraph and written by the renderer's DOT builder, which only the
/// `netmap` executable links; it registers both here at startup and `FileFormat.dot` finds them. Each
/// format can be registered once: the first registration wins, so a reader cannot be swapped underneath
/// a running load.
public enum FormatPlugins {
    /// Reads a file's bytes (`data`, from `path`) into a document.
    public typealias Reader = @Sendable (_ data: Data, _ path: String) -> NetworkDocument
    /// Writes a network as the bytes of one file.
    public typealias Writer = @Sendable (_ network: Network) throws -> Data

    private static let lock = NSLock()
    nonisolated(unsafe) private static var readers: [FileFormat: Reader] = [:]
    nonisolated(unsafe) private static var writers: [FileFormat: Writer] = [:]

    /// Registers `reader` for `format`. Returns false (and keeps the first) when one is already registered.
    @discardableResult
    public static func register(_ format: FileFormat, reader: @escaping Reader) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard readers[format] == nil else { return false }
        readers[format] = reader
        return true
    }

    /// Registers `writer` for `format`. Returns false (and keeps the first) when one is already registered.
    @discardableResult
    public static func register(_ format: FileFormat, writer: @escaping Writer) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard writers[format] == nil else { return false }
        writers[format] = writer
        return true
    }

    /// The reader registered for `format`, if any.
    public static func reader(for format: FileFormat) -> Reader? {
        lock.lock()
        defer { lock.unlock() }
        return readers[format]
    }

    /// The writer registered for `format`, if any.
    public static func writer(for format: FileFormat) -> Writer? {
        lock.lock()
        defer { lock.unlock() }
        return writers[format]
    }
}
