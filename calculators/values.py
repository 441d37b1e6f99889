"""Turning one value a person typed into a number, a flag or text.

Each parser takes any JSON value and returns the parsed value, or raises
:class:`ValueProblem` with a message a person can act on. ``None`` and the
empty string mean "not given" and are handled by the caller (see
:mod:`calculators.parsing`), so the parsers never see them.

>>> parse_amount("$150k")
150000.0
>>> parse_amount("150 000")
150000.0
>>> parse_percent("15%")
15.0
>>> parse_flag("on")
True
"""

from __future__ import annotations

import math
import re

from calculators.numbers import finite_number

__all__ = [
    "MAX_AMOUNT",
    "ValueProblem",
    "parse_amount",
    "parse_choice",
    "parse_flag",
    "parse_index",
    "parse_integer",
    "parse_months",
    "parse_percent",
    "parse_text",
]

MAX_AMOUNT = 1e12

AMOUNT_HINT = "enter an amount like 180000, 180k or $180,000"
PERCENT_HINT = "enter a percentage like 15 or 15%"
INTEGER_HINT = "enter a whole number like 3"
FLAG_HINT = "choose yes or no"
MONTHS_HINT = "enter months like 4 or 4.5"
INDEX_HINT = "enter a number like 100 (the first offer's place) or 120"

# Currency signs and codes a person may type in front of an amount: ignored.
_CURRENCY = re.compile(
    r"^(?:[$€£¥₹₩₽₺₪]|(?:US|CA|A|NZ|HK|S)\$|R\$|CHF|USD|EUR|GBP|CAD|AUD)\s*", re.I
)
# Digit-group separators people type: comma, spaces (incl. no-break and thin), underscore,
# apostrophe (Swiss style).
_SEPARATORS = re.compile(r"[,_'\s\u00a0\u202f\u2009]")
_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
_SIGNED_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_SUFFIX = {"k": 1e3, "m": 1e6}
_MONTHS_SUFFIX = re.compile(r"\s*(?:months?|mos?\.?)$", re.I)


class ValueProblem(ValueError):
    """A value that cannot be read; the message completes "<label>: ..."."""


def parse_amount(value: object) -> float:
    """An amount of money: a number, or a string like ``$150k``, ``150,000`` or ``€1.2m``.

    >>> parse_amount("€1.2m")
    1200000.0
    >>> parse_amount("150_000.50")
    150000.5
    >>> parse_amount("-5")
    Traceback (most recent call last):
    ...
    calculators.values.ValueProblem: can't be negative
    """
    number = finite_number(value)
    if number is None:
        if not isinstance(value, str):
            raise ValueProblem(AMOUNT_HINT)
        text = value.strip()
        negative = text.startswith("-")
        text = _CURRENCY.sub("", text.lstrip("+-").strip())
        text = _SEPARATORS.sub("", text)
        multiplier = 1.0
        if text[-1:].lower() in _SUFFIX:
            multiplier = _SUFFIX[text[-1].lower()]
            text = text[:-1]
        if not _NUMBER.match(text):
            raise ValueProblem(AMOUNT_HINT)
        number = float(text) * multiplier
        if negative and number != 0:
            number = -number
    if math.isnan(number):
        raise ValueProblem(AMOUNT_HINT)
    if number < 0:
        raise ValueProblem("can't be negative")
    if number > MAX_AMOUNT:
        raise ValueProblem("is too large (at most 1,000,000,000,000)")
    return number


def parse_percent(value: object) -> float:
    """A percentage as a number of percent: ``15``, ``"15"`` or ``"15%"`` all give 15.

    >>> parse_percent("-20 %")
    -20.0
    """
    number = finite_number(value)
    if number is None:
        if not isinstance(value, str):
            raise ValueProblem(PERCENT_HINT)
        text = _SEPARATORS.sub("", value.strip().removesuffix("%"))
        if not _SIGNED_NUMBER.match(text):
            raise ValueProblem(PERCENT_HINT)
        number = float(text)
    if not math.isfinite(number):
        raise ValueProblem(PERCENT_HINT)
    return number


def parse_integer(value: object) -> int:
    """A whole number: a JSON integer (or an integral float) or a string of digits.

    >>> parse_integer(" 3 ")
    3
    """
    number = finite_number(value)
    if number is None:
        if not isinstance(value, str):
            raise ValueProblem(INTEGER_HINT)
        text = value.strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text):
            raise ValueProblem(INTEGER_HINT)
        return int(text)
    if not math.isfinite(number) or number != int(number):
        raise ValueProblem(INTEGER_HINT)
    return int(number)


_TRUE = {"true", "on", "yes", "1"}
_FALSE = {"false", "off", "no", "0"}


def parse_flag(value: object) -> bool:
    """A yes/no: JSON true/false, or what a form sends (``"on"``, ``"true"``, ``"false"``).

    >>> parse_flag("false"), parse_flag(True)
    (False, True)
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValueProblem(FLAG_HINT)


def parse_text(value: object, max_length: int) -> str:
    """Free text, kept as typed (it is escaped wherever it is shown).

    >>> parse_text("  Acme <Corp>  ", 80)
    'Acme <Corp>'
    """
    if not isinstance(value, str):
        raise ValueProblem("enter text")
    text = value.strip()
    if len(text) > max_length:
        raise ValueProblem(f"keep it under {max_length} characters")
    return text


def parse_months(value: object) -> float:
    """A number of months, not negative: ``4``, ``"4.5"`` or ``"4 months"``.

    >>> parse_months("4.5 months"), parse_months(4)
    (4.5, 4.0)
    >>> parse_months("soon")
    Traceback (most recent call last):
    ...
    calculators.values.ValueProblem: enter months like 4 or 4.5
    """
    number = finite_number(value)
    if number is None:
        if not isinstance(value, str):
            raise ValueProblem(MONTHS_HINT)
        text = _MONTHS_SUFFIX.sub("", value.strip()).replace(",", ".")
        if not _SIGNED_NUMBER.match(text):
            raise ValueProblem(MONTHS_HINT)
        number = float(text)
    if not math.isfinite(number):
        raise ValueProblem(MONTHS_HINT)
    if number < 0:
        raise ValueProblem("can't be negative")
    return number


def parse_index(value: object) -> float:
    """A cost-of-living index: a plain number, 100 for the baseline's place.

    >>> parse_index("120")
    120.0
    """
    try:
        return parse_percent(value)
    except ValueProblem:
        raise ValueProblem(INDEX_HINT) from None


def parse_choice(value: object, choices: tuple[tuple[str, str], ...]) -> str:
    """One of a field's choices, by its value (any case): ``"Options"`` gives ``"options"``.

    >>> parse_choice("Options", (("rsu", "Shares or units"), ("options", "Stock options")))
    'options'
    >>> parse_choice("cash", (("rsu", "Shares or units"), ("options", "Stock options")))
    Traceback (most recent call last):
    ...
    calculators.values.ValueProblem: choose rsu or options
    """
    if isinstance(value, str):
        text = value.strip().lower()
        for choice, _ in choices:
            if text == choice.lower():
                return choice
    names = [choice for choice, _ in choices]
    listed = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
    raise ValueProblem(f"choose {listed}")
