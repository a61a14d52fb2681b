import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Graph
@testable import netmap

/// `netmap diff` as a user meets it: the built binary on the bundled editions and on broken input.
final class DiffCommandTests: XCTestCase {
    /// The bundled data/ folder, found from this file's path.
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data").path

    func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testEditionDiffAsJSONHasTheIssueKeys() throws {
        let run = try runNetmap(["diff", "\(data)/nord-trondelag-2009.yaml", "--to", "\(data)/trondelag-2020.yaml", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        XCTAssertTrue(Set(object.keys).isSuperset(of: ["old", "new", "nodes", "edges", "changed", "successions"]))
        let successions = try XCTUnwrap(object["successions"] as? [[String: Any]])
        XCTAssertEqual(successions.map { "\($0["from"]!)>\($0["to"]!)" }, ["nord-trondelag-fk>trondelag-fk", "sor-trondelag-fk>trondelag-fk"])
        let changed = try XCTUnwrap(object["changed"] as? [[String: Any]])
        // Nord-Trøndelag took part in the Mid-Nordic cooperation; Trøndelag was a member until 2020.
        XCTAssertTrue(changed.contains { $0["id"] as? String == "trondelag-fk -> midtnordenkomiteen" && $0["key"] as? String == "relation"
            && $0["old"] as? String == "participates_in" && $0["new"] as? String == "member_of" }, "\(changed)")
        let removed = try XCTUnwrap((object["edges"] as? [String: Any])?["removed"] as? [[String: Any]])
        let first = try XCTUnwrap(removed.first)
        XCTAssertEqual(Set(first.keys).isSuperset(of: ["source", "target", "relation", "cite_old", "cite_new"]), true)
    }

    func testMarkdownInNorwegianAndOutputFile() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("endringer.md").path
        let run = try runNetmap(["diff", "\(data)/vestfold-og-telemark-2030.yaml", "--to", "\(data)/telemark-2035.yaml",
                                 "--format", "markdown", "--lang", "nb", "-o", path])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.output, "")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for heading in ["## Nye partnere og bånd", "## Avsluttet", "## Videreført", "## Endret"] {
            XCTAssertTrue(text.contains(heading), heading)
        }
        XCTAssertTrue(text.contains("- Telemark fylkeskommune — Minneapolis — *tfk2035, Strategisk fokus, pkt. 2*"), text)
    }

