"""Parsing of what a person types: amounts, percentages, whole numbers, flags, text."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.values import (
    MAX_AMOUNT,
    ValueProblem,
    parse_amount,
    parse_flag,
    parse_integer,
    parse_percent,
    parse_text,
)
from tests.strategies import json_values, typed_amounts


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("150000", 150000.0),
        ("150,000", 150000.0),
        ("150 000", 150000.0),
        ("150\u00a0000", 150000.0),
        ("$150k", 150000.0),
        ("€1.2m", 1200000.0),
        ("£95K", 95000.0),
        ("150_000.50", 150000.5),
        ("USD 80,000", 80000.0),
        (" 42 ", 42.0),
        (150000, 150000.0),
        (1.5e5, 150000.0),
        ("0", 0.0),
    ],
)
def test_amount_accepts_what_people_type(typed: object, expected: float) -> None:
    """Amounts read numbers, separators, k/m suffixes and a leading currency sign."""
    assert parse_amount(typed) == expected


@pytest.mark.parametrize(
    "typed", ["abc", "1e400", "NaN", "inf", "∞", "12abc", "1.2.3", "$", "k", "🙂", [], {}, True]
)
def test_amount_rejects_non_amounts(typed: object) -> None:
    """Anything that isn't an amount gets the how-to-type hint."""
    with pytest.raises(ValueProblem, match="enter an amount like 180000"):
        parse_amount(typed)


@pytest.mark.parametrize("typed", ["-5", -5, "-$100"])
def test_amount_rejects_negatives(typed: object) -> None:
    """Negative amounts are refused with a message saying so."""
    with pytest.raises(ValueProblem, match="can't be negative"):
        parse_amount(typed)


@pytest.mark.parametrize("typed", [1e13, "2000000m", 10**400, math.inf])
def test_amount_rejects_huge_values(typed: object) -> None:
    """Amounts over a trillion (and infinity) are refused."""
    with pytest.raises(ValueProblem, match="too large"):
        parse_amount(typed)


def test_amount_refuses_nan_number() -> None:
    """A NaN sent as a number is refused, not passed on."""
    with pytest.raises(ValueProblem):
        parse_amount(math.nan)


@given(typed_amounts)
def test_amount_is_finite_and_in_range_or_refused(typed: str) -> None:
    """Whatever is typed, the parser returns an amount in [0, 1e12] or refuses it."""
    try:
        value = parse_amount(typed)
    except ValueProblem:
        return
    assert math.isfinite(value)
    assert 0 <= value <= MAX_AMOUNT


@given(json_values)
def test_parsers_raise_only_value_problems(value: object) -> None:
    """Any JSON value gives a value of the parser's type or a ValueProblem, nothing else."""
    parsers: list[tuple[Callable[[object], object], type]] = [
        (parse_amount, float),
        (parse_percent, float),
        (parse_integer, int),
        (parse_flag, bool),
        (lambda raw: parse_text(raw, 50), str),
    ]
    for parser, kind in parsers:
        with contextlib.suppress(ValueProblem):
            assert isinstance(parser(value), kind)


@pytest.mark.parametrize(
    ("typed", "expected"), [(15, 15.0), ("15", 15.0), ("15%", 15.0), ("-20 %", -20.0), ("2.5", 2.5)]
)
def test_percent_accepts_number_or_percent_sign(typed: object, expected: float) -> None:
    """Percentages read 15, "15" and "15%" alike."""
    assert parse_percent(typed) == expected


@pytest.mark.parametrize("typed", ["fifteen", "1e400", "NaN", math.inf, "%", False])
def test_percent_rejects_non_numbers(typed: object) -> None:
    """Non-numbers and non-finite values are refused."""
    with pytest.raises(ValueProblem, match="percentage"):
        parse_percent(typed)


@pytest.mark.parametrize(("typed", "expected"), [(3, 3), ("3", 3), (" 10 ", 10), (4.0, 4)])
def test_integer_accepts_whole_numbers(typed: object, expected: int) -> None:
    """Whole numbers come as JSON integers, integral floats or digit strings."""
    assert parse_integer(typed) == expected


@pytest.mark.parametrize("typed", ["3.5", 3.5, "three", True, math.nan, "1" * 40])
def test_integer_rejects_fractions_and_words(typed: object) -> None:
    """Fractions, words, booleans and absurd digit strings are refused."""
    with pytest.raises(ValueProblem, match="whole number"):
        parse_integer(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [(True, True), (False, False), ("on", True), ("true", True), ("false", False), ("off", False)],
)
def test_flag_reads_json_and_form_values(typed: object, expected: bool) -> None:
    """Flags accept JSON booleans and the strings a form sends."""
    assert parse_flag(typed) is expected


@pytest.mark.parametrize("typed", ["maybe", 1, None, "2"])
def test_flag_rejects_other_values(typed: object) -> None:
    """Anything else is not a yes or a no."""
    with pytest.raises(ValueProblem):
        parse_flag(typed)


def test_text_is_kept_as_typed_but_trimmed() -> None:
    """Text keeps markup characters (escaping happens when shown) and loses outer spaces."""
    assert parse_text("  <script>alert(1)</script> ", 100) == "<script>alert(1)</script>"


def test_text_refuses_overlong_input() -> None:
    """Text over its limit is refused with the limit in the message."""
    with pytest.raises(ValueProblem, match="under 10 characters"):
        parse_text("x" * 11, 10)


def test_text_refuses_non_strings() -> None:
    """A number where text belongs is refused."""
    with pytest.raises(ValueProblem, match="enter text"):
        parse_text(12, 10)


@given(st.text(max_size=30))
def test_text_never_longer_than_limit(text: str) -> None:
    """Accepted text always fits its limit."""
    try:
        assert len(parse_text(text, 20)) <= 20
    except ValueProblem:
        assert len(text.strip()) > 20
