import ArgumentParser
import Foundation
import Graph

struct ImportCommand: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import someone else's participation table (CORDIS, the Research Council of Norway, Interreg) as a network.",
        subcommands: [ImportCORDIS.self, ImportForskningsradet.self, ImportInterreg.self, ImportMergeCommand.self]
    )

    func execute() throws {}
}

extension ImportShape: ExpressibleByArgument {}

/// What every importer shares: where to write, which shape, and the projection's options.
struct ImportOutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder (nodes.csv, edges.csv, sources.yaml) or .json file (NetworkX node-link).", valueName: "PATH"))
    var output: String

    @Option(name: .customLong("as"), help: ArgumentHelp("participations (organisation —participates_in→ project) or co-participation (organisations tied by shared projects).", valueName: "SHAPE"))
    var shape: ImportShape?

    @Option(help: ArgumentHelp("Keep only rows with these roles, as written in the table (comma-separated).", valueName: "role,..."))
    var roles: String?

    @Option(name: .customLong("max-project-size"), help: "co-participation: do not project projects with more participants than this (they still count per organisation).")
    var maxProjectSize: Int?

    @Option(name: .customLong("min-shared"), help: "co-participation: keep only ties with at least this many shared projects.")
    var minShared: Int = 1

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if minShared < 1 { throw ValidationError("--min-shared must be at least 1") }
        if let maxProjectSize, maxProjectSize < 2 { throw ValidationError("--max-project-size must be at least 2") }
    }

    func options(default shape: ImportShape) -> ImportOptions {
        ImportOptions(shape: self.shape ?? shape, roles: roles.map(splitList), maxProjectSize: maxProjectSize, minShared: minShared)
    }

    /// Prints the warnings (the first 20 and a count), writes the network and the summary.
    func finish(_ table: Participations, options: ImportOptions, command: String) throws {
        let warnings = table.warnings + table.duplicateWarnings()
        for warning in warnings.prefix(20) { printError(warning.description) }
        if warnings.count > 20 { printError("... and \(warnings.count - 20) more warning\(warnings.count == 21 ? "" : "s")") }
        let ties = try progress.step("writing") { try table.write(options, to: output) }
        printError("netmap import \(command): \(table.summary), \(ties) ties → \(output) (\(options.shape.rawValue))")
    }
}

struct ImportCORDIS: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "cordis",
        abstract: "Import EU project participations (CORDIS project + organization tables).",
        discussion: """
        Organisations become nodes (kind from activityType: HES university, REC research, PRC business, PUB agency, \
        OTH network; `country` as ISO code; id org-no-<orgnr> for a Norwegian VAT number, else org-<PIC>). \
        --as co-participation (the default) ties them by `cooperates_with` with weight = number of shared projects; \
        --as participations keeps organisation —participates_in→ project. Every tie cites CORDIS and the project. \
        Reads CORDIS CSV (;-separated, as published) or the JSON export layout, streamed in bounded memory.
        """
    )

    @Option(help: ArgumentHelp("The projects table (project.csv or project.json); gives acronyms, programmes, topics, years.", valueName: "FILE"))
    var projects: String?

    @Option(help: ArgumentHelp("The participations table (organization.csv or organization.json).", valueName: "FILE"))
    var organizations: String

    @OptionGroup var out: ImportOutputOptions

    func execute() throws {
        let options = out.options(default: .coParticipation)
        let table = try out.progress.step("reading") { try CORDISImport.read(organizations: organizations, projects: projects, options: options) }
        try out.finish(table, options: options, command: "cordis")
    }
}

