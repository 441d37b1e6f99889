"""Parsing of what a person types: amounts, percentages, whole numbers, flags, text."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.reading import (
    MAX_AMOUNT,
    ValueProblem,
    parse_amount,
    parse_flag,
    parse_integer,
    parse_percent,
    parse_text,
    written,
)
from tests.strategies import grouped_integers, json_values, typed_amounts

UNCLEAR = r"can't tell which number .* is; write it like 180000, 180,000 or 180.000,50"


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
        # The spec's examples of amounts written the way people write money anywhere.
        ("150.000", 150000.0),
        ("1'500'000", 1500000.0),
        ("150,000.50", 150000.5),
        ("150.000,50", 150000.5),
        ("90.000 €", 90000.0),
        ("€90.000", 90000.0),
        ("CHF 120'000", 120000.0),
        ("18L", 1800000.0),
        ("1,250,000.75", 1250000.75),
        ("1,250,000", 1250000.0),
        ("1.250.000", 1250000.0),
        ("1,50,000", 150000.0),
        ("1,00,00,000", 10000000.0),
        ("1,5", 1.5),
        ("0.125", 0.125),
        ("150000,50", 150000.5),
        # Currency signs and codes at either end, in any case, with or without spaces.
        ("R$ 5.000", 5000.0),
        ("US$ 1,000", 1000.0),
        ("CA$5k", 5000.0),
        ("A$5k", 5000.0),
        ("5,000 usd", 5000.0),
        ("eur5000", 5000.0),
        ("5kUSD", 5000.0),
        ("150k€", 150000.0),
        ("Rs. 5,00,000", 500000.0),
        ("€ 1.234.567,89", 1234567.89),
        # Size suffixes in any case, with an optional space.
        ("₹18L", 1800000.0),
        ("18 lakh", 1800000.0),
        ("18 Lakhs", 1800000.0),
        ("18lac", 1800000.0),
        ("INR 18 lakh", 1800000.0),
        ("1.5 cr", 15000000.0),
        ("2 Crores", 20000000.0),
        ("1.5CR", 15000000.0),
        ("18 lac INR", 1800000.0),
        ("1.5crore₹", 15000000.0),
        ("5m CHF", 5000000.0),
        ("1.5CR$", 15000000.0),
        ("150 K", 150000.0),
        ("1.1k", 1100.0),
        # One mark alone: grouping if the groups say so, else a decimal mark.
        ("1.250", 1250.0),
        ("12.500", 12500.0),
        ("1.25", 1.25),
        ("$1.2m", 1200000.0),
        ("1,000.5", 1000.5),
        ("0,125", 0.125),
        ("150 000,50", 150000.5),
        ("150\u202f000", 150000.0),
        ("150\u2009000", 150000.0),
        ("1’500’000", 1500000.0),
        (".5", 0.5),
        ("+5", 5.0),
        ("-0", 0.0),
    ],
)
def test_amount_accepts_what_people_type(typed: object, expected: float) -> None:
    """Amounts read numbers, separators, k/m suffixes and a leading currency sign."""
    assert parse_amount(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "abc",
        "1e400",
        "NaN",
        "inf",
        "∞",
        "12abc",
        "$",
        "k",
        "🙂",
        "150 lax",
        "5 monthly",
        [],
        {},
        True,
    ],
)
def test_amount_rejects_non_amounts(typed: object) -> None:
    """Anything that isn't an amount gets the how-to-type hint."""
    with pytest.raises(ValueProblem, match="enter an amount like 180000"):
        parse_amount(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "1.2.3",
        "1,2,3",
        "12,5,000",
        "150.000.00,5",
        "1.000,000,5",
        "1,2.5",
        "150'00",
        "1 5",
        "0 500",
    ],
)
def test_amount_refuses_separators_that_say_no_one_number(typed: str) -> None:
    """Separators that could mean several numbers, or none, show how to write the amount."""
    with pytest.raises(ValueProblem, match=UNCLEAR):
        parse_amount(typed)


