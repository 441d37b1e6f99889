"""The walk decision's inputs: its fields, their defaults, parsing and validation."""

from __future__ import annotations

import pytest

from calculators.api import run
from calculators.walk import FIELDS, Inputs
from tests.support.calls import (
    FEELING_IDS,
    RATING_IDS,
    REAL_REASON_IDS,
    error_fields,
    errors,
    parsed,
)


def test_field_defaults_are_the_specs() -> None:
    """Every field of the spec's table is there with its default, in form order; the tests'
    ratings, real reasons and feelings (tests.support.calls) are the spec's."""
    ratings = ["scope", "manager", "team", "growth", "location", "equity_quality"]
    reasons = [
        "recruiter_pushback",
        "scope_downgraded",
        "serious_red_flag",
        "bad_faith",
        "one_sided_concessions",
        "authority_problem",
        "scope_drift",
        "unreasonable_demands",
        "incompatible_objectives",
    ]
    feelings = [
        "under_wish_above_floor",
        "slow_process",
        "tired",
        "might_pay_more_later",
        "friend_higher_offer",
    ]
    defaults = {f.name: f.default for f in FIELDS}
    spec = {
        "offer": None,
        "floor": None,
        "target": None,
        "anchor": None,
        "runway_months": None,
        **dict.fromkeys(ratings),
        "counter_rounds": 0,
        "last_counter_moved": True,
        "other_options": False,
        **dict.fromkeys(reasons, False),
        "gut_says_walk": False,
        "gut_signal": "",
        **dict.fromkeys(feelings, False),
    }
    assert defaults == spec
    assert list(defaults) == list(spec)
    assert (ratings, reasons, feelings) == (RATING_IDS, REAL_REASON_IDS, FEELING_IDS)


def test_fields_sit_in_the_forms_groups() -> None:
    """Fields are grouped into the five form sections, in order."""
    groups = list(dict.fromkeys(f.group for f in FIELDS))
    assert groups == [
        "Your numbers",
        "The role",
        "Where the negotiation stands",
        "Real reasons to walk",
        "Feelings (not reasons)",
    ]


def test_parsing_fills_defaults() -> None:
    """Only offer and floor given: nothing rated, no counters, nothing ticked."""
    inputs = parsed("walk", {"offer": "158.4k", "floor": "$180,000"})
    assert inputs == Inputs(offer=158400.0, floor=180000.0)
    assert (inputs.target, inputs.anchor, inputs.runway_months) == (None, None, None)
    assert inputs.ratings == (None,) * 6
    assert (inputs.counter_rounds, inputs.last_counter_moved, inputs.other_options) == (
        0,
        True,
        False,
    )
    assert (inputs.reasons_marked, inputs.gut_says_walk, inputs.feelings_marked) == ((), False, ())


def test_runway_accepts_months_as_typed() -> None:
    """The runway reads "4", 4.5 and "4.5 months" alike."""
    values = [
        parsed("walk", {"offer": 1, "floor": 2, "runway_months": v}).runway_months
        for v in ("4", 4.5, "4.5 months")
    ]
    assert values == [4.0, 4.5, 4.5]


def test_form_checkboxes_are_read_as_flags() -> None:
    """A form's "on" ticks a box; ticked reasons keep the form's order."""
    inputs = parsed(
        "walk", {"offer": 1, "floor": 2, "scope_drift": "on", "bad_faith": "true", "tired": "on"}
    )
    assert (inputs.reasons_marked, inputs.feelings_marked) == (
        ("bad_faith", "scope_drift"),
        ("tired",),
    )


def test_offer_and_floor_are_required() -> None:
    """Without offer and floor, both are reported with how to type them."""
    found = errors("walk", {})
    assert [e.field for e in found] == ["offer", "floor"]
    assert found[1].message == "Your floor: required, enter an amount like 180000, 180k or $180,000"


def test_floor_must_be_above_zero() -> None:
    """A floor of zero is an error on the floor."""
    assert [(e.field, e.message) for e in errors("walk", {"offer": 1, "floor": 0})] == [
        ("floor", "Your floor: must be more than 0")
    ]


def test_target_below_floor_is_reported_on_target() -> None:
    """A target under the floor names the floor to aim above."""
    assert [
        (e.field, e.message)
        for e in errors("walk", {"offer": 1, "floor": 180000, "target": "170k"})
    ] == [("target", "Your target: should be at least your floor (180,000)")]


def test_target_check_waits_for_a_valid_floor() -> None:
    """With a broken floor, only the floor is reported, not a target comparison."""
    assert error_fields("walk", {"offer": 1, "floor": "lots", "target": 5}) == ["floor"]


def test_ratings_may_be_left_unrated() -> None:
    """An empty rating (the form's "Not rated") is no rating; the others are read as given."""
    inputs = parsed("walk", {"offer": 1, "floor": 2, "scope": "", "team": "4", "growth": 3})
    assert inputs.ratings == (None, None, 4, 3, None, None)


