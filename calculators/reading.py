"""Turning one value a person typed into a number, a flag or text.

Each parser takes any JSON value and returns the parsed value, or raises
:class:`ValueProblem` with a message a person can act on. ``None`` and the
empty string mean "not given" and are handled by the caller (see
:mod:`calculators.parsing`), so the parsers never see them.

Amounts are read as people write money anywhere: a currency sign or code at
either end, a size suffix, and separators read by one rule (see
:func:`parse_amount`), so ``€90.000`` is ninety thousand, never ninety.

>>> parse_amount("$150k"), parse_amount("150 000"), parse_amount("€90.000")
(150000.0, 150000.0, 90000.0)
>>> parse_amount("150.000,50"), parse_amount("₹18L"), parse_amount("1,50,000")
(150000.5, 1800000.0, 150000.0)
>>> parse_amount("4,500/month", per_month=12)
54000.0
>>> try:
...     parse_amount("1,2,3")
... except ValueProblem as problem:
...     print(problem)
can't tell which number "1,2,3" is; write it like 180000, 180,000 or 180.000,50
>>> parse_percent("12,5%"), parse_integer("20,000"), written(150000.5)
(12.5, 20000, '150,000.5')
>>> parse_flag("on")
True
"""

from __future__ import annotations

import decimal
import math
import re

from calculators.arithmetic import finite_number

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
    "written",
]

MAX_AMOUNT = 1e12

AMOUNT_HINT = "enter an amount like 180000, 180k or $180,000"
PERCENT_HINT = "enter a percentage like 15 or 15%"
INTEGER_HINT = "enter a whole number like 3"
FLAG_HINT = "choose yes or no"
MONTHS_HINT = "enter months like 4 or 4.5"
INDEX_HINT = "enter a number like 100 (the first offer's place) or 120"
TOO_LARGE = "is too large (at most 1,000,000,000,000)"

# How to write a number whose separators can't be read, per kind of value.
_AMOUNT_FORMS = "180000, 180,000 or 180.000,50"
_PERCENT_FORMS = "12.5 or 12,5"
_INTEGER_FORMS = "20000 or 20,000"

# ISO 4217 codes (and RMB, NTD), dropped at either end of an amount in any case.
_CODES = """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN
MYR MZN NAD NGN NIO NOK NPR NTD NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RMB RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL"""
_CURRENCY = (
    r"(?:[$€£¥₹₩₽₺₪₱₦₫฿₴₸₡₲₵¢]|(?:US|CA|AU|A|NZ|HK|S|R|C|MX|NT)\$|Rs\.?|kr\.?|Fr\.?|zł|"
    + "|".join(_CODES.split())
    + ")"
)
# Digits with the separators people type between them: , . ' ’ _ and spaces.
_NUMBER = r"[.,]?\d[\d.,'’_ ]*"
_SIGN = r"[-+−]"
# A size suffix: the power of ten it multiplies by.
_SIZES = {"k": 3, "m": 6, "l": 5, "lakh": 5, "lac": 5, "cr": 7, "crore": 7}
_AMOUNT = re.compile(
    rf"(?P<sign>{_SIGN})? ?(?:{_CURRENCY} ?)?(?P<sign2>{_SIGN})? ?(?P<number>{_NUMBER})"
    rf" ?(?P<size>k|m|lakhs?|lacs?|l|crores?|cr)? ?(?:{_CURRENCY})?",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?P<sign>{_SIGN})? ?(?P<number>{_NUMBER}) ?%?")
_INTEGER = re.compile(rf"(?P<sign>{_SIGN})? ?(?P<number>{_NUMBER})")
# A period at the end of an amount: the unit says whether it is a month or a year.
_PERIOD = re.compile(r"(?: ?/ ?| (?:a|per) )(?P<unit>(?:month|mo|year|yr)s?)\.?$", re.IGNORECASE)
_GROUPS = re.compile(r"[.,' _]")
_MONTHS_SUFFIX = re.compile(r"\s*(?:months?|mos?\.?)$", re.I)
_SIGNED_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
# Exact decimal arithmetic for sizes and periods: "1.1k" is 1100, not 1100.0000000000002.
_EXACT = decimal.Context(prec=60)


