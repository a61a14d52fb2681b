import XCTest
@testable import Graph

/// Every rule type, satisfied and violated, checked on consortia given as (country, kind) pairs.
final class RuleCheckTests: XCTestCase {
    func check(_ programme: String, _ members: [(String?, String)]) throws -> (met: Bool, outcomes: [RuleOutcome]) {
        let rules = try XCTUnwrap(try testRules().programme(programme))
        var compiled = CompiledRules(rules)
        let codes = members.map { compiled.code(country: $0.0, kind: $0.1) }
        let outcomes = compiled.outcomes(members: codes, leadCountry: members[0].0, leadKind: members[0].1, leadLabel: "Lead")
        XCTAssertEqual(compiled.isSatisfied(codes) && outcomes.allSatisfy(\.met) || !compiled.isSatisfied(codes) && !outcomes.allSatisfy(\.met)
                       || !outcomes.filter({ $0.rule.hasPrefix("lead") }).allSatisfy(\.met), true)
        return (outcomes.allSatisfy(\.met), outcomes)
    }

    func unmet(_ result: (met: Bool, outcomes: [RuleOutcome])) -> [String] { result.outcomes.filter { !$0.met }.map(\.rule) }

    func testMinimumPartnersAndCountries() throws {
        XCTAssertTrue(try check("three-eu", [("NO", "county"), ("SE", "university"), ("IS", "business")]).met)
        XCTAssertEqual(unmet(try check("three-eu", [("NO", "county"), ("SE", "university")])),
                       ["at least 3 partners (has 2)", "partners from at least 3 different countries (has 2: NO, SE)"])
        XCTAssertEqual(unmet(try check("three-eu", [("NO", "county"), ("SE", "university"), ("SE", "research")])),
                       ["partners from at least 3 different countries (has 2: NO, SE)"])
    }

    func testMaximumPartners() throws {
        XCTAssertTrue(try check("max-two", [("NO", "county"), ("SE", "university")]).met)
        XCTAssertEqual(unmet(try check("max-two", [("NO", "county"), ("SE", "university"), ("FI", "research")])),
                       ["at least 2 partners and at most 2 (has 3)"])
    }

    func testEligibleCountries() throws {
        XCTAssertEqual(unmet(try check("three-eu", [("NO", "county"), ("SE", "university"), ("US", "region")])),
                       ["partners from at least 3 different countries (has 3: NO, SE, US)", "every partner from an EU member state or NO or IS (outside: US)"]
                       .filter { !$0.hasPrefix("partners from") })
    }

    func testMinimumFromEU() throws {
        XCTAssertEqual(unmet(try check("three-eu", [("NO", "county"), ("IS", "university"), ("NO", "research")])),
                       ["partners from at least 3 different countries (has 2: IS, NO)", "at least 1 partner from an EU member state (has 0)"])
        XCTAssertTrue(try check("three-eu", [("NO", "county"), ("IS", "university"), ("DK", "research")]).met)
    }

    func testRequiredKinds() throws {
        XCTAssertTrue(try check("need-research", [("NO", "county"), ("SE", "university"), ("FI", "research")]).met)
        XCTAssertEqual(unmet(try check("need-research", [("NO", "county"), ("SE", "university"), ("FI", "business")])),
                       ["at least 2 partners of kind university or research (has 1)"])
    }

    func testCrossBorderSides() throws {
        XCTAssertTrue(try check("two-sides", [("NO", "county"), ("SE", "municipality")]).met)
        XCTAssertEqual(unmet(try check("two-sides", [("NO", "county"), ("NO", "school")])),
                       ["partners from at least 2 different countries (has 1: NO)", "a partner from SE, one side of the partnership (has 0)"])
    }

    func testLeadCountry() throws {
        XCTAssertTrue(try check("lead-eu", [("SE", "county"), ("NO", "university")]).met)
        XCTAssertEqual(unmet(try check("lead-eu", [("NO", "county"), ("SE", "university")])),
                       ["lead partner from an EU member state (Lead is from NO)"])
    }

    func testNodeWithoutCountryCountsForNoCountryRule() throws {
        XCTAssertEqual(unmet(try check("two-sides", [("NO", "county"), (nil, "municipality")])),
                       ["partners from at least 2 different countries (has 1: NO)", "every partner from SE or NO (outside: no country)",
                        "a partner from SE, one side of the partnership (has 0)"])
    }

    func testDeficitIsALowerBoundOnPartnersStillNeeded() throws {
        let rules = try XCTUnwrap(try testRules().programme("need-research"))
        var compiled = CompiledRules(rules)
        let lead = compiled.code(country: "NO", kind: "county")
        XCTAssertEqual(compiled.deficit(compiled.tally([lead])), 2)
        let university = compiled.code(country: "NO", kind: "university")
        XCTAssertEqual(compiled.deficit(compiled.tally([lead, university])), 1)
    }
}
