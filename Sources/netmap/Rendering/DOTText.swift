import CGraphviz
import Foundation

/// Reads DOT text into a libcgraph graph whose objects get ids in the order they are created (and so does
/// every graph libcgraph makes after the first read).
///
/// libcgraph's default id discipline makes a named object's id the address of its interned name, and keeps
/// subgraphs in id order. The clusters of a drawing then come out in the order of heap addresses, which
/// differ from run to run (Swift's randomly seeded hashing changes the allocations made before), so two runs
/// on the same input gave differently ordered SVG and PDF. Ids in creation order make every output depend on
/// the DOT text alone. Callers hold `Graphviz.lock`.
enum DOTText {
    /// Reads `text` (NUL-terminated DOT) with `agmemread`, or returns nil when libcgraph cannot (its messages
    /// go to the `agseterrf` handler).
    static func read(_ text: UnsafePointer<CChar>) -> UnsafeMutablePointer<Agraph_t>? {
        _ = installed
        // libcgraph's lexer keeps the text after a graph's closing brace for the next read and counts lines
        // across reads: both are reset, or an error in the second DOT text of a process names a later line.
        aglexbad()
        agsetfile(nil)
        return agmemread(text)
    }

    /// Replaces libcgraph's default id discipline in place, once: `agmemread` and the graphs Graphviz's
    /// layouts make on their own (fdp's derived graph and its components) all use it.
    private static let installed: Void = {
        netmap_default_id_discipline()!.pointee = Agiddisc_t(
            open: openIDs, map: mapID, alloc: { _, _, _ in 0 }, free: { _, _, _ in },
            print: printID, close: closeIDs, idregister: { _, _, _ in })
    }()

    /// The ids of one root graph and its subgraphs: names get even ids 2, 4, 6, ... in order of first use,
    /// anonymous objects odd ones (as libcgraph's own discipline gives them).
    private final class IDs {
        var byName: [String: IDTYPE] = [:]
        var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
        var nextNamed: IDTYPE = 2
        var nextAnonymous: IDTYPE = 1
        deinit { for name in names.values { free(name) } }
    }

    private static let openIDs: @convention(c) (UnsafeMutablePointer<Agraph_t>?, UnsafeMutablePointer<Agdisc_t>?) -> UnsafeMutableRawPointer? = { _, _ in
        Unmanaged.passRetained(IDs()).toOpaque()
    }

    private static let closeIDs: @convention(c) (UnsafeMutableRawPointer?) -> Void = { state in
        if let state { Unmanaged<IDs>.fromOpaque(state).release() }
    }

    /// libcgraph's `map`: the id of `name` (made when `create` is set), or a fresh anonymous id for no name.
    private static let mapID: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<IDTYPE>?, Int32) -> Int = { state, _, name, id, create in
        guard let state, let id else { return 0 }
        let ids = Unmanaged<IDs>.fromOpaque(state).takeUnretainedValue()
        guard let name else {
            id.pointee = ids.nextAnonymous
            ids.nextAnonymous += 2
            return 1
        }
        let key = String(cString: name)
        if let known = ids.byName[key] {
            id.pointee = known
            return 1
        }
        guard create != 0, let copy = strdup(name) else { return 0 }
        let new = ids.nextNamed
        ids.nextNamed += 2
        ids.byName[key] = new
        ids.names[new] = copy
        id.pointee = new
        return 1
    }

    private static let printID: @convention(c) (UnsafeMutableRawPointer?, Int32, IDTYPE) -> UnsafeMutablePointer<CChar>? = { state, _, id in
        guard let state else { return nil }
        return Unmanaged<IDs>.fromOpaque(state).takeUnretainedValue().names[id]
    }
}
