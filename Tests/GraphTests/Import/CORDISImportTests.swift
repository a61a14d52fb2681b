import XCTest
@testable import Graph

final class CORDISImportTests: XCTestCase {
    let folder = consortiumFixtures.appendingPathComponent("cordis")
    let projected = ImportOptions(shape: .coParticipation)

    func ties(_ network: Network) -> [String] {
        network.edges.map { "\($0.from)-\($0.to):\(formatNumber($0.weight)):\($0.citations.first?.page ?? "")" }.sorted()
    }

    func read(_ extension: String = "csv", options: ImportOptions? = nil) throws -> Participations {
        try CORDISImport.read(organizations: folder.appendingPathComponent("organization.\(`extension`)").path,
                              projects: folder.appendingPathComponent("project.\(`extension`)").path, options: options ?? projected)
    }

    func testSyntheticCSVProjectsOrganisationsTiedBySharedProjects() throws {
        let table = try read()
        XCTAssertEqual(table.rows, 8)
        XCTAssertEqual(table.organisations.map(\.id), ["org-9001", "org-9002", "org-9003", "org-9004", "org-9005"])
        XCTAssertEqual(table.projects.map(\.label), ["ALPHA", "BETA", "GAMMA"])
        let network = table.network(projected)
        XCTAssertEqual(ties(network), [
            "org-9001-org-9002:2:ALPHA (1001) and 1 more", "org-9001-org-9003:1:ALPHA (1001)", "org-9002-org-9003:1:ALPHA (1001)",
            "org-9002-org-9004:1:GAMMA (1003)", "org-9002-org-9005:1:GAMMA (1003)", "org-9004-org-9005:1:GAMMA (1003)",
        ])
        XCTAssertEqual(network.nodes.map(\.kind), ["university", "research", "business", "agency", "network"])
        XCTAssertEqual(network.nodes.map { $0.country ?? "" }, ["NO", "SE", "GR", "GB", "DE"])
        XCTAssertEqual(network.node("org-9002")?.attributes["programmes"], "H2020; HORIZON")
        XCTAssertEqual(network.node("org-9002")?.attributes["coordinated"], "2")
        XCTAssertEqual(network.node("org-9001")?.attributes["projects"], "2")
        XCTAssertTrue(network.edges.allSatisfy { $0.citations.first?.source == "cordis" })
        XCTAssertEqual(NetworkValidator.validate(network).filter { $0.severity == .error }, [])
    }

    func testParticipationsShapeKeepsProjectsAndRoles() throws {
        let options = ImportOptions(shape: .participations)
        let network = try read(options: options).network(options)
        XCTAssertEqual(network.nodes.filter { $0.kind == "project" }.map(\.id), ["project-eu-1001", "project-eu-1002", "project-eu-1003"])
        XCTAssertEqual(network.node("project-eu-1001")?.attributes["programme"], "H2020")
        XCTAssertEqual(network.node("project-eu-1001")?.attributes["title"], "Alpha project")
        XCTAssertEqual(network.edges.count, 8)
        let lead = network.edges.first { $0.from == "org-9002" && $0.to == "project-eu-1002" }
        XCTAssertEqual(lead?.relation, "participates_in")
        XCTAssertEqual(lead?.attributes["role"], "lead")
        XCTAssertEqual(lead?.citations, [Citation(source: "cordis", page: "BETA (1002)")])
        XCTAssertEqual(network.edges.first { $0.from == "org-9005" }?.attributes["role"], "associated")
    }

    func testJSONLayoutGivesTheSameNetworkAsCSV() throws {
        XCTAssertEqual(ties(try read().network(projected)), ties(try read("json").network(projected)))
        XCTAssertEqual(try read().network(projected).nodes, try read("json").network(projected).nodes)
    }

    func testRolesAndProjectSizeOptions() throws {
        let beneficiaries = try read(options: ImportOptions(shape: .coParticipation, roles: ["coordinator", "participant"]))
        XCTAssertEqual(beneficiaries.organisations.count, 4)
        XCTAssertEqual(beneficiaries.network(projected).edges.count, 4)
        let small = ImportOptions(shape: .coParticipation, maxProjectSize: 2)
        XCTAssertEqual(try read().projection(small).skippedProjects, 2)
        XCTAssertEqual(try read().network(small).edges.count, 1)
        XCTAssertEqual(try read().network(ImportOptions(shape: .coParticipation, minShared: 2)).edges.map(\.weight), [2])
    }

