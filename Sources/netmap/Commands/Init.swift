import ArgumentParser
import Foundation
import Graph

struct Init: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a network for a county: a YAML file with the county, a sources block and commented examples.",
        discussion: """
        Writes DIR/<county-id>.yaml (DIR is created if missing; an existing file is not overwritten). The file \
        validates as written; its commented examples of every kind and relation use the programmes, networks, \
        agencies and regions of data/shared.yaml by id. Then: netmap validate DIR data/shared.yaml. \
        See "Map a new county" in docs/guide.md.
        """
    )

    @Argument(help: ArgumentHelp("Folder for the new network.", valueName: "DIR"))
    var folder: String

    @Option(help: ArgumentHelp("The county council's name, e.g. \"Innlandet fylkeskommune\".", valueName: "NAME"))
    var county: String

    @Option(help: ArgumentHelp("ISO 3166-1 alpha-2 country code of the county.", valueName: "CODE"))
    var country: String = "NO"

    func validate() throws {
        if county.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--county needs a name") }
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            throw ValidationError("--country '\(country)' is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. NO)")
        }
    }

    func execute() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw GraphError.file(path: folder, reason: "is a file; give a folder for the new network")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GraphError.file(path: folder, reason: "cannot create folder: \(error.localizedDescription)")
        }
        let id = StarterNetwork.countyID(county)
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + id + ".yaml"
        if FileManager.default.fileExists(atPath: path) {
            throw GraphError.file(path: path, reason: "already exists; netmap init does not overwrite it")
        }
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        try OutputStage.shared.write(StarterNetwork.yaml(county: county, country: country, year: year), to: path)
        print("wrote \(path): county node '\(id)', a sources block to fill in, examples of every kind and relation")
        print("next: edit it, then  netmap validate \(folder) data/shared.yaml")
    }
}
