"""WebKit's figure: a cold visit to the first calculator page until live, and a cold
bare Pyodide boot, in WebKitGTK (the engine of every browser on an iPhone), driven as
the engines' smoke suite drives it (``tests/engines/drivers.py``: Selenium and
WebKitWebDriver on an Xvfb screen of its own).

Classic WebDriver can't run a script before a page's own, so instrument.js can't go
in: the page is opened with the "none" load strategy (the driver returns at once), a
script polls until the calculator's markup is parsed, and another then scrolls the
calculator into view (it starts when seen, as instrument.js makes it) and notes, on the
page's clock, when its status first says "Live". A visit where it already did is
flagged ``late`` (its time is then an upper bound). The bare page notes its own time.

Not "eager": with it, WebKitWebDriver makes a script wait for the navigation it thinks
still pending, and on the calculator's page (Material's bundle and the calculator both
running) that wait sometimes lasted until the page-load timeout though the page had
long loaded (``document.readyState`` "complete", the calculator live), one visit in two
or more on this machine; the same scripts answered at once in a page that had no
calculator or no Material. The "none" strategy makes no such wait.
"""

from __future__ import annotations

import os
from typing import Any

from benchmarks.server import byte_split
from benchmarks.visits import BARE_PAGE, FIRST, TIMEOUT_MS, VIEWPORT, Rig, until
from tests.engines.drivers import WebKit

_PARSED = """
return document.readyState !== "loading"
  && document.querySelector(`.wa-calc[data-calculator="${arguments[0]}"] .wa-status`) !== null
  ? true : null;
"""

_WATCH = """
const calc = document.querySelector(`.wa-calc[data-calculator="${arguments[0]}"]`);
const status = calc.querySelector(".wa-status");
const live = () => status.textContent.startsWith("Live:");
window.webkitBench = { late: live(), live: null };
const note = () => {
  if (window.webkitBench.live === null && live()) window.webkitBench.live = performance.now();
};
new MutationObserver(note).observe(status, { subtree: true, childList: true, characterData: true });
calc.scrollIntoView();
note();
"""

_ENGINES: dict[int, WebKit] = {}  # the rig's WebKit (its Xvfb screen), started once


def _webkit(rig: Rig) -> WebKit:
    if id(rig) not in _ENGINES:
        _ENGINES[id(rig)] = WebKit()
    return _ENGINES[id(rig)]


def stop() -> None:
    """Stop every WebKit screen started (bench.py calls it at the end)."""
    for engine in _ENGINES.values():
        engine.quit()
    _ENGINES.clear()


def _session(rig: Rig) -> Any:
    """A fresh MiniBrowser session (ephemeral: no cache, no storage) that returns from a
    navigation at once (the "none" strategy: see above), at the engines' suite's window
    size."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    engine = _webkit(rig)
    assert engine.driver
    options = Options()
    options.page_load_strategy = "none"
    service = Service(
        executable_path=engine.driver, env={**os.environ, "DISPLAY": engine.screen.display}
    )
    session = webdriver.WebKitGTK(options=options, service=service)
    session.set_window_size(VIEWPORT["width"], VIEWPORT["height"])
    return session


def _wait(session: Any, script: str, what: str, *args: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(session, TIMEOUT_MS / 1000, poll_frequency=0.05).until(
        lambda driver: driver.execute_script(script, *args), message=what
    )


def visit(rig: Rig, subject: str) -> dict[str, Any]:
    """One cold visit in WebKit: ``bare`` or the first calculator page (``snapshot``, the
    worker's default boot): ``live_ms`` from navigation start, and the bytes sent."""
    session = _session(rig)
    try:
        rig.server.take()
        if subject == "bare":
            session.get(rig.server.url + BARE_PAGE)
            bare = _wait(session, "return window.bare ?? null", "bare Pyodide never answered")
            assert bare["value"] == 2, bare
            return {"live_ms": bare["at"], "bytes": byte_split(rig.server.take())}
        assert subject == "snapshot", subject
        session.get(rig.server.url + FIRST[0])
        _wait(session, _PARSED, "the calculator's page never parsed", FIRST[1])
        session.execute_script(_WATCH, FIRST[1])
        seen = _wait(
            session,
            "return window.webkitBench.live === null ? null : "
            "{ ...window.webkitBench, origin: performance.timeOrigin }",
            "the calculator never went live",
        )
        return {
            "live_ms": seen["live"],
            "late": seen["late"],
            "bytes_to_live": byte_split(until(rig.server.take(), seen["origin"] + seen["live"])),
            "engine": f"WebKitGTK {session.capabilities.get('browserVersion')}",
        }
    finally:
        session.quit()
