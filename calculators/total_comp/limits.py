"""Figures too large to trust: any figure an offer computes to that is not finite or is
over 1e13 is an error on the fields that drive it, found while parsing, so that
computing never meets one (an options count of 1e300 is a field error, never an
internal error or ``Infinity``).

>>> from calculators.total_comp.offer import Offer
>>> offer = Offer(name="A", base=100000, equity_type="options", options_count=10**300,
...               strike_price=1, share_price=2)
>>> found = too_large(offer, 4)
>>> found["options_count"], found["strike_price"]
('the equity', 'the cash to exercise the options')
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from calculators.schema import FieldError
from calculators.total_comp.offer import OFFER_FIELDS
from calculators.total_comp.rules import PARTS, pct, raw

if TYPE_CHECKING:
    from calculators.total_comp.offer import Offer

__all__ = ["LIMIT", "comparison_errors", "offer_errors", "too_large"]

LIMIT = 1e13

# What each part of a year is called in a message, and the fields that can make it large.
_PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "base": ("the base salary", ("base", "raise_pct")),
    "bonus": ("the bonus", ("base", "raise_pct", "bonus_target_pct", "bonus_payout_pct")),
    "equity": ("the equity", ("equity_grant", "options_count", "share_price", "equity_growth_pct")),
    "refreshers": ("the refreshers", ("refresher_annual", "equity_growth_pct")),
    "one_time": ("the one-time payments", ("sign_on", "sign_on_year2", "relocation")),
    "match": ("the retirement match", ("base", "raise_pct", "retirement_match_pct")),
    "other": ("the other yearly value", ("other_annual",)),
}
_EXERCISE = ("the cash to exercise the options", ("options_count", "strike_price"))
_FIELDS = {field.name: field for field in OFFER_FIELDS}
_ORDER = {field.name: i for i, field in enumerate(OFFER_FIELDS)}


def _bad(value: float) -> bool:
    return not math.isfinite(value) or abs(value) > LIMIT


def _given(offer: Offer, names: tuple[str, ...]) -> list[str]:
    """The fields among ``names`` that hold something other than nothing (0 or None)."""
    return [name for name in names if getattr(offer, name) not in (0, None)]


def too_large(offer: Offer, years: int) -> dict[str, str]:
    """Each field behind a figure that is not finite or is over 1e13, with what it makes
    too large; empty when every figure is fine."""
    figures = raw(offer, years)
    found: dict[str, str] = {}

    def blame(what: str, names: tuple[str, ...]) -> None:
        for name in _given(offer, names) or [names[0]]:
            found.setdefault(name, what)

    sums = [math.fsum(parts[i] for parts in figures.parts) for i in range(len(PARTS))]
    for part, total in zip(PARTS, sums, strict=True):
        if _bad(total) or any(_bad(parts[PARTS.index(part)]) for parts in figures.parts):
            blame(*_PARTS[part])
    if any(_bad(cost) for cost in figures.exercise) or _bad(math.fsum(figures.exercise)):
        blame(*_EXERCISE)
    if found:
        return found
    # Every part is fine but together they are not: blame the big ones.
    biggest = [part for part, total in zip(PARTS, sums, strict=True) if total * 7 >= max(sums)]
    if _bad(figures.total):
        for part in biggest:
            blame("the total", _PARTS[part][1])
    elif _bad(figures.adjusted):
        blame("the total adjusted for cost of living", ("cost_of_living_index",))
        for part in biggest:
            blame("the total adjusted for cost of living", _PARTS[part][1])
    return found


def offer_errors(offer: Offer, years: int, path: str, prefix: str) -> list[FieldError]:
    """:func:`too_large`'s findings as field errors, in the fields' order."""
    found = too_large(offer, years)
    return [
        FieldError(
            f"{path}{name}",
            f"{prefix}{_FIELDS[name].label}: with this, {found[name]} comes to more than "
            "10,000,000,000,000 (or more than can be counted); check the figure",
        )
        for name in sorted(found, key=_ORDER.__getitem__)
    ]


def comparison_errors(offers: tuple[Offer, ...], years: int) -> list[FieldError]:
    """An error on the first offer's base when its total is so small that another offer's
    difference from it, as a percentage, is not finite or over 1e13."""
    first = raw(offers[0], years)
    for offer in offers[1:]:
        other = raw(offer, years)
        shares = (
            pct(other.total - first.total, first.total),
            pct(other.average - first.average, first.average),
        )
        if any(_bad(share) for share in shares):
            return [
                FieldError(
                    "offers[0].base",
                    f"Offer 1 — {_FIELDS['base'].label}: so small next to the other offers "
                    "that their difference from it can't be counted as a percentage; enter "
                    "the yearly base, like 180000",
                )
            ]
    return []
