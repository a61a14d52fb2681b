import XCTest
@testable import Graph

/// The consortium finder's sentences: the English the CLI prints, and the Norwegian of the report page.
final class ConsortiumSentenceTests: XCTestCase {
    let nordic = CountrySet(codes: ["SE", "NO"], label: "a Nordic country", translatedNames: ["nb": ["et nordisk land"], "nn": ["eit nordisk land"]])

    func testEnglishIsWhatTheCommandPrints() {
        XCTAssertEqual(ConsortiumSentence.size(min: 1, max: 4, has: 2).description, "at least 1 partner and at most 4 (has 2)")
        XCTAssertEqual(ConsortiumSentence.countries(min: 1, among: nil, has: ["NO"]).description, "partners from at least 1 different country (has 1: NO)")
        XCTAssertEqual(ConsortiumSentence.countries(min: 2, among: nordic, has: ["NO", "SE"]).description,
                       "partners from at least 2 different countries among a Nordic country (has 2: NO, SE)")
        XCTAssertEqual(ConsortiumSentence.everyPartnerFrom(nordic, outside: ["DK", nil]).description, "every partner from a Nordic country (outside: DK, no country)")
        XCTAssertEqual(ConsortiumSentence.ofKind(min: 1, kinds: ["university", "research", "school"], has: 0).description,
                       "at least 1 partner of kind university, research or school (has 0)")
        XCTAssertEqual(ConsortiumSentence.leadBreaks(.leadFrom(nordic, lead: "Kaunas", country: nil), lead: "Kaunas").description,
                       "lead partner from a Nordic country (Kaunas is from no recorded country): no consortium led by Kaunas is eligible")
        XCTAssertEqual(ConsortiumSentence.tooFewFromReachable(min: 2, nordic, have: 0, hops: 1, lead: "Kaunas").description,
                       "at least 2 partners from a Nordic country: no partner from a Nordic country reachable within 1 tie of Kaunas")
        XCTAssertEqual(ConsortiumSentence.leftOutNoCountry(1, hops: 3).description, "1 actor within 3 ties left out: no `country` recorded")
        XCTAssertEqual(ConsortiumSentence.leftOutCountries(["US": 1, "CN": 3], hops: nil).description,
                       "actors left out as outside the programme's countries: CN 3, US 1")
        XCTAssertEqual(ConsortiumSentence.method(exact: false, beamWidth: 64, candidates: 1).description,
                       "beam search (width 64) with swap improvement over 1 candidate")
        XCTAssertEqual(RuleOutcome(rule: "free text", met: true).rule, "free text")
    }

    func testNorwegianUsesTheGroupsTranslationsAndTheKindsNames() {
        XCTAssertEqual(ConsortiumSentence.fromCountries(min: 2, CountrySet(codes: ["SE", "NO", "DK"], label: "a Nordic country or DK",
                                                                            names: ["a Nordic country", "DK"], translatedNames: ["nb": ["et nordisk land", "DK"]]), has: 1).text("nb"),
                       "minst 2 partnere fra et nordisk land eller DK (har 1)")
        XCTAssertEqual(ConsortiumSentence.ofKind(min: 1, kinds: ["university", "research"], has: 0).text("nn", kindNames: ["university": "universitet", "research": "forskingsinstitutt"]),
                       "minst 1 partnar av typen universitet eller forskingsinstitutt (har 0)")
        XCTAssertEqual(ConsortiumSentence.leftOutArea(2, hops: 3).text("nb"), "2 aktører innen 3 forbindelser utelatt: NUTS-regionen deres er utenfor programområdet")
        // A group without a translation keeps its English name; an unknown language is English.
        XCTAssertEqual(ConsortiumSentence.side(CountrySet(codes: ["FI"], label: "Finland"), has: 1).text("nn"), "ein partnar frå Finland, den eine sida av samarbeidet (har 1)")
        XCTAssertEqual(ConsortiumSentence.size(min: 2, max: nil, has: 3).text("de"), "at least 2 partners (has 3)")
    }

    func testTheProgrammeFileGivesGroupsTheirNorwegianNames() throws {
        let rules = try XCTUnwrap(try ProgrammeCatalogue.load(packageRoot.appendingPathComponent("data/programmes.yaml").path).programme("interreg-aurora"))
        let aurora = try XCTUnwrap(rules.eligibleCountries)
        XCTAssertEqual(aurora.names(in: "nb"), ["et land i Interreg Aurora (SE, FI, NO)"])
        XCTAssertEqual(aurora.names(in: "en"), ["an Interreg Aurora country (SE, FI, NO)"])
    }
}
