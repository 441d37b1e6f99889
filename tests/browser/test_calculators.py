"""The three calculators, live in Chromium: typing recomputes, errors show, links restore."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LIVE, Visit, open_live, result_words, wait_until_kept

pytestmark = pytest.mark.browser


def output(visit: Visit, name: str) -> str:
    return result_words(visit.page.locator(f'.wa-calc[data-calculator="{name}"]'))


def test_runway_recomputes_as_you_type(visit: Visit) -> None:
    """Typing new savings changes the runway shown."""
    open_live(visit, "runway")
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    calc.get_by_label("Savings", exact=True).fill("60000")
    calc.get_by_label("Monthly expenses", exact=True).fill("6000")
    calc.get_by_label("Other monthly income", exact=True).fill("0")
    calc.get_by_label("Unemployment benefit a month", exact=True).fill("0")
    expect(calc.locator(".wa-headline")).to_contain_text("10 months", timeout=10_000)
    assert visit.console_errors == []
    assert visit.foreign_requests() == []


def test_walk_recomputes_as_you_type(visit: Visit) -> None:
    """Raising the offer above the floor changes the walk verdict."""
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    calc.get_by_label("The offer", exact=True).fill("150000")
    expect(calc.locator(".wa-output")).to_contain_text("$150,000", timeout=10_000)
    assert visit.console_errors == []


def test_total_comp_recomputes_and_adds_an_offer(visit: Visit) -> None:
    """Changing a base salary and adding an offer both update the comparison."""
    open_live(visit, "total-comp")
    calc = visit.page.locator('.wa-calc[data-calculator="total-comp"]')
    calc.get_by_label("Base salary", exact=True).first.fill("300000")
    expect(calc.locator(".wa-output")).to_contain_text("300,000", timeout=10_000)
    count = calc.locator(".wa-item").count()
    calc.get_by_role("button", name=re.compile("Add offer", re.I)).click()
    expect(calc.locator(".wa-item")).to_have_count(count + 1)
    calc.locator(f'input[name="offers[{count}].base"]').fill("123456")
    expect(calc.locator(".wa-output")).to_contain_text(f"Offer {count + 1}", timeout=10_000)
    assert visit.console_errors == []


def test_invalid_value_shows_its_error_and_keeps_the_last_result(visit: Visit) -> None:
    """A bad amount shows its message on that field; the last good result stays, marked stale."""
    open_live(visit, "runway")
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    before = output(visit, "runway")
    calc.locator('input[name="savings"]').fill("lots")
    error = calc.locator('.wa-field[data-field="savings"] .wa-error')
    expect(error).to_contain_text("enter an amount like", timeout=10_000)
    expect(calc).to_have_class(re.compile("wa-stale"))
    assert output(visit, "runway") == before
    calc.locator('input[name="savings"]').fill("30000")
    expect(error).to_be_hidden(timeout=10_000)
    expect(calc).not_to_have_class(re.compile("wa-stale"))


def test_reload_with_the_link_restores_inputs(visit: Visit) -> None:
    """The address keeps the inputs: opening it again shows them and their result."""
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    calc.locator('input[name="floor"]').fill("170000")
    expect(visit.page).to_have_url(re.compile(r"#walk="), timeout=10_000)
    link = visit.page.url
    fresh = visit.page.context.new_page()
    fresh.goto(link)
    expect(fresh.locator('.wa-calc[data-calculator="walk"] input[name="floor"]')).to_have_value(
        "170000"
    )


def test_second_calculator_page_needs_no_second_runtime(visit: Visit) -> None:
    """With instant navigation, the next calculator page is live without loading Python again."""
    open_live(visit, "runway")
    assert visit.downloaded("pyodide.asm.wasm") == 1
    requests = visit.fetched("pyodide.asm.wasm")
    visit.page.locator("a[href$='when-to-walk/']").first.click()
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=10_000)
    calc.locator('input[name="floor"]').fill("150000")
    expect(calc.locator(".wa-output")).to_contain_text("150,000", timeout=10_000)
    assert visit.fetched("pyodide.asm.wasm") == requests  # not even asked for again
    assert visit.downloaded("pyodide.asm.wasm") == 1
    assert visit.console_errors == []
    assert visit.foreign_requests() == []


def test_a_page_without_a_calculator_loads_no_python(visit: Visit) -> None:
    """Reading the guide loads no Python runtime at all."""
    visit.open("know-your-numbers/")
    visit.page.wait_for_load_state("networkidle")
    assert visit.fetched("pyodide.asm.wasm") == 0
    assert visit.fetched("pyodide.mjs") == 0
    assert visit.foreign_requests() == []


def test_copied_link_reproduces_the_calculation(visit: Visit) -> None:
    """The copied link opens the page with the same numbers."""
    open_live(visit, "runway")
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    calc.get_by_label("Savings", exact=True).fill("42000")
    expect(calc.locator(".wa-output")).to_contain_text("$42,000", timeout=10_000)
    calc.get_by_role("button", name="Copy a link to these numbers").click()
    link = visit.page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(visit.site.url + "what-walking-costs/#runway=")
    fresh = visit.page.context.new_page()
    fresh.goto(link)
    restored = fresh.locator('.wa-calc[data-calculator="runway"]')
    expect(restored.get_by_label("Savings", exact=True)).to_have_value("42000")


def test_clear_my_numbers_forgets_them(visit: Visit) -> None:
    """Clearing empties this browser's storage and the address, and restores the example."""
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    example = calc.get_by_label("Your floor", exact=True).input_value()
    calc.get_by_label("Your floor", exact=True).fill("123456")
    expect(visit.page).to_have_url(re.compile(r"#walk="), timeout=10_000)
    saved = "Object.keys(localStorage).filter((key) => key.startsWith('walkaway:'))"
    assert visit.page.evaluate(saved) != []
    calc.get_by_role("button", name="Clear my numbers").click()
    assert visit.page.evaluate(saved) == []
    assert "walk=" not in visit.page.url
    expect(calc.get_by_label("Your floor", exact=True)).to_have_value(example)
    visit.page.reload()
    expect(calc.get_by_label("Your floor", exact=True)).to_have_value(example)