def test_unclear_amount_quotes_what_was_typed() -> None:
    """The message quotes the value as typed, so the reader sees which one to fix."""
    with pytest.raises(ValueProblem) as problem:
        parse_amount("$1,2,3")
    assert str(problem.value) == (
        'can\'t tell which number "$1,2,3" is; write it like 180000, 180,000 or 180.000,50'
    )


@pytest.mark.parametrize(
    ("typed", "per_month", "expected"),
    [
        ("4,500/month", 12, 54000.0),
        ("3.500/month", 14, 49000.0),
        ("4500 a month", 12, 54000.0),
        ("4500 per month", 12, 54000.0),
        ("$4,500 / mo.", 12, 54000.0),
        ("4.5k/mo", 12, 54000.0),
        ("4500/months", 12, 54000.0),
        ("€4.500 per Month", 12, 54000.0),
        ("4.500,10 €/month", 12, 54001.2),
        ("60k/year", 12, 60000.0),
        ("60k/yr", 14, 60000.0),
        ("60k a year", 12, 60000.0),
        ("60k per year", 12, 60000.0),
        ("60k", 12, 60000.0),
        (60000, 12, 60000.0),
    ],
)
def test_yearly_amount_takes_a_period(typed: object, per_month: float, expected: float) -> None:
    """A yearly amount may be written per month (times ``per_month``) or per year (times 1)."""
    assert parse_amount(typed, per_month=per_month) == expected


@pytest.mark.parametrize("typed", ["4,500/month", "4500 a month", "60k/year", "60k per year"])
def test_amount_without_a_period_refuses_one(typed: str) -> None:
    """Where an amount is not yearly, a period is refused, not ignored."""
    with pytest.raises(ValueProblem, match=r'write it without ".+": this amount is not per month'):
        parse_amount(typed)


def test_period_applies_before_the_range_check() -> None:
    """A monthly amount over a twelfth of the limit is too large once made yearly."""
    with pytest.raises(ValueProblem, match="too large"):
        parse_amount("100,000,000,000/month", per_month=12)


@pytest.mark.parametrize("typed", ["-5", -5, "-$100", "$-100", "−5", "-5k/month"])
def test_amount_rejects_negatives(typed: object) -> None:
    """Negative amounts are refused with a message saying so."""
    with pytest.raises(ValueProblem, match="can't be negative"):
        parse_amount(typed, per_month=12)


@pytest.mark.parametrize(
    "typed", [1e13, "2000000m", 10**400, math.inf, "1" * 40, "1,000,000,000,000.01", "200,000 cr"]
)
def test_amount_rejects_huge_values(typed: object) -> None:
    """Amounts over a trillion (and infinity) are refused."""
    with pytest.raises(ValueProblem, match="too large"):
        parse_amount(typed)


def test_amount_refuses_nan_number() -> None:
    """A NaN sent as a number is refused, not passed on."""
    with pytest.raises(ValueProblem):
        parse_amount(math.nan)


@given(typed_amounts | st.text(), st.sampled_from([None, 12.0, 14.0]))
def test_amount_is_finite_and_in_range_or_refused(typed: str, per_month: float | None) -> None:
    """Whatever is typed, the parser returns an amount in [0, 1e12] or refuses it."""
    try:
        value = parse_amount(typed, per_month=per_month)
    except ValueProblem:
        return
    assert math.isfinite(value)
    assert 0 <= value <= MAX_AMOUNT


@given(typed_amounts | st.text())
def test_percent_and_integer_are_finite_or_refused(typed: str) -> None:
    """Whatever is typed, percentages are finite numbers and whole numbers within 1e12."""
    with contextlib.suppress(ValueProblem):
        assert math.isfinite(parse_percent(typed))
    with contextlib.suppress(ValueProblem):
        assert abs(parse_integer(typed)) <= MAX_AMOUNT


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (90000, "90,000"),
        (150000.5, "150,000.5"),
        (1234.56, "1,234.56"),
        (0.125, "0.12"),
        (0.126, "0.13"),
        (0.5, "0.5"),
        (1.5, "1.5"),
        (1000.5, "1,000.5"),
        (999, "999"),
        (0, "0"),
        (-0.0, "0"),
        (1e12, "1,000,000,000,000"),
    ],
)
def test_written_shows_an_amount_grouped_and_rounded_to_cents(number: float, expected: str) -> None:
    """Amounts are written with comma-grouped thousands and decimals only when not whole."""
    assert written(number) == expected


