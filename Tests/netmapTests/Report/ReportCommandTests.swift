import Foundation
import XCTest
@testable import netmap

/// `netmap report` run as a user runs it: the page it writes, its determinism and its errors.
final class ReportCommandTests: XCTestCase {
    let root = packageRoot

    func report(_ arguments: [String], name: String = #function) throws -> (status: Int32, html: String, error: String) {
        let folder = try scratchFolder(name)
        let output = folder.appendingPathComponent("report.html").path
        let result = try runNetmap(["report"] + arguments + ["-o", output], in: root)
        let html = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (result.status, html, result.error)
    }

    /// The JSON of the page's data block, unescaped.
    func data(_ html: String) throws -> [String: Any] {
        let start = try XCTUnwrap(html.range(of: #"<script type="application/json" id="netmap-data">"#))
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
    }

    func testReportOfTheBundledDataIsOneSafeDeterministicPage() throws {
        let first = try report(["data"])
        XCTAssertEqual(first.status, 0, first.error)
        let second = try report(["data"], name: "second")
        XCTAssertEqual(first.html, second.html, "the same input must give the same bytes")
        let html = first.html
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        // Exactly two scripts: the data (not run) and the page's own, allowed by its hash.
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2)
        XCTAssertTrue(html.contains("script-src \(SHA256.cspSource(ReportPage.script));"))
        XCTAssertTrue(html.contains("style-src \(SHA256.cspSource(ReportPage.style));"))
        XCTAssertTrue(html.contains("<script>\(ReportPage.script)</script>"))
        XCTAssertFalse(html.contains("http://") && html.contains("src=\"http"))
        XCTAssertFalse(html.contains(" href="))
        // The drawing keeps the renderer's ids, and the data names them.
        XCTAssertTrue(html.contains(#"id="node-trondelag-fk""#))
        XCTAssertTrue(html.contains(#"id="edge-0""#))
        let model = try data(html)
        let nodes = try XCTUnwrap(model["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.first { $0["id"] as? String == "trondelag-fk" }?["svg"] as? String, "node-trondelag-fk")
        let tables = try XCTUnwrap(model["tables"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(tables, ["centrality", "brokerage", "communities", "sources", "warnings"])
    }

    func testHostileLabelsNeverReachTheMarkupUnescaped() throws {
        let result = try report(["Tests/Fixtures/report/hostile.yaml"])
        XCTAssertEqual(result.status, 0, result.error)
        let html = result.html
        for raw in ["<img src=x", "<script>alert", "<svg onload", "onerror=alert(1)>"] {
            XCTAssertFalse(html.contains(raw), raw)
        }
        XCTAssertTrue(html.contains("<title>Hostile &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; test</title>"))
        let model = try data(html)
        let nodes = try XCTUnwrap(model["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.first { $0["id"] as? String == "script" }?["label"] as? String, "</script><script>alert(1)</script>")
    }

    func testEnglishUsesLabelEnAndKeepsTheOriginalLabelAsAnAttribute() throws {
        let result = try report(["data/trondelag-2020.yaml", "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.error)
        let nodes = try XCTUnwrap(try data(result.html)["nodes"] as? [[String: Any]])
        let beijing = try XCTUnwrap(nodes.first { $0["id"] as? String == "innovasjon-norge-beijing" })
        XCTAssertEqual(beijing["label"] as? String, "Innovation Norway Beijing")
        XCTAssertEqual((beijing["attributes"] as? [String: String])?["label"], "Innovasjon Norge Beijing")
        XCTAssertTrue(result.html.contains("<label for=\"search\">Search</label>"))
    }

    func testNynorskPageUsesNynorskWordsInThePageAndTheDrawing() throws {
        let result = try report(["data/trondelag-2020.yaml", "--lang", "nn"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nn\">"))
        XCTAssertTrue(result.html.contains("<h3 title=\"Klikk for å skjule eller vise\">Typar</h3>"))
        let model = try data(result.html)
        let kinds = try XCTUnwrap(model["kinds"] as? [String: [String: Any]])
        XCTAssertEqual(kinds["county"]?["label"] as? String, "Fylkeskommune")
    }

    func testFiltersAndConsortiumReachThePage() throws {
        let result = try report(["data", "--at", "2010", "--consortium", "interreg-se-no:trondelag-fk"])
        XCTAssertEqual(result.status, 0, result.error)
        let model = try data(result.html)
        XCTAssertEqual(model["at"] as? Int, 2010)
        let edges = try XCTUnwrap(model["edges"] as? [[String: Any]])
        XCTAssertFalse(edges.contains { ($0["since"] as? Int ?? 0) > 2010 })
        let consortia = try XCTUnwrap(model["consortia"] as? [[String: Any]])
        XCTAssertEqual(consortia.first?["programme"] as? String, "interreg-se-no")
        XCTAssertEqual(consortia.first?["lead"] as? String, "trondelag-fk")
    }

    /// Every filter and drawing option `render` has reaches the page: the data block holds the network drawn.
    func testRenderFiltersAndDrawingOptionsShapeThePage() throws {
        func nodes(_ arguments: [String]) throws -> (ids: [String], model: [String: Any], html: String) {
            let result = try report(["data/trondelag-2020.yaml"] + arguments, name: "options\(arguments.joined().filter(\.isLetter))")
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.error)")
            let model = try data(result.html)
            let ids = try XCTUnwrap(model["nodes"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            return (ids, model, result.html)
        }
        let all = try nodes([]).ids
        let kinds = try nodes(["--kinds", "county,region"])
        XCTAssertFalse(kinds.ids.isEmpty)
        XCTAssertEqual(Set(try XCTUnwrap(kinds.model["kinds"] as? [String: Any]).keys), ["county", "region"])
        let relations = try XCTUnwrap(try nodes(["--relations", "member_of"]).model["relations"] as? [String: Any])
        XCTAssertEqual(Array(relations.keys), ["member_of"])
        let ego = try nodes(["--ego", "region-jamtland-harjedalen", "--radius", "1"]).ids
        XCTAssertTrue(ego.contains("trondelag-fk") && ego.contains("region-jamtland-harjedalen") && ego.count < all.count / 2, "\(ego)")
        let top = try nodes(["--top", "7", "--by", "betweenness"]).ids
        XCTAssertEqual(top.count, 7)
        XCTAssertTrue(top.contains("trondelag-fk"))
        let titled = try nodes(["--title", "Prøve <b>", "--layout", "neato", "--size-by", "degree"])
        XCTAssertTrue(titled.html.contains("<title>Prøve &lt;b&gt;</title>"))
        XCTAssertEqual(titled.model["title"] as? String, "Prøve <b>")
        let grouped = try nodes(["--group-by", "country", "--layout", "fdp"])
        XCTAssertTrue(grouped.html.contains(#"id="cluster_group_NO""#) && grouped.html.contains(#"id="cluster_group_SE""#), "one box per country")
        let colored = try nodes(["--color-by", "country"]).model
        let legend = try XCTUnwrap(colored["colors"] as? [String: Any])
        XCTAssertEqual(legend["heading"] as? String, "Farge: Land")
        let theme = try scratchFolder("theme").appendingPathComponent("theme.yaml")
        try "kinds:\n  county: {fill: \"#123456\"}\n".write(to: theme, atomically: true, encoding: .utf8)
        let themed = try nodes(["--theme", theme.path])
        XCTAssertEqual((try XCTUnwrap(themed.model["kinds"] as? [String: [String: Any]]))["county"]?["fill"] as? String, "#123456")
        XCTAssertTrue(themed.html.contains(##"fill="#123456""##), "the drawing uses the theme too")
    }

    func testBadOptionsAreRefusedAndNoFileIsWritten() throws {
        for (arguments, message) in [
            (["data", "--lang", "de"], "--lang must be one of nb, nn, en"),
            (["data", "--consortium", "interreg-se-no"], "write PROGRAMME:LEAD"),
            (["data", "--consortium", "no-such-programme:trondelag-fk"], "unknown programme 'no-such-programme'"),
            (["data", "--kinds", "nonsense"], "no node has kind 'nonsense'"),
        ] {
            let result = try report(arguments, name: "bad\(message.filter(\.isLetter))")
            XCTAssertNotEqual(result.status, 0, message)
            XCTAssertTrue(result.error.contains(message), result.error)
            XCTAssertEqual(result.html, "", "no half-written output")
        }
        let wrongExtension = try runNetmap(["report", "data", "-o", "/tmp/x.svg"], in: root)
        XCTAssertNotEqual(wrongExtension.status, 0)
        XCTAssertTrue(wrongExtension.error.contains("name the output FILE.html"), wrongExtension.error)
    }

    func testConsortiumRequestsParse() {
        XCTAssertEqual(ConsortiumRequest("interreg-se-no:trondelag-fk"), ConsortiumRequest("interreg-se-no : trondelag-fk"))
        XCTAssertEqual(ConsortiumRequest("a:b:c")?.lead, "b:c")
        XCTAssertNil(ConsortiumRequest("a:"))
        XCTAssertNil(ConsortiumRequest("nocolon"))
    }
}
