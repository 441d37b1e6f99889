"""Firefox and WebKit against the same built site the Chromium suite serves: one browser
process per engine for the session, a fresh browser state for each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.engines.drivers import Engine, Firefox, Unsupported, WebKit, start

ENGINES = ["firefox", "webkit"]


@pytest.fixture(scope="session", params=ENGINES)
def browser(request: pytest.FixtureRequest) -> Iterator[Firefox | WebKit]:
    """The engine's browser, or a skip saying why it can't be had on this machine."""
    try:
        started = start(request.param)
    except Unsupported as reason:
        pytest.skip(f"{request.param}: {reason}")
    yield started
    started.quit()


@pytest.fixture
def engine(browser: Firefox | WebKit) -> Iterator[Engine]:
    """A fresh page: no storage, no cache, no service worker from another test."""
    page = browser.fresh()
    yield page
    page.close()