class ValueProblem(ValueError):
    """A value that cannot be read; the message completes "<label>: ..."."""


class _Unclear(Exception):
    """Separators that don't say which number was meant (``1,2,3``)."""


def _grouped(text: str) -> bool:
    """Whether ``text`` is digits grouped by thousands, or the Indian way with commas.

    >>> [_grouped(t) for t in ("1,250,000", "1.250", "1 50,000", "1,00,00,000", "0,125")]
    [True, True, False, True, False]
    """
    groups = _GROUPS.split(text)
    if len(groups) < 2 or not all(group.isdigit() for group in groups):
        return False
    first, *middle, last = groups
    if first == "0" or len(last) != 3:
        return False
    if 1 <= len(first) <= 3 and all(len(group) == 3 for group in middle):
        return True
    indian = 1 <= len(first) <= 2 and all(len(group) == 2 for group in middle)
    return indian and set(re.sub(r"\d", "", text)) == {","}


def _whole(text: str) -> str:
    """The digits of a number's whole part: plain digits, or grouped by the rule; else unclear."""
    if text.isdigit() or text == "":
        return text
    if not _grouped(text):
        raise _Unclear
    return _GROUPS.sub("", text)


def _decimal(text: str) -> tuple[str, str | None]:
    """A typed number as (whole digits, decimal digits or None), by the separators' rule.

    >>> _decimal("150.000,50"), _decimal("90.000"), _decimal("1,5"), _decimal("0.125")
    (('150000', '50'), ('90000', None), ('1', '5'), ('0', '125'))
    """
    text = text.strip().replace("’", "'")
    if "," in text and "." in text:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text or "." in text:
        mark = "," if "," in text else "."
        if _grouped(text):
            return _GROUPS.sub("", text), None
    else:
        return _whole(text), None
    whole, _, fraction = text.partition(mark)
    if mark in fraction or (fraction != "" and not fraction.isdigit()):
        raise _Unclear
    whole = _whole(whole)
    if whole == "" and fraction == "":
        raise _Unclear
    return whole, fraction


def _number(value: str, number: str, forms: str) -> tuple[decimal.Decimal, bool]:
    """The exact number typed, and whether it has a decimal mark; else a ValueProblem."""
    try:
        whole, fraction = _decimal(number)
    except _Unclear:
        shown = " ".join(value.split())
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        message = f'can\'t tell which number "{shown}" is; write it like {forms}'
        raise ValueProblem(message) from None
    return decimal.Decimal(f"{whole or 0}.{fraction or 0}"), fraction is not None


def parse_amount(value: object, *, per_month: float | None = None) -> float:
    """An amount of money: a number, or a string like ``$150k``, ``150.000,50`` or ``₹18L``.

    Read in order: a period (``/month``, ``a year``; only where ``per_month`` is
    given, which a monthly amount is multiplied by), a currency sign or code at
    either end, a size suffix (``k``, ``m``, ``L``/``lakh``, ``cr``/``crore``),
    then the separators: with both ``,`` and ``.`` the one further right is the
    decimal mark; one of them alone groups thousands if the groups say so
    (``90.000``, ``1,50,000``), else, appearing once, is the decimal mark.

    >>> parse_amount("€1.2m"), parse_amount("150_000.50"), parse_amount("CHF 120'000")
    (1200000.0, 150000.5, 120000.0)
    >>> parse_amount("3.500/month", per_month=14), parse_amount("1.5 cr"), parse_amount("1,5")
    (49000.0, 15000000.0, 1.5)
    >>> try:
    ...     parse_amount("4,500/month")
    ... except ValueProblem as problem:
    ...     print(problem)
    write it without "/month": this amount is not per month or per year
    >>> parse_amount("-5")
    Traceback (most recent call last):
    ...
    calculators.reading.ValueProblem: can't be negative
    """
    number = finite_number(value)
    if number is None:
        if not isinstance(value, str):
            raise ValueProblem(AMOUNT_HINT)
        number = _typed_amount(value, per_month)
    if math.isnan(number):
        raise ValueProblem(AMOUNT_HINT)
    if number < 0:
        raise ValueProblem("can't be negative")
    if number > MAX_AMOUNT:
        raise ValueProblem(TOO_LARGE)
    return number


