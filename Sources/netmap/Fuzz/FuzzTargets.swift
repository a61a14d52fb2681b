import Foundation
import Graph

/// The fuzz targets of `make fuzz` (SECURITY.md, "Fuzzing"): one per reader, and `render`, which draws what the
/// YAML reader accepts and checks the SVG is well-formed and inert. Compiled into the `netmap` binary only
/// when built with `-DNETMAP_FUZZ` (and `-sanitize=fuzzer,address`) into `.build-fuzz`; the ordinary
/// build has none of it.
enum FuzzTargets {
    static let names = ["yaml", "csv-edges", "csv-nodes", "csv-pair", "json", "graphml", "gexf", "pajek", "gml", "dot", "xlsx",
                        "json-fast", "csv-fast", "graphml-fast", "cordis", "cordis-json", "cordis-projects", "forskningsradet",
                        "interreg", "interreg-json", "programmes", "theme", "positions", "render"]

    /// A scratch file per process for the readers that take a path.
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("netmap-fuzz-\(getpid())").path

    /// Feeds one input to target `name`. A crash, a sanitizer report or a broken promise (`fatalError`)
    /// is what libFuzzer records; errors and diagnostics are the expected outcome of bad input.
    static func run(_ name: String, _ data: Data) {
        switch name {
        case "yaml": _ = FileFormat.yaml.read(data, path: "fuzz.yaml")
        case "csv-edges": _ = FileFormat.csvEdges.read(data, path: "fuzz.csv")
        case "csv-nodes": _ = FileFormat.csvNodes.read(data, path: "fuzz.csv")
        // A folder's nodes.csv and edges.csv read together (the input before the first NUL byte is the nodes table).
        case "csv-pair":
            let (nodes, edges) = split(data)
            withFile(nodes, "-nodes.csv") { nodesPath in
                withFile(edges, "-edges.csv") { _ = NetworkLoader.read(.csvPair(nodes: nodesPath, edges: $0)) }
            }
        case "json": _ = FileFormat.nodeLinkJSON.read(data, path: "fuzz.json")
        case "graphml": _ = FileFormat.graphml.read(data, path: "fuzz.graphml")
        case "gexf": _ = FileFormat.gexf.read(data, path: "fuzz.gexf")
        case "pajek": _ = FileFormat.pajek.read(data, path: "fuzz.net")
        case "gml": _ = FileFormat.gml.read(data, path: "fuzz.gml")
        case "dot": _ = DOTReader.read(data, path: "fuzz.dot")
        case "xlsx": _ = FileFormat.xlsx.read(data, path: "fuzz.xlsx")
        // The analysis commands' fast loads (NodeLinkTieReader, CSVTieReader, GraphMLTieReader), which read files themselves.
        case "json-fast": withFile(data, ".json") { _ = AnalysisLoader.fastLoad([$0]) }
        case "csv-fast": withFile(data, ".csv") { _ = AnalysisLoader.fastLoad([$0]) }
        case "graphml-fast": withFile(data, ".graphml") { _ = AnalysisLoader.fastLoad([$0]) }
        case "cordis": withFile(data, ".csv") { _ = try CORDISImport.read(organizations: $0, projects: nil, options: ImportOptions(shape: .coParticipation)) }
        case "cordis-json": withFile(data, ".json") { _ = try CORDISImport.read(organizations: $0, projects: nil, options: ImportOptions(shape: .coParticipation)) }
        // The organisations table, then (after the first NUL byte) the projects table.
        case "cordis-projects":
            let (organizations, projects) = split(data)
            withFile(organizations, "-organization.csv") { organizationsPath in
                withFile(projects, "-project.csv") { _ = try CORDISImport.read(organizations: organizationsPath, projects: $0, options: ImportOptions(shape: .participations)) }
            }
        case "forskningsradet": withFile(data, ".csv") { _ = try ForskningsradetImport.read(grants: $0, options: ImportOptions(shape: .coParticipation)) }
        case "interreg": withFile(data, ".csv") { _ = try InterregImport.read(partners: $0, options: ImportOptions(shape: .coParticipation)) }
        case "interreg-json": withFile(data, ".json") { _ = try InterregImport.read(partners: $0, options: ImportOptions(shape: .coParticipation)) }
        case "programmes": _ = try? ProgrammeCatalogue.read(String(decoding: data, as: UTF8.self), path: "fuzz.yaml")
        case "theme": withFile(data, ".yaml") { _ = try Theme.load(yamlFile: $0) }
        case "positions": withFile(data, ".json") { _ = try PositionsFile.read($0) }
        case "render": render(data)
        default: fatalError("unknown fuzz target '\(name)'; one of \(names.joined(separator: ", "))")
        }
    }

    /// `data` cut at its first NUL byte: two files' contents from one input (the second empty when there is none).
    static func split(_ data: Data) -> (Data, Data) {
        guard let cut = data.firstIndex(of: 0) else { return (data, Data()) }
        return (Data(data[..<cut]), Data(data[(cut + 1)...]))
    }

    static func withFile(_ data: Data, _ suffix: String, _ body: (String) throws -> Void) {
        let path = scratch + suffix
        guard FileManager.default.createFile(atPath: path, contents: data) else { return }
        _ = try? body(path)
    }

    /// Draws a small network the YAML reader accepts and requires a well-formed, inert SVG.
    static func render(_ data: Data) {
        let problems = renderProblems(data)
        if !problems.isEmpty { fatalError("unsafe SVG: \(problems.joined(separator: "; "))") }
    }

    /// The problems of the SVG drawn from `data` (YAML): empty when it is well-formed and inert, or when the
    /// reader refuses the file or it is too large to draw quickly (over 12 nodes or 24 ties).
    static func renderProblems(_ data: Data) -> [String] {
        let (network, diagnostics) = NetworkLoader.merge([FileFormat.yaml.read(data, path: "fuzz.yaml")])
        guard !network.nodes.isEmpty, network.nodes.count <= 12, network.edges.count <= 24,
              !diagnostics.contains(where: { $0.severity == .error }),
              !NetworkValidator.validate(network).contains(where: { $0.severity == .error }) else { return [] }
        let builder = DOTBuilder(network: network, title: network.name)
        let choices = Renderer.candidates(nodeCount: network.nodes.count, edgeCount: network.edges.count, grouped: false, requested: "dot", pinned: false)
        guard let drawing = try? Renderer.draw(builder, choices: choices, page: nil, formats: ["svg"]) else { return [] }
        return SVGSafety.problems(drawing.outputs[0])
    }
}

#if NETMAP_FUZZ
/// libFuzzer's driver (linked by `-sanitize=fuzzer`); netmap's own `main` hands over to it.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// libFuzzer's usual entry point, which its library refers to; the driver above gets the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func netmapFuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    FuzzTargets.run(FuzzTargets.target, data)
    return 0
}

extension FuzzTargets {
    nonisolated(unsafe) static var target = ""

    /// Runs libFuzzer on target `name` with the process's arguments (`-runs=`, `-max_total_time=`, corpus
    /// folders) and exits with its status.
    static func runDriver(_ name: String) -> Never {
        guard names.contains(name) else { fatalError("unknown fuzz target '\(name)'; one of \(names.joined(separator: ", "))") }
        target = name
        DOTReader.register()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, netmapFuzzOneInput)
        exit(status)
    }
}
#endif
