import XCTest
@testable import Graph

final class ConsortiumEvaluationTests: XCTestCase {
    func testRecallAndReciprocalRankOfOneQuery() {
        let outcome = ConsortiumEvaluation.outcome(["x", "p1", "y", "z", "w", "v", "p2"], partners: ["p1", "p2", "p3"])
        XCTAssertEqual(outcome.hits5, 1)
        XCTAssertEqual(outcome.hits10, 2)
        XCTAssertEqual(outcome.reciprocalRank, 0.5)
        XCTAssertEqual(ConsortiumEvaluation.outcome(["x"], partners: ["p"]).reciprocalRank, 0)
    }

    func testRandomBaselineIsTheExpectedValue() {
        // One partner among 4 reachable: E[RR] = (1 + 1/2 + 1/3 + 1/4) / 4; every partner is in the top 5 of 4.
        let one = ConsortiumEvaluation.randomOutcome(reachable: ["a", "b", "c", "p"], partners: ["p"])
        XCTAssertEqual(one.reciprocalRank, (1 + 0.5 + 1.0 / 3 + 0.25) / 4, accuracy: 1e-12)
        XCTAssertEqual(one.hits5, 1, accuracy: 1e-12)
        // Two partners among 3: first at 1 with P 2/3, at 2 with P 1/3.
        let two = ConsortiumEvaluation.randomOutcome(reachable: ["a", "p", "q"], partners: ["p", "q", "unreachable"])
        XCTAssertEqual(two.reciprocalRank, 2.0 / 3 + 0.5 / 3, accuracy: 1e-12)
        XCTAssertEqual(two.partners, 3)
    }

    func testPooledRecallAndBootstrapInterval() {
        let outcomes = [ConsortiumEvaluation.Outcome(hits5: 1, hits10: 2, reciprocalRank: 1, partners: 2),
                        ConsortiumEvaluation.Outcome(hits5: 0, hits10: 0, reciprocalRank: 0, partners: 6)]
        let summary = ConsortiumEvaluation.summary(outcomes, resamples: 200, seed: 1)
        XCTAssertEqual(summary.recall5, 1.0 / 8, accuracy: 1e-12, "pooled: Σ hits / Σ partners")
        XCTAssertEqual(summary.recall10, 2.0 / 8, accuracy: 1e-12)
        XCTAssertEqual(summary.mrr, 0.5, accuracy: 1e-12)
        XCTAssertEqual(summary.intervalMRR.0, 0, accuracy: 1e-12)
        XCTAssertEqual(summary.intervalMRR.1, 1, accuracy: 1e-12)
        XCTAssertLessThanOrEqual(summary.interval10.0, summary.recall10)
    }

    func testPairedDifferenceResamplesTheSameQueriesForBoth() {
        typealias Outcome = ConsortiumEvaluation.Outcome
        let better = [Outcome(hits5: 1, hits10: 1, reciprocalRank: 1, partners: 1), Outcome(hits5: 1, hits10: 2, reciprocalRank: 0.5, partners: 2),
                      Outcome(hits5: 0, hits10: 1, reciprocalRank: 0.25, partners: 1)]
        let worse = [Outcome(hits5: 0, hits10: 0, reciprocalRank: 0.5, partners: 1), Outcome(hits5: 0, hits10: 1, reciprocalRank: 0.2, partners: 2),
                     Outcome(hits5: 0, hits10: 0, reciprocalRank: 0, partners: 1)]
        let difference = ConsortiumEvaluation.pairedDifference(better, worse, resamples: 500, seed: 3)
        XCTAssertEqual(difference.recall5, 2.0 / 4, accuracy: 1e-12)
        XCTAssertEqual(difference.recall10, 3.0 / 4, accuracy: 1e-12)
        XCTAssertEqual(difference.mrr, (0.5 + 0.3 + 0.25) / 3, accuracy: 1e-12)
        // Better on every query: every paired resample is ahead, so the interval stays above 0 (unpaired
        // intervals of the two methods would overlap).
        XCTAssertGreaterThan(difference.intervalMRR.0, 0)
        XCTAssertGreaterThan(difference.interval10.0, 0)
        let none = ConsortiumEvaluation.pairedDifference(better, better, resamples: 100, seed: 3)
        XCTAssertEqual([none.recall5, none.interval5.0, none.interval5.1, none.intervalMRR.1], [0, 0, 0, 0])
        let alone = ConsortiumEvaluation.summary(better, resamples: 100, seed: 3)
        XCTAssertEqual(alone.mrr, (1 + 0.5 + 0.25) / 3, accuracy: 1e-12)
    }

    func testQueriesHoldOutTheProjectAndAskTheLead() throws {
        let options = ImportOptions(shape: .participations)
        let network = try ForskningsradetImport.read(grants: packageRoot.appendingPathComponent("Tests/Fixtures/import/forskningsradet.csv").path, options: options).network(options)
        let queries = ConsortiumEvaluation.queries(in: network, country: "NO", theme: { [$0.attributes["topic"] ?? ""] }, programme: { _ in .unrestricted })
        // TrAM has 7 Norwegian partners (Rogaland fylkeskommune coordinates), EUROqCHARM 3 with an organisation number.
        XCTAssertEqual(queries.map(\.project), ["project-eu-101003805", "project-eu-769303"])
        let tram = try XCTUnwrap(queries.last)
        XCTAssertEqual(tram.lead, "org-no-971045698")
        XCTAssertEqual(tram.partners.count, 6)
        XCTAssertEqual(tram.themeText, ["Complex and value-added specialised vessels"])
        XCTAssertEqual(queries.first?.lead, "org-no-855869942", "the coordinator NIVA")
        let rankings = try ConsortiumEvaluation.rankings(tram, in: network)
        // Without TrAM, Rogaland fylkeskommune has no other project: nothing is reachable, so every other
        // organisation is a new contact, ranked by its other signals with closeness 0.
        XCTAssertEqual(rankings.reachable, [])
        XCTAssertEqual(rankings.netmap.count, network.nodes.filter { $0.kind != "project" }.count - 1)
        XCTAssertTrue(rankings.netmap.allSatisfy { $0.signals.closeness == 0 })
        let ranked = ConsortiumEvaluation.order(rankings.netmap, weights: .standard)
        XCTAssertEqual(ranked.first, "org-no-855869942", "NIVA coordinated EUROqCHARM, so it has the most experience")
        XCTAssertEqual(rankings.mostActive.count, network.nodes.filter { $0.kind != "project" }.count - 1)
    }
}
