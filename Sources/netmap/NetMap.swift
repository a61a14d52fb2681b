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
        let command: ParsableCommand
        do {
            command = try parseAsRoot(nil)
        } catch {
            exitAfterParsing(error)
        }
        do {
            var command = command
            try command.run()
        } catch {
            exitAfterParsing(error)
        }
        Foundation.exit(0)
    }

    /// Ends the process for `error` as ArgumentParser would, except that help and version text go through
    /// `StandardOutput`: when it cannot be written (`netmap --help > /dev/full`) the run fails with a message
    /// and exit 1 instead of exiting 0 with the text lost.
    static func exitAfterParsing(_ error: Error) -> Never {
        let code = exitCode(for: error)
        guard code == .success else { exit(withError: error) }
        let message = fullMessage(for: error)
        if !message.isEmpty { print(message) }
        do {
            try StandardOutput.finish()
        } catch {
            printError("\(error)")
            Foundation.exit(1)
        }
        Foundation.exit(0)
    }
}
