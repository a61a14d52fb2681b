import ArgumentParser
import Foundation
import Graph

struct Find: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find nodes by name: their ids, kinds, countries and number of ties, best matches first.",
        discussion: """
        TEXT is looked for in every node's label, English label, id, tags and other attributes, ignoring case and \
        accents ("trondelag" finds Trøndelag, "jamtland" finds Jämtland). Best matches first: the whole name, then \
        names that start with TEXT, then a word that starts with it, then TEXT anywhere in a name, then TEXT in \
        another attribute (found_in says which); within each, the nodes with most ties first. Use the id it \
        prints wherever a command asks for a node (path, ego, compare, consortium --lead, render --ego).
        Exit status 1 when nothing matches. \(HelpText.glossary)
        """
    )

    @Argument(help: ArgumentHelp("What to look for (part of a name, id or attribute).", valueName: "TEXT"))
    var text: String

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Only nodes of these kinds (comma-separated).", valueName: "kind,..."))
    var kind: String?

    @Option(help: ArgumentHelp("List at most this many nodes (0: all).", valueName: "N"))
    var limit: Int = 20

    @Option(help: "Output format: table, csv or json (not xlsx).")
    var format: TableFormat = .table

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if format == .xlsx { throw ValidationError("--format xlsx is not available for find; use table, csv or json") }
        if Network.searchKey(text).isEmpty { throw ValidationError("give some TEXT to look for") }
    }

    func execute() throws {
        let network = try input.load()
        let kinds = kind.map(splitList)
        if let kinds {
            let known = Set(network.nodes.map(\.kind))
            let unknown = kinds.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw GraphError.invalidArgument("no node has kind \(unknown.joined(separator: ", ")); kinds here: \(known.sorted().joined(separator: ", "))")
            }
        }
        let matches = network.find(text, kinds: kinds)
        guard !matches.isEmpty else {
            throw GraphError.invalidArgument("no node matches '\(text)'\(kinds == nil ? "" : " among the kinds asked for")")
        }
        let shown = limit == 0 ? matches[...] : matches.prefix(limit)
        let omitted = matches.count - shown.count
        switch format {
        case .table:
            print(Self.table(shown, total: matches.count, text: text), terminator: "")
            if omitted > 0 { print("… and \(omitted) more (--limit 0 lists all)") }
        case .csv, .json, .xlsx:
            let table = ResultTable(
                columns: ["id", "label", "kind", "country", "ties", "found_in"],
                rows: shown.map { match in
                    [.text(match.node.id), .text(match.node.label), .text(match.node.kind), .text(match.node.country ?? ""),
                     .integer(match.ties), .text(match.field)]
                }
            )
            print(try table.render(format), terminator: "")
            if omitted > 0 { printError("note: listed \(shown.count) of \(matches.count) matches; --limit 0 lists all") }
        }
    }

    /// Aligned columns with the full label last; a match outside the names says where it was found.
    static func table(_ matches: ArraySlice<NodeMatch>, total: Int, text: String) -> String {
        var rows = [["id", "kind", "country", "ties", "label"]]
        for match in matches {
            let foundIn = ["id", "label", "label_en"].contains(match.field) ? "" : "  (found in \(match.field))"
            rows.append([match.node.id, match.node.kind, match.node.country ?? "", String(match.ties), match.node.label + foundIn].map(TerminalText.visible))
        }
        var widths = [Int](repeating: 0, count: 5)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var output = "\(total) node\(total == 1 ? "" : "s") match '\(text)', best first:\n\n"
        for row in rows {
            let cells = row.enumerated().map { i, cell in
                i == 4 ? cell : i == 3 ? String(repeating: " ", count: widths[i] - cell.count) + cell
                    : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
            output += cells.joined(separator: "  ") + "\n"
        }
        return output
    }
}
