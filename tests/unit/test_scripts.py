"""The scripts engine: every script has words, every placeholder is defined once and
used, and filling replaces what is known and leaves the rest."""

from __future__ import annotations

import re

import pytest

from calculators.scripts import PLACEHOLDERS, SCRIPTS, Script, fill, is_choice, script, unfilled
from calculators.scripts.page import (
    CAUTION,
    MarkerError,
    expand,
    placeholders_markdown,
    script_markdown,
)
from calculators.walk import script as walk_script
from tests.support import ROOT
from tests.support.calls import rendered

DOCS = ROOT / "docs"
SCRIPTS_PAGE = DOCS / "scripts.md"
IDS = [s.id for s in SCRIPTS]


def tokens(item: Script) -> set[str]:
    return {token for _, text in item.variants for token in unfilled(text)}


def page_anchors() -> set[str]:
    """The ids the scripts page's Markdown gives: headings' {#id} and paragraphs' {: #id }."""
    text = SCRIPTS_PAGE.read_text(encoding="utf-8")
    return set(re.findall(r"\{:? ?#([a-z0-9-]+) ?\}", text))


def test_ids_are_unique_and_the_pages_anchors() -> None:
    """Each script's id is unique, and is an anchor on the scripts page."""
    assert len(IDS) == len(set(IDS))
    assert set(IDS) <= page_anchors()


def test_the_pages_anchors_from_before_the_engine_stay() -> None:
    """The anchors links pointed at before the scripts moved to the engine all remain."""
    before = {
        "placeholders",
        "deflect-expectations",
        "give-a-range",
        "ask-for-time",
        "no-written-offer",
        "counter-on-the-phone",
        "counter-by-email",
        "use-a-competing-offer",
        "other-offer-higher",
        "other-offer-lower",
        "extend-an-exploding-offer",
        "close-warmly",
        "walk-away-well",
    }
    assert before <= page_anchors()


@pytest.mark.parametrize("item", SCRIPTS, ids=IDS)
def test_every_script_has_words(item: Script) -> None:
    """At least one variant, channels known and not repeated, text with no stray indent."""
    assert item.variants
    channels = [channel for channel, _ in item.variants]
    assert len(channels) == len(set(channels))
    assert set(channels) <= {"Phone", "Email"}
    for channel, text in item.variants:
        assert text.strip() == text
        assert item.text(channel) == text
        assert not any(line.startswith(" ") for line in text.splitlines())
    assert re.fullmatch(r"F[1-9]", item.brief)
    assert item.title
    assert item.when.endswith(".")
    assert item.when[0].islower()


def test_every_brief_point_has_a_script() -> None:
    """F1 to F9 each have at least one script, and the scripts come in the brief's order."""
    briefs = [s.brief for s in SCRIPTS]
    assert sorted(set(briefs)) == [f"F{i}" for i in range(1, 10)]
    assert briefs == sorted(briefs)


def test_every_placeholder_used_is_defined() -> None:
    """A placeholder in any script is in PLACEHOLDERS (a slash choice is the reader's)."""
    used = {token for item in SCRIPTS for token in tokens(item) if not is_choice(token)}
    assert sorted(used - set(PLACEHOLDERS)) == []


