import XCTest
@testable import Graph

final class InterregImportTests: XCTestCase {
    let register = packageRoot.appendingPathComponent("Tests/Fixtures/import/interreg.json").path
    let keep = packageRoot.appendingPathComponent("Tests/Fixtures/import/keep-partners.csv").path
    let participations = ImportOptions(shape: .participations)

    func testSwedishRegisterJSON() throws {
        let table = try InterregImport.read(partners: register, options: participations)
        XCTAssertEqual(table.rows, 12)
        XCTAssertEqual(table.skippedRows, 1)
        XCTAssertEqual(table.warnings.map(\.description), ["\(register):1: warning: record 8 skipped: a partner of 'CIRC-2-ZERO' (Baltic Sea Region) has no name"])
        let network = table.network(participations)
        let slu = try XCTUnwrap(network.node("org-name-se-slu"))
        XCTAssertEqual(slu.country, "SE")
        XCTAssertEqual(slu.attributes["nuts"], "SE331")
        XCTAssertEqual(slu.attributes["region"], "Västerbottens län")
        XCTAssertEqual(slu.kind, "university")
        let project = try XCTUnwrap(network.node("project-interreg-interreg-aurora-nature-refines"))
        XCTAssertEqual(project.attributes["programme"], "interreg-aurora")
        XCTAssertEqual(project.attributes["programme_name"], "AURORA")
        XCTAssertEqual(project.attributes["policy_objective"], "PO1")
        XCTAssertEqual(project.attributes["year"], "2023")
        let lead = network.edges.first { $0.from == "org-name-se-slu" }
        XCTAssertEqual(lead?.attributes["role"], "lead")
        XCTAssertEqual(lead?.citations.first?.source, "interreg")
        XCTAssertEqual(lead?.citations.first?.page, "Nature refines")
        XCTAssertEqual(network.edges.filter { $0.attributes["role"] == "associated" }.count, 4)
        XCTAssertEqual(NetworkValidator.validate(network).filter { $0.severity == .error }, [])
    }

    func testKeepEUCSVLayoutGivesTheSameOrganisations() throws {
        let fromKeep = try InterregImport.read(partners: keep, options: participations)
        let fromRegister = try InterregImport.read(partners: register, options: participations)
        XCTAssertEqual(fromKeep.rows, 6)
        let keepNetwork = fromKeep.network(participations), registerNetwork = fromRegister.network(participations)
        for id in ["org-name-se-slu", "org-name-se-innovatum-science-center-ab", "org-name-se-lulea-tekniska-universitet"] {
            XCTAssertEqual(keepNetwork.node(id)?.attributes["nuts"], registerNetwork.node(id)?.attributes["nuts"], id)
            XCTAssertNotNil(keepNetwork.node(id), id)
        }
        XCTAssertEqual(keepNetwork.node("project-interreg-interreg-se-no-framtidstro")?.attributes["programme"], "interreg-se-no")
        XCTAssertEqual(keepNetwork.edges.first { $0.from == "org-name-se-innovatum-science-center-ab" }?.attributes["role"], "lead")
    }

    func testBadRecordsNameTheirLine() throws {
        let out = try temporaryFolder()
        let role = try write("[{\"program\": \"AURORA\", \"projektnamn\": \"X\", \"organisationsnamn\": \"A\", \"organisationsroll\": \"LP\"},\n{\"program\": \"AURORA\", \"projektnamn\": \"X\", \"organisationsnamn\": \"B\", \"organisationsroll\": \"boss\"}]", to: "role.json", in: out)
        XCTAssertThrowsError(try InterregImport.read(partners: role, options: participations)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(role):2: error: record 2: role 'boss' of 'B' in 'X' is not lead (LP, Lead partner), partner (PP, Project partner) or associated (AP, Associated partner)")
        }
        let broken = try write("[{\"program\": \"AURORA\", \"projektnamn\": \"X\",\n \"organisationsnamn\": A}]", to: "broken.json", in: out)
        XCTAssertThrowsError(try InterregImport.read(partners: broken, options: participations)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(broken):2: error: not valid JSON: 'A' is not a JSON value")
        }
        let columns = try write("Programme,Project acronym,Partner name\nX,Y,Z\n", to: "columns.csv", in: out)
        XCTAssertThrowsError(try InterregImport.read(partners: columns, options: participations)) { error in
            XCTAssertTrue((error as? GraphError)?.description.hasPrefix("\(columns):1: error: the partner list has no role column") == true, "\(error)")
        }
    }

    func testTheFullRegisterWhenPresent() throws {
        guard let path = sharedData?.appendingPathComponent("interreg-swedish-partners/rawdata.json").path else { throw XCTSkip("../shared/data is not present") }
        let table = try InterregImport.read(partners: path, options: participations)
        // The data README: 1,196 participations, 586 projects, 589 organisations; 17 rows name no organisation.
        XCTAssertEqual(table.rows, 1196)
        XCTAssertEqual(table.skippedRows, 17)
        XCTAssertEqual(table.projects.count, 585)
        XCTAssertEqual(table.organisations.count, 588)
    }
}
