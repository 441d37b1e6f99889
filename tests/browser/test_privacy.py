"""Nothing a reader types leaves their browser, and what it keeps there, they can clear."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    PAGES,
    Visit,
    open_live,
    open_settled,
    page_paths,
    wait_until_kept,
)
from tests.support.rig import Site, saved_for_offline

pytestmark = pytest.mark.browser

# Every violation of the page's Content-Security-Policy, recorded as it happens.
RECORD_VIOLATIONS = """
  window.violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
"""


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "meta" and attr.get("http-equiv") == "Content-Security-Policy":
            self.policies.append(attr.get("content") or "")


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def test_every_page_limits_connections_to_the_site(site: Site) -> None:
    """Each built page carries one policy whose connect-src is the site's own origin only."""
    pages = site.pages()
    assert len(pages) > 10
    for page in pages:
        parser = _Meta()
        parser.feed(page.read_text(encoding="utf-8"))
        assert len(parser.policies) == 1, page
        policy = directives(parser.policies[0])
        assert policy["connect-src"] == ["'self'"], page
        assert policy["default-src"] == ["'self'"], page


def test_no_page_requests_another_host(visit: Visit) -> None:
    """Walking every page, calculators loaded, fetches nothing from any other host."""
    for path in page_paths(visit.site):
        open_settled(visit, path)
    visit.page.wait_for_load_state("networkidle")
    # The calculators' runtime was among them (its WebAssembly may come straight from
    # the offline copy, which the service worker saved from the site's own files).
    assert visit.fetched("pyodide.mjs") >= 1
    assert visit.foreign_requests() == []


def test_the_policy_refuses_connections_elsewhere(visit: Visit) -> None:
    """The policy is in force: a fetch to another origin is refused before it leaves."""
    visit.page.add_init_script(RECORD_VIOLATIONS)
    visit.open(PAGES["walk"])
    elsewhere = "http://127.0.0.2:9/collect"
    outcome = visit.page.evaluate(
        "(url) => fetch(url).then(() => 'sent', () => 'refused')", elsewhere
    )
    assert outcome == "refused"
    assert visit.page.evaluate("window.violations") == [f"connect-src {elsewhere}"]
    assert elsewhere not in visit.requests


def test_calculators_work_under_the_policy(visit: Visit) -> None:
    """All three calculators load and recompute with no policy violation and no console error."""
    visit.page.add_init_script(RECORD_VIOLATIONS)
    typed = {"runway": ("savings", "42000"), "walk": ("offer", "150000")}
    typed["total-comp"] = ("offers[0].base", "190000")
    for name, (field, value) in typed.items():
        open_live(visit, name)
        calc = visit.page.locator(f'.wa-calc[data-calculator="{name}"]')
        calc.locator(f'[name="{field}"]').fill(value)
        expect(calc.locator(".wa-output")).to_contain_text(f"{int(value):,}", timeout=10_000)
        assert visit.page.evaluate("window.violations") == [], name
    assert visit.console_errors == []


def use_two_calculators(page: Page, visit: Visit) -> None:
    """Type distinctive numbers into runway and walk, and wait until both are saved."""
    open_live(visit, "runway")
    runway = page.locator('.wa-calc[data-calculator="runway"]')
    runway.get_by_label("Savings", exact=True).fill("31415")
    expect(runway.locator(".wa-output")).to_contain_text("$31,415", timeout=10_000)
    wait_until_kept(page, "runway", "31415")
    open_live(visit, "walk")
    walk = page.locator('.wa-calc[data-calculator="walk"]')
    walk.get_by_label("Your floor", exact=True).fill("171828")
    expect(walk.locator(".wa-output")).to_contain_text("$171,828", timeout=10_000)
    wait_until_kept(page, "walk", "171828")


STORAGE = """() => ({
  local: Object.entries(localStorage),
  session: Object.entries(sessionStorage),
  cookie: document.cookie,
})"""


