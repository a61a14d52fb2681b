import CGraphviz
import Foundation
import Graph

/// The one door to the Graphviz C library: lays out DOT text and renders it, in-process.
///
/// libgvc and libcgraph are not thread-safe, so every call goes through one lock. Graphviz's own error and
/// warning messages are captured (through `agseterrf`) and returned as netmap errors or warnings instead of
/// being printed raw. Every graph, layout and render buffer is freed before the call returns; the one context lives as long as the process.
enum Graphviz {
    /// The one lock every libcgraph/libgvc call in netmap takes (rendering here, reading DOT in `DOTReader`).
    static let lock = NSLock()
    nonisolated(unsafe) private static var messages: [String] = []
    /// Graphviz hands a message over in pieces ("Warning", ": ", "text\n"); they are joined up to each newline.
    nonisolated(unsafe) private static var pending = ""

    /// One context for the process, made on first use: libgvc 2.43 leaks part of every context it frees
    /// (plugin tables, seen with valgrind), so netmap keeps one instead of making one per drawing.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// Layout engines netmap offers.
    static let layouts = ["dot", "neato", "fdp", "sfdp", "circo", "twopi"]

    /// What one layout produced: the rendered outputs (in the order asked) and Graphviz's warnings.
    struct Output {
        var data: [Data]
        var warnings: [String]
    }

    /// Lays out `dot` with `layout` and renders it in `format` (svg, png:cairo, pdf:cairo, json, dot, ...).
    static func render(dot: String, layout: String, format: String) throws -> Data {
        try render(dot: dot, layout: layout, formats: [format]).data[0]
    }

    /// Lays out `dot` once with `layout` (a netmap layout, or `nop2` for positions already given) and renders
    /// it in every format of `formats`.
    ///
    /// - Throws: `GraphError.invalidArgument` carrying Graphviz's own message when the text cannot be read, the
    ///   layout fails or a format cannot be rendered.
    static func render(dot: String, layout: String, formats: [String]) throws -> Output {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        pending = ""
        _ = agseterrf { message in
            if let message { Graphviz.receive(String(cString: message)) }
            return 0
        }
        defer { _ = agseterrf(nil) }
        _ = agseterr(AGWARN)
        if sharedContext == nil { sharedContext = gvContext() }
        guard let context = sharedContext else { throw GraphError.invalidArgument("Graphviz: cannot create a context") }
        let parsed = dot.withCString { DOTText.read($0) }
        guard let graph = parsed else {
            throw GraphError.invalidArgument("Graphviz could not read the graph: \(collected())")
        }
        defer { agclose(graph) }
        if messages.contains(where: { $0.lowercased().hasPrefix("error") || $0.contains("syntax error") }) {
            throw GraphError.invalidArgument("Graphviz could not read the graph: \(collected())")
        }
        if gvLayout(context, graph, layout) != 0 {
            throw GraphError.invalidArgument("Graphviz layout '\(layout)' failed: \(collected())")
        }
        defer { gvFreeLayout(context, graph) }
        var outputs: [Data] = []
        for format in formats {
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(context, graph, format, &buffer, &length)
            guard status == 0, let bytes = buffer else {
                if let buffer { gvFreeRenderData(buffer) }
                throw GraphError.invalidArgument("Graphviz could not render '\(format)': \(collected())")
            }
            outputs.append(bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Data(bytes: $0, count: Int(length)) })
            gvFreeRenderData(bytes)
        }
        receive("\n")
        return Output(data: outputs, warnings: messages)
    }

    private static func receive(_ piece: String) {
        pending += piece
        while let newline = pending.firstIndex(of: "\n") {
            let line = pending[..<newline].trimmingCharacters(in: .whitespaces)
            pending = String(pending[pending.index(after: newline)...])
            if !line.isEmpty, !messages.contains(line) { messages.append(line) }
        }
    }

    private static func collected() -> String {
        receive("\n")
        return messages.isEmpty ? "no message from Graphviz" : messages.joined(separator: "; ")
    }
}
