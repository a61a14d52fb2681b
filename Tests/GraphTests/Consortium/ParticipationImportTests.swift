import XCTest
@testable import Graph

final class ParticipationImportTests: XCTestCase {
    let folder = consortiumFixtures.appendingPathComponent("cordis")

    func ties(_ network: Network) -> [String] {
        network.edges.map { "\($0.from)-\($0.to):\(formatNumber($0.weight)):\($0.citations.first?.page ?? "")" }.sorted()
    }

    func testSyntheticCSVProjectsOrganisationsTiedBySharedProjects() throws {
        let table = try ParticipationImport.read(organizations: folder.appendingPathComponent("organization.csv").path,
                                                 projects: folder.appendingPathComponent("project.csv").path)
        XCTAssertEqual(table.rows, 8)
        XCTAssertEqual(table.organisationIDs, ["9001", "9002", "9003", "9004", "9005"])
        XCTAssertEqual(table.projectAcronyms, ["ALPHA", "BETA", "GAMMA"])
        let network = ParticipationImport.network(table)
        XCTAssertEqual(ties(network), [
            "org-9001-org-9002:2:ALPHA (1001) and 1 more", "org-9001-org-9003:1:ALPHA (1001)", "org-9002-org-9003:1:ALPHA (1001)",
            "org-9002-org-9004:1:GAMMA (1003)", "org-9002-org-9005:1:GAMMA (1003)", "org-9004-org-9005:1:GAMMA (1003)",
        ])
        XCTAssertEqual(network.nodes.map(\.kind), ["university", "research", "business", "agency", "network"])
        XCTAssertEqual(network.nodes.map { $0.country ?? "" }, ["NO", "SE", "GR", "GB", "DE"])
        XCTAssertEqual(network.node("org-9002")?.attributes["programmes"], "H2020; HORIZON")
        XCTAssertEqual(network.node("org-9002")?.attributes["coordinated"], "2")
        XCTAssertEqual(network.node("org-9001")?.attributes["projects"], "2")
        XCTAssertEqual(NetworkValidator.validate(network).filter { $0.severity == .error }, [])
    }

    func testJSONLayoutGivesTheSameNetworkAsCSV() throws {
        let csv = try ParticipationImport.read(organizations: folder.appendingPathComponent("organization.csv").path,
                                               projects: folder.appendingPathComponent("project.csv").path)
        let json = try ParticipationImport.read(organizations: folder.appendingPathComponent("organization.json").path,
                                                projects: folder.appendingPathComponent("project.json").path)
        XCTAssertEqual(ties(ParticipationImport.network(csv)), ties(ParticipationImport.network(json)))
        XCTAssertEqual(ParticipationImport.network(csv).nodes, ParticipationImport.network(json).nodes)
    }

    func testRolesAndProjectSizeOptions() throws {
        let path = folder.appendingPathComponent("organization.csv").path
        let beneficiaries = try ParticipationImport.read(organizations: path, projects: nil, options: .init(roles: ["coordinator", "participant"]))
        XCTAssertEqual(beneficiaries.organisationIDs.count, 4)
        XCTAssertEqual(beneficiaries.tieA.count, 4)
        let small = try ParticipationImport.read(organizations: path, projects: nil, options: .init(maxProjectSize: 2))
        XCTAssertEqual(small.skippedProjects, 2)
        XCTAssertEqual(small.tieA.count, 1)
        let strong = try ParticipationImport.read(organizations: path, projects: nil, options: .init(minShared: 2))
        XCTAssertEqual(strong.tieWeight, [2])
    }

    func testWrittenFolderAndJSONReadBack() throws {
        let table = try ParticipationImport.read(organizations: folder.appendingPathComponent("organization.csv").path,
                                                 projects: folder.appendingPathComponent("project.csv").path)
        let out = try temporaryFolder()
        try ParticipationImport.writeFolder(table, to: out.appendingPathComponent("net").path)
        let fromFolder = try NetworkLoader.loadValid([out.appendingPathComponent("net").path]).network
        try ParticipationImport.writeJSON(table, to: out.appendingPathComponent("net.json").path)
        let fromJSON = try NetworkLoader.loadValid([out.appendingPathComponent("net.json").path]).network
        let direct = ParticipationImport.network(table)
        for network in [fromFolder, fromJSON] {
            XCTAssertEqual(ties(network), ties(direct))
            XCTAssertEqual(network.nodes.map(\.id).sorted(), direct.nodes.map(\.id).sorted())
            XCTAssertEqual(network.node("org-9003")?.country, "GR")
        }
    }

    func testBadTablesAreClearErrors() throws {
        let out = try temporaryFolder()
        let noColumn = try write("projectID;name;country\n1;A;NO\n", to: "o.csv", in: out)
        XCTAssertThrowsError(try ParticipationImport.read(organizations: noColumn, projects: nil)) { error in
            XCTAssertTrue((error as? GraphError)?.description.hasPrefix("\(noColumn):1: error: the organisations table has no 'organisationid' column") == true, "\(error)")
        }
        let open = try write("projectID;organisationID;name;country\n1;2;\"Unclosed;NO\n", to: "p.csv", in: out)
        XCTAssertThrowsError(try ParticipationImport.read(organizations: open, projects: nil)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(open):2: error: a quoted field is not closed before the end of the file (it opens on this line)")
        }
        let cut = try write("[{\"projectID\": 1,\n \"organisationID\": ", to: "o.json", in: out)
        XCTAssertThrowsError(try ParticipationImport.read(organizations: cut, projects: nil)) { error in
            XCTAssertEqual((error as? GraphError)?.description, "\(cut):2: error: not valid JSON: the text ends before the JSON is complete (a missing ']', '}' or '\"'?)")
        }
    }

    func testRealCORDISSampleWhenPresent() throws {
        let sample = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/cordis-h2020-sample")
        let organisations = sample.appendingPathComponent("organization.json").path
        guard FileManager.default.fileExists(atPath: organisations) else { throw XCTSkip("../shared/data is not present") }
        let table = try ParticipationImport.read(organizations: organisations, projects: sample.appendingPathComponent("project.json").path)
        // The README of the sample: 1,076 participations, 765 organisations, 26 projects. It says 30 countries, but the
        // file has 36 distinct codes (EL and UK among them, and one row reading "FI;FI", imported as FI).
        XCTAssertEqual(table.rows, 1076)
        XCTAssertEqual(table.organisationIDs.count, 765)
        XCTAssertEqual(table.projectIDs.count, 26)
        XCTAssertEqual(Set(table.countries).count, 36)
        XCTAssertFalse(table.countries.contains("FI;FI"))
        let network = ParticipationImport.network(table)
        let sintef = try network.resolve("STIFTELSEN SINTEF")
        var query = ConsortiumQuery(programme: try XCTUnwrap(try ProgrammeCatalogue.load(packageRoot.appendingPathComponent("data/programmes.yaml").path).programme("horizon-europe")), lead: sintef.id)
        query.top = 1
        let result = try ConsortiumFinder.find(in: network, query: query)
        XCTAssertEqual(result.unmet, [])
        XCTAssertTrue(result.consortia.first?.rules.allSatisfy(\.met) == true)
    }
}
