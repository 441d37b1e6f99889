"""Every page passes axe-core, the calculators are labelled, announced and keyboard-usable,
and nothing scrolls sideways on a phone."""

from __future__ import annotations

import re
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import (
    LIVE,
    PAGES,
    Visit,
    open_live,
    open_settled,
    page_paths,
    result_words,
)
from tests.support import ROOT
from tests.support.rig import Site

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")


def axe(page: Page, context: str = "document") -> list[str]:
    """Run axe-core on the page (or the element ``context`` selects): its serious problems."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    results: dict[str, Any] = page.evaluate(
        """(context) => axe.run(context === "document" ? document : document.querySelector(context),
                                {resultTypes: ["violations"]})""",
        context,
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


def in_scheme(page: Page, scheme: Scheme) -> None:
    """Have the browser prefer a colour scheme and wait until the theme has followed."""
    page.emulate_media(color_scheme=scheme)
    slate = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", slate)


def test_axe_finds_no_serious_problem_on_any_page(visit: Visit) -> None:
    """axe-core reports no serious or critical violation on any page, light or dark."""
    problems = {}
    for path in page_paths(visit.site):
        open_settled(visit, path)
        for scheme in SCHEMES:
            in_scheme(visit.page, scheme)
            found = axe(visit.page)
            if found:
                problems[f"{path} ({scheme})"] = found
    assert problems == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_serious_problem_in_a_calculator_showing_errors(
    visit: Visit, scheme: Scheme
) -> None:
    """With errors on its fields and its result marked stale, a calculator still passes axe."""
    open_live(visit, "runway")
    in_scheme(visit.page, scheme)
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    calc.get_by_label("Savings", exact=True).fill("lots")
    calc.get_by_label("Monthly expenses", exact=True).fill("")
    expect(calc.locator('.wa-field[data-field="monthly_expenses"] .wa-error')).to_be_visible(
        timeout=10_000
    )
    expect(calc).to_have_class(re.compile("wa-stale"))
    assert axe(visit.page, '.wa-calc[data-calculator="runway"]') == []


def test_every_field_has_a_label(visit: Visit) -> None:
    """Each input and select of every calculator, an added offer's too, has a visible label."""
    unlabelled = """(name) => [...document.querySelectorAll(
        `.wa-calc[data-calculator="${name}"] :is(input, select)`)]
      .filter((element) => ![...element.labels].some((label) => label.textContent.trim()))
      .map((element) => element.name || element.id)"""
    for name, path in PAGES.items():
        visit.open(path)
        if name == "total-comp":
            visit.page.get_by_role("button", name="Add offer").click()
        assert visit.page.evaluate(unlabelled, name) == [], name


def test_result_is_not_a_live_region(visit: Visit) -> None:
    """The result is no live region (a recompute changes dozens of its texts); one hidden
    polite region per calculator is, and the result is not busy once its answer is in."""
    open_live(visit, "runway")
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    output = calc.locator(".wa-output")
    assert output.get_attribute("aria-live") is None
    assert output.locator("[aria-live], [role=status], [role=alert]").count() == 0
    announcer = calc.locator(".wa-announce")
    assert announcer.get_attribute("aria-live") == "polite"
    assert announcer.get_attribute("aria-atomic") == "true"
    assert announcer.evaluate("(region) => region.getBoundingClientRect().width") <= 1
    assert calc.locator(".wa-status").get_attribute("role") == "status"
    calc.get_by_label("Savings", exact=True).fill("42000")
    expect(output.locator(".wa-headline")).to_contain_text("months", timeout=10_000)
    expect(output).to_contain_text("$42,000")
    expect(output).not_to_have_attribute("aria-busy", "true")


# Every change a screen reader could hear: text added to or changed in any live region
# (aria-live other than off, or a role that is live without it), wherever one appears.
# The changes a script makes in one go (a status line emptied, then written) are one.
LISTEN = """() => {
  window.heard = [];
  const live = '[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]';
  new MutationObserver((records) => {
    const regions = new Set();
    for (const record of records) {
      const node = record.target.nodeType === Node.ELEMENT_NODE
        ? record.target : record.target.parentElement;
      const region = node?.closest(live);
      if (region) regions.add(region);
    }
    for (const region of regions) {
      window.heard.push({ region: region.className, text: region.textContent });
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


def heard(page: Page) -> list[dict[str, str]]:
    return list(page.evaluate("window.heard"))


def test_typing_a_number_is_heard_once_as_the_summary(visit: Visit) -> None:
    """Typing a number of several characters into total comp's base reaches the live
    regions once, after the reader pauses: the result's summary, nothing per keystroke."""
    open_live(visit, "total-comp")
    page = visit.page
    calc = page.locator('.wa-calc[data-calculator="total-comp"]')
    base = calc.get_by_label("Base salary", exact=True).first
    base.click()
    base.press("ControlOrMeta+a")
    page.evaluate(LISTEN)
    counts = []
    for key in "187500":
        base.press(key)
        page.wait_for_timeout(250)  # the worker answers each keystroke in this time
        counts.append(len(heard(page)))
    assert counts == [0] * 6, heard(page)
    expect(calc.locator(".wa-output")).to_contain_text("$187,500", timeout=10_000)
    page.wait_for_function("() => window.heard.length > 0", timeout=5_000)
    page.wait_for_timeout(1_500)  # and nothing more comes
    summary = page.evaluate(
        """() => JSON.parse(localStorage.getItem("walkaway:result:total-comp")).summary"""
    )
    assert summary
    assert heard(page) == [{"region": "wa-announce", "text": summary}]


