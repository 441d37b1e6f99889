"""Runway's inputs: the fields, their defaults, parsing and validation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from calculators.api import run
from calculators.runway import EXAMPLE, FIELDS, Inputs
from calculators.runway.inputs import LABELS, parse
from calculators.schema import FieldError
from tests.support.calls import RUNWAY_BASE, computed, errors


def problems(inputs: object) -> dict[str, str]:
    """The errors for ``inputs``, by field path."""
    return {error.field: error.message for error in errors("runway", inputs)}


def test_defaults_are_the_specs() -> None:
    """Every field's default is the spec's."""
    assert {field.name: field.default for field in FIELDS} == {
        "savings": None,
        "severance": 0,
        "monthly_expenses": None,
        "monthly_income": 0,
        "benefit_monthly": 0,
        "benefit_months": 0,
        "search_weeks_min": 6,
        "search_weeks_max": 10,
        "soft_market": False,
        "offer": None,
        "floor": None,
        "raise_pct": 3,
        "anchor_years": 3,
    }


def test_parse_fills_in_the_defaults() -> None:
    """Inputs left out take their defaults."""
    assert parse(RUNWAY_BASE) == Inputs(savings=30000.0, monthly_expenses=6000.0)


def test_fields_are_grouped_for_the_form() -> None:
    """The form's sections hold the fields in order."""
    groups: dict[str, list[str]] = {}
    for field in FIELDS:
        groups.setdefault(field.group, []).append(field.name)
    assert groups == {
        "Your cash": [
            "savings",
            "severance",
            "monthly_expenses",
            "monthly_income",
            "benefit_monthly",
            "benefit_months",
        ],
        "Your search": ["search_weeks_min", "search_weeks_max", "soft_market"],
        "The offer in hand": ["offer", "floor", "raise_pct", "anchor_years"],
    }


def test_amounts_are_read_as_people_type_them() -> None:
    """Amounts like 30k and $6,000 are understood."""
    parsed = parse({"savings": "30k", "monthly_expenses": "$6,000", "offer": "158.4k"})
    assert isinstance(parsed, Inputs)
    assert (parsed.savings, parsed.monthly_expenses, parsed.offer) == (30000.0, 6000.0, 158400.0)


def test_empty_strings_mean_not_given() -> None:
    """An empty optional field takes its default; an empty offer is no offer."""
    parsed = parse({**RUNWAY_BASE, "offer": "", "severance": "", "soft_market": ""})
    assert parsed == Inputs(savings=30000.0, monthly_expenses=6000.0)


@pytest.mark.parametrize(
    ("inputs", "field", "words"),
    [
        ({"monthly_expenses": 6000}, "savings", "Savings: required"),
        ({"savings": -1, "monthly_expenses": 6000}, "savings", "can't be negative"),
        ({"savings": 1000}, "monthly_expenses", "Monthly expenses: required"),
        ({**RUNWAY_BASE, "monthly_expenses": 0}, "monthly_expenses", "must be more than 0"),
        ({**RUNWAY_BASE, "benefit_months": 121}, "benefit_months", "between 0 and 120"),
        ({**RUNWAY_BASE, "benefit_months": 1.5}, "benefit_months", "whole number"),
        ({**RUNWAY_BASE, "search_weeks_min": 261}, "search_weeks_min", "between 0 and 260"),
        ({**RUNWAY_BASE, "search_weeks_max": -1}, "search_weeks_max", "between 0 and 260"),
        ({**RUNWAY_BASE, "soft_market": "maybe"}, "soft_market", "yes or no"),
        ({**RUNWAY_BASE, "offer": 0}, "offer", "at least 1"),
        ({**RUNWAY_BASE, "floor": 0}, "floor", "must be more than 0"),
        ({**RUNWAY_BASE, "raise_pct": 101}, "raise_pct", "between -50 and 100"),
        ({**RUNWAY_BASE, "raise_pct": "-51%"}, "raise_pct", "between -50 and 100"),
        ({**RUNWAY_BASE, "anchor_years": 0}, "anchor_years", "between 1 and 10"),
        ({**RUNWAY_BASE, "anchor_years": 11}, "anchor_years", "between 1 and 10"),
    ],
)
def test_validation_rule(inputs: dict[str, Any], field: str, words: str) -> None:
    """Each rule reports its field and a message a person can act on."""
    assert words in problems(inputs)[field]


def test_shortest_search_above_longest_is_an_error_on_the_longest() -> None:
    """A shortest search above the longest is reported on search_weeks_max."""
    found = problems({**RUNWAY_BASE, "search_weeks_min": 12, "search_weeks_max": 8})
    assert found == {
        "search_weeks_max": "Longest search: make it at least the shortest search (12 weeks)"
    }


def test_search_order_is_not_checked_when_a_search_time_is_invalid() -> None:
    """The cross-field check stays quiet when a search time itself is wrong."""
    assert set(problems({**RUNWAY_BASE, "search_weeks_min": "soon", "search_weeks_max": 4})) == {
        "search_weeks_min"
    }


def test_equal_search_times_are_fine() -> None:
    """A shortest search equal to the longest is accepted."""
    assert computed(
        "runway", {**RUNWAY_BASE, "search_weeks_min": 8, "search_weeks_max": 8}
    ).search_months == [
        1.85,
        1.85,
    ]


def test_unknown_field_is_an_error_with_a_suggestion() -> None:
    """A typo is reported, with the field it probably meant."""
    assert problems({**RUNWAY_BASE, "savigns": 10}) == {
        "savigns": "savigns: not a field here; did you mean savings?"
    }


def test_all_problems_are_reported() -> None:
    """Every problem is listed, not only the first."""
    found = problems(
        {
            "savings": "lots",
            "monthly_expenses": 0,
            "anchor_years": 20,
            "search_weeks_min": 9,
            "search_weeks_max": 3,
            "typo": 1,
        }
    )
    assert set(found) == {
        "savings",
        "monthly_expenses",
        "anchor_years",
        "search_weeks_max",
        "typo",
    }


def test_inputs_must_be_an_object() -> None:
    """A JSON value that isn't an object is one error, not a crash."""
    assert parse([1, 2]) == [FieldError("", "inputs must be a JSON object")]


def test_run_reports_errors_with_fields() -> None:
    """run() turns input problems into ok false and a list of field errors."""
    answer = run("runway", {"savings": "x"})
    assert answer["ok"] is False
    assert answer["errors"] == [
        {"field": "savings", "message": "Savings: enter an amount like 180000, 180k or $180,000"},
        {
            "field": "monthly_expenses",
            "message": "Monthly expenses: required, enter an amount like 180000, 180k or $180,000",
        },
    ]


def test_every_input_is_declared_once_on_inputs() -> None:
    """Each attribute of Inputs is a field, in the form's order; the worked example and the
    labels come from the same declaration."""
    assert [field.name for field in FIELDS] == [item.name for item in dataclasses.fields(Inputs)]
    assert dict(EXAMPLE) == {
        field.name: field.example for field in FIELDS if field.example is not None
    }
    assert LABELS["search_weeks_max"] == "Longest search"
    with pytest.raises(TypeError):
        Inputs(30000.0, 6000.0)  # type: ignore[call-arg]


def test_read_is_in_the_forms_order() -> None:
    """``read`` lists every field, in the order the form asks for them."""
    read = computed("runway", RUNWAY_BASE).read
    assert list(read) == [field.name for field in FIELDS]
