import XCTest
@testable import Graph

final class NetworkDiffTests: XCTestCase {
    /// A network from edges written `from relation to [since-until]`; nodes are implied, kind `county` when the
    /// id ends in `-fk`, else `network`. `partner_of` is symmetric, `succeeded_by` declared directed.
    func network(_ lines: [String]) -> Network {
        var relations = RelationInfo.builtIn
        relations["succeeded_by"] = RelationInfo(id: "succeeded_by", symmetric: false)
        var edges: [Edge] = []
        var ids: [String] = []
        for line in lines {
            let parts = line.split(separator: " ").map(String.init)
            var edge = Edge(from: parts[0], to: parts[2], relation: parts[1], citations: [Citation(source: "doc")])
            if parts.count > 3 {
                let years = parts[3].split(separator: "-", omittingEmptySubsequences: false)
                edge.since = Int(years[0])
                edge.until = years.count > 1 ? Int(years[1]) : nil
            }
            edges.append(edge)
            for id in [edge.from, edge.to] where !ids.contains(id) { ids.append(id) }
        }
        let nodes = ids.map { Node(id: $0, label: $0.uppercased(), kind: $0.hasSuffix("-fk") ? "county" : "network") }
        return Network(nodes: nodes, edges: edges, relations: relations)
    }

    func keys(_ ties: [NetworkDiff.TieEntry]) -> Set<String> { Set(ties.map(\.id)) }

