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
        if !result.errors.isEmpty || (strict && !result.warnings.isEmpty) {
            printError("\(result.errors.count) error(s), \(result.warnings.count) warning(s)")
            throw ExitCode(1)
        }
        let network = result.network
        print("ok: \(network.nodes.count) nodes, \(network.edges.count) edges, \(network.sources.count) sources; \(result.warnings.count) warning(s)")
    }
}
