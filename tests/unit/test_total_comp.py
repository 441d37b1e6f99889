"""The total-comp calculator: each offer year by year, side by side."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import total_comp
from calculators.__main__ import main
from calculators.api import run
from calculators.fields import FieldError
from calculators.render import Money
from calculators.total_comp import (
    CALCULATOR,
    FIELDS,
    OFFER_FIELDS,
    Cliff,
    Inputs,
    Offer,
    Result,
    compute,
    parse,
    parse_vesting,
    render,
)
from calculators.values import ValueProblem
from tests.strategies import json_values, typed_amounts
from tests.support import assert_sound_answer

# The spec's worked example: base 180000, bonus 15%, equity 200000 at 25/25/25/25, sign-on 30000.
WORKED: dict[str, object] = {
    "base": 180000,
    "bonus_target_pct": 15,
    "equity_grant": 200000,
    "vesting": "25/25/25/25",
    "sign_on": 30000,
}


def ok(inputs: object) -> Result:
    """Parse and compute, failing the test on input errors."""
    parsed = parse(inputs)
    assert isinstance(parsed, Inputs), parsed
    return compute(parsed)


def errors_of(inputs: object) -> list[FieldError]:
    parsed = parse(inputs)
    assert isinstance(parsed, list), parsed
    return parsed


def fields_of(inputs: object) -> list[str]:
    return [e.field for e in errors_of(inputs)]


def one(offer: dict[str, object], years: int = 4) -> Any:
    """The single offer's result for one offer."""
    return ok({"offers": [offer], "years": years}).offers[0]


def column(offer: Any, key: str) -> list[float]:
    return [getattr(row, key) for row in offer.years]


# --- The spec's worked examples --------------------------------------------------------


def test_worked_example_even_vesting() -> None:
    """The worked example gives 287000 in year 1, 257000 in years 2-4, 1058000 in all."""
    offer = one(WORKED)
    assert column(offer, "total") == [287000.0, 257000.0, 257000.0, 257000.0]
    assert offer.total == 1058000.0
    assert offer.average_annual == 264500.0
    assert offer.first_year == 287000.0


def test_worked_example_parts() -> None:
    """Year 1 of the worked example is base 180000, bonus 27000, equity 50000, one-time 30000."""
    row = one(WORKED).years[0]
    assert (row.base, row.bonus, row.equity, row.one_time) == (180000.0, 27000.0, 50000.0, 30000.0)
    assert (row.refreshers, row.match, row.other) == (0.0, 0.0, 0.0)


def test_worked_example_back_loaded() -> None:
    """The same grant at 5/15/40/40 gives 247000, 237000, 287000, 287000: the same total."""
    offer = one({**WORKED, "vesting": "5/15/40/40"})
    assert column(offer, "total") == [247000.0, 237000.0, 287000.0, 287000.0]
    assert offer.total == 1058000.0


def test_worked_example_back_loaded_five_years_cliff() -> None:
    """Over 5 years, year 5 falls to 207000: a cliff of (287000-207000)/287000 = 27.87%."""
    offer = one({**WORKED, "vesting": "back-loaded"}, years=5)
    assert column(offer, "total")[-1] == 207000.0
    assert offer.cliffs == (Cliff(year=5, drop_pct=27.87),)


def test_sign_on_drop_is_a_cliff_too() -> None:
    """287000 to 257000 is a 10.45% fall, more than 10%: year 2 counts as a cliff."""
    assert one(WORKED).cliffs == (Cliff(year=2, drop_pct=10.45),)


def test_a_fall_of_exactly_ten_percent_is_no_cliff() -> None:
    """A total exactly 10% below the year before is not more than 10% below it."""
    offer = one({"base": 90000, "sign_on": 10000}, years=2)
    assert column(offer, "total") == [100000.0, 90000.0]
    assert offer.cliffs == ()


# --- Each part of the formula ----------------------------------------------------------


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


# --- Across offers ----------------------------------------------------------------------


