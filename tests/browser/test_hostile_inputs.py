"""Junk typed into the calculators, markup in their text fields, and tampered links."""

from __future__ import annotations

import base64
import itertools
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from calculators.api import run
from tests.browser.conftest import LIVE, PAGES, Visit, open_live
from tests.support.rig import Site

pytestmark = pytest.mark.browser

# What people paste or fat-finger into a box: each goes into every text field.
GARBAGE = [
    "lots",
    "1e400",
    "-5",
    "NaN",
    "∞",
    "💸🔥",
    "9" * 10_000,
    "<img src=x onerror=\"window.pwned = 'img'\"><script>window.pwned = 'script'</script>",
    "",
]
PAYLOAD = "<img src=x onerror=\"window.pwned = 'img'\"><b>Evil</b> Co"

# The whole calculator as plain data: what each box holds, which errors show,
# the result's markup and how it is marked.
SNAPSHOT = """(name) => {
  const calc = document.querySelector(`.wa-calc[data-calculator="${name}"]`);
  const values = {};
  for (const element of calc.querySelector("form.wa-form").elements) {
    if (!element.name) continue;
    values[element.name] = element.type === "checkbox" ? element.checked : element.value;
  }
  const errors = {};
  for (const field of calc.querySelectorAll(".wa-field")) {
    const slot = field.querySelector(".wa-error");
    if (!slot.hidden) errors[field.dataset.field] = slot.textContent;
  }
  return {
    values,
    errors,
    output: calc.querySelector(".wa-output").innerHTML,
    // Its words: textContent, since innerText is empty while the result is off
    // screen (it is laid out only near the viewport: content-visibility).
    text: calc.querySelector(".wa-output").textContent.replace(/\\s+/g, " ").trim(),
    stale: calc.classList.contains("wa-stale"),
    state: calc.dataset.state,
    pwned: window.pwned ?? null,
  };
}"""


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """Form field names (``offers[1].base``) back into the nested inputs the page sends."""
    inputs: dict[str, Any] = {}
    for name, value in flat.items():
        keys = re.findall(r"[^.[\]]+", name)
        node: Any = inputs
        for key, following in itertools.pairwise(keys):
            slot: Any = int(key) if key.isdigit() else key
            if isinstance(node, list):
                while len(node) <= slot:
                    node.append({})
                node = node[slot]
            else:
                node = node.setdefault(slot, [] if following.isdigit() else {})
        last = keys[-1]
        if isinstance(node, list):
            while len(node) <= int(last):
                node.append({})
            node[int(last)] = value
        else:
            node[last] = value
    return inputs


def snapshot(page: Page, name: str) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(SNAPSHOT, name)
    return result


def settle(calc: Locator) -> None:
    """Wait until the answer for the last edit is in place, and the frame after it, where
    the page sets its wide tables' scrolling attributes (tables.js)."""
    expect(calc.locator(".wa-output")).not_to_have_attribute("aria-busy", "true")
    calc.page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def text_fields(page: Page, name: str) -> list[str]:
    """The text boxes a reader sees in a calculator; for total-comp, those of its second offer
    (the stock-option fields show only once options are chosen)."""
    names: list[str] = page.evaluate(
        """(name) => [...document.querySelectorAll(
             `.wa-calc[data-calculator="${name}"] form.wa-form input[type=text][name]`)]
           .filter((element) => element.checkVisibility())
           .map((element) => element.name)""",
        name,
    )
    return [field for field in names if not field.startswith("offers[0]")]


