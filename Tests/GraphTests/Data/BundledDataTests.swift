import XCTest
@testable import Graph

/// The bundled networks in `data/`: they load cleanly, connect into one picture, and state what the
/// seed documents state. Each fact is a row of `data/facts/<file>.tsv`: from, relation, to, cite, page and
/// a quote from the document that proves the tie.
final class BundledDataTests: XCTestCase {
    let dataFolder = packageRoot.appendingPathComponent("data").path
    let seedsFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Seed documents by source id, and the least number of facts each must have.
    let documents: [(source: String, seed: String, minimumFacts: Int)] = [
        ("tfk2035", "000_c948e3b77cbf513c.txt", 4),
        ("vtfk2030", "001_c2c1b1330bb567e2.txt", 10),
        ("nfk2022", "002_7434c4f54728abbf.txt", 4),
        ("ntfk2009", "003_fa3d7510ca2255e9.txt", 4),
        ("thp2020", "004_8fa7a99d63159691.txt", 10),
    ]

    struct Fact {
        var file: String, line: Int
        var from: String, relation: String, to: String, cite: String, page: String, quote: String
    }

    func facts() throws -> [Fact] {
        let folder = URL(fileURLWithPath: dataFolder).appendingPathComponent("facts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
        return try files.flatMap { name -> [Fact] in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").enumerated().dropFirst().compactMap { index, line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 6 else { return nil }
                return Fact(file: name, line: index + 1, from: fields[0], relation: fields[1], to: fields[2],
                            cite: fields[3], page: fields[4], quote: fields[5])
            }
        }
    }

    func testLoadsWithoutErrorsOrWarnings() {
        let result = NetworkLoader.load([dataFolder])
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        XCTAssertTrue(result.network.edges.allSatisfy { !$0.citations.isEmpty })
    }

    func testEachFileValidatesOnItsOwn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: dataFolder)
            .filter { $0.hasSuffix(".yaml") && $0 != "shared.yaml" && $0 != "programmes.yaml" }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files {
            let result = NetworkLoader.load([dataFolder + "/" + file])
            XCTAssertEqual(result.errors.map(\.description), [], file)
        }
    }

    func testTheFiveCountiesConnect() throws {
        let network = try NetworkLoader.loadValid([dataFolder]).network
        let graph = AnalysisGraph(network)
        let components = graph.connectedComponents()
        XCTAssertEqual(components.count, 1, "one national picture")
        let counties = ["trondelag-fk", "nord-trondelag-fk", "telemark-fk", "vestfold-og-telemark-fk", "nordland-fk"]
        for county in counties { XCTAssertNotNil(network.node(county), county) }
        for shared in ["hubei", "schleswig-holstein", "cpmr", "erasmus-plus", "innovasjon-norge"] {
            XCTAssertNotNil(network.node(shared), shared)
        }
        XCTAssertEqual(network.node("hubei")?.country, "CN")
        XCTAssertEqual(network.node("schleswig-holstein")?.country, "DE")
        XCTAssertEqual(network.node("kaunas")?.country, "LT")
        XCTAssertEqual(network.node("midwest-usa")?.country, "US")
    }

    func testEveryFactIsATieCitedToItsDocument() throws {
        let network = try NetworkLoader.loadValid([dataFolder]).network
        let facts = try facts()
        for document in documents {
            let count = facts.filter { $0.cite == document.source }.count
            XCTAssertGreaterThanOrEqual(count, document.minimumFacts, "facts for \(document.source)")
        }
        for fact in facts {
            let place = "\(fact.file):\(fact.line)"
            let symmetric = network.isSymmetric(fact.relation)
            let matches = network.edges.filter { edge in
                edge.relation == fact.relation
                    && ((edge.from == fact.from && edge.to == fact.to) || (symmetric && edge.from == fact.to && edge.to == fact.from))
            }
            XCTAssertFalse(matches.isEmpty, "\(place): no tie \(fact.from) —\(fact.relation)→ \(fact.to)")
            XCTAssertTrue(matches.contains { edge in
                edge.citations.contains { citation in
                    let pages = (citation.page ?? "").components(separatedBy: "; ")
                    return citation.source == fact.cite && (fact.page.isEmpty || citation.page == fact.page || pages.contains(fact.page))
                }
            }, "\(place): \(fact.from) —\(fact.relation)→ \(fact.to) does not cite \(fact.cite), \(fact.page)")
        }
    }

    /// Every quote is in its seed document (ignoring line breaks and spacing), when the seeds are at hand.
    func testEveryQuoteIsInItsDocument() throws {
        guard FileManager.default.fileExists(atPath: seedsFolder.path) else {
            throw XCTSkip("the seed documents are not beside the repository (../shared/seeds)")
        }
        func squeeze(_ text: String) -> String {
            text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
        }
        var seeds: [String: String] = [:]
        for document in documents {
            let text = try String(contentsOf: seedsFolder.appendingPathComponent(document.seed), encoding: .utf8)
            seeds[document.source] = squeeze(text)
        }
        for fact in try facts() {
            guard let seed = seeds[fact.cite] else { continue }
            XCTAssertTrue(seed.contains(squeeze(fact.quote)), "\(fact.file):\(fact.line): quote not found in \(fact.cite): \(fact.quote)")
        }
    }
}
