"""Reading a JSON object against a calculator's fields."""

from __future__ import annotations

import pytest

from calculators.parsing import parse_object
from calculators.schema import Field, FieldError

FIELDS = (
    Field("floor", "Your floor", "amount", required=True, minimum=0, above_minimum=True),
    Field("rounds", "Counter rounds", "integer", default=0, minimum=0, maximum=10),
    Field("growth", "Share price growth", "percent", default=0, minimum=-100, maximum=100),
    Field("other", "Another offer", "flag", default=False),
    Field("name", "Name", "text", default="Offer 1", max_length=10),
)


def test_defaults_fill_missing_fields() -> None:
    """Fields not given take their defaults."""
    values, errors = parse_object({"floor": 1}, FIELDS)
    assert errors == []
    assert (values.integer("rounds"), values.flag("other"), values.text("name")) == (
        0,
        False,
        "Offer 1",
    )


def test_empty_string_means_not_given() -> None:
    """An empty (or blank) string falls back to the default."""
    values, errors = parse_object({"floor": 1, "rounds": "", "growth": "  "}, FIELDS)
    assert errors == []
    assert values.integer("rounds") == 0


def test_required_field_missing_is_an_error() -> None:
    """A required field that is absent, null or empty is reported as required."""
    for data in ({}, {"floor": None}, {"floor": ""}):
        _, errors = parse_object(data, FIELDS)
        assert errors == [
            FieldError(
                "floor", "Your floor: required, enter an amount like 180000, 180k or $180,000"
            )
        ]


def test_every_problem_is_reported() -> None:
    """All bad fields are listed, not only the first."""
    _, errors = parse_object({"floor": "x", "rounds": "11", "growth": "200", "other": "?"}, FIELDS)
    assert [e.field for e in errors] == ["floor", "rounds", "growth", "other"]


def test_bounds_messages_name_the_range() -> None:
    """Out-of-range values say what range is allowed."""
    _, errors = parse_object({"floor": 0, "rounds": 11}, FIELDS)
    assert [e.message for e in errors] == [
        "Your floor: must be more than 0",
        "Counter rounds: must be between 0 and 10",
    ]


def test_unknown_field_is_an_error_with_a_suggestion() -> None:
    """A typo is reported (never silently ignored), with the closest field suggested."""
    _, errors = parse_object({"floor": 1, "roundz": 2}, FIELDS)
    assert errors == [FieldError("roundz", "roundz: not a field here; did you mean rounds?")]


def test_nested_keys_are_left_to_the_caller() -> None:
    """Keys declared nested are not reported as unknown."""
    _, errors = parse_object({"floor": 1, "offers": []}, FIELDS, nested=("offers",))
    assert errors == []


def test_path_and_label_prefix_apply_to_errors() -> None:
    """Nested objects report paths like offers[1].floor and prefixed messages."""
    _, errors = parse_object({"floor": "-1"}, FIELDS, path="offers[1].", label_prefix="Offer 2 — ")
    assert errors == [FieldError("offers[1].floor", "Offer 2 — Your floor: can't be negative")]


@pytest.mark.parametrize("data", [[], "x", 3, None])
def test_non_object_is_an_error(data: object) -> None:
    """Inputs that aren't a JSON object are refused as a whole."""
    _, errors = parse_object(data, FIELDS)
    assert len(errors) == 1
    assert "must be a JSON object" in errors[0].message
