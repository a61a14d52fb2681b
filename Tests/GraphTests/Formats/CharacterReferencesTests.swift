import XCTest
@testable import Graph

final class CharacterReferencesTests: XCTestCase {
    func testDecodesNamedAndNumericReferencesOnce() {
        XCTAssertEqual(decodeCharacterReferences("Ærlig &amp; &lt;b&gt; &quot;x&quot; &apos;y&apos; &#45; &#xE6; &#XF8;"),
                       "Ærlig & <b> \"x\" 'y' - æ ø")
        XCTAssertEqual(decodeCharacterReferences("&amp;lt;"), "&lt;", "one level of decoding only")
    }

    func testKeepsWhatIsNoReference() {
        XCTAssertEqual(decodeCharacterReferences("R&D & co; &unknown; &#xZZ; &"), "R&D & co; &unknown; &#xZZ; &")
        XCTAssertEqual(decodeCharacterReferences("&#1114112;"), "&#1114112;", "beyond Unicode: kept")
        XCTAssertEqual(decodeCharacterReferences("no references"), "no references")
    }
}
