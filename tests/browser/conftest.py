"""Chromium driven by Playwright against the built site on 127.0.0.1, and what the
browser tests share: a visit, the calculator pages, and opening them until they are live."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    Request,
    expect,
    sync_playwright,
)

from tests.support.rig import CHROMIUM_ARGS, Site, chromium_path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Visit:
    """A page in a fresh browser context, with what it logged and fetched."""

    page: Page
    site: Site
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    served_from: int = 0  # where this visit starts in the server's log

    def open(self, path: str = "") -> None:
        self.page.goto(self.site.url + path)

    def foreign_requests(self) -> list[str]:
        home = urlsplit(self.site.url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != home
        ]

    def fetched(self, ending: str) -> int:
        """How many requests the page and its workers made for a path ending so."""
        return sum(1 for url in self.requests if urlsplit(url).path.endswith(ending))

    def downloaded(self, ending: str) -> int:
        """How many times the server sent a path ending so in full during this visit
        (a request answered from the browser's cache, or with 304, downloads nothing)."""
        served = self.site.served[self.served_from :]
        return sum(1 for path, status in served if status == 200 and path.endswith(ending))


@pytest.fixture
def visit(browser: Browser, site: Site) -> Iterator[Visit]:
    """A fresh context (no saved inputs) that records console errors and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    state = Visit(page, site, served_from=len(site.served))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            state.console_errors.append(message.text)

    def on_request(request: Request) -> None:
        state.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: state.console_errors.append(str(error)))
    page.on("request", on_request)
    yield state
    context.close()


# What a calculator's status says once it recomputes as you type.
LIVE = re.compile(r"Live: the result updates as you type")
# The page of each calculator.
PAGES = {
    "total-comp": "total-compensation/",
    "walk": "when-to-walk/",
    "runway": "what-walking-costs/",
}


def open_live(visit: Visit, name: str) -> None:
    """Open a calculator page and wait until its calculator is live."""
    visit.open(PAGES[name])
    calc = visit.page.locator(f'.wa-calc[data-calculator="{name}"]')
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)


def result_words(calc: Locator) -> str:
    """A calculator's result, its words. Not ``inner_text()``: the result is laid out only
    near the viewport (``content-visibility: auto``), and off screen its ``innerText`` is
    empty, so two results would compare equal whatever they said."""
    text = calc.locator(".wa-output").text_content()
    assert text, "the result has no words"
    return text


# True once a calculator's inputs holding this text, and its result, are in this
# browser's storage: read with the page's own address.js (the module it preloads).
_KEPT = """async ([name, text]) => {
  const module = document.querySelector('link[rel="modulepreload"][href$="/address.js"]');
  const { decode, savedInputs, savedResult } = await import(module.href);
  const saved = savedInputs(name);
  if (saved === null || savedResult(name) == null) return false;
  return JSON.stringify(decode(saved)).includes(text);
}"""


def wait_until_kept(page: Page, name: str, text: str) -> None:
    """Wait until a calculator has kept numbers holding ``text``: it keeps them just after
    their answer is painted (calculator.js ``keepLater``), not as the answer shows."""
    page.wait_for_function(_KEPT, arg=[name, text], timeout=10_000)


def open_settled(visit: Visit, path: str) -> None:
    """Open a page; on a calculator page, wait until its calculator is live."""
    visit.open(path)
    calc = visit.page.locator(".wa-calc")
    if calc.count():
        calc.first.scroll_into_view_if_needed()
        expect(calc.first.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)


def page_paths(site: Site) -> list[str]:
    """Every page of the built site, as a path to open (``when-to-walk/``)."""
    paths = []
    for page in site.pages():
        relative = page.relative_to(site.directory).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths
