import XCTest
@testable import Graph

final class BrokerageTests: XCTestCase {
    private func scores(_ graph: AnalysisGraph, _ groups: [Int], _ node: Int) -> [BrokerageRole: Int] {
        let result = graph.brokerage(groups: groups)[node]
        return Dictionary(uniqueKeysWithValues: BrokerageRole.allCases.map { ($0, result[$0]) })
    }

    func testEachRoleOnATwoPath() {
        // a=0 → v=1 → c=2, no tie 0 → 2: exactly one brokered pair, its role set by the groups.
        let graph = makeGraph(3, [(0, 1), (1, 2)], directed: true)
        let cases: [([Int], BrokerageRole)] = [
            ([0, 0, 0], .coordinator), ([0, 1, 0], .itinerant), ([0, 0, 1], .representative),
            ([0, 1, 1], .gatekeeper), ([0, 1, 2], .liaison),
        ]
        for (groups, role) in cases {
            let got = scores(graph, groups, 1)
            for other in BrokerageRole.allCases { XCTAssertEqual(got[other], other == role ? 1 : 0, "\(groups) \(other)") }
            XCTAssertEqual(graph.brokerage(groups: groups)[0].total, 0)
            XCTAssertEqual(graph.brokerage(groups: groups)[2].total, 0)
        }
    }

    func testDirectTieRemovesBrokerage() {
        let graph = makeGraph(3, [(0, 1), (1, 2), (0, 2)], directed: true)
        XCTAssertEqual(graph.brokerage(groups: [0, 0, 0])[1].total, 0)
        // The reverse tie 2 → 0 does not close the pair (0, 2).
        let reverse = makeGraph(3, [(0, 1), (1, 2), (2, 0)], directed: true)
        XCTAssertEqual(reverse.brokerage(groups: [0, 0, 0])[1].total, 1)
    }

    func testWorkedExampleByHand() {
        // Groups: A = {0, 1}, B = {2, 3}, C = {4}. Ties: 0→2, 1→2, 2→3, 2→4, 3→1, 4→0.
        // Broker 2: pairs (0,3) gatekeeper? G(0)=A, G(2)=B, G(3)=B → gatekeeper; (0,4) A,B,C → liaison;
        //   (1,3) gatekeeper; (1,4) liaison.                        → gatekeeper 2, liaison 2.
        // Broker 3: (2,1): G(2)=B=G(3), G(1)=A → representative.     → representative 1.
        // Broker 1: (3,2): 3→2? no tie, so brokered; B, A, B → itinerant. → itinerant 1.
        // Broker 4: (2,0): B, C, A → liaison.                        → liaison 1.
        // Broker 0: (4,2): C, A, B → liaison.                        → liaison 1.
        let graph = makeGraph(5, [(0, 2), (1, 2), (2, 3), (2, 4), (3, 1), (4, 0)], directed: true)
        let groups = [0, 0, 1, 1, 2]
        let result = graph.brokerage(groups: groups)
        XCTAssertEqual(result[2][.gatekeeper], 2)
        XCTAssertEqual(result[2][.liaison], 2)
        XCTAssertEqual(result[2].total, 4)
        XCTAssertEqual(result[3][.representative], 1)
        XCTAssertEqual(result[3].total, 1)
        XCTAssertEqual(result[1][.itinerant], 1)
        XCTAssertEqual(result[1].total, 1)
        XCTAssertEqual(result[4][.liaison], 1)
        XCTAssertEqual(result[0][.liaison], 1)
    }

    func testFourNodeExampleWorkedByHand() {
        // The 4-node example of the R package cograph's brokerage functions (documented there as matching
        // sna::brokerage$raw.nli bit for bit): A→B, A→C, B→C, B→D, C→D, D→A with groups A,B = 1 and C,D = 2.
        // Worked by hand from the definition:
        //   A brokers (D,B): 2,1,1 gatekeeper; (D,C): 2,1,2 itinerant.
        //   B brokers (A,D): 1,1,2 representative; (A,C) is closed by A→C.
        //   C brokers (A,D): 1,2,2 gatekeeper; (B,D) is closed by B→D.
        //   D brokers (B,A): 1,2,1 itinerant; (C,A): 2,2,1 representative.
        // https://rdrr.io/cran/cograph/man/centrality_brokerage_itinerant.html
        let graph = makeGraph(4, [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3), (3, 0)], directed: true)
        let result = graph.brokerage(groups: [1, 1, 2, 2])
        let expected: [[BrokerageRole: Int]] = [
            [.gatekeeper: 1, .itinerant: 1], [.representative: 1], [.gatekeeper: 1], [.itinerant: 1, .representative: 1],
        ]
        for node in 0..<4 {
            for role in BrokerageRole.allCases {
                XCTAssertEqual(result[node][role], expected[node][role] ?? 0, "node \(node) \(role)")
            }
        }
    }

    func testUndirectedCountsBothDirections() {
        // Path 0 - 1 - 2 undirected: the centre brokers (0,2) and (2,0).
        let graph = makeGraph(3, [(0, 1), (1, 2)])
        XCTAssertEqual(graph.brokerage(groups: [0, 0, 1])[1][.representative], 1)
        XCTAssertEqual(graph.brokerage(groups: [0, 0, 1])[1][.gatekeeper], 1)
        XCTAssertEqual(graph.brokerage(groups: [0, 0, 1])[1].total, 2)
    }

    func testMatchesDirectEnumerationOnFixtures() throws {
        for name in ["karate", "directed"] {
            let network = try AnalysisFixtures.network(name)
            let expected = try XCTUnwrap(try AnalysisFixtures.expected(name)["brokerage"] as? [String: [String: [String: Int]]])
            let graph = AnalysisGraph(network, directed: true)
            for (attribute, table) in expected {
                let labels = graph.ids.map { id -> String? in
                    guard let node = network.node(id) else { return nil }
                    return attribute == "kind" ? node.kind : node.attributes[attribute]
                }
                let result = graph.brokerage(groups: AnalysisGraph.groupNumbers(labels).groups)
                var nonzero = 0
                for (index, id) in graph.ids.enumerated() {
                    let want = try XCTUnwrap(table[id])
                    for role in BrokerageRole.allCases {
                        XCTAssertEqual(result[index][role], want[role.rawValue], "\(name) by \(attribute): \(id) \(role)")
                    }
                    nonzero += result[index].total > 0 ? 1 : 0
                }
                XCTAssertGreaterThan(nonzero, 0, "\(name) by \(attribute) has brokers")
            }
        }
    }
}
