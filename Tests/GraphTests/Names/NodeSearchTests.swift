import XCTest
@testable import Graph

final class NodeSearchTests: XCTestCase {
    let network = Network(
        nodes: [
            Node(id: "trondelag-fk", label: "Trøndelag fylkeskommune", kind: "county", attributes: ["country": "NO"]),
            Node(id: "nord-trondelag-fk", label: "Nord-Trøndelag fylkeskommune", kind: "county", attributes: ["country": "NO"]),
            Node(id: "trondelagsplanen", label: "Trøndelagsplanen 2019–2030", kind: "strategy"),
            Node(id: "jamtland", label: "Region Jämtland Härjedalen", kind: "region",
                 attributes: ["country": "SE", "label_en": "Jämtland Härjedalen Region"]),
            Node(id: "interreg-se-no", label: "Interreg Sverige–Norge", kind: "programme",
                 attributes: ["label_en": "Interreg Sweden–Norway"]),
            Node(id: "naboer", label: "Naboer AB", kind: "network", attributes: ["note": "owned by Jämtland and Trøndelag"]),
        ],
        edges: [
            Edge(from: "trondelag-fk", to: "jamtland", relation: "cooperates_with"),
            Edge(from: "trondelag-fk", to: "interreg-se-no", relation: "manages"),
            Edge(from: "trondelag-fk", to: "interreg-se-no", relation: "participates_in"),
            Edge(from: "nord-trondelag-fk", to: "trondelag-fk", relation: "succeeded_by"),
            Edge(from: "jamtland", to: "jamtland", relation: "cooperates_with"),
        ]
    )

    func testFindIgnoresCaseAndAccentsAndRanksWholeNamesFirst() {
        let matches = network.find("trondelag")
        XCTAssertEqual(matches.map(\.node.id), ["trondelag-fk", "nord-trondelag-fk", "trondelagsplanen", "naboer"])
        XCTAssertEqual(matches.map(\.strength), [.prefix, .word, .partialWord, .attribute])
        XCTAssertEqual(matches.last?.field, "note")
        XCTAssertEqual(network.find("TRØNDELAG FYLKESKOMMUNE").first?.strength, .exact)
    }

    func testTiesCountDistinctNeighboursWithoutSelfTies() {
        let ties = Dictionary(uniqueKeysWithValues: network.find("a").map { ($0.node.id, $0.ties) })
        XCTAssertEqual(ties["trondelag-fk"], 3)      // jamtland, interreg-se-no (two ties, one neighbour), nord-trondelag-fk
        XCTAssertEqual(ties["jamtland"], 1)          // the self-tie does not count
        XCTAssertEqual(ties["naboer"], 0)
    }

    func testFindSearchesEnglishLabelsAcrossDashes() {
        let matches = network.find("sweden")
        XCTAssertEqual(matches.map(\.node.id), ["interreg-se-no"])
        XCTAssertEqual(matches[0].field, "label_en")
        XCTAssertEqual(matches[0].strength, .word)
    }

    func testFindKeepsOnlyAskedKindsAndEqualStrengthsByTies() {
        XCTAssertEqual(network.find("trondelag", kinds: ["county"]).map(\.node.id), ["trondelag-fk", "nord-trondelag-fk"])
        XCTAssertEqual(network.find("fylkeskommune").map(\.node.id), ["trondelag-fk", "nord-trondelag-fk"])
        XCTAssertTrue(network.find("   ").isEmpty)
        XCTAssertTrue(network.find("oslo").isEmpty)
    }

    func testUnknownNameListsNodesThatContainIt() {
        XCTAssertThrowsError(try network.resolve("sweden")) { error in
            guard case GraphError.unknownNode(let name, let candidates) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "sweden")
            XCTAssertEqual(candidates, ["interreg-se-no  (Interreg Sverige–Norge)"])
            XCTAssertEqual("\(error)", """
                error: no node's id or name starts with 'sweden'; these contain it (use the id):
                  interreg-se-no  (Interreg Sverige–Norge)
                """)
        }
        XCTAssertThrowsError(try network.resolve("oslo")) { error in
            XCTAssertEqual("\(error)", "error: no node matches 'oslo'; `netmap find` with part of the name lists the ids")
        }
    }

    func testAmbiguousNameListsCandidatesWithIDs() {
        XCTAssertThrowsError(try network.resolve("fylkeskommune")) { error in
            guard case GraphError.unknownNode = error else { return XCTFail("\(error)") }
        }
        let two = Network(nodes: [Node(id: "vestfold-fk", label: "Vestfold fylkeskommune", kind: "county"),
                                  Node(id: "vestfold-og-telemark-fk", label: "Vestfold og Telemark fylkeskommune", kind: "county")])
        XCTAssertThrowsError(try two.resolve("vestfold")) { error in
            XCTAssertEqual("\(error)", """
                error: 'vestfold' is ambiguous; it matches (use the id):
                  vestfold-fk  (Vestfold fylkeskommune)
                  vestfold-og-telemark-fk  (Vestfold og Telemark fylkeskommune)
                """)
        }
    }

    func testResolveFollowsTheDocumentedRule() throws {
        XCTAssertEqual(try network.resolve("trondelag-fk").id, "trondelag-fk")                  // 1. exact id
        XCTAssertEqual(try network.resolve("trøndelag fylkeskommune").id, "trondelag-fk")       // 2. exact name
        XCTAssertEqual(try network.resolve("jämtland härjedalen region").id, "jamtland")        // 2. English name
        XCTAssertEqual(try network.resolve("region jam").id, "jamtland")                        // 3. one prefix
        XCTAssertEqual(try network.resolve("trondelag").id, "trondelag-fk")                     // 3. whole words of an id
    }

    func testSearchKeyFoldsASCIIAndOtherTextAlike() {
        XCTAssertEqual(Network.searchKey("  NTNU - Gjovik  Campus-Nord "), "ntnu gjovik campus nord")
        XCTAssertEqual(Network.searchKey("NTNU - Gjøvik  Campus-Nord"), "ntnu gjovik campus nord", "the Foundation path agrees with the ASCII one")
        XCTAssertEqual(Network.searchKey("HØGSKOLEN I ØSTFOLD"), Network.searchKey("HOGSKOLEN I OSTFOLD"))
        XCTAssertEqual(Network.searchKey("Jämtland Härjedalen"), "jamtland harjedalen")
        XCTAssertEqual(Network.searchKey("Straße"), "strasse")
        XCTAssertEqual(Network.searchKey("---"), "")
    }
}
