import ArgumentParser
import Foundation
import Graph

/// The network inputs every command takes: INPUT... and the reading options. Commands that name nodes
/// after their inputs (`path`, `ego`, `compare`) take `ReadingOptions` and their own positional words, and
/// load through the same `ReadingOptions.load(_:)`.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Network files or folders (\(FileFormat.readableExtensions.joined(separator: ", "))). Default: the bundled data/ folder.", valueName: "INPUT"))
    var inputs: [String] = []

    @OptionGroup var reading: ReadingOptions

    /// The format `--from` names, if given.
    var format: FileFormat? { get throws { try reading.format } }

    /// `--quiet` and the progress line of long steps (shared by every command that reads a network).
    var progress: ProgressOptions { reading.progress }

    /// The inputs, or the bundled data folder when none were given.
    var paths: [String] { get throws { try ReadingOptions.paths(inputs) } }

    /// Everything the inputs hold (network, programme rules, diagnostics), from one pass; not checked.
    func read() throws -> LoadedInput { try reading.read(inputs) }

    /// Loads the inputs, throwing their errors; prints warnings to standard error unless `quiet`.
    func loaded(quiet: Bool = true) throws -> LoadedInput { try reading.load(inputs, quiet: quiet) }

    /// Loads and validates the inputs, printing warnings to standard error unless `quiet`.
    func load(quiet: Bool = true) throws -> Network { try loaded(quiet: quiet).network }
}

/// How inputs are read: the options every command takes, whatever its positional arguments.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read input files as this format whatever their extension: \(FileFormat.readingNames.joined(separator: ", ")).", valueName: "format"))
    var from: String?

    @OptionGroup var progress: ProgressOptions

    /// The format `--from` names, if given.
    var format: FileFormat? {
        get throws {
            guard let from else { return nil }
            guard let format = FileFormat(name: from) else {
                throw ValidationError("unknown --from format '\(from)'; choose one of \(FileFormat.readingNames.joined(separator: ", "))")
            }
            return format
        }
    }

    /// The inputs, or the bundled data folder when none were given.
    static func paths(_ inputs: [String]) throws -> [String] {
        if !inputs.isEmpty { return inputs }
        if let bundled = BundledData.folder { return [bundled] }
        throw ValidationError("no INPUT given and no data/ folder found; name a network file or folder")
    }

    /// Everything the inputs hold, from one pass over the files; errors are in its diagnostics.
    func read(_ inputs: [String]) throws -> LoadedInput {
        let (paths, format) = (try Self.paths(inputs), try format)
        return progress.step("loading") { NetworkLoader.load(paths, format: format) }
    }

    /// The inputs loaded, throwing their errors; warnings printed to standard error unless `quiet`.
    func load(_ inputs: [String], quiet: Bool = true) throws -> LoadedInput {
        let loaded = try read(inputs).valid()
        if !quiet { for warning in loaded.warnings { printError(warning.description) } }
        return loaded
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
    case table, csv, json, xlsx

    /// A usage error (exit 64) for xlsx without `-o FILE`: a workbook is binary, not for a terminal or a pipe.
    func check(output: String?) throws {
        if self == .xlsx, output == nil {
            throw ValidationError("--format xlsx writes a binary workbook: give the file with -o FILE (e.g. -o results.xlsx)")
        }
    }
}

/// Output formats for results that are not one table (stats, path, ego, compare): text or JSON.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension CSVDialect: ExpressibleByArgument {
    /// The help of every command's `--csv-dialect`.
    static let help = ArgumentHelp("CSV dialect: standard (`,` and a decimal point) or excel-nb (`;`, decimal comma and a UTF-8 BOM, as Excel opens it in a Norwegian locale).", valueName: "DIALECT")
}

/// Where the bundled networks live: `./data` when run from the package; else installed beside the binary
/// (`PREFIX/share/netmap/data` by `make install`, `data/` next to the binary in `make dist`'s folder); else the
/// package the binary was built from.
enum BundledData {
    static var folder: String? {
        let binary = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            FileManager.default.currentDirectoryPath + "/data",
            binary.appendingPathComponent("../share/netmap/data").standardized.path,
            binary.appendingPathComponent("data").path,
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
        // Standard output is flushed before the files are put in place: when it cannot be written
        // (`> /dev/full`), the command fails and leaves no file either.
        do { try OutputStage.shared.transaction { try execute(); try StandardOutput.finish() } } catch { failure = error }
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
    try emit(Data(text.utf8), to: path)
}

/// Writes bytes to a file (through the output stage) or to standard output.
func emit(_ data: Data, to path: String?) throws {
    if let path {
        try OutputStage.shared.write(data, to: path)
    } else {
        StandardOutput.write(data)
    }
}

/// Registers the formats whose code lives in this executable (DOT: libcgraph reads it, the renderer's
/// DOT builder writes it) with the format layer. Safe to call more than once.
enum NetmapFormats {
    static func register() {
        DOTReader.register()
        FormatPlugins.register(.dot, writer: { network in Data(DOTBuilder(network: network).build().utf8) })
    }
}

func jsonText(_ object: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
}
