"""Total comp's inputs after the revision of 2026-12-06: salaries a year and sign-on
clawbacks, unique names, schedules scaled to 100, and figures too large to count as field
errors, never an exception."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.api import run
from calculators.format import Money
from calculators.schema import FieldError
from calculators.total_comp import compute, parse, render
from calculators.total_comp.offer import OFFER_FIELDS
from tests.support.calls import errors, parsed

# --- new fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "salaries", "base"),
    [
        ("4,500/month", None, 54000.0),
        ("4,500 a month", 13, 58500.0),
        ("3.500/month", 14, 49000.0),
        ("180k", 14, 180000.0),
        (180000, 13, 180000.0),
        ("180k/year", 14, 180000.0),
    ],
)
def test_a_base_per_month_is_multiplied_by_the_salaries_a_year(
    typed: object, salaries: int | None, base: float
) -> None:
    """Only a base written per month is multiplied, by that offer's salaries a year."""
    offer: dict[str, object] = {"base": typed}
    if salaries is not None:
        offer["salaries_per_year"] = salaries
    assert parsed("total-comp", {"offers": [offer]}).offers[0].base == base


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("salaries_per_year", 11, "between 12 and 14"),
        ("salaries_per_year", 15, "between 12 and 14"),
        ("salaries_per_year", 12.5, "whole number"),
        ("sign_on_clawback_months", 61, "between 0 and 60"),
        ("sign_on_clawback_months", -1, "between 0 and 60"),
    ],
)
def test_the_new_fields_bounds(field: str, value: object, words: str) -> None:
    """Salaries a year are 12, 13 or 14; a clawback 0 to 60 months."""
    (error,) = errors("total-comp", {"offers": [{"base": 1, field: value}]})
    assert error.field == f"offers[0].{field}"
    assert words in error.message


def test_the_new_fields_are_labelled_in_plain_words() -> None:
    """Each new field has a label and help that say what it means."""
    fields = {field.name: field for field in OFFER_FIELDS}
    assert fields["salaries_per_year"].label == "Salaries a year"
    assert "13th or 14th" in fields["salaries_per_year"].help
    assert "pay the sign-on back" in fields["sign_on_clawback_months"].help
    assert fields["base"].yearly


# --- unique names, scaled schedules, figures too large --------------------------------------


@pytest.mark.parametrize(
    ("offers", "message"),
    [
        (
            [{"base": 1}, {"name": "Offer 1", "base": 2}],
            'Offer 2 — Name: offer 1 is already called "Offer 1"; give this one another name',
        ),
        (
            [{"name": "Offer 2", "base": 1}, {"base": 2}],
            'Offer 2 — Name: left empty, this offer is called "Offer 2", and offer 1 is already '
            'called "Offer 2"; give this one another name',
        ),
        (
            [{"name": "Acme", "base": 1}, {"name": " acme ", "base": 2}],
            'Offer 2 — Name: offer 1 is already called "Acme"; give this one another name',
        ),
    ],
)
def test_offer_names_are_unique(offers: list[dict[str, object]], message: str) -> None:
    """A second offer of the same name (given or by default) is an error naming it."""
    assert errors("total-comp", {"offers": offers}) == [FieldError("offers[1].name", message)]


def test_a_schedule_within_a_hundredth_of_100_is_scaled_to_100() -> None:
    """33.33/33.33/33.33 vests the whole grant: the years add up to exactly 100."""
    inputs = parsed(
        "total-comp",
        {"offers": [{"base": 1, "equity_grant": 99990, "vesting": "33.33/33.33/33.33"}]},
    )
    assert math.fsum(inputs.offers[0].vesting) == 100.0
    result = compute(inputs)
    assert sum(row.equity for row in result.offers[0].years) == pytest.approx(99990, abs=0.02)
    assert result.read["offers"][0]["vesting"] == list(inputs.offers[0].vesting)  # type: ignore[index]


