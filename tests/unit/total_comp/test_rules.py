"""Total comp's figures: each part of each year, the totals, cliffs and the ranking."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.api import run
from calculators.format import Money
from calculators.total_comp import Result
from calculators.total_comp.rules import Cliff
from calculators.total_comp.view import render
from tests.support.calls import WORKED_OFFER, computed


def one(offer: dict[str, object], years: int = 4) -> Any:
    """The single offer's result for one offer."""
    return computed("total-comp", {"offers": [offer], "years": years}).offers[0]


def column(offer: Any, key: str) -> list[Any]:
    return [getattr(row, key) for row in offer.years]


def two_offers(**second: object) -> Result:
    offers = [{"name": "Now", "base": 100000}, {"name": "New", "base": 125000, **second}]
    result: Result = computed("total-comp", {"offers": offers})
    return result


amounts = st.floats(min_value=0, max_value=1e7, allow_nan=False)
percents = st.floats(min_value=0, max_value=100, allow_nan=False)


offer_extras = st.fixed_dictionaries(
    {},
    optional={
        "bonus_target_pct": percents,
        "bonus_payout_pct": percents,
        "raise_pct": st.floats(min_value=0, max_value=20),
        "equity_grant": amounts,
        "vesting": st.sampled_from(["even", "back-loaded", "100", "33.3/33.3/33.4", "0/0/50/50"]),
        "refresher_annual": amounts,
        "refresher_vesting_years": st.integers(min_value=1, max_value=10),
        "equity_growth_pct": st.floats(min_value=-100, max_value=100),
        "equity_discount_pct": percents,
        "sign_on": amounts,
        "sign_on_year2": amounts,
        "relocation": amounts,
        "retirement_match_pct": percents,
        "retirement_match_cap": amounts,
        "other_annual": amounts,
        "cost_of_living_index": st.floats(min_value=1, max_value=1000),
    },
)


def test_worked_example_even_vesting() -> None:
    """The worked example gives 287000 in year 1, 257000 in years 2-4, 1058000 in all."""
    offer = one(WORKED_OFFER)
    assert column(offer, "total") == [287000.0, 257000.0, 257000.0, 257000.0]
    assert offer.total == 1058000.0
    assert offer.average_annual == 264500.0
    assert offer.first_year == 287000.0


def test_worked_example_parts() -> None:
    """Year 1 of the worked example is base 180000, bonus 27000, equity 50000, one-time 30000."""
    row = one(WORKED_OFFER).years[0]
    assert (row.base, row.bonus, row.equity, row.one_time) == (180000.0, 27000.0, 50000.0, 30000.0)
    assert (row.refreshers, row.match, row.other) == (0.0, 0.0, 0.0)


def test_worked_example_back_loaded() -> None:
    """The same grant at 5/15/40/40 gives 247000, 237000, 287000, 287000: the same total."""
    offer = one({**WORKED_OFFER, "vesting": "5/15/40/40"})
    assert column(offer, "total") == [247000.0, 237000.0, 287000.0, 287000.0]
    assert offer.total == 1058000.0


def test_worked_example_back_loaded_five_years_cliff() -> None:
    """Over 5 years, year 5 falls to 207000: a cliff of (287000-207000)/287000 = 27.87%."""
    offer = one({**WORKED_OFFER, "vesting": "back-loaded"}, years=5)
    assert column(offer, "total")[-1] == 207000.0
    assert offer.cliffs == (Cliff(year=5, drop_pct=27.87, cause="equity"),)


def test_sign_on_drop_is_a_cliff_too() -> None:
    """287000 to 257000 is a 10.45% fall, more than 10%: year 2 counts as a cliff."""
    assert one(WORKED_OFFER).cliffs == (Cliff(year=2, drop_pct=10.45, cause="one-time"),)


