import ArgumentParser
import Graph

struct Validate: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check network files and report every problem.",
        discussion: """
        Reports each problem as `path:line: error: message`: unknown kind or relation, edge to a missing node, \
        duplicate id in a file, bad slug, since after until, citation of an undeclared source, YAML syntax. \
        Warnings (uncited edge, isolated node) go to standard error with exit 0; errors give exit 1.
        """
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func execute() throws {
        let result = try input.read()
        for diagnostic in result.diagnostics { printError(diagnostic.description) }
        let errors = result.errors.reduce(0) { $0 + $1.count }, warnings = result.warnings.reduce(0) { $0 + $1.count }
        if errors > 0 || (strict && warnings > 0) {
            printError("\(counted(errors, "error")), \(counted(warnings, "warning"))\(strict && errors == 0 ? " (--strict counts warnings as errors)" : "")")
            throw ExitCode(1)
        }
        let network = result.network
        print("ok: \(counted(network.nodes.count, "node")), \(counted(network.edges.count, "edge")), \(counted(network.sources.count, "source")); \(counted(warnings, "warning"))")
    }
}
