import XCTest
@testable import Graph

final class CandidateRankingTests: XCTestCase {
    let participations = ImportOptions(shape: .participations)

    /// Four organisations in three projects: A–B share two, A–C one, C–D one (with topics to match).
    func smallParticipations() -> Network {
        var network = Network(name: "p", sources: ["d": Source(id: "d", title: "D")])
        for (id, country) in [("a", "NO"), ("b", "NO"), ("c", "NO"), ("d", "NO")] {
            network.upsert(Node(id: id, label: id.uppercased(), kind: "research", attributes: ["country": country]))
        }
        let projects = [("p1", "offshore wind energy", "2019"), ("p2", "wind turbines", "2020"), ("p3", "marine plastics", "2018"), ("p4", "plastics recycling", "2021")]
        for (id, topic, year) in projects {
            network.upsert(Node(id: id, label: id.uppercased(), kind: "project", attributes: ["topic": topic, "year": year, "programme": "H2020"]))
        }
        for (org, project, role) in [("a", "p1", "lead"), ("b", "p1", "partner"), ("a", "p2", "partner"), ("b", "p2", "lead"), ("a", "p3", "partner"), ("c", "p3", "lead"), ("c", "p4", "lead"), ("d", "p4", "partner")] {
            network.edges.append(Edge(from: org, to: project, relation: "participates_in", citations: [Citation(source: "d", page: project.uppercased())], attributes: ["role": role]))
        }
        return network
    }

    func testSharedProjectsAreProjectedIntoCitedHops() throws {
        let network = smallParticipations()
        let ranked = try ConsortiumFinder.rank(in: network, query: ConsortiumQuery(programme: .unrestricted, lead: "a"), limit: 10).candidates
        XCTAssertEqual(ranked.map(\.node.id).prefix(1), ["b"], "two shared projects make B the closest")
        let b = try XCTUnwrap(ranked.first { $0.node.id == "b" })
        // Two shared projects: cost 1 / (1 + ln 2), closeness 2 / (1 + cost).
        XCTAssertEqual(b.signals.closeness, 2 / (1 + 1 / (1 + log(2.0))), accuracy: 1e-12)
        XCTAssertEqual(b.path.map(\.relation), ["shares_project"])
        XCTAssertEqual(b.path.first?.citation, "d, P1 and 1 more")
        let d = try XCTUnwrap(ranked.first { $0.node.id == "d" })
        XCTAssertEqual(d.path.map(\.to), ["c", "d"])
        XCTAssertEqual(d.signals.closeness, 2.0 / 3.0, accuracy: 1e-12)
    }

    func testThemeIsTFIDFCosineOverWhatCandidatesDid() throws {
        let network = smallParticipations()
        var query = ConsortiumQuery(programme: .unrestricted, lead: "a")
        query.themeText = ["plastics"]
        let ranked = try ConsortiumFinder.rank(in: network, query: query, limit: 10).candidates
        let theme = Dictionary(uniqueKeysWithValues: ranked.map { ($0.node.id, $0.signals.theme) })
        XCTAssertEqual(theme["b"], 0, "B did only wind projects")
        XCTAssertGreaterThan(theme["c"] ?? 0, 0.5, "both of C's projects are about plastics")
        XCTAssertGreaterThan(theme["d"] ?? 0, 0.5)
        XCTAssertEqual(PartnerProfiles.terms("Topic CE-SC5-29-2020: plastics, (RSO2.6) and the PO2"), ["topic", "ce-sc5-29-2020", "plastics", "rso2.6", "po2"])
    }

    func testExperienceCountsParticipationsLeadsAndRecentOnes() throws {
        let network = smallParticipations()
        let ranked = try ConsortiumFinder.rank(in: network, query: ConsortiumQuery(programme: .unrestricted, lead: "d"), limit: 10).candidates
        let experience = Dictionary(uniqueKeysWithValues: ranked.map { ($0.node.id, $0.signals.experience) })
        // Newest year 2021, recent = 2019–2021. Raw: A 3 + 1 lead + 2 recent = 6 (the largest), C 2 + 2 + 1 = 5, B 2 + 1 + 2 = 5.
        XCTAssertEqual(experience["a"] ?? 0, 1, accuracy: 1e-12)
        XCTAssertEqual(experience["c"] ?? 0, log(6.0) / log(7.0), accuracy: 1e-12)
        XCTAssertEqual(experience["b"] ?? 0, log(6.0) / log(7.0), accuracy: 1e-12)
    }

    func testAreaRulesLeaveOutUnknownAndOutsidePartners() throws {
        var network = smallParticipations()
        for (id, nuts) in [("a", "NO060"), ("b", "NO081")] {
            var node = try XCTUnwrap(network.node(id))
            node.attributes["nuts"] = nuts
            network.upsert(node)
        }
        var rules = ProgrammeRules(id: "area", label: "Area")
        rules.area = [AreaRegion(nuts: "NO06", name: "Trøndelag")]
        let result = try ConsortiumFinder.rank(in: network, query: ConsortiumQuery(programme: rules, lead: "a"), limit: 10)
        XCTAssertEqual(result.candidates.map(\.node.id), [], "B is in Oslo (outside), C and D have no NUTS code (unknown)")
        // The single-candidate ranking considers new contacts too, so its notes count every actor, not only
        // those within reach.
        XCTAssertTrue(result.notes.contains { $0.hasPrefix("1 actor left out: their NUTS region is outside") }, "\(result.notes)")
        XCTAssertTrue(result.notes.contains { $0.hasPrefix("2 actors left out as unknown") }, "\(result.notes)")
        let consortia = try ConsortiumFinder.find(in: network, query: ConsortiumQuery(programme: rules, lead: "a"))
        XCTAssertTrue(consortia.notes.contains { $0.hasPrefix("1 actor within 3 ties left out: their NUTS region is outside") }, "\(consortia.notes)")
    }
}
