import Foundation

/// The whole evaluation of `bench/consortium-eval.sh`: the Research Council's grants and the Swedish Interreg
/// register, each imported as participations, leave-one-project-out, netmap against the baselines, with an
/// ablation of netmap's signals.
///
/// Queries are split in two halves by a hash of the project id. Weights are learned (grid search,
/// `ConsortiumEvaluation.learnWeights`) on the Research Council's training half only; every figure reported is
/// on the other half of the Research Council projects and on all Interreg projects, which no weight saw.
public enum ConsortiumEvaluationRun {
    public struct DatasetResult: Sendable {
        public var name: String
        public var queries: Int
        /// Methods in report order: netmap, random, most_active, common_neighbours, adamic_adar.
        public var methods: [(name: String, summary: ConsortiumEvaluation.Summary)]
        /// netmap with signals left out or alone.
        public var ablation: [(name: String, summary: ConsortiumEvaluation.Summary)]
        /// netmap minus each baseline, paired bootstrap over the same queries.
        public var differences: [(name: String, summary: ConsortiumEvaluation.Summary)] = []
        public var seconds: Double
    }

    public struct Report: Sendable {
        public var datasets: [DatasetResult]
        public var learned: ScoreWeights
        public var trainingQueries: Int
        public var weights: ScoreWeights
    }

    /// Whether a project belongs to the training half (FNV-1a of its id, lowest bit).
    public static func isTraining(_ project: String) -> Bool {
        StableHash.fnv1a(project) & 1 == 0
    }

    public static func run(researchCouncil: String, interreg: String, catalogue: ProgrammeCatalogue,
                           resamples: Int = 1000, weights: ScoreWeights = .standard) throws -> Report {
        let options = ImportOptions(shape: .participations)
        let grants = try ForskningsradetImport.read(grants: researchCouncil, options: options).network(options)
        let partners = try InterregImport.read(partners: interreg, options: options).network(options)
        let rcQueries = ConsortiumEvaluation.queries(in: grants, country: "NO", theme: { [$0.attributes["topic"] ?? $0.attributes["topic_code"] ?? ""] },
                                                     programme: { _ in ProgrammeRules.unrestricted })
        let irQueries = ConsortiumEvaluation.queries(in: partners, country: "SE", theme: { [$0.attributes["policy_objective"] ?? ""] },
                                                     programme: { catalogue.programme($0.attributes["programme"] ?? "") ?? ProgrammeRules.unrestricted })
        let training = try rcQueries.filter { isTraining($0.project) }.map { (try ConsortiumEvaluation.rankings($0, in: grants), $0.partners) }
        let learned = ConsortiumEvaluation.learnWeights(training)
        var datasets: [DatasetResult] = []
        for (name, network, queries) in [("forskningsradet", grants, rcQueries.filter { !isTraining($0.project) }), ("interreg", partners, irQueries)] {
            let start = Date()
            let rankings = try queries.map { try ConsortiumEvaluation.rankings($0, in: network) }
            func measured(_ outcome: (Int) -> ConsortiumEvaluation.Outcome) -> ConsortiumEvaluation.Summary {
                ConsortiumEvaluation.summary(queries.indices.map(outcome), resamples: resamples)
            }
            func netmap(_ w: ScoreWeights) -> ConsortiumEvaluation.Summary {
                measured { ConsortiumEvaluation.outcome(ConsortiumEvaluation.order(rankings[$0].netmap, weights: w), partners: queries[$0].partners) }
            }
            let outcomes: [(String, [ConsortiumEvaluation.Outcome])] = [
                ("netmap", queries.indices.map { ConsortiumEvaluation.outcome(ConsortiumEvaluation.order(rankings[$0].netmap, weights: weights), partners: queries[$0].partners) }),
                ("random", queries.indices.map { ConsortiumEvaluation.randomOutcome(reachable: rankings[$0].reachable, partners: queries[$0].partners) }),
                ("most_active", queries.indices.map { ConsortiumEvaluation.outcome(rankings[$0].mostActive, partners: queries[$0].partners) }),
                ("common_neighbours", queries.indices.map { ConsortiumEvaluation.outcome(rankings[$0].commonNeighbours, partners: queries[$0].partners) }),
                ("adamic_adar", queries.indices.map { ConsortiumEvaluation.outcome(rankings[$0].adamicAdar, partners: queries[$0].partners) }),
            ]
            let methods = outcomes.map { ($0.0, ConsortiumEvaluation.summary($0.1, resamples: resamples)) }
            let differences = outcomes.dropFirst().map { ("netmap − " + $0.0, ConsortiumEvaluation.pairedDifference(outcomes[0].1, $0.1, resamples: resamples)) }
            var w = weights
            var ablation: [(String, ConsortiumEvaluation.Summary)] = [("all signals", methods[0].1)]
            w = weights; w.theme = 0; ablation.append(("without theme", netmap(w)))
            w = weights; w.experience = 0; ablation.append(("without experience", netmap(w)))
            w = weights; w.closeness = 0; ablation.append(("without closeness", netmap(w)))
            w = weights; w.proximity = 0; ablation.append(("without proximity", netmap(w)))
            ablation.append(("closeness only", netmap(ScoreWeights(closeness: 1, theme: 0, experience: 0, brokerage: 0))))
            ablation.append(("theme only", netmap(ScoreWeights(closeness: 0, theme: 1, experience: 0, brokerage: 0))))
            ablation.append(("experience only", netmap(ScoreWeights(closeness: 0, theme: 0, experience: 1, brokerage: 0))))
            ablation.append(("proximity only", netmap(ScoreWeights(closeness: 0, theme: 0, experience: 0, brokerage: 0, proximity: 1))))
            if queries.contains(where: { !$0.programme.area.isEmpty }) {
                let open = try queries.map { query -> ConsortiumEvaluation.Outcome in
                    var unrestricted = query
                    unrestricted.programme.area = []
                    let ranked = try ConsortiumEvaluation.rankings(unrestricted, in: network)
                    return ConsortiumEvaluation.outcome(ConsortiumEvaluation.order(ranked.netmap, weights: weights), partners: query.partners)
                }
                ablation.append(("without area rules", ConsortiumEvaluation.summary(open, resamples: resamples)))
            }
            datasets.append(DatasetResult(name: name, queries: queries.count, methods: methods, ablation: ablation, differences: differences,
                                          seconds: Date().timeIntervalSince(start)))
        }
        return Report(datasets: datasets, learned: learned, trainingQueries: training.count, weights: weights)
    }