def test_a_fall_of_exactly_ten_percent_is_no_cliff() -> None:
    """A total exactly 10% below the year before is not more than 10% below it."""
    offer = one({"base": 90000, "sign_on": 10000}, years=2)
    assert column(offer, "total") == [100000.0, 90000.0]
    assert offer.cliffs == ()


def test_refreshers_by_hand() -> None:
    """Refreshers of 40000 over 4 years, granted from year 2, vest 10000 per live grant.

    Year 2: the year-2 grant (10000). Year 3: grants 2, 3 (20000). Year 4: 30000.
    Year 5: grants 2-5 (40000). Year 6: grants 3-6, grant 2 has fully vested (40000).
    """
    offer = one({"base": 100000, "refresher_annual": 40000}, years=6)
    assert column(offer, "refreshers") == [0.0, 10000.0, 20000.0, 30000.0, 40000.0, 40000.0]


def test_refreshers_vesting_years() -> None:
    """Refreshers of 30000 over 2 years: 15000 in year 2, then 30000 (two live grants)."""
    offer = one({"base": 100000, "refresher_annual": 30000, "refresher_vesting_years": 2})
    assert column(offer, "refreshers") == [0.0, 15000.0, 30000.0, 30000.0]


def test_refreshers_grow_with_the_share_price() -> None:
    """At 10% growth: year 2 is 10000 × 1.1 = 11000; year 3 is 10000 × 1.21 + 11000 = 23100."""
    offer = one({"base": 100000, "refresher_annual": 40000, "equity_growth_pct": 10}, years=3)
    assert column(offer, "refreshers") == [0.0, 11000.0, 23100.0]


def test_equity_grows_to_the_end_of_the_vesting_year() -> None:
    """At 10% growth, a 25000 tranche is worth 27500 at the end of year 1, 30250 of year 2."""
    offer = one({"base": 100000, "equity_grant": 100000, "equity_growth_pct": 10}, years=2)
    assert column(offer, "equity") == [27500.0, 30250.0]


def test_negative_growth_shrinks_equity() -> None:
    """At −50% a year, year 1's 25000 tranche is worth 12500; at −100% nothing."""
    assert (
        one({"base": 1, "equity_grant": 100000, "equity_growth_pct": -50}, 1).years[0].equity
        == 12500.0
    )
    assert (
        one({"base": 1, "equity_grant": 100000, "equity_growth_pct": -100}, 1).years[0].equity
        == 0.0
    )


def test_discount_applies_to_equity_and_refreshers() -> None:
    """A 20% discount: a 25000 tranche counts as 20000, a 10000 refresher as 8000."""
    offer = one(
        {
            "base": 100000,
            "equity_grant": 100000,
            "refresher_annual": 40000,
            "equity_discount_pct": 20,
        },
        years=2,
    )
    assert column(offer, "equity") == [20000.0, 20000.0]
    assert column(offer, "refreshers") == [0.0, 8000.0]


def test_equity_past_the_schedule_is_zero() -> None:
    """A grant vesting 100 in year 1 adds nothing afterwards."""
    offer = one({"base": 100000, "equity_grant": 50000, "vesting": "100"}, years=3)
    assert column(offer, "equity") == [50000.0, 0.0, 0.0]


def test_raise_compounds_on_base_and_bonus() -> None:
    """A 3% raise: base 100000, 103000, 106090; the bonus follows the base."""
    offer = one({"base": 100000, "raise_pct": 3, "bonus_target_pct": 10}, years=3)
    assert column(offer, "base") == [100000.0, 103000.0, 106090.0]
    assert column(offer, "bonus") == [10000.0, 10300.0, 10609.0]


def test_bonus_payout_scales_the_target() -> None:
    """A 20% target paid out at 50% is 10% of base."""
    assert (
        one({"base": 100000, "bonus_target_pct": 20, "bonus_payout_pct": 50}).years[0].bonus
        == 10000.0
    )


