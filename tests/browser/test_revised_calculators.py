"""The revised calculators in Chromium: stock options in total comp, unrated roles in walk."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit, open_live

pytestmark = pytest.mark.browser


def test_choosing_options_shows_their_fields_and_computes_the_spread(visit: Visit) -> None:
    """Stock options bring their three fields and hide the grant's; the result shows the
    spread and the cash to exercise, and the hidden grant is never sent."""
    open_live(visit, "total-comp")
    calc = visit.page.locator('.wa-calc[data-calculator="total-comp"]')
    item = calc.locator('.wa-item[data-index="1"]')
    grant = item.locator('input[name="offers[1].equity_grant"]')
    count = item.locator('input[name="offers[1].options_count"]')
    expect(grant).to_be_visible()
    expect(count).to_be_hidden()
    item.locator('select[name="offers[1].equity_type"]').select_option("options")
    expect(grant).to_be_hidden()
    expect(count).to_be_visible()
    count.fill("20000")
    item.locator('input[name="offers[1].strike_price"]').fill("2")
    item.locator('input[name="offers[1].share_price"]').fill("10")
    output = calc.locator(".wa-output")
    expect(output).to_contain_text("cash to exercise the options", timeout=10_000)
    # The page's second offer vests 5/15/40/40: so does the cash to exercise.
    expect(output).to_contain_text("year 1: $2,000, year 2: $6,000, year 3: $16,000")
    # The grant (still typed in its hidden box) is left out: no error on a field the
    # reader can't see.
    expect(calc.locator(".wa-error:not([hidden])")).to_have_count(0)
    assert visit.console_errors == []


def test_options_fields_are_hidden_without_javascript(visit: Visit) -> None:
    """With scripts off, the form still makes sense: the options fields stay hidden
    until options are chosen (CSS alone does it)."""
    context = visit.page.context.browser
    assert context is not None
    page = context.new_page(java_script_enabled=False)
    page.goto(visit.site.url + "total-compensation/")
    item = page.locator('.wa-item[data-index="1"]')
    expect(item.locator('input[name="offers[1].options_count"]')).to_be_hidden()
    item.locator('select[name="offers[1].equity_type"]').select_option("options")
    expect(item.locator('input[name="offers[1].options_count"]')).to_be_visible()
    expect(item.locator('input[name="offers[1].equity_grant"]')).to_be_hidden()
    page.close()


def test_an_unrated_role_above_the_floor_counters_once_then_accepts(visit: Visit) -> None:
    """Leaving every rating unrated with an offer above the floor: counter once, then
    accept, and the result says the role wasn't rated."""
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    for name in ("scope", "manager", "team", "growth", "location", "equity_quality"):
        calc.locator(f'select[name="{name}"]').select_option("")
    calc.locator('input[name="target"]').fill("")
    calc.locator('input[name="runway_months"]').fill("")
    calc.locator('input[name="floor"]').fill("180000")
    calc.locator('input[name="offer"]').fill("190000")
    verdict = calc.locator(".wa-verdict")
    expect(verdict).to_have_text("Counter, then accept", timeout=10_000)
    expect(calc.locator(".wa-headline")).to_contain_text("the role isn't rated")
    expect(calc.locator(".wa-script")).to_contain_text("$200,000")
    assert visit.console_errors == []
