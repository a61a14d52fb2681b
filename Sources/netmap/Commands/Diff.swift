import ArgumentParser
import Foundation
import Graph

struct Diff: NetmapCommand {
    static let configuration = CommandConfiguration(
        abstract: "What is new, what ended and what was kept between two editions of a network (two plans, or two years).",
        discussion: """
        netmap diff OLD... --to NEW...            compares two networks (files or folders, each read as every command reads them)
        netmap diff [INPUT...] --at YEAR --to-year YEAR2   compares one network at two years (ties valid by since/until)

        Nodes match by id, ties by (from, to, relation); symmetric relations match either way round. With --follow \
        succeeded_by (the default when that relation exists), a predecessor's ties count as its successor's: a tie of \
        Nord-Trøndelag fylkeskommune carried on by Trøndelag fylkeskommune is kept, not ended and added. \
        Exit status 0 when the comparison ran (a difference is not an error), 1 for bad input, 64 for bad usage. \
        See docs/guide.md.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The new edition: network files or folders.", valueName: "NEW"))
    var to: [String] = []

    @Option(name: .customLong("at"), help: ArgumentHelp("Compare INPUT with itself: the ties valid in this year ...", valueName: "YEAR"))
    var year: Int?

    @Option(name: .customLong("to-year"), help: ArgumentHelp("... with those valid in this year.", valueName: "YEAR2"))
    var toYear: Int?

    @Option(help: ArgumentHelp("The relation whose ties are successions, or 'none'. Default: succeeded_by when either network has it.", valueName: "relation|none"))
    var follow: String?

    @Option(help: "Output format: table, json, markdown, csv or xlsx (the csv's rows as an Excel workbook; needs -o FILE).")
    var format: DiffFormat = .table

    @Option(help: CSVDialect.help)
    var csvDialect: CSVDialect = .standard

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Compare these measures of every node (value, rank, change), largest rise first (comma-separated: degree, betweenness, ...).", valueName: "measure,..."))
    var measures: String?

    @Option(help: ArgumentHelp("Draw both editions in one picture: added in blue, ended dashed in orange, kept grey (.svg, .png, .pdf).", valueName: "FILE"))
    var render: String?

    @Flag(name: .customLong("fresh-layout"), help: "With --render: lay both editions out together afresh instead of keeping the old edition's positions (fewer tie crossings when much has changed).")
    var freshLayout = false

    /// The picture's options (--page, --lang, --label-lang, --layout, --wrap, --no-legend, --dpi); --lang is also
    /// the language of the table and Markdown.
    @OptionGroup var drawing: DrawingArguments

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, markdown, csv, xlsx
    }

    func validate() throws {
        if format == .xlsx { try TableFormat.xlsx.check(output: output) }
        switch (to.isEmpty, year, toYear) {
        case (false, nil, nil):
            if input.inputs.isEmpty { throw ValidationError("give the old edition before --to: netmap diff OLD... --to NEW...") }
        case (true, .some, .some):
            break
        case (false, _, _):
            throw ValidationError("use either --to NEW... (two networks) or --at YEAR --to-year YEAR2 (one network at two years), not both")
        case (true, .some, nil):
            throw ValidationError("--at YEAR needs --to-year YEAR2")
        case (true, nil, .some):
            throw ValidationError("--to-year YEAR2 needs --at YEAR")
        case (true, nil, nil):
            throw ValidationError("say what to compare: netmap diff OLD... --to NEW..., or netmap diff INPUT --at YEAR --to-year YEAR2")
        }
        if let measures {
            do { _ = try Measure.parseList(measures) } catch let error as GraphError { throw ValidationError(error.description.replacingOccurrences(of: "error: ", with: "")) }
        }
        if freshLayout && render == nil { throw ValidationError("--fresh-layout applies to the --render picture; add --render FILE") }
        if drawing.check && render == nil { throw ValidationError("--check measures the --render picture; add --render FILE") }
        if drawing.page != nil && render == nil { throw ValidationError("--page applies to the --render picture; add --render FILE") }
        if let layout = drawing.layout, !["neato", "fdp"].contains(layout) {
            throw ValidationError("--layout \(layout) cannot keep the old edition's positions; use neato or fdp, or leave it out")
        }
        if let render, !["svg", "png", "pdf"].contains(URL(fileURLWithPath: render).pathExtension.lowercased()) {
            throw ValidationError("cannot tell the format of --render '\(render)': use .svg, .png or .pdf")
        }
    }

    func execute() throws {
        let diff: NetworkDiff
        if let year, let toYear {
            let network = try input.load()
            let options = try DiffOptions(follow: followed(in: [network]))
            diff = NetworkDiff.compare(network, at: year, toYear: toYear, options: options, inputs: try input.paths)
        } else {
            let old = try input.load()
            let new = try input.reading.load(to).network
            let options = try DiffOptions(follow: followed(in: [old, new]))
            diff = NetworkDiff.compare(old, new, options: options, oldInputs: input.inputs, newInputs: to)
        }
        for warning in diff.warnings { printError("warning: \(warning)") }
        var language = DiffLanguage(code: drawing.lang.rawValue) ?? DiffLanguage(code: "en")!
        // Kind and relation names from the drawing's table, so the report and its picture say the same.
        let words = drawing.lang
        language.kindName = { words.kind($0, in: $1) }
        language.relationName = { words.relation($0, in: $1) }
        var report = DiffReport(diff: diff, language: language)
        for measure in try measures.map(Measure.parseList) ?? [] {
            report.measures.append((measure.rawValue, try diff.measureChanges(measure)))
        }
        let text: String
        switch format {
        case .table: text = report.table()
        case .markdown: text = report.markdown()
        case .csv: text = report.csv(dialect: csvDialect)
        case .xlsx: text = report.csv()
        case .json: text = try jsonText(report.jsonObject())
        }
        var checkReport: String?
        if let render {
            var picture = DiffDrawing(diff: diff, language: language, options: try drawing.options())
            picture.freshLayout = freshLayout
            // Node labels in the report's language unless --label-lang says otherwise.
            picture.options.labelLanguage = drawing.labelLang ?? (drawing.lang == .en ? "en" : nil)
            let (warnings, drawn) = try picture.draw(to: render)
            for warning in warnings { printError("warning: \(warning)") }
            if drawing.check, let drawn { checkReport = drawn.legibility.report }
        }
        if format == .xlsx {
            try ResultTable(csv: text).write(.xlsx, to: output)
        } else {
            try emit(text, to: output)
        }
        // After the report, so `-o -` output and the figures do not interleave.
        if let checkReport { print(checkReport, terminator: "") }
    }

    /// The relation followed: --follow, or succeeded_by when present; a named relation must exist.
    private func followed(in networks: [Network]) throws -> String? {
        guard let follow else { return DiffOptions.defaultFollow(networks) }
        if follow == "none" { return nil }
        let known = networks.contains { $0.relations[follow] != nil || $0.edges.contains { $0.relation == follow } }
        if !known {
            let present = Set(networks.flatMap { $0.edges.map(\.relation) }).sorted()
            throw ValidationError("--follow '\(follow)': no tie has that relation (present: \(present.joined(separator: ", ")); or 'none')")
        }
        return follow
    }
}
