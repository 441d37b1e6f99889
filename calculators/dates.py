"""Dates as a plan needs them: read as typed, written out, and moved off a weekend.

Dates travel as ISO text (``2026-12-18``), the form's ``<input type="date">``
value; everything here is plain calendar arithmetic, the same on CPython and in
Pyodide, and never reads the clock.

>>> parse_date("2026-12-18"), written_date(date(2026, 12, 18), date(2026, 12, 6))
('2026-12-18', 'Friday, December 18')
>>> weekday_on_or_after(date(2026, 12, 19)).isoformat()  # a Saturday: the Monday after
'2026-12-21'
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from calculators.reading import ValueProblem

__all__ = ["DATE_HINT", "date", "parse_date", "weekday_on_or_after", "written_date"]

DATE_HINT = "enter a date like 2026-12-18 (year, month, day)"
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def parse_date(value: object) -> str:
    """A calendar date as ISO text, or a problem saying how to write one.

    >>> parse_date(" 2027-01-04 ")
    '2027-01-04'
    >>> parse_date("2026-02-30")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calculators.reading.ValueProblem: 2026-02-30 is not a day of the calendar; ...
    """
    if not isinstance(value, str) or not _ISO.fullmatch(value.strip()):
        raise ValueProblem(DATE_HINT)
    text = value.strip()
    try:
        date.fromisoformat(text)
    except ValueError:
        raise ValueProblem(f"{text} is not a day of the calendar; {DATE_HINT}") from None
    return text


def written_date(day: date, today: date) -> str:
    """``Friday, December 18``, as the scripts write a day, with the year when it isn't
    ``today``'s year.

    >>> written_date(date(2027, 1, 4), date(2026, 12, 30))
    'Monday, January 4, 2027'
    """
    text = f"{_DAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}"
    return text if day.year == today.year else f"{text}, {day.year}"


def weekday_on_or_after(day: date) -> date:
    """The day itself, or the Monday after when it falls on a weekend.

    >>> weekday_on_or_after(date(2026, 12, 18)).isoformat()  # a Friday stays
    '2026-12-18'
    """
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
