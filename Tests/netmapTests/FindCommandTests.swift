import Foundation
import XCTest

/// `netmap find`, and the candidates every command that takes a node name lists, on the bundled data.
final class FindCommandTests: XCTestCase {
    func testFindTrondelagAsANewUserTypesIt() throws {
        let result = try runNetmap(["find", "trondelag"], in: packageRoot)
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "45 nodes match 'trondelag', best first:")
        XCTAssertEqual(lines[2].split(separator: " ", omittingEmptySubsequences: true), ["id", "kind", "country", "ties", "label"])
        XCTAssertEqual(lines[3].split(separator: " ", omittingEmptySubsequences: true),
                       ["trondelag-fk", "county", "NO", "45", "Trøndelag", "fylkeskommune"])
        XCTAssertTrue(result.output.hasSuffix("… and 25 more (--limit 0 lists all)\n"), result.output)
    }

    func testFindCSVKindFilterAndAttributeMatches() throws {
        let result = try runNetmap(["find", "JAMTLAND", "data", "--kind", "region,network", "--format", "csv"], in: packageRoot)
        XCTAssertEqual(result.status, 0, result.error)
        let rows = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows[0], "id,label,kind,country,ties,found_in")
        XCTAssertTrue(rows.contains("region-jamtland-harjedalen,Region Jämtland Härjedalen,region,SE,3,label"), result.output)
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.contains(",region,") || $0.contains(",network,") })
    }

    func testFindWithoutMatchOrWithUnknownKindExitsOne() throws {
        let none = try runNetmap(["find", "xyzzy", "data"], in: packageRoot)
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.error, "error: no node matches 'xyzzy'\n")
        let kind = try runNetmap(["find", "trondelag", "data", "--kind", "planet"], in: packageRoot)
        XCTAssertEqual(kind.status, 1)
        XCTAssertTrue(kind.error.hasPrefix("error: no node has kind planet; kinds here: agency, cluster,"), kind.error)
    }

    func testEveryCommandThatNamesANodeListsCandidates() throws {
        let ambiguous = """
            error: 'vestfold' is ambiguous; it matches (use the id):
              vestfold-fk  (Vestfold fylkeskommune)
              vestfold-og-telemark-fk  (Vestfold og Telemark fylkeskommune)
              vtfk-medlemsorganisasjoner  (Vestfold og Telemark fylkeskommunes medlemsorganisasjoner (ikke navngitt))

            """
        let out = try scratchFolder()
        for arguments in [["path", "data", "vestfold", "kaunas"], ["ego", "data", "vestfold"],
                          ["compare", "data", "vestfold", "kaunas"],
                          ["consortium", "data", "--programme", "interreg-se-no", "--lead", "vestfold"],
                          ["render", "data", "--ego", "vestfold", "-o", out.appendingPathComponent("x.svg").path]] {
            let result = try runNetmap(arguments, in: packageRoot)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertEqual(result.error, ambiguous, "\(arguments)")
        }
        let unknown = try runNetmap(["ego", "data", "sverige"], in: packageRoot)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.error.hasPrefix("error: no node's id or name starts with 'sverige'; these contain it (use the id):\n  interreg-se-no"),
                      unknown.error)
    }
}
