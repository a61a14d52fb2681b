import Foundation
import XCTest
@testable import Graph

let consortiumFixtures = packageRoot.appendingPathComponent("Tests/Fixtures/consortium")

func consortiumNetwork() throws -> Network {
    try NetworkLoader.loadValid([consortiumFixtures.appendingPathComponent("nordic.yaml").path]).network
}

func testRules() throws -> ProgrammeCatalogue {
    try ProgrammeCatalogue.load(consortiumFixtures.appendingPathComponent("programmes.yaml").path)
}

final class ConsortiumTests: XCTestCase {
    func find(_ programme: String, lead: String = "fylke-a", configure: (inout ConsortiumQuery) -> Void = { _ in }) throws -> ConsortiumResult {
        let network = try consortiumNetwork()
        let rules = try XCTUnwrap(try testRules().programme(programme))
        var query = ConsortiumQuery(programme: rules, lead: lead)
        configure(&query)
        return try ConsortiumFinder.find(in: network, query: query)
    }

    func ids(_ consortium: Consortium) -> [String] { consortium.partners.map(\.node.id) }

    // MARK: Paths

    func testCheapestPathsCiteEveryHopAndRespectTheHopLimit() throws {
        let network = try consortiumNetwork()
        let graph = TieGraph(network) { $0.kind != "theme" }
        let lead = try XCTUnwrap(network.index(of: "fylke-a"))
        let tree = graph.cheapestPaths(from: [lead], maxHops: 3)
        func cost(_ id: String) -> Double { tree.cost(to: network.index(of: id)!) }
        XCTAssertEqual(cost("uni-se"), 1, accuracy: 1e-9)
        XCTAssertEqual(cost("byra-de"), 1.5, accuracy: 1e-9)      // uncited partner_of
        XCTAssertEqual(cost("forskning-fi"), 1.5, accuracy: 1e-9) // shared membership 0.75 + 0.75
        XCTAssertEqual(cost("kommune-se"), 2, accuracy: 1e-9)
        XCTAssertEqual(cost("firma-is"), 2.5, accuracy: 1e-9)
        XCTAssertEqual(cost("mellom"), .infinity)                  // four hops: netverk, forskning-fi, firma-is, mellom
        XCTAssertEqual(cost("tema-energi"), .infinity)             // themes are not paths
        let hops = tree.hops(to: network.index(of: "forskning-fi")!)
        XCTAssertEqual(hops.map { network.nodes[$0.to].id }, ["netverk", "forskning-fi"])
        XCTAssertEqual(hops.map { network.citationText(network.edges[$0.edge]) }, ["src1, p. 2", "src1, p. 3"])
        XCTAssertEqual(graph.cheapestPaths(from: [lead], maxHops: 5).cost(to: network.index(of: "fjern-fi")!), 4.5, accuracy: 1e-9)
        XCTAssertEqual(graph.cheapestPaths(from: [lead], maxHops: 4).cost(to: network.index(of: "fjern-fi")!), .infinity)
    }

    func testHopLimitKeepsAShortExpensivePathOverALongCheapOne() throws {
        // a–d directly by an uncited 'related_to' (cost 3), or a–b–c–d by three partner_of ties (cost 3 → tie); make the direct one cheaper at 1 hop limit.
        var network = Network(sources: ["s": Source(id: "s", title: "s")])
        for id in ["a", "b", "c", "d"] { network.upsert(Node(id: id, kind: "county", attributes: ["country": "NO"])) }
        network.edges = [
            Edge(from: "a", to: "b", relation: "partner_of", citations: [Citation(source: "s")]),
            Edge(from: "b", to: "c", relation: "partner_of", citations: [Citation(source: "s")]),
            Edge(from: "c", to: "d", relation: "partner_of", citations: [Citation(source: "s")]),
            Edge(from: "a", to: "d", relation: "related_to"),
        ]
        let graph = TieGraph(network) { _ in true }
        XCTAssertEqual(graph.cheapestPaths(from: [0], maxHops: 1).cost(to: 3), 3, accuracy: 1e-9)
        XCTAssertEqual(graph.cheapestPaths(from: [0], maxHops: 3).cost(to: 3), 3, accuracy: 1e-9)
        XCTAssertEqual(graph.cheapestPaths(from: [0], maxHops: 2).cost(to: 2), 2, accuracy: 1e-9)
    }

    // MARK: Search and explanation

