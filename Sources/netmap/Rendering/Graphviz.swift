import CGraphviz
import Foundation
import Graph

/// The one door to the Graphviz C library: lays out DOT text and renders it, in-process.
///
/// libgvc and libcgraph are not thread-safe, so every call goes through one lock. Graphviz's own error and
/// warning messages are captured and returned as netmap errors instead of being printed raw.
enum Graphviz {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var messages: [String] = []

    /// Layout engines netmap offers.
    static let layouts = ["dot", "neato", "fdp", "sfdp", "circo", "twopi"]

    /// Lays out `dot` with `layout` and renders it in `format` (svg, png, pdf, dot, ...).
    static func render(dot: String, layout: String, format: String) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        _ = agseterrf { message in
            if let message { Graphviz.messages.append(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        agseterr(AGWARN)
        guard let context = gvContext() else { throw GraphError.invalidArgument("Graphviz: cannot create a context") }
        defer { gvFreeContext(context) }
        let graph: UnsafeMutablePointer<Agraph_t>? = dot.withCString { text in
            agmemread(text)
        }
        guard let graph else {
            throw GraphError.invalidArgument("Graphviz could not read the graph: \(collected())")
        }
        defer { agclose(graph) }
        if gvLayout(context, graph, layout) != 0 {
            throw GraphError.invalidArgument("Graphviz layout '\(layout)' failed: \(collected())")
        }
        defer { gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        if gvRenderData(context, graph, format, &buffer, &length) != 0 || buffer == nil {
            throw GraphError.invalidArgument("Graphviz could not render '\(format)': \(collected())")
        }
        defer { gvFreeRenderData(buffer) }
        return buffer!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Data(bytes: $0, count: Int(length)) }
    }

    private static func collected() -> String {
        messages.isEmpty ? "no message from Graphviz" : messages.joined(separator: "; ")
    }
}
