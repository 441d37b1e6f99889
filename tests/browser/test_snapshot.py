"""The worker restores the build's memory snapshot, and boots plainly when it can't."""

from __future__ import annotations

import gzip

import pytest
from playwright.sync_api import Route, expect

from tests.browser.conftest import Visit, open_live

pytestmark = pytest.mark.browser


def recompute_savings(visit: Visit) -> None:
    """Open the runway calculator, wait until it is live, and check that it recomputes."""
    open_live(visit, "runway")
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    calc.get_by_label("Savings", exact=True).fill("48000")
    expect(calc.locator(".wa-output")).to_contain_text("$48,000", timeout=10_000)


def test_calculator_starts_from_the_snapshot(visit: Visit) -> None:
    """A live calculator came from the snapshot: no package zip, no standard library fetched."""
    recompute_savings(visit)
    assert visit.downloaded("calculators.snapshot.gz") == 1  # hinted early, restored once
    assert visit.fetched("calculators.zip") == 0
    assert visit.fetched("python_stdlib.zip") == 0
    assert visit.console_errors == []


def test_calculator_boots_plainly_when_the_snapshot_does_not_restore(visit: Visit) -> None:
    """A snapshot that isn't one (say, stale after an upgrade) costs time, never the calculator."""

    def broken(route: Route) -> None:
        route.fulfill(body=gzip.compress(b"not a snapshot" * 100), content_type="application/gzip")

    visit.page.route("**/calculators.snapshot.gz", broken)
    recompute_savings(visit)
    assert visit.fetched("calculators.zip") == 1
    assert visit.fetched("python_stdlib.zip") == 1
    assert visit.console_errors == []
