import Foundation
import XCTest
@testable import Graph

/// The streaming GraphML reader (`XMLTokenizer` + `GraphMLStructure`) against the reader it replaced (libxml2
/// through `XMLTree`, kept as `LegacyGraphMLReader`): the same document — nodes, ties, attributes, lines,
/// declarations, diagnostics — on every GraphML file of the fixtures, on netmap's export of every fixture and
/// of data/, and on files written as yEd, Gephi and igraph write them, read in blocks of every size.
final class GraphMLReaderTests: XCTestCase {
    let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    func legacy(_ data: Data, path: String) -> NetworkDocument {
        var document = LegacyGraphMLReader.read(data, path: path)
        document.checkNodeIDs(slugs: FileFormat.graphml.requiresSlugIDs)
        document.openVocabulary()
        document.diagnostics = NetworkLoader.sorted(document.diagnostics)
        return document
    }

    func streaming(_ data: Data, path: String, blockSize: Int) -> NetworkDocument {
        var document = GraphMLFormat.read(data, path: path, blockSize: blockSize)
        document.checkNodeIDs(slugs: FileFormat.graphml.requiresSlugIDs)
        document.openVocabulary()
        document.diagnostics = NetworkLoader.sorted(document.diagnostics)
        return document
    }

    func assertSameAsLegacy(_ data: Data, _ name: String, blockSizes: [Int] = [1 << 20, 16, 61], file: StaticString = #filePath, line: UInt = #line) {
        let expected = legacy(data, path: name)
        for blockSize in blockSizes {
            let actual = streaming(data, path: name, blockSize: blockSize)
            let context = "\(name), blocks of \(blockSize)"
            XCTAssertEqual(actual.diagnostics.map(\.description), expected.diagnostics.map(\.description), context, file: file, line: line)
            XCTAssertEqual(actual.name, expected.name, context, file: file, line: line)
            XCTAssertEqual(actual.sources, expected.sources, context, file: file, line: line)
            XCTAssertEqual(actual.kinds, expected.kinds, context, file: file, line: line)
            XCTAssertEqual(actual.relations, expected.relations, context, file: file, line: line)
            XCTAssertEqual(actual.nodes, expected.nodes, context, file: file, line: line)
            XCTAssertEqual(actual.edges, expected.edges, context, file: file, line: line)
            XCTAssertEqual(actual.undirectedEdges, expected.undirectedEdges, context, file: file, line: line)
        }
    }

    func testFixturesReadAsBefore() throws {
        for path in ["formats/karate.graphml", "formats/miserables.graphml", "fuzz/graphml/empty-processing-instruction.graphml",
                     "fuzz/graphml/utf-7-declaration.graphml"] {
            assertSameAsLegacy(try Data(contentsOf: fixtures.appendingPathComponent(path)), path)
        }
        assertSameAsLegacy(try Data(contentsOf: packageRoot.appendingPathComponent("Fuzz/corpus/graphml/karate.graphml")), "corpus karate")
    }

    /// netmap's own export (typed keys, JSON declarations in the graph's data, citations, years, tags) of
    /// every fixture network and of the bundled data.
    func testExportsReadAsBefore() throws {
        for name in ["karate", "lesmis", "directed", "davis", "florentine", "relations/karate", "relations/lesmis"] {
            let network = try NetworkLoader.loadValid([fixtures.appendingPathComponent(name).path]).network
            assertSameAsLegacy(Data(GraphMLFormat.write(network).utf8), "\(name).graphml")
        }
        let bundled = try NetworkLoader.loadValid([packageRoot.appendingPathComponent("data").path]).network
        assertSameAsLegacy(Data(GraphMLFormat.write(bundled).utf8), "data.graphml", blockSizes: [1 << 20, 97])
    }

    static let yEd = """
    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
      <!--Created by yEd 3.23.2-->
      <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
      <key for="port" id="d1" yfiles.type="portgraphics"/>
      <key attr.name="url" attr.type="string" for="node" id="d3"/>
      <key attr.name="description" attr.type="string" for="node" id="d4"/>
      <key for="node" id="d5" yfiles.type="nodegraphics"/>
      <key for="graphml" id="d6" yfiles.type="resources"/>
      <key for="edge" id="d9" yfiles.type="edgegraphics"/>
      <graph edgedefault="directed" id="G">
        <data key="d0" xml:space="preserve"/>
        <node id="n0">
          <data key="d4" xml:space="preserve"><![CDATA[Trøndelag & <friends>]]></data>
          <data key="d5">
            <y:ShapeNode>
              <y:Geometry height="30.0" width="30.0" x="10.0" y="20.0"/>
              <y:NodeLabel alignment="center" autoSizePolicy="content">County</y:NodeLabel>
            </y:ShapeNode>
          </data>
        </node>
        <node id="n1"><data key="d3">https://example.org/?a=1&amp;b=2</data></node>
        <edge id="e0" source="n0" target="n1">
          <data key="d9"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>
        </edge>
      </graph>
      <data key="d6"><y:Resources/></data>
    </graphml>
    """

