import Foundation

/// The words of the report page itself (headings, buttons, column names) in Norwegian Bokmål, Nynorsk and
/// English. Node labels, kinds and relations come from the data (and `label_en` for English).
enum ReportText {
    static let languages = ["nb", "nn", "en"]

    /// Keys used by report.js; every language has every key (checked by `ReportTextTests`).
    static let words: [String: [String: String]] = [
        "en": [
            "noConsortium": "No eligible consortium: these rules cannot be met with the partners within reach.", "searchNotes": "About the search", 
            "andMore": "and", "more": "more", "relation.shares_project": "shares a project with", 
            "communityCount": "communities", "attribute.label": "Original name", "attribute.label_en": "English name",
            "attribute.note": "Note", "attribute.region": "Region", "attribute.nuts": "NUTS region", "attribute.url": "Web address",
            "search": "Search", "searchPlaceholder": "Name, id or attribute", "matches": "matches", "noMatch": "No match",
            "zoomIn": "Zoom in", "zoomOut": "Zoom out", "fit": "Fit to window", "drawing": "Network drawing",
            "drawingHelp": "Drag to pan, wheel or + / − to zoom, arrow keys to move, Tab to reach nodes, Enter to open one, Escape to clear.",
            "legend": "Show", "legendHelp": "Click to hide or show",
            "year": "Year", "allYears": "all years", "details": "Details", "detailsEmpty": "Click a node (or press Enter on it) to see its attributes, ties and sources.",
            "kind": "Kind", "country": "Country", "id": "Id", "tags": "Tags", "attributes": "Attributes", "ties": "Ties",
            "noTies": "No ties drawn.", "source": "Source", "page": "page", "link": "open source", "uncited": "no source cited",
            "since": "from", "until": "until", "outgoing": "to", "incoming": "from", "mutual": "with",
            "tables": "Tables", "centrality": "Centrality", "brokerage": "Brokerage roles by country", "communities": "Communities (Leiden)",
            "modularity": "modularity", "warnings": "Validation warnings", "noWarnings": "No warnings.",
            "consortia": "Consortium proposals", "score": "score", "rules": "Rules", "met": "met", "unmet": "not met",
            "partners": "Partners", "path": "Path", "lead": "lead", "label": "Label", "degree": "Degree", "betweenness": "Betweenness",
            "pagerank": "PageRank", "closeness": "Closeness", "constraint": "Constraint", "community": "Community", "size": "Size",
            "members": "Members", "title": "Title", "publisher": "Publisher", "tieCount": "Ties citing it", "file": "Where",
            "message": "Warning", "group": "Country", "total": "Total", "nodes": "nodes", "edges": "ties",
            "coordinator": "Coordinator", "itinerant": "Itinerant", "representative": "Representative", "gatekeeper": "Gatekeeper",
            "liaison": "Liaison", "sortHint": "Click a column heading to sort; click a row to select the node.",
            "generated": "Made by netmap from the files listed under Sources; every tie links to the document that states it.",
            "defaultTitle": "International partners", "showAll": "Show all rows", "clear": "Clear", "hidden": "hidden", "notDrawn": "not in the drawing", "note": "Note", "url": "URL",
        ],
        "nb": [
            "noConsortium": "Ingen konsortier kan få støtte: disse reglene kan ikke oppfylles med partnerne innen rekkevidde.", "searchNotes": "Om søket", 
            "andMore": "og", "more": "til", "relation.shares_project": "deltar i samme prosjekt som", 
            "communityCount": "fellesskap", "attribute.label": "Opprinnelig navn", "attribute.label_en": "Engelsk navn",
            "attribute.note": "Merknad", "attribute.region": "Region", "attribute.nuts": "NUTS-region", "attribute.url": "Nettadresse",
            "search": "Søk", "searchPlaceholder": "Navn, id eller egenskap", "matches": "treff", "noMatch": "Ingen treff",
            "zoomIn": "Zoom inn", "zoomOut": "Zoom ut", "fit": "Tilpass til vinduet", "drawing": "Nettverkstegning",
            "drawingHelp": "Dra for å flytte, hjul eller + / − for å zoome, piltaster for å flytte, Tab for å nå noder, Enter for å åpne en, Escape for å nullstille.",
            "legend": "Vis", "legendHelp": "Klikk for å skjule eller vise",
            "year": "År", "allYears": "alle år", "details": "Detaljer", "detailsEmpty": "Klikk på en node (eller trykk Enter på den) for å se egenskaper, forbindelser og kilder.",
            "kind": "Type", "country": "Land", "id": "Id", "tags": "Stikkord", "attributes": "Egenskaper", "ties": "Forbindelser",
            "noTies": "Ingen forbindelser tegnet.", "source": "Kilde", "page": "side", "link": "åpne kilden", "uncited": "ingen kilde oppgitt",
            "since": "fra", "until": "til", "outgoing": "til", "incoming": "fra", "mutual": "med",
            "tables": "Tabeller", "centrality": "Sentralitet", "brokerage": "Meglerroller etter land", "communities": "Fellesskap (Leiden)",
            "modularity": "modularitet", "warnings": "Valideringsvarsler", "noWarnings": "Ingen varsler.",
            "consortia": "Forslag til konsortier", "score": "poeng", "rules": "Regler", "met": "oppfylt", "unmet": "ikke oppfylt",
            "partners": "Partnere", "path": "Vei", "lead": "leder", "label": "Navn", "degree": "Grad", "betweenness": "Mellomliggenhet",
            "pagerank": "PageRank", "closeness": "Nærhet", "constraint": "Begrensning", "community": "Fellesskap", "size": "Størrelse",
            "members": "Medlemmer", "title": "Tittel", "publisher": "Utgiver", "tieCount": "Forbindelser som viser til den", "file": "Hvor",
            "message": "Varsel", "group": "Land", "total": "Sum", "nodes": "noder", "edges": "forbindelser",
            "coordinator": "Koordinator", "itinerant": "Omreisende", "representative": "Representant", "gatekeeper": "Portvakt",
            "liaison": "Bindeledd", "sortHint": "Klikk på en kolonneoverskrift for å sortere; klikk på en rad for å velge noden.",
            "generated": "Laget av netmap fra filene under Kilder; hver forbindelse viser til dokumentet som oppgir det.",
            "defaultTitle": "Internasjonale partnere", "showAll": "Vis alle rader", "clear": "Nullstill", "hidden": "skjult", "notDrawn": "ikke i tegningen", "note": "Merknad", "url": "URL",
        ],
        "nn": [
            "noConsortium": "Ingen konsortium kan få støtte: desse reglane kan ikkje oppfyllast med partnarane innan rekkjevidd.", "searchNotes": "Om søket", 
            "andMore": "og", "more": "til", "relation.shares_project": "deltek i same prosjekt som", 
            "communityCount": "fellesskap", "attribute.label": "Opphavleg namn", "attribute.label_en": "Engelsk namn",
            "attribute.note": "Merknad", "attribute.region": "Region", "attribute.nuts": "NUTS-region", "attribute.url": "Nettadresse",
            "search": "Søk", "searchPlaceholder": "Namn, id eller eigenskap", "matches": "treff", "noMatch": "Ingen treff",
            "zoomIn": "Zoom inn", "zoomOut": "Zoom ut", "fit": "Tilpass til vindauget", "drawing": "Nettverksteikning",
            "drawingHelp": "Dra for å flytte, hjul eller + / − for å zoome, piltastar for å flytte, Tab for å nå nodar, Enter for å opne ein, Escape for å nullstille.",
            "legend": "Vis", "legendHelp": "Klikk for å skjule eller vise",
            "year": "År", "allYears": "alle år", "details": "Detaljar", "detailsEmpty": "Klikk på ein node (eller trykk Enter på han) for å sjå eigenskapar, samband og kjelder.",
            "kind": "Type", "country": "Land", "id": "Id", "tags": "Stikkord", "attributes": "Eigenskapar", "ties": "Samband",
            "noTies": "Ingen samband teikna.", "source": "Kjelde", "page": "side", "link": "opne kjelda", "uncited": "inga kjelde oppgitt",
            "since": "frå", "until": "til", "outgoing": "til", "incoming": "frå", "mutual": "med",
            "tables": "Tabellar", "centrality": "Sentralitet", "brokerage": "Meklarroller etter land", "communities": "Fellesskap (Leiden)",
            "modularity": "modularitet", "warnings": "Valideringsvarsel", "noWarnings": "Ingen varsel.",
            "consortia": "Framlegg til konsortium", "score": "poeng", "rules": "Reglar", "met": "oppfylt", "unmet": "ikkje oppfylt",
            "partners": "Partnarar", "path": "Veg", "lead": "leiar", "label": "Namn", "degree": "Grad", "betweenness": "Mellomliggjande",
            "pagerank": "PageRank", "closeness": "Nærleik", "constraint": "Avgrensing", "community": "Fellesskap", "size": "Storleik",
            "members": "Medlemer", "title": "Tittel", "publisher": "Utgjevar", "tieCount": "Samband som viser til henne", "file": "Kvar",
            "message": "Varsel", "group": "Land", "total": "Sum", "nodes": "nodar", "edges": "samband",
            "coordinator": "Koordinator", "itinerant": "Omreisande", "representative": "Representant", "gatekeeper": "Portvakt",
            "liaison": "Bindeledd", "sortHint": "Klikk på ei kolonneoverskrift for å sortere; klikk på ei rad for å velje noden.",
            "generated": "Laga av netmap frå filene under Kjelder; kvart samband viser til dokumentet som oppgjev det.",
            "defaultTitle": "Internasjonale partnarar", "showAll": "Vis alle radene", "clear": "Nullstill", "hidden": "skjult", "notDrawn": "ikkje i teikninga", "note": "Merknad", "url": "URL",
        ],
    ]

    /// Every word of the page in `lang`: the table above, and the drawing's own words for the legend's headings
    /// (`DrawingWords`), so the page and its drawing say the same.
    static func all(_ lang: String) -> [String: String] {
        var result = words[lang] ?? words["en"] ?? [:]
        let language = DrawingLanguage(rawValue: lang) ?? .en
        result["kinds"] = language(DrawingWords.kindsHeading)
        result["relations"] = language(DrawingWords.tiesHeading)
        result["sources"] = language(DrawingWords.sources)
        return result
    }

    /// The page's title when `--title` is not given: the network's name, unless that is only the name of an
    /// input file or folder (as for `data/`), then "International partners — data".
    static func defaultTitle(name: String?, paths: [String], lang: String) -> String {
        let files = paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        if let name, !name.isEmpty, !files.contains(name) { return name }
        return (words[lang]?["defaultTitle"] ?? "International partners") + " — " + files.joined(separator: ", ")
    }
}
