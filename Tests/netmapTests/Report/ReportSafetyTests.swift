import Foundation
import XCTest
@testable import netmap

/// The pieces that keep data from becoming markup in the report page (the browser tests check the page whole).
final class ReportSafetyTests: XCTestCase {
    func testSHA256MatchesTheFIPSExamples() {
        func hex(_ text: String) -> String { SHA256.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex(String(repeating: "a", count: 1000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        XCTAssertEqual(SHA256.cspSource("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
    }

    func testJSONInAScriptEscapesEveryCharacterThatCouldEndOrChangeIt() throws {
        let json = #"{"a":"</script><script>alert(1)</script>","b":"<!-- & -->","c":"\#u{2028}\#u{2029}"}"#
        let safe = ReportPage.scriptSafeJSON(json)
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] { XCTAssertFalse(safe.contains(forbidden), forbidden) }
        XCTAssertTrue(safe.contains(#"\u003c/script\u003e"#))
        // The escapes mean the same characters to a JSON reader.
        let back = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String]
        XCTAssertEqual(back?["a"], "</script><script>alert(1)</script>")
        XCTAssertEqual(back?["c"], "\u{2028}\u{2029}")
    }

    func testSanitizerKeepsTheDrawingAndDropsScriptsHandlersAndLinks() throws {
        let svg = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <!-- a&#45;&gt;b -->
        <svg width="100pt" height="50pt" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
        <g id="node&#45;a" class="node kind&#45;county"><title>&lt;img src=x onerror=alert(1)&gt;</title>
        <g id="a_node&#45;a"><a xlink:href="javascript:alert(1)" xlink:title="t"><polygon fill="red" onclick="alert(1)" points="0,0 1,1"/>
        <text x="1" y="2" style="x">&lt;/script&gt;&amp;</text></a></g></g>
        <script>alert(1)</script><foreignObject><div>hi</div></foreignObject><image href="http://example.org/x.png"/>
        </svg>
        """
        let clean = try SVGSanitizer.sanitize(Data(svg.utf8))
        XCTAssertTrue(clean.hasPrefix(#"<svg viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg">"#), clean)
        XCTAssertTrue(clean.contains(#"<g class="node kind-county" id="node-a"><title>&lt;img src=x onerror=alert(1)&gt;</title>"#), clean)
        XCTAssertTrue(clean.contains(#"<text x="1" y="2">&lt;/script&gt;&amp;</text>"#), clean)
        XCTAssertTrue(clean.contains(#"<polygon fill="red" points="0,0 1,1"></polygon>"#), clean)
        for gone in ["onload", "onclick", "javascript", "<script", "<a", "foreignObject", "<image", "href", "style=", "DOCTYPE", "<!--", "http://example"] {
            XCTAssertFalse(clean.contains(gone), gone)
        }
    }

    func testSanitizerRefusesEntityDeclarations() {
        let svg = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>"#
        XCTAssertThrowsError(try SVGSanitizer.sanitize(Data(svg.utf8)))
    }

    func testEveryLanguageHasEveryWord() {
        let english = Set(ReportText.all("en").keys)
        XCTAssertGreaterThan(english.count, 50)
        for language in ReportText.languages {
            XCTAssertEqual(Set(ReportText.all(language).keys), english, language)
        }
        XCTAssertEqual(ReportText.all("nb")["relations"], "Forbindelser", "the drawing's word for ties")
    }

    func testTheScriptReadsOnlyWhatItMayAndTheStyleAndScriptCannotEndTheirElements() {
        let script = ReportPage.script, style = ReportPage.style
        XCTAssertFalse(script.lowercased().contains("</script"))
        XCTAssertFalse(style.lowercased().contains("</style"))
        // No way from data to markup or code in the page's own script.
        for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute('on", "setAttribute('style", "fetch(", "XMLHttpRequest"] {
            XCTAssertFalse(script.contains(forbidden), forbidden)
        }
    }
}
