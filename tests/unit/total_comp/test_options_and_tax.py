"""Total comp's figures for stock options, pay at risk, tax and close calls (the revision
of 2026-12-02)."""

from __future__ import annotations

from typing import Any

import pytest

from calculators.total_comp.rules import cliff_cause
from tests.support.calls import WORKED_OFFER, computed


def one(offer: dict[str, object], years: int = 4) -> Any:
    """The single offer's result for one offer."""
    return computed("total-comp", {"offers": [offer], "years": years}).offers[0]


def column(offer: Any, key: str) -> list[Any]:
    return [getattr(row, key) for row in offer.years]


def two_offers(**second: object) -> Any:
    offers = [{"name": "Now", "base": 100000}, {"name": "New", "base": 125000, **second}]
    return computed("total-comp", {"offers": offers})


# --- the revisions of 2026-12-02 -------------------------------------------------------------

OPTIONS: dict[str, object] = {
    "base": 150000,
    "equity_type": "options",
    "options_count": 20000,
    "strike_price": 2,
    "share_price": 10,
    "vesting": "25/25/25/25",
    "equity_discount_pct": 50,
}


def test_options_worked_example() -> None:
    """20,000 options at a $2 strike, shares at $10, 25/25/25/25, a 50% discount: $20,000 of
    equity a year, and $10,000 a year of cash to exercise (shown, not subtracted)."""
    offer = one(OPTIONS)
    assert column(offer, "equity") == [20000.0] * 4
    assert column(offer, "exercise_cost") == [10000.0] * 4
    assert column(offer, "total") == [170000.0] * 4


def test_options_under_water_are_worth_nothing() -> None:
    """A tranche whose share price is at or below the strike is worth 0, never negative;
    its exercise cost is still shown."""
    offer = one({**OPTIONS, "share_price": 3, "equity_growth_pct": -50, "equity_discount_pct": 0})
    assert column(offer, "equity") == [0.0, 0.0, 0.0, 0.0]
    assert column(offer, "exercise_cost") == [10000.0] * 4


def test_options_are_valued_per_tranche_at_the_end_of_its_year() -> None:
    """The spread grows with the share price: year y's tranche at price × (1 + g)^y."""
    offer = one({**OPTIONS, "equity_growth_pct": 10, "equity_discount_pct": 0})
    spreads = [10 * 1.1**year - 2 for year in range(1, 5)]
    assert column(offer, "equity") == [round(5000 * spread, 2) for spread in spreads]


def test_rsu_grants_cost_nothing_to_exercise() -> None:
    """Shares or units need no cash to exercise."""
    assert column(one(WORKED_OFFER), "exercise_cost") == [0.0] * 4


def test_guaranteed_and_at_risk_split_every_year() -> None:
    """Guaranteed: base, one-time, match, other; at risk: bonus, equity, refreshers."""
    offer = one({**WORKED_OFFER, "retirement_match_pct": 4, "other_annual": 1000})
    assert column(offer, "guaranteed") == [218200.0, 188200.0, 188200.0, 188200.0]
    assert column(offer, "at_risk") == [77000.0] * 4
    assert offer.guaranteed_total == 782800.0
    assert offer.at_risk_share_pct == round(308000 / 1090800 * 100, 2)


def test_after_tax_figures_need_a_rate() -> None:
    """With a rate, each year and the totals are shown after tax; without, they are null."""
    taxed = one({**WORKED_OFFER, "tax_rate_pct": 30})
    assert column(taxed, "after_tax") == [200900.0, 179900.0, 179900.0, 179900.0]
    assert (taxed.after_tax_total, taxed.after_tax_average_annual) == (740600.0, 185150.0)
    plain = one(WORKED_OFFER)
    assert (plain.after_tax_total, column(plain, "after_tax")) == (None, [None] * 4)


def test_two_offers_with_tax_rates_rank_by_what_they_keep() -> None:
    """A higher offer in a high-tax place can keep less than a lower one where tax is light."""
    result = computed(
        "total-comp",
        {
            "offers": [
                {"name": "High tax", "base": 200000, "tax_rate_pct": 45},
                {"name": "Low tax", "base": 170000, "tax_rate_pct": 25},
            ]
        },
    )
    assert result.ranking == ("High tax", "Low tax")
    assert result.ranking_after_tax == ("Low tax", "High tax")


def test_no_after_tax_ranking_unless_every_offer_has_a_rate() -> None:
    """One rate missing: no after-tax order (comparing taxed with untaxed would mislead)."""
    result = two_offers(tax_rate_pct=30)
    assert result.ranking_after_tax is None


def test_the_specs_cliffs_name_their_causes() -> None:
    """The spec's offer over five years: year 2 falls because the sign-on ends (one-time),
    year 5 because the grant runs out (equity)."""
    cliffs = one(WORKED_OFFER, years=5).cliffs
    assert [(c.year, c.cause) for c in cliffs] == [(2, "one-time"), (5, "equity")]


def test_a_cliff_from_several_parts_at_once_is_other() -> None:
    """When neither the one-time payments nor the equity explain half the fall, it's other."""
    cliff = cliff_cause(before=(100000, 0, 20000, 0, 20000, 0, 0), now=(100000, 0, 0, 0, 0, 0, 0))
    assert cliff == "one-time"  # a tie at half the fall goes to the one-time payment
    cliff = cliff_cause(before=(100000, 0, 15000, 0, 15000, 0, 0), now=(70000, 0, 0, 0, 0, 0, 0))
    assert cliff == "other"


@pytest.mark.parametrize(
    ("second", "close"),
    [(100000 * 0.98, True), (100000 * 0.979, False), (100000, True)],
)
def test_a_close_call_is_within_two_percent_of_the_best(second: float, close: bool) -> None:
    """Two offers whose average years are within 2% of the best: the money doesn't decide."""
    result = computed("total-comp", {"offers": [{"base": 100000}, {"base": second}]})
    assert result.close_call is close


def test_one_offer_is_never_a_close_call() -> None:
    """A close call needs two offers."""
    assert computed("total-comp", {"offers": [{"base": 1}]}).close_call is False
