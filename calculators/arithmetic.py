"""Small numeric helpers the whole package shares: the finite-number check, compounding,
and numbers written plainly.

>>> finite_number(True), finite_number(2), compound(1.5, 2), plain(158400.0), plain(33.3)
(None, 2.0, 2.25, '158400', '33.3')
"""

from __future__ import annotations

import math

__all__ = ["compound", "finite_number", "plain"]


def finite_number(value: object) -> float | None:
    """A JSON number as a float, or None for anything else (a bool is not a number).

    An integer too large for a float is infinite, so the caller's finite check refuses it.

    >>> finite_number("3"), finite_number(10**400)
    (None, inf)
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf


def compound(factor: float, times: int) -> float:
    """``factor`` multiplied by itself ``times`` times (1 for 0 times).

    Repeated multiplication rather than ``**``: plain IEEE arithmetic gives the
    same digits on CPython and in Pyodide, whose libm pow() may differ in the
    last bit.

    >>> compound(1.03, 0), compound(1.1, 3) == 1.1 * 1.1 * 1.1
    (1.0, True)
    """
    result = 1.0
    for _ in range(times):
        result *= factor
    return result


def plain(number: float) -> str:
    """A number as a person writes it: ``180000``, not ``180000.0``; ``33.3`` as it is.

    >>> plain(5), plain(2.5), plain(float("inf"))
    ('5', '2.5', 'inf')
    """
    if isinstance(number, int):
        return str(number)
    return str(int(number)) if number.is_integer() else str(number)
