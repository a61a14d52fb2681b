import Foundation
import XCTest
@testable import Graph

/// For each format F: load → write F → read F gives the same network, except for exactly what F cannot
/// carry, which each test names by applying that loss to the expected network (see docs/formats.md).
final class FormatRoundTripTests: XCTestCase {
    /// The inputs round-tripped: the rich hand-made fixture, and the bundled data/ folder when present.
    func inputs() throws -> [(String, Network)] {
        var result = [("rich.yaml", try NetworkLoader.loadValid([formatFixture("rich.yaml")]).network)]
        let data = packageRoot.appendingPathComponent("data").path
        if FileManager.default.fileExists(atPath: data) {
            result.append(("data/", try NetworkLoader.loadValid([data]).network))
        }
        return result
    }

    func roundTrip(_ network: Network, fileName: String, write: (Network) throws -> String, validate: Bool = true) throws -> Network {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(fileName).path
        try OutputStage.shared.write(try write(network), to: path)
        let result = NetworkLoader.load([path])
        if validate {
            XCTAssertEqual(result.errors, [], "reading back \(fileName)")
        }
        return result.network
    }

    // MARK: Losses, one function per thing a format cannot carry

    /// Sources keep only their id (as title): publisher, year, url and other keys are lost.
    func sourceMetadataLost(_ network: Network) -> Network {
        var copy = network
        copy.sources = Dictionary(uniqueKeysWithValues: Set(network.edges.flatMap { $0.citations.map(\.source) }).map { ($0, Source(id: $0, title: $0)) })
        return copy
    }

    /// Declared kinds keep only their id (as label): label, colour and shape are lost.
    func kindDeclarationsLost(_ network: Network) -> Network {
        var copy = network
        copy.kinds = KindInfo.builtIn
        for kind in Set(network.nodes.map(\.kind)) where KindInfo.builtIn[kind] == nil { copy.kinds[kind] = KindInfo(id: kind, label: kind) }
        return copy
    }

    /// Declared relations keep only their id: their label is lost, and `symmetric` unless `keepSymmetry`.
    func relationDeclarationsLost(_ network: Network, keepSymmetry: Bool) -> Network {
        var copy = network
        copy.relations = RelationInfo.builtIn
        let allSymmetric = !network.edges.isEmpty && network.edges.allSatisfy { network.isSymmetric($0.relation) }
        for relation in Set(network.edges.map(\.relation)) where RelationInfo.builtIn[relation] == nil {
            let symmetric = keepSymmetry || allSymmetric ? network.isSymmetric(relation) : false
            copy.relations[relation] = RelationInfo(id: relation, symmetric: symmetric)
        }
        return copy
    }

    /// Line breaks inside values become spaces.
    func lineBreaksFlattened(_ network: Network) -> Network {
        var copy = network
        func flat(_ text: String) -> String { PajekFormat.flatten(text) }
        for node in network.nodes {
            var changed = node
            changed.label = flat(node.label)
            changed.attributes = node.attributes.mapValues(flat)
            copy.upsert(changed)
        }
        copy.edges = network.edges.map { edge in
            var changed = edge
            changed.attributes = edge.attributes.mapValues(flat)
            return changed
        }
        return copy
    }

    // MARK: Round trips

    func testNodeLinkJSONIsLossless() throws {
        for (name, network) in try inputs() {
            let back = try roundTrip(network, fileName: "net.json") { String(decoding: try NodeLinkFormat.write($0), as: UTF8.self) }
            assertSameNetwork(describe(back), describe(network), "node-link JSON round trip of \(name)")
        }
    }

    func testGraphMLIsLossless() throws {
        for (name, network) in try inputs() {
            let back = try roundTrip(network, fileName: "net.graphml") { GraphMLFormat.write($0) }
            assertSameNetwork(describe(back), describe(network), "GraphML round trip of \(name)")
        }
    }

    /// GEXF loses: source metadata, kind declarations, relation labels, and the symmetry of declared
    /// relations in a graph that also has directed ties.
    func testGEXFLosesOnlyDeclarations() throws {
        for (name, network) in try inputs() {
            let back = try roundTrip(network, fileName: "net.gexf") { GEXFFormat.write($0, colors: ["county": "#E69F00"]) }
            let expected = relationDeclarationsLost(kindDeclarationsLost(sourceMetadataLost(network)), keepSymmetry: false)
            assertSameNetwork(describe(back), describe(expected), "GEXF round trip of \(name)")
        }
    }

    /// Pajek loses: source metadata, kind declarations, relation labels, and line breaks in values.
    func testPajekLosesDeclarationsAndLineBreaks() throws {
        for (name, network) in try inputs() {
            let back = try roundTrip(network, fileName: "net.net") { PajekFormat.write($0) }
            let expected = lineBreaksFlattened(relationDeclarationsLost(kindDeclarationsLost(sourceMetadataLost(network)), keepSymmetry: true))
            assertSameNetwork(describe(back), describe(expected), "Pajek round trip of \(name)")
        }
    }

    /// The CSV pair, written with its `network.yaml` of declarations, reads back as the same network.
    func testCSVPairRoundTripsWithItsDeclarations() throws {
        for (name, network) in try inputs() {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try CSVFormat.writePair(network, to: folder.path)
            let result = NetworkLoader.load([folder.path])
            XCTAssertEqual(result.errors, [], "reading back the CSV pair of \(name)")
            assertSameNetwork(describe(result.network), describe(network), "CSV pair round trip of \(name)")
        }
    }

    /// The single edge-list CSV loses what the pair loses, plus isolated nodes.
    func testEdgeListCSVKeepsConnectedNodesAndTies() throws {
        for (name, network) in try inputs() {
            let back = try roundTrip(network, fileName: "edges.csv", write: { CSVFormat.edgeListTable($0) }, validate: false)
            var expected = network
            let connected = Set(network.edges.flatMap { [$0.from, $0.to] })
            expected.removeNodes { !connected.contains($0.id) }
            XCTAssertEqual(describe(back).filter { $0.hasPrefix("node ") || $0.hasPrefix("edge ") },
                           describe(expected).filter { $0.hasPrefix("node ") || $0.hasPrefix("edge ") }, "edge list round trip of \(name)")
        }
    }

    func testWritersAreDeterministic() throws {
        let network = try NetworkLoader.loadValid([formatFixture("rich.yaml")]).network
        XCTAssertEqual(GraphMLFormat.write(network), GraphMLFormat.write(network))
        XCTAssertEqual(GEXFFormat.write(network), GEXFFormat.write(network))
        XCTAssertEqual(PajekFormat.write(network), PajekFormat.write(network))
    }

    func testGEXFCarriesColoursPositionsAndTimeline() throws {
        let network = try NetworkLoader.loadValid([formatFixture("rich.yaml")]).network
        let text = GEXFFormat.write(network, colors: ["county": "#E69F00"], positions: ["trondelag-fk": .init(x: 1.5, y: -2)])
        XCTAssertTrue(text.contains("mode=\"dynamic\" timeformat=\"integer\""))
        XCTAssertTrue(text.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))
        XCTAssertTrue(text.contains("<viz:position x=\"1.5\" y=\"-2\" z=\"0\"/>"))
        XCTAssertTrue(text.contains("start=\"2014\" end=\"2024\""))
        // The declared kind colour is used when the caller gives none.
        XCTAssertTrue(text.contains("<viz:color r=\"153\" g=\"153\" b=\"153\"/>"))
    }
}
