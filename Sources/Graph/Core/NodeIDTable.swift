/// Node ids given as bytes, each numbered in order of first appearance: an open-addressing hash table over one
/// byte arena, so that a million tie ends cost no `String` each.
///
/// - Complexity: O(length) per lookup on average; about 12 bytes per slot (load ≤ 1/2) plus the ids' bytes.
struct NodeIDTable {
    private var bytes: [UInt8] = []
    /// Where each id starts in `bytes`; one more entry than ids.
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Id number + 1 per slot (0: empty).
    private var slots = [Int32](repeating: 0, count: 1 << 12)

    var count: Int { hashes.count }

    /// FNV-1a over the bytes (the ids are short slugs; FNV's per-byte cost is fine there).
    @inline(__always)
    private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The number of the id, adding it when new.
    @inline(__always)
    mutating func number(of id: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(id)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let k = entry - 1
            if hashes[k] == h {
                let start = Int(starts[k]), end = Int(starts[k + 1])
                if end - start == id.count && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, id.baseAddress!, id.count) == 0 }) {
                    return Int32(k)
                }
            }
            slot = (slot + 1) & mask
        }
        let k = hashes.count
        hashes.append(h)
        bytes.append(contentsOf: id)
        starts.append(Int32(bytes.count))
        slots[slot] = Int32(k + 1)
        if 2 * hashes.count > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for (number, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number + 1)
            }
        }
        return Int32(k)
    }

    /// The ids as strings, by number.
    func strings() -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            (0..<count).map { k in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(starts[k])..<Int(starts[k + 1])]), as: UTF8.self)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