    func testCrossBorderConsortiumIsTheDirectSwedishPartner() throws {
        let result = try find("two-sides")
        XCTAssertEqual(result.unmet, [])
        XCTAssertEqual(result.method, .exact)
        let best = try XCTUnwrap(result.consortia.first)
        XCTAssertEqual(ids(best), ["fylke-a", "uni-se"])
        XCTAssertTrue(best.rules.allSatisfy(\.met))
        // closeness 1 (direct cited partner_of) + brokerage 0.2: uni-se ties Fylke A (NO) to Kommun SE, which Fylke A has no tie to.
        XCTAssertEqual(best.score, 1.2, accuracy: 1e-9)
        let partner = best.partners[1]
        XCTAssertEqual(partner.parts, ScoreParts(closeness: 1, brokerage: 0.2))
        XCTAssertEqual(partner.gatekeeperPairs, 1)
        XCTAssertEqual(partner.path.map(\.relation), ["partner_of"])
        XCTAssertEqual(partner.path.first?.citation, "src1")
        XCTAssertEqual(partner.themes, ["tema-energi"])
        // Second best: Kommun SE two hops away (closeness 2/3).
        XCTAssertEqual(result.consortia.map { $0.partners[1].node.id }, ["uni-se", "kommune-se"])
        XCTAssertEqual(result.consortia[1].score, 2.0 / 3.0, accuracy: 1e-9)
    }

    func testExplanationsSumToTheScore() throws {
        for programme in ["three-eu", "need-research", "two-sides", "experienced"] {
            let result = try find(programme) { $0.themes = ["tema-energi"]; $0.top = 5 }
            XCTAssertFalse(result.consortia.isEmpty, programme)
            for consortium in result.consortia {
                let partners = consortium.partners.filter { $0.role == .partner }
                for partner in partners {
                    let parts = partner.parts
                    XCTAssertEqual(parts.total, parts.closeness + parts.theme + parts.experience + parts.brokerage, accuracy: 1e-12)
                }
                XCTAssertEqual(partners.map(\.share).reduce(0, +), consortium.score, accuracy: 1e-9, programme)
                XCTAssertEqual(consortium.partners.first?.role, .lead)
            }
            let scores = result.consortia.map(\.score)
            XCTAssertEqual(scores, scores.sorted(by: >), "best consortium first")
        }
    }

    func testThemeExperienceAndSetClosenessParts() throws {
        let themed = try find("three-eu") { $0.themes = ["tema-energi"] }
        let best = try XCTUnwrap(themed.consortia.first)
        // Both energy partners win: uni-se (closeness 1 + theme) and forskning-fi (0.8 + theme), theme = its full weight.
        XCTAssertEqual(Set(ids(best)), ["fylke-a", "uni-se", "forskning-fi"])
        let fi = try XCTUnwrap(best.partners.first { $0.node.id == "forskning-fi" })
        XCTAssertEqual(fi.parts.theme, ScoreWeights.standard.theme, accuracy: 1e-12)
        XCTAssertEqual(fi.parts.closeness, 0.8, accuracy: 1e-12)
        XCTAssertEqual(fi.path.map(\.relation), ["member_of", "member_of"])
        XCTAssertEqual(fi.path.map(\.reversed), [false, true])

        let experienced = try find("experienced") { $0.include = ["kommune-se"] }
        let kommune = try XCTUnwrap(experienced.consortia.first?.partners.first { $0.node.id == "kommune-se" })
        XCTAssertEqual(kommune.parts.experience, ScoreWeights.standard.experience, accuracy: 1e-12)
        XCTAssertEqual(kommune.programmes, ["prog-x"])

        // Closeness to a fellow partner counts: with uni-se in the consortium, kommune-se is one hop from it.
        let pair = try find("need-research") { $0.include = ["uni-se", "kommune-se"]; $0.size = 4...4 }
        let withFellow = try XCTUnwrap(pair.consortia.first?.partners.first { $0.node.id == "kommune-se" })
        XCTAssertEqual(withFellow.parts.closeness, 1, accuracy: 1e-12)
        XCTAssertEqual(withFellow.closestTo, "uni-se")
    }

    func testBrokerageIsGatekeeperIntoARequiredCountry() throws {
        // forskning-fi ties fylke-a's side? No: brokerage needs a direct tie to an actor from the lead's country.
        var network = try consortiumNetwork()
        network.edges.append(Edge(from: "skole-no", to: "forskning-fi", relation: "partner_of", citations: [Citation(source: "src1")]))
        network.upsert(Node(id: "lab-fi", label: "Lab FI", kind: "research", attributes: ["country": "FI"]))
        network.edges.append(Edge(from: "forskning-fi", to: "lab-fi", relation: "partner_of", citations: [Citation(source: "src1")]))
        let rules = try XCTUnwrap(try testRules().programme("three-eu"))
        let result = try ConsortiumFinder.find(in: network, query: ConsortiumQuery(programme: rules, lead: "fylke-a"))
        let fi = result.consortia.flatMap(\.partners).first { $0.node.id == "forskning-fi" }
        XCTAssertEqual(fi?.gatekeeperPairs, 1)  // (skole-no, lab-fi)
        XCTAssertEqual(fi?.parts.brokerage ?? 0, ScoreWeights.standard.brokerage, accuracy: 1e-12)
        let us = ConsortiumFinder.gatekeeperPairs(network.index(of: "region-us")!, graph: TieGraph(network) { _ in true }, network: network, outsideCountry: "NO")
        XCTAssertEqual(us, 0)
    }