    static func rounded(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }

    /// `{"forskningsradet": {"queries": N, "methods": {"netmap": {"recall@5", "recall@10", "mrr", "ci95": {...}}, ...}}, "interreg": {...}}`.
    public static func json(_ report: Report) -> [String: Any] {
        var root: [String: Any] = [:]
        for dataset in report.datasets {
            var methods: [String: Any] = [:]
            for (name, s) in dataset.methods {
                methods[name] = [
                    "recall@5": rounded(s.recall5), "recall@10": rounded(s.recall10), "mrr": rounded(s.mrr),
                    "ci95": ["recall@5": [rounded(s.interval5.0), rounded(s.interval5.1)], "recall@10": [rounded(s.interval10.0), rounded(s.interval10.1)],
                             "mrr": [rounded(s.intervalMRR.0), rounded(s.intervalMRR.1)]],
                ] as [String: Any]
            }
            root[dataset.name] = ["queries": dataset.queries, "methods": methods] as [String: Any]
        }
        return root
    }

    /// The results as Markdown tables (methods, then the ablation), one pair per dataset.
    public static func table(_ report: Report) -> String {
        func cell(_ value: Double, _ interval: (Double, Double), signed: Bool = false) -> String {
            String(format: signed ? "%+.3f [%+.3f, %+.3f]" : "%.3f [%.3f–%.3f]", value, interval.0, interval.1)
        }
        var lines: [String] = []
        for dataset in report.datasets {
            lines.append("\(dataset.name): \(dataset.queries) held-out projects (\(String(format: "%.1f", dataset.seconds)) s)")
            lines.append("")
            lines.append("| method | recall@5 [95% CI] | recall@10 [95% CI] | MRR [95% CI] |")
            lines.append("|---|---|---|---|")
            for (name, s) in dataset.methods + dataset.ablation.dropFirst().map({ ("netmap " + $0.name, $0.summary) }) {
                lines.append("| \(name) | \(cell(s.recall5, s.interval5)) | \(cell(s.recall10, s.interval10)) | \(cell(s.mrr, s.intervalMRR)) |")
            }
            lines.append("")
            if !dataset.differences.isEmpty {
                lines.append("\(dataset.name): netmap minus each baseline on the same queries (paired bootstrap; an interval above 0 means netmap is ahead beyond resampling noise)")
                lines.append("")
                lines.append("| difference | recall@5 [95% CI] | recall@10 [95% CI] | MRR [95% CI] |")
                lines.append("|---|---|---|---|")
                for (name, s) in dataset.differences {
                    lines.append("| \(name) | \(cell(s.recall5, s.interval5, signed: true)) | \(cell(s.recall10, s.interval10, signed: true)) | \(cell(s.mrr, s.intervalMRR, signed: true)) |")
                }
                lines.append("")
            }
        }
        let w = report.learned
        lines.append("weights learned on \(report.trainingQueries) training projects of the Research Council data: closeness \(w.closeness), theme \(w.theme), experience \(w.experience), brokerage \(w.brokerage), proximity \(w.proximity)")
        let s = report.weights
        lines.append("netmap's weights (used above\(s == ScoreWeights.standard ? ", the standard ones" : ", NOT the standard ones")): closeness \(s.closeness), theme \(s.theme), experience \(s.experience), brokerage \(s.brokerage), proximity \(s.proximity)")
        return lines.joined(separator: "\n") + "\n"
    }
}
