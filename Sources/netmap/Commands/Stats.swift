import ArgumentParser
import Foundation
import Graph

struct Stats: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a network: nodes and ties by kind and relation, components, density, isolated nodes."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Output format: table or json.")
    var format: TableFormat = .table

    func execute() throws {
        let network = try input.load()
        let stats = NetworkStatistics(network, filter: try filters.filter(for: network))
        switch format {
        case .json:
            print(try jsonText(stats.jsonObject), terminator: "")
        case .table, .csv:
            print(Self.table(stats), terminator: "")
        }
    }

    static func table(_ stats: NetworkStatistics) -> String {
        var text = ""
        if let name = stats.name { text += "\(name)\n" }
        text += "nodes: \(stats.nodes)   edges: \(stats.edges)   sources: \(stats.sources)\n"
        text += "components: \(stats.components) (largest \(stats.largestComponent) nodes)   density: \(String(format: "%.4f", stats.density))\n"
        text += "\nnodes by kind\n"
        for (kind, count) in stats.byKind.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            text += "  \(kind.padding(toLength: 20, withPad: " ", startingAt: 0)) \(count)\n"
        }
        text += "\nedges by relation\n"
        for (relation, count) in stats.byRelation.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            text += "  \(relation.padding(toLength: 20, withPad: " ", startingAt: 0)) \(count)\n"
        }
        text += "\nisolated nodes: \(stats.isolated.isEmpty ? "none" : stats.isolated.joined(separator: ", "))\n"
        if stats.uncitedEdges > 0 { text += "uncited edges: \(stats.uncitedEdges)\n" }
        return text
    }
}