    // MARK: Impossible consortia name what is missing

    func testUnreachableRequirementIsNamed() throws {
        let result = try find("needs-japan")
        XCTAssertTrue(result.consortia.isEmpty)
        XCTAssertEqual(result.unmet, ["at least 1 partner from JP: no partner from JP reachable within 3 ties of Fylke A"])
    }

    func testLeadRuleAndMaxHopsAndSizeLimits() throws {
        let led = try find("lead-eu")
        XCTAssertTrue(led.consortia.isEmpty)
        XCTAssertEqual(led.unmet.first, "lead partner from an EU member state (Fylke A is from NO): no consortium led by Fylke A is eligible")

        let near = try find("three-eu") { $0.maxHops = 1 }
        // Within one tie: SE (uni-se), DE (byra-de), NO (skole-no), US (outside) — three countries, so eligible.
        XCTAssertEqual(near.unmet, [])
        let nearer = try find("need-research") { $0.maxHops = 1 }
        XCTAssertEqual(nearer.unmet, ["at least 2 partners of kind university or research: only 1 university or research partner reachable within 1 tie of Fylke A"])

        let capped = try find("max-two") { $0.size = 3...4 }
        XCTAssertEqual(capped.unmet, ["at least 3 partners: the programme allows at most 2 partners"])
    }

    func testIncludeExcludeAndKinds() throws {
        let excluded = try find("two-sides") { $0.exclude = ["uni-se"] }
        XCTAssertEqual(excluded.consortia.first.map(ids), ["fylke-a", "kommune-se"])
        let included = try find("three-eu") { $0.include = ["firma-is"] }
        XCTAssertTrue(included.consortia.allSatisfy { ids($0).contains("firma-is") })
        let kinds = try find("three-eu") { $0.kinds = ["research", "business"] }
        XCTAssertEqual(kinds.consortia.first.map { Set(ids($0)) }, ["fylke-a", "forskning-fi", "firma-is"])
        XCTAssertThrowsError(try find("three-eu") { $0.include = ["nobody"] })
        XCTAssertThrowsError(try find("three-eu") { $0.include = ["uni-se"]; $0.exclude = ["uni-se"] })
        XCTAssertThrowsError(try find("three-eu", lead: "nobody")) { error in
            XCTAssertEqual((error as? GraphError)?.description, "error: no node matches 'nobody'; `netmap find` with part of the name lists the ids")
        }
    }

    // MARK: Exact and heuristic search agree

    func testBeamAgreesWithExactOnTheFixture() throws {
        for programme in ["two-sides", "three-eu", "need-research", "experienced", "max-two"] {
            for size in [nil, 3...4] as [ClosedRange<Int>?] where !(programme == "max-two" && size != nil) {
                let exact = try find(programme) { $0.method = .exact; $0.size = size; $0.themes = ["tema-energi"] }
                let beam = try find(programme) { $0.method = .beam; $0.size = size; $0.themes = ["tema-energi"] }
                XCTAssertEqual(exact.consortia.map { ids($0) }, beam.consortia.map { ids($0) }, "\(programme) \(String(describing: size))")
            }
        }
    }

    func testBeamAgreesWithExactOnRandomNetworks() throws {
        var generator = SplitMixGenerator(seed: 20240611)
        let countries = ["NO", "SE", "FI", "DE", "DK", "IS", "US"]
        let kinds = ["university", "research", "business", "agency", "municipality"]
        let relations = ["partner_of", "cooperates_with", "member_of", "participates_in"]
        let rules = try testRules()
        var agreements = 0
        for round in 0..<12 {
            var network = Network(sources: ["s": Source(id: "s", title: "s")])
            network.upsert(Node(id: "lead", kind: "county", attributes: ["country": "NO"]))
            for i in 0..<22 {
                let country = countries[Int(generator.next() % UInt64(countries.count))]
                network.upsert(Node(id: "n\(i)", kind: kinds[Int(generator.next() % UInt64(kinds.count))], attributes: ["country": country]))
            }
            for _ in 0..<40 {
                let a = Int(generator.next() % 23), b = Int(generator.next() % 23)
                if a == b { continue }
                let cited = generator.next() % 3 != 0
                network.edges.append(Edge(from: network.nodes[a].id, to: network.nodes[b].id,
                                          relation: relations[Int(generator.next() % UInt64(relations.count))],
                                          citations: cited ? [Citation(source: "s")] : []))
            }
            for programme in ["three-eu", "need-research"] {
                var query = ConsortiumQuery(programme: try XCTUnwrap(rules.programme(programme)), lead: "lead")
                query.size = 3...(round % 2 == 0 ? 3 : 4)
                query.top = 3
                query.method = .exact
                let exact = try ConsortiumFinder.find(in: network, query: query)
                query.method = .beam
                query.beamWidth = 16
                let beam = try ConsortiumFinder.find(in: network, query: query)
                XCTAssertEqual(exact.unmet, beam.unmet)
                XCTAssertEqual(exact.consortia.first?.score ?? -1, beam.consortia.first?.score ?? -1, accuracy: 1e-9, "round \(round) \(programme)")
                XCTAssertEqual(exact.consortia.map(\.score).count, beam.consortia.map(\.score).count)
                // Every proposed consortium meets every rule, whichever search found it.
                for consortium in exact.consortia + beam.consortia { XCTAssertTrue(consortium.rules.allSatisfy(\.met)) }
                if !exact.consortia.isEmpty { agreements += 1 }
            }
        }
        XCTAssertGreaterThan(agreements, 12, "the random networks must give consortia to compare")
    }

