import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// One input stage: every command takes the same input options, files are read once, programme rules come
/// from the same pass; one format table for reading and writing.
final class InputStageTests: XCTestCase {
    /// The karate club GraphML under a name whose extension says nothing, so only `--from` can read it.
    func karateWithoutExtension() throws -> String {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("karate.xml").path
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/Fixtures/formats/karate.graphml").path, toPath: path)
        return path
    }

    func testEveryCommandAcceptsFrom() throws {
        let path = try karateWithoutExtension()
        let runs: [[String]] = [
            ["validate", path], ["stats", path], ["export", path, "--format", "json"], ["centrality", path, "--top", "1"],
            ["brokers", path, "--top", "1"], ["communities", path], ["path", path, "0", "33"], ["ego", path, "1", "--radius", "1"],
            ["compare", path, "0", "33"], ["render", path, "-o", path + ".dot"],
        ]
        for arguments in runs {
            let without = try runNetmap(arguments)
            XCTAssertNotEqual(without.status, 0, "\(arguments[0]) reads a .xml file without --from")
            let with = try runNetmap(arguments + ["--from", "graphml"])
            XCTAssertEqual(with.status, 0, "\(arguments[0]) --from graphml: \(with.error)")
        }
        for command in ["validate", "stats", "export", "render", "consortium", "centrality", "brokers", "path", "ego",
                        "communities", "project", "compare"] {
            let help = try runNetmap([command, "--help"])
            XCTAssertTrue(help.output.contains("--from <format>"), "\(command) --help lists --from")
        }
    }

    func testFromEdgelistReadsAnEdgeList() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("ties.txt").path
        try "from,to,relation\ntrondelag-fk,jamtland,partner_of\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNetmap(["stats", path, "--from", "edgelist"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("2 nodes"), result.output)
        let refused = try runNetmap(["stats", path, "--from", "xls"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.error.contains("unknown --from format 'xls'"), refused.error)
    }

    func testExportRefusesAnExtensionItCannotWrite() throws {
        let folder = try scratchFolder()
        for (name, expected) in [("x.gml", "netmap reads GML but does not write it"), ("x.svg", "use: netmap render -o"),
                                 ("x.txt", "give --format")] {
            let path = folder.appendingPathComponent(name).path
            let result = try runNetmap(["export", "data", "-o", path], in: packageRoot)
            XCTAssertEqual(result.status, 64, "\(name): \(result.error)")
            XCTAssertTrue(result.error.contains("export cannot write '.\(URL(fileURLWithPath: name).pathExtension)' files"), result.error)
            XCTAssertTrue(result.error.contains(expected), result.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "\(name) is not written")
        }
    }

    func testExportYAMLReadsBackAsTheSameNetwork() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("all.yaml").path
        let result = try runNetmap(["export", "data", "-o", path], in: packageRoot)
        XCTAssertEqual(result.status, 0, result.error)
        let original = NetworkLoader.load([packageRoot.appendingPathComponent("data").path])
        let copy = NetworkLoader.load([path])
        XCTAssertEqual(copy.errors, [])
        XCTAssertEqual(copy.network.nodes.map(\.id), original.network.nodes.map(\.id))
        XCTAssertEqual(copy.network.nodes.map(\.attributes), original.network.nodes.map(\.attributes))
        XCTAssertEqual(copy.network.edges.map(\.citations), original.network.edges.map(\.citations))
        XCTAssertEqual(copy.network.edges.map(\.relation), original.network.edges.map(\.relation))
        XCTAssertEqual(copy.network.sources, original.network.sources.mapValues { source in
            var source = source
            source.location = copy.network.sources[source.id]?.location
            return source
        })
    }

    func testExportedEdgeListReadsBackAndSaysWhatItLoses() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("e.csv").path
        let export = try runNetmap(["export", "data", "-o", path], in: packageRoot)
        XCTAssertEqual(export.status, 0, export.error)
        XCTAssertTrue(export.error.contains("note: \(path) does not carry the titles of"), export.error)
        let validate = try runNetmap(["validate", path])
        XCTAssertEqual(validate.status, 0, validate.error)
        let original = NetworkLoader.load([packageRoot.appendingPathComponent("data").path]).network
        let copy = NetworkLoader.load([path])
        XCTAssertEqual(copy.errors, [])
        XCTAssertEqual(Set(copy.network.nodes.map(\.id)), Set(original.nodes.map(\.id)))
        XCTAssertEqual(copy.network.nodes.map(\.kind).sorted(), original.nodes.map(\.kind).sorted())
        XCTAssertEqual(copy.network.edges.map(\.relation), original.edges.map(\.relation))
        XCTAssertEqual(copy.network.edges.map(\.citations), original.edges.map(\.citations))
    }

    func testProgrammeRulesComeFromTheSamePass() throws {
        let loaded = NetworkLoader.load([packageRoot.appendingPathComponent("data").path])
        XCTAssertEqual(loaded.errors, [])
        XCTAssertTrue(loaded.hasProgrammes)
        XCTAssertEqual(loaded.programmeFiles.map { URL(fileURLWithPath: $0).lastPathComponent }, ["programmes.yaml"])
        XCTAssertNotNil(loaded.programmes.programme("horizon-europe"))
        let rulesOnly = NetworkLoader.load([packageRoot.appendingPathComponent("data/programmes.yaml").path])
        XCTAssertTrue(rulesOnly.holdsOnlyProgrammes)
    }

    func testOneFormatTable() {
        XCTAssertEqual(FileFormat(path: "a/nodes.csv"), .csvNodes)
        XCTAssertEqual(FileFormat(path: "a/ties.CSV"), .csvEdges)
        XCTAssertEqual(FileFormat(name: "edgelist"), .csvEdges)
        XCTAssertEqual(FileFormat(name: "csv"), .csvEdges)
        XCTAssertEqual(FileFormat(outputName: "csv"), .csvFolder)
        XCTAssertEqual(FileFormat(outputPath: "x.csv"), .csvEdges)
        XCTAssertEqual(FileFormat(outputPath: "x.yml"), .yaml)
        XCTAssertNil(FileFormat(outputPath: "x.gml"))
        XCTAssertEqual(FileFormat(path: "x.gml"), .gml)
        for format in FileFormat.allCases where format.isWritable {
            XCTAssertEqual(FileFormat(outputName: format.writingNames[0]), format)
        }
    }
}
