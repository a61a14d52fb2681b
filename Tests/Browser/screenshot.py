"""Screenshots of a report page in Debian's Chromium (offline): `python3 screenshot.py PAGE.html OUT.png [--select QUERY]`.
Used by `make demo` (out/report.png) and for docs/img."""
import argparse
import pathlib

from playwright.sync_api import sync_playwright

parser = argparse.ArgumentParser()
parser.add_argument("page")
parser.add_argument("png")
parser.add_argument("--select", help="search for this text and open the first match before the screenshot")
parser.add_argument("--width", type=int, default=1280)
parser.add_argument("--height", type=int, default=800)
parser.add_argument("--full-page", action="store_true")
parser.add_argument("--chromium", default="/usr/bin/chromium")
args = parser.parse_args()

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
    context = browser.new_context(viewport={"width": args.width, "height": args.height}, offline=True)
    page = context.new_page()
    page.goto(pathlib.Path(args.page).resolve().as_uri())
    page.wait_for_selector("body.ready")
    if args.select:
        page.fill("#search", args.select)
        page.press("#search", "Enter")
        page.wait_for_timeout(100)
    page.screenshot(path=args.png, full_page=args.full_page)
    browser.close()