@given(st.floats(min_value=0, max_value=MAX_AMOUNT))
def test_written_amount_reads_back_as_itself_rounded_to_cents(number: float) -> None:
    """What the page shows an amount was read as reads back as that amount, to the cent."""
    assert parse_amount(written(number)) == round(number, 2)


@given(
    st.integers(min_value=0, max_value=10**12)
    | st.floats(min_value=0, max_value=MAX_AMOUNT).map(lambda number: round(number, 2))
)
def test_cents_and_whole_amounts_round_trip_exactly(number: float) -> None:
    """An amount already in cents, or whole, reads back exactly."""
    assert parse_amount(written(number)) == number


@given(grouped_integers)
def test_grouped_whole_numbers_read_as_the_number(case: tuple[int, str]) -> None:
    """US, European, Indian, Swiss and spaced grouping of a whole number all read as it."""
    number, typed = case
    assert parse_amount(typed) == number
    assert parse_integer(typed) == number
    assert parse_percent(typed) == number


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
    ("typed", "expected"),
    [
        (15, 15.0),
        ("15", 15.0),
        ("15%", 15.0),
        ("-20 %", -20.0),
        ("2.5", 2.5),
        ("12,5%", 12.5),
        ("12.5 %", 12.5),
        ("0,5", 0.5),
        ("+5 %", 5.0),
        ("−3%", -3.0),
        ("1,000%", 1000.0),
    ],
)
def test_percent_accepts_number_or_percent_sign(typed: object, expected: float) -> None:
    """Percentages read 15, "15" and "15%" alike."""
    assert parse_percent(typed) == expected


@pytest.mark.parametrize("typed", ["fifteen", "1e400", "NaN", math.inf, "%", False, "1" * 400])
def test_percent_rejects_non_numbers(typed: object) -> None:
    """Non-numbers and non-finite values are refused."""
    with pytest.raises(ValueProblem, match="percentage"):
        parse_percent(typed)


@pytest.mark.parametrize("typed", ["1,2,3%", "12,5,0", "1.2.3 %"])
def test_percent_refuses_unclear_separators(typed: str) -> None:
    """A percentage whose separators say no one number shows how to write it."""
    with pytest.raises(
        ValueProblem, match=r"can't tell which number .* write it like 12\.5 or 12,5"
    ):
        parse_percent(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (3, 3),
        ("3", 3),
        (" 10 ", 10),
        (4.0, 4),
        ("20,000", 20000),
        ("20 000", 20000),
        ("1.000", 1000),
        ("1,00,000", 100000),
        ("-3", -3),
        (10**12, 10**12),
    ],
)
def test_integer_accepts_whole_numbers(typed: object, expected: int) -> None:
    """Whole numbers come as JSON integers, integral floats or digit strings."""
    assert parse_integer(typed) == expected


@pytest.mark.parametrize(
    "typed", ["3.5", 3.5, "three", True, math.nan, math.inf, "1,5", "2.5", "3,", "20k", None]
)
def test_integer_rejects_fractions_and_words(typed: object) -> None:
    """Fractions (with either decimal mark), words and booleans are refused."""
    with pytest.raises(ValueProblem, match="whole number"):
        parse_integer(typed)


@pytest.mark.parametrize("typed", ["1" * 40, 10**13, 1e13, "1,000,000,000,001", 10**400])
def test_integer_rejects_huge_values(typed: object) -> None:
    """Whole numbers over 1e12 are refused, whether typed or sent as JSON numbers."""
    with pytest.raises(ValueProblem, match=r"too large \(at most 1,000,000,000,000\)"):
        parse_integer(typed)


def test_integer_refuses_unclear_separators() -> None:
    """A whole number whose separators say no one number shows how to write it."""
    with pytest.raises(ValueProblem, match=r"can't tell which number .* write it like 20000"):
        parse_integer("1,2,3")


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
