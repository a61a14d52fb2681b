import XCTest
@testable import Graph

final class ProgrammeRulesTests: XCTestCase {
    func testBundledRulesCoverEveryProgrammeWithCitations() throws {
        let catalogue = try ProgrammeCatalogue.load(packageRoot.appendingPathComponent("data/programmes.yaml").path)
        let ids = ["horizon-europe", "erasmus-ka220", "erasmus-ka210", "interreg-se-no", "interreg-aurora", "interreg-npa",
                   "interreg-europe", "interreg-north-sea", "interreg-bsr", "interreg-oks", "interreg-south-baltic",
                   "interreg-central-baltic", "nora", "creative-europe-small",
                   "creative-europe-medium", "creative-europe-large", "eea-grants"]
        XCTAssertEqual(catalogue.programmes.map(\.id), ids)
        for programme in catalogue.programmes {
            XCTAssertFalse(programme.cite.isEmpty, programme.id)
            XCTAssertTrue(programme.cite.allSatisfy { $0.url?.hasPrefix("http") == true }, programme.id)
        }
        let horizon = try XCTUnwrap(catalogue.programme("horizon-europe"))
        XCTAssertEqual(horizon.minPartners, 3)
        XCTAssertEqual(horizon.minCountries, 3)
        XCTAssertEqual(horizon.minFrom.first?.min, 1)
        XCTAssertTrue(horizon.minFrom.first?.countries.contains("SE") == true)
        XCTAssertFalse(horizon.minFrom.first?.countries.contains("NO") == true)
        XCTAssertEqual(catalogue.programme("creative-europe-large")?.minCountries, 10)
        XCTAssertEqual(catalogue.programme("creative-europe-medium")?.cite.count, 2, "YAML anchors are followed")
        XCTAssertEqual(catalogue.programme("interreg-se-no")?.sides.map { $0.codes.sorted() }, [["SE"], ["NO"]])
        XCTAssertEqual(catalogue.programme("interreg-npa")?.unconfirmed, ["min_partners", "min_countries", "min_from", "area"])
        XCTAssertEqual(catalogue.programme("eea-grants")?.leadCountries?.contains("NO"), false)
    }

    func testProgrammeAreasByNUTSRegion() throws {
        let catalogue = try ProgrammeCatalogue.load(packageRoot.appendingPathComponent("data/programmes.yaml").path)
        let seno = try XCTUnwrap(catalogue.programme("interreg-se-no"))
        // The issue's own example: Trøndelag is in Interreg Sverige–Norge, Oslo is not.
        XCTAssertEqual(seno.areaStatus(country: "NO", nuts: "NO060", region: nil), .inside)
        XCTAssertEqual(seno.areaStatus(country: "NO", nuts: "NO081", region: nil), .outside)
        XCTAssertEqual(seno.areaStatus(country: "SE", nuts: nil, region: "Jämtlands län"), .inside)
        XCTAssertEqual(seno.areaStatus(country: "SE", nuts: nil, region: nil), .unknown, "no nuts or region: unknown, not eligible")
        XCTAssertEqual(seno.areaStatus(country: "SE", nuts: "SE3", region: nil), .unknown, "a coarser code cannot settle it")
        XCTAssertEqual(seno.areaStatus(country: "DK", nuts: nil, region: nil), .notRestricted)
        XCTAssertTrue(seno.cite.contains { $0.year == 2021 && $0.section == "Programområdet" })
        let aurora = try XCTUnwrap(catalogue.programme("interreg-aurora"))
        XCTAssertEqual(aurora.areaStatus(country: "SE", nuts: "SE332", region: nil), .inside)
        XCTAssertEqual(aurora.areaStatus(country: "SE", nuts: "SE224", region: nil), .outside)
        XCTAssertEqual(catalogue.programme("horizon-europe")?.area, [])
        XCTAssertThrowsError(try ProgrammeCatalogue.read("programmes:\n  - {id: x, label: X, min_partners: 2, min_countries: 2, cite: [C], area: [{nuts: sweden, name: S}]}\n", path: "a.yaml")) { error in
            XCTAssertEqual((error as? GraphError)?.description, "a.yaml:2: error: programme 'x': 'sweden' is not a NUTS code (country code and up to 3 more letters or digits, e.g. SE322)")
        }
    }

    func testMissingFieldsAreErrorsWithLines() throws {
        let text = """
        programmes:
          - id: broken
            label: Broken
            min_countries: 2
          - id: bad-group
            label: Bad
            min_partners: 2
            min_countries: 2
            eligible_countries: [nordics]
            cite: Somewhere
          - id: bad-number
            label: Bad number
            min_partners: three
            min_countries: 2
            cite: Somewhere
        """
        XCTAssertThrowsError(try ProgrammeCatalogue.read(text, path: "rules.yaml")) { error in
            XCTAssertEqual((error as? GraphError)?.description, """
            rules.yaml:2: error: programme 'broken' has no 'min_partners'
            rules.yaml:2: error: programme 'broken' has no 'cite'
            rules.yaml:9: error: programme 'bad-group': 'nordics' in 'eligible_countries' is neither a country code nor a group (groups: )
            rules.yaml:13: error: programme 'bad-number': 'min_partners' must be a whole number ≥ 1, not 'three'
            """)
        }
    }

    func testUnknownKeysAndBadCountryCodesAreErrors() throws {
        let text = """
        country_groups:
          nordic: {countries: [NO, se]}
        programmes:
          - {id: p, label: P, min_partners: 2, min_countries: 2, cite: X, min_partner: 3}
        """
        XCTAssertThrowsError(try ProgrammeCatalogue.read(text, path: "r.yaml")) { error in
            let text = (error as? GraphError)?.description ?? ""
            XCTAssertTrue(text.contains("r.yaml:2: error: country group 'nordic': 'se' is not an ISO 3166-1 alpha-2 code"), text)
            XCTAssertTrue(text.contains("r.yaml:4: error: programme 'p': unknown key 'min_partner'"), text)
        }
    }

    func testNetworkLoaderIgnoresProgrammeFiles() throws {
        let folder = try temporaryFolder()
        try write("programmes:\n  - {id: p, label: P, min_partners: 2, min_countries: 2, cite: X}\n", to: "programmes.yaml", in: folder)
        try write("nodes:\n  - {id: a, label: A, kind: county}\n", to: "net.yaml", in: folder)
        let result = NetworkLoader.load([folder.path])
        XCTAssertEqual(result.errors, [])
        XCTAssertFalse(result.diagnostics.contains { $0.message.contains("programmes") })
        XCTAssertEqual(result.network.nodes.map(\.id), ["a"])
        XCTAssertTrue(ProgrammeCatalogue.declaresProgrammes("programmes: []\n"))
        XCTAssertFalse(ProgrammeCatalogue.declaresProgrammes("nodes: []\n"))
    }
}
