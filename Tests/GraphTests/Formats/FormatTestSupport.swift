import Foundation
import XCTest
@testable import Graph

func formatFixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/Fixtures/formats").appendingPathComponent(name).path
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-formats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A network as sorted lines of text, one per fact, so two networks compare with a readable difference.
func describe(_ network: Network) -> [String] {
    var lines: [String] = ["name: \(network.name ?? "-")"]
    for source in network.sources.values {
        lines.append("source \(source.id): \(source.title) | \(source.publisher ?? "-") | \(source.year.map(String.init) ?? "-") | \(source.url ?? "-") | \(source.attributes.sorted { $0.key < $1.key })")
    }
    for kind in network.kinds.values where !kind.isBuiltIn || kind.color != nil || kind.shape != nil {
        lines.append("kind \(kind.id): \(kind.label) | \(kind.color ?? "-") | \(kind.shape ?? "-")")
    }
    for relation in network.relations.values where !relation.isBuiltIn {
        lines.append("relation \(relation.id): \(relation.label) | \(relation.symmetric ? "symmetric" : "directed")")
    }
    for node in network.nodes {
        lines.append("node \(node.id): \(node.label) | \(node.kind) | \(node.tags) | \(node.attributes.sorted { $0.key < $1.key })")
    }
    for edge in network.edges {
        lines.append("edge \(edge.from) -> \(edge.to) \(edge.relation) w=\(edge.weight) \(edge.since.map(String.init) ?? "-")–\(edge.until.map(String.init) ?? "-") cites=\(edge.citations) \(edge.attributes.sorted { $0.key < $1.key })")
    }
    return lines.sorted()
}

/// Asserts two descriptions are equal, listing what is missing and what is extra.
func assertSameNetwork(_ actual: [String], _ expected: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    let missing = expected.filter { !actual.contains($0) }
    let extra = actual.filter { !expected.contains($0) }
    if !missing.isEmpty || !extra.isEmpty {
        XCTFail("\(message)\nmissing:\n  \(missing.joined(separator: "\n  "))\nextra:\n  \(extra.joined(separator: "\n  "))", file: file, line: line)
    }
}