    static let gephi = """
    <?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    <key attr.name="label" attr.type="string" for="node" id="label"/>
    <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
    <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
    <key attr.name="r" attr.type="int" for="node" id="r"/>
    <key attr.name="x" attr.type="float" for="node" id="x"/>
    <key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
    <graph edgedefault="undirected">
    <node id="0">
    <data key="label">Myriel</data>
    <data key="r">245</data>
    <data key="x">-418.08344</data>
    <data key="modularity_class"> 1 </data>
    </node>
    <node id="1">
    <data key="label">Napoleon</data>
    </node>
    <edge id="0" source="1" target="0">
    <data key="weight">1.0</data>
    </edge>
    <edge id="1" source="0" target="1" directed="true"><data key="weight">2.5E0</data><data key="edgelabel">x</data></edge>
    </graph>
    </graphml>
    """

    /// What the reader must handle as libxml2 did: defaults, keys for all, keys after the graph, several graphs,
    /// nested graphs, hyperedges, comments, processing instructions, a DOCTYPE, CRLF, references, white space in
    /// attribute values, tags over several lines, a byte order mark, and the errors of keys and values.
    static let variants: [String: String] = [
        "yed": yEd,
        "gephi": gephi,
        "igraph": """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns
                 http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
        <!-- Created by igraph -->
          <key id="v_name" for="node" attr.name="name" attr.type="string"/>
          <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
          <graph id="G" edgedefault="undirected">
            <node id="n0">
              <data key="v_name">a</data>
            </node>
            <node id="n1">
              <data key="v_name">b</data>
            </node>
            <edge source="n0" target="n1">
              <data key="e_weight">3</data>
            </edge>
          </graph>
        </graphml>
        """,
        "defaults": """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="k" for="node" attr.name="kind"><default> organisation </default><default>second</default></key>
        <key id="w" for="edge" attr.name="weight" attr.type="double"><default>2</default></key>
        <key id="a" for="all" attr.name="note"><default>n</default></key>
        <key id="r" for="edge" attr.name="relation"/>
        <graph edgedefault="directed"><node id="a"/><node id="b"><data key="k">county</data><data key="a">x</data></node>
        <edge source="a" target="b"><data key="r">funds</data></edge><edge source="b" target="a" directed="false"/></graph></graphml>
        """,
        "late-key": """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <graph><node id="a"><data key="l">A</data></node><node id="b"/><edge source="a" target="b"/></graph>
        <key id="l" for="node" attr.name="label"/>
        </graphml>
        """,
        "graphs": """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"><graph id="inner"><node id="x"/></graph></node>
        <node id="b"/><hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge><edge source="a" target="b"/></graph>
        <graph><node id="c"/></graph></graphml>
        """,
        "markup": "\u{FEFF}<?xml version='1.0' encoding='utf-8'?>\r\n<!DOCTYPE graphml SYSTEM \"graphml.dtd\">\r\n<?stylesheet href=\"x\"?>\r\n"
            + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:p=\"urn:p\">\r\n<key id=\"l\" for=\"node\" attr.name=\"label\"/>\r\n"
            + "<graph edgedefault=\"undirected\"><?pi?><!-- a comment with <node id=\"fake\"/> -->\r\n<node\r\n id=\"a&#9;b\"\r\n p:x=\"1\"><data key=\"l\">line one\r\nline two &#xE5;&#229; &lt;&gt;&amp;&apos;&quot;</data></node>\r\n"
            + "<node id=\"tab\tnew\nline\"/><node id=\"c\"><data key=\"l\">  </data></node><node id=\"d\"><data key=\"l\"><![CDATA[]]]]><![CDATA[>]]></data></node></graph>\r\n</graphml>\r\n",
        "errors": """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key for="node" attr.name="nameless"/>
        <key id="t" for="node" attr.name="size" attr.type="vector"/>
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <key id="w" for="edge" attr.name="weight2"/>
        <key id="b" for="node" attr.name="flag" attr.type="boolean"/>
        <key id="i" for="node" attr.name="count" attr.type="int"/>
        <graph>
        <node/><node id=""/><node id="a"><data>x</data><data key="w">1</data><data key="b">maybe</data><data key="i">1.5</data></node>
        <node id="b"><data key="b">TRUE</data><data key="i"> 7 </data></node><node id="a"/>
        <edge source="a"/><edge source="a" target="b" directed="yes"/><edge source="a" target="b"><data key="w">-1</data></edge>
        <edge source="a" target="b"><data key="w">inf</data></edge><edge source="a" target="ghost"/>
        </graph></graphml>
        """,
        "no-graph": "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"a\"/></graphml>",
        "other-root": "<?xml version=\"1.0\"?>\n<gexf>\n<graph/></gexf>\n",
        "declarations": """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="graph" attr.name="kinds"/><key id="n" for="graph" attr.name="name"/>
        <graph><data key="k">not json</data><data key="n">Named</data><node id="a"/></graph></graphml>
        """,
    ]