@pytest.mark.parametrize("name", list(PAGES))
def test_garbage_in_each_field_shows_its_error_and_keeps_the_rest(visit: Visit, name: str) -> None:
    """Junk in any field: its own error, other fields untouched, last result kept, then back."""
    page = visit.page
    open_live(visit, name)
    calc = page.locator(f'.wa-calc[data-calculator="{name}"]')
    start = snapshot(page, name)
    fields = text_fields(page, name)
    assert len(fields) >= 5
    refused: dict[str, int] = {}
    good_output = start["output"]  # the result last computed from valid inputs
    for field in fields:
        box = calc.locator(f'[name="{field}"]')
        for junk in GARBAGE:
            box.fill(junk)
            settle(calc)
            now = snapshot(page, name)
            assert now["values"] == {**start["values"], field: junk}, (field, junk[:20])
            answer = run(name, nest(now["values"]))
            if answer["ok"]:
                assert now["errors"] == {}, (field, junk[:20])
                assert (now["state"], now["stale"]) == ("live", False), (field, junk[:20])
                good_output = now["output"]
                continue
            refused[field] = refused.get(field, 0) + 1
            problems = answer["errors"]
            assert isinstance(problems, list)
            assert set(now["errors"]) == {p["field"] for p in problems}, (field, junk[:20])
            assert field in now["errors"], (field, junk[:20])
            assert (now["state"], now["stale"]) == ("stale", True), (field, junk[:20])
            assert now["output"] == good_output, (field, junk[:20])
        box.fill(start["values"][field])
        settle(calc)
        back = snapshot(page, name)
        assert back["values"] == start["values"]
        assert back["errors"] == {}
        assert (back["state"], back["stale"]) == ("live", False), field
        # The same words as the page's own example (Material wraps the prerendered
        # result's tables once more, so the markup itself differs slightly).
        assert back["text"] == start["text"], field
        good_output = back["output"]
    assert set(refused) == set(fields), "every field refuses some of the junk"
    assert snapshot(page, name)["pwned"] is None
    assert visit.console_errors == []


def test_offer_names_with_markup_show_as_text(visit: Visit) -> None:
    """An offer named with markup appears as those characters in the result, chart and titles."""
    page = visit.page
    open_live(visit, "total-comp")
    calc = page.locator('.wa-calc[data-calculator="total-comp"]')
    calc.locator('input[name="offers[1].name"]').fill(PAYLOAD)
    calc.locator('input[name="offers[1].equity_grant"]').fill("800000")
    calc.locator('input[name="offers[1].vesting"]').fill("5/15/40/40")
    output = calc.locator(".wa-output")
    expect(output.locator(".wa-headline")).to_contain_text(PAYLOAD, timeout=10_000)
    assert output.locator("img, b, script").count() == 0
    chart = output.locator("svg.wa-chart").first
    assert PAYLOAD in (chart.get_attribute("aria-label") or "")
    assert any(PAYLOAD in title for title in chart.locator("title").all_text_contents())
    assert any(PAYLOAD in c for c in output.locator("caption").all_text_contents())
    assert any(PAYLOAD in t for t in output.locator(".admonition-title").all_text_contents())
    assert page.evaluate("window.pwned ?? null") is None
    assert visit.console_errors == []


def test_gut_signal_with_markup_shows_as_text_in_the_script(visit: Visit) -> None:
    """A gut signal with markup is quoted as text in the reasons and the copied script."""
    page = visit.page
    open_live(visit, "walk")
    calc = page.locator('.wa-calc[data-calculator="walk"]')
    calc.locator('input[name="offer"]').fill("150000")
    calc.get_by_label("My gut says don't take it, and I can say why").check()
    calc.get_by_label("Your gut signal, in words").fill(PAYLOAD + " lied about the scope")
    script = calc.locator(".wa-script")
    expect(script).to_contain_text(PAYLOAD, timeout=10_000)
    expect(calc.locator(".wa-output")).to_contain_text(f"Your gut says don't take it: {PAYLOAD}")
    assert calc.locator(".wa-output").locator("img, b, script").count() == 0
    settle(calc)  # the answer for the last edit is in place: nothing replaces the button now
    copy = calc.locator('[data-action="copy-script"]')
    copy.click()
    expect(copy).to_have_text("Copied")  # the clipboard holds the script from here on
    assert PAYLOAD in page.evaluate("navigator.clipboard.readText()")
    assert page.evaluate("window.pwned ?? null") is None
    assert visit.console_errors == []


def link(inputs: str | bytes) -> str:
    """A walk link whose fragment carries these bytes, encoded as the page encodes them."""
    raw = inputs.encode() if isinstance(inputs, str) else inputs
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class _Example(HTMLParser):
    """The walk page as built: its form's values and its result's text."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, object] = {}
        self.text: list[str] = []
        self._select = ""
        self._form = False  # inside the calculator's form
        self._depth = 0  # inside the result: how many divs deep

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        name = attr.get("name") or ""
        if tag == "form":
            self._form = "wa-form" in (attr.get("class") or "")
        if not self._form:
            pass
        elif tag == "input" and name:
            checkbox = attr.get("type") == "checkbox"
            self.values[name] = "checked" in attr if checkbox else attr.get("value") or ""
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attr:
            self.values[self._select] = attr.get("value") or ""
        if tag == "div" and (self._depth or "wa-output" in (attr.get("class") or "")):
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = False
        elif tag == "select":
            self._select = ""
        elif tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text.append(data)


def built_example(site: Site) -> tuple[dict[str, object], str]:
    """The walk calculator's example as the build wrote it: form values and result text."""
    parser = _Example()
    parser.feed((site.directory / PAGES["walk"] / "index.html").read_text(encoding="utf-8"))
    return parser.values, " ".join("".join(parser.text).split())


