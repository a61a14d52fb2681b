import ArgumentParser
import Foundation
import Graph

/// The drawing options `render` and every command's `--render` take: the page, the layout, the language
/// and the list nodes. (`--theme` is `render`'s own: `consortium --theme` names a consortium's theme.)
struct DrawingArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Graphviz layout: dot, neato, fdp, sfdp, circo, twopi. Default: chosen by size (see docs/diagrams.md); dot with --group-by.", valueName: "name"))
    var layout: String?

    @Option(help: ArgumentHelp("Fit the drawing to a page: a4, a4-landscape, a3, a3-landscape, or WIDTHxHEIGHT (mm, or with cm/in/pt).", valueName: "PAGE"))
    var page: String?

    @Option(help: ArgumentHelp("Language of netmap's words in the drawing (legend, kinds, relations, notes): en (default), nb, nn.", valueName: "LANG"))
    var lang: DrawingLanguage = .en

    @Option(name: .customLong("label-lang"), help: ArgumentHelp("Node label language: draw label_LANG (e.g. en) where present.", valueName: "LANG"))
    var labelLang: String?

    @Option(help: ArgumentHelp("Wrap labels at word boundaries to this many characters per line.", valueName: "N"))
    var wrap: Int = 20

    @Flag(name: .customLong("no-legend"), help: "Draw no legend.")
    var noLegend = false

    @Option(help: ArgumentHelp("Resolution of PNG output in dots per inch (default: 150).", valueName: "DPI"))
    var dpi: Double?

    @Option(help: ArgumentHelp("Gather the leaves hanging off one hub by one relation, of one kind, into one list node, and nodes of one kind with exactly the same ties into one list with those ties: 'leaves', or 'leaves:KIND,...' for some kinds only.", valueName: "leaves[:KIND,...]"))
    var collapse: String?

    @Flag(help: ArgumentHelp("Print the drawing's legibility: ties drawn across nodes, label overlaps, tie crossings, smallest text on the page, page fill (render: '--check strict' also exits 1 when there is a tie across a node or a label overlap)."))
    var check = false

    func validate() throws {
        if let layout, !Graphviz.layouts.contains(layout) {
            throw ValidationError("unknown layout '\(layout)'; choose one of \(Graphviz.layouts.joined(separator: ", "))")
        }
        if wrap < 4 { throw ValidationError("--wrap must be 4 or more") }
        if let dpi, !(dpi >= 10 && dpi <= 1200) { throw ValidationError("--dpi must be from 10 to 1200") }
        if let page { _ = try Page.parse(page) }
        if let collapse {
            do { _ = try LeafCollapse(parsing: collapse) } catch { throw ValidationError("\(error)") }
        }
    }

    /// A drawing's output file must name its format (.svg, .png, .pdf, .dot).
    static func check(output: String?) throws {
        if let output, DrawingFormat(path: output) == nil {
            throw ValidationError("cannot tell the format of '\(output)': use .svg, .png, .pdf or .dot")
        }
    }

    /// The options as a value for `RenderRequest`.
    func options() throws -> DrawingOptions {
        var options = DrawingOptions()
        options.layout = layout
        options.page = try page.map(Page.parse)
        options.language = lang
        options.labelLanguage = labelLang
        options.wrap = wrap
        options.legend = !noLegend
        options.dpi = dpi
        options.collapse = try collapse.map(LeafCollapse.init(parsing:))
        return options
    }
}

/// Draws `request` into `path` with `arguments`' options, printing Graphviz's warnings and the page warning.
@discardableResult
func draw(_ request: RenderRequest, with arguments: DrawingArguments, theme: Theme? = nil, to path: String, layOut: Bool = false) throws -> Drawing? {
    var request = request
    request.options = try arguments.options()
    if let theme { request.options.theme = theme }
    if let language = request.options.labelLanguage,
       !request.network.nodes.contains(where: { $0.attributes["label_\(language)"]?.isEmpty == false }) {
        printError("warning: no drawn node has a 'label_\(language)'; every node keeps its 'label'")
    }
    guard let drawing = try request.write(to: path, layOut: layOut || arguments.check) else { return nil }
    for warning in drawing.warnings { printError("warning: Graphviz: \(warning)") }
    if let warning = request.pageWarning(drawing) { printError("warning: \(warning)") }
    if arguments.check { printCheck(drawing) }
    return drawing
}

/// `--check`: the legibility figures of a drawing (`Legibility.report`) on standard output.
func printCheck(_ drawing: Drawing) {
    print(drawing.legibility.report, terminator: "")
}

extension DrawingLanguage: ExpressibleByArgument {}