@pytest.mark.parametrize(
    ("offer", "years", "fields"),
    [
        ({"options_count": 1e300}, 4, ["offers[0].options_count"]),
        ({"options_count": 10**300}, 4, ["offers[0].options_count"]),
        (
            {"options_count": 10**12, "share_price": 10**12},
            4,
            ["offers[0].options_count", "offers[0].share_price"],
        ),
    ],
)
def test_huge_option_grants_are_field_errors(
    offer: dict[str, object], years: int, fields: list[str]
) -> None:
    """An options count of 1e300, or one whose equity comes to more than 1e13, is an error
    on the fields behind it, never an internal error or Infinity."""
    options = {"equity_type": "options", "options_count": 1, "strike_price": 1, "share_price": 2}
    found = errors("total-comp", {"offers": [{"base": 1, **options, **offer}], "years": years})
    assert [e.field for e in found] == fields
    answer = run("total-comp", {"offers": [{"base": 1, **options, **offer}]})
    assert answer["ok"] is False
    assert "Internal error" not in json.dumps(answer)


def test_a_base_that_compounds_past_the_limit_names_base_and_raise() -> None:
    """A base of 1e12 rising 100% a year passes 1e13 by year 5."""
    found = errors("total-comp", {"offers": [{"base": 1e12, "raise_pct": 100}], "years": 10})
    assert [e.field for e in found] == ["offers[0].base", "offers[0].raise_pct"]
    assert "more than 10,000,000,000,000" in found[0].message
    assert parsed("total-comp", {"offers": [{"base": 1e12}], "years": 10})


def test_a_first_offer_too_small_to_compare_with() -> None:
    """A first base so small that the others' difference from it is no finite percent."""
    found = errors("total-comp", {"offers": [{"base": 1e-300}, {"base": 1e12}]})
    assert [e.field for e in found] == ["offers[0].base"]


# --- never an exception ---------------------------------------------------------------------

numbers = st.one_of(
    st.floats(),
    st.integers(),
    st.sampled_from([1e300, 10**300, 1e12, 1e13, 0.3, 0, -1, 100, 1e-300, "1e300", "4,500/month"]),
    st.text(alphabet="0123456789.,k/month ", max_size=12),
)
any_offer = st.fixed_dictionaries(
    {"base": numbers},
    optional=dict.fromkeys(
        (
            "bonus_target_pct",
            "bonus_payout_pct",
            "raise_pct",
            "equity_grant",
            "options_count",
            "strike_price",
            "share_price",
            "refresher_annual",
            "refresher_vesting_years",
            "equity_growth_pct",
            "equity_discount_pct",
            "sign_on",
            "sign_on_year2",
            "relocation",
            "unvested_left_behind",
            "retirement_match_pct",
            "retirement_match_cap",
            "other_annual",
            "cost_of_living_index",
            "tax_rate_pct",
            "salaries_per_year",
            "sign_on_clawback_months",
        ),
        numbers,
    )
    | {
        "equity_type": st.sampled_from(["rsu", "options"]),
        "vesting": st.sampled_from(["even", "back-loaded", "100", "33.33/33.33/33.33"]),
        "name": st.sampled_from(["A", "B", "Offer 1", ""]),
    },
)
huge_options = st.fixed_dictionaries(
    {
        "base": st.sampled_from([1, 180000, 1e12]),
        "equity_type": st.just("options"),
        "options_count": st.sampled_from([1, 10**12, 1e300]),
        "strike_price": st.sampled_from([0.01, 1, 1e12]),
        "share_price": st.sampled_from([0.01, 10, 1e12]),
        "equity_growth_pct": st.sampled_from([-100, 0, 100]),
        "equity_discount_pct": st.sampled_from([0, 100]),
    }
)


def assert_finite(value: Any) -> None:
    if isinstance(value, float):
        assert math.isfinite(value)
    elif isinstance(value, dict):
        for item in value.values():
            assert_finite(item)
    elif isinstance(value, list | tuple):
        for item in value:
            assert_finite(item)


@settings(max_examples=300, deadline=None)
@given(
    offers=st.lists(any_offer | huge_options, min_size=1, max_size=6),
    years=st.integers(min_value=1, max_value=10),
)
def test_any_offers_give_a_finite_result_or_field_errors(
    offers: list[dict[str, object]], years: int
) -> None:
    """Any numbers a JSON client could send give a result whose every float is finite, or
    field errors: never an exception."""
    inputs = parse({"offers": offers, "years": years})
    if isinstance(inputs, list):
        assert inputs
        assert all(isinstance(error, FieldError) for error in inputs)
        return
    result = compute(inputs, Money("GBP"))
    data = dataclasses.asdict(result)
    assert_finite(data)
    json.dumps(data, allow_nan=False)
    render(inputs, result, Money("GBP"))
