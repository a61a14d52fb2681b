/// What the report page's script reads: the drawn network, its vocabulary and sources, the tables and the
/// words of the page, as one JSON document (keys sorted, so the same input gives the same bytes).
struct ReportModel: Encodable {
    struct NodeEntry: Encodable {
        var id: String
        /// The id of the node's `<g>` in the drawing.
        var svg: String
        /// The label in the page's language.
        var label: String
        var kind: String
        var country: String?
        var tags: [String]
        /// Every other attribute, including the original `label` when the page shows `label_en`.
        var attributes: [String: String]
        /// With `--color-by`: the key of the node's entry in `colors` ("" for other or no value).
        var color: String? = nil
    }

    /// The legend of `--color-by`: the attribute's values with their fills, in the drawing's order.
    struct ColorLegend: Encodable {
        var heading: String
        var entries: [String: KindEntry]
    }

    struct EdgeEntry: Encodable {
        /// The id of the tie's `<g>` in the drawing.
        var svg: String
        var from: String
        var to: String
        var relation: String
        var since: Int?
        var until: Int?
        var weight: Double
        var citations: [CitationEntry]
        var attributes: [String: String]
    }

    struct CitationEntry: Encodable {
        var source: String
        var page: String?
    }

    struct SourceEntry: Encodable {
        var title: String
        var publisher: String?
        var year: Int?
        var url: String?
        var note: String?
        var attributes: [String: String]
    }

    struct KindEntry: Encodable {
        var label: String
        var fill: String
        var border: String
        var count: Int
        /// The place in the legend, where it is not alphabetical (the colours of `--color-by`).
        var order: Int? = nil
    }

    struct RelationEntry: Encodable {
        var label: String
        var symmetric: Bool
        var color: String
        var style: String
        var count: Int
    }

    /// A table of the page: column keys (words of `text`) and kinds (`text`, `number`, `integer`), one row of
    /// cells per line, and per row the node it is about (selected on click), if any.
    struct Table: Encodable {
        var id: String
        var caption: String?
        var columns: [String]
        var types: [String]
        var rows: [[Cell]]
        var nodes: [String?]
        /// Per row, the source it is about (its citing ties are shown on click), if any.
        var sources: [String?]? = nil
    }

    enum Cell: Encodable {
        case text(String)
        case number(Double)
        case missing

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let value): try container.encode(value)
            case .missing: try container.encodeNil()
            }
        }
    }

    struct ConsortiumEntry: Encodable {
        var programme: String
        var programmeLabel: String
        var lead: String
        var unmet: [String]
        var notes: [String]
        var citations: [ProgrammeCitationEntry]
        var proposals: [Proposal]
    }

    struct ProgrammeCitationEntry: Encodable {
        var title: String
        var url: String?
    }

    struct Proposal: Encodable {
        var score: Double
        var partners: [Partner]
        var rules: [Rule]
    }

    struct Partner: Encodable {
        var id: String
        var role: String
        var share: Double
        var path: [Hop]
    }

    struct Hop: Encodable {
        var from: String
        var to: String
        var relation: String
        var reversed: Bool
        var citation: String
    }

    struct Rule: Encodable {
        var rule: String
        var met: Bool
    }

    var lang: String
    var title: String
    var text: [String: String]
    var nodes: [NodeEntry]
    var edges: [EdgeEntry]
    var sources: [String: SourceEntry]
    var kinds: [String: KindEntry]
    /// With `--color-by` (other than kind): what the drawing's fills mean.
    var colors: ColorLegend?
    var relations: [String: RelationEntry]
    /// The first and last year any tie names (`since`/`until`), for the year slider; nil when no tie has one.
    var years: [Int]?
    /// The year of `--at`, where the slider starts.
    var at: Int?
    var tables: [Table]
    var consortia: [ConsortiumEntry]
}