def two_offers(**second: object) -> Result:
    return ok(
        {"offers": [{"name": "Now", "base": 100000}, {"name": "New", "base": 125000, **second}]}
    )


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
    result = ok({"offers": [{"base": 200000}, {"base": 150000}], "years": 2})
    assert result.offers[1].vs_first.total == -100000.0
    assert result.offers[1].vs_first.average_annual_pct == -25.0


def test_ranking_by_average_annual() -> None:
    """Offers are ranked by average annual, best first."""
    result = ok(
        {"offers": [{"name": "A", "base": 1}, {"name": "B", "base": 3}, {"name": "C", "base": 2}]}
    )
    assert result.ranking == ("B", "C", "A")
    assert result.ranking_index == (1, 2, 0)
    assert result.ranking_basis == "average_annual"


def test_ranking_by_adjusted_when_cost_of_living_differs() -> None:
    """With any index other than 100, the adjusted figure decides the order, and says so."""
    result = two_offers(cost_of_living_index=150)
    assert result.ranking == ("Now", "New")
    assert result.ranking_basis == "adjusted_average_annual"


def test_ranking_ties_keep_input_order() -> None:
    """Offers worth the same keep the order they were given in."""
    result = ok(
        {"offers": [{"name": "X", "base": 5}, {"name": "Y", "base": 9}, {"name": "Z", "base": 9}]}
    )
    assert result.ranking == ("Y", "Z", "X")


def test_duplicate_names_are_allowed() -> None:
    """Two offers with the same name both appear; the index tells them apart."""
    result = ok({"offers": [{"name": "Acme", "base": 1}, {"name": "Acme", "base": 2}]})
    assert result.ranking == ("Acme", "Acme")
    assert result.ranking_index == (1, 0)


# --- Defaults ---------------------------------------------------------------------------


def test_defaults() -> None:
    """An offer with only a base takes the spec's defaults, over 4 years."""
    parsed = parse({"offers": [{"base": 100000}]})
    assert parsed == Inputs(offers=(Offer(name="Offer 1", base=100000.0),), years=4)
    default = Offer(name="x", base=1)
    assert default.vesting == (25.0, 25.0, 25.0, 25.0)
    assert (default.bonus_payout_pct, default.refresher_vesting_years) == (100.0, 4)
    assert (default.cost_of_living_index, default.retirement_match_cap) == (100.0, None)


def test_default_names_by_position() -> None:
    """Unnamed offers are called Offer 1, Offer 2, ... by position; blank counts as unnamed."""
    result = ok({"offers": [{"base": 1}, {"name": "Mine", "base": 1}, {"name": " ", "base": 1}]})
    assert [o.name for o in result.offers] == ["Offer 1", "Mine", "Offer 3"]


def test_field_defaults_match_the_spec() -> None:
    """The declared defaults are the spec's."""
    defaults = {f.name: f.default for f in OFFER_FIELDS}
    assert defaults == {
        "name": None,
        "base": None,
        "bonus_target_pct": 0,
        "bonus_payout_pct": 100,
        "raise_pct": 0,
        "equity_grant": 0,
        "vesting": "25/25/25/25",
        "refresher_annual": 0,
        "refresher_vesting_years": 4,
        "equity_growth_pct": 0,
        "equity_discount_pct": 0,
        "sign_on": 0,
        "sign_on_year2": 0,
        "relocation": 0,
        "unvested_left_behind": 0,
        "retirement_match_pct": 0,
        "retirement_match_cap": None,
        "other_annual": 0,
        "cost_of_living_index": 100,
    }
    assert [(f.name, f.default, f.minimum, f.maximum) for f in FIELDS] == [("years", 4, 1, 10)]


def test_every_field_has_a_label_help_and_group() -> None:
    """Each field carries what the form needs."""
    for field in (*FIELDS, *OFFER_FIELDS):
        assert field.label, field.name
        assert field.group, field.name
        assert field.help.endswith("."), field.name


