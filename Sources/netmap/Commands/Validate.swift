import ArgumentParser
import Graph

struct Validate: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check network files and report every problem.",
        discussion: """
        Reports each problem as `path:line: error: message`: unknown kind or relation (with the closest known \
        name), edge to a missing node, duplicate id in a file, bad slug, since after until, citation of an \
        undeclared source, YAML syntax. Warnings (uncited edge, isolated node) go to standard error with exit 0; \
        errors give exit 1. One kind of problem on many rows shows the first 5 and a count; the last line counts \
        problems by kind. Kinds and relations that files from other tools and spreadsheets use without declaring \
        are taken from the data, with one note per file; --strict refuses them, and warnings too.
        """
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings, and kinds or relations taken from the data, as errors.")
    var strict = false

    func execute() throws {
        let loaded = try input.read()
        var diagnostics = loaded.diagnostics
        let network = loaded.network
        if strict {
            diagnostics = diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                if diagnostic.severity == .note { diagnostic.severity = .error }
                return diagnostic
            }
        }
        for line in DiagnosticSummary.lines(diagnostics) { printError(line) }
        let errors = DiagnosticSummary.count(diagnostics, .error), warnings = DiagnosticSummary.count(diagnostics, .warning)
        if errors > 0 || (strict && warnings > 0) {
            printError(DiagnosticSummary.countLine(diagnostics) ?? "")
            throw ExitCode(1)
        }
        let counts = DiagnosticSummary.countLine(diagnostics.filter { $0.severity != .error }) ?? ""
        print("ok: \(counted(network.nodes.count, "node")), \(counted(network.edges.count, "edge")), \(counted(network.sources.count, "source")); \(counts.hasPrefix("0 errors, ") ? String(counts.dropFirst("0 errors, ".count)) : counts)")
    }
}