def test_an_error_is_heard_once(visit: Visit) -> None:
    """A field's error is heard once, after the pause, and not again while it stays the
    same; the status line says once that a field needs fixing."""
    open_live(visit, "runway")
    page = visit.page
    calc = page.locator('.wa-calc[data-calculator="runway"]')
    savings = calc.get_by_label("Savings", exact=True)
    page.evaluate(LISTEN)
    savings.fill("lots")
    error = calc.locator('.wa-field[data-field="savings"] .wa-error')
    expect(error).to_be_visible(timeout=10_000)
    message = error.text_content()
    assert message
    assert message.startswith("Savings:")
    page.wait_for_function(
        "() => window.heard.some(({ region }) => region === 'wa-announce')", timeout=5_000
    )
    savings.press_sequentially(" more", delay=100)  # the same error, keystroke by keystroke
    page.wait_for_timeout(1_800)
    said = heard(page)
    assert [h["text"] for h in said if h["region"] == "wa-announce"] == [message]
    assert [h["text"] for h in said if h["region"] != "wa-announce"] == [
        "Fix the marked field and the result will update; until then it shows your last "
        "good numbers."
    ]


def test_the_accessibility_tree_names_every_control_and_reaches_the_result(
    visit: Visit,
) -> None:
    """In the accessibility tree every control of each calculator has a name, and its
    result's headline, subheadings, tables (by caption) and chart are there to reach."""
    unnamed = re.compile(r"^\s*- (textbox|combobox|checkbox|button|spinbutton)\s*(\[.*)?:?$")
    for name in PAGES:
        open_live(visit, name)
        calc = visit.page.locator(f'.wa-calc[data-calculator="{name}"]')
        form = calc.locator("form.wa-form").aria_snapshot()
        assert "textbox" in form
        assert [line for line in form.splitlines() if unnamed.match(line)] == [], name
        output = calc.locator(".wa-output")
        tree = output.aria_snapshot()
        headline = (output.locator(".wa-headline").text_content() or "").strip()
        assert headline[:40] in tree, name
        for subhead in output.locator(".wa-subhead strong").all_text_contents():
            assert subhead in tree, (name, subhead)
        captions = output.locator("caption").all_text_contents()
        assert captions, name
        for caption in captions:
            assert output.get_by_role("table", name=caption).count() >= 1, (name, caption)
        assert output.get_by_role("img").count() == 1, name
        assert (output.get_by_role("img").get_attribute("aria-label") or "") in tree


def test_walk_works_from_the_keyboard(visit: Visit) -> None:
    """Keyboard alone: type the offer, tick a box with Space, copy the script with Enter."""
    open_live(visit, "walk")
    page = visit.page
    calc = page.locator('.wa-calc[data-calculator="walk"]')
    # Start just before the first field, as if the reader had tabbed up to the form.
    calc.locator("form.wa-form").evaluate("(form) => { form.tabIndex = -1; form.focus(); }")
    page.keyboard.press("Tab")
    offer = calc.get_by_label("The offer", exact=True)
    expect(offer).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("150000")
    expect(calc.locator(".wa-output")).to_contain_text("$150,000", timeout=10_000)
    tabs = 0
    red_flag = calc.get_by_label(re.compile("A serious red flag came up"))
    while not red_flag.evaluate("(element) => element === document.activeElement"):
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 40, "the checkbox is reachable with Tab"
    page.keyboard.press("Space")
    expect(red_flag).to_be_checked()
    expect(calc.locator(".wa-headline")).to_contain_text("Walk", timeout=10_000)
    copy = calc.get_by_role("button", name="Copy the script")
    while not copy.evaluate("(element) => element === document.activeElement"):
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 80, "the copy button is reachable with Tab"
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == calc.locator(".wa-script").text_content()
    assert copied.strip()


