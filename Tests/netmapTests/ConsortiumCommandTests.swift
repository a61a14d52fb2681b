import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `netmap consortium` and `netmap import cordis` run as a user runs them: the built binary, its exit status,
/// standard error, the JSON contract of issue 8 and the worked examples of docs/guide.md on the bundled data/.
final class ConsortiumCommandTests: XCTestCase {
    /// The package root (the bundled `data/` and `data/programmes.yaml` are found from here).
    let root = packageRoot

    func consortium(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try runNetmap(["consortium"] + arguments, in: root)
    }

    /// Runs a consortium query on data/ with `--format json` and checks the keys of the contract on every level.
    func json(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let result = try consortium(arguments + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.error, file: file, line: line)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], file: file, line: line)
        XCTAssertTrue(Set(["programme", "lead", "consortia", "unmet"]).isSubset(of: object.keys), "\(object.keys.sorted())", file: file, line: line)
        for consortium in object["consortia"] as? [[String: Any]] ?? [] {
            XCTAssertEqual(Set(consortium.keys), ["score", "partners", "rules"], file: file, line: line)
            for partner in consortium["partners"] as? [[String: Any]] ?? [] {
                let contract: Set<String> = ["id", "label", "country", "kind", "role", "score_parts", "path"]
                XCTAssertTrue(contract.isSubset(of: partner.keys), "\(partner.keys.sorted())", file: file, line: line)
            }
            for rule in consortium["rules"] as? [[String: Any]] ?? [] {
                XCTAssertEqual(Set(rule.keys), ["rule", "met"], file: file, line: line)
                XCTAssertNotNil(rule["rule"] as? String, file: file, line: line)
                XCTAssertNotNil(rule["met"] as? Bool, file: file, line: line)
            }
        }
        return object
    }

    /// The explanation adds up: each partner's parts sum to its total, the consortium's score is the mean of
    /// the totals of the partners besides the lead, and their shares sum to it (JSON rounds to 3 decimals).
    func assertExplained(_ consortium: [String: Any], lead: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let partners = try XCTUnwrap(consortium["partners"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(partners.first?["id"] as? String, lead, "the lead comes first", file: file, line: line)
        XCTAssertEqual(partners.first?["role"] as? String, "lead", file: file, line: line)
        XCTAssertEqual(partners.filter { $0["role"] as? String == "lead" }.count, 1, file: file, line: line)
        let others = partners.dropFirst()
        XCTAssertFalse(others.isEmpty, file: file, line: line)
        var totals = 0.0, shares = 0.0
        for partner in others {
            XCTAssertEqual(partner["role"] as? String, "partner", file: file, line: line)
            let parts = try XCTUnwrap(partner["score_parts"] as? [String: Double], file: file, line: line)
            let sum = ["closeness", "theme", "experience", "brokerage"].reduce(0.0) { $0 + (parts[$1] ?? .nan) }
            let total = try XCTUnwrap(parts["total"], file: file, line: line)
            XCTAssertEqual(sum, total, accuracy: 0.002, "parts of \(partner["id"] ?? "?")", file: file, line: line)
            XCTAssertGreaterThan(total, 0, file: file, line: line)
            totals += total
            shares += parts["share"] ?? .nan
            let path = try XCTUnwrap(partner["path"] as? [[String: Any]], file: file, line: line)
            XCTAssertEqual(path.first?["from"] as? String, lead, "the path starts at the lead", file: file, line: line)
            XCTAssertEqual(path.last?["to"] as? String, partner["id"] as? String, "the path ends at the partner", file: file, line: line)
            for hop in path { XCTAssertFalse((hop["cite"] as? String ?? "").isEmpty, "every hop is cited", file: file, line: line) }
        }
        let score = try XCTUnwrap(consortium["score"] as? Double, file: file, line: line)
        XCTAssertEqual(score, totals / Double(others.count), accuracy: 0.002, file: file, line: line)
        XCTAssertEqual(score, shares, accuracy: 0.002, file: file, line: line)
        let rules = try XCTUnwrap(consortium["rules"] as? [[String: Any]], file: file, line: line)
        XCTAssertFalse(rules.isEmpty, file: file, line: line)
        XCTAssertTrue(rules.allSatisfy { $0["met"] as? Bool == true }, "a proposed consortium meets every rule: \(rules)", file: file, line: line)
    }

    // MARK: Errors

    func testUnknownProgrammeListsTheKnownIds() throws {
        let result = try consortium(["--programme", "horizon-2020", "--lead", "trondelag-fk"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "")
        XCTAssertTrue(result.error.hasPrefix("error: unknown programme 'horizon-2020'; known programmes: horizon-europe, erasmus-ka220, "), result.error)
        for id in ["interreg-npa", "interreg-se-no", "eea-grants"] { XCTAssertTrue(result.error.contains(id), id) }
    }

    func testLeadNotInTheNetwork() throws {
        let result = try consortium(["--programme", "interreg-npa", "--lead", "no-such-county"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(result.error, "error: no node matches 'no-such-county'; `netmap find` with part of the name lists the ids\n")
    }

    func testAmbiguousLeadListsTheCandidates() throws {
        let result = try consortium(["--programme", "interreg-npa", "--lead", "vestfold"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.hasPrefix("error: 'vestfold' is ambiguous; it matches (use the id):\n"), result.error)
        for candidate in ["vestfold-fk  (Vestfold fylkeskommune)", "vestfold-og-telemark-fk  (Vestfold og Telemark fylkeskommune)"] {
            XCTAssertTrue(result.error.contains("\n  \(candidate)"), result.error)
        }
    }

    func testReversedSizeIsAUsageError() throws {
        let result = try consortium(["--programme", "interreg-npa", "--lead", "trondelag-fk", "--size", "5..3"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.error.contains("--size 5..3: the minimum 5 is larger than the maximum 3"), result.error)
        XCTAssertEqual(try consortium(["--programme", "interreg-npa", "--lead", "trondelag-fk", "--size", "three"]).status, 64)
    }

    func testProgrammeFileMissingARequiredFieldGivesFileAndLine() throws {
        let folder = try scratchFolder()
        let rules = folder.appendingPathComponent("rules.yaml").path
        try """
        programmes:
          - id: ok
            label: OK
            min_partners: 2
            min_countries: 1
            cite: [Call text]
          - id: broken
            label: Broken
            min_countries: 2
            cite: [Call text]

        """.write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try consortium(["--programmes", rules, "--programme", "ok", "--lead", "trondelag-fk"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(result.error, "\(rules):7: error: programme 'broken' has no 'min_partners'\n")
    }

    func testProgrammeFileWithBadYAML() throws {
        let folder = try scratchFolder()
        let rules = folder.appendingPathComponent("rules.yaml").path
        try "programmes:\n  - id: broken\n    label: [unclosed\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try consortium(["--programmes", rules, "--programme", "broken", "--lead", "trondelag-fk"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "")
        XCTAssertTrue(result.error.hasPrefix("\(rules):"), result.error)
        XCTAssertTrue(result.error.contains(": error: YAML syntax"), result.error)
        XCTAssertEqual(result.error.split(separator: "\n").count, 1, result.error)
    }

    // MARK: Worked examples on data/ (docs/guide.md, "Finding a consortium")

    func testNPAIsHonestlyImpossibleForNordlandAndTrondelag() throws {
        for lead in ["nordland", "Trøndelag fylkeskommune", "trondelag-fk"] {
            let object = try json(["--programme", "interreg-npa", "--lead", lead])
            XCTAssertEqual(object["programme"] as? String, "interreg-npa")
            XCTAssertEqual((object["consortia"] as? [Any])?.count, 0, lead)
            let unmet = try XCTUnwrap(object["unmet"] as? [String])
            XCTAssertTrue(unmet.contains { $0.hasPrefix("partners from at least 3 different countries among an NPA partner country: only ") }, "\(unmet)")
        }
        let nordland = try json(["--programme", "interreg-npa", "--lead", "nordland"])
        XCTAssertEqual(nordland["lead"] as? String, "nordland-fk")
        XCTAssertTrue((nordland["unmet"] as? [String] ?? []).contains(
            "at least 1 partner from an NPA EU member state (FI, IE, SE): no partner from an NPA EU member state (FI, IE, SE) reachable within 3 ties of Nordland fylkeskommune"))
        let table = try consortium(["--programme", "interreg-npa", "--lead", "trondelag-fk"])
        XCTAssertEqual(table.status, 0, "an honest 'impossible' is an answer, not an error")
        XCTAssertTrue(table.output.contains("\nNo eligible consortium: these rules cannot be met\n  - partners from at least 3 different countries"), table.output)
    }

    func testErasmusKA220LedByTrondelagIsEligible() throws {
        let object = try json(["--programme", "erasmus-ka220", "--lead", "Trøndelag fylkeskommune", "--top", "1"])
        XCTAssertEqual(object["programme"] as? String, "erasmus-ka220")
        XCTAssertEqual(object["lead"] as? String, "trondelag-fk")
        XCTAssertEqual(object["unmet"] as? [String], [])
        let consortia = try XCTUnwrap(object["consortia"] as? [[String: Any]])
        XCTAssertEqual(consortia.count, 1)
        try assertExplained(consortia[0], lead: "trondelag-fk")
        let partners = try XCTUnwrap(consortia[0]["partners"] as? [[String: Any]])
        XCTAssertEqual(partners.count, 3, "the programme's minimum: three organisations")
        XCTAssertEqual(Set(partners.compactMap { $0["country"] as? String }).count, 3, "from three countries")
    }

    func testInterregSverigeNorgeLedByTrondelagIsEligible() throws {
        let object = try json(["--programme", "interreg-se-no", "--lead", "trondelag-fk", "--top", "2"])
        XCTAssertEqual(object["unmet"] as? [String], [])
        let consortia = try XCTUnwrap(object["consortia"] as? [[String: Any]])
        XCTAssertEqual(consortia.count, 2)
        for consortium in consortia {
            try assertExplained(consortium, lead: "trondelag-fk")
            let countries = (consortium["partners"] as? [[String: Any]] ?? []).compactMap { $0["country"] as? String }
            XCTAssertEqual(Set(countries), ["NO", "SE"], "one partner from each side of the border")
        }
        let scores = consortia.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores, scores.sorted(by: >), "best consortium first")
        let best = try XCTUnwrap(consortia[0]["partners"] as? [[String: Any]])
        XCTAssertEqual(best.map { $0["id"] as? String }, ["trondelag-fk", "region-jamtland-harjedalen"])
    }

    func testRenderHighlightsTheBestConsortium() throws {
        let folder = try scratchFolder()
        let svg = folder.appendingPathComponent("seno.svg").path
        let result = try consortium(["--programme", "interreg-se-no", "--lead", "trondelag-fk", "--format", "json", "--render", svg])
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let best = try XCTUnwrap((object["consortia"] as? [[String: Any]])?.first?["partners"] as? [[String: Any]])
        let members = Set(best.compactMap { $0["id"] as? String })
        XCTAssertEqual(members.count, 2)

        let data = try Data(contentsOf: URL(fileURLWithPath: svg))
        let collector = HighlightCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is well-formed XML: \(String(describing: parser.parserError))")
        XCTAssertEqual(collector.root, "svg")
        XCTAssertEqual(collector.highlightedNodes, members, "exactly the consortium's members are highlighted")
        XCTAssertGreaterThan(collector.highlightedEdges, 0, "the paths to the partners are highlighted")
        XCTAssertGreaterThan(collector.nodes, members.count, "the lead's neighbourhood is drawn around them")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["seno.svg"], "no temporary file left")
    }

    func testRenderToAnUnknownFormatIsAUsageErrorAndWritesNothing() throws {
        let folder = try scratchFolder()
        let result = try consortium(["--programme", "interreg-se-no", "--lead", "trondelag-fk", "--render", folder.appendingPathComponent("x.bmp").path])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    // MARK: import cordis

    func testImportMissingFileWritesNothing() throws {
        let folder = try scratchFolder()
        let missing = folder.appendingPathComponent("organization.csv").path
        let out = folder.appendingPathComponent("out").path
        let result = try runNetmap(["import", "cordis", "--organizations", missing, "-o", out])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "\(missing): error: cannot read: no such file or folder\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testImportCSVMissingAColumnNamesTheLineAndWritesNothing() throws {
        let folder = try scratchFolder()
        let organisations = folder.appendingPathComponent("organization.csv").path
        try "projectID;organisationID;name\n101;999;SINTEF\n".write(toFile: organisations, atomically: true, encoding: .utf8)
        for out in ["out", "out.json"].map({ folder.appendingPathComponent($0).path }) {
            let result = try runNetmap(["import", "cordis", "--organizations", organisations, "-o", out])
            XCTAssertEqual(result.status, 1)
            XCTAssertEqual(result.error, "\(organisations):1: error: the organisations table has no 'country' column (header: projectID, organisationID, name)\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
        let projects = folder.appendingPathComponent("project.csv").path
        try "id;title\n101;A project\n".write(toFile: projects, atomically: true, encoding: .utf8)
        let result = try runNetmap(["import", "cordis", "--projects", projects, "--organizations", organisations, "-o", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "\(projects):1: error: the projects table has no 'acronym' column (header: id, title)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["organization.csv", "project.csv"])
    }

    func testImportMergeKeepsTheFirstNameReportsTheOtherAndRefusesBadInput() throws {
        let folder = try scratchFolder()
        let header = "Prosjektnr;Prosjektkortnavn;Organisasjonsnummer;Organisasjonsnavn;Organisasjon rolle"
        let grants = folder.appendingPathComponent("grants.csv").path
        try "\(header)\n1;ALPHA;971567376;HØGSKOLEN I ØSTFOLD;COORDINATOR\n1;ALPHA;222222222;BETA AS;PARTICIPANT\n".write(toFile: grants, atomically: true, encoding: .utf8)
        let organisations = folder.appendingPathComponent("organization.csv").path
        try """
        projectID;projectAcronym;organisationID;vatNumber;name;country;activityType;role
        1;ALPHA;10;NO971567376MVA;HOGSKOLEN I OSTFOLD;NO;HES;coordinator
        1;ALPHA;20;;Svenska institutet;SE;REC;participant

        """.write(toFile: organisations, atomically: true, encoding: .utf8)
        let council = folder.appendingPathComponent("council").path, cordis = folder.appendingPathComponent("cordis").path
        XCTAssertEqual(try runNetmap(["import", "forskningsradet", "--grants", grants, "-o", council]).status, 0)
        XCTAssertEqual(try runNetmap(["import", "cordis", "--organizations", organisations, "--as", "participations", "-o", cordis]).status, 0)
        let merged = folder.appendingPathComponent("merged").path
        let result = try runNetmap(["import", "merge", council, cordis, "-o", merged])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, """
        \(cordis)/nodes.csv:2: warning: node 'org-no-971567376': label 'HOGSKOLEN I OSTFOLD' in \(cordis) differs from 'HØGSKOLEN I ØSTFOLD' in \(council); the other name is kept in other_labels
        netmap import merge: 2 inputs, 4 nodes (2 found in several inputs, 1 of them named differently, 0 other differing values), 0 possible duplicate groups not merged, 3 ties (1 in several inputs, kept once) → \(merged)

        """)
        let stats = try runNetmap(["find", "OSTFOLD", merged])
        XCTAssertEqual(stats.status, 0, stats.error)
        let nodes = try String(contentsOfFile: merged + "/nodes.csv", encoding: .utf8)
        XCTAssertTrue(nodes.contains("HOGSKOLEN I OSTFOLD [\(cordis)]"), nodes)

        let one = try runNetmap(["import", "merge", council, "-o", merged + "2"])
        XCTAssertEqual(one.status, 64)
        XCTAssertTrue(one.error.contains("give at least two imported networks to merge"), one.error)
        let missing = folder.appendingPathComponent("nothing").path
        let bad = try runNetmap(["import", "merge", council, missing, "-o", merged + "3"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.error, "\(missing): error: no such file or folder\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: merged + "3"))
    }

    func testImportThenConsortiumOnTheImportedNetwork() throws {
        let folder = try scratchFolder()
        let organisations = folder.appendingPathComponent("organization.csv").path
        try """
        projectID;projectAcronym;organisationID;name;country;activityType;role
        1;ALPHA;10;Lead institute;NO;REC;coordinator
        1;ALPHA;20;Swedish university;SE;HES;participant
        1;ALPHA;30;Finnish research centre;FI;REC;participant
        2;BETA;10;Lead institute;NO;REC;coordinator
        2;BETA;30;Finnish research centre;FI;REC;participant

        """.write(toFile: organisations, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("cordis").path
        let imported = try runNetmap(["import", "cordis", "--organizations", organisations, "-o", out])
        XCTAssertEqual(imported.status, 0, imported.error)
        XCTAssertTrue(imported.error.contains("5 rows, 5 participations kept (5 unique), 3 organisations, 2 projects, 3 ties"), imported.error)
        let result = try runNetmap(["consortium", out, "--programme", "horizon-europe", "--lead", "Lead institute", "--format", "json"], in: root)
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let best = try XCTUnwrap((object["consortia"] as? [[String: Any]])?.first)
        try assertExplained(best, lead: "org-10")
        XCTAssertEqual(Set((best["partners"] as? [[String: Any]] ?? []).compactMap { $0["country"] as? String }), ["NO", "SE", "FI"])
    }

    func testCandidatesListTheBestSingleCandidatesAsJSON() throws {
        let result = try consortium(["--programme", "none", "--lead", "trondelag-fk", "--candidates", "3"])
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["candidates"])
        let candidates = try XCTUnwrap(object["candidates"] as? [[String: Any]])
        XCTAssertEqual(candidates.count, 3)
        for candidate in candidates {
            XCTAssertEqual(Set(candidate.keys), ["id", "label", "score", "parts", "path"])
            let parts = try XCTUnwrap(candidate["parts"] as? [String: Double])
            XCTAssertEqual(Set(parts.keys), ["closeness", "theme", "experience", "brokerage", "proximity"])
            XCTAssertEqual(parts.values.reduce(0, +), try XCTUnwrap(candidate["score"] as? Double), accuracy: 0.002)
            XCTAssertFalse((candidate["path"] as? [[String: Any]] ?? []).isEmpty)
        }
        let scores = candidates.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores, scores.sorted(by: >))
        // With rules, an actor outside the programme's countries is not a candidate.
        let seno = try consortium(["--programme", "interreg-se-no", "--lead", "trondelag-fk", "--candidates", "50"])
        let ids = ((try JSONSerialization.jsonObject(with: Data(seno.output.utf8)) as? [String: Any])?["candidates"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertTrue(ids.contains("region-jamtland-harjedalen"))
        XCTAssertFalse(ids.contains("scandinavian-school-brussels"))
        XCTAssertTrue(seno.error.contains("left out as unknown: no `nuts` or `region`"), seno.error)
        XCTAssertEqual(try consortium(["--programme", "none", "--lead", "trondelag-fk", "--candidates", "0"]).status, 64)
    }

    func testTheExplanationSaysWhenClosenessComesFromAnotherPartner() throws {
        let folder = try scratchFolder()
        let network = folder.appendingPathComponent("chain.yaml").path
        try """
        sources: {s: {title: S}}
        nodes:
          - {id: lead, label: Lead county, kind: county, country: NO}
          - {id: kaunas, label: Kaunas, kind: municipality, country: LT}
          - {id: far, label: Far partner, kind: university, country: DE}
          - {id: mid, label: Middle, kind: network, country: NO}
        edges:
          - {from: lead, to: kaunas, relation: partner_of, cite: s}
          - {from: kaunas, to: far, relation: partner_of, cite: s}
          - {from: lead, to: mid, relation: member_of, cite: s}
          - {from: far, to: mid, relation: member_of, cite: s}
        programmes:
          - {id: three, label: Three countries, min_partners: 3, min_countries: 3, cite: [Call text]}

        """.write(toFile: network, atomically: true, encoding: .utf8)
        let result = try runNetmap(["consortium", network, "--programme", "three", "--lead", "lead", "--top", "1"], in: root)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("total 1.000 = closeness 1.000 (close to: Kaunas (partner)) + theme"), result.output)
    }

}

/// Collects the ids of highlighted nodes and the number of highlighted ties of a Graphviz SVG.
final class HighlightCollector: NSObject, XMLParserDelegate {
    var root: String?
    var nodes = 0
    var highlightedNodes: Set<String> = []
    var highlightedEdges = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        guard name == "g", let classes = attributes["class"]?.split(separator: " ") else { return }
        if classes.contains("node"), let id = attributes["id"], id.hasPrefix("node-") {
            nodes += 1
            if classes.contains("highlight") { highlightedNodes.insert(String(id.dropFirst("node-".count))) }
        }
        if classes.contains("edge"), classes.contains("highlight") { highlightedEdges += 1 }
    }
}