def test_offers_group() -> None:
    """The offers are one repeated group of 1 to 6 items of the offer fields."""
    (group,) = CALCULATOR.groups
    assert (group.name, group.item_label, group.min_items, group.max_items) == (
        "offers",
        "Offer",
        1,
        6,
    )
    assert group.fields == OFFER_FIELDS


# --- Vesting schedules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "schedule"),
    [
        ("25/25/25/25", "25/25/25/25"),
        (" 25 / 25 / 25 / 25 ", "25/25/25/25"),
        ("25%/25%/25%/25%", "25/25/25/25"),
        ("even", "25/25/25/25"),
        ("Even", "25/25/25/25"),
        ("back-loaded", "5/15/40/40"),
        ("BACK-LOADED", "5/15/40/40"),
        ("5/15/40/40", "5/15/40/40"),
        ("33.3/33.3/33.4", "33.3/33.3/33.4"),
        ("100", "100"),
        (100, "100"),
        ("0/50/50", "0/50/50"),
        ("33.33/33.33/33.33", "33.33/33.33/33.33"),
    ],
)
def test_vesting_accepted(typed: object, schedule: str) -> None:
    """Schedules as people type them are read and normalised."""
    assert parse_vesting(typed) == schedule


def test_vesting_suggestions_all_parse() -> None:
    """Every suggested schedule is a valid one."""
    (field,) = [f for f in OFFER_FIELDS if f.name == "vesting"]
    assert field.suggestions == ("25/25/25/25", "5/15/40/40", "33.3/33.3/33.4", "100")
    for suggestion in field.suggestions:
        assert parse_vesting(suggestion) == suggestion


def test_vesting_split_into_floats() -> None:
    """The parsed offer holds the schedule as numbers."""
    parsed = parse({"offers": [{"base": 1, "vesting": "33.3/33.3/33.4"}]})
    assert isinstance(parsed, Inputs)
    assert parsed.offers[0].vesting == (33.3, 33.3, 33.4)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("30/30/30", "the years add up to 90%; they must add up to 100%"),
        ("50/60", "the years add up to 110%; they must add up to 100%"),
        ("99.98", "the years add up to 99.98%; they must add up to 100%"),
        ("25//25/50", "year 2 has no percent"),
        ("25/25/25/", "year 4 has no percent"),
        ("-10/60/50", "year 1 can't be negative"),
        ("25/abc/75", "year 2 is not a percent"),
        ("1e2", "year 1 is not a percent"),
        ("/".join(["10"] * 11), "at most 10 years"),
        ("150/0", "year 1 is more than 100%"),
        (-100, "year 1 can't be negative"),
        (True, "enter yearly percents"),
        ([25, 75], "enter yearly percents"),
        (float("nan"), "enter yearly percents"),
        (float("inf"), "year 1 is more than 100%"),
    ],
)
def test_vesting_rejected(typed: object, message: str) -> None:
    """Schedules that don't add up, or can't be read, say what to fix."""
    with pytest.raises(ValueProblem, match=re.escape(message)):
        parse_vesting(typed)


def test_vesting_tolerance() -> None:
    """A schedule within 0.01 of 100 is accepted."""
    assert parse_vesting("99.995") == "99.995"
    assert parse_vesting("50/50.01") == "50/50.01"


def test_vesting_error_names_the_offer_and_field() -> None:
    """A bad schedule is reported on offers[i].vesting with the offer's number."""
    errors = errors_of({"offers": [{"base": 1}, {"base": 1, "vesting": "30/30/30"}]})
    assert errors == [
        FieldError(
            "offers[1].vesting",
            "Offer 2 — Vesting: the years add up to 90%; they must add up to 100%",
        )
    ]


def test_vesting_of_ten_years_is_accepted() -> None:
    """Ten years of schedule is the most allowed."""
    assert parse_vesting("/".join(["10"] * 10)) == "/".join(["10"] * 10)


# --- Validation -------------------------------------------------------------------------


def test_base_required() -> None:
    """An offer without a base is an error on offers[0].base."""
    assert errors_of({"offers": [{"name": "A"}]}) == [
        FieldError(
            "offers[0].base",
            "Offer 1 — Base salary: required, enter an amount like 180000, 180k or $180,000",
        )
    ]


