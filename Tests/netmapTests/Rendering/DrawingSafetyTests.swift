import Foundation
import Graph
import XCTest
@testable import netmap

/// Issue 18, findings 1–3: values from data and themes cannot put active content into a drawing, and every
/// drawing is well-formed XML whatever characters the data holds.
final class DrawingSafetyTests: XCTestCase {
    static let hostileColor = #"red" HREF="javascript:alert(1)"><IMG SRC="/etc/x.png"/></TD><TD BGCOLOR="red"#

    func network(kindColor: String) -> Network {
        var network = Network(nodes: [Node(id: "a", label: "A", kind: "evil"), Node(id: "b", label: "B", kind: "evil")],
                              edges: [Edge(from: "a", to: "b", relation: "related_to")])
        network.kinds["evil"] = KindInfo(id: "evil", label: "Evil", color: kindColor, shape: "box")
        return network
    }

    /// A kind's colour with markup is refused where the files are read, for YAML, GraphML and node-link JSON.
    func testKindColourWithMarkupIsRefusedFromEveryFormat() throws {
        let folder = try scratchFolder()
        let hostile = network(kindColor: Self.hostileColor)
        let yaml = """
        kinds:
          evil: {label: Evil, color: '\(Self.hostileColor.replacingOccurrences(of: "'", with: "''"))'}
        nodes:
          - {id: a, label: A, kind: evil}
          - {id: b, label: B, kind: evil}
        edges:
          - {from: a, to: b, relation: related_to}
        """
        let files = [
            try write(yaml, to: "k.yaml", in: folder),
            try write(String(decoding: try NodeLinkFormat.write(hostile), as: UTF8.self), to: "k.json", in: folder),
            try write(GraphMLFormat.write(hostile), to: "k.graphml", in: folder),
        ]
        for file in files {
            let result = NetworkLoader.load([file])
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
            XCTAssertTrue(errors.contains { $0.hasPrefix(file) && $0.contains("kind 'evil': color") && $0.contains("is not a colour") }, "\(file): \(errors)")
            let run = try runNetmap(["render", file, "-o", folder.appendingPathComponent("k.svg").path])
            XCTAssertEqual(run.status, 1, file)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("k.svg").path))
        }
        // The message names the line of the kind's declaration where the format knows it.
        // GraphML: the graph's <data> element holding the kinds (it comes before the nodes' data naming the kind).
        let graphML = try String(contentsOfFile: files[2], encoding: .utf8).components(separatedBy: "\n")
        let kindsLine = try XCTUnwrap(graphML.firstIndex { $0.contains("<data") && $0.contains("evil") }) + 1
        let lines = [files[0]: 2, files[1]: try XCTUnwrap(NodeLinkFormat.line(ofKey: "evil", in: try Data(contentsOf: URL(fileURLWithPath: files[1])))),
                     files[2]: kindsLine]
        for (file, line) in lines {
            let errors = NetworkLoader.load([file]).diagnostics.map(\.description)
            XCTAssertTrue(errors.contains { $0.hasPrefix("\(file):\(line): error: kind 'evil': color") }, "\(file): \(errors)")
        }
        XCTAssertTrue(DrawingValue.isColor("#E69F00") && DrawingValue.isColor("#E69F0080") && DrawingValue.isColor("gray50"))
        XCTAssertFalse(DrawingValue.isColor("#E69F0") || DrawingValue.isColor("red\"") || DrawingValue.isColor("") || DrawingValue.isColor("1red"))
    }

    /// Should a bad colour reach the DOT by another path, the emitting side replaces it: the legend's HTML-like
    /// label and the node's attributes carry no markup, and the SVG is inert.
    func testColourIsCheckedAgainWhereItIsWrittenIntoDOT() throws {
        var builder = DOTBuilder(network: network(kindColor: "#123456"), title: nil)
        builder.theme.kinds["evil"] = Theme.NodeStyle(shape: "box", fill: Self.hostileColor, border: Self.hostileColor)
        builder.theme.font = #"DejaVu Sans" onmouseover="alert(1)"#
        let dot = builder.build()
        XCTAssertFalse(dot.contains("javascript"), dot)
        XCTAssertFalse(dot.contains("onmouseover"), dot)
        let drawing = try Renderer.draw(builder, choices: Renderer.candidates(nodeCount: 2, edgeCount: 1, grouped: false, requested: nil, pinned: false),
                                        page: nil, formats: ["svg"])
        XCTAssertEqual(SVGSafety.problems(drawing.outputs[0]), [])
    }

    /// A theme's font is a name from a safe character set; anything else is refused with the file and line.
    func testThemeFontIsAName() throws {
        let folder = try scratchFolder()
        let theme = try write("font_size: 10\nfont: 'DejaVu Sans\" onmouseover=\"alert(1)'\n", to: "t.yaml", in: folder)
        XCTAssertThrowsError(try Theme.load(yamlFile: theme)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(theme):2: error: 'font' must be a font name"), "\(error)")
        }
        let good = try write("font: Noto Sans CJK JP\n", to: "good.yaml", in: folder)
        XCTAssertEqual(try Theme.load(yamlFile: good).font, "Noto Sans CJK JP")
    }

    /// `&#0;`, `&#x1;` and U+FFFE in data, and a form feed in a label, still give well-formed SVG, and netmap's
    /// own DOT stays readable by Graphviz; an id with a control character is refused.
    func testCharactersXMLCannotHoldNeverReachTheOutput() throws {
        let folder = try scratchFolder()
        let gml = try write("graph [\n node [ id 1 label \"a&#0;b\" ]\n node [ id 2 label \"c&#x1;d&#xFFFE;\" ]\n edge [ source 1 target 2 ]\n]\n", to: "g.gml", in: folder)
        let svg = folder.appendingPathComponent("g.svg").path
        XCTAssertEqual(try runNetmap(["render", gml, "-o", svg]).status, 0)
        XCTAssertEqual(SVGSafety.problems(try Data(contentsOf: URL(fileURLWithPath: svg))), [])
        let dot = folder.appendingPathComponent("g.dot").path
        XCTAssertEqual(try runNetmap(["export", gml, "-o", dot]).status, 0)
        XCTAssertFalse(try Data(contentsOf: URL(fileURLWithPath: dot)).contains(0))
        let redraw = try runNetmap(["render", dot, "-o", folder.appendingPathComponent("g2.svg").path])
        XCTAssertEqual(redraw.status, 0, redraw.error)

        let yaml = try write("nodes:\n  - {id: a, label: \"form\\ffeed \\uFFFE\", kind: node}\n  - {id: b, kind: node}\nedges:\n  - {from: a, to: b, relation: related_to}\n", to: "f.yaml", in: folder)
        XCTAssertEqual(try runNetmap(["render", yaml, "-o", svg]).status, 0)
        XCTAssertEqual(SVGSafety.problems(try Data(contentsOf: URL(fileURLWithPath: svg))), [])

        let badID = try write("graph [\n node [ id 1 label \"c\u{0C}d\" ]\n node [ id 2 label \"e\" ]\n edge [ source 1 target 2 ]\n]\n", to: "ff.gml", in: folder)
        let refused = try runNetmap(["validate", badID])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("\(badID):2: error: node id 'c\\u{C}d' contains a control character"), refused.error)
    }
}

/// Writes `text` to `name` in `folder` and returns its path.
func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}