def test_one_time_payments_by_year() -> None:
    """Sign-on and relocation come in year 1, the second sign-on in year 2, nothing after."""
    offer = one({"base": 1000, "sign_on": 20000, "relocation": 5000, "sign_on_year2": 7000})
    assert column(offer, "one_time") == [25000.0, 7000.0, 0.0, 0.0]


def test_match_is_capped() -> None:
    """A 6% match on 200000 is 12000, held to a 10000 cap."""
    assert one({"base": 200000, "retirement_match_pct": 6}).years[0].match == 12000.0
    capped = one({"base": 200000, "retirement_match_pct": 6, "retirement_match_cap": "10k"})
    assert column(capped, "match") == [10000.0] * 4


def test_match_follows_the_raise_under_the_cap() -> None:
    """A 5% match on a base rising 10% grows until it reaches the cap."""
    offer = one(
        {"base": 100000, "raise_pct": 10, "retirement_match_pct": 5, "retirement_match_cap": 5800},
        years=3,
    )
    assert column(offer, "match") == [5000.0, 5500.0, 5800.0]


def test_other_annual_every_year() -> None:
    """Other yearly value is added each year as is."""
    assert column(one({"base": 1000, "other_annual": 2500}, 3), "other") == [2500.0] * 3


def test_total_is_the_sum_of_the_parts() -> None:
    """Each year's total adds the seven parts."""
    offer = one(
        {
            "base": 120000,
            "bonus_target_pct": 10,
            "equity_grant": 80000,
            "refresher_annual": 20000,
            "sign_on": 10000,
            "retirement_match_pct": 4,
            "other_annual": 1000,
        }
    )
    for row in offer.years:
        assert row.total == pytest.approx(sum(row.parts()), abs=0.02)


def test_amounts_are_rounded_to_cents() -> None:
    """A 0.333% raise gives bases of 100333 and 100667.108889, reported to cents."""
    offer = one({"base": 100000, "raise_pct": "0.333"}, years=3)
    assert column(offer, "base") == [100000.0, 100333.0, 100667.11]


def test_make_whole_gap() -> None:
    """Unvested 60000 less sign-ons 30000 and 10000 leaves 20000 to cover."""
    offer = one(
        {"base": 1, "unvested_left_behind": 60000, "sign_on": 30000, "sign_on_year2": 10000}
    )
    assert offer.make_whole_gap == 20000.0


def test_make_whole_gap_is_never_negative() -> None:
    """A sign-on bigger than the equity left behind leaves no gap."""
    assert one({"base": 1, "unvested_left_behind": 10000, "sign_on": 30000}).make_whole_gap == 0.0


def test_adjusted_average_annual() -> None:
    """At a cost of living of 125, an average of 100000 is worth 80000 in the baseline's place."""
    offer = one({"base": 100000, "cost_of_living_index": 125})
    assert offer.adjusted_average_annual == 80000.0


def test_vs_first() -> None:
    """The second offer is 25000 a year (25%) and 100000 in all above the first."""
    new = two_offers().offers[1]
    assert dataclasses.asdict(new.vs_first) == {
        "total": 100000.0,
        "total_pct": 25.0,
        "average_annual": 25000.0,
        "average_annual_pct": 25.0,
    }


def test_first_offer_vs_itself_is_zero() -> None:
    """The first offer's difference from itself is all zeros."""
    first = two_offers().offers[0]
    assert dataclasses.astuple(first.vs_first) == (0.0, 0.0, 0.0, 0.0)


def test_vs_first_can_be_negative() -> None:
    """An offer worth less than the first has a negative difference."""
    result = computed("total-comp", {"offers": [{"base": 200000}, {"base": 150000}], "years": 2})
    assert result.offers[1].vs_first.total == -100000.0
    assert result.offers[1].vs_first.average_annual_pct == -25.0


def test_ranking_by_average_annual() -> None:
    """Offers are ranked by average annual, best first."""
    result = computed(
        "total-comp",
        {"offers": [{"name": "A", "base": 1}, {"name": "B", "base": 3}, {"name": "C", "base": 2}]},
    )
    assert result.ranking == ("B", "C", "A")
    assert result.ranked_by_order == (1, 2, 0)
    assert result.ranked_by == "average_annual"


