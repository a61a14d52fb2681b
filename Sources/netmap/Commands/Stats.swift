import ArgumentParser
import Foundation
import Graph

struct Stats: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a network: nodes and ties by kind and relation, components, density, diameter, clustering, degrees.",
        discussion: """
        Structure is measured on the simple undirected graph of the ties: components (largest first), density \
        m / (n(n−1)/2), diameter of each component and the average shortest-path length over connected pairs \
        (skipped above \(NetworkStatistics.distanceLimit) nodes), average local clustering, and the degree \
        distribution (number of distinct neighbours → number of nodes).
        \(HelpText.glossary)
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    func execute() throws {
        let network = try input.loadForAnalysis()
        let stats = NetworkStatistics(network, filter: try filters.filter(for: network))
        switch format {
        case .json:
            print(try jsonText(stats.jsonObject), terminator: "")
        case .table:
            print(Self.table(stats), terminator: "")
        }
    }

    static func table(_ stats: NetworkStatistics) -> String {
        var text = ""
        if let name = stats.name { text += "\(TerminalText.visible(name))\n" }
        text += "nodes: \(stats.nodes)   edges: \(stats.edges)   sources: \(stats.sources)\n"
        text += "components: \(stats.components) (largest \(stats.largestComponent) nodes)   density: \(String(format: "%.4f", stats.density))\n"
        if stats.components > 1 {
            text += "component sizes: \(stats.componentSizes.prefix(10).map(String.init).joined(separator: ", "))\(stats.componentSizes.count > 10 ? ", …" : "")\n"
        }
        if let diameters = stats.diameters, let average = stats.averagePathLength {
            let perComponent = diameters.count > 1 ? " (per component: \(diameters.prefix(10).map(String.init).joined(separator: ", "))\(diameters.count > 10 ? ", …" : ""))" : ""
            text += "diameter: \(diameters.max() ?? 0)\(perComponent)   average path length: \(String(format: "%.4f", average))\n"
        } else {
            text += "diameter: skipped (more than \(NetworkStatistics.distanceLimit) nodes)\n"
        }
        text += "average clustering: \(String(format: "%.4f", stats.averageClustering))\n"
        let degrees = stats.degreeDistribution.sorted { $0.key < $1.key }
        text += "degree distribution (degree: nodes): \(degrees.prefix(20).map { "\($0.key): \($0.value)" }.joined(separator: ", "))\(degrees.count > 20 ? ", …" : "")\n"
        text += "\nnodes by kind\n"
        for (kind, count) in stats.byKind.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            text += "  \(TerminalText.visible(kind).padding(toLength: 20, withPad: " ", startingAt: 0)) \(count)\n"
        }
        text += "\nedges by relation\n"
        for (relation, count) in stats.byRelation.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            text += "  \(TerminalText.visible(relation).padding(toLength: 20, withPad: " ", startingAt: 0)) \(count)\n"
        }
        text += "\nisolated nodes: \(stats.isolated.isEmpty ? "none" : stats.isolated.joined(separator: ", "))\n"
        if stats.uncitedEdges > 0 { text += "uncited edges: \(stats.uncitedEdges)\n" }
        return text
    }
}