    func testFilesFromOtherToolsReadAsBefore() {
        for (name, text) in Self.variants.sorted(by: { $0.key < $1.key }) {
            assertSameAsLegacy(Data(text.utf8), "\(name).graphml", blockSizes: [1 << 20, 16, 23, 64])
        }
        // A declared ISO 8859-1 document is transcoded, as libxml2 did.
        var latin1 = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph><node id=\"a\"><data key=\"l\">Tr".utf8)
        latin1.append(contentsOf: [0xF8, 0x6E, 0x64, 0x65, 0x6C, 0x61, 0x67])
        latin1.append(contentsOf: Array("</data></node></graph></graphml>\n".utf8))
        assertSameAsLegacy(latin1, "latin1.graphml")
        XCTAssertEqual(GraphMLFormat.read(latin1, path: "l").nodes.first?.label, "Trøndelag")
        // ISO 8859-7 (Greek) and Windows-1251 (Cyrillic), through CoreFoundation's tables.
        for (name, bytes, label) in [("ISO-8859-7", [0xE1, 0xE2] as [UInt8], "αβ"), ("windows-1251", [0xE0, 0xE1], "аб")] {
            var text = Data("<?xml version=\"1.0\" encoding=\"\(name)\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph><node id=\"a\"><data key=\"l\">".utf8)
            text.append(contentsOf: bytes)
            text.append(contentsOf: Array("</data></node></graph></graphml>\n".utf8))
            assertSameAsLegacy(text, "\(name).graphml")
            XCTAssertEqual(GraphMLFormat.read(text, path: "g").nodes.first?.label, label, name)
        }
    }

    /// Malformed documents are refused as a whole (one error, nothing half-read) wherever libxml2 refused them.
    func testMalformedDocumentsAreRefusedLikeLibxml2() {
        let open = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph>"
        let malformed = [
            open + "<node id=\"a\"></graph></graphml>",                        // mismatched
            open + "<node id=\"a\"/>",                                          // unterminated
            open + "<node id=\"a\" id=\"b\"/></graph></graphml>",               // duplicate attribute
            open + "<node id=a/></graph></graphml>",                            // unquoted
            open + "<node id=\"<\"/></graph></graphml>",                        // '<' in a value
            open + "<node id=\"a\"/>&#0;</graph></graphml>",                    // NUL reference
            open + "<node id=\"&#x1;\"/></graph></graphml>",                    // control character reference
            open + "<node id=\"&#xD800;\"/></graph></graphml>",                 // surrogate reference
            open + "<node id=\"a\"/>&nbsp;</graph></graphml>",                  // undeclared entity
            open + "<node id=\"a\"/>& b</graph></graphml>",                     // bare '&'
            open + "<x:node id=\"a\"/></graph></graphml>",                      // undeclared prefix
            open + "<node id=\"a\"/>]]></graph></graphml>",                     // ']]>' in text
            open + "<!-- a -- b --></graph></graphml>",                         // '--' in a comment
            open + "<?xml version=\"1.0\"?></graph></graphml>",                 // declaration not first
            open + "</graph></graphml><graphml/>",                              // two roots
            open + "</graph></graphml>trailing",                                // text after the root
            open + "<node id=\"a\"\u{1}/></graph></graphml>",                   // control character
            open + "<node id=\"a\"b=\"c\"/></graph></graphml>",                 // attributes not separated
            open + "<node id=\"a\" b/></graph></graphml>",                      // attribute without value
            "<?xml version=\"1.0\" bogus=\"x\"?>" + open + "</graph></graphml>",  // bad declaration
            "text" + open + "</graph></graphml>",                               // text before the root
            "<!-- only a comment -->",
        ]
        var invalidUTF8 = Data((open + "<node id=\"").utf8)
        invalidUTF8.append(contentsOf: [0xC3, 0x28])
        invalidUTF8.append(contentsOf: Array("\"/></graph></graphml>".utf8))
        var surrogate = Data((open + "<node id=\"").utf8)
        surrogate.append(contentsOf: [0xED, 0xA0, 0x80])
        surrogate.append(contentsOf: Array("\"/></graph></graphml>".utf8))
        for data in malformed.map({ Data($0.utf8) }) + [invalidUTF8, surrogate] {
            let text = String(decoding: data, as: UTF8.self)
            let before = legacy(data, path: "m")
            XCTAssertEqual(before.diagnostics.filter { $0.severity == .error }.count, 1, "libxml2 on \(text): \(before.diagnostics)")
            for blockSize in [1 << 20, 16] {
                let after = streaming(data, path: "m", blockSize: blockSize)
                XCTAssertEqual(after.diagnostics.count, 1, "\(text): \(after.diagnostics)")
                XCTAssertTrue(after.nodes.isEmpty && after.edges.isEmpty, text)
                XCTAssertTrue(after.diagnostics.first?.message.hasPrefix("malformed XML: ") ?? false, "\(text): \(after.diagnostics)")
            }
        }
    }

    /// What the new reader says, with the line.
    func testErrorMessagesNameTheProblemAndTheLine() {
        func errors(_ text: String) -> [String] { FileFormat.graphml.read(Data(text.utf8), path: "bad").diagnostics.map(\.description) }
        let open = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph>\n"
        XCTAssertEqual(errors(open + "<node id=\"a\">\n</graph></graphml>"),
                       ["bad:4: error: malformed XML: start and end tags do not match: </graph> closes <node> (line 3)"])
        XCTAssertEqual(errors(open + "<node id=\"a\"/>\n"), ["bad:4: error: malformed XML: the document ends before <graph> (line 2) is closed"])
        XCTAssertEqual(errors(open + "<node id=\"a\" id=\"b\"/>"), ["bad:3: error: malformed XML: attribute id given twice"])
        XCTAssertEqual(errors(open + "<node id=\"&#0;\"/>"), ["bad:3: error: malformed XML: the character reference &#0; names a character XML does not allow"])
        XCTAssertEqual(errors(open + "<node id=\"a\">\n&lol;</node>"),
                       ["bad:4: error: malformed XML: undeclared entity '&lol;' (XML knows &lt; &gt; &amp; &apos; &quot; and character references)"])
        XCTAssertEqual(errors(open + "<y:node/>"), ["bad:3: error: malformed XML: namespace prefix 'y' of <y:node> is not declared"])
        XCTAssertEqual(errors("<graphml>\n<graph>\u{0}</graph></graphml>"),
                       ["bad:2: error: not XML: the file holds binary data (a NUL byte on this line); is it the right file?"])
        XCTAssertEqual(errors("<?xml version=\"1.0\" encoding=\"koi8-r\"?><graphml/>"),
                       ["bad:1: error: the document is in koi8-r, which netmap does not read; save it as UTF-8"])
        XCTAssertEqual(errors("<?xml version=\"1.0\" encoding=\"ISO-8859-99\"?><graphml/>"),
                       ["bad:1: error: the document is in iso-8859-99, which netmap's GraphML reader does not convert; save it as UTF-8"])
        // An entity declaration past the first MiB (beyond the prolog check) is refused by the tokenizer itself.
        let late = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!-- " + String(repeating: "x", count: 1 << 20) + " -->\n<!ENTITY a \"b\">\n]>\n<graphml/>"
        XCTAssertEqual(errors(late), ["bad:4: error: \(XMLDoctype.entityRefusal)"])
    }

    /// Hostile input gives an error, not a crash, a hang or unbounded memory.
    func testHostileInputIsRefused() {
        func errors(_ data: Data) -> [String] { GraphMLFormat.read(data, path: "h", blockSize: 1 << 12).diagnostics.map(\.message) }
        let deep = "<graphml>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</graphml>"
        XCTAssertEqual(errors(Data(deep.utf8)), ["malformed XML: elements nested more than 256 deep"])
        // A value longer than the tokenizer takes (64 MiB by default; 4 KiB here, to keep the test short).
        let huge = "<graphml><graph><node id=\"" + String(repeating: "x", count: 5_000) + "\"/></graph></graphml>"
        var tokenizer = XMLTokenizer(.data(Data(huge.utf8)), blockSize: 256, maxTokenBytes: 4096)
        XCTAssertThrowsError(try { while try tokenizer.next() != .end {} }()) { error in
            XCTAssertEqual((error as? XMLSyntaxError)?.message, "malformed XML: a tag or text longer than 4096 bytes")
        }
        XCTAssertEqual(errors(Data("<graphml><graph><?x?>".utf8)), ["malformed XML: the document ends before <graph> (line 1) is closed"])
        XCTAssertEqual(errors(Data("<graphml><graph><node id=\"a".utf8)), ["malformed XML: the document ends inside a tag, comment or other markup"])
        XCTAssertEqual(errors(Data("<graphml><!-- ".utf8)), ["malformed XML: the document ends inside a tag, comment or other markup"])
        let manyAttributes = "<graphml " + (0..<5_000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ") + " a7=\"x\"/>"
        XCTAssertEqual(errors(Data(manyAttributes.utf8)), ["malformed XML: attribute a7 given twice"])
    }
}