def test_walk_takes_the_runway_from_the_runway_calculator(visit: Visit) -> None:
    """A runway worked out on one page can fill the walk calculator's runway."""
    open_live(visit, "runway")
    runway = visit.page.locator('.wa-calc[data-calculator="runway"]')
    runway.get_by_label("Savings", exact=True).fill("50000")
    expect(runway.locator(".wa-output")).to_contain_text("$50,000", timeout=10_000)
    wait_until_kept(visit.page, "runway", "50000")
    open_live(visit, "walk")
    walk = visit.page.locator('.wa-calc[data-calculator="walk"]')
    saved = visit.page.evaluate("JSON.parse(localStorage['walkaway:result:runway'])")
    button = walk.get_by_role("button", name=re.compile("Use the runway you worked out"))
    expect(button).to_contain_text(str(saved["runway_months"]))
    button.click()
    runway_field = walk.get_by_label("Your runway", exact=True)
    assert float(runway_field.input_value()) == saved["runway_months"]


def test_total_comp_works_from_the_keyboard(visit: Visit) -> None:
    """With the keyboard alone: add an offer, type its salary, and see it compared."""
    open_live(visit, "total-comp")
    calc = visit.page.locator('.wa-calc[data-calculator="total-comp"]')
    count = calc.locator(".wa-item").count()
    calc.get_by_role("button", name="Add offer").focus()
    visit.page.keyboard.press("Enter")
    expect(calc.locator(".wa-item")).to_have_count(count + 1)
    # Focus lands in the new offer: its first field is the name.
    visit.page.keyboard.type("Keyboard Co")
    visit.page.keyboard.press("Tab")
    visit.page.keyboard.type("250000")
    expect(calc.locator(".wa-output")).to_contain_text("Keyboard Co", timeout=10_000)
    expect(calc.locator(f'input[name="offers[{count}].base"]')).to_have_value("250000")


def test_page_opened_from_a_file_says_where_to_open_it(visit: Visit) -> None:
    """From file:// the calculator can't run; it says so, says where a reader can open the
    guide instead (no developer's command), and keeps its worked example."""
    visit.page.goto((visit.site.directory / "when-to-walk" / "index.html").as_uri())
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    expect(calc.locator(".wa-status")).to_contain_text("open this guide from its web address")
    expect(calc.locator(".wa-status")).not_to_contain_text("make serve")
    expect(calc.locator(".wa-output .wa-result")).to_be_visible()


def test_a_number_typed_another_way_shows_what_it_was_read_as(visit: Visit) -> None:
    """`€90.000` shows "read as 90,000" at once; `1,2,3` is an error showing how to write it;
    plain digits show no hint."""
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    floor = calc.get_by_label("Your floor", exact=True)
    hint = calc.locator('.wa-field[data-field="floor"] .wa-read')
    floor.fill("€90.000")
    expect(hint).to_have_text("read as 90,000", timeout=10_000)
    expect(hint).to_be_visible()
    offer = calc.get_by_label("The offer", exact=True)
    offer.fill("4,500/month")
    expect(calc.locator('.wa-field[data-field="offer"] .wa-read')).to_have_text("read as 54,000")
    floor.fill("1,2,3")
    error = calc.locator('.wa-field[data-field="floor"] .wa-error')
    expect(error).to_contain_text("180,000", timeout=10_000)
    expect(floor).to_have_attribute("aria-invalid", "true")
    floor.fill("95000")
    expect(error).to_be_hidden(timeout=10_000)
    expect(hint).to_be_hidden()
    assert visit.console_errors == []