    /// Worked by hand: counties a and b merge into c. a's membership of net1 is carried on by c (kept via
    /// succession), b's membership of net2 and a's partnership with r1 end, c's partnership with r2 is new.
    func testSuccessionMappingOnAHandWorkedFixture() {
        let old = network(["a-fk member_of net1", "a-fk partner_of r1", "b-fk member_of net2"])
        let new = network(["c-fk member_of net1", "r2 partner_of c-fk", "a-fk succeeded_by c-fk", "b-fk succeeded_by c-fk"])
        XCTAssertEqual(DiffOptions.defaultFollow([old, new]), "succeeded_by")
        let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: "succeeded_by"))
        XCTAssertEqual(diff.successions.map { "\($0.from)>\($0.to)" }, ["a-fk>c-fk", "b-fk>c-fk"])
        XCTAssertEqual(keys(diff.edgesKept), ["c-fk -[member_of]-> net1"])
        XCTAssertEqual(keys(diff.edgesRemoved), ["c-fk -[partner_of]- r1", "c-fk -[member_of]-> net2"])
        XCTAssertEqual(keys(diff.edgesAdded), ["c-fk -[partner_of]- r2"])
        XCTAssertTrue(diff.edgesKept[0].viaSuccession)
        XCTAssertEqual(diff.edgesKept[0].oldTies.map(\.from), ["a-fk"])
        XCTAssertEqual(diff.nodesKept.map(\.id), ["net1", "c-fk"])
        XCTAssertEqual(diff.nodesKept.first { $0.id == "c-fk" }?.oldIDs, ["a-fk", "b-fk"])
        XCTAssertEqual(Set(diff.nodesRemoved.map(\.id)), ["net2", "r1"])
        XCTAssertEqual(diff.nodesAdded.map(\.id), ["r2"])

        // Without successions, a and b end and c is new: nothing of the counties is kept.
        let plain = NetworkDiff.compare(old, new, options: DiffOptions(follow: nil))
        XCTAssertEqual(plain.successions.count, 0)
        XCTAssertEqual(keys(plain.edgesKept), [])
        XCTAssertEqual(Set(plain.nodesRemoved.map(\.id)), ["r1", "net2"])
        XCTAssertTrue(keys(plain.edgesAdded).contains("a-fk -[succeeded_by]-> c-fk"), "with --follow none successions are ordinary ties")
        XCTAssertEqual(Set(plain.nodesKept.map(\.id)), ["net1", "a-fk", "b-fk"])
    }

    func testSymmetricTiesMatchEitherWayRoundDirectedOnesDoNot() {
        let old = network(["x partner_of y", "x member_of y"])
        let new = network(["y partner_of x", "y member_of x"])
        let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: nil))
        XCTAssertEqual(keys(diff.edgesKept), ["x -[partner_of]- y"])
        XCTAssertEqual(keys(diff.edgesRemoved), ["x -[member_of]-> y"])
        XCTAssertEqual(keys(diff.edgesAdded), ["y -[member_of]-> x"])
    }

    func testKeptTiesReportChangedYearsAndARelationChangeIsNamed() {
        let old = network(["a-fk member_of net1 2009-2012", "a-fk participates_in mnk"])
        let new = network(["a-fk member_of net1 2020-2023", "a-fk member_of mnk -2020"])
        let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: nil))
        let changes = Set(diff.changed.map { "\($0.id) \($0.key) \($0.old ?? "-") \($0.new ?? "-")" })
        XCTAssertEqual(changes, [
            "a-fk -[member_of]-> net1 since 2009 2020", "a-fk -[member_of]-> net1 until 2012 2023",
            "a-fk -> mnk relation participates_in member_of",
        ])
    }

    func testSplitIsFollowedToTheSuccessorInTheNewEdition() {
        let old = network(["vt-fk partner_of hubei", "t-fk succeeded_by vt-fk"])
        let new = network(["t-fk partner_of hubei", "vt-fk succeeded_by t-fk", "vt-fk succeeded_by v-fk"])
        let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: "succeeded_by"))
        XCTAssertEqual(diff.successions.map { "\($0.from)>\($0.to)" }, ["vt-fk>t-fk"])
        XCTAssertEqual(keys(diff.edgesKept), ["hubei -[partner_of]- t-fk"])
        XCTAssertEqual(diff.warnings, [])
        XCTAssertEqual(diff.nodesRemoved.map(\.id), [], "counties named only in successions do not take part")
    }

    func testLifetimesFromDatedSuccessions() {
        let lifetimes = Lifetimes(successions: network(["t-fk succeeded_by vt-fk 2020", "vt-fk succeeded_by t-fk 2024", "n-fk succeeded_by x-fk"]).edges,
                                  relation: "succeeded_by")
        XCTAssertEqual([2012, 2019, 2020, 2023, 2024, 2030].map { lifetimes.exists("t-fk", in: $0) }, [true, true, false, false, true, true])
        XCTAssertEqual([2012, 2020, 2023, 2024].map { lifetimes.exists("vt-fk", in: $0) }, [false, true, true, false])
        XCTAssertTrue(lifetimes.exists("n-fk", in: 2050), "an undated succession says nothing about years")
    }

    func testYearsOfOneNetwork() {
        let whole = network([
            "n-fk member_of net1 2009-2012", "s-fk member_of net1 2009-2012", "t-fk member_of net1 2020-",
            "t-fk member_of net2 2020-2023", "n-fk member_of net3 -2015", "n-fk succeeded_by t-fk 2018", "s-fk succeeded_by t-fk 2018",
            "net2 part_of net1", "t-fk member_of net4", "n-fk member_of net5",
        ])
        let diff = NetworkDiff.compare(whole, at: 2012, toYear: 2022, options: DiffOptions(follow: "succeeded_by"))
        XCTAssertEqual(diff.old.year, 2012)
        XCTAssertEqual(keys(diff.edgesKept), ["t-fk -[member_of]-> net1", "net2 -[part_of]-> net1"])
        XCTAssertEqual(diff.edgesKept.first { $0.relation == "member_of" }?.oldTies.count, 2, "both predecessors' ties")
        // Undated ties count while their county exists: t from 2018, n until 2018.
        XCTAssertEqual(keys(diff.edgesRemoved), ["t-fk -[member_of]-> net3", "t-fk -[member_of]-> net5"])
        XCTAssertEqual(keys(diff.edgesAdded), ["t-fk -[member_of]-> net2", "t-fk -[member_of]-> net4"])
        // A succession after the second year is not followed.
        let early = NetworkDiff.compare(whole, at: 2010, toYear: 2012, options: DiffOptions(follow: "succeeded_by"))
        XCTAssertEqual(early.successions.count, 0)
        XCTAssertEqual(keys(early.edgesKept), ["n-fk -[member_of]-> net1", "s-fk -[member_of]-> net1", "n-fk -[member_of]-> net3",
                                               "n-fk -[member_of]-> net5", "net2 -[part_of]-> net1"])
        // Without following successions, every undated tie counts in every year.
        let plain = NetworkDiff.compare(whole, at: 2010, toYear: 2012, options: DiffOptions(follow: nil))
        XCTAssertTrue(keys(plain.edgesKept).contains("t-fk -[member_of]-> net4"))
        XCTAssertEqual(early.nodesKept.count, early.old.nodeCount)
    }

    /// old = removed ∪ kept and new = added ∪ kept (after mapping), disjoint, on both bundled edition pairs.
    func testSetsAreConsistentOnTheBundledEditions() throws {
        let data = packageRoot.appendingPathComponent("data").path
        for (before, after) in [("nord-trondelag-2009", "trondelag-2020"), ("vestfold-og-telemark-2030", "telemark-2035")] {
            let old = try NetworkLoader.loadValid(["\(data)/\(before).yaml"]).network
            let new = try NetworkLoader.loadValid(["\(data)/\(after).yaml"]).network
            for follow in ["succeeded_by", nil] {
                let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: follow))
                try assertConsistent(diff, old: old, new: new, follow: follow, name: "\(before) \(follow ?? "none")")
            }
        }
        let whole = try NetworkLoader.loadValid([data]).network
        let diff = NetworkDiff.compare(whole, at: 2012, toYear: 2022, options: DiffOptions(follow: "succeeded_by"))
        XCTAssertEqual(diff.old.edgeCount, diff.edgesRemoved.reduce(0) { $0 + $1.oldTies.count } + diff.edgesKept.reduce(0) { $0 + $1.oldTies.count })
        XCTAssertEqual(diff.new.edgeCount, diff.edgesAdded.reduce(0) { $0 + $1.newTies.count } + diff.edgesKept.reduce(0) { $0 + $1.newTies.count })
    }

    func assertConsistent(_ diff: NetworkDiff, old: Network, new: Network, follow: String?, name: String) throws {
        // Each edition's nodes, independently: every node, less those whose only ties are followed successions.
        func takingPart(_ network: Network) -> Set<String> {
            guard let follow else { return Set(network.nodes.map(\.id)) }
            var other = Set<String>(), succession = Set<String>()
            for edge in network.edges {
                if edge.relation == follow { succession.formUnion([edge.from, edge.to]) } else { other.formUnion([edge.from, edge.to]) }
            }
            return Set(network.nodes.map(\.id)).subtracting(succession.subtracting(other))
        }
        let oldIDs = (diff.nodesRemoved + diff.nodesKept).flatMap(\.oldIDs)
        let newIDs = (diff.nodesAdded + diff.nodesKept).flatMap(\.newIDs)
        XCTAssertEqual(Set(oldIDs), takingPart(old), name)
        XCTAssertEqual(oldIDs.count, Set(oldIDs).count, name)
        XCTAssertEqual(Set(newIDs), takingPart(new), name)
        XCTAssertTrue(diff.nodesAdded.allSatisfy(\.oldIDs.isEmpty) && diff.nodesRemoved.allSatisfy(\.newIDs.isEmpty), name)
        let mappedOld = Set(diff.nodesRemoved.map(\.id) + diff.nodesKept.map(\.id)), mappedNew = Set(diff.nodesAdded.map(\.id) + diff.nodesKept.map(\.id))
        XCTAssertEqual(mappedOld.intersection(mappedNew), Set(diff.nodesKept.map(\.id)), name)
        // Every compared tie of each edition is in exactly one entry of its side.
        let oldTies = (diff.edgesRemoved + diff.edgesKept).flatMap(\.oldTies)
        let newTies = (diff.edgesAdded + diff.edgesKept).flatMap(\.newTies)
        XCTAssertEqual(oldTies.count, old.edges.filter { $0.relation != follow }.count, name)
        XCTAssertEqual(Set(oldTies), Set(old.edges.filter { $0.relation != follow }), name)
        XCTAssertEqual(Set(newTies), Set(new.edges.filter { $0.relation != follow }), name)
        let keys = [diff.edgesAdded, diff.edgesRemoved, diff.edgesKept].map { Set($0.map(\.id)) }
        XCTAssertTrue(keys[0].isDisjoint(with: keys[1]) && keys[0].isDisjoint(with: keys[2]) && keys[1].isDisjoint(with: keys[2]), name)
        // The JSON carries the same sets under the issue's keys.
        let object = DiffReport(diff: diff, language: DiffLanguage(code: "en")!).jsonObject()
        let edges = try XCTUnwrap(object["edges"] as? [String: [[String: Any]]])
        XCTAssertEqual(Set(edges.keys), ["added", "removed", "kept"])
        XCTAssertEqual(edges["kept"]?.count, diff.edgesKept.count)
        for entry in edges.values.joined() {
            XCTAssertEqual(Set(entry.keys).isSuperset(of: ["source", "target", "relation", "cite_old", "cite_new"]), true)
        }
        XCTAssertNotNil(object["changed"] as? [[String: Any]])
        XCTAssertNotNil(object["successions"] as? [[String: Any]])
        XCTAssertEqual(Set((object["nodes"] as? [String: Any])?.keys.map { $0 } ?? []), ["added", "removed", "kept"])
    }

    func testBundledEditionFigures() throws {
        let data = packageRoot.appendingPathComponent("data").path
        let old = try NetworkLoader.loadValid(["\(data)/vestfold-og-telemark-2030.yaml"]).network
        let new = try NetworkLoader.loadValid(["\(data)/telemark-2035.yaml"]).network
        let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: DiffOptions.defaultFollow([old, new])))
        XCTAssertEqual(diff.successions.map { "\($0.from)>\($0.to)" }, ["vestfold-og-telemark-fk>telemark-fk"])
        XCTAssertEqual(diff.successions.first?.citations.map(\.source), ["innst452s2022"])
        // Hubei and Schleswig-Holstein carry on; Kaunas and the Midwest end; Minneapolis is new.
        let partners = { (ties: [NetworkDiff.TieEntry]) in Set(ties.filter { $0.relation == "partner_of" }.map { $0.source == "telemark-fk" ? $0.target : $0.source }) }
        XCTAssertEqual(partners(diff.edgesKept), ["hubei", "schleswig-holstein"])
        XCTAssertEqual(partners(diff.edgesRemoved), ["kaunas", "midwest-usa"])
        XCTAssertEqual(partners(diff.edgesAdded), ["minneapolis"])
    }

    func testMeasureChangesRankAndSortByRise() throws {
        let old = network(["a-fk member_of net1", "b-fk member_of net1"])
        let new = network(["a-fk member_of net1", "a-fk member_of net2", "a-fk member_of net3"])
        let diff = NetworkDiff.compare(old, new, options: DiffOptions(follow: nil))
        let changes = try diff.measureChanges(.degree)
        XCTAssertEqual(changes.first?.id, "a-fk")
        XCTAssertEqual(changes.first?.old, 1)
        XCTAssertEqual(changes.first?.new, 3)
        XCTAssertEqual(changes.first?.oldRank, 2)
        XCTAssertEqual(changes.first?.newRank, 1)
        XCTAssertEqual(changes.last?.id, "b-fk")
        XCTAssertNil(changes.last?.new)
        XCTAssertEqual(changes.last?.change, -1)
    }

    func testReportTextIsEscapedForMarkdownAndTerminal() {
        var old = network(["a-fk member_of net1"])
        old.upsert(Node(id: "net1", label: "Net *one* | <b>\u{1B}[31m", kind: "network"))
        let diff = NetworkDiff.compare(old, network(["a-fk member_of net2"]), options: DiffOptions(follow: nil))
        let report = DiffReport(diff: diff, language: DiffLanguage(code: "nb")!)
        XCTAssertTrue(report.markdown().contains("Net \\*one\\* \\| \\<b\\> \\[31m"), report.markdown())
        XCTAssertFalse(report.table().contains("\u{1B}"))
        XCTAssertTrue(report.markdown().contains("## Avsluttet"))
        XCTAssertTrue(DiffReport(diff: diff, language: DiffLanguage(code: "nn")!).table().contains("Nye partnarar og band"))
        XCTAssertTrue(DiffReport(diff: diff, language: DiffLanguage(code: "en")!).table().contains("New partners and ties"))
    }
}
