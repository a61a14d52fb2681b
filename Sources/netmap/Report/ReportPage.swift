import Foundation

/// The report as one HTML document: the sanitized drawing inline, the data as JSON in a
/// `<script type="application/json">` block, the page's own script and style inline and allowed by their
/// SHA-256 hashes in a Content-Security-Policy that forbids every fetch (`default-src 'none'`).
enum ReportPage {
    /// The page's script and style, embedded in the binary at build time from `Report/Resources/`.
    static var script: String { String(decoding: PackageResources.report_js, as: UTF8.self) }
    static var style: String { String(decoding: PackageResources.report_css, as: UTF8.self) }

    /// The policy of the page: nothing may be fetched or framed; only the page's own script and style run;
    /// images only from `data:` URLs (the page has none today).
    static func contentSecurityPolicy(script: String, style: String) -> String {
        "default-src 'none'; script-src \(SHA256.cspSource(script)); style-src \(SHA256.cspSource(style)); img-src data:; " +
            "base-uri 'none'; form-action 'none'"
    }

    /// JSON made safe inside a `<script>` element: `<`, `>` and `&` (so no `</script>` or `<!--` can end or
    /// change the element) and U+2028/U+2029 (line breaks to older JavaScript parsers) become `\uXXXX` escapes.
    /// They only ever occur inside JSON strings, where the escape means the same character.
    static func scriptSafeJSON(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The data block's JSON: keys sorted so the same model gives the same bytes.
    static func json(_ model: ReportModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }

    /// Text escaped for HTML content and double-quoted attribute values.
    static func escape(_ text: String) -> String { SVGSanitizer.escape(text, quote: true) }

    static func html(model: ReportModel, svg: String) throws -> String {
        let words = model.text
        func word(_ key: String) -> String { escape(words[key] ?? key) }
        let script = self.script, style = self.style
        return """
        <!DOCTYPE html>
        <html lang="\(escape(model.lang))">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy(script: script, style: style))">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="netmap report">
        <title>\(escape(model.title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header class="page"><h1>\(escape(model.title))</h1><p id="summary"></p></header>
        <main class="explore">
        <aside id="panel" aria-label="\(word("details"))">
        <div class="search-row"><label for="search">\(word("search"))</label><input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="\(word("searchPlaceholder"))"></div>
        <p id="result-count" aria-live="polite"></p>
        <ul id="results"></ul>
        <div id="details" aria-live="polite"></div>
        <div id="year-filter"><h3><label for="year">\(word("year"))</label><output id="year-value" for="year"></output></h3><input id="year" type="range" step="1"><div class="range-ends"><span id="year-first"></span><span id="year-all"></span></div></div>
        <h3 title="\(word("legendHelp"))">\(word("kinds"))</h3>
        <div id="legend-kinds" class="legend-group" role="group" aria-label="\(word("kinds")): \(word("legendHelp"))"></div>
        <h3 id="colors-heading" title="\(word("legendHelp"))"></h3>
        <div id="legend-colors" class="legend-group" role="group"></div>
        <h3 title="\(word("legendHelp"))">\(word("relations"))</h3>
        <div id="legend-relations" class="legend-group" role="group" aria-label="\(word("relations")): \(word("legendHelp"))"></div>
        </aside>
        <section id="map" aria-label="\(word("drawing"))">
        <div id="toolbar"><button type="button" id="zoom-in" title="\(word("zoomIn"))" aria-label="\(word("zoomIn"))">+</button><button type="button" id="zoom-out" title="\(word("zoomOut"))" aria-label="\(word("zoomOut"))">−</button><button type="button" id="zoom-fit" title="\(word("fit"))" aria-label="\(word("fit"))">⤢</button></div>
        <div id="viewport" tabindex="0" role="group" aria-label="\(word("drawing")). \(word("drawingHelp"))">
        \(svg)</div>
        <p id="map-help">\(word("drawingHelp"))</p>
        </section>
        </main>
        <section id="tables"><h2>\(word("tables"))</h2><p class="note">\(word("sortHint"))</p>
        <section id="consortia"><h3>\(word("consortia"))</h3></section>
        <div id="tables-body"></div>
        </section>
        <footer class="page">\(word("generated"))</footer>
        <script type="application/json" id="netmap-data">\(scriptSafeJSON(try json(model)))</script>
        <script>\(script)</script>
        </body>
        </html>

        """
    }
}