    func testYearsOfTheWholeFolderAndMeasures() throws {
        let run = try runNetmap(["diff", data, "--at", "2012", "--to-year", "2022", "--format", "csv", "--measures", "degree"])
        XCTAssertEqual(run.status, 0, run.error)
        let lines = run.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "change,item,group,source,target,label,cite_old,cite_new,via_succession,key,old,new,old_rank,new_rank,difference")
        XCTAssertTrue(lines.contains { $0.hasPrefix("succession,tie,succeeded_by,nord-trondelag-fk,trondelag-fk,") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("measure,node,degree,trondelag-fk,") })
    }

    func testUsageErrorsExit64() throws {
        for arguments in [["diff", data], ["diff", data, "--at", "2012"], ["diff", "--to", data],
                          ["diff", data, "--to", data, "--at", "2012", "--to-year", "2020"],
                          ["diff", data, "--to", data, "--lang", "de"], ["diff", data, "--to", data, "--format", "html"],
                          ["diff", data, "--to", data, "--measures", "fame"], ["diff", data, "--to", data, "--render", "x.gif"],
                          ["diff", data, "--to", data, "--follow", "merged_into"]] {
            let run = try runNetmap(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.error)")
            XCTAssertEqual(run.output, "", "\(arguments)")
        }
    }

    func testBadInputNamesFileAndLineAndWritesNothing() throws {
        let folder = try scratchFolder()
        let good = try write("""
        nodes:
          - {id: a-fk, label: A, kind: county}
          - {id: net, label: Net, kind: network}
        edges:
          - {from: a-fk, to: net, relation: member_of}
        """, to: "old.yaml", in: folder)
        let bad = try write("""
        nodes:
          - {id: a-fk, label: A, kind: county}
        edges:
          - {from: a-fk, to: nowhere, relation: member_of}
        """, to: "new.yaml", in: folder)
        let out = folder.appendingPathComponent("out.json").path
        let run = try runNetmap(["diff", good, "--to", bad, "--format", "json", "-o", out])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.contains("new.yaml:4: error:"), run.error)
        XCTAssertTrue(run.error.contains("nowhere"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let missing = try runNetmap(["diff", good, "--to", folder.appendingPathComponent("absent.yaml").path])
        XCTAssertEqual(missing.status, 1, missing.error)
    }

    func testNothingToDrawNamesBothEditionsAndWritesNothing() throws {
        let folder = try scratchFolder()
        let old = try write("nodes: []\nedges: []\n", to: "old.yaml", in: folder)
        let new = try write("nodes: []\nedges: []\n", to: "new.yaml", in: folder)
        let picture = folder.appendingPathComponent("d.svg").path, table = folder.appendingPathComponent("d.md").path
        let run = try runNetmap(["diff", old, "--to", new, "--render", picture, "-o", table])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.contains("\(old), \(new): error: nothing to draw: both editions are empty"), run.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: picture) || FileManager.default.fileExists(atPath: table))
        // A programme rules file given as both editions: said as `render` says it, the file named once.
        let rules = packageRoot.appendingPathComponent("data/programmes.yaml").path
        let mistaken = try runNetmap(["diff", rules, "--to", rules, "--render", picture])
        XCTAssertEqual(mistaken.status, 1)
        XCTAssertTrue(mistaken.error.contains("\(rules): error: nothing to draw: this file holds programme rules"), mistaken.error)
        XCTAssertFalse(mistaken.error.contains("\(rules), \(rules)"), mistaken.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: picture))
    }

    func testRenderIsByteIdenticalAndMarksEachChange() throws {
        let folder = try scratchFolder()
        var outputs: [Data] = []
        for name in ["a.svg", "b.svg"] {
            let path = folder.appendingPathComponent(name).path
            let run = try runNetmap(["diff", "\(data)/vestfold-og-telemark-2030.yaml", "--to", "\(data)/telemark-2035.yaml",
                                     "--render", path, "--lang", "nb", "-o", folder.appendingPathComponent("report.txt").path])
            XCTAssertEqual(run.status, 0, run.error)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertEqual(outputs[0], outputs[1], "the same diff gives the same bytes")
        let svg = String(decoding: outputs[0], as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        XCTAssertTrue(XMLParser(data: outputs[0]).parse())
        // Minneapolis is new, Kaunas ended, Hubei kept; the legend says which is which and names the succession.
        XCTAssertTrue(svg.contains("class=\"node kind-region id-minneapolis change-added\""), "added node")
        XCTAssertTrue(svg.contains("class=\"node kind-region id-kaunas change-ended\""), "ended node")
        XCTAssertTrue(svg.contains("class=\"node kind-region id-hubei change-kept\""), "kept node")
        XCTAssertTrue(svg.contains("relation-partner_of change-ended"), "ended tie")
        XCTAssertTrue(svg.contains("stroke-dasharray"), "ended ties are dashed")
        XCTAssertTrue(svg.contains("Avsluttet: 16 aktører, 25 bånd"), "legend")
        XCTAssertTrue(svg.contains("Vestfold og Telemark fylkeskommune → Telemark fylkeskommune"), "succession under the picture")
        let png = folder.appendingPathComponent("c.png").path
        XCTAssertEqual(try runNetmap(["diff", "\(data)/vestfold-og-telemark-2030.yaml", "--to", "\(data)/telemark-2035.yaml", "--render", png, "--format", "json"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))
    }

    /// `--collapse leaves` gathers a hub's leaves into lists without mixing changes: kept, ended and new
    /// members of one hub become three lists, each drawn as its change, and every name stays in the picture;
    /// `--check` prints the picture's legibility.
    func testCollapsedPictureListsEachChangeApartAndChecks() throws {
        let folder = try scratchFolder()
        func edition(_ name: String, _ members: [Int]) throws -> String {
            let nodes = members.map { "  - {id: n\($0), label: Member \($0), kind: network}" }.joined(separator: "\n")
            let edges = members.map { "  - {from: h-fk, to: n\($0), relation: member_of}" }.joined(separator: "\n")
            return try write("nodes:\n  - {id: h-fk, label: Hub, kind: county}\n\(nodes)\nedges:\n\(edges)\n", to: name, in: folder)
        }
        let old = try edition("old.yaml", [1, 2, 3, 4]), new = try edition("new.yaml", [1, 2, 5, 6])
        let path = folder.appendingPathComponent("c.svg").path
        let run = try runNetmap(["diff", old, "--to", new, "--collapse", "leaves", "--render", path, "--check", "-o", "/dev/null"])
        XCTAssertEqual(run.status, 0, run.error)
        let svg = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "&#45;", with: "-")
        for change in ["kept", "ended", "added"] {
            XCTAssertTrue(svg.contains("id-list_3Ah-fk_3Amember_of_3Anetwork_3Achange-\(change) change-\(change)\""), "one list of \(change) members")
        }
        XCTAssertTrue(svg.contains("class=\"edge relation-member_of change-ended\""), "the ended list's tie is drawn as ended")
        for member in 1...6 { XCTAssertTrue(svg.contains(">Member \(member)<"), "Member \(member) is listed") }
        XCTAssertTrue(run.output.contains("ties drawn across nodes: 0"), run.output)
        XCTAssertTrue(run.output.contains("smallest text on the page:"), run.output)
        XCTAssertEqual(try runNetmap(["diff", old, "--to", new, "--check"]).status, 64, "--check needs --render")
    }

    /// The old edition's layout is kept unless the new actors outnumber the old edition's (Telemark 2035: 4 new
    /// beside 25 old, kept; Trøndelag 2020: 137 new beside 19 old, laid out afresh).
    func testOldLayoutIsKeptUnlessMostOfThePictureIsNew() throws {
        func picture(_ old: String, _ new: String) throws -> DiffDrawing {
            let (a, b) = (try InputOptions.parse(["\(data)/\(old)"]).load(), try InputOptions.parse(["\(data)/\(new)"]).load())
            let diff = NetworkDiff.compare(a, b, options: DiffOptions(follow: DiffOptions.defaultFollow([a, b])))
            return DiffDrawing(diff: diff, language: DiffLanguage(code: "en")!)
        }
        XCTAssertTrue(try picture("vestfold-og-telemark-2030.yaml", "telemark-2035.yaml").keepsOldLayout)
        XCTAssertFalse(try picture("nord-trondelag-2009.yaml", "trondelag-2020.yaml").keepsOldLayout)
        var fresh = try picture("vestfold-og-telemark-2030.yaml", "telemark-2035.yaml")
        fresh.freshLayout = true
        XCTAssertFalse(fresh.keepsOldLayout, "--fresh-layout")
        XCTAssertEqual(try runNetmap(["diff", "\(data)/telemark-2035.yaml", "--to", "\(data)/telemark-2035.yaml", "--fresh-layout"]).status, 64)
    }

    /// The pictures of the guide and `make diagrams` meet the diagrams issue's targets on their pages: no tie
    /// drawn across a node, no label overlap, smallest text at least 8 pt (bench/diff-pictures.sh prints them).
    func testGuidePicturesMeetTheLegibilityTargets() throws {
        let pictures: [(old: String, new: String, page: String?, collapse: Bool, fresh: Bool, crossings: Int)] = [
            ("vestfold-og-telemark-2030.yaml", "telemark-2035.yaml", nil, false, true, 6),
            ("nord-trondelag-2009.yaml", "trondelag-2020.yaml", "594x420mm", true, false, 100),
        ]
        for picture in pictures {
            let (a, b) = (try InputOptions.parse(["\(data)/\(picture.old)"]).load(), try InputOptions.parse(["\(data)/\(picture.new)"]).load())
            let diff = NetworkDiff.compare(a, b, options: DiffOptions(follow: DiffOptions.defaultFollow([a, b])))
            var drawing = DiffDrawing(diff: diff, language: DiffLanguage(code: "nb")!)
            drawing.options.language = .nb
            drawing.options.page = try picture.page.map(Page.parse)
            drawing.options.collapse = picture.collapse ? LeafCollapse() : nil
            drawing.freshLayout = picture.fresh
            let legibility = try drawing.request().draw(.svg).legibility
            XCTAssertLessThanOrEqual(legibility.crossings, picture.crossings, picture.new)
            XCTAssertEqual(legibility.tiesAcross, 0, "\(picture.new): \(legibility.tiesAcrossNodes)")
            XCTAssertEqual(legibility.labelOverlaps.count, 0, "\(picture.new): \(legibility.labelOverlaps)")
            XCTAssertGreaterThanOrEqual(legibility.smallestText, 8, picture.new)
        }
    }

    func testParsingKeepsOldAndNewApart() throws {
        let command = try XCTUnwrap(try NetMap.parseAsRoot(["diff", "a.yaml", "b", "--to", "c.yaml", "d", "--format", "json"]) as? Diff)
        XCTAssertEqual(command.input.inputs, ["a.yaml", "b"])
        XCTAssertEqual(command.to, ["c.yaml", "d"])
    }
}
