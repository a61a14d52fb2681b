import ArgumentParser
import Foundation
import Graph

struct Export: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a network in another format.",
        discussion: """
        json: NetworkX node-link data (read it with networkx.node_link_graph). csv: nodes.csv and edges.csv \
        into the folder given with -o. dot: the Graphviz text the renderer lays out.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, dot
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Output format: json, csv or dot.")
    var format: Format = .json

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (a folder for csv). Default: standard output.", valueName: "PATH"))
    var output: String?

    func execute() throws {
        let loaded = try input.load()
        let network = try filters.filter(for: loaded).apply(to: loaded)
        switch format {
        case .json:
            try emit(String(decoding: try NodeLinkFormat.write(network), as: UTF8.self), to: output)
        case .csv:
            if let output {
                try CSVFormat.writePair(network, to: output)
            } else {
                print(CSVFormat.nodesTable(network))
                print(CSVFormat.edgesTable(network), terminator: "")
            }
        case .dot:
            try emit(DOTBuilder(network: network).build(), to: output)
        }
    }
}
