import Foundation

/// The analysis-only load: what `centrality`, `stats` and `communities` need of their input, read as fast as
/// the input allows.
///
/// A single CSV edge list, or a folder holding only `nodes.csv`/`edges.csv`, goes through `CSVTieReader`, a
/// single node-link JSON file through `NodeLinkTieReader` and a single GraphML file through `GraphMLTieReader`
/// (about 18 bytes per tie, no typed model). Everything else — other formats, several inputs, and any file the
/// fast readers do not take exactly as the full reader would (see `CSVTieReader`, `NodeLinkTieReader`,
/// `GraphMLTieReader`) — goes through `NetworkLoader` and `AnalysisNetwork(_:)`, so
/// results and error messages are always those of the full load.
public enum AnalysisLoader {
    /// The analysis view of the inputs; throws `GraphError.invalidInput` as `NetworkLoader.loadValid` does.
    public static func load(_ paths: [String], format: FileFormat? = nil) throws -> AnalysisNetwork {
        if let fast = fastLoad(paths, format: format) { return fast }
        return AnalysisNetwork(try NetworkLoader.loadValid(paths, format: format).network)
    }

    /// The fast load alone: nil when the inputs need the full reader.
    ///
    /// Taken when the single input is a CSV edge list, a node-link JSON file, a GraphML file, or a folder whose YAML files only
    /// declare (name, sources, kinds, relations: what `netmap export` writes beside a CSV pair) and whose
    /// `edges.csv` holds the ties.
    public static func fastLoad(_ paths: [String], format: FileFormat? = nil) -> AnalysisNetwork? {
        guard paths.count == 1, case .success(let inputs) = NetworkLoader.expand(paths[0], format: format) else { return nil }
        if inputs.count == 1, case .file(let path, .nodeLinkJSON, inFolder: false) = inputs[0] {
            return NodeLinkTieReader.read(path)
        }
        if inputs.count == 1, case .file(let path, .graphml, inFolder: false) = inputs[0] {
            return GraphMLTieReader.read(path)
        }
        var declarations: [NetworkDocument] = []
        var pair: (edges: String, nodes: String?)?
        for input in inputs {
            switch input {
            case .file(_, .yaml, _):
                let document = NetworkLoader.read(input)
                guard document.nodes.isEmpty, document.edges.isEmpty, document.diagnostics.isEmpty else { return nil }
                declarations.append(document)
            case .file(let path, .csvEdges, _) where pair == nil:
                pair = (path, nil)
            case .csvPair(let nodes, let edges) where pair == nil:
                pair = (edges, nodes)
            case .file(_, _, inFolder: true):
                // Another file in the folder (a folder reads every format): fine when it holds no network,
                // such as the expected values beside a fixture (skipped with a note).
                let document = NetworkLoader.read(input)
                guard document.nodes.isEmpty, document.edges.isEmpty, document.diagnostics.allSatisfy({ $0.severity == .note }) else { return nil }
            default:
                return nil
            }
        }
        guard let pair else { return nil }
        let names = Set(declarations.compactMap(\.name))
        let (vocabulary, diagnostics) = NetworkLoader.merge(declarations)
        guard diagnostics.isEmpty, var result = CSVTieReader.read(edges: pair.edges, nodes: pair.nodes, vocabulary: vocabulary) else { return nil }
        // A single input is named after itself unless exactly one file gave a name, as `NetworkLoader.load` does.
        result.name = names.count == 1 ? vocabulary.name : URL(fileURLWithPath: paths[0]).deletingPathExtension().lastPathComponent
        return result
    }
}