    func testNorwegianVATNumberGivesTheOrganisationNumberIdentity() {
        XCTAssertEqual(CORDISImport.norwegianOrganisationNumber("NO948007029MVA"), "948007029")
        XCTAssertNil(CORDISImport.norwegianOrganisationNumber("RO17814640"))
        XCTAssertNil(CORDISImport.norwegianOrganisationNumber("NO12345"))
    }

    func testWrittenFolderAndJSONReadBackInBothShapes() throws {
        let table = try read()
        let out = try temporaryFolder()
        for options in [projected, ImportOptions(shape: .participations)] {
            let name = options.shape.rawValue
            try table.write(options, to: out.appendingPathComponent(name).path)
            try table.write(options, to: out.appendingPathComponent(name + ".json").path)
            let direct = table.network(options)
            for path in [name, name + ".json"] {
                let network = try NetworkLoader.loadValid([out.appendingPathComponent(path).path]).network
                XCTAssertEqual(ties(network), ties(direct), path)
                XCTAssertEqual(network.nodes.map(\.id).sorted(), direct.nodes.map(\.id).sorted(), path)
                XCTAssertEqual(network.node("org-9003")?.country, "GR", path)
            }
        }
    }

    func testBadTablesAreClearErrors() throws {
        let out = try temporaryFolder()
        let noColumn = try write("projectID;name;country\n1;A;NO\n", to: "o.csv", in: out)
        XCTAssertThrowsError(try CORDISImport.read(organizations: noColumn, projects: nil, options: projected)) { error in
            XCTAssertTrue((error as? GraphError)?.description.hasPrefix("\(noColumn):1: error: the organisations table has no 'organisationID' column") == true, "\(error)")
        }
        let open = try write("projectID;organisationID;name;country\n1;2;\"Unclosed;NO\n", to: "p.csv", in: out)
        XCTAssertThrowsError(try CORDISImport.read(organizations: open, projects: nil, options: projected)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(open):2: error: a quoted field is not closed before the end of the file (it opens on this line)")
        }
        let short = try write("projectID;organisationID;name;country\n1;2;A;NO\n1;3;B\n", to: "s.csv", in: out)
        XCTAssertThrowsError(try CORDISImport.read(organizations: short, projects: nil, options: projected)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(short):3: error: this row has 3 fields but the header has 4 (a ';' inside an unquoted value?)")
        }
        let cut = try write("[{\"projectID\": 1, \"organisationID\": 2, \"name\": \"A\", \"country\": \"NO\"},\n {\"projectID\": 1,\n \"organisationID\": ", to: "o.json", in: out)
        XCTAssertThrowsError(try CORDISImport.read(organizations: cut, projects: nil, options: projected)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(cut):3: error: not valid JSON: the text ends before the JSON is complete (a missing ']', '}' or '\"'?)")
        }
    }

    func testRealCORDISSampleWhenPresent() throws {
        guard let sample = sharedData?.appendingPathComponent("cordis-h2020-sample") else { throw XCTSkip("../shared/data is not present") }
        let organisations = sample.appendingPathComponent("organization.json").path
        let table = try CORDISImport.read(organizations: organisations, projects: sample.appendingPathComponent("project.json").path, options: projected)
        // The README of the sample: 1,076 participations, 765 organisations, 26 projects. It says 30 countries, but the
        // file has 36 distinct codes (EL and UK among them, and one row reading "FI;FI", imported as FI).
        XCTAssertEqual(table.rows, 1076)
        XCTAssertEqual(table.organisations.count, 765)
        XCTAssertEqual(table.projects.count, 26)
        let countries = Set(table.organisations.compactMap { $0.attributes["country"] })
        XCTAssertEqual(countries.count, 36)
        XCTAssertFalse(countries.contains("FI;FI"))
        XCTAssertEqual(table.organisation("org-no-948007029").map { table.organisations[$0].label }, "STIFTELSEN SINTEF")
        let network = table.network(projected)
        let sintef = try network.resolve("STIFTELSEN SINTEF")
        var query = ConsortiumQuery(programme: try XCTUnwrap(try ProgrammeCatalogue.load(packageRoot.appendingPathComponent("data/programmes.yaml").path).programme("horizon-europe")), lead: sintef.id)
        query.top = 1
        let result = try ConsortiumFinder.find(in: network, query: query)
        XCTAssertEqual(result.unmet, [])
        XCTAssertTrue(result.consortia.first?.rules.allSatisfy(\.met) == true)
    }
}
