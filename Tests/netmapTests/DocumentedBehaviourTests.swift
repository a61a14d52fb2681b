import Foundation
import XCTest

/// The mismatches between the docs and the program that issue 19 found by running every documented command,
/// one test each (numbered as in the issue), so they cannot come back.
final class DocumentedBehaviourTests: XCTestCase {
    func document(_ path: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// 1. Drawing a programme rules file names the file and says what it holds.
    func testRenderingProgrammeRulesSaysTheFileHoldsNoNetwork() throws {
        let out = try scratchFolder()
        let result = try runNetmap(["render", "data/programmes.yaml", "-o", out.appendingPathComponent("p.svg").path], in: packageRoot)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "data/programmes.yaml: error: nothing to draw: this file holds programme rules (read by netmap consortium), no network\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("p.svg").path))
    }

    /// 5. docs/diagrams.md quotes the error an unknown --layout gives.
    func testUnknownLayoutErrorIsTheOneDiagramsQuotes() throws {
        let out = try scratchFolder()
        let result = try runNetmap(["render", "data", "--layout", "x", "-o", out.appendingPathComponent("x.svg").path], in: packageRoot)
        XCTAssertEqual(result.status, 64)
        let message = "Error: unknown layout 'x'; choose one of dot, neato, fdp, sfdp, circo, twopi"
        XCTAssertTrue(result.error.hasPrefix(message), result.error)
        let quoted = try document("docs/diagrams.md").replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(quoted.contains("(`\(message)`"), "docs/diagrams.md no longer quotes: \(message)")
    }

    /// 6. The guide reads Telemark's first hop to Kaunas the way the arrow points: Vestfold og Telemark was
    /// succeeded by Telemark, so it is Telemark's predecessor.
    func testGuideReadsTheSuccessionHopTheWayItPoints() throws {
        let result = try runNetmap(["path", "data", "telemark fylkeskommune", "kaunas"], in: packageRoot)
        XCTAssertTrue(result.output.contains("  Telemark fylkeskommune ←succeeded_by— Vestfold og Telemark fylkeskommune"), result.output)
        let guide = try document("docs/guide.md")
        XCTAssertTrue(guide.contains("Telemark reaches Kaunas through its predecessor"))
        XCTAssertFalse(guide.contains("through its successor"))
    }

    /// 7. Every file a runnable guide or README command reads exists from the package root.
    func testDocumentedCommandsReadFilesThatExist() throws {
        for name in ["README.md", "docs/guide.md"] {
            for command in DocExamples.commands(in: try document(name)) {
                let words = command.command.split(separator: " ").map(String.init)
                for (option, value) in zip(words, words.dropFirst())
                where ["--projects", "--organizations", "--programmes", "--theme-file", "--keep-layout"].contains(option) {
                    XCTAssertTrue(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(value).path),
                                  "\(name):\(command.line): \(value) does not exist")
                }
            }
        }
    }

    /// Outputs in the guide go to `out/`, so copying a command never overwrites a committed file.
    func testDocumentedCommandsWriteOnlyIntoOut() throws {
        for name in ["README.md", "docs/guide.md", "docs/glossary.md", "docs/install.md"] {
            for command in DocExamples.commands(in: try document(name)) {
                let words = command.command.split(separator: " ").map(String.init)
                for (option, value) in zip(words, words.dropFirst()) where ["-o", "--output", "--render"].contains(option) {
                    XCTAssertTrue(value.hasPrefix("out/") || value == "/dev/null", "\(name):\(command.line): writes \(value), not into out/")
                }
            }
        }
    }

    /// The glossary is linked from the help of every command whose output uses its words, and from `netmap help`.
    func testHelpLinksTheGlossary() throws {
        for command in ["", "find", "stats", "centrality", "brokers", "communities", "path", "ego", "project", "compare", "consortium"] {
            let help = try runNetmap(command.isEmpty ? ["help"] : ["help", command], in: packageRoot).output
            XCTAssertTrue(help.replacingOccurrences(of: "\n", with: " ").contains("docs/glossary.md"), "netmap help \(command)")
        }
    }

