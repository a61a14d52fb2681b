import ArgumentParser
import Foundation
import Graph

/// The network inputs every command takes.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Network files or folders (YAML, CSV, JSON, GraphML, GEXF, Pajek, GML, DOT). Default: the bundled data/ folder.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Read input files as this format whatever their extension: \(FileFormat.names.map(\.name).joined(separator: ", ")).", valueName: "format"))
    var from: String?

    /// The format `--from` names, if given.
    var format: FileFormat? {
        get throws {
            guard let from else { return nil }
            guard let format = FileFormat(name: from) else {
                throw ValidationError("unknown --from format '\(from)'; choose one of \(FileFormat.names.map(\.name).joined(separator: ", "))")
            }
            return format
        }
    }

    /// The inputs, or the bundled data folder when none were given.
    var paths: [String] {
        get throws {
            if !inputs.isEmpty { return inputs }
            if let bundled = BundledData.folder { return [bundled] }
            throw ValidationError("no INPUT given and no data/ folder found; name a network file or folder")
        }
    }

    /// Loads and validates the inputs, printing warnings to standard error.
    func load(quiet: Bool = true) throws -> Network {
        let (network, warnings) = try NetworkLoader.loadValid(paths, format: format)
        if !quiet { for warning in warnings { printError(warning.description) } }
        return network
    }
}

/// Filters shared by the analysis and drawing commands.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only nodes of these kinds (comma-separated).", valueName: "kind,..."))
    var kinds: String?

    @Option(help: ArgumentHelp("Only ties of these relations (comma-separated).", valueName: "relation,..."))
    var relations: String?

    @Option(name: .customLong("at"), help: ArgumentHelp("Only ties valid in this year (since ≤ YEAR ≤ until).", valueName: "YEAR"))
    var year: Int?

    var filter: GraphFilter {
        GraphFilter(kinds: kinds.map(splitList), relations: relations.map(splitList), year: year)
    }

    /// The filter, after checking that every kind and relation it names occurs in the network.
    func filter(for network: Network) throws -> GraphFilter {
        let filter = self.filter
        let problems = filter.problems(in: network)
        if !problems.isEmpty { throw GraphError.invalidArgument(problems.joined(separator: "; ")) }
        return filter
    }
}

func splitList(_ text: String) -> Set<String> {
    Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
}

/// Output formats for tabular results.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Where the bundled networks live: `./data` when run from the package, else beside the sources.
enum BundledData {
    static var folder: String? {
        let candidates = [
            FileManager.default.currentDirectoryPath + "/data",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path,
        ]
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}

/// A command whose `GraphError`s are reported as netmap errors with exit code 1.
protocol NetmapCommand: ParsableCommand {
    func execute() throws
}

extension NetmapCommand {
    /// Runs the command as one output transaction: its files are put in place only when it succeeds, and a
    /// failed write to standard output is an error too (exit 1), not a crash or a silent loss.
    func run() throws {
        var failure: Error?
        do { try OutputStage.shared.transaction { try execute() } } catch { failure = error }
        do { try StandardOutput.finish() } catch { failure = failure ?? error }
        if let error = failure as? GraphError {
            printError(error.description)
            throw ExitCode(1)
        }
        if let failure { throw failure }
    }
}

/// Writes text to a file (through the output stage) or to standard output.
func emit(_ text: String, to path: String?) throws {
    if let path {
        try OutputStage.shared.write(Data(text.utf8), to: path)
    } else {
        StandardOutput.write(text)
    }
}

func jsonText(_ object: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
}
