"""Chromium driven by Playwright against the built site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, sync_playwright

from tests.support import CHROMIUM_ARGS, Site, chromium_path


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
        return sum(1 for url in self.requests if urlsplit(url).path.endswith(ending))


@pytest.fixture
def visit(browser: Browser, site: Site) -> Iterator[Visit]:
    """A fresh context (no saved inputs) that records console errors and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    state = Visit(page, site)

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
