"""Your plan, in Chromium: numbers entered once on the plan page fill its scripts, the
scripts page and the other calculators; it prints whole without the site around it;
its calendar file downloads; total comp sends an offer to it; offline it recomputes."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import LIVE, Visit, open_live, wait_until_kept
from tests.support.rig import saved_for_offline

pytestmark = pytest.mark.browser

PLAN = "plan/"
NUMBERS = {
    "floor": "150000",
    "target": "165000",
    "anchor": "185000",
    "offer": "140000",
    "company": "Globex",
    "role": "Staff Engineer",
    "recruiter": "Priya",
    "hiring_manager": "Chen",
    "your_name": "Jordan Lee",
}


def device_date(page: Page, days: int = 0) -> datetime.date:
    """The browser's local date, `days` on."""
    text = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }"
    )
    return datetime.date(*text) + datetime.timedelta(days=days)


def open_plan(visit: Visit) -> Locator:
    visit.open(PLAN)
    calc = visit.page.locator('.wa-calc[data-calculator="plan"]')
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)
    return calc


def enter_numbers(calc: Locator, deadline: datetime.date) -> None:
    for name, value in NUMBERS.items():
        calc.locator(f'[name="{name}"]').fill(value)
    calc.locator('[name="deadline"]').fill(deadline.isoformat())
    expect(calc.locator(".wa-output")).to_contain_text("Globex", timeout=10_000)
    expect(calc).not_to_have_class(re.compile("wa-stale"))


def test_plan_starts_from_the_devices_date_and_saves_nothing_untouched(visit: Visit) -> None:
    """The example's date gives way to the device's; until the reader types, nothing is
    saved, so the other pages still show their examples."""
    calc = open_plan(visit)
    today = device_date(visit.page)
    expect(calc.locator('[name="today"]')).to_have_value(today.isoformat())
    expect(calc.locator(".wa-steps li").first).to_contain_text(f"{today:%B} {today.day}")
    saved = "Object.keys(localStorage).filter((key) => key.startsWith('walkaway:'))"
    assert visit.page.evaluate(saved) == []
    open_live(visit, "walk")
    expect(visit.page.locator('.wa-calc[data-calculator="walk"] .wa-notice')).to_be_hidden()
    assert visit.console_errors == []


def test_numbers_entered_once_fill_the_scripts_and_the_calculators(visit: Visit) -> None:
    """Plan page → the next scripts carry the numbers and names → the scripts page is
    filled from the plan → the walk calculator starts from the plan, says so, and goes
    back to its example in one click."""
    calc = open_plan(visit)
    enter_numbers(calc, device_date(visit.page, 4))
    output = calc.locator(".wa-output")
    expect(output.locator(".wa-headline")).to_contain_text("$185,000")
    now = output.locator(".wa-plan-script", has=visit.page.locator(".wa-badge"))
    expect(now).to_have_count(1)
    expect(now).to_contain_text("Priya")
    counter = output.locator("#plan-counter-by-email")
    expect(counter).to_contain_text("$185,000")
    expect(counter).to_contain_text("Jordan Lee")
    expect(counter).to_contain_text("Staff Engineer")
    expect(output.locator(".wa-steps")).to_contain_text("Globex")
    # The scripts page: the same words, filled in, and the blanks one click away.
    visit.open("scripts/")
    notice = visit.page.locator(".wa-from-plan")
    expect(notice).to_contain_text("filled in from your plan")
    filled = visit.page.locator(".wa-filled code")
    expect(filled.filter(has_text="total compensation of $185,000 a year").first).to_be_attached()
    expect(filled.filter(has_text="Hi Priya,").first).to_be_attached()
    assert visit.page.locator("pre code", has_text="[$ANCHOR]").count() == 0
    notice.get_by_role("button", name="Show the blanks instead").click()
    expect(visit.page.locator("pre code", has_text="[$ANCHOR]").first).to_be_attached()
    # A calculator with nothing of its own starts from the plan.
    open_live(visit, "walk")
    walk = visit.page.locator('.wa-calc[data-calculator="walk"]')
    expect(walk.locator('[name="floor"]')).to_have_value("150000")
    expect(walk.locator('[name="offer"]')).to_have_value("140000")
    expect(walk.locator(".wa-notice")).to_contain_text("Started from your plan")
    expect(walk.locator(".wa-output")).to_contain_text("$140,000", timeout=10_000)
    assert "walk=" not in visit.page.url  # the plan's numbers are not saved as the walk's
    walk.get_by_role("button", name="Show the worked example").click()
    expect(walk.locator('[name="floor"]')).to_have_value("180000")
    expect(walk.locator(".wa-notice")).to_be_hidden()
    assert visit.console_errors == []


