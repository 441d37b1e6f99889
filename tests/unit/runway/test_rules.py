"""Runway's figures: the cash month by month, the runway, the search and the anchoring cost."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.calls import RUNWAY_BASE, computed, rendered

# The spec's second worked example: income and a benefit for three months.
WITH_BENEFIT: dict[str, object] = {
    "savings": 10000,
    "monthly_expenses": 5000,
    "monthly_income": 1000,
    "benefit_monthly": 2000,
    "benefit_months": 3,
}


def html_of(inputs: dict[str, Any], currency: str = "USD") -> str:
    return rendered("runway", inputs, currency)


AMOUNTS = st.floats(min_value=0, max_value=1e7, allow_nan=False) | st.integers(0, 10**7)


@st.composite
def valid_inputs(draw: st.DrawFn) -> dict[str, object]:
    low = draw(st.integers(0, 260))
    return {
        "savings": draw(AMOUNTS),
        "severance": draw(AMOUNTS),
        "monthly_expenses": draw(st.floats(min_value=0.01, max_value=1e6) | st.integers(1, 10**6)),
        "monthly_income": draw(AMOUNTS),
        "benefit_monthly": draw(AMOUNTS),
        "benefit_months": draw(st.integers(0, 120)),
        "search_weeks_min": low,
        "search_weeks_max": draw(st.integers(low, 260)),
        "soft_market": draw(st.booleans()),
    }


def as_length(months: float | None) -> float:
    return math.inf if months is None else months


def test_worked_example_savings_only() -> None:
    """30000 of savings at 6000 a month lasts exactly 5 months: a middle runway."""
    result = computed("runway", RUNWAY_BASE)
    assert result.runway_months == 5.0
    assert result.band == "middle"
    assert result.capped is False


def test_worked_example_search_months() -> None:
    """The default 6–10 week search is 1.38–2.31 months."""
    assert computed("runway", RUNWAY_BASE).search_months == [1.38, 2.31]


def test_worked_example_with_income_and_benefit() -> None:
    """10000 saved, 5000 costs, 1000 income, 2000 benefit for 3 months lasts 4 months."""
    result = computed("runway", WITH_BENEFIT)
    assert result.runway_months == 4.0
    assert result.balance == [8000.0, 6000.0, 4000.0, 0.0]


def test_worked_example_income_covers_expenses() -> None:
    """Income of 3500 against costs of 3000 makes the runway indefinite and long."""
    result = computed("runway", {"savings": 0, "monthly_expenses": 3000, "monthly_income": 3500})
    assert result.runway_months is None
    assert result.band == "long"
    assert result.capped is False
    assert result.cushion_months is None


def test_worked_example_anchoring() -> None:
    """158400 against a 180000 floor, 3% raises, 3 years: 66763.44, break-even 21.92 weeks."""
    result = computed(
        "runway",
        {**RUNWAY_BASE, "offer": 158400, "floor": 180000, "raise_pct": 3, "anchor_years": 3},
    )
    assert result.anchoring is not None
    assert result.anchoring.gap == 21600.0
    assert result.anchoring.cost == 66763.44
    assert result.anchoring.break_even_weeks == 21.92
    assert [row.gap for row in result.anchoring.years] == [21600.0, 22248.0, 22915.44]


def test_runway_counts_a_fraction_of_the_last_month() -> None:
    """10000 at 4000 a month runs out halfway through month 3."""
    assert computed("runway", {"savings": 10000, "monthly_expenses": 4000}).runway_months == 2.5


def test_severance_adds_to_the_starting_cash() -> None:
    """Severance is spent like savings: 20000 + 10000 at 6000 a month is 5 months."""
    result = computed("runway", {"savings": 20000, "severance": 10000, "monthly_expenses": 6000})
    assert result.runway_months == 5.0
    assert result.starting_cash == 30000.0


def test_balance_ends_at_zero_the_month_cash_runs_out() -> None:
    """The balance stops at the month the cash runs out, clamped to 0, never negative."""
    assert computed("runway", {"savings": 10000, "monthly_expenses": 4000}).balance == [
        6000.0,
        2000.0,
        0.0,
    ]


def test_benefit_larger_than_the_spend_grows_the_cash() -> None:
    """A benefit above the net spend makes the cash grow while it lasts."""
    result = computed(
        "runway",
        {"savings": 1000, "monthly_expenses": 2000, "benefit_monthly": 3000, "benefit_months": 2},
    )
    assert result.balance == [2000.0, 3000.0, 1000.0, 0.0]
    assert result.runway_months == 3.5


def test_no_cash_is_a_runway_of_zero() -> None:
    """With nothing saved and a positive spend, the runway is 0 months: short."""
    result = computed("runway", {"savings": 0, "monthly_expenses": 1000})
    assert result.runway_months == 0.0
    assert result.band == "short"
    assert result.balance == [0.0]


def test_runway_past_120_months_is_capped() -> None:
    """More than 120 months is reported as 120 with the capped flag, a long runway."""
    result = computed("runway", {"savings": 1_000_000, "monthly_expenses": 1000})
    assert (result.runway_months, result.capped, result.band) == (120.0, True, "long")
    assert result.cushion_months == round(120 - 10 * 12 / 52, 2)


def test_runway_of_exactly_120_months_is_not_capped() -> None:
    """Cash that runs out at the end of month 120 is 120 months, not flagged."""
    result = computed("runway", {"savings": 120000, "monthly_expenses": 1000})
    assert (result.runway_months, result.capped) == (120.0, False)
    assert len(result.balance) == 120


def test_balance_of_an_indefinite_runway_stops_at_24_months() -> None:
    """When cash never runs out, the balance covers 24 months for the default search."""
    result = computed("runway", {"savings": 1000, "monthly_expenses": 3000, "monthly_income": 3500})
    assert len(result.balance) == 24
    assert result.balance[:2] == [1500.0, 2000.0]


def test_balance_horizon_reaches_past_a_long_search() -> None:
    """A long search stretches the balance horizon to the search plus 3 months."""
    result = computed(
        "runway",
        {
            "savings": 1000,
            "monthly_expenses": 3000,
            "monthly_income": 3500,
            "search_weeks_max": 200,
        },
    )
    assert len(result.balance) == math.ceil(200 * 12 / 52) + 3


def test_balance_of_a_capped_runway_stops_at_the_horizon() -> None:
    """A capped runway's balance shows the horizon, not all 120 months."""
    assert len(computed("runway", {"savings": 1_000_000, "monthly_expenses": 1000}).balance) == 24


