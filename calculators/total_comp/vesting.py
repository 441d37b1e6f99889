"""Vesting schedules as a person types them: ``25/25/25/25``, ``100``, ``even``,
``back-loaded``; read into yearly percents that add up to 100 (a schedule within 0.01 of
100 is scaled to exactly 100, so the whole grant vests).

>>> parse_vesting("Back-loaded"), parse_vesting("33.3 / 33.3 / 33.4")
('5/15/40/40', '33.3/33.3/33.4')
"""

from __future__ import annotations

import math
import re

from calculators.arithmetic import finite_number, plain
from calculators.reading import ValueProblem

__all__ = ["MAX_VESTING_YEARS", "VESTING_HINT", "parse_vesting", "split_vesting"]

MAX_VESTING_YEARS = 10
VESTING_HINT = "enter yearly percents like 25/25/25/25, or even, or back-loaded"
_VESTING_NAMES = {"even": "25/25/25/25", "backloaded": "5/15/40/40"}
_PERCENT_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")


def parse_vesting(value: object) -> str:
    """A vesting schedule, normalised to slash-separated yearly percents.

    Accepts ``25/25/25/25`` (spaces and ``%`` signs allowed), a single number
    such as ``100``, and the names ``even`` and ``back-loaded``. The percents
    must be 0 or more and add up to 100 (±0.01), over at most 10 years.

    >>> parse_vesting("EVEN"), parse_vesting(" 25% / 25 / 25/25 "), parse_vesting(100)
    ('25/25/25/25', '25/25/25/25', '100')
    >>> parse_vesting("30/30/30")
    Traceback (most recent call last):
    ...
    calculators.reading.ValueProblem: the years add up to 90%; they must add up to 100%
    """
    parts: list[float] = []
    single = finite_number(value)  # an int too large for a float is infinite: over 100%
    if single is not None:
        parts = [single]
    elif isinstance(value, str):
        text = value.strip()
        named = _VESTING_NAMES.get(re.sub(r"[\s_-]", "", text.lower()))
        if named is not None:
            return named
        pieces = text.split("/")
        if len(pieces) > MAX_VESTING_YEARS:
            raise ValueProblem(
                f"at most {MAX_VESTING_YEARS} years, one percent for each "
                f"(this schedule has {len(pieces)})"
            )
        for year, piece in enumerate(pieces, start=1):
            number = piece.strip().removesuffix("%").strip()
            if not number:
                raise ValueProblem(f"year {year} has no percent; {VESTING_HINT}")
            if number.startswith("-") and _PERCENT_NUMBER.match(number[1:].strip()):
                raise ValueProblem(f"year {year} can't be negative")
            if not _PERCENT_NUMBER.match(number):
                raise ValueProblem(f"year {year} is not a percent; {VESTING_HINT}")
            parts.append(float(number))
    else:
        raise ValueProblem(VESTING_HINT)
    for year, part in enumerate(parts, start=1):
        if math.isnan(part):
            raise ValueProblem(VESTING_HINT)
        if part < 0:
            raise ValueProblem(f"year {year} can't be negative")
        if part > 100.01:
            raise ValueProblem(f"year {year} is more than 100%; the years must add up to 100%")
    total = math.fsum(parts)
    if abs(total - 100) > 0.01 + 1e-9:  # a little slack for binary fractions
        shown = f"{total:.4f}".rstrip("0").rstrip(".")
        raise ValueProblem(f"the years add up to {shown}%; they must add up to 100%")
    return "/".join(plain(part) for part in parts)


def split_vesting(schedule: str) -> tuple[float, ...]:
    """A normalised schedule's yearly percents as numbers, scaled to add up to exactly 100.

    >>> split_vesting("25/25/25/25"), split_vesting("99.995")
    ((25.0, 25.0, 25.0, 25.0), (100.0,))
    >>> math.fsum(split_vesting("33.33/33.33/33.33"))
    100.0
    """
    parts = [float(part) for part in schedule.split("/")]
    total = math.fsum(parts)
    if total == 100 or total <= 0:
        return tuple(parts)
    parts = [part * 100 / total for part in parts]
    # Scaling can leave the sum a hair off 100: give the remainder to the largest year.
    largest = parts.index(max(parts))
    for _ in range(8):
        rest = 100 - math.fsum(parts)
        if rest == 0:
            break
        parts[largest] += rest
    return tuple(parts)
