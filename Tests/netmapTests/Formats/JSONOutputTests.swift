import Foundation
import XCTest
@testable import Graph
@testable import netmap

/// The JSON that large results write directly (`JSONLiteral`, the per-node tables of `centrality`, `brokers`,
/// ... and the node list of `communities`) is the JSON that `JSONSerialization` writes, byte for byte.
final class JSONOutputTests: XCTestCase {
    private func serialized(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    func testStringsAreEscapedAsJSONSerializationEscapesThem() throws {
        var samples = ["", "plain", "a\"b\\c/d", "Trøndelag fylkeskommune", "😀 emoji", "\u{2028}\u{2029}\u{7F}",
                       "<script>alert(1)</script>", "\u{202E}RTL override", "line\nbreak\r\ttab\u{8}\u{C}"]
        samples.append(String((0..<0x20).map { Character(Unicode.Scalar($0)!) }))
        var generator = SplitMixGenerator(seed: 7)
        for _ in 0..<500 {
            let scalars = (0..<Int(generator.next() % 12)).compactMap { _ -> Character? in
                let pick = generator.next() % 4
                let value = pick == 0 ? UInt32(generator.next() % 0x80) : pick == 1 ? UInt32(generator.next() % 0x20)
                    : pick == 2 ? UInt32(0x80 + generator.next() % 0x800) : UInt32(0x1F300 + generator.next() % 0x300)
                return Unicode.Scalar(value).map(Character.init)
            }
            samples.append(String(scalars))
        }
        for sample in samples {
            XCTAssertEqual(JSONLiteral.string(sample), try serialized(sample), sample.debugDescription)
        }
    }

    func testNumbersAreWrittenAsJSONSerializationWritesThem() throws {
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 1e-7, 0.000123, 123456789, 1e16, 1e21, 1.2345678901234567e16,
                                0.30000000000000004, 2.5e-300, 5e-324, Double.greatestFiniteMagnitude, 1.0 / 3]
        var generator = SplitMixGenerator(seed: 11)
        for _ in 0..<2000 {
            values.append(Double(bitPattern: generator.next()))
            values.append(Double(generator.next() % 100_000) / 1000)
        }
        for value in values where value.isFinite {
            XCTAssertEqual(JSONLiteral.number(value), try serialized(value), "\(value)")
        }
    }

    /// The whole outputs, hostile labels included, parse back to what they hold.
    func testLargeOutputsParseBack() throws {
        let hostile = packageRoot.appendingPathComponent("Tests/Fixtures/report/hostile.yaml").path
        let centrality = try runNetmap(["centrality", hostile, "--format", "json"])
        XCTAssertEqual(centrality.status, 0, centrality.error)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(centrality.output.utf8)) as? [[String: Any]])
        XCTAssertFalse(rows.isEmpty)
        let communities = try runNetmap(["communities", hostile, "--format", "json"])
        XCTAssertEqual(communities.status, 0, communities.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(communities.output.utf8)) as? [String: Any])
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(Set(nodes.compactMap { $0["id"] as? String }), Set(rows.compactMap { $0["id"] as? String }))
        XCTAssertEqual(Set(nodes.compactMap { $0["label"] as? String }), Set(rows.compactMap { $0["label"] as? String }))
        XCTAssertTrue(nodes.allSatisfy { ($0["community"] as? Int).map { $0 >= 1 } ?? false })
    }
}
