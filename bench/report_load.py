"""Load and pan times of report pages in headless Chromium (Debian's, offline), beside the bare SVG of `netmap render`.

    python3 bench/report_load.py NAME=PAGE.html[,DRAWING.svg] ...

For each page: its size, the median of 5 loads from navigation to an interactive page (the script's `ready`
mark), the same for the SVG alone (a browser showing the drawing, nothing more), and the mean frame time
while panning 120 frames with the mouse. Prints one Markdown table row per page (see BENCHMARKS.md)."""
import pathlib
import statistics
import sys

from playwright.sync_api import sync_playwright


def load_ms(browser, path, ready):
    times = []
    for _ in range(5):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
        page = context.new_page()
        page.goto(path.resolve().as_uri(), wait_until="load")
        if ready:
            page.wait_for_selector("body.ready")
            # Navigation start to the script's last line, plus the first frame after it.
            times.append(page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(performance.now())))"))
        else:
            times.append(page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(performance.now())))"))
        context.close()
    return statistics.median(times)


def pan_frame_ms(browser, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
    page = context.new_page()
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body.ready")
    page.click("#zoom-in")
    page.mouse.move(600, 400)
    page.mouse.down()
    page.evaluate("""() => { window.frames_ = []; let last = performance.now();
        const tick = t => { window.frames_.push(t - last); last = t; if (window.frames_.length < 400) requestAnimationFrame(tick); };
        requestAnimationFrame(tick); }""")
    start = page.evaluate("() => window.frames_.length")
    for i in range(120):
        page.mouse.move(600 - 2 * i, 400 - i)
    page.mouse.up()
    frames = page.evaluate(f"() => window.frames_.slice({start} + 1)")
    context.close()
    frames = [f for f in frames if f > 0] or [0]
    return statistics.mean(frames), max(frames)


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    print("| network | nodes | page size | page: navigation → interactive (median of 5) | SVG alone: navigation → drawn | ratio | pan: mean / worst frame |")
    print("|---|---|---|---|---|---|---|")
    for argument in sys.argv[1:]:
        name, files = argument.split("=", 1)
        html, _, svg = files.partition(",")
        html = pathlib.Path(html)
        context = browser.new_context(offline=True)
        page = context.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_selector("body.ready")
        nodes = page.evaluate("() => JSON.parse(document.getElementById('netmap-data').textContent).nodes.length")
        context.close()
        page_ms = load_ms(browser, html, True)
        svg_ms = load_ms(browser, pathlib.Path(svg), False) if svg else None
        mean, worst = pan_frame_ms(browser, html)
        size = html.stat().st_size / 1e6
        ratio = f"{page_ms / svg_ms:.1f}×" if svg_ms else "–"
        svg_text = f"{svg_ms:.0f} ms" if svg_ms else "–"
        print(f"| {name} | {nodes} | {size:.2f} MB | {page_ms:.0f} ms | {svg_text} | {ratio} | {mean:.1f} / {worst:.1f} ms |")
    browser.close()