def test_ranking_by_adjusted_when_cost_of_living_differs() -> None:
    """With any index other than 100, the adjusted figure decides the order, and says so."""
    result = two_offers(cost_of_living_index=150)
    assert result.ranking == ("Now", "New")
    assert result.ranked_by == "adjusted_average_annual"


def test_ranking_ties_keep_input_order() -> None:
    """Offers worth the same keep the order they were given in."""
    result = computed(
        "total-comp",
        {"offers": [{"name": "X", "base": 5}, {"name": "Y", "base": 9}, {"name": "Z", "base": 9}]},
    )
    assert result.ranking == ("Y", "Z", "X")


def test_result_shape_matches_the_spec() -> None:
    """The JSON result has the spec's keys (plus the headline's order and sentences)."""
    answer = run("total-comp", {"offers": [WORKED_OFFER, {**WORKED_OFFER, "name": "Two"}]})
    result = json.loads(json.dumps(answer["result"], allow_nan=False))
    assert set(result) == {
        "offers",
        "ranking",
        "ranking_after_tax",
        "ranked_by",
        "close_call",
        "read",
        "summary",
        "ranked_by_order",
        "headline",
        "callouts",
        "counted_on",
    }
    offer = result["offers"][0]
    assert set(offer) == {
        "name",
        "years",
        "total",
        "average_annual",
        "adjusted_average_annual",
        "first_year",
        "guaranteed_total",
        "at_risk_share_pct",
        "after_tax_total",
        "after_tax_average_annual",
        "after_tax_adjusted_average_annual",
        "notes",
        "cliffs",
        "make_whole_gap",
        "vs_first",
    }
    assert set(offer["years"][0]) == {
        "year",
        "base",
        "bonus",
        "equity",
        "refreshers",
        "one_time",
        "match",
        "other",
        "total",
        "guaranteed",
        "at_risk",
        "exercise_cost",
        "after_tax",
    }
    assert offer["cliffs"] == [{"year": 2, "drop_pct": 10.45, "cause": "one-time"}]
    assert set(offer["vs_first"]) == {"total", "total_pct", "average_annual", "average_annual_pct"}
    assert result["ranking"] == ["Offer 1", "Two"]


@settings(max_examples=80, deadline=None)
@given(
    extras=offer_extras,
    low=st.floats(min_value=1, max_value=1e7),
    more=st.floats(min_value=0, max_value=1e7),
    years=st.integers(min_value=1, max_value=10),
)
def test_higher_base_never_lowers_the_total(
    extras: dict[str, object], low: float, more: float, years: int
) -> None:
    """All else equal, a higher base never gives a lower total (or a lower year)."""
    lower = one({**extras, "base": low}, years)
    higher = one({**extras, "base": low + more}, years)
    assert higher.total >= lower.total
    assert all(
        h >= lo for h, lo in zip(column(higher, "total"), column(lower, "total"), strict=True)
    )


@settings(max_examples=40, deadline=None)
@given(
    offers=st.lists(
        st.tuples(st.floats(min_value=1, max_value=1e6), offer_extras), min_size=1, max_size=6
    )
)
def test_ranking_is_sorted_and_complete(offers: list[tuple[float, dict[str, object]]]) -> None:
    """The ranking lists every offer once, best figure first."""
    result = computed(
        "total-comp", {"offers": [{**extras, "base": base} for base, extras in offers]}
    )
    assert sorted(result.ranked_by_order) == list(range(len(offers)))
    key = result.ranked_by
    figures = [getattr(result.offers[i], key) for i in result.ranked_by_order]
    assert figures == sorted(figures, reverse=True)
    assert [result.offers[i].name for i in result.ranked_by_order] == list(result.ranking)
    html = render(result, Money())
    assert html.startswith('<div class="wa-result wa-result--total-comp">')
