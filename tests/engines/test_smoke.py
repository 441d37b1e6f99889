"""The guide in Firefox and WebKit: a small smoke suite (the Chromium suite in
tests/browser is the deep one). Each calculator goes live and recomputes from typed
input, a tampered link shows its notice, the offline copy serves a second page, print
hides the navigation, and a browser without workers keeps the worked example."""

from __future__ import annotations

import pytest

from tests.engines.drivers import Engine, Unsupported, wait_for
from tests.support.rig import Site

pytestmark = pytest.mark.engines

# The page of each calculator, a field found by its label, what to type in it, and
# what the recomputed result then shows (the worked examples show none of these).
CALCULATORS = {
    "walk": ("when-to-walk/", "The offer", "150000", "$150,000"),
    "runway": ("what-walking-costs/", "Savings", "42000", "$42,000"),
    "total-comp": ("total-compensation/", "Base salary", "312000", "$312,000"),
}
LIVE = "Live: the result updates as you type"

# The calculator's status: its state, its status line and its result's text.
STATUS = """(name) => {
  const calc = document.querySelector(`.wa-calc[data-calculator="${name}"]`);
  if (!calc) return null;
  const squeeze = (text) => text.replace(/\\s+/g, " ").trim();
  return {
    state: calc.dataset.state ?? "",
    status: squeeze(calc.querySelector(".wa-status").textContent),
    notice: squeeze(calc.querySelector(".wa-notice")?.textContent ?? ""),
    output: squeeze(calc.querySelector(".wa-output").textContent),
  };
}"""

# A calculator starts loading Python when it scrolls into view, as a reader's would.
IN_VIEW = """(name) => {
  document.querySelector(`.wa-calc[data-calculator="${name}"]`).scrollIntoView();
}"""


def status(engine: Engine, name: str) -> dict[str, str]:
    found: dict[str, str] = engine.call(STATUS, name)
    assert found, f"{engine.name}: no {name} calculator on the page"
    return found


def go_live(engine: Engine, name: str) -> None:
    engine.call(IN_VIEW, name)
    wait_for(
        engine,
        f"(name) => ({STATUS})(name).state === 'live' || ({STATUS})(name).state === 'failed'",
        name,
        timeout=90,
        what=f"the {name} calculator live",
    )
    now = status(engine, name)
    assert now["state"] == "live", now
    assert now["status"].startswith(LIVE), now


def recomputes(engine: Engine, name: str) -> None:
    _, label, typed, shows = CALCULATORS[name]
    assert shows not in status(engine, name)["output"]
    engine.type_into(name, label, typed)
    wait_for(
        engine,
        f"(name, shows) => ({STATUS})(name).output.includes(shows)",
        name,
        shows,
        timeout=20,
        what=f"{shows} in the {name} result after typing {typed} into {label!r}",
    )


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_calculator_goes_live_and_recomputes(engine: Engine, site: Site, name: str) -> None:
    engine.open(site.url + CALCULATORS[name][0])
    go_live(engine, name)
    recomputes(engine, name)
    assert status(engine, name)["state"] == "live"


def test_tampered_link_shows_its_notice(engine: Engine, site: Site) -> None:
    """A link the page could not have made opens on the example, with a notice."""
    engine.open(site.url + "when-to-walk/#walk=@@not*base64@@")
    wait_for(
        engine,
        f"() => ({STATUS})('walk').notice.includes(\"link's numbers couldn't be used\")",
        timeout=30,
        what="the tampered link's notice",
    )
    assert "walk=" not in engine.call("() => location.href")


def test_offline_copy_serves_a_second_page(engine: Engine, site: Site) -> None:
    """After one visit (a calculator live, the site saved), with the server gone, another
    page opens from the saved copy, says so, and computes."""
    engine.open(site.url + "what-walking-costs/")
    if not engine.call("() => 'serviceWorker' in navigator"):
        pytest.skip(f"{engine.version} offers no service workers on {site.url}")
    go_live(engine, "runway")
    wait_for(
        engine,
        "() => navigator.serviceWorker.ready"
        ".then(() => navigator.serviceWorker.controller !== null)",
        timeout=90,
        what="the service worker in charge of the page",
    )
    site.down.set()
    try:
        # With a query the page isn't in the HTTP cache: Firefox answers the service
        # worker's network-first fetch of an address it has fetched (while precaching)
        # from that cache, heuristically fresh, as a page online; the worker ignores
        # the query and serves its saved copy once the fetch fails.
        engine.open(site.url + "when-to-walk/?second-page")
        wait_for(
            engine,
            "() => document.querySelector('.wa-offline')?.textContent.includes(\"You're offline\")",
            timeout=30,
            what="the saved copy's notice",
        )
        go_live(engine, "walk")
        recomputes(engine, "walk")
    finally:
        site.down.clear()


# Applies the print rules (every `@media print` block of the site's stylesheets) to the
# screen, in the engine's own cascade, and reports what is then displayed. Nothing is
# printed: this checks the engine reads the print rules and that nothing of ours
# overrides them.
AS_PRINTED = """() => {
  const shown = (selector) => {
    const element = document.querySelector(selector);
    return element !== null && getComputedStyle(element).display !== "none";
  };
  const seen = () => ({
    header: shown(".md-header"),
    navigation: shown(".md-sidebar--primary"),
    footer: shown(".md-footer"),
    calculator: shown(".wa-calc .wa-output"),
  });
  const before = seen();
  let rules = 0;
  const visit = (list) => {
    for (const rule of list) {
      if (rule instanceof CSSMediaRule && [...rule.media].includes("print")) {
        rule.media.mediaText = "all";
        rules += 1;
      }
      if (rule.cssRules) visit(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) visit(sheet.cssRules);
  return { before, rules, after: seen() };
}"""


def test_print_hides_the_navigation(engine: Engine, site: Site) -> None:
    engine.open(site.url + "when-to-walk/")
    printed = engine.call(AS_PRINTED)
    assert printed["before"] == dict.fromkeys(printed["before"], True), printed
    assert printed["rules"] > 10, printed
    assert printed["after"] == {
        "header": False,
        "navigation": False,
        "footer": False,
        "calculator": True,
    }, printed


def test_without_workers_the_worked_example_stays(engine: Engine, site: Site) -> None:
    """An engine without workers (hidden here before the page's scripts run): the
    prerendered result stays, and the status line says the calculator can't recompute."""
    try:
        engine.before_page_scripts("delete window.Worker;")
    except Unsupported as reason:
        pytest.skip(f"{engine.version}: {reason}")
    engine.open(site.url + "when-to-walk/")
    assert engine.call("() => typeof Worker") == "undefined"
    built = engine.call(
        """async () => {
          const html = await (await fetch(location.href)).text();
          const page = new DOMParser().parseFromString(html, "text/html");
          return page.querySelector('.wa-calc[data-calculator="walk"] .wa-output')
            .textContent.replace(/\\s+/g, " ").trim();
        }"""
    )
    engine.call(IN_VIEW, "walk")
    engine.type_into("walk", "The offer", "150000")
    now = status(engine, "walk")
    assert now["state"] == "unavailable", now
    assert now["status"].startswith("This browser can't run WebAssembly in a worker"), now
    assert "worked example for the numbers shown" in now["status"], now
    assert now["output"] == built
    assert "$150,000" not in now["output"]