    func testExactSearchFindsTheTrueOptimumByEnumeration() throws {
        // Brute force over all pairs and triples of the fixture's candidates equals branch and bound.
        let network = try consortiumNetwork()
        let rules = try XCTUnwrap(try testRules().programme("three-eu"))
        var query = ConsortiumQuery(programme: rules, lead: "fylke-a")
        query.size = 3...4
        query.top = 1
        query.themes = ["tema-energi"]
        let result = try ConsortiumFinder.find(in: network, query: query)
        let candidates = ["uni-se", "kommune-se", "forskning-fi", "byra-de", "firma-is", "skole-no"]
        var bestScore = -1.0
        for mask in 1..<(1 << candidates.count) where (2...3).contains(mask.nonzeroBitCount) {
            let chosen = candidates.indices.filter { mask & (1 << $0) != 0 }.map { candidates[$0] }
            var q = query
            q.include = chosen
            q.size = (chosen.count + 1)...(chosen.count + 1)
            if let score = try ConsortiumFinder.find(in: network, query: q).consortia.first?.score { bestScore = max(bestScore, score) }
        }
        XCTAssertEqual(result.consortia.first?.score ?? 0, bestScore, accuracy: 1e-9)
    }
}

final class ExactSearchOrderTests: XCTestCase {
    /// A candidate far from the lead in a direct tie to another candidate ranks last by closeness to the lead
    /// but has a high bound; branch and bound must still find it.
    ///
    /// Closeness (2 / (1 + cost)): a 1 (cited partner_of), b 0.8 (uncited partner_of), c 0.571 (via an actor
    /// without a country: 1 + 1.5), j 0.5 from the lead but 0.8 from b. Consortia of the lead and two partners:
    /// {a, b} 0.9, {b, j} 0.8, {a, c} 0.786, {a, j} 0.75, {b, c} 0.686 — the second best is {b, j}.
    func testExactFindsAPartnerCloseToAnotherCandidateButFarFromTheLead() throws {
        let cite = [Citation(source: "s")]
        let nodes = [Node(id: "lead", kind: "county", attributes: ["country": "NO"]),
                     Node(id: "a", kind: "region", attributes: ["country": "NO"]),
                     Node(id: "b", kind: "region", attributes: ["country": "NO"]),
                     Node(id: "c", kind: "region", attributes: ["country": "NO"]),
                     Node(id: "j", kind: "region", attributes: ["country": "NO"]),
                     Node(id: "x", kind: "network")]
        let edges = [Edge(from: "lead", to: "a", relation: "partner_of", citations: cite),
                     Edge(from: "lead", to: "b", relation: "partner_of"),
                     Edge(from: "lead", to: "x", relation: "partner_of", citations: cite),
                     Edge(from: "x", to: "c", relation: "partner_of"),
                     Edge(from: "b", to: "j", relation: "cooperates_with")]
        let network = Network(sources: ["s": Source(id: "s", title: "S")], nodes: nodes, edges: edges)
        var rules = ProgrammeRules(id: "three", label: "Three")
        rules.minPartners = 3
        rules.maxPartners = 3
        for method in [ConsortiumQuery.Method.exact, .beam] {
            var query = ConsortiumQuery(programme: rules, lead: "lead")
            query.top = 2
            query.method = method
            let result = try ConsortiumFinder.find(in: network, query: query)
            XCTAssertEqual(result.consortia.map { $0.partners.map(\.node.id) }, [["lead", "a", "b"], ["lead", "b", "j"]], "\(method)")
            XCTAssertEqual(result.consortia.first?.score ?? 0, 0.9, accuracy: 1e-9)
            XCTAssertEqual(result.consortia.last?.score ?? 0, 0.8, accuracy: 1e-9)
        }
    }
}
