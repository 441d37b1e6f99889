"""Vesting schedules as people type them."""

from __future__ import annotations

import re

import pytest

from calculators.reading import ValueProblem
from calculators.schema import FieldError
from calculators.total_comp.offer import OFFER_FIELDS
from calculators.total_comp.vesting import parse_vesting
from tests.support.calls import errors, parsed


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
    inputs = parsed("total-comp", {"offers": [{"base": 1, "vesting": "33.3/33.3/33.4"}]})
    assert inputs.offers[0].vesting == (33.3, 33.3, 33.4)


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
    found = errors("total-comp", {"offers": [{"base": 1}, {"base": 1, "vesting": "30/30/30"}]})
    assert found == [
        FieldError(
            "offers[1].vesting",
            "Offer 2 — Vesting: the years add up to 90%; they must add up to 100%",
        )
    ]


def test_vesting_of_ten_years_is_accepted() -> None:
    """Ten years of schedule is the most allowed."""
    assert parse_vesting("/".join(["10"] * 10)) == "/".join(["10"] * 10)
