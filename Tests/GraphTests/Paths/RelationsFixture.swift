import Foundation
import XCTest
@testable import Graph

/// The relations fixtures under `Tests/Fixtures/relations` (made by `make_relations_fixtures.py`).
enum RelationsFixture {
    static var folder: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Tests/Fixtures/relations")
    }

    static func network(_ name: String) throws -> Network {
        try NetworkLoader.loadValid([folder.appendingPathComponent(name).path]).network
    }

    /// The NetworkX values of `expected.json`.
    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func value(_ path: String...) throws -> Any {
        var current: Any = try expected()
        for key in path {
            current = try XCTUnwrap((current as? [String: Any])?[key], "expected.json has no \(path.joined(separator: "."))")
        }
        return current
    }
}