def test_every_defined_placeholder_is_used() -> None:
    """Each defined placeholder appears in a script: the engine's, the walk calculator's,
    or one on another page of the guide (the table covers every script on the site)."""
    texts = [text for item in SCRIPTS for _, text in item.variants]
    texts.append((ROOT / "calculators" / "walk" / "script.py").read_text(encoding="utf-8"))
    texts += [path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")]
    everything = "\n".join(texts)
    assert [token for token in PLACEHOLDERS if token not in everything] == []
    assert walk_script  # the walk calculator's script is one of the users


def test_each_definition_is_written_once() -> None:
    """Tokens sharing a definition sit together, so the table prints it once."""
    table = placeholders_markdown()
    for meaning in set(PLACEHOLDERS.values()):
        assert table.count(meaning) == 1, meaning


def test_fill_replaces_known_values_and_leaves_the_rest() -> None:
    """Known tokens are replaced everywhere, unknown ones and choices stay as they are."""
    text = script("other-offer-higher").text("Email")
    values = {"[$ANCHOR]": "$210,000", "[company]": "Acme", "[$OTHER OFFER]": "$240,000"}
    filled = fill(text, values)
    assert "[$ANCHOR]" not in filled
    assert "[company]" not in filled
    assert "$210,000 a year" in filled
    assert "Acme is still where I most want to be" in filled
    assert "offer of $240,000 a year" in filled
    assert "[recruiter's name]" in filled
    assert "[this week / by day, date]" in filled
    assert unfilled(filled) == [
        "[recruiter's name]",
        "[other company]",
        "[day, date]",
        "[what you liked]",
        "[this week / by day, date]",
        "[your name]",
    ]


def test_fill_with_every_placeholder_leaves_only_choices() -> None:
    """With a value for each defined placeholder, only the reader's choices remain."""
    values = dict.fromkeys(PLACEHOLDERS, "x")
    for item in SCRIPTS:
        for _, text in item.variants:
            assert all(is_choice(token) for token in unfilled(fill(text, values))), item.id


def test_a_value_is_not_filled_again() -> None:
    """A value that looks like a placeholder is left as given."""
    assert (
        fill("[company] and [city]", {"[company]": "[city]", "[city]": "Oslo"}) == "[city] and Oslo"
    )


def test_fill_with_nothing_changes_nothing() -> None:
    for item in SCRIPTS:
        for _, text in item.variants:
            assert fill(text, {}) == text


def test_script_by_id() -> None:
    assert script("walk-away-well") is SCRIPTS[-1]
    with pytest.raises(KeyError, match="no script 'nope'"):
        script("nope")
    with pytest.raises(KeyError, match="has no Phone version"):
        script("walk-away-well").text("Phone")


def test_markers_expand_to_tabs_and_blocks() -> None:
    """A two-channel script becomes content tabs, a one-channel script a bare block, and a
    marker keeps its indentation."""
    tabs = expand("[[script: ask-for-time]]")
    assert tabs.startswith('=== "Phone"\n\n    ```text\n    Thank you, that')
    assert '\n\n=== "Email"\n\n    ```text\n    Subject: [role title] offer: thank you' in tabs
    bare = expand("[[script: walk-away-well]]")
    assert bare.startswith("```text\nSubject: [role title] offer: my decision\n")
    assert bare.endswith("[your name]\n```")
    indented = expand("!!! note\n    [[script: walk-away-well]]\n")
    assert indented.startswith("!!! note\n    ```text\n    Subject:")
    assert expand("no [[markers]] here") == "no [[markers]] here"


@pytest.mark.parametrize("marker", ["[[script: nope]]", "[[scripts]]", "[[script:]]"])
def test_a_bad_marker_is_an_error(marker: str) -> None:
    with pytest.raises(MarkerError):
        expand(f"Text.\n\n{marker}\n")


def test_every_promise_of_a_first_choice_has_its_caution() -> None:
    """A script that says this is the role or company you most want, or that you'll sign
    quickly, says beside it to keep that only if it's true (brief N5)."""
    promises = ("most want", "first choice", "most interested", "ready to sign")
    for item in SCRIPTS:
        texts = " ".join(text for _, text in item.variants).replace("\n", " ")
        if any(promise in texts for promise in promises):
            assert item.caution, item.id


def test_the_page_and_the_plan_show_the_same_caution() -> None:
    """The caution is written once: the scripts page and a plan both show it."""
    item = script("counter-by-email")
    assert f"**{CAUTION}** {item.caution}" in script_markdown(item)
    html = rendered("plan", {"floor": "180k", "offer": "176k", "today": "2026-12-07"})
    assert item.caution.replace('"', "&quot;").replace("'", "&#x27;") in html
