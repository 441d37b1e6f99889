"""The browser glue as published: small modules, found early on calculator pages, and a
handler for every button's action."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from tests.support import ROOT
from tests.support.answers import page_cases
from tests.support.rig import Site

pytestmark = pytest.mark.site

GLUE = ROOT / "docs" / "assets" / "walkaway"
ENTRY = GLUE / "page.js"
PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)">')
ACTION = re.compile(r'data-action="([^"]+)"')


def test_each_module_is_small_and_opens_saying_what_it_knows() -> None:
    """Every browser module is at most 400 lines and starts with a comment."""
    for path in sorted(GLUE.glob("*.js")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) <= 400, path.name
        assert lines[0].startswith("// "), path.name


def test_calculator_pages_preload_the_entry_modules_graph(site: Site, runtime: ModuleType) -> None:
    """A calculator page preloads the entry module and all it imports, no more; other pages
    preload nothing."""
    graph = runtime.module_graph(ENTRY)
    assert GLUE / "worker.js" not in graph  # the worker's modules load in the worker
    expected = {site.runtime / path.name for path in graph}  # from this build's folder
    calculator_pages = 0
    for page in site.pages():
        html = page.read_text(encoding="utf-8")
        preloaded = {(page.parent / href).resolve() for href in PRELOAD.findall(html)}
        if 'class="wa-calc"' in html:
            calculator_pages += 1
            assert preloaded == expected, page
            assert all(path.is_file() for path in preloaded)
        else:
            assert preloaded == set(), page
    assert calculator_pages == len(page_cases())  # every page with one


def test_every_buttons_action_has_a_handler(site: Site) -> None:
    """The actions named by the built forms, the results and the buttons the glue makes
    (the retry button, the way back to the example, an offer sent to the plan) are exactly
    the handlers in actions.js."""
    named = set()
    for page in site.pages():
        named |= set(ACTION.findall(page.read_text(encoding="utf-8")))
    for answer in (ROOT / "tests" / "expected").glob("*/*.answer.html"):
        named |= set(ACTION.findall(answer.read_text(encoding="utf-8")))
    for module in GLUE.glob("*.js"):
        named |= set(re.findall(r'dataset\.action = "([^"]+)"', module.read_text()))
    source = (GLUE / "actions.js").read_text(encoding="utf-8")
    handlers = set(re.findall(r'^  (?:async )?"?([\w-]+)"?\(calculator', source, re.MULTILINE))
    assert named == handlers
    assert "retry" in handlers


def test_the_heads_early_worker_has_the_name_that_boots_it_at_once(site: Site) -> None:
    """On calculator pages only, the head starts a worker named as protocol.js's
    BOOT_NOW (the name, which the template writes out, is what makes it boot)."""
    protocol = (GLUE / "protocol.js").read_text(encoding="utf-8")
    found = re.search(r'export const BOOT_NOW = "([^"]+)";', protocol)
    assert found
    named = f'name: "{found[1]}"'
    with_calculator = (site.directory / "when-to-walk" / "index.html").read_text(encoding="utf-8")
    without = (site.directory / "know-your-numbers" / "index.html").read_text(encoding="utf-8")
    assert with_calculator.count(named) == 1
    assert named not in without