def test_balance_is_rounded_to_cents() -> None:
    """Balance entries are amounts rounded to cents."""
    result = computed("runway", {"savings": 1000, "monthly_expenses": 333.333})
    assert result.balance[:2] == [666.67, 333.33]


@pytest.mark.parametrize(
    ("savings", "band"),
    [(18000, "short"), (18060, "middle"), (35940, "middle"), (36000, "long")],
)
def test_band_boundaries(savings: int, band: str) -> None:
    """Up to 3 months is short, 6 months or more is long, between is middle."""
    assert computed("runway", {"savings": savings, "monthly_expenses": 6000}).band == band


def test_soft_market_stretches_both_search_times() -> None:
    """A soft market makes both search times 1.5 times longer."""
    result = computed("runway", {**RUNWAY_BASE, "soft_market": "on"})
    assert result.search_months == [round(6 * 1.5 * 12 / 52, 2), round(10 * 1.5 * 12 / 52, 2)]


def test_cushion_is_runway_less_the_longer_search() -> None:
    """The cushion is the runway less the longer search time, unrounded until the end."""
    assert computed("runway", RUNWAY_BASE).cushion_months == round(5 - 10 * 12 / 52, 2)


def test_net_spend_is_reported_after_and_during_the_benefit() -> None:
    """The monthly net spend is given after the benefit, and while it lasts."""
    result = computed("runway", WITH_BENEFIT)
    assert (result.monthly_net_spend, result.net_spend_with_benefit) == (4000.0, 2000.0)
    assert computed("runway", RUNWAY_BASE).net_spend_with_benefit is None


def test_no_anchoring_when_the_offer_meets_the_floor() -> None:
    """An offer at or above the floor costs nothing: anchoring is null, with a note."""
    result = computed("runway", {**RUNWAY_BASE, "offer": 180000, "floor": 180000})
    assert result.anchoring is None
    assert any("meets your floor" in note for note in result.notes)


@pytest.mark.parametrize(("given", "missing"), [("offer", "floor"), ("floor", "offer")])
def test_anchoring_needs_both_offer_and_floor(given: str, missing: str) -> None:
    """With only the offer or only the floor, anchoring is null and a note asks for the other."""
    result = computed("runway", {**RUNWAY_BASE, given: 150000})
    assert result.anchoring is None
    wanted = {"floor": "Add your floor", "offer": "Add the offer in hand"}[missing]
    assert any(note.startswith(wanted) for note in result.notes)


def test_anchoring_over_one_year_is_the_gap() -> None:
    """Over one anchored year the cost is the gap itself."""
    result = computed(
        "runway", {**RUNWAY_BASE, "offer": 100000, "floor": 110000, "anchor_years": 1}
    )
    assert result.anchoring is not None
    assert result.anchoring.cost == 10000.0
    assert result.anchoring.break_even_weeks == 5.2


def test_negative_raise_shrinks_the_yearly_gap() -> None:
    """A negative raise makes each year's gap smaller."""
    result = computed(
        "runway",
        {**RUNWAY_BASE, "offer": 100000, "floor": 110000, "raise_pct": -50, "anchor_years": 3},
    )
    assert result.anchoring is not None
    assert [row.gap for row in result.anchoring.years] == [10000.0, 5000.0, 2500.0]


def test_render_anchoring_part() -> None:
    """With an offer below the floor, the cost table and break-even sentence appear."""
    html = html_of({**RUNWAY_BASE, "offer": 158400, "floor": 180000})
    assert '<th scope="row">Total</th><td class="wa-num">$66,763</td>' in html
    assert (
        "Walking pays off if an offer at your floor comes within 21.9 weeks (about 5.1 months), "
        "but your cash runs out before that"
    ) in html


@settings(max_examples=200, deadline=None)
@given(valid_inputs(), AMOUNTS)
def test_more_savings_never_shortens_the_runway(inputs: dict[str, object], extra: float) -> None:
    """Adding savings never makes the runway shorter (indefinite counts as infinite)."""
    savings = inputs["savings"]
    assert isinstance(savings, int | float)
    before = computed("runway", inputs).runway_months
    after = computed("runway", {**inputs, "savings": savings + extra}).runway_months
    assert as_length(after) >= as_length(before)


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_balance_is_never_negative_and_runway_within_the_count(
    inputs: dict[str, object],
) -> None:
    """The balance never goes below 0 and the runway never exceeds 120 months."""
    result = computed("runway", inputs)
    assert all(cash >= 0 for cash in result.balance)
    assert result.runway_months is None or 0 <= result.runway_months <= 120
    assert len(result.balance) <= 120
