import ArgumentParser
import Foundation
import Graph

struct Render: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a network with Graphviz (SVG, PNG, PDF or DOT by the output's extension).",
        discussion: "Lays out through the Graphviz C library in-process; nodes are coloured and shaped by kind, with a legend."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file: .svg, .png, .pdf or .dot.", valueName: "FILE"))
    var output: String

    @Option(help: ArgumentHelp("Graphviz layout: dot, neato, fdp, sfdp, circo, twopi. Default: dot up to 60 nodes, else fdp; sfdp above 1000.", valueName: "name"))
    var layout: String?

    @Option(help: "Title drawn above the network.")
    var title: String?

    func validate() throws {
        if let layout, !Graphviz.layouts.contains(layout) {
            throw ValidationError("unknown layout '\(layout)'; choose one of \(Graphviz.layouts.joined(separator: ", "))")
        }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if !["svg", "png", "pdf", "dot", "gv"].contains(ext) {
            throw ValidationError("cannot tell the format of '\(output)': use .svg, .png, .pdf or .dot")
        }
    }

    func execute() throws {
        let loaded = try input.load()
        let network = try filters.filter(for: loaded).apply(to: loaded)
        let engine = layout ?? (network.nodes.count <= 60 ? "dot" : (network.nodes.count <= 1000 ? "fdp" : "sfdp"))
        let dot = DOTBuilder(network: network, title: title, layout: engine).build()
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        let data: Data
        switch ext {
        case "dot", "gv": data = Data(dot.utf8)
        case "png": data = try Graphviz.render(dot: dot, layout: engine, format: "png:cairo")
        case "pdf": data = try Graphviz.render(dot: dot, layout: engine, format: "pdf:cairo")
        default: data = try Graphviz.render(dot: dot, layout: engine, format: "svg")
        }
        try AtomicFile.write(data, to: output)
    }
}