def _typed_amount(value: str, per_month: float | None) -> float:
    """The amount a string says, before the range checks (negative for a minus sign)."""
    text = " ".join(value.split())
    period = _PERIOD.search(text)
    times = decimal.Decimal(1)
    if period:
        if per_month is None:
            raise ValueProblem(
                f'write it without "{period[0].strip()}": this amount is not per month or per year'
            )
        text = text[: period.start()]
        if period["unit"].lower().startswith("mo"):
            times = decimal.Decimal(per_month)
    match = _AMOUNT.fullmatch(text)
    if not match:
        raise ValueProblem(AMOUNT_HINT)
    exact, _ = _number(value, match["number"], _AMOUNT_FORMS)
    power = _SIZES[match["size"].lower().removesuffix("s")] if match["size"] else 0
    exact = _EXACT.multiply(exact.scaleb(power, _EXACT), times)
    number = float(exact)
    negative = any(sign in ("-", "−") for sign in (match["sign"], match["sign2"]))
    return -number if negative and number != 0 else number


def parse_percent(value: object) -> float:
    """A percentage as a number of percent: ``15``, ``"15%"``, ``"12,5%"``, ``"12.5 %"``.

    The decimal mark is read as for amounts.

    >>> parse_percent("-20 %"), parse_percent("12,5%"), parse_percent(" 2.5")
    (-20.0, 12.5, 2.5)
    """
    number = finite_number(value)
    if number is None:
        if not isinstance(value, str):
            raise ValueProblem(PERCENT_HINT)
        match = _PERCENT.fullmatch(" ".join(value.split()))
        if not match:
            raise ValueProblem(PERCENT_HINT)
        exact, _ = _number(value, match["number"], _PERCENT_FORMS)
        number = -float(exact) if match["sign"] in ("-", "−") else float(exact)
    if not math.isfinite(number):
        raise ValueProblem(PERCENT_HINT)
    return number + 0.0


def parse_integer(value: object) -> int:
    """A whole number: a JSON integer (or an integral float), or digits grouped as for amounts.

    >>> parse_integer(" 3 "), parse_integer("20,000"), parse_integer("1.000"), parse_integer(4.0)
    (3, 20000, 1000, 4)
    >>> parse_integer("2.5")
    Traceback (most recent call last):
    ...
    calculators.reading.ValueProblem: enter a whole number like 3
    """
    if isinstance(value, int) and not isinstance(value, bool):
        whole = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueProblem(INTEGER_HINT)
        whole = int(value)
    elif isinstance(value, str):
        match = _INTEGER.fullmatch(" ".join(value.split()))
        if not match:
            raise ValueProblem(INTEGER_HINT)
        exact, has_decimals = _number(value, match["number"], _INTEGER_FORMS)
        if has_decimals:
            raise ValueProblem(INTEGER_HINT)
        whole = -int(exact) if match["sign"] in ("-", "−") else int(exact)
    else:
        raise ValueProblem(INTEGER_HINT)
    if whole > MAX_AMOUNT:
        raise ValueProblem(TOO_LARGE)
    if whole < -MAX_AMOUNT:
        raise ValueProblem("is too small (at least -1,000,000,000,000)")
    return whole


def written(number: float) -> str:
    """An amount as the page shows what a value was read as: rounded to cents,
    thousands grouped with commas, decimals only when it is not whole.

    :func:`parse_amount` reads it back as ``round(number, 2)``.

    >>> written(90000), written(150000.5), written(1234.56), written(0.125), written(1e12)
    ('90,000', '150,000.5', '1,234.56', '0.12', '1,000,000,000,000')
    """
    cents = round(number, 2) + 0.0  # + 0.0 writes -0.0 as 0
    if cents.is_integer():
        return f"{cents:,.0f}"
    return f"{cents:,.2f}".rstrip("0")


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
    calculators.reading.ValueProblem: enter months like 4 or 4.5
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
    calculators.reading.ValueProblem: choose rsu or options
    """
    if isinstance(value, str):
        text = value.strip().lower()
        for choice, _ in choices:
            if text == choice.lower():
                return choice
    names = [choice for choice, _ in choices]
    listed = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
    raise ValueProblem(f"choose {listed}")