def test_print_shows_the_plan_whole_without_the_site_around_it(visit: Visit) -> None:
    """Printed, the plan page has no navigation, header, footer, form or buttons, and the
    scripts its steps use show whole: no scroll box, no line cut off."""
    calc = open_plan(visit)
    page = visit.page
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    calc.get_by_role("button", name="Print my plan").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".wa-form", ".wa-status"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(calc.locator("button").first).to_be_hidden()
    expect(calc.locator(".wa-steps")).to_be_visible()
    # On paper: the scripts the plan's steps use, whole; the others stay on screen only.
    used = calc.locator(".wa-plan-script--used pre.wa-script")
    assert used.count() >= 1
    expect(used.last).to_be_visible()
    expect(calc.locator(".wa-plan-script:not(.wa-plan-script--used)").first).to_be_hidden()
    cut = page.evaluate(
        """() => [...document.querySelectorAll(
                '.wa-plan-script--used pre.wa-script, .wa-plan-script--used pre.wa-script code')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1
                || el.scrollHeight > el.clientHeight + 1)
            .length"""
    )
    assert cut == 0
    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()


def test_calendar_file_downloads_with_the_deadline(visit: Visit) -> None:
    """ "Add the deadline to my calendar" downloads the engine's iCalendar text."""
    calc = open_plan(visit)
    deadline = device_date(visit.page, 5)
    calc.locator('[name="deadline"]').fill(deadline.isoformat())
    expect(calc.locator(".wa-steps")).to_contain_text(
        f"{deadline:%B} {deadline.day}", timeout=10_000
    )
    with visit.page.expect_download() as info:
        calc.get_by_role("button", name="Add the deadline to my calendar").click()
    download = info.value
    assert download.suggested_filename == "walkaway-plan.ics"
    path = download.path()
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}\r\n" in text
    assert visit.console_errors == []


def test_total_comp_sends_an_offer_to_the_plan(visit: Visit) -> None:
    """A compared offer's average a year goes into the plan, named; "Clear my numbers"
    clears the plan with the rest."""
    open_live(visit, "total-comp")
    comp = visit.page.locator('.wa-calc[data-calculator="total-comp"]')
    comp.locator('[name="offers[0].name"]').fill("Initech")
    expect(comp.locator(".wa-output")).to_contain_text("Initech", timeout=10_000)
    wait_until_kept(visit.page, "total-comp", "Initech")
    saved = visit.page.evaluate("JSON.parse(localStorage['walkaway:result:total-comp'])")
    average = next(o["average_annual"] for o in saved["offers"] if o["name"] == "Initech")
    comp.get_by_role("button", name="Use “Initech” in my plan").click()
    expect(comp.locator(".wa-to-plan-said")).to_contain_text("now the offer in your plan")
    calc = open_plan(visit)
    assert float(calc.locator('[name="offer"]').input_value()) == average
    expect(calc.locator(".wa-output")).to_contain_text("Initech", timeout=10_000)
    calc.get_by_role("button", name="Clear my numbers").click()
    stored = "Object.keys(localStorage).filter((key) => key.startsWith('walkaway:'))"
    assert visit.page.evaluate(stored) == []
    expect(calc.locator('[name="offer"]')).to_have_value("176000")
    assert visit.console_errors == []


def test_a_share_link_carries_a_plan(browser: Browser, visit: Visit) -> None:
    """A plan's link opens the same plan in a browser that has never seen it."""
    calc = open_plan(visit)
    calc.locator('[name="company"]').fill("Hooli")
    expect(calc.locator(".wa-output")).to_contain_text("Hooli", timeout=10_000)
    expect(visit.page).to_have_url(re.compile(r"#plan="))
    link = visit.page.url
    fresh = browser.new_context()
    page = fresh.new_page()
    page.goto(link)
    restored = page.locator('.wa-calc[data-calculator="plan"]')
    expect(restored.locator('[name="company"]')).to_have_value("Hooli")
    expect(restored.locator(".wa-output")).to_contain_text("Hooli", timeout=60_000)
    fresh.close()


def test_after_one_visit_the_plan_recomputes_offline(visit: Visit) -> None:
    """Visit a calculator page online; offline, the plan page opens from the saved copy and
    recomputes."""
    open_live(visit, "runway")
    saved_for_offline(visit.page)
    visit.page.context.set_offline(True)
    calc = open_plan(visit)
    expect(visit.page.locator(".wa-offline")).to_contain_text("You're offline")
    calc.locator('[name="company"]').fill("Offline Co")
    expect(calc.locator(".wa-output")).to_contain_text("Offline Co", timeout=10_000)
    assert visit.console_errors == []
