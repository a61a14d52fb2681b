import Foundation
@testable import Graph
import XCTest
@testable import netmap

/// Issue 18, findings 7, 8, 9, 11 and 12: readers refuse what they cannot read faithfully, in linear time,
/// and their messages name the file and line without echoing or forging anything.
final class HostileInputTests: XCTestCase {
    func dot(_ text: String, path: String = "x.dot") -> NetworkDocument {
        DOTReader.read(Data(text.utf8), path: path)
    }

    /// Finding 7: nesting deeper than the stated limit is refused at its line, not read with nodes lost.
    func testDeepDOTNestingIsRefusedWithTheLine() throws {
        let depth = 5000
        let text = "digraph {\n" + String(repeating: "subgraph {\n", count: depth) + "a -> b\n" + String(repeating: "}\n", count: depth) + "c\n}\n"
        let document = dot(text)
        // The graph's own brace is not a subgraph: the first one too deep is subgraph maxDepth + 1, on that line + 1.
        XCTAssertEqual(document.diagnostics.map(\.description), ["x.dot:\(DOTPrescan.maxDepth + 2): error: subgraphs nested more than \(DOTPrescan.maxDepth) deep; netmap reads DOT nested at most \(DOTPrescan.maxDepth) levels"])
        let allowed = dot("digraph {\n" + String(repeating: "subgraph {\n", count: DOTPrescan.maxDepth) + "a -> b\n" + String(repeating: "}\n", count: DOTPrescan.maxDepth) + "c\n}\n")
        XCTAssertEqual(allowed.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(Set(allowed.nodes.map(\.id)), ["a", "b", "c"])
        XCTAssertFalse(dot("digraph { a [label=\"{{{{\"] /* { */ }").diagnostics.contains { $0.severity == .error }, "braces in strings and comments do not count")
    }

    /// Finding 8: long strings, HTML-like strings and names reach libcgraph as short placeholders (its lexer is
    /// quadratic in a token's length) and come back exactly, joined by `+` as DOT joins them.
    func testLongDOTTokensAreReadByNetmapAndComeBackExactly() throws {
        let long = String(repeating: "æ\\\"x", count: 100_000)
        let name = String(repeating: "n", count: 50_000)
        let html = "<B>" + String(repeating: "h", count: 10_000) + "</B>"
        let text = "digraph {\n x [label=\"\(long)\" + \"tail\", note=<\(html)>];\n \(name) -> x\n y [label=\"a\\\nb\"]\n}\n"
        let scan = try DOTPrescan.scan(Data(text.utf8), path: "x.dot").get()
        let longest = String(decoding: scan.text, as: UTF8.self).split(whereSeparator: { " \n\"<>".contains($0) }).map(\.utf8.count).max() ?? 0
        XCTAssertLessThanOrEqual(longest, DOTPrescan.longToken)
        let document = dot(text)
        XCTAssertEqual(document.diagnostics.filter { $0.severity == .error }, [])
        let x = try XCTUnwrap(document.nodes.first { $0.id == "x" })
        XCTAssertEqual(x.label, String(repeating: "æ\"x", count: 100_000) + "tail")
        XCTAssertEqual(x.attributes["note"], html)
        XCTAssertEqual(document.edges.first?.from, name)
        XCTAssertEqual(document.nodes.first { $0.id == "y" }?.label, "ab", "a backslash-newline inside a string is removed, as Graphviz does")
    }

    /// Finding 8: strings joined by `+` are joined by netmap into one placeholder (libcgraph copies the whole
    /// value at each `+`: 200,000 pieces took 8 s), and the value and line numbers stay those of the file.
    func testJoinedDOTStringsAreReadInLinearTime() throws {
        let pieces = 20_000
        let text = "digraph {\n a [label=\"x\"" + String(repeating: " +\n \"yy\"", count: pieces) + "];\n a -> b\n c -> -> d\n}\n"
        let scan = try DOTPrescan.scan(Data(text.utf8), path: "x.dot").get()
        XCTAssertLessThan(scan.text.filter { $0 != UInt8(ascii: "\n") }.count, 200, "the joined strings reach libcgraph as one placeholder (and their line breaks)")
        let document = dot(text)
        XCTAssertEqual(document.diagnostics.first { $0.severity == .error }?.location?.line, pieces + 4, "line numbers after the joined strings")
        let fine = dot("digraph {\n a [label=\"x\"" + String(repeating: " + \"yy\"", count: 200) + " + \"\\\"end\"];\n a -> b\n}\n")
        XCTAssertEqual(fine.nodes.first { $0.id == "a" }?.label, "x" + String(repeating: "yy", count: 200) + "\"end")
        XCTAssertEqual(dot("digraph { a [label=\"p\" + \"q\"] }").nodes.first?.label, "pq", "short joins are left to libcgraph")
    }

    /// A DOT syntax error names its line even when another DOT text was read before in the same process.
    func testDOTErrorLineIsRightAfterAnotherRead() {
        _ = dot("digraph {\n a -> b\n}\n")
        XCTAssertEqual(dot("digraph {\n  a -> b\n  c -> -> d\n}\n").diagnostics.first?.location?.line, 3)
        XCTAssertEqual(dot("digraph {\n  a -> b\n  c\u{0} -> d\n}\n").diagnostics.map(\.description), ["x.dot:3: error: file contains binary data (a NUL byte on this line), not DOT text"])
    }

    /// Finding 9: positions outside ±100,000 pt are refused naming the file and node, before any layout.
    func testPositionsAreBounded() throws {
        let folder = try scratchFolder()
        for value in ["1e9", "-9.2e18", "9223372036854775808"] {
            let path = try write("{\"units\": \"pt\", \"nodes\": {\"a\": [\(value), 0]}}", to: "p.json", in: folder)
            XCTAssertThrowsError(try PositionsFile.read(path)) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(path):1: error: node 'a': coordinate"), "\(error)")
                XCTAssertTrue("\(error)".contains("outside ±100000 pt"), "\(error)")
            }
        }
        let fine = try write("{\"units\": \"pt\", \"nodes\": {\"a\": [99999.5, -3]}}", to: "q.json", in: folder)
        XCTAssertEqual(try PositionsFile.read(fine)["a"]?.x, 99999.5)
    }

