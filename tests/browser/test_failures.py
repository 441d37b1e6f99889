"""When the calculators' runtime can't load, or stops mid-session, the page holds."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, Worker, expect

from tests.browser.conftest import LIVE, PAGES, Visit, open_live

pytestmark = pytest.mark.browser

# The calculators package, in whichever form the worker boots from (a memory
# snapshot with the package imported, or the plain zip), in its build's folder.
PACKAGE = re.compile(r"/walkaway/[^/]+/calculators\.(zip|snapshot\.gz)$")
WORKER = re.compile(r"/walkaway/[^/]+/worker\.js$")
COULD_NOT_LOAD = re.compile(r"The calculator couldn't load.*still correct for the numbers it shows")
STOPPED = re.compile(r"The calculator stopped unexpectedly\. Your numbers and the last result")


def runway(page: Page) -> Locator:
    return page.locator('.wa-calc[data-calculator="runway"]')


def calculators_worker(page: Page) -> Worker:
    (worker,) = [w for w in page.workers if WORKER.search(w.url)]
    return worker


def crash(page: Page) -> None:
    """Throw inside the worker, outside any request: the page sees the worker's error event."""
    calculators_worker(page).evaluate("setTimeout(() => { throw new Error('boom'); })")


def test_package_failing_to_load_keeps_the_example_and_retry_works(visit: Visit) -> None:
    """The package failing to download: a plain message, a retry; the prerendered result stays."""
    visit.page.route(PACKAGE, lambda route: route.abort())
    visit.open(PAGES["runway"])
    calc = runway(visit.page)
    before = calc.locator(".wa-output").inner_html()
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".wa-status")).to_contain_text(COULD_NOT_LOAD, timeout=60_000)
    assert calc.locator(".wa-output").inner_html() == before
    assert "wa-stale" not in (calc.get_attribute("class") or "")
    visit.page.unroute(PACKAGE)
    calc.get_by_role("button", name="Try again").click()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)
    calc.get_by_label("Savings", exact=True).fill("42000")
    expect(calc.locator(".wa-output")).to_contain_text("$42,000", timeout=10_000)


def test_typing_while_the_runtime_is_missing_marks_the_result_stale(visit: Visit) -> None:
    """Edits made while Python can't load keep the form and say the result is for older numbers."""
    visit.page.route(PACKAGE, lambda route: route.abort())
    visit.open(PAGES["runway"])
    calc = runway(visit.page)
    before = calc.locator(".wa-output").inner_html()
    calc.get_by_label("Savings", exact=True).fill("42000")
    expect(calc.locator(".wa-status")).to_contain_text(
        "for the last numbers that worked out, not the ones in the form", timeout=60_000
    )
    expect(calc).to_have_class(re.compile("wa-stale"))
    assert calc.locator(".wa-output").inner_html() == before
    expect(calc.get_by_label("Savings", exact=True)).to_have_value("42000")
    visit.page.unroute(PACKAGE)
    calc.get_by_role("button", name="Try again").click()
    expect(calc.locator(".wa-output")).to_contain_text("$42,000", timeout=60_000)
    expect(calc).not_to_have_class(re.compile("wa-stale"))


def test_python_failing_to_download_says_so(visit: Visit) -> None:
    """No WebAssembly for Python: a plain message and a retry, not a loading bar forever."""
    visit.page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    visit.open(PAGES["runway"])
    calc = runway(visit.page)
    wasm_failed = visit.page.expect_event(
        "requestfailed", lambda request: request.url.endswith(".wasm"), timeout=60_000
    )
    with wasm_failed:
        calc.scroll_into_view_if_needed()
    # The download has failed already: saying so takes no network time.
    expect(calc.locator(".wa-status")).to_contain_text(COULD_NOT_LOAD, timeout=5_000)
    visit.page.unroute("**/pyodide.asm.wasm")
    calc.get_by_role("button", name="Try again").click()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)


def test_worker_crash_keeps_the_result_and_the_next_edit_restarts_it(visit: Visit) -> None:
    """The worker dying mid-session: a plain message, the last result kept; an edit restarts it."""
    open_live(visit, "runway")
    calc = runway(visit.page)
    calc.get_by_label("Savings", exact=True).fill("42000")
    expect(calc.locator(".wa-output")).to_contain_text("$42,000", timeout=10_000)
    last = calc.locator(".wa-output").inner_html()
    crash(visit.page)
    expect(calc.locator(".wa-status")).to_contain_text(STOPPED, timeout=10_000)
    assert calc.locator(".wa-output").inner_html() == last
    expect(calc.get_by_label("Savings", exact=True)).to_have_value("42000")
    calc.get_by_label("Savings", exact=True).fill("43000")
    expect(calc.locator(".wa-output")).to_contain_text("$43,000", timeout=60_000)
    expect(calc.locator(".wa-status")).to_have_text(LIVE)
    assert visit.console_errors == []


def test_worker_crash_then_retry_brings_the_calculator_back(visit: Visit) -> None:
    """After the worker dies, "Try again" starts a new one and the calculator is live."""
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    crash(visit.page)
    expect(calc.locator(".wa-status")).to_contain_text(STOPPED, timeout=10_000)
    calc.get_by_role("button", name="Try again").click()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)
    calc.locator('input[name="offer"]').fill("150000")
    expect(calc.locator(".wa-output")).to_contain_text("$150,000", timeout=10_000)
    assert visit.console_errors == []


def test_going_offline_after_loading_changes_nothing(visit: Visit) -> None:
    """Once loaded, the calculators need no network: offline, they still recompute."""
    open_live(visit, "runway")
    visit.page.context.set_offline(True)
    calc = runway(visit.page)
    calc.get_by_label("Savings", exact=True).fill("42000")
    expect(calc.locator(".wa-output")).to_contain_text("$42,000", timeout=10_000)
    expect(calc.locator(".wa-status")).to_have_text(LIVE)
