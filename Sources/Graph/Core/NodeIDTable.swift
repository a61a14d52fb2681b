/// Node ids given as bytes, each numbered in order of first appearance: an open-addressing hash table over one
/// byte arena, so that a million tie ends cost no `String` each.
///
/// Each slot holds an id's first 8 bytes, its length, 24 bits of its hash and its number, so a lookup of an id
/// of up to 8 bytes reads one slot (one cache miss on a large table) and nothing else; longer ids are checked
/// against the arena as well.
///
/// - Complexity: O(length) per lookup on average; 16 bytes per slot (load ≤ 1/2) plus the ids' bytes.
struct NodeIDTable {
    private var bytes: [UInt8] = []
    /// Where each id starts in `bytes`; one more entry than ids.
    private var starts: [Int32] = [0]
    /// Two words per slot: the id's first 8 bytes (little-endian, zero-padded), then
    /// `hash bits << 40 | min(length, 255) << 32 | (number + 1)`; a zero second word is an empty slot.
    private var slots = [UInt64](repeating: 0, count: 2 << 12)
    /// The second word of each id's slot, by number (to rebuild the table when it grows).
    private var tags: [UInt64] = []

    var count: Int { tags.count }

    /// FNV-1a over the bytes (the ids are short slugs; FNV's per-byte cost is fine there), with the first
    /// 8 bytes as one word.
    @inline(__always)
    private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, prefix: UInt64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefix: UInt64 = 0
        for (k, byte) in id.enumerated() {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
            if k < 8 { prefix |= UInt64(byte) << (8 * UInt64(k)) }
        }
        return (h ^ (h >> 29), prefix)
    }

    /// The number of the id, adding it when new.
    @inline(__always)
    mutating func number(of id: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (h, prefix) = Self.hash(id)
        let key = (h >> 40) << 40 | UInt64(min(id.count, 255)) << 32
        let mask = slots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let tag = slots[2 * slot + 1]
            if tag == 0 { break }
            if tag & ~0xFFFF_FFFF == key && slots[2 * slot] == prefix {
                let k = Int(tag & 0xFFFF_FFFF) - 1
                if id.count <= 8 || matches(k, id) { return Int32(k) }
            }
            slot = (slot + 1) & mask
        }
        let k = tags.count
        let tag = key | UInt64(k + 1)
        tags.append(tag)
        bytes.append(contentsOf: id)
        starts.append(Int32(bytes.count))
        slots[2 * slot] = prefix
        slots[2 * slot + 1] = tag
        if 2 * tags.count > slots.count / 2 { grow() }
        return Int32(k)
    }

    /// Whether id number `k` has exactly these bytes.
    private func matches(_ k: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[k]), end = Int(starts[k + 1])
        guard end - start == id.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < id.count {
                if stored[start + offset] != id[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// Doubles the table and puts every id back (hashes are recomputed from the arena).
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count / 2 - 1
        bytes.withUnsafeBufferPointer { stored in
            for (k, tag) in tags.enumerated() {
                let id = UnsafeBufferPointer(rebasing: stored[Int(starts[k])..<Int(starts[k + 1])])
                let (h, prefix) = Self.hash(id)
                var slot = Int(truncatingIfNeeded: h) & mask
                while larger[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
                larger[2 * slot] = prefix
                larger[2 * slot + 1] = tag
            }
        }
        slots = larger
    }

    /// Id number `k` as a string.
    func string(_ k: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[k])..<Int(starts[k + 1])]), as: UTF8.self) }
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
