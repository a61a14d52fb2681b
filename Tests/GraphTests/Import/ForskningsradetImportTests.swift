import XCTest
@testable import Graph

final class ForskningsradetImportTests: XCTestCase {
    let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/import/forskningsradet.csv").path
    let participations = ImportOptions(shape: .participations)

    func testOrganisationsAndProjectsCarryTheNamedAttributes() throws {
        let table = try ForskningsradetImport.read(grants: fixture, options: participations)
        XCTAssertEqual(table.rows, 13)
        XCTAssertEqual(table.skippedRows, 1)
        XCTAssertEqual(table.warnings.map(\.description), ["\(fixture):2: warning: row skipped: project 101003805 lists 'ukjent' without an Organisasjonsnummer"])
        let network = table.network(participations)
        let county = try XCTUnwrap(network.node("org-no-817920632"))
        XCTAssertEqual(county.label, "TRØNDELAG FYLKESKOMMUNE")
        XCTAssertEqual(county.kind, "county")
        XCTAssertEqual(county.attributes["orgnr"], "817920632")
        XCTAssertEqual(county.country, "NO")
        XCTAssertEqual(county.attributes["county"], "Trøndelag - Trööndelage")
        XCTAssertEqual(county.attributes["sector"], "Øvrige")
        XCTAssertEqual(county.attributes["nuts"], "NO060")
        XCTAssertEqual(network.node("org-no-974767880")?.kind, "university")
        let project = try XCTUnwrap(network.node("project-eu-824565"))
        XCTAssertEqual(project.label, "TeRRItoria")
        XCTAssertEqual(project.attributes["project_id"], "824565")
        XCTAssertEqual(project.attributes["topic"], "Supporting the development of territorial Responsible Research and Innovation")
        XCTAssertEqual(project.attributes["programme_area"], "Science with and for Society")
        XCTAssertEqual(project.attributes["action_type"], "CSA")
        XCTAssertEqual(project.attributes["programme"], "H2020")
        let lead = network.edges.first { $0.from == "org-no-971045698" }
        XCTAssertEqual(lead?.to, "project-eu-769303")
        XCTAssertEqual(lead?.attributes["role"], "lead")
        XCTAssertEqual(lead?.citations, [Citation(source: "forskningsradet", page: "TrAM (769303)")])
        XCTAssertEqual(table.organisation("org-no-971045698").map { table.organisations[$0].attributes["coordinated"] }, "1")
        XCTAssertNil(network.node("org-no-971045698")?.attributes["coordinated"], "the participations shape leaves counts to its ties")
        XCTAssertEqual(lead?.attributes["order"], "1")
        XCTAssertEqual(NetworkValidator.validate(network).filter { $0.severity == .error }, [])
    }

    func testCoParticipationTiesTheNorwegianPartnersOfAProject() throws {
        let options = ImportOptions(shape: .coParticipation)
        let network = try ForskningsradetImport.read(grants: fixture, options: options).network(options)
        // TrAM has 7 Norwegian partners (21 pairs), TeRRItoria 2 (1 pair), EUROqCHARM 3 with an organisation number (3 pairs).
        XCTAssertEqual(network.edges.count, 25)
        XCTAssertTrue(network.edges.contains { $0.from == "org-no-817920632" && $0.to == "org-no-974767880" || $0.to == "org-no-817920632" && $0.from == "org-no-974767880" })
        XCTAssertEqual(Set(network.nodes.map(\.kind)).contains("project"), false)
    }

    func testBadRowsNameTheirLine() throws {
        let out = try temporaryFolder()
        let header = "Prosjektnr;Prosjektkortnavn;Organisasjonsnummer;Organisasjonsnavn;Organisasjon rolle"
        let badRole = try write("\(header)\n1;A;123456789;X AS;COORDINATOR\n1;A;987654321;Y AS;LEADER\n", to: "role.csv", in: out)
        XCTAssertThrowsError(try ForskningsradetImport.read(grants: badRole, options: participations)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(badRole):3: error: Organisasjon rolle 'LEADER' of 987654321 in project 1 is neither COORDINATOR nor PARTICIPANT")
        }
        let missing = try write("Prosjektnr;Organisasjonsnummer\n1;2\n", to: "columns.csv", in: out)
        XCTAssertThrowsError(try ForskningsradetImport.read(grants: missing, options: participations)) { error in
            XCTAssertTrue((error as? GraphError)?.description.hasPrefix("\(missing):1: error: the grants table has no 'Prosjektkortnavn' column") == true, "\(error)")
        }
        let extra = try write("\(header)\n1;A;123456789;X AS;COORDINATOR;oops\n", to: "extra.csv", in: out)
        XCTAssertThrowsError(try ForskningsradetImport.read(grants: extra, options: participations)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(extra):2: error: this row has 6 fields but the header has 5 (a ';' inside an unquoted value?)")
        }
    }

    func testTheSameOrganisationNumberMergesAndSimilarNamesAreOnlyReported() throws {
        let out = try temporaryFolder()
        let header = "Prosjektnr;Prosjektkortnavn;Organisasjonsnummer;Organisasjonsnavn;Organisasjon rolle"
        let path = try write("\(header)\n1;A;111111111;Tellu AS;COORDINATOR\n2;B;111111111;TELLU AS;PARTICIPANT\n2;B;222222222;TELLU IOT AS;PARTICIPANT\n3;C;333333333;Tellu;PARTICIPANT\n", to: "ids.csv", in: out)
        let table = try ForskningsradetImport.read(grants: path, options: participations)
        XCTAssertEqual(table.organisations.map(\.id), ["org-no-111111111", "org-no-222222222", "org-no-333333333"])
        XCTAssertEqual(table.organisations[0].label, "Tellu AS")
        XCTAssertEqual(table.organisations[0].attributes["projects"], "2")
        XCTAssertEqual(table.duplicateWarnings().map(\.description), [
            "warning: possible duplicate organisations, not merged (same name once case, accents and legal form are dropped): 'Tellu AS' (org-no-111111111), 'Tellu' (org-no-333333333)",
        ])
    }

    func testTheFullExportWhenPresent() throws {
        guard let path = sharedData?.appendingPathComponent("forskningsradet-eu-grants/dataset.csv").path else { throw XCTSkip("../shared/data is not present") }
        let table = try ForskningsradetImport.read(grants: path, options: participations)
        // The data README: 2,931 rows, 1,957 projects, 693 organisations. Three rows name no organisation number
        // ("ukjent"); two projects have only such rows, and the unknown organisation is not one.
        XCTAssertEqual(table.rows, 2931)
        XCTAssertEqual(table.skippedRows, 3)
        XCTAssertEqual(table.organisations.count, 692)
        XCTAssertEqual(table.projects.count, 1955)
    }
}
