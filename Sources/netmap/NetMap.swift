import ArgumentParser
import Foundation

@main
struct NetMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netmap",
        abstract: "Map, analyse and draw international partner networks.",
        discussion: """
        INPUT is a network file (.yaml, .csv, .xlsx, .json, .graphml, .gexf, .net, .gml, .dot) or a folder of them; several inputs are merged.
        With no INPUT, the bundled networks in data/ are used. See docs/format.md.
        New to netmap: docs/guide.md starts with everyday tasks, docs/glossary.md explains the words the output uses \
        (after `make install` both are in PREFIX/share/doc/netmap).
        """,
        version: "0.1.0",
        subcommands: [
            Init.self,
            Validate.self,
            Find.self,
            Stats.self,
            Export.self,
            Render.self,
            Report.self,
            ConsortiumCommand.self,
            ImportCommand.self,
            EvaluateConsortium.self,
            Centrality.self,
            Brokers.self,
            PathCommand.self,
            Ego.self,
            Communities.self,
            Project.self,
            Compare.self,
            Diff.self,
        ]
    )

    static func main() {
        #if NETMAP_FUZZ
        if let target = ProcessInfo.processInfo.environment["NETMAP_FUZZ_TARGET"] { FuzzTargets.runDriver(target) }
        #endif
        NetmapFormats.register()
        main(nil)
    }
}
