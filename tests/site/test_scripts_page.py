"""The scripts page shows the engine's scripts (calculators/scripts), prerendered: each
script's words in its content tabs, in the engine's order, under its anchor, readable
without JavaScript, and the placeholder table from the engine's definitions."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from calculators.scripts import PLACEHOLDERS, SCRIPTS
from calculators.scripts.placeholders import rows
from tests.site.test_hook import build_page
from tests.support.rig import Site

pytestmark = pytest.mark.site


def page(site: Site) -> str:
    return (site.directory / "scripts" / "index.html").read_text(encoding="utf-8")


def article(site: Site) -> str:
    """The page's content, without the navigation and the footer around it."""
    found = re.search(r'<article class="md-content__inner.*?</article>', page(site), re.DOTALL)
    assert found, "no article on the scripts page"
    return found.group(0)


def plain(fragment: str) -> str:
    """Text as read: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def code_blocks(fragment: str) -> list[str]:
    """Each code block's text, as the page's HTML holds it (no JavaScript involved)."""
    return [
        plain(code).rstrip("\n")
        for code in re.findall(r"<pre[^>]*>.*?<code[^>]*>(.*?)</code></pre>", fragment, re.S)
    ]


def test_every_script_is_on_the_page_in_the_engines_order(site: Site) -> None:
    """The page's code blocks are the engine's variants, word for word, in order."""
    expected = [text for item in SCRIPTS for _, text in item.variants]
    assert code_blocks(article(site)) == expected


def test_each_script_sits_under_its_anchor(site: Site) -> None:
    """Every script's id is an id on the page, in the engine's order, and between it and
    the next script's id are that script's words and no others."""
    text = article(site)
    starts = [text.find(f'id="{item.id}"') for item in SCRIPTS]
    assert -1 not in starts, [s.id for s, at in zip(SCRIPTS, starts, strict=True) if at < 0]
    assert starts == sorted(starts)
    ends = [*starts[1:], len(text)]
    for item, start, end in zip(SCRIPTS, starts, ends, strict=True):
        assert code_blocks(text[start:end]) == [words for _, words in item.variants], item.id


def test_the_pages_other_anchors_stay(site: Site) -> None:
    """Links made before the scripts moved still land: the table and the competing-offer
    section keep their ids."""
    text = article(site)
    for anchor in ("placeholders", "use-a-competing-offer"):
        assert f'id="{anchor}"' in text


def test_the_tabs_are_the_engines_channels(site: Site) -> None:
    """Scripts with several channels are content tabs labelled with them, in order;
    one-channel scripts are bare blocks."""
    labels = re.findall(r'<label for="__tabbed_\d+_\d+">([^<]+)</label>', article(site))
    expected = [c for item in SCRIPTS if len(item.variants) > 1 for c, _ in item.variants]
    assert labels == expected


def test_each_when_line_is_the_engines(site: Site) -> None:
    """Where the page says "When:", it says the engine's sentence for that script."""
    text = re.sub(r"\s+", " ", plain(article(site)))
    said = set(re.findall(r"When: (.*?\.)(?: |$)", text))
    for item in SCRIPTS:
        if item.id in {"still-interviewing", "speed-up-another-company"}:
            continue  # introduced by a sentence of the page's own, not a "When:" line
        assert item.when in said, item.id


def test_the_placeholder_table_is_the_engines(site: Site) -> None:
    """One row per definition, its tokens in code, every token defined once."""
    table = re.search(r"<table>.*?</table>", article(site), re.DOTALL)
    assert table
    found = [
        (tuple(html.unescape(t) for t in re.findall(r"<code>([^<]+)</code>", first)), plain(second))
        for first, second in re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table[0], re.S)
    ]
    assert found == [(tokens, meaning.replace("**", "")) for tokens, meaning in rows()]
    assert sorted(t for tokens, _ in found for t in tokens) == sorted(PLACEHOLDERS)


def test_no_marker_is_left(site: Site) -> None:
    assert "[[" not in plain(article(site))


def test_a_marker_renders_on_any_page(tmp_path: Path) -> None:
    """The hook expands a marker on whatever page holds it."""
    built = build_page(tmp_path, "[[script: walk-away-well]]\n")
    assert "Subject: [role title] offer: my decision" in html.unescape(built)


def test_a_marker_naming_no_script_fails_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_page(tmp_path, "Text.\n\n[[script: nope]]\n")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(m.startswith("index.md: [[script: nope]] names no script") for m in errors), errors
