"""Runway's JSON result."""

from __future__ import annotations

import dataclasses

from calculators.api import run
from calculators.runway import EXAMPLE
from tests.support.calls import RUNWAY_BASE, computed, rendered


def test_result_keys_match_the_spec() -> None:
    """The result JSON has the spec's keys (plus a few documented extras)."""
    result = dataclasses.asdict(
        computed("runway", {**RUNWAY_BASE, "offer": 158400, "floor": 180000})
    )
    spec = {
        "runway_months",
        "capped",
        "band",
        "advice",
        "search_months",
        "cushion_months",
        "balance",
        "anchoring",
        "read",
        "summary",
    }
    extras = {"starting_cash", "monthly_net_spend", "net_spend_with_benefit", "notes"}
    assert set(result) == spec | extras
    assert set(result["anchoring"]) == {
        "gap",
        "cost",
        "break_even_weeks",
        "runway_covers_break_even",
        "years",
    }


def test_example_is_the_spec_example() -> None:
    """The prerendered example gives the spec's worked figures."""
    answer = run("runway", dict(EXAMPLE))
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    assert (result["runway_months"], result["anchoring"]["cost"]) == (5.0, 66763.44)


def test_a_short_runway_says_which_wins_when_the_cash_runs_out_first() -> None:
    """1.5 months of cash against a 21.9-week break-even: the cash runs out first, and the
    words say the rent comes first instead of promising that walking pays off."""
    data = {"savings": 9000, "monthly_expenses": 6000, "offer": 158400, "floor": 180000}
    result = computed("runway", data)
    assert result.runway_months == 1.5
    assert result.anchoring.runway_covers_break_even is False
    html = rendered("runway", data)
    assert "your cash runs out before that" in html
    assert "paying the rent matters more" in html


def test_a_long_runway_covers_the_break_even() -> None:
    """Cash that never runs out, or lasts past the break-even, covers it."""
    data = {"offer": 158400, "floor": 180000}
    endless = computed("runway", {**data, "savings": 0, "monthly_expenses": 1, "monthly_income": 2})
    assert endless.anchoring.runway_covers_break_even is True
    long = computed("runway", {**data, "savings": 60000, "monthly_expenses": 6000})
    assert long.anchoring.runway_covers_break_even is True


def test_the_search_time_is_the_readers_plan() -> None:
    """The words call the search time what you planned on, never what a search usually takes."""
    data = {"savings": 30000, "monthly_expenses": 6000, "offer": 158400, "floor": 180000}
    html = rendered("runway", data)
    assert "you planned on" in html
    for phrase in ("usually", "likely to take", "may take"):
        assert phrase not in html


def test_summary_and_read() -> None:
    """One sentence with the runway in months; ``read`` holds every field, defaults filled."""
    result = computed("runway", {"savings": "30k", "monthly_expenses": "6.000"})
    assert result.summary == (
        "Your cash lasts about 5 months: a middle runway, beside the search you planned on "
        "(1.4–2.3 months)."
    )
    assert result.read["savings"] == 30000.0
    assert result.read["monthly_expenses"] == 6000.0
    assert result.read["search_weeks_max"] == 10
