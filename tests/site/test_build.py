"""The guide builds strictly and offline, and fetches nothing from other hosts."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support import ROOT
from tests.support.rig import Site

pytestmark = pytest.mark.site

# Attributes by which a page makes the browser fetch something.
FETCHING = re.compile(
    r"""(?:src|href|srcset|poster|data|action|formaction|content)\s*=\s*["']?\s*"""
    r"""(?:https?:)?//([^/"'\s>]+)""",
    re.IGNORECASE,
)
LINK = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
IMPORT = re.compile(r"""(?:import|importScripts|fetch)\s*\(?\s*["'`](?:https?:)?//""")


def test_strict_build_passes_from_the_command_line(tmp_path: Path) -> None:
    """`mkdocs build --strict` succeeds: no broken link, no bad calculator block."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-3000:]


def test_every_nav_page_is_built(site: Site) -> None:
    """Each page of the guide is in the built site."""
    pages = {p.relative_to(site.directory).as_posix() for p in site.pages()}
    for name in (
        "index.html",
        "know-your-numbers/index.html",
        "total-compensation/index.html",
        "when-to-walk/index.html",
        "what-walking-costs/index.html",
        "plan/index.html",
        "scripts/index.html",
        "about/index.html",
    ):
        assert name in pages


def test_no_page_fetches_from_another_host(site: Site) -> None:
    """No built HTML page makes the browser fetch anything from another host."""
    home = urlsplit(site.url).netloc  # canonical links name the site's own address
    offenders = []
    for page in site.pages():
        # A link (<a href>) is somewhere a reader may choose to go, not a fetch: the
        # footnotes point at their public sources that way.
        text = LINK.sub("", page.read_text(encoding="utf-8"))
        offenders += [f"{page}: {m.group(0)}" for m in FETCHING.finditer(text) if m[1] != home]
        offenders += [f"{page}: {m.group(0)}" for m in CSS_URL.finditer(text)]
    assert offenders == []


def test_no_script_or_style_fetches_from_another_host(site: Site) -> None:
    """The site's own scripts and stylesheets don't import or fetch from other hosts."""
    offenders = []
    for path in site.directory.rglob("*"):
        if path.suffix in {".css"}:
            offenders += [f"{path.name}: {m.group(0)}" for m in CSS_URL.finditer(path.read_text())]
        if path.suffix in {".js", ".mjs"} and "pyodide" not in path.parts:
            offenders += [f"{path.name}: {m.group(0)}" for m in IMPORT.finditer(path.read_text())]
    assert offenders == []


def test_fonts_are_off(site: Site) -> None:
    """theme.font is false: no web font is requested."""
    index = (site.directory / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in index
    assert "fonts.gstatic" not in index


def test_content_security_policy_keeps_fetches_home(site: Site) -> None:
    """Every page carries a CSP that limits connect-src to the site itself."""
    for page in site.pages():
        text = page.read_text(encoding="utf-8")
        match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert match, page
        assert "connect-src 'self';" in match.group(1)


def test_runtime_and_package_are_published(site: Site) -> None:
    """Pyodide's core files and the calculators package are in the site, each in a folder
    named by its build; micropip isn't, and no browser glue is left outside its folder."""
    assert (site.pyodide / "pyodide.asm.wasm").stat().st_size > 1_000_000
    assert (site.runtime / "calculators.zip").is_file()
    assert not list(site.directory.rglob("micropip*"))
    assert not list((site.directory / "assets" / "walkaway").glob("*.js"))


def test_calculator_pages_are_prerendered(site: Site) -> None:
    """Each calculator page carries its form and a worked result before any script runs."""
    for page, name in (
        ("total-compensation", "total-comp"),
        ("when-to-walk", "walk"),
        ("what-walking-costs", "runway"),
        ("plan", "plan"),
    ):
        html = (site.directory / page / "index.html").read_text(encoding="utf-8")
        assert f'<div class="wa-calc" data-calculator="{name}"' in html
        assert f'<div class="wa-result wa-result--{name}' in html


class _Headings(HTMLParser):
    """The levels of the headings in a page's article, prerendered results included, in
    order; a <template>'s (inert until used) left out."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self._in_article = 0
        self._in_template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article" and "md-content__inner" in classes:
            self._in_article += 1
        elif tag == "template":
            self._in_template += 1
        elif self._in_article and not self._in_template and re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._in_article:
            self._in_article -= 1
        elif tag == "template" and self._in_template:
            self._in_template -= 1


def test_headings_go_down_one_level_at_a_time(site: Site) -> None:
    """On every page, a heading is at most one level below the one before it (an h3 comes
    after an h2, not straight after the h1), in the prose and in the calculators' worked
    results alike: a screen reader's list of headings has no gaps."""
    skips = []
    for page in site.pages():
        parser = _Headings()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.levels, f"{page}: no headings found in its article"
        for before, after in zip(parser.levels, parser.levels[1:], strict=False):
            if after > before + 1:
                skips.append(f"{page.relative_to(site.directory)}: h{before} then h{after}")
    assert skips == []


def test_plan_page_is_in_the_nav_and_one_click_from_home_and_the_first_steps(site: Site) -> None:
    """The plan page is built with its worked example plan (the steps, the scripts, the
    calendar file) prerendered, sits in the navigation right after the 48-hour page, and
    the home page and the 48-hour page link to it."""
    html = (site.directory / "plan" / "index.html").read_text(encoding="utf-8")
    assert '<div class="wa-result wa-result--plan">' in html
    assert '<ol class="wa-steps">' in html
    assert 'class="wa-plan-script' in html
    assert '<pre class="wa-calendar" hidden>BEGIN:VCALENDAR&#13;' in html
    home = (site.directory / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="([^"#]*)" class="md-nav__link', home)
    first_steps = nav.index("next-48-hours/")
    assert nav[first_steps + 1] == "plan/"
    for page, link in (("index.html", "plan/"), ("next-48-hours/index.html", "../plan/")):
        text = (site.directory / page).read_text(encoding="utf-8")
        content = text[text.index('<article class="md-content__inner') :]
        assert f'href="{link}"' in content, page
