/// FNV-1a (64-bit) of a string's UTF-8 bytes: the same on every run, platform and Swift version, unlike
/// `Hasher`, which is seeded per process. For choices that must not change between runs (a style slot, a
/// training/test split). `NodeIDTable` has its own variant over raw bytes that also keeps a prefix.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
