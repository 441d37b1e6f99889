"""Runway's words: the advice for each band and the notes."""

from __future__ import annotations

import pytest

from tests.support.calls import computed


@pytest.mark.parametrize(
    ("band", "words"),
    [("short", "guilty"), ("middle", "within 5% of your floor"), ("long", "wait")],
)
def test_advice_follows_the_band(band: str, words: str) -> None:
    """Each band carries its own advice."""
    savings = {"short": 6000, "middle": 30000, "long": 60000}[band]
    result = computed("runway", {"savings": savings, "monthly_expenses": 6000})
    assert result.band == band
    assert words in result.advice


def test_negative_cushion_comes_with_a_note() -> None:
    """A runway shorter than the search is a negative cushion and a note."""
    result = computed("runway", {"savings": 6000, "monthly_expenses": 6000})
    assert result.cushion_months == round(1 - 10 * 12 / 52, 2)
    assert any("before the longer search" in note for note in result.notes)