def test_old_links_with_ratings_of_three_still_parse() -> None:
    """Saved inputs and share links from before (every rating a 3) open as they were."""
    old = {"offer": "158400", "floor": "180000", **dict.fromkeys(RATING_IDS, "3")}
    assert parsed("walk", old).ratings == (3, 3, 3, 3, 3, 3)


@pytest.mark.parametrize(
    ("numbers", "field", "message"),
    [
        ({"target": 190000, "anchor": 185000}, "anchor", "at least your target (190,000)"),
        ({"anchor": 170000}, "anchor", "at least your floor (180,000)"),
        ({"target": 170000, "anchor": 175000}, "target", "at least your floor (180,000)"),
    ],
)
def test_numbers_must_be_in_order(numbers: dict[str, object], field: str, message: str) -> None:
    """The floor, the target and the anchor rise in that order; a number out of order names
    itself and the number it must reach."""
    found = errors("walk", {"offer": 1, "floor": 180000, **numbers})
    assert [e.field for e in found][:1] == [field]
    assert message in found[0].message


def test_an_anchor_at_the_target_is_fine() -> None:
    """An anchor equal to the target (or the floor) is in order."""
    assert parsed("walk", {"offer": 1, "floor": 9, "target": 10, "anchor": 10}).anchor == 10.0


@pytest.mark.parametrize("value", [0, 6, "2.5", "high"])
def test_ratings_are_whole_numbers_one_to_five(value: object) -> None:
    """A rating outside 1..5, or not a whole number, is an error on that rating."""
    assert error_fields("walk", {"offer": 1, "floor": 2, "growth": value}) == ["growth"]


def test_counter_rounds_are_bounded() -> None:
    """Counter rounds run from 0 to 10."""
    assert error_fields("walk", {"offer": 1, "floor": 2, "counter_rounds": 11}) == [
        "counter_rounds"
    ]
    assert error_fields("walk", {"offer": 1, "floor": 2, "counter_rounds": -1}) == [
        "counter_rounds"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", "Your runway: enter months like 4 or 4.5"),
        (-1, "Your runway: can't be negative"),
        (True, "Your runway: enter months like 4 or 4.5"),
        (float("inf"), "Your runway: enter months like 4 or 4.5"),
    ],
)
def test_runway_must_be_months(value: object, message: str) -> None:
    """The runway is a number of months, not negative."""
    assert [
        (e.field, e.message)
        for e in errors("walk", {"offer": 1, "floor": 2, "runway_months": value})
    ] == [("runway_months", message)]


def test_gut_signal_is_at_most_500_characters() -> None:
    """A gut signal over 500 characters is an error on it."""
    assert error_fields("walk", {"offer": 1, "floor": 2, "gut_signal": "x" * 501}) == ["gut_signal"]


def test_flags_must_be_yes_or_no() -> None:
    """A flag that isn't yes or no is an error on it."""
    assert error_fields("walk", {"offer": 1, "floor": 2, "other_options": "maybe"}) == [
        "other_options"
    ]


def test_unknown_field_is_an_error_with_a_suggestion() -> None:
    """A typo is reported, with the field it probably meant."""
    found = errors("walk", {"offer": 1, "floor": 2, "flor": 3})
    assert [(e.field, e.message) for e in found] == [
        ("flor", "flor: not a field here; did you mean floor?")
    ]


def test_inputs_must_be_an_object() -> None:
    """A list instead of an object is one error, not a crash."""
    assert [e.message for e in errors("walk", [1, 2])] == ["inputs must be a JSON object"]


def test_all_problems_are_reported() -> None:
    """Every problem is listed, not only the first."""
    data = {"offer": "lots", "floor": 100, "target": 50, "team": 9, "tired": "very", "typo": 1}
    assert error_fields("walk", data) == ["typo", "offer", "team", "tired", "target"]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ({"offer": "90.000 €", "floor": "€95.000"}, (90000.0, 95000.0)),
        ({"offer": "4,500/month", "floor": "50k"}, (54000.0, 50000.0)),
        ({"offer": "₹18L", "floor": "1,50,000 a month"}, (1800000.0, 1800000.0)),
    ],
)
def test_yearly_amounts_are_read_as_written_anywhere(
    typed: dict[str, object], read: tuple[float, float]
) -> None:
    """The offer and floor read European and Indian writing, and a per-month period."""
    inputs = parsed("walk", typed)
    assert (inputs.offer, inputs.floor) == read


def test_the_spec_examples_read_and_gap() -> None:
    """`90.000 €` against `€95.000`: a gap of 5.26%, read.offer 90000."""
    answer = run("walk", {"offer": "90.000 €", "floor": "€95.000"})
    assert answer["ok"]
    result = answer["result"]
    assert isinstance(result, dict)
    assert (result["gap_pct"], result["read"]["offer"]) == (5.26, 90000.0)
    assert answer["read_as"] == {"offer": "read as 90,000", "floor": "read as 95,000"}


def test_an_ambiguous_amount_is_an_error_that_shows_how_to_write_it() -> None:
    """`1,2,3` can't be read: the floor's error gives an example to follow."""
    (error,) = errors("walk", {"offer": "200k", "floor": "1,2,3"})
    assert error.field == "floor"
    assert "180,000" in error.message