def test_nothing_overflows_sideways_on_a_phone(browser: Browser, site: Site) -> None:
    """At 375 px wide no page is wider than the screen."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    visit = Visit(context.new_page(), site)
    try:
        wider = {}
        for path in page_paths(site):
            visit.open(path)
            width = visit.page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if width[0] > width[1]:
                wider[path] = width
        assert wider == {}
    finally:
        context.close()


# The chart text a reader sees: each visible <text>'s rendered height, and whether it
# lies inside its chart.
CHART_TEXT = """(name) => [...document.querySelectorAll(
    `.wa-calc[data-calculator="${name}"] .wa-output svg.wa-chart`)]
  .filter((svg) => svg.getClientRects().length)
  .flatMap((svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll("text")].map((text) => {
      const box = text.getBoundingClientRect();
      return { text: text.textContent, height: box.height, inside: box.left >= frame.left - 1
        && box.right <= frame.right + 1 && box.top >= frame.top - 1
        && box.bottom <= frame.bottom + 1 };
    });
  })"""


@pytest.mark.parametrize(
    ("width", "height", "smallest"), [(390, 844, 12), (1280, 900, 11)], ids=["phone", "desktop"]
)
def test_chart_text_is_legible(
    browser: Browser, site: Site, width: int, height: int, smallest: float
) -> None:
    """On a 390 px phone every chart's text shows at least 12 px tall (the narrow drawing),
    on a desktop no smaller than before (the wide one); one drawing shows, its labels
    inside it."""
    mobile = width < 500
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile
    )
    page = context.new_page()
    try:
        for name, path in PAGES.items():
            page.goto(site.url + path)
            chart = page.locator(f'.wa-calc[data-calculator="{name}"] svg.wa-chart')
            expect(chart).to_have_count(2)
            layout = "narrow" if mobile else "wide"
            shown = chart.filter(visible=True)
            expect(shown).to_have_count(1)
            expect(shown).to_have_class(f"wa-chart wa-chart--{layout}")
            shown.scroll_into_view_if_needed()
            texts = page.evaluate(CHART_TEXT, name)
            assert texts, name
            assert [t for t in texts if t["height"] < smallest] == [], name
            assert [t for t in texts if not t["inside"]] == [], name
    finally:
        context.close()


SCROLLING_TABLES = """(selector) => [...document.querySelectorAll(
    `${selector} .md-typeset__scrollwrap`)].map((wrapper) => ({
      overflows: wrapper.scrollWidth > wrapper.clientWidth,
      focusable: wrapper.getAttribute("tabindex") === "0"
        && wrapper.getAttribute("role") === "region"
        && / \\(scrolls sideways\\)$/.test(wrapper.getAttribute("aria-label") ?? ""),
      untouched: !["tabindex", "role", "aria-label", "data-page-attrs"]
        .some((a) => wrapper.hasAttribute(a)),
    }))"""


def tables_follow(page: Page, selector: str) -> list[dict[str, bool]]:
    """Wait until every table wrapper under ``selector`` that scrolls sideways takes the
    focus as a named region and every one that fits carries none of that; the wrappers."""
    found: list[dict[str, bool]] = []
    for _ in range(50):
        found = page.evaluate(SCROLLING_TABLES, selector)
        if all(t["focusable"] if t["overflows"] else t["untouched"] for t in found):
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"table wrappers under {selector} out of step: {found}")


def test_a_result_table_that_scrolls_sideways_can_be_scrolled_with_the_keyboard(
    browser: Browser, site: Site
) -> None:
    """On a phone, the result tables too wide for it take the focus (a named region), and
    still do after a recompute and after the window changes size."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    visit = Visit(context.new_page(), site)
    output = '.wa-calc[data-calculator="total-comp"] .wa-output'
    try:
        open_live(visit, "total-comp")
        assert any(t["overflows"] for t in tables_follow(visit.page, output))
        calc = visit.page.locator('.wa-calc[data-calculator="total-comp"]')
        before = result_words(calc)
        calc.get_by_label("Base salary", exact=True).first.fill("987654321")
        expect(calc.locator(".wa-output")).not_to_have_text(before, timeout=10_000)
        assert any(t["overflows"] for t in tables_follow(visit.page, output))
        visit.page.set_viewport_size({"width": 1600, "height": 900})
        tables_follow(visit.page, output)
    finally:
        context.close()


def test_the_status_line_is_not_repeated_at_every_edit(visit: Visit) -> None:
    """The status line is a live region: a recompute that leaves it saying "Live" leaves
    it alone, so a screen reader does not read it out again at each keystroke."""
    open_live(visit, "runway")
    calc = visit.page.locator('.wa-calc[data-calculator="runway"]')
    status = calc.locator(".wa-status")
    status.evaluate(
        """(status) => {
          window.statusChanges = 0;
          new MutationObserver((records) => { window.statusChanges += records.length; })
            .observe(status, { childList: true, subtree: true, characterData: true });
        }"""
    )
    before = result_words(calc)
    calc.get_by_label("Savings", exact=True).fill("123456")
    output = calc.locator(".wa-output")
    expect(output).not_to_have_text(before, timeout=10_000)
    # aria-busy goes once the answer is in place and the status line has been told.
    expect(output).not_to_have_attribute("aria-busy", "true")
    expect(status).to_have_text(LIVE)
    assert visit.page.evaluate("window.statusChanges") == 0
