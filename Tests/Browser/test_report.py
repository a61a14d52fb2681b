"""`netmap report` in a real browser (Debian's Chromium, offline): the page works, runs nothing from the data and
fetches nothing. Run by `make test` after the Swift tests; see docs/report.md."""
import re

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
]


def details_text(page):
    return page.locator("#details").inner_text()


def select_by_search(page, text):
    page.fill("#search", text)
    page.press("#search", "Enter")


# ------------------------------------------------------------------ safety


def test_data_report_makes_no_request_error_or_dialog(open_report):
    watched = open_report("data")
    page = watched.page
    assert page.locator("#viewport svg g.node").count() > 100
    assert page.locator("table").count() >= 4
    # Exercise the page a little: nothing it does may fetch, fail or open a dialog.
    select_by_search(page, "Kaunas")
    page.keyboard.press("Escape")
    page.click("#zoom-in")
    page.click("#zoom-fit")
    page.click("#legend-kinds button[data-key=theme]")
    watched.assert_clean()


def test_csp_forbids_every_fetch_and_allows_only_the_pages_own_code(open_report):
    page = open_report("data").page
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert policy.startswith("default-src 'none';")
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+';", policy)
    assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+';", policy)
    assert "img-src data:;" in policy
    assert "unsafe" not in policy
    # The policy is in force: a script the page did not ship cannot run.
    ran = page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
        document.body.append(s); return window.injected === 1; }""")
    assert ran is False


def test_hostile_strings_are_shown_literally_and_run_nothing(open_report):
    watched = open_report("hostile")
    page = watched.page
    # Nothing from the data became an element or a handler.
    assert page.locator("img").count() == 0
    assert page.evaluate("() => document.querySelectorAll('svg svg, body script:not([id]) ~ script').length") == 0
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []
    assert page.title() == "Hostile </script><script>alert(1)</script> test"
    # Each hostile label is searchable and shown as text, in the results and in the details.
    for label in HOSTILE:
        page.fill("#search", label)
        assert page.locator("#results button").first.inner_text().startswith(label)
        page.press("#search", "Enter")
        assert page.locator("#details h2").inner_text() == label
    # The drawing shows the labels as text too.
    assert page.locator("#node-img text").first.text_content().startswith("<img")
    # A javascript: source URL is shown but is no link; an https: one is.
    page.fill("#search", "<img")
    page.press("#search", "Enter")
    text = details_text(page)
    assert "javascript:alert(1)" in text
    assert "<p>1</p>" in text
    assert "</script><script>alert(1)</script>" in text
    hrefs = page.eval_on_selector_all("#details a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["https://example.org/strategi.pdf"] * len(hrefs) and len(hrefs) >= 1
    # 10,000 characters, right-to-left and emoji survive as they are.
    page.fill("#search", "Langxxxx")
    page.press("#search", "Enter")
    assert len(page.locator("#details h2").inner_text()) == 10000
    page.fill("#search", "עיריית")
    page.press("#search", "Enter")
    assert page.locator("#details h2").inner_text() == "עיריית תל אביב\u200e مدينة 🌍🇳🇴 👩‍👩‍👧"
    watched.assert_clean()


# ------------------------------------------------------------------ what the issue asks of the page


def test_search_for_kaunas_finds_the_kaunas_node(open_report):
    page = open_report("data").page
    page.fill("#search", "Kaunas")
    first = page.locator("#results button").first
    assert first.inner_text().startswith("Kaunas")
    assert page.locator("#viewport svg g.node.match").count() >= 1
    assert page.locator("#node-kaunas.match, g.node.match[id^=node-kaunas]").count() >= 1
    first.click()
    assert page.locator("#details h2").inner_text() == "Kaunas"
    assert page.locator("g.node.selected").count() == 1


def test_clicking_trondelag_lists_its_ties_with_citation_titles(open_report):
    page = open_report("data").page
    node = page.locator("#node-trondelag-fk")
    node.scroll_into_view_if_needed()
    page.click("#zoom-fit")
    node.dispatch_event("click")
    assert page.locator("#details h2").inner_text() == "Trøndelag fylkeskommune"
    ties = page.locator("#details li.tie")
    assert ties.count() >= 10
    titles = page.locator("#details li.tie cite").all_inner_texts()
    assert "Internasjonalt handlingsprogram 2020–2023" in titles
    # Every tie names the other end as a button that selects it.
    other = page.locator("#details li.tie .node-link").first
    name = other.inner_text()
    other.click()
    assert page.locator("#details h2").inner_text() == name


def test_real_mouse_click_on_a_node_opens_it(open_report):
    page = open_report("data").page
    select_by_search(page, "Kaunas")  # centres the view on Kaunas
    page.keyboard.press("Escape")
    box = page.locator("g.node[id^=node-kaunas]").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.locator("#details h2").inner_text() == "Kaunas"


def test_selecting_fades_all_but_the_neighbourhood_and_escape_clears(open_report):
    page = open_report("data").page
    select_by_search(page, "Trøndelag fylkeskommune")
    assert page.evaluate("() => document.querySelector('#viewport svg').classList.contains('dim')")
    near = page.locator("g.node.near").count()
    assert 1 < near < page.locator("g.node").count()
    faded = page.evaluate("() => getComputedStyle(document.querySelector('g.node:not(.near)')).opacity")
    assert float(faded) < 0.5
    page.keyboard.press("Escape")
    assert page.locator("g.near").count() == 0
    assert not page.evaluate("() => document.querySelector('#viewport svg').classList.contains('dim')")


def test_hiding_kind_theme_removes_those_nodes_and_showing_brings_them_back(open_report):
    page = open_report("data").page
    themes = page.locator("g.node.kind-theme")
    assert themes.count() > 5
    button = page.locator("#legend-kinds button[data-key=theme]")
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert all(not themes.nth(i).is_visible() for i in range(themes.count()))
    assert page.locator("g.node.kind-county").first.is_visible()
    # Ties to a hidden node go too.
    hidden_ties = page.evaluate("""() => { const d = JSON.parse(document.getElementById('netmap-data').textContent);
        const theme = new Set(d.nodes.filter(n => n.kind === 'theme').map(n => n.id));
        return d.edges.filter(e => theme.has(e.to) || theme.has(e.from)).map(e => e.svg); }""")
    assert hidden_ties and all(not page.locator(f"#{sel}").is_visible() for sel in hidden_ties[:20])
    button.click()
    assert themes.first.is_visible()


def test_hiding_a_relation_hides_its_ties(open_report):
    page = open_report("data").page
    page.click("#legend-relations button[data-key=addresses]")
    ties = page.locator("g.edge.relation-addresses")
    assert ties.count() > 0 and all(not ties.nth(i).is_visible() for i in range(ties.count()))
    assert page.locator("g.edge.relation-member_of").first.is_visible()


def test_year_slider_at_2010_hides_ties_that_start_later(open_report):
    page = open_report("data").page
    page.evaluate("""() => { const s = document.getElementById('year'); s.value = '2010';
        s.dispatchEvent(new Event('input', {bubbles: true})); }""")
    assert page.locator("#year-value").inner_text() == "2010"
    edges = page.evaluate("() => JSON.parse(document.getElementById('netmap-data').textContent).edges")
    later = [e["svg"] for e in edges if e.get("since") is not None and e["since"] > 2010]
    valid = [e["svg"] for e in edges if (e.get("since") or 0) <= 2010 <= (e.get("until") or 9999)]
    assert later and valid
    assert not any(page.locator(f"#{svg}").is_visible() for svg in later)
    assert page.locator(f"#{valid[0]}").is_visible()
    # The far right of the slider shows every year again.
    page.evaluate("""() => { const s = document.getElementById('year'); s.value = s.max;
        s.dispatchEvent(new Event('input', {bubbles: true})); }""")
    assert page.locator(f"#{later[0]}").is_visible()


def test_keyboard_moves_the_year_slider(open_report):
    page = open_report("data").page
    page.focus("#year")
    page.keyboard.press("Home")
    low = page.locator("#year-value").inner_text()
    assert re.fullmatch(r"\d{4}", low)
    page.keyboard.press("ArrowRight")
    assert page.locator("#year-value").inner_text() == str(int(low) + 1)


def test_tables_sort_by_clicking_a_column_header(open_report):
    page = open_report("data").page
    table = page.locator("table[data-table=centrality]")
    column = lambda n: table.locator(f"tbody tr td:nth-child({n})").all_inner_texts()
    degrees = [float(x) for x in column(3)]
    assert degrees == sorted(degrees, reverse=True)  # most ties first when the page opens
    table.locator("th button", has_text="Grad").click()
    assert [float(x) for x in column(3)] == sorted(degrees)
    assert table.locator("th").nth(2).get_attribute("aria-sort") == "ascending"
    table.locator("th button", has_text="Grad").click()
    assert [float(x) for x in column(3)] == sorted(degrees, reverse=True)
    table.locator("th button", has_text="Navn").click()
    labels = column(1)
    assert labels == sorted(labels, key=lambda s: page.evaluate("s => s", s)) or labels[0] <= labels[-1]
    first = labels[0]
    table.locator("th button", has_text="Navn").click()
    assert column(1)[-1] == first


def test_every_table_the_issue_names_is_there(open_report):
    page = open_report("data").page
    for name in ["centrality", "brokerage", "communities", "sources", "warnings"]:
        assert page.locator(f"#table-{name}").count() == 1, name
    headers = page.locator("table[data-table=centrality] th").all_inner_texts()
    assert headers == ["Navn", "Type", "Grad", "Mellomliggenhet", "PageRank", "Nærhet", "Begrensning"]
    assert "modularitet" in page.locator("#table-communities .caption").inner_text()
    counts = [int(x) for x in page.locator("table[data-table=sources] tbody td:nth-child(5)").all_inner_texts()]
    assert counts and all(c > 0 for c in counts)


def test_clicking_a_table_row_selects_that_node(open_report):
    page = open_report("data").page
    row = page.locator("table[data-table=centrality] tbody tr").first
    label = row.locator("td").first.inner_text()
    row.click()
    assert page.locator("#details h2").inner_text() == label
    assert page.locator("g.node.selected").count() == 1


def test_clicking_a_source_row_shows_the_ties_citing_it(open_report):
    page = open_report("data").page
    row = page.locator("table[data-table=sources] tbody tr").first
    title, count = row.locator("td").nth(1).inner_text(), int(row.locator("td").nth(4).inner_text())
    row.click()
    assert page.locator("#details h2").inner_text() == title
    assert page.locator("#details li.tie").count() == count


def test_keyboard_alone_reaches_search_a_node_and_its_details(open_report):
    page = open_report("data").page
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "search"
    page.keyboard.type("Kaunas")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.closest('#details') !== null")
    assert page.locator("#details h2").inner_text() == "Kaunas"
    # From the drawing: Tab reaches a node, Enter opens its details.
    page.keyboard.press("Escape")
    page.focus("#viewport")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused
    page.keyboard.press("Enter")
    assert focused.startswith(page.locator("#details h2").inner_text())
    # Tab on from the details reaches the tie's other end.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "node-link"


def test_zoom_buttons_wheel_and_keys_change_the_view(open_report):
    page = open_report("data").page
    view = lambda: [float(x) for x in page.get_attribute("#viewport svg", "viewBox").split()]
    start = view()
    page.click("#zoom-in")
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.width < {start[2]}")
    page.click("#zoom-fit")
    page.wait_for_function(f"() => Math.abs(document.querySelector('#viewport svg').viewBox.baseVal.width - {start[2]}) < 0.01")
    page.mouse.move(400, 400)
    page.mouse.wheel(0, -300)
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.width < {start[2]}")
    zoomed = view()
    page.focus("#viewport")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.x > {zoomed[0]}")
    # Dragging pans.
    before = view()
    page.mouse.move(500, 400)
    page.mouse.down()
    page.mouse.move(400, 350, steps=5)
    page.mouse.up()
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.x > {before[0]}")


def test_english_page_uses_english_words_and_label_en(open_report):
    page = open_report("english").page
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("label[for=search]").inner_text() == "Search"
    page.fill("#search", "Innovation Norway Beijing")
    assert page.locator("#results button").first.inner_text().startswith("Innovation Norway Beijing")


def test_consortium_proposals_highlight_their_partners(open_report):
    page = open_report("english").page
    proposals = page.locator("#consortia .proposal-pick")
    assert proposals.count() >= 1
    assert "Region Jämtland Härjedalen" in page.locator("#consortia").inner_text()
    proposals.first.click()
    assert page.locator("#node-trondelag-fk").get_attribute("class").split().count("near") == 1
    assert page.locator("g.node.near").count() >= 2


def test_print_shows_the_drawing_then_the_tables_without_controls(open_report):
    page = open_report("data").page
    page.emulate_media(media="print")
    assert not page.locator("#panel").is_visible()
    assert not page.locator("#toolbar").is_visible()
    assert page.locator("#viewport svg").is_visible()
    assert page.locator("table[data-table=centrality]").is_visible()


def test_the_address_remembers_the_selected_node(open_report, browser, reports):
    page = open_report("data").page
    select_by_search(page, "Kaunas")
    fragment = page.evaluate("() => location.hash")
    assert fragment.startswith("#node=kaunas")
    # Opening the page with that address selects the node again.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
    again = context.new_page()
    again.goto(reports["data"].as_uri() + fragment)
    again.wait_for_selector("body.ready")
    assert again.locator("#details h2").inner_text() == "Kaunas"
    # An unknown or hostile fragment selects nothing and runs nothing.
    again.goto(reports["data"].as_uri() + "#node=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    again.reload()
    again.wait_for_selector("body.ready")
    assert again.locator("g.node.selected").count() == 0
    context.close()


# ------------------------------------------------------------------ the audit of issue 12, point by point


def view_box(page):
    return page.evaluate("() => { const b = document.querySelector('#viewport svg').viewBox.baseVal; return [b.x, b.y, b.width, b.height]; }")


def test_zoom_out_button_and_the_plus_minus_and_zero_keys(open_report):
    page = open_report("data").page
    fitted = view_box(page)
    page.click("#zoom-out")
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.width > {fitted[2]}")
    page.click("#zoom-fit")
    page.focus("#viewport")
    page.keyboard.press("+")
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.width < {fitted[2]}")
    page.keyboard.press("0")
    page.wait_for_function(f"() => Math.abs(document.querySelector('#viewport svg').viewBox.baseVal.width - {fitted[2]}) < 0.01")
    page.keyboard.press("-")
    page.wait_for_function(f"() => document.querySelector('#viewport svg').viewBox.baseVal.width > {fitted[2]}")


def test_search_covers_english_labels_ids_and_attributes_and_centres_the_choice(open_report):
    page = open_report("data").page  # Norwegian page: label_en is an attribute here
    for query in ["Trøndelag County Council", "trondelag-fk", "NO060"]:
        page.fill("#search", query)
        labels = page.locator("#results button").all_inner_texts()
        assert any(text.startswith("Trøndelag fylkeskommune") for text in labels), (query, labels)
    page.fill("#search", "Trøndelag County Council")
    page.press("#search", "Enter")
    assert page.locator("#details h2").inner_text() == "Trøndelag fylkeskommune"
    # The chosen node is centred in the drawing (and zoomed in on).
    page.wait_for_function("() => document.querySelector('#viewport svg').style.transform === ''")
    page.wait_for_timeout(50)
    node = page.locator("#node-trondelag-fk").bounding_box()
    port = page.locator("#viewport").bounding_box()
    centre = (node["x"] + node["width"] / 2, node["y"] + node["height"] / 2)
    assert abs(centre[0] - (port["x"] + port["width"] / 2)) < 30 and abs(centre[1] - (port["y"] + port["height"] / 2)) < 30
    assert view_box(page)[2] < page.evaluate("() => document.querySelector('#viewport svg').getBBox().width")


def test_details_give_every_attribute_direction_years_and_the_whole_citation(open_report):
    page = open_report("hostile").page
    select_by_search(page, "<img")
    details = page.locator("#details")
    # Every attribute (the note, marked up text shown as text).
    assert "<b>not bold</b> & <i>not italic</i>" in details.locator("dd").all_inner_texts()
    ties = details.locator("li.tie")
    assert ties.count() == 4
    heads = {t.locator(".tie-head").inner_text() for t in ties.all()}
    # Own directed tie: relation → other end, with its years; a symmetric one: relation — other end; years both ends.
    assert any(h.startswith("medlem av → \"><svg onload=alert(1)>") and h.endswith("2005–2009") for h in heads), heads
    assert any(h.startswith("partner med — </script><script>alert(1)</script>") and h.endswith("fra 2012") for h in heads), heads
    # The other end of every tie is a button that selects it.
    assert ties.locator(".node-link").count() == 4
    # The citation: title, publisher, year, page, note; the https URL as a link, the javascript: one as text.
    evil = details.locator("li.tie", has_text="partner med").first
    assert evil.locator("cite").inner_text() == "<img src=x onerror=alert(1)>"
    assert evil.locator(".cite-facts").inner_text().strip() == '— "><svg onload=alert(1)>, 2020, side <p>1</p>'
    assert evil.locator(".cite-note").inner_text() == "</script><script>alert(1)</script>"
    assert evil.locator("a").count() == 0 and evil.locator(".cite-url").inner_text() == "javascript:alert(1)"
    fine = details.locator("li.tie", has_text="medlem av").first
    assert fine.locator("a.cite-link").get_attribute("href") == "https://example.org/strategi.pdf"
    assert fine.locator(".cite-facts").inner_text().strip() == "— Fylket, 2015"


def test_a_tie_pointing_to_the_node_reads_from_its_other_end(open_report):
    page = open_report("data").page
    select_by_search(page, "Trøndelag fylkeskommune")
    incoming = page.locator("#details li.tie .tie-head", has=page.locator(".tie-self")).first
    text = incoming.inner_text()
    # "Avdeling …, Trøndelag fylkeskommune del av → Trøndelag fylkeskommune": the other end first, this node last.
    assert text.index(incoming.locator(".node-link").inner_text()) == 0
    assert incoming.locator(".tie-self").inner_text() == "Trøndelag fylkeskommune"


def test_the_warnings_table_lists_the_validation_warnings(open_report):
    watched = open_report("hostile")
    page = watched.page
    rows = page.locator("table[data-table=warnings] tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td").nth(0).inner_text().endswith("hostile.yaml:48")
    assert rows.first.locator("td").nth(1).inner_text() == "edge svg → script (partner_of) cites no source"
    watched.assert_clean()


def test_hostile_labels_are_drawn_as_text(open_report):
    page = open_report("hostile").page
    drawn = page.eval_on_selector_all("#viewport svg g.node text", "ts => ts.map(t => t.textContent).join('')")
    for label in HOSTILE:
        assert label.replace(" ", "") in drawn.replace(" ", ""), label


def test_print_puts_the_drawing_on_its_own_landscape_page_then_the_tables_without_buttons(open_report):
    page = open_report("consortium").page
    page.emulate_media(media="print")
    style = lambda selector, prop: page.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')")
    assert style("#map", "break-after") == "page"
    assert style("main.explore", "page") == "drawing" and style("header.page", "page") == "drawing"
    # No control is left: every visible button is a column heading or a name, drawn as plain text.
    visible = page.eval_on_selector_all("button", """bs => bs.filter(b => b.offsetParent !== null)
        .filter(b => { const s = getComputedStyle(b); return s.borderTopStyle !== 'none' && s.borderTopWidth !== '0px'; })
        .map(b => b.className + ':' + b.textContent)""")
    assert visible == []
    for hidden in ["#panel", "#toolbar", "#map-help", "#search"]:
        assert not page.locator(hidden).is_visible(), hidden
    # Every row is printed, not only the first 200.
    assert page.locator("table[data-table=centrality] tbody tr").count() == 193


def test_consortium_proposals_show_rules_and_cited_paths_for_each_request(open_report):
    watched = open_report("consortium")
    page = watched.page
    sections = page.locator("#consortia section.consortium")
    assert sections.count() == 3
    assert "Interreg Aurora" in sections.nth(1).locator("h3").inner_text()
    # A programme no consortium can meet says which rule fails, in the page's language, and proposes nothing.
    npa = sections.nth(2)
    assert npa.locator(".proposal").count() == 0
    assert npa.locator(".unmet p").inner_text().startswith("Ingen konsortier kan få støtte")
    assert "partnere fra minst 3 forskjellige land blant et partnerland i NPA" in npa.locator(".unmet li").first.inner_text()
    first = sections.first
    assert first.locator(".rules li.met").count() >= 3
    # Each partner's path from the lead names its relation and the source it cites.
    path = first.locator(".path").first.inner_text()
    assert "samarbeider med" in path and "[Internasjonalt handlingsprogram 2020–2023, side Kap. 2.4" in path, path
    first.locator(".proposal-pick").first.click()
    assert page.locator("g.edge.near").count() >= 1
    npa.locator(".search-notes summary").click()
    assert npa.locator(".search-notes li").first.is_visible()
    watched.assert_clean()


def ui_strings(page):
    """Every word the page itself shows or announces: text, titles, aria-labels, placeholders, legends; strings
    that are data (labels, ids, attribute values, sources) left out."""
    return page.evaluate("""() => {
      const data = JSON.parse(document.getElementById('netmap-data').textContent);
      const strings = new Set();
      const walk = v => { if (typeof v === 'string') strings.add(v.trim());
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') for (const k of Object.keys(v)) { strings.add(k); walk(v[k]); } };
      walk(data.nodes); walk(data.edges); walk(data.sources);
      for (const c of data.consortia) { walk(c.programmeLabel); walk(c.citations); }
      const found = [];
      for (const e of document.querySelectorAll('body *')) {
        if (e.closest('script')) continue;
        const inDrawing = e.closest('#viewport svg g.node, #viewport svg g.edge');  // label lines are data
        for (const a of ['title', 'aria-label', 'placeholder', 'aria-valuetext']) if (e.getAttribute(a)) found.push(e.getAttribute(a));
        for (const n of e.childNodes) if (n.nodeType === 3 && !inDrawing && n.textContent.trim() && !strings.has(n.textContent.trim())) found.push(n.textContent.trim());
      }
      return {found: found, data: [...strings].filter(s => s.length >= 2)};
    }""")


def test_norwegian_page_has_no_english_word_of_netmaps_own(open_report):
    assert_no_english_word(open_report, "consortium")


def test_nynorsk_page_has_no_english_word_of_netmaps_own(open_report):
    assert_no_english_word(open_report, "nynorsk")


def assert_no_english_word(open_report, name):
    english = open_report("english").page
    page = open_report(name).page
    select_by_search(page, "Trøndelag fylkeskommune")
    words = english.evaluate("() => JSON.parse(document.getElementById('netmap-data').textContent).text")
    norwegian = page.evaluate("() => JSON.parse(document.getElementById('netmap-data').textContent).text")
    english_only = {w for key, value in words.items() if value != norwegian.get(key)
                    for w in re.findall(r"[A-Za-z]{4,}", value)} | {"partners", "least", "countries", "search", "actors"}
    english_only -= {w for value in norwegian.values() for w in re.findall(r"[A-Za-z]{4,}", value)}
    shown = ui_strings(page)
    data = sorted(shown["data"], key=len, reverse=True)

    def english_in(text):
        return any(re.search(rf"\b{w}\b", text) for w in english_only)

    offending = []
    for text in shown["found"]:
        rest = text
        if english_in(rest):
            for value in data:  # words composed with labels ("Kaunas (Partnerregion)"): the labels are data
                if len(value) >= 4:
                    rest = rest.replace(value, " ")
            if english_in(rest):
                offending.append(text)
    assert offending == [], "\n".join(offending)


def test_color_by_gets_a_legend_of_its_own_that_filters(open_report):
    watched = open_report("colors")
    page = watched.page
    assert page.locator("#colors-heading").inner_text().lower() == "farge: land"
    entries = page.locator("#legend-colors button")
    assert entries.first.get_attribute("data-key") == "NO"  # the drawing's order: most frequent first
    # The kinds' swatches are blank: in this drawing the fill is the country's.
    assert set(page.eval_on_selector_all("#legend-kinds rect", "rs => rs.map(r => r.getAttribute('fill'))")) == {"#FFFFFF"}
    norwegian = page.evaluate("""() => JSON.parse(document.getElementById('netmap-data').textContent)
        .nodes.filter(n => n.country === 'NO').map(n => n.svg)""")
    assert len(norwegian) > 10
    entries.first.click()
    assert not any(page.locator(f"#{svg}").is_visible() for svg in norwegian[:15])
    assert page.locator("#node-region-jamtland-harjedalen").is_visible()
    watched.assert_clean()


def test_names_from_the_data_are_isolated_for_right_to_left_text(open_report):
    page = open_report("hostile").page
    select_by_search(page, "<img")
    # A direction override (U+202E) or right-to-left text in one name cannot reorder the words around it.
    for selector in ["#details .cite-title", "#details .node-link", "#details dd", "#legend-kinds .legend-label"]:
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).unicodeBidi") == "isolate", selector
    facts = page.locator("#details li.tie", has_text="partner med").first.locator(".cite-facts bdi").all_inner_texts()
    assert facts == ['"><svg onload=alert(1)>', "2020", "side <p>1</p>"]
    assert "\u202ereversed\u202c text" in page.locator("#details dd").all_inner_texts()


def test_the_year_slider_starts_at_the_year_of_at(open_report):
    watched = open_report("at2010")
    page = watched.page
    assert page.locator("#year").input_value() == "2010"
    assert page.locator("#year-value").inner_text() == "2010"
    # --at 2010 left out the tie from 2012 (and the one that ended in 2009).
    assert page.locator("#viewport svg g.edge").count() == 4
    watched.assert_clean()
