import ArgumentParser
import Graph

/// The analysis-only load of the input stage: the commands that only analyse (`centrality`, `stats`,
/// `communities` without a drawing) ask for the network's analysis view, which large CSV edge lists give
/// without building the typed model (see `AnalysisLoader`). Same inputs, same `--from`, same errors.
extension InputOptions {
    func loadForAnalysis() throws -> AnalysisNetwork {
        let (paths, format) = (try paths, try format)
        return try progress.step("loading") { try AnalysisLoader.load(paths, format: format) }
    }
}

extension FilterOptions {
    /// The filter, after checking that every kind and relation it names occurs in the network.
    func filter(for network: AnalysisNetwork) throws -> GraphFilter {
        let filter = self.filter
        let problems = network.problems(of: filter)
        if !problems.isEmpty { throw GraphError.invalidArgument(problems.joined(separator: "; ")) }
        return filter
    }
}