def test_base_must_be_positive() -> None:
    """A base of 0 is an error."""
    (error,) = errors_of({"offers": [{"base": 0}]})
    assert error == FieldError("offers[0].base", "Offer 1 — Base salary: must be more than 0")


@pytest.mark.parametrize(
    "offers", [None, "", [], "x", {"base": 1}, 5], ids=["none", "blank", "empty", "str", "obj", "n"]
)
def test_offers_must_be_a_non_empty_list(offers: object) -> None:
    """Missing, empty, or not a list: one error on offers."""
    assert fields_of({"offers": offers}) == ["offers"]


def test_offers_missing() -> None:
    """No offers key at all is an error on offers."""
    (error,) = errors_of({"years": 4})
    assert error == FieldError("offers", "Offers: add at least one offer")


def test_at_most_six_offers() -> None:
    """Seven offers is one too many."""
    (error,) = errors_of({"offers": [{"base": 1}] * 7})
    assert error.field == "offers"
    assert "at most 6" in error.message
    assert ok({"offers": [{"base": 1}] * 6}).ranking_index == (0, 1, 2, 3, 4, 5)


def test_offer_must_be_an_object() -> None:
    """An offer that is not an object is an error on offers[i]."""
    (error,) = errors_of({"offers": [{"base": 1}, 42]})
    assert error.field == "offers[1]"
    assert error.message.startswith("Offer 2: ")


def test_inputs_must_be_an_object() -> None:
    """Inputs that are not an object are one error."""
    assert len(errors_of([1, 2])) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bonus_target_pct", -5, "Target bonus: must be between 0 and 500"),
        ("bonus_payout_pct", 301, "Expected bonus payout: must be between 0 and 300"),
        ("raise_pct", -1, "Yearly raise: must be between 0 and 100"),
        ("equity_growth_pct", 101, "Share price growth: must be between -100 and 100"),
        ("equity_growth_pct", "-101%", "Share price growth: must be between -100 and 100"),
        ("equity_discount_pct", 120, "Equity discount: must be between 0 and 100"),
        ("retirement_match_pct", -2, "Retirement match: must be between 0 and 100"),
        ("refresher_vesting_years", 0, "Refresher vesting: must be between 1 and 10"),
        ("refresher_vesting_years", 2.5, "Refresher vesting: enter a whole number like 3"),
        ("cost_of_living_index", 0, "Cost of living: must be between 1 and 1000"),
        ("cost_of_living_index", "dear", "Cost of living: enter a number like 100"),
        ("equity_grant", "-5", "Initial equity grant: can't be negative"),
        ("sign_on", "lots", "Sign-on bonus: enter an amount"),
        ("retirement_match_cap", -1, "Retirement match cap: can't be negative"),
        ("name", "x" * 61, "Name: keep it under 60 characters"),
        ("name", 7, "Name: enter text"),
    ],
)
def test_offer_field_bounds(field: str, value: object, message: str) -> None:
    """Each offer field's bounds are checked and named by path."""
    (error,) = errors_of({"offers": [{"base": 1}, {"base": 1, field: value}]})
    assert error.field == f"offers[1].{field}"
    assert error.message.startswith(f"Offer 2 — {message}")


@pytest.mark.parametrize(
    ("value", "message"),
    [(0, "between 1 and 10"), (11, "between 1 and 10"), ("4.5", "whole number")],
)
def test_years_bounds(value: object, message: str) -> None:
    """Years must be a whole number from 1 to 10."""
    (error,) = errors_of({"offers": [{"base": 1}], "years": value})
    assert error.field == "years"
    assert message in error.message


def test_match_cap_is_optional() -> None:
    """A blank cap means no cap."""
    parsed = parse({"offers": [{"base": 1, "retirement_match_cap": ""}]})
    assert isinstance(parsed, Inputs)
    assert parsed.offers[0].retirement_match_cap is None


