import ArgumentParser
import Foundation
import Graph

struct ImportCommand: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import external data as a network.",
        subcommands: [ImportCORDIS.self]
    )

    func execute() throws {}
}

struct ImportCORDIS: NetmapCommand {
    static let configuration = CommandConfiguration(
        commandName: "cordis",
        abstract: "Import EU project participations (CORDIS project + organization tables) as a co-participation network.",
        discussion: """
        Organisations become nodes (kind from activityType: HES university, REC research, PRC business, PUB agency, \
        OTH network; `country` as ISO code) tied by `cooperates_with` with weight = number of shared projects, each tie \
        citing CORDIS and its first shared project. Reads CORDIS CSV (;-separated, as published) streamed in bounded \
        memory, or the JSON export layout. Output: a folder (nodes.csv, edges.csv, sources.yaml) or a .json file \
        (NetworkX node-link).
        """
    )

    @Option(help: ArgumentHelp("The projects table (project.csv or project.json); gives acronyms and framework programmes.", valueName: "FILE"))
    var projects: String?

    @Option(help: ArgumentHelp("The participations table (organization.csv or organization.json).", valueName: "FILE"))
    var organizations: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder (CSV) or .json file.", valueName: "PATH"))
    var output: String

    @Option(help: ArgumentHelp("Keep only these roles (comma-separated: coordinator, participant, partner, thirdParty).", valueName: "role,..."))
    var roles: String?

    @Option(name: .customLong("max-project-size"), help: "Do not project projects with more participants than this (they still count per organisation).")
    var maxProjectSize: Int?

    @Option(name: .customLong("min-shared"), help: "Keep only ties with at least this many shared projects.")
    var minShared: Int = 1

    func validate() throws {
        if minShared < 1 { throw ValidationError("--min-shared must be at least 1") }
        if let maxProjectSize, maxProjectSize < 2 { throw ValidationError("--max-project-size must be at least 2") }
    }

    func execute() throws {
        let options = ParticipationImport.Options(roles: roles.map(splitList), maxProjectSize: maxProjectSize, minShared: minShared)
        let table = try ParticipationImport.read(organizations: organizations, projects: projects, options: options)
        if output.lowercased().hasSuffix(".json") {
            try ParticipationImport.writeJSON(table, to: output)
        } else {
            try ParticipationImport.writeFolder(table, to: output)
        }
        printError("netmap import cordis: \(table.summary) → \(output)")
    }
}