def shown_example(page: Page) -> tuple[dict[str, object], str]:
    now = snapshot(page, "walk")
    text = page.locator('.wa-calc[data-calculator="walk"] .wa-output').text_content() or ""
    return now["values"], " ".join(text.split())


# Fragments no page of this site writes: each must leave the example in place.
TAMPERED = {
    "bad base64": "@@not*base64@@",
    "bad UTF-8": link(b'{"floor": "\xff\xfe"}'),
    "not JSON": link("floor=170000"),
    "a JSON array": link('["170000"]'),
    "JSON null": link("null"),
    "an unknown field": link('{"salary": "170000"}'),
    "a number too large for JavaScript": link('{"floor": 1e400}'),
    "a huge link": link(json.dumps({"floor": "9" * 30_000})),
    "an object for a number": link('{"floor": {"value": "170000"}}'),
    "yes/no for a number": link('{"floor": true}'),
    "text for a yes/no": link('{"other_options": "definitely"}'),
    "a rating off the scale": link('{"scope": "9"}'),
}


@pytest.mark.parametrize("fragment", TAMPERED.values(), ids=list(TAMPERED))
def test_tampered_link_shows_the_example_with_a_notice(visit: Visit, fragment: str) -> None:
    """A link the page could not have made opens on the example numbers, with a short notice."""
    visit.open(PAGES["walk"] + "#walk=" + fragment)
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    expect(calc.locator(".wa-notice")).to_have_text(re.compile("link's numbers couldn't be used"))
    assert shown_example(visit.page) == built_example(visit.site)
    assert snapshot(visit.page, "walk")["errors"] == {}
    assert "walk=" not in visit.page.url
    assert visit.console_errors == []


@pytest.mark.parametrize(
    "inputs", [{"floor": "lots"}, {"floor": "9" * 400}, {"offer": "-5"}], ids=str
)
def test_link_whose_numbers_dont_compute_shows_the_example(visit: Visit, inputs: object) -> None:
    """A well-formed link with values the calculator refuses falls back to the example."""
    visit.open(PAGES["walk"] + "#walk=" + link(json.dumps(inputs)))
    page = visit.page
    calc = page.locator('.wa-calc[data-calculator="walk"]')
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".wa-notice")).to_have_text(
        re.compile("link's numbers couldn't be used"), timeout=60_000
    )
    expect(calc.locator(".wa-status")).to_have_text(LIVE)
    assert shown_example(page) == built_example(visit.site)
    now = snapshot(page, "walk")
    assert (now["errors"], now["stale"]) == ({}, False)
    assert "walk=" not in page.url
    # The calculator still works, and the notice goes once the reader types.
    calc.locator('input[name="offer"]').fill("150000")
    expect(calc.locator(".wa-output")).to_contain_text("$150,000", timeout=10_000)
    expect(calc.locator(".wa-notice")).to_be_hidden()
    assert visit.console_errors == []


def test_corrupted_saved_data_is_ignored(visit: Visit) -> None:
    """Unreadable data under this site's storage keys leaves the example, without errors."""
    visit.page.add_init_script(
        """if (!sessionStorage.getItem("seeded")) {
             sessionStorage.setItem("seeded", "1");
             localStorage.setItem("walkaway:inputs:walk", "%%%");
             localStorage.setItem("walkaway:result:runway", "{not json");
           }"""
    )
    open_live(visit, "walk")
    calc = visit.page.locator('.wa-calc[data-calculator="walk"]')
    assert calc.locator(".wa-notice").count() == 0
    assert calc.get_by_role("button", name=re.compile("Use the runway")).is_hidden()
    saved = "Object.keys(localStorage).filter((key) => key.startsWith('walkaway:'))"
    assert visit.page.evaluate(saved) == []
    assert visit.console_errors == []