def test_unknown_fields_are_errors() -> None:
    """A typo in an offer or at the top is an error with a suggestion, not a silent default."""
    errors = errors_of({"offers": [{"base": 1, "bsae": 2}], "yeras": 3})
    assert errors == [
        FieldError("yeras", "yeras: not a field here; did you mean years?"),
        FieldError("offers[0].bsae", "Offer 1 — bsae: not a field here; did you mean base?"),
    ]


def test_all_problems_reported() -> None:
    """Every problem, in every offer and at the top, is listed."""
    errors = errors_of(
        {
            "years": 0,
            "offers": [
                {"base": "", "vesting": "30/30"},
                "nope",
                {"base": 1, "sign_on": "x", "equity_discount_pct": 200},
            ],
        }
    )
    assert [e.field for e in errors] == [
        "years",
        "offers[0].base",
        "offers[0].vesting",
        "offers[1]",
        "offers[2].equity_discount_pct",
        "offers[2].sign_on",
    ]


# --- Result shape -----------------------------------------------------------------------


def test_result_shape_matches_the_spec() -> None:
    """The JSON result has the spec's keys (plus ranking_index and ranking_basis)."""
    answer = run("total-comp", {"offers": [WORKED, WORKED]})
    result = json.loads(json.dumps(answer["result"], allow_nan=False))
    assert set(result) == {"offers", "ranking", "ranking_index", "ranking_basis"}
    offer = result["offers"][0]
    assert set(offer) == {
        "name",
        "years",
        "total",
        "average_annual",
        "adjusted_average_annual",
        "first_year",
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
    }
    assert offer["cliffs"] == [{"year": 2, "drop_pct": 10.45}]
    assert set(offer["vs_first"]) == {"total", "total_pct", "average_annual", "average_annual_pct"}
    assert result["ranking"] == ["Offer 1", "Offer 2"]


def test_example_computes() -> None:
    """The example compares the current job with the spec's worked example."""
    result = ok(CALCULATOR.example)
    assert [o.name for o in result.offers] == ["Current job", "Offer A"]
    assert result.offers[1].total == 1058000.0
    assert result.ranking == ("Offer A", "Current job")
    assert result.offers[1].make_whole_gap == 30000.0


def test_calculator_metadata() -> None:
    """The calculator is registered under its name and title."""
    assert (CALCULATOR.name, CALCULATOR.title) == ("total-comp", "Total compensation")
    assert CALCULATOR.fields == FIELDS


def test_command_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The command line answers the example with exit 0 and bad input with exit 2."""
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(CALCULATOR.example)))
    assert main(["total-comp"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    monkeypatch.setattr("sys.stdin", io.StringIO('{"offers": []}'))
    assert main(["total-comp", "-"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["field"] == "offers"


# --- Rendering --------------------------------------------------------------------------


def html_of(inputs: object, currency: str = "USD") -> str:
    return render(ok(inputs), Money(currency))


def test_render_root_and_headline() -> None:
    """The fragment's root and headline name the best offer and its lead over the first."""
    html = html_of(CALCULATOR.example)
    assert html.startswith(
        '<div class="wa-result wa-result--total-comp"><p class="wa-headline">Offer A is worth '
        "the most: $264,500 a year on average over 4 years, $44,668 a year more than Current job"
    )
    assert html.endswith("</div>")


def test_headline_when_the_first_offer_is_best() -> None:
    """When the first offer is best, the headline says so and by how much."""
    html = html_of({"offers": [{"name": "Stay", "base": 200000}, {"name": "Go", "base": 150000}]})
    assert "Stay is still worth the most: $200,000 a year" in html
    assert "the best of the others, Go, is $50,000 a year less" in html


def test_headline_for_one_offer() -> None:
    """A single offer's headline gives its average and total."""
    html = html_of({"offers": [WORKED]})
    assert "Offer 1 is worth $264,500 a year on average over 4 years, $1,058,000 in all." in html


