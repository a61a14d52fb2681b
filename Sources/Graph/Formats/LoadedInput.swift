/// What the input stage gives a command: the merged network, the programme rules found beside it, and
/// every problem found, from one pass over the files (`NetworkLoader.load`).
public struct LoadedInput: Sendable {
    /// The inputs merged by id.
    public var network: Network
    /// Programme rules from YAML files with `programmes:` among the inputs (empty when none has them).
    public var programmes: ProgrammeCatalogue
    /// The files that held programme rules.
    public var programmeFiles: [String]
    /// Every file read, in reading order.
    public var files: [String]
    /// Errors, warnings and notes, sorted by file and line.
    public var diagnostics: [Diagnostic]

    public init(network: Network, programmes: ProgrammeCatalogue = ProgrammeCatalogue(), programmeFiles: [String] = [],
                files: [String] = [], diagnostics: [Diagnostic] = []) {
        self.network = network
        self.programmes = programmes
        self.programmeFiles = programmeFiles
        self.files = files
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Whether any input declares programme rules.
    public var hasProgrammes: Bool { !programmeFiles.isEmpty }

    /// Whether the inputs hold programme rules but no node (such as data/programmes.yaml alone).
    public var holdsOnlyProgrammes: Bool { hasProgrammes && network.nodes.isEmpty }

    /// The same input, or `GraphError.invalidInput` with its errors when it has any.
    public func valid() throws -> LoadedInput {
        if !errors.isEmpty { throw GraphError.invalidInput(errors) }
        return self
    }
}
