"""Runway as the page shows it: headline, advice, facts, chart and the cost of a low number."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from calculators.format import Money
from calculators.runway.view import render
from tests.support.calls import RUNWAY_BASE, computed, rendered


def html_of(inputs: dict[str, Any], currency: str = "USD") -> str:
    return rendered("runway", inputs, currency)


def test_render_headline_states_the_runway() -> None:
    """The headline says how long the cash lasts and the band."""
    assert '<p class="wa-headline">Your cash lasts about 5 months: a middle runway.</p>' in (
        html_of(RUNWAY_BASE)
    )


@pytest.mark.parametrize(
    ("savings", "kind"), [(6000, "warning"), (30000, "info"), (60000, "success")]
)
def test_render_advice_admonition_kind_follows_the_band(savings: int, kind: str) -> None:
    """Short advice is a warning, middle an info, long a success."""
    assert f'<div class="admonition {kind}">' in html_of(
        {"savings": savings, "monthly_expenses": 6000}
    )


def test_render_indefinite_runway() -> None:
    """An indefinite runway says the cash doesn't run out, with no run-out marker."""
    html = html_of({"savings": 0, "monthly_expenses": 3000, "monthly_income": 3500})
    assert "doesn&#x27;t run out" in html
    assert "Indefinite" in html
    assert "wa-marker" not in html


def test_render_capped_runway() -> None:
    """A capped runway reads as more than 120 months."""
    assert "More than 120 months" in html_of({"savings": 10**7, "monthly_expenses": 1000})


def test_render_chart_has_search_band_and_run_out_marker() -> None:
    """The chart shades the search window and marks where the cash runs out."""
    html = html_of(RUNWAY_BASE)
    assert '<rect class="wa-band"' in html
    assert "Planned search" in html
    assert '<circle class="wa-marker"' in html
    assert 'aria-label="Your cash, month by month: it runs out at about 5 months' in html


def test_render_uses_the_readers_currency() -> None:
    """Amounts are shown in the currency the reader picked."""
    assert "€66,763" in html_of({**RUNWAY_BASE, "offer": 158400, "floor": 180000}, "EUR")


def test_render_escapes_markup_in_text() -> None:
    """Text in the result is escaped, never passed through as markup."""
    result = dataclasses.replace(
        computed("runway", RUNWAY_BASE), advice="<script>x</script>", notes=["<b>n</b>"]
    )
    html = render(result, Money())
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_render_has_no_nan_or_inf_in_coordinates() -> None:
    """Edge inputs (no cash, equal search times) still give finite coordinates."""
    html = html_of(
        {"savings": 0, "monthly_expenses": 1, "search_weeks_min": 0, "search_weeks_max": 0}
    )
    assert not re.search(r"nan|inf", html, re.IGNORECASE)