    /// Finding 9 and 12: a positions file's JSON errors and refused values name their line.
    func testPositionsErrorsNameTheLine() throws {
        let folder = try scratchFolder()
        let broken = try write("{\"units\": \"pt\",\n\"nodes\": {\n\"a\": [1, 2],,\n}}", to: "broken.json", in: folder)
        XCTAssertThrowsError(try PositionsFile.read(broken)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(broken):3: error: not valid JSON"), "\(error)")
            XCTAssertFalse("\(error)".contains("character"), "\(error)")
        }
        let far = try write("{\n  \"nodes\" : {\n    \"a\" : [\n      0,\n      0\n    ],\n    \"b\" : [\n      1e9,\n      0\n    ]\n  },\n  \"units\" : \"pt\"\n}\n", to: "far.json", in: folder)
        XCTAssertThrowsError(try PositionsFile.read(far)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(far):7: error: node 'b': coordinate"), "\(error)")
        }
    }

    /// Finding 11: a duplicate YAML key is reported at its own line with a short excerpt, however big the mapping.
    func testYAMLDuplicateKeyAtItsLineWithABoundedMessage() {
        let block = YAMLFormat.read(Data("nodes:\n  - id: a\n    kind: node\n    label: x\n    kind: county\n".utf8), path: "d.yaml")
        XCTAssertEqual(block.diagnostics.map(\.description), ["d.yaml:5: error: duplicate key 'kind' in one mapping (first at line 3): kind: county"])
        let flow = YAMLFormat.read(Data("nodes:\n  - {id: a, kind: node, id: b}\n".utf8), path: "f.yaml")
        XCTAssertEqual(flow.diagnostics.first?.location?.line, 2)
        let huge = "nodes:\n  - id: a\n    label: " + String(repeating: "x", count: 1_000_000) + "\n    kind: node\n    id: b\n"
        let big = YAMLFormat.read(Data(huge.utf8), path: "h.yaml")
        XCTAssertEqual(big.diagnostics.first?.location?.line, 5)
        XCTAssertLessThan(big.diagnostics.map(\.description).joined().count, 400)
    }

