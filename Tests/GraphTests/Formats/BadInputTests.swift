import Foundation
import XCTest
@testable import Graph

/// Bad GraphML, GEXF, Pajek and GML give a clear error with the line; hostile XML is refused.
final class BadInputTests: XCTestCase {
    func messages(_ format: FileFormat, _ text: String) -> [String] {
        format.read(Data(text.utf8), path: "bad").diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    func format(_ format: FileFormat, _ data: Data) -> [String] {
        format.read(data, path: "bad").diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    let header = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

    func testMalformedXMLNamesTheLine() {
        XCTAssertEqual(messages(.graphml, header + "<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n"),
                       ["bad:5: error: malformed XML: start and end tags do not match: </graph> closes <node> (line 4)"])
        XCTAssertEqual(messages(.gexf, ""), ["bad:1: error: malformed XML: the document is empty"])
        XCTAssertEqual(messages(.graphml, "<?xml version=\"1.0\"?>\n<gexf/>\n"), ["bad:2: error: not GraphML: the root element is <gexf>, expected <graphml>"])
        XCTAssertEqual(messages(.gexf, header + "</graphml>\n"), ["bad:2: error: not GEXF: the root element is <graphml>, expected <gexf>"])
        XCTAssertEqual(messages(.graphml, "PK\u{3}\u{4}zipped"), ["bad:1: error: malformed XML: no XML element where the text starts (is it an XML file?)"])
        XCTAssertEqual(format(.gexf, Data([0x3C, 0x0A, 0x0A, 0x00, 0x01])), ["bad:3: error: not XML: the file holds binary data (a NUL byte on this line); is it the right file?"])
    }

    func testUndeclaredKeyDuplicateIDAndWrongType() {
        let text = header + """
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <graph edgedefault="directed">
        <node id="a"><data key="nope">x</data></node>
        <node id="a"/>
        <node id="b"/>
        <edge source="a" target="b"><data key="w">abc</data></edge>
        </graph></graphml>
        """
        XCTAssertEqual(messages(.graphml, text), [
            "bad:5: error: node 'a': key 'nope' is used but not declared (add <key id=\"nope\" .../>)",
            "bad:6: error: duplicate node id 'a' (first on line 5)",
            "bad:8: error: edge a → b: weight 'abc' is not a number (key 'w' has attr.type double)",
        ])
    }

    func testEdgeToUnknownNodeIsAnErrorWithItsLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.graphml").path
        try (header + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"ghost\"/>\n</graph></graphml>\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(NetworkLoader.load([path]).errors.map(\.description), ["\(path):5: error: edge a → ghost: no node with id 'ghost'"])
    }

    func testGEXFVersionWeightAndUndeclaredAttribute() {
        XCTAssertEqual(messages(.gexf, "<gexf xmlns=\"http://gexf.net/1.3\" version=\"2.0\"><graph/></gexf>"),
                       ["bad:1: error: unknown GEXF version '2.0' (netmap reads 1.1, 1.2 and 1.3)"])
        let text = """
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
        <graph defaultedgetype="directed">
        <attributes class="node"><attribute id="0" title="size" type="integer"/></attributes>
        <nodes>
        <node id="a" label="A"><attvalues><attvalue for="0" value="big"/><attvalue for="9" value="x"/></attvalues></node>
        <node id="b" label="B"/>
        </nodes>
        <edges><edge source="a" target="b" weight="abc"/></edges>
        </graph></gexf>
        """
        XCTAssertEqual(messages(.gexf, text), [
            "bad:5: error: node 'a': size 'big' is not an integer (declared type integer)",
            "bad:5: error: node 'a': attribute '9' is used but not declared under <attributes class=\"node\">",
            "bad:8: error: edge a → b: weight 'abc' is not a positive number",
        ])
    }

    func testPajekAndGMLErrors() {
        XCTAssertEqual(messages(.pajek, "*Vertices 2\n1 \"a\"\n2 \"b\n*Arcs\n1 3\n"),
                       ["bad:3: error: unclosed quote", "bad:5: error: '3' is not a vertex number between 1 and 2"])
        XCTAssertEqual(messages(.gml, "graph [\n node [ id 1 ]\n node [ id 1 ]\n edge [ source 1 target 1 weight abc ]\n]\n"),
                       ["bad:4: error: GML syntax: 'abc' is neither a number, a quoted string nor a list"])
        XCTAssertEqual(messages(.gml, "graph [\n node [ id 1 ]\n node [ id 1 ]\n]\n"), ["bad:3: error: duplicate node id '1' (first on line 2)"])
    }

    // MARK: Hostile XML

    let secret = "TOP-SECRET-\(UUID().uuidString)"

    func xxe(_ secretPath: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE graphml [ <!ENTITY xxe SYSTEM "file://\(secretPath)"> ]>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="l" for="node" attr.name="label" attr.type="string"/>
        <graph><node id="a"><data key="l">&xxe;</data></node></graph>
        </graphml>
        """
    }

    func billionLaughs() -> String {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE graphml [", "<!ENTITY lol0 \"lol\">"]
        for level in 1...10 { lines.append("<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">") }
        lines += ["]>", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"l\" for=\"node\" attr.name=\"label\"/>",
                  "<graph><node id=\"a\"><data key=\"l\">&lol10;</data></node></graph></graphml>"]
        return lines.joined(separator: "\n")
    }

    func testEntityDeclarationsAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secretPath = folder.appendingPathComponent("secret.txt").path
        try secret.write(toFile: secretPath, atomically: true, encoding: .utf8)
        let refusal = "error: the document declares XML entities (<!ENTITY ...>); network files must not (entities are refused to prevent external-entity and expansion attacks)"
        XCTAssertEqual(messages(.graphml, xxe(secretPath)), ["bad:2: \(refusal)"])
        XCTAssertEqual(messages(.graphml, billionLaughs()), ["bad:3: \(refusal)"])
        XCTAssertEqual(messages(.gexf, billionLaughs().replacingOccurrences(of: "graphml", with: "gexf")), ["bad:3: \(refusal)"])
    }

    /// Behind the refusal, the parser itself neither resolves external entities nor expands without bound.
    func testParserDefencesWithoutTheGuard() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secretPath = folder.appendingPathComponent("secret.txt").path
        try secret.write(toFile: secretPath, atomically: true, encoding: .utf8)
        switch XMLTree.parse(Data(xxe(secretPath).utf8), path: "x", guardEntities: false) {
        case .success(let root):
            func allText(_ element: MarkupElement) -> String { element.text + element.children.map(allText).joined() }
            XCTAssertFalse(allText(root).contains(secret), "external entity was resolved")
        case .failure:
            break   // refusing is fine too
        }
        switch XMLTree.parse(Data(billionLaughs().utf8), path: "x", guardEntities: false) {
        case .success(let root):
            func size(_ element: MarkupElement) -> Int { element.text.utf8.count + element.children.map(size).reduce(0, +) }
            XCTAssertLessThan(size(root), 1_000_000, "entities were expanded without bound")
        case .failure(let diagnostic):
            XCTAssertTrue(diagnostic.message.hasPrefix("malformed XML"), diagnostic.message)
        }
    }

    func testDoctypeWithoutEntitiesIsAccepted() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://graphml.graphdrawing.org/dtds/graphml.dtd\">\n" +
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"a\"/></graph></graphml>\n"
        let document = FileFormat.graphml.read(Data(text.utf8), path: "ok")
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.nodes.map(\.id), ["a"])
    }

    func testDeepNestingIsAnErrorNotAStackOverflow() {
        // 100 000 levels used to overflow the stack: GML while parsing, XML while releasing the element tree.
        let depth = 100_000
        XCTAssertEqual(messages(.gml, "graph [ " + String(repeating: "a [ ", count: depth) + String(repeating: "]", count: depth + 1)),
                       ["bad:1: error: GML syntax: lists nested more than 100 deep"])
        let xml = "<graphml>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</graphml>"
        XCTAssertEqual(messages(.graphml, xml), ["bad:1: error: malformed XML: elements nested more than 256 deep"])
        XCTAssertEqual(messages(.gexf, xml), ["bad:1: error: malformed XML: elements nested more than 256 deep"])
    }

    func testHugePajekVertexCountIsRefused() {
        // Vertices without a line of their own are still created: this used to allocate until memory ran out.
        XCTAssertEqual(messages(.pajek, "*Vertices 999999999999\n"),
                       ["bad:1: error: *Vertices 999999999999 is more vertices than netmap reads (at most 10000000)"])
    }

    func testEmptyFilesAreErrorsInEveryFormat() {
        XCTAssertEqual(messages(.pajek, " \n"), ["bad:1: error: file is empty: expected a Pajek network starting with *Vertices"])
        XCTAssertEqual(messages(.nodeLinkJSON, ""), ["bad: error: file is empty: expected node-link JSON, an object with 'nodes' and 'edges' lists"])
        XCTAssertEqual(messages(.csvEdges, ""), ["bad:1: error: file is empty: expected a header line"])
    }

    func testJSONSyntaxErrorNamesTheLine() {
        XCTAssertEqual(messages(.nodeLinkJSON, "{\"nodes\": [\n{\"id\": \"a\"},\n{\"id\": }\n]}"),
                       ["bad:3: error: not valid JSON: Invalid value."])
        XCTAssertEqual(messages(.nodeLinkJSON, "{\"nodes\": [\n{\"id\": \"a\"},\n{\"id\": \n"),
                       ["bad:3: error: not valid JSON: the text ends before the JSON is complete (a missing ']', '}' or '\"'?)"])
    }

    /// A processing instruction without data (`<?name?>`) crashed Foundation's XMLParser (NULL passed to
    /// strlen; found by `make fuzz`). It is read as any other instruction now: ignored, lines unchanged.
    func testProcessingInstructionsWithoutDataAreRead() throws {
        XCTAssertEqual(messages(.gexf, "<?f8utrs8x?>\n"), ["bad:2: error: malformed XML: extra content at the end of the document, or the document ended early"])
        let document = header + "<?pi?><graph edgedefault=\"undirected\"><?a?>\n<node id=\"a\"/>\n<node id=\"b\"><?b?></node>\n<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>\n"
        let read = FileFormat.graphml.read(Data(document.utf8), path: "pi")
        XCTAssertEqual(read.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(read.nodes.map(\.id), ["a", "b"])
        // CDATA and comments are text: a `<?x?>` in them is kept exactly as written.
        guard case .success(let root) = XMLTree.parse(Data("<r><!-- <?x?> --><t><![CDATA[<?x?>]]></t></r>".utf8), path: "x") else {
            return XCTFail("not parsed")
        }
        XCTAssertEqual(root.child("t")?.text, "<?x?>")
        XCTAssertEqual(XMLProcessingInstructions.paddingEmpty(Data("<a><?p?><?q d?><?r?></a>".utf8)), Data("<a><?p ?><?q d?><?r ?></a>".utf8))
    }
}
