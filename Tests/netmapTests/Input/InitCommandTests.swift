import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// `netmap init` writes a starter network that validates as written, and whose examples validate too.
final class InitCommandTests: XCTestCase {
    func testInitValidatesAsWrittenAndWithItsExamples() throws {
        let folder = try scratchFolder().appendingPathComponent("innlandet")
        let run = try runNetmap(["init", folder.path, "--county", "Innlandet fylkeskommune"])
        XCTAssertEqual(run.status, 0, run.error)
        let path = folder.appendingPathComponent("innlandet-fk.yaml").path
        XCTAssertTrue(run.output.hasPrefix("wrote \(path): county node 'innlandet-fk'"), run.output)

        let alone = NetworkLoader.load([folder.path])
        XCTAssertEqual(alone.errors, [])
        let county = try XCTUnwrap(alone.network.node("innlandet-fk"))
        XCTAssertEqual(county.kind, "county")
        XCTAssertEqual(county.label, "Innlandet fylkeskommune")
        XCTAssertEqual(county.country, "NO")
        XCTAssertEqual(alone.network.sources.keys.sorted(), ["strategy"])
        let shared = packageRoot.appendingPathComponent("data/shared.yaml").path
        XCTAssertEqual(NetworkLoader.load([folder.path, shared]).errors, [])

        // Every example, uncommented, is a valid node or tie against data/shared.yaml, and together they use
        // every built-in kind but `node` and every built-in relation.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("  # - ") ? "  - " + $0.dropFirst("  # - ".count) : String($0) }.joined(separator: "\n")
        let examples = folder.deletingLastPathComponent().appendingPathComponent("examples.yaml").path
        try uncommented.write(toFile: examples, atomically: true, encoding: .utf8)
        let all = NetworkLoader.load([examples, shared])
        XCTAssertEqual(all.errors, [])
        XCTAssertEqual(Set(all.network.nodes.map(\.kind)), Set(KindInfo.builtIn.keys).subtracting(["node"]))
        XCTAssertEqual(Set(all.network.edges.map(\.relation)), Set(RelationInfo.builtIn.keys))

        let again = try runNetmap(["init", folder.path, "--county", "Innlandet fylkeskommune"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.error.contains("already exists; netmap init does not overwrite it"), again.error)
        let badCountry = try runNetmap(["init", folder.path, "--county", "X", "--country", "norway"])
        XCTAssertEqual(badCountry.status, 64)
    }
}
