"""Fixtures of the report's browser tests: the reports are written once per run with the built netmap, and each
test gets a fresh page in Debian's Chromium (Playwright drives the system browser; it downloads none)."""
import os
import pathlib
import subprocess

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
NETMAP = os.environ.get("NETMAP", str(ROOT / ".build" / "debug" / "netmap"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def write_report(out_dir, name, *args):
    path = out_dir / name
    subprocess.run([NETMAP, "report", *args, "-o", str(path)], check=True, cwd=ROOT)
    return path


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return {
        "data": write_report(out, "data.html", "data"),
        "hostile": write_report(out, "hostile.html", "Tests/Fixtures/report/hostile.yaml"),
        "english": write_report(out, "english.html", "data", "--lang", "en", "--consortium", "interreg-se-no:trondelag-fk",
                                "--consortium", "interreg-aurora:trondelag-fk"),
        "at2010": write_report(out, "at2010.html", "Tests/Fixtures/report/hostile.yaml", "--at", "2010"),
        "nynorsk": write_report(out, "nynorsk.html", "data", "--lang", "nn", "--consortium", "interreg-aurora:trondelag-fk",
                                "--consortium", "interreg-npa:trondelag-fk"),
        "colors": write_report(out, "colors.html", "data/trondelag-2020.yaml", "--color-by", "country"),
        "consortium": write_report(out, "consortium.html", "data", "--consortium", "interreg-se-no:trondelag-fk",
                                   "--consortium", "interreg-aurora:trondelag-fk", "--consortium", "interreg-npa:trondelag-fk"),
    }


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


class Watched:
    """A page with everything it asked the network for, its console errors, uncaught errors and dialogs."""

    def __init__(self, page, url):
        self.page, self.url = page, url
        self.requests, self.errors, self.dialogs = [], [], []
        page.on("request", lambda request: request.url != url and self.requests.append(request.url))
        page.on("console", lambda message: message.type in ("error", "warning") and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

    def open(self):
        self.page.goto(self.url)
        self.page.wait_for_selector("body.ready")
        return self.page

    def assert_clean(self):
        assert self.requests == [], f"network requests: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs: {self.dialogs}"


@pytest.fixture
def open_report(browser, reports):
    contexts = []

    def opener(name, **context_options):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True, **context_options)
        contexts.append(context)
        watched = Watched(context.new_page(), reports[name].as_uri())
        watched.open()
        return watched

    yield opener
    for context in contexts:
        context.close()