def test_headline_adjusted_for_cost_of_living() -> None:
    """With a cost-of-living index, the headline ranks on the adjusted figure and says so."""
    html = html_of(
        {
            "offers": [
                {"name": "Here", "base": 100000},
                {"name": "There", "base": 150000, "cost_of_living_index": 120},
            ]
        }
    )
    assert "There is worth the most once cost of living is counted: $125,000 a year" in html
    assert "Adjusted for cost of living" in html


def test_no_adjusted_column_without_an_index() -> None:
    """The adjusted column appears only when an index differs from 100."""
    assert "Adjusted for cost of living" not in html_of(CALCULATOR.example)


def test_cliff_admonition() -> None:
    """A cliff where the grant runs out is a warning saying by how much the total falls."""
    html = html_of({"offers": [{**WORKED, "vesting": "5/15/40/40"}], "years": 5})
    assert (
        "Cliff in year 5: total falls 27.9%, the initial grant runs out with too little refresh."
        in html
    )
    assert '<div class="admonition warning">' in html


def test_sign_on_cliff_is_a_note() -> None:
    """A fall because the sign-on is not paid again is a note, not a warning."""
    html = html_of({"offers": [WORKED]})
    assert '<div class="admonition note">' in html
    assert (
        "Cliff in year 2: total falls 10.5%, year 1&#x27;s one-time payments are not paid again"
        in html
    )


def test_make_whole_admonition() -> None:
    """A make-whole gap says what a sign-on would still need to cover."""
    html = html_of({"offers": [{"base": 1, "unvested_left_behind": 50000, "sign_on": 20000}]})
    assert "A sign-on would still need to cover $30,000" in html


def test_year_tables() -> None:
    """Each offer has a year-by-year table with the spec's columns and a total row."""
    html = html_of(CALCULATOR.example)
    assert html.count("year by year</caption>") == 2
    numeric = ["Base", "Bonus", "Equity", "Refreshers", "One-time", "Match", "Other", "Total"]
    header = '<th scope="col">Year</th>' + "".join(
        f'<th scope="col" class="wa-num">{h}</th>' for h in numeric
    )
    assert header in html
    assert '<tfoot><tr><th scope="row">Total</th><td class="wa-num">$720,000</td>' in html
    assert '<td class="wa-num">$1,058,000</td></tr></tfoot>' in html


def test_comparison_table() -> None:
    """The comparison table gives averages, totals, the difference and the make-whole gap."""
    html = html_of(CALCULATOR.example)
    assert "<caption>The offers side by side</caption>" in html
    assert "Total over 4 years" in html
    assert "+$44,668 (+20.3%)" in html
    assert "Make-whole gap" in html


def test_render_uses_the_currency() -> None:
    """Amounts are shown in the reader's currency."""
    assert "€264,500" in html_of({"offers": [WORKED]}, "EUR")