    /// Finding 12: file names, long values and terminal escapes in messages; JSON errors by line; a link loop
    /// said in words; entities judged on the parsed DOCTYPE; "nothing to draw" names the file.
    func testMessagesAreSafeAndSayWhatHappened() throws {
        XCTAssertEqual(SourceLocation(file: "a\nb.yaml:1: error: forged", line: 2).description, "a\\nb.yaml:1: error: forged:2")
        let long = Diagnostic.error("value " + String(repeating: "v", count: 1_000_000), at: SourceLocation(file: "f", line: 1))
        XCTAssertLessThan(long.description.count, Diagnostic.maxMessageLength + 100)
        XCTAssertEqual(TerminalText.inert("a\u{1B}]0;title\u{07}b\nc"), "a\u{FFFD}]0;title\u{FFFD}b\nc")

        let folder = try scratchFolder()
        let hostile = try write("nodes:\n  - {id: a, label: \"\\e[31mred\\e[0m\", kind: node}\nedges: []\n", to: "esc.yaml", in: folder)
        let run = try runNetmap(["centrality", hostile, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("\u{1B}[31m"), "piped data formats keep the data as it is")
        XCTAssertFalse(run.error.contains("\u{1B}"))
        let table = try runNetmap(["centrality", hostile])
        XCTAssertTrue(table.output.contains("\\u{1B}[31mred"), "a table shows the escape, piped or not: \(table.output)")

        let json = try write("{\"nodes\": [\n{\"id\": \"a\"},\n x]}", to: "bad.json", in: folder)
        let jsonRun = try runNetmap(["validate", json])
        XCTAssertTrue(jsonRun.error.contains("\(json):3: error: not valid JSON"), jsonRun.error)
        XCTAssertFalse(jsonRun.error.contains("character"), jsonRun.error)

        let loop = folder.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop2.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop2.yaml").path, withDestinationPath: "loop.yaml")
        let loopRun = try runNetmap(["validate", loop])
        XCTAssertTrue(loopRun.error.contains("\(loop): error: is a symbolic link loop"), loopRun.error)

        let empty = try write("nodes: []\n", to: "empty.yaml", in: folder)
        let emptyRun = try runNetmap(["render", empty, "-o", folder.appendingPathComponent("e.svg").path])
        XCTAssertEqual(emptyRun.status, 1)
        XCTAssertTrue(emptyRun.error.contains("\(empty): error: nothing to draw"), emptyRun.error)
    }

    /// Finding 12: a line break in a path or value quoted inside a message is shown as `\n`, so no message can
    /// start a forged `file:1: error:` line, and a label cannot add a row to a table on standard output.
    func testMessagesAndTablesCannotBeForged() throws {
        let forged = "x.yaml:1: error: forged"
        XCTAssertEqual(GraphError.file(path: "out", reason: "folder 'a\n\(forged)' does not exist").description,
                       "out: error: folder 'a\\n\(forged)' does not exist")
        XCTAssertEqual(Diagnostic.error("value 'a\n\(forged)'", at: SourceLocation(file: "f", line: 1)).description,
                       "f:1: error: value 'a\\n\(forged)'")
        let folder = try scratchFolder()
        let missing = folder.appendingPathComponent("missing\n\(forged)").path
        let run = try runNetmap(["export", packageRoot.appendingPathComponent("data/shared.yaml").path, "-o", missing + "/x.json"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.error.split(separator: "\n").count, 1, run.error)

        let label = "Evil\u{1B}[31m\nfake-row  99.0"
        let nodes = [["id": "a", "label": label, "kind": "county"], ["id": "b", "label": "B", "kind": "county"], ["id": "c", "label": "C", "kind": "county"]]
        let edges = [["source": "a", "target": "b", "relation": "partner_of"], ["source": "b", "target": "c", "relation": "partner_of"]]
        let network = try JSONSerialization.data(withJSONObject: ["directed": false, "multigraph": false, "graph": [:], "nodes": nodes, "edges": edges])
        let path = folder.appendingPathComponent("labels.json").path
        try network.write(to: URL(fileURLWithPath: path))
        for arguments in [["centrality", path], ["find", "evil", path], ["path", path, "a", "c"], ["ego", path, "a"], ["compare", path, "a", "c"],
                          ["communities", path], ["brokers", path], ["consortium", path, "--programme", "horizon-europe", "--lead", "a"]] {
            let table = try runNetmap(arguments)
            XCTAssertEqual(table.status, 0, "\(arguments): \(table.error)")
            XCTAssertFalse(table.output.contains("\nfake-row"), "\(arguments): \(table.output)")
            XCTAssertTrue(table.output.contains("Evil\\u{1B}[31m\\nfake-row"), "\(arguments): \(table.output)")
        }
    }

    /// Finding 12: a file that cannot be read says why in words, whichever reader meets it.
    func testUnreadableFilesSayWhy() throws {
        let folder = try scratchFolder()
        let loop = folder.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop2.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop2.yaml").path, withDestinationPath: "loop.yaml")
        let shared = packageRoot.appendingPathComponent("data/shared.yaml").path
        let svg = folder.appendingPathComponent("x.svg").path
        let cases: [([String], String)] = [
            (["validate", folder.path], "\(loop): error: cannot read file: is a symbolic link loop"),
            (["render", shared, "-o", svg, "--theme", loop], "\(loop): error: cannot read the theme file: is a symbolic link loop"),
            (["render", shared, "-o", svg, "--keep-layout", loop], "\(loop): error: cannot read the positions file: is a symbolic link loop"),
            (["import", "cordis", "--organizations", loop, "-o", folder.appendingPathComponent("o.json").path], "\(loop): error: cannot read: is a symbolic link loop"),
        ]
        for (arguments, message) in cases {
            let run = try runNetmap(arguments)
            XCTAssertEqual(run.status, 1, "\(arguments)")
            XCTAssertTrue(run.error.contains(message), "\(arguments): \(run.error)")
        }
        let empty = try write("nodes: []\n", to: "empty.yaml", in: folder)
        let report = try runNetmap(["report", empty, "-o", folder.appendingPathComponent("r.html").path])
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.error.contains("\(empty): error: nothing to draw: the input has no nodes"), report.error)
        XCTAssertEqual(XMLTree.parse(Data("<a/>".utf8).withBOM32, path: "u.gexf").failureDescription, "u.gexf:1: error: file is UTF-32; save it as UTF-8")
    }

    /// Finding 12: `<!ENTITY` is refused when the DOCTYPE declares one, not when a comment mentions it, and a
    /// document in an encoding that hides ASCII (EBCDIC) is refused.
    func testEntitiesAreJudgedOnTheParsedDoctype() {
        let graphml = "<graph id=\"g\" edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>"
        let open = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        let comment = "<?xml version=\"1.0\"?>\n<!-- no <!ENTITY here -->\n" + open + graphml
        XCTAssertEqual(XMLDoctype.check(Data(comment.utf8)), nil)
        if case .failure(let diagnostic) = XMLTree.parse(Data(comment.utf8), path: "c.graphml") { XCTFail("\(diagnostic)") }
        let declared = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!-- <!ENTITY in a comment> -->\n<!ELEMENT graphml ANY>\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n" + open + graphml
        XCTAssertEqual(XMLDoctype.check(Data(declared.utf8)), .entityDeclaration(line: 5))
        let ebcdic = Data([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40])
        XCTAssertEqual(XMLDoctype.check(ebcdic), .unsupportedEncoding("EBCDIC"))
        XCTAssertEqual(XMLDoctype.check(Data("<?xml version=\"1.0\" encoding=\"IBM037\"?><a/>".utf8)), .unsupportedEncoding("IBM037"))
        XCTAssertEqual(XMLDoctype.check(Data("<?xml version='1.0' encoding='utf-7'?><a/>".utf8)), .unsupportedEncoding("utf-7"))
        XCTAssertEqual(XMLDoctype.check(Data("<?xml version='1.0' encoding='ISO-8859-1'?><a/>".utf8)), nil)
    }
}

private extension Data {
    /// The text as UTF-32 (little-endian) with its byte order mark.
    var withBOM32: Data {
        var result = Data([0xFF, 0xFE, 0x00, 0x00])
        for scalar in String(decoding: self, as: UTF8.self).unicodeScalars {
            Swift.withUnsafeBytes(of: scalar.value.littleEndian) { result.append(contentsOf: $0) }
        }
        return result
    }
}

private extension Result where Failure == Diagnostic {
    var failureDescription: String? {
        if case .failure(let diagnostic) = self { return diagnostic.description }
        return nil
    }
}