    /// 8. A missing TO (the INPUT taken for FROM) is a usage error, exit status 64, as the guide documents.
    func testMissingNodeNameIsAUsageError() throws {
        for arguments in [["path", "data", "midsec"], ["ego", "data"], ["compare", "data", "midsec"]] {
            let result = try runNetmap(arguments, in: packageRoot)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.error.contains("'data' is a file or folder, not a node"), result.error)
        }
        XCTAssertTrue(try document("docs/guide.md").contains("64 for a malformed command line"))
    }

    /// 9. `--format` of stats, ego, path and compare offers only what they accept.
    func testFormatHelpListsOnlyAcceptedFormats() throws {
        for command in ["stats", "ego", "path", "compare"] {
            let help = try runNetmap(["help", command], in: packageRoot).output
            XCTAssertTrue(help.contains("(values: table, json;"), "\(command): \(help)")
            let refused = try runNetmap([command, "--format", "csv"], in: packageRoot)
            XCTAssertEqual(refused.status, 64, command)
        }
    }

    /// 10. Options are documented, caps are said, counts count problems and agree in number.
    func testOptionsAreDocumented() throws {
        let analysis = try document("docs/analysis.md"), format = try document("docs/format.md"), guide = try document("docs/guide.md")
        for option in ["--sort", "--seed", "--katz-alpha", "--threads"] {
            XCTAssertTrue(analysis.contains("`\(option)"), "centrality \(option) is not in docs/analysis.md")
        }
        XCTAssertTrue(analysis.contains("Options of `netmap brokers`"))
        XCTAssertTrue(analysis.contains("`--top N` keeps the N nodes with the most\nbrokered pairs, `--weighted`"))
        XCTAssertTrue(format.contains("`netmap validate --strict`"))
        XCTAssertTrue(guide.contains("`--beam-width N`"))
    }

    func testPathSaysWhenLimitCutsTheList() throws {
        let cut = try runNetmap(["path", "data", "trondelag", "kaunas", "--all", "--max-length", "4", "--limit", "2"], in: packageRoot)
        XCTAssertEqual(cut.status, 0, cut.error)
        XCTAssertTrue(cut.output.hasSuffix("\nnote: only the first 2 paths listed; there are more (--limit N lists more)\n"), cut.output)
        let whole = try runNetmap(["path", "data", "telemark fylkeskommune", "kaunas", "--limit", "1"], in: packageRoot)
        XCTAssertFalse(whole.output.contains("note:"), whole.output)
    }

    func testValidateCountsEveryWarning() throws {
        // 53 isolated nodes: the first ones listed, the rest summarised; the total counts all 53.
        let file = try scratchFolder().appendingPathComponent("isolated.yaml")
        try ("nodes:\n" + (1...53).map { "  - {id: n\($0), label: N\($0), kind: region}\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        let result = try runNetmap(["validate", file.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.hasPrefix("ok: 53 nodes, 0 edges, 0 sources; 53 warnings"), result.output)
        let strict = try runNetmap(["validate", file.path, "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.error.contains("0 errors, 53 warnings"), strict.error)
    }

    func testOneTieIsSingular() throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("pair.yaml")
        try """
        sources: {s: {title: Plan}}
        nodes:
          - {id: a, label: A, kind: county}
          - {id: b, label: B, kind: region}
        edges:
          - {from: a, to: b, relation: partner_of, cite: s}
        """.write(to: file, atomically: true, encoding: .utf8)
        let ego = try runNetmap(["ego", file.path, "a", "--radius", "1"])
        XCTAssertTrue(ego.output.hasPrefix("A (county): ego network of radius 1, 2 nodes, 1 tie\n"), ego.output)
        let communities = try runNetmap(["communities", file.path])
        XCTAssertTrue(communities.output.contains("(1 tie)"), communities.output)
        let validate = try runNetmap(["validate", file.path])
        XCTAssertEqual(validate.output, "ok: 2 nodes, 1 edge, 1 source; 0 warnings\n")
        let consortium = try runNetmap(["consortium", "data", "--programme", "interreg-se-no", "--lead", "trondelag-fk",
                                        "--max-hops", "1", "--top", "1"], in: packageRoot)
        XCTAssertTrue(consortium.output.contains("note: 13 actors within 1 tie left out: no `country` recorded\n"), consortium.output)
        XCTAssertFalse(consortium.output.contains("1 ties"), consortium.output)
    }
}
