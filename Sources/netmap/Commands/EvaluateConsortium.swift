import ArgumentParser
import Foundation
import Graph

struct EvaluateConsortium: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-consortium",
        abstract: "Leave-one-project-out evaluation of the consortium ranking on real participation data (bench/consortium-eval.sh).",
        discussion: """
        Imports the Research Council of Norway's grants and Tillväxtverket's Interreg register, holds out each project \
        with at least 3 Norwegian (Swedish) participants, asks netmap for partners of its lead on the network without it, \
        and compares with random reachable, most active, common neighbours and Adamic–Adar: recall@5, recall@10 and MRR \
        with bootstrap 95% intervals, plus an ablation of netmap's signals. Prints Markdown tables; -o writes the JSON.
        """
    )

    @Option(name: .customLong("forskningsradet"), help: ArgumentHelp("The Research Council's grants table (dataset.csv).", valueName: "FILE"))
    var researchCouncil: String

    @Option(help: ArgumentHelp("The Interreg partner list (rawdata.json).", valueName: "FILE"))
    var interreg: String

    @Option(help: ArgumentHelp("Programme rules (default: the bundled data/programmes.yaml).", valueName: "FILE"))
    var programmes: String?

    @Option(help: "Bootstrap resamples.")
    var resamples: Int = 1000

    @Option(help: ArgumentHelp("Score netmap with these weights instead of the standard ones: closeness,theme,experience,brokerage,proximity.", valueName: "W,W,W,W,W"))
    var weights: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the results as JSON to this file.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if resamples < 1 { throw ValidationError("--resamples must be at least 1") }
        if let weights, weights.split(separator: ",").compactMap({ Double($0) }).count != 5 {
            throw ValidationError("--weights '\(weights)': write five numbers, e.g. 1,2,0.25,0.2,0.5")
        }
    }

    var chosenWeights: ScoreWeights {
        guard let values = weights?.split(separator: ",").compactMap({ Double($0) }), values.count == 5 else { return .standard }
        return ScoreWeights(closeness: values[0], theme: values[1], experience: values[2], brokerage: values[3], proximity: values[4])
    }

    func execute() throws {
        let catalogue: ProgrammeCatalogue
        if let programmes {
            catalogue = try ProgrammeCatalogue.load(programmes)
        } else {
            guard let folder = BundledData.folder else { throw GraphError.invalidArgument("data/programmes.yaml was not found; pass --programmes FILE") }
            catalogue = try ProgrammeCatalogue.load(folder + "/programmes.yaml")
        }
        let report = try ConsortiumEvaluationRun.run(researchCouncil: researchCouncil, interreg: interreg, catalogue: catalogue, resamples: resamples,
                                                    weights: chosenWeights)
        print(ConsortiumEvaluationRun.table(report), terminator: "")
        if let output { try emit(try jsonText(ConsortiumEvaluationRun.json(report)) + "\n", to: output) }
    }
}
