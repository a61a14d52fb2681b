import XCTest
@testable import Graph

/// FNV-1a's published 64-bit test vectors (Fowler, Noll, Vo): the style slots and the evaluation's
/// training split depend on these exact values.
final class StableHashTests: XCTestCase {
    func testFNV1aMatchesThePublishedVectors() {
        XCTAssertEqual(StableHash.fnv1a(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(StableHash.fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(StableHash.fnv1a("foobar"), 0x8594_4171_f739_67e8)
    }
}
