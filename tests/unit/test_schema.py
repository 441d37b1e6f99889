"""The shared types: a field's kind says how its value is read and checked."""

from __future__ import annotations

import pytest

from calculators.reading import ValueProblem
from calculators.schema import Field


def upper(raw: object) -> str:
    return str(raw).upper()


@pytest.mark.parametrize(
    ("kind", "typed", "value"),
    [
        ("amount", "$180k", 180000.0),
        ("percent", "15%", 15.0),
        ("integer", " 3 ", 3),
        ("months", "4.5 months", 4.5),
        ("index", "120", 120.0),
        ("flag", "on", True),
        ("text", "  Acme  ", "Acme"),
    ],
)
def test_each_kind_reads_its_values(kind: str, typed: object, value: object) -> None:
    """A field is read by its kind's parser."""
    assert Field("x", "X", kind).parse(typed) == value  # type: ignore[arg-type]


def test_a_schedule_is_read_by_its_own_parser() -> None:
    """A schedule (a vesting schedule, say) is read by the field's own parser."""
    assert Field("code", "Code", "schedule", parser=upper).parse("abc") == "ABC"


@pytest.mark.parametrize(("kind", "parser"), [("schedule", None), ("text", upper)])
def test_only_a_schedule_has_its_own_parser(kind: str, parser: object) -> None:
    """A schedule without a parser, or another kind with one, is a mistake in the code."""
    with pytest.raises(ValueError, match="only a schedule"):
        Field("code", "Code", kind, parser=parser)  # type: ignore[arg-type]


def test_bounds_are_checked_after_reading() -> None:
    """A value outside the field's bounds is a problem naming the bounds, written plainly."""
    field = Field("years", "Years", "integer", minimum=1, maximum=10)
    with pytest.raises(ValueProblem, match="must be between 1 and 10"):
        field.parse("11")
    with pytest.raises(ValueProblem, match="must be more than 0"):
        Field("floor", "Floor", "amount", minimum=0, above_minimum=True).parse(0)
