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
    /// Reads `text` (the bytes of DOT) like `agmemread`, or returns nil when libcgraph cannot (its messages go
    /// to the `agseterrf` handler).
    static func read(_ text: UnsafeRawBufferPointer) -> UnsafeMutablePointer<Agraph_t>? {
        let source = Source(text)
        let channel = Unmanaged.passRetained(source)
        defer { channel.release() }
        // The lexer counts lines in a global that nothing else resets between reads.
        agreadline(1)
        return agread(channel.toOpaque(), discipline)
    }

    /// The bytes being read and how far.
    private final class Source {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    /// The ids of one root graph and its subgraphs: names get even ids 2, 4, 6, ... in order of first use,
    /// anonymous objects odd ones (as libcgraph's own discipline gives them).
    private final class IDs {
        var byName: [String: IDTYPE] = [:]
        var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
        var nextNamed: IDTYPE = 2
        var nextAnonymous: IDTYPE = 1
        deinit { for name in names.values { free(name) } }
    }

    /// One discipline for every graph netmap reads: libcgraph's memory and output services, these ids, and
    /// input from a `Source`. Made once; lives as long as the process.
    ///
    /// The ids replace libcgraph's default id discipline in place, so the graphs Graphviz's layouts make on
    /// their own (fdp's derived graph and its components, with the default discipline) get them too.
    nonisolated(unsafe) private static let discipline: UnsafeMutablePointer<Agdisc_t> = {
        let ids = netmap_default_id_discipline()!
        ids.pointee = Agiddisc_t(open: openIDs, map: mapID, alloc: { _, _, _ in 0 }, free: { _, _, _ in },
                                 print: printID, close: closeIDs, idregister: { _, _, _ in })
        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        let standard = netmap_default_io_discipline()!.pointee
        io.initialize(to: Agiodisc_t(afread: readLine, putstr: standard.putstr, flush: standard.flush))
        let discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agdisc_t(mem: netmap_default_memory_discipline(), id: ids, io: io))
        return discipline
    }()

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

    /// libcgraph's `afread`: the next line of the source (or as much of it as fits), as `agmemread` gives it.
    private static let readLine: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = { channel, buffer, size in
        guard let channel, let buffer, size > 0 else { return 0 }
        let source = Unmanaged<Source>.fromOpaque(channel).takeUnretainedValue()
        var count = 0
        while source.offset < source.bytes.count && count < Int(size) {
            let byte = source.bytes[source.offset]
            buffer[count] = CChar(bitPattern: byte)
            source.offset += 1
            count += 1
            if byte == 0x0A { break }
        }
        return Int32(count)
    }
}