def test_no_cookies_are_set(visit: Visit) -> None:
    """Reading and using the calculators sets no cookie at all."""
    use_two_calculators(visit.page, visit)
    assert visit.page.context.cookies() == []
    assert visit.page.evaluate("document.cookie") == ""


def test_saved_numbers_stay_under_the_sites_own_keys(visit: Visit) -> None:
    """Typed numbers are kept only in localStorage under walkaway: keys, nowhere else."""
    use_two_calculators(visit.page, visit)
    stored = visit.page.evaluate(STORAGE)
    ours = [key for key, _ in stored["local"] if key.startswith("walkaway:")]
    assert sorted(ours) == [
        "walkaway:inputs:runway",
        "walkaway:inputs:walk",
        "walkaway:result:runway",
        "walkaway:result:walk",
    ]
    elsewhere = [value for key, value in stored["local"] if not key.startswith("walkaway:")]
    elsewhere += [value for _, value in stored["session"]]
    assert not [value for value in elsewhere if re.search("31415|171828", value)]
    assert visit.page.evaluate("(async () => (await indexedDB.databases()).length)()") == 0


# Everything the service worker saved for reading offline, once it is in charge:
# each entry's address, and the SHA-256 of its body.
SAVED = """async () => {
  await navigator.serviceWorker.ready;
  const hex = (buffer) =>
    [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const saved = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      const sha256 = hex(await crypto.subtle.digest("SHA-256", body));
      saved.push({ cache: name, url: request.url, sha256 });
    }
  }
  return saved;
}"""


def test_the_offline_copy_holds_only_the_sites_own_files(visit: Visit) -> None:
    """What the service worker saves is the site's published files, byte for byte, under
    their own addresses (no query, no fragment): nothing the reader typed, no answer."""
    use_two_calculators(visit.page, visit)
    saved = visit.page.evaluate(SAVED)
    assert saved, "the service worker saved the guide for reading offline"
    for entry in saved:
        assert entry["cache"].startswith("walkaway-")
        path = entry["url"].removeprefix(visit.site.url)
        assert entry["url"].startswith(visit.site.url), entry["url"]
        assert "?" not in path, path
        assert "#" not in path, path
        page = "index.html" if path.endswith("/") or not path else ""
        published = visit.site.directory / path / page
        assert hashlib.sha256(published.read_bytes()).hexdigest() == entry["sha256"], path


def test_clear_my_numbers_forgets_every_calculator(visit: Visit) -> None:
    """Clearing my numbers on one calculator removes the saved numbers of every calculator."""
    use_two_calculators(visit.page, visit)
    walk = visit.page.locator('.wa-calc[data-calculator="walk"]')
    walk.get_by_role("button", name="Clear my numbers").click()
    stored = visit.page.evaluate(STORAGE)
    assert [key for key, _ in stored["local"] if key.startswith("walkaway:")] == []
    assert "#" not in visit.page.url
    visit.open(PAGES["runway"])
    runway = visit.page.locator('.wa-calc[data-calculator="runway"]')
    expect(runway.get_by_label("Savings", exact=True)).not_to_have_value("31415")
    assert "31,415" not in (runway.locator(".wa-output").text_content() or "")
    # Nor does the copy saved for reading offline bring them back.
    saved_for_offline(visit.page)
    visit.page.context.set_offline(True)
    visit.open(PAGES["runway"])
    expect(visit.page.locator(".wa-offline")).to_be_visible()
    expect(runway.get_by_label("Savings", exact=True)).not_to_have_value("31415")
    assert "31,415" not in (runway.locator(".wa-output").text_content() or "")


def test_a_fresh_browser_offers_nothing_saved(visit: Visit) -> None:
    """On a first visit the walk calculator has no runway from this browser to offer."""
    open_live(visit, "walk")
    walk = visit.page.locator('.wa-calc[data-calculator="walk"]')
    expect(walk.locator(".wa-fill")).to_be_hidden()
    assert walk.get_by_role("button", name=re.compile("Use the runway")).count() == 0