def test_render_escapes_offer_names() -> None:
    """Offer names are escaped everywhere they appear."""
    html = html_of(
        {"offers": [{"name": "<script>x</script>", "base": 1}, {"name": 'A"&B', "base": 2}]}
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'A"&B' not in html
    assert "A&quot;&amp;B" in html


def test_render_is_deterministic() -> None:
    """The same result renders to the same markup."""
    assert html_of(CALCULATOR.example) == html_of(CALCULATOR.example)


def test_chart_is_accessible() -> None:
    """The chart is an image with a label stating its point."""
    html = html_of(CALCULATOR.example)
    assert '<svg class="wa-chart" viewBox="0 0 640 ' in html
    assert 'role="img" aria-label="Total compensation per year over 4 years' in html
    assert "Offer A is worth the most on average" in html


def test_chart_stacks_parts_in_series_order() -> None:
    """Bars are stacked base, bonus, equity, ..., other in classes wa-s1 to wa-s7."""
    html = html_of(
        {
            "offers": [
                {
                    "base": 100000,
                    "bonus_target_pct": 10,
                    "equity_grant": 40000,
                    "refresher_annual": 8000,
                    "sign_on": 5000,
                    "retirement_match_pct": 3,
                    "other_annual": 1000,
                }
            ],
            "years": 2,
        }
    )
    year_two = re.findall(r'<rect class="(wa-s\d)"[^>]*><title>Offer 1, year 2', html)
    assert year_two == ["wa-s1", "wa-s2", "wa-s3", "wa-s4", "wa-s6", "wa-s7"]


def test_chart_gridlines_and_labels() -> None:
    """The y axis has 3 to 5 gridlines labelled in short money; x labels run Y1..YN."""
    html = html_of({"offers": [WORKED], "years": 7})
    gridlines = re.findall(r'<line class="wa-grid"', html)
    assert 3 <= len(gridlines) <= 5
    assert ">$300k</text>" in html
    assert [f">Y{i}</text>" in html for i in range(1, 8)] == [True] * 7
    assert ">Y8</text>" not in html


def test_chart_legend_lists_the_parts_present() -> None:
    """The legend names the parts that appear in the chart."""
    html = html_of({"offers": [WORKED]})
    legend = re.findall(
        r'<text class="wa-label" x="[\d.]+" y="[\d.]+" text-anchor="start">(\w[\w-]*)</text>', html
    )
    assert legend == ["Base", "Bonus", "Equity", "One-time"]


def test_chart_numbers_the_bars_of_several_offers() -> None:
    """With several offers, each bar is numbered and a key maps numbers to names."""
    html = html_of(CALCULATOR.example)
    assert "Bars in each year, left to right: 1 Current job, 2 Offer A." in html
    assert len(re.findall(r'text-anchor="middle">[12]</text>', html)) == 8
    assert "Bars in each year" not in html_of({"offers": [WORKED]})


def test_chart_fits_six_offers_over_ten_years() -> None:
    """Six offers over ten years stay inside the view box with bars at least 6 units wide."""
    offers = [{"base": 100000 * (i + 1), "equity_grant": 50000, "sign_on": 1000} for i in range(6)]
    html = html_of({"offers": offers, "years": 10})
    widths = [
        float(w)
        for w in re.findall(r'<rect class="wa-s1" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', html)
    ]
    xs = [float(x) for x in re.findall(r'<rect class="wa-s\d" x="([\d.]+)"', html)]
    assert len(widths) == 61  # 60 bars and one legend swatch
    assert min(widths) >= 6
    assert max(xs) + 10 <= 640


# --- Properties -------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(field=st.sampled_from([f.name for f in OFFER_FIELDS]), value=json_values | typed_amounts)
def test_any_value_for_any_offer_field_never_raises(field: str, value: object) -> None:
    """Any JSON value for any offer field gives a result or errors, never an exception."""
    answer = run("total-comp", {"offers": [{"base": 100000, field: value}]}, html=True)
    assert_sound_answer(answer)


@settings(max_examples=40, deadline=None)
@given(value=json_values)
def test_any_value_for_years_never_raises(value: object) -> None:
    """Any JSON value for years gives a result or errors."""
    assert_sound_answer(run("total-comp", {"offers": [{"base": 1}], "years": value}, html=True))


@settings(max_examples=60, deadline=None)
@given(data=json_values)
def test_any_input_never_raises(data: object) -> None:
    """Any JSON value as the whole input gives a result or errors."""
    assert_sound_answer(run("total-comp", data, html=True))
    assert_sound_answer(run("total-comp", {"offers": data}, html=True))


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
    result = ok({"offers": [{**extras, "base": base} for base, extras in offers]})
    assert sorted(result.ranking_index) == list(range(len(offers)))
    key = result.ranking_basis
    figures = [getattr(result.offers[i], key) for i in result.ranking_index]
    assert figures == sorted(figures, reverse=True)
    html = render(result, Money())
    assert html.startswith('<div class="wa-result wa-result--total-comp">')


def test_module_is_the_registered_one() -> None:
    """api's registry holds this module's calculator."""
    from calculators.api import CALCULATORS

    assert CALCULATORS["total-comp"] is total_comp.CALCULATOR