struct ImportForskningsradet: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "forskningsradet",
        abstract: "Import the Research Council of Norway's list of EU grants to Norwegian organisations.",
        discussion: """
        Reads the ;-separated export with its Norwegian column names (Prosjektnr, Prosjektkortnavn, Organisasjonsnummer, \
        Organisasjonsnavn, Organisasjon rolle, FoU sektor, Adresse fylke, ...). Organisations (id org-no-<orgnr>) carry \
        label, orgnr, country NO, county, sector and nuts; with --as participations (the default) projects carry label, \
        project_id, topic, programme_area, action_type, programme, call, year. Every tie cites the dataset and the project.
        """
    )

    @Option(help: ArgumentHelp("The grants table (dataset.csv as the Research Council publishes it).", valueName: "FILE"))
    var grants: String

    @OptionGroup var out: ImportOutputOptions

    func execute() throws {
        let options = out.options(default: .participations)
        let table = try out.progress.step("reading") { try ForskningsradetImport.read(grants: grants, options: options) }
        try out.finish(table, options: options, command: "forskningsradet")
    }
}

struct ImportInterreg: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "interreg",
        abstract: "Import partner lists of Interreg projects (Tillväxtverket's register JSON or keep.eu's CSV layout).",
        discussion: """
        Each row is one partner of one project: programme, project, partner name, role (LP/Lead partner, PP/Project \
        partner, AP/Associated partner), country, NUTS 3 region, policy objective. Organisations have no identifier in \
        these lists: the same name and country is the same organisation; similar names are reported, never merged.
        """
    )

    @Option(help: ArgumentHelp("The partner list (.json from Tillväxtverket's register, or keep.eu's .csv partner export).", valueName: "FILE"))
    var partners: String

    @OptionGroup var out: ImportOutputOptions

    func execute() throws {
        let options = out.options(default: .participations)
        let table = try out.progress.step("reading") { try InterregImport.read(partners: partners, options: options) }
        try out.finish(table, options: options, command: "interreg")
    }
}

struct ImportMergeCommand: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge networks imported from different datasets into one, by identifier, reporting every disagreement.",
        discussion: """
        The same id is the same organisation (org-no-<orgnr> from the Research Council and from CORDIS VAT numbers, \
        org-<PIC> from CORDIS). Where the inputs name it differently, the first input's label is kept, the others go \
        to other_labels, and a warning names both; any other attribute with two values keeps the first input's value, \
        with a warning. Organisations from different inputs with alike names (case, accents, legal form dropped) but \
        different ids are reported as possible duplicates, never merged. A tie present in several inputs is kept once, \
        citing each. Give the inputs in the order of preference for labels.
        """
    )

    @Argument(help: ArgumentHelp("Imported networks (folders or .json files written by netmap import), in order of preference.", valueName: "path"))
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder (nodes.csv, edges.csv, network.yaml) or .json file (NetworkX node-link).", valueName: "PATH"))
    var output: String

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if inputs.count < 2 { throw ValidationError("give at least two imported networks to merge") }
    }

    func execute() throws {
        NetmapFormats.register()
        var loaded: [(name: String, network: Network)] = []
        for path in inputs {
            let input = try progress.step("loading \(path)") { try NetworkLoader.loadValid([path]) }
            for warning in input.warnings.prefix(5) { printError(warning.description) }
            loaded.append((path, input.network))
        }
        let result = progress.step("merging") { ImportMerge.merge(loaded) }
        let warnings = result.warnings
        for warning in warnings.prefix(20) { printError(warning.description) }
        if warnings.count > 20 { printError("... and \(warnings.count - 20) more warning\(warnings.count == 21 ? "" : "s")") }
        try ImportMerge.write(result.network, to: output)
        let labels = Set(result.conflicts.filter { $0.key == "label" }.map(\.node)).count
        let others = result.conflicts.filter { $0.key != "label" }.count
        printError("netmap import merge: \(inputs.count) inputs, \(result.network.nodes.count) nodes (\(result.shared) found in several inputs, "
                   + "\(labels) of them named differently, \(others) other differing values), \(result.possibleDuplicates.count) possible duplicate groups not merged, "
                   + "\(result.network.edges.count) ties (\(result.sharedTies) in several inputs, kept once) → \(output)")
    }
}
