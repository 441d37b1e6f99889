"""Total comp's rules: each offer year by year, its parts, totals, cliffs, the gap a
sign-on must still cover, and the order of the offers. Numbers and ids only.

>>> from calculators.total_comp.inputs import parse
>>> inputs = parse({"offers": [{"base": "180k", "bonus_target_pct": 15,
...     "equity_grant": "200k", "sign_on": "30k"}], "years": 4})
>>> result = compute(inputs)
>>> [row.total for row in result.offers[0].years], result.offers[0].total
([287000.0, 257000.0, 257000.0, 257000.0], 1058000.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from calculators.numbers import compound
from calculators.total_comp.inputs import Inputs, Offer

__all__ = [
    "PARTS",
    "Cliff",
    "OfferResult",
    "Result",
    "VsFirst",
    "YearRow",
    "cliff_cause",
    "compute",
    "pct",
]

# A cliff: a year whose total falls more than a tenth (10%) below the year before.
CLIFF_DROP_DIVISOR = 10

# The seven parts of a year's pay, in the order of tables, charts and YearRow.parts().
PARTS = ("base", "bonus", "equity", "refreshers", "one_time", "match", "other")


@dataclass(frozen=True)
class YearRow:
    """One year of one offer: each part and the total, rounded to cents."""

    year: int
    base: float
    bonus: float
    equity: float
    refreshers: float
    one_time: float
    match: float
    other: float
    total: float

    def parts(self) -> tuple[float, ...]:
        """The seven parts in the order of :data:`PARTS`."""
        return (
            self.base,
            self.bonus,
            self.equity,
            self.refreshers,
            self.one_time,
            self.match,
            self.other,
        )


@dataclass(frozen=True)
class Cliff:
    """A year whose total falls more than 10% below the year before."""

    year: int
    drop_pct: float


@dataclass(frozen=True)
class VsFirst:
    """An offer's difference from the first offer (positive: worth more)."""

    total: float
    total_pct: float
    average_annual: float
    average_annual_pct: float


@dataclass(frozen=True)
class OfferResult:
    """One offer's figures."""

    name: str
    years: tuple[YearRow, ...]
    total: float
    average_annual: float
    adjusted_average_annual: float
    first_year: float
    cliffs: tuple[Cliff, ...]
    make_whole_gap: float
    vs_first: VsFirst


@dataclass(frozen=True)
class Result:
    """All offers, and their order from best to worst.

    ``ranking`` holds names (best first); ``ranking_index`` the same order as
    0-based positions in ``offers`` (names may repeat); ``ranking_basis`` is
    the figure ranked on: ``adjusted_average_annual`` when any offer's cost of
    living differs from 100, else ``average_annual``.
    """

    offers: tuple[OfferResult, ...]
    ranking: tuple[str, ...]
    ranking_index: tuple[int, ...]
    ranking_basis: str


def _year_parts(offer: Offer, year: int) -> tuple[float, ...]:
    """The seven unrounded parts of ``year`` (1-based) for one offer."""
    growth = 1 + offer.equity_growth_pct / 100
    keep = 1 - offer.equity_discount_pct / 100
    base = offer.base * compound(1 + offer.raise_pct / 100, year - 1)
    bonus = base * offer.bonus_target_pct / 100 * offer.bonus_payout_pct / 100
    share = offer.vesting[year - 1] if year <= len(offer.vesting) else 0.0
    equity = offer.equity_grant * share / 100 * compound(growth, year) * keep
    span = offer.refresher_vesting_years
    refreshers = math.fsum(
        offer.refresher_annual / span * compound(growth, year - granted + 1) * keep
        for granted in range(2, year + 1)
        if year - granted < span
    )
    one_time = 0.0
    if year == 1:
        one_time = offer.sign_on + offer.relocation
    elif year == 2:
        one_time = offer.sign_on_year2
    match = base * offer.retirement_match_pct / 100
    if offer.retirement_match_cap is not None:
        match = min(match, offer.retirement_match_cap)
    return (base, bonus, equity, refreshers, one_time, match, offer.other_annual)


def pct(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole`` (0 of nothing)."""
    return part / whole * 100 if whole else 0.0


@dataclass(frozen=True)
class _Raw:
    """One offer's unrounded figures, kept until the very end."""

    offer: Offer
    parts: tuple[tuple[float, ...], ...]
    totals: tuple[float, ...]

    @property
    def total(self) -> float:
        return math.fsum(self.totals)

    @property
    def average(self) -> float:
        return self.total / len(self.totals)

    @property
    def adjusted(self) -> float:
        return self.average * 100 / self.offer.cost_of_living_index


def _raw(offer: Offer, years: int) -> _Raw:
    parts = tuple(_year_parts(offer, year) for year in range(1, years + 1))
    return _Raw(offer, parts, tuple(math.fsum(p) for p in parts))


def _year_row(year: int, parts: tuple[float, ...], total: float) -> YearRow:
    base, bonus, equity, refreshers, one_time, match, other = (round(x, 2) for x in parts)
    return YearRow(
        year=year,
        base=base,
        bonus=bonus,
        equity=equity,
        refreshers=refreshers,
        one_time=one_time,
        match=match,
        other=other,
        total=round(total, 2),
    )


def _offer_result(raw: _Raw, first: _Raw) -> OfferResult:
    offer = raw.offer
    rows = tuple(
        _year_row(year, parts, total)
        for year, (parts, total) in enumerate(zip(raw.parts, raw.totals, strict=True), start=1)
    )
    cliffs = tuple(
        Cliff(year, round(pct(before - now, before), 2))
        for year, (before, now) in enumerate(pairwise(raw.totals), start=2)
        if (before - now) * CLIFF_DROP_DIVISOR > before
    )
    vs_first = VsFirst(
        total=round(raw.total - first.total, 2),
        total_pct=round(pct(raw.total - first.total, first.total), 2),
        average_annual=round(raw.average - first.average, 2),
        average_annual_pct=round(pct(raw.average - first.average, first.average), 2),
    )
    return OfferResult(
        name=offer.name,
        years=rows,
        total=round(raw.total, 2),
        average_annual=round(raw.average, 2),
        adjusted_average_annual=round(raw.adjusted, 2),
        first_year=round(raw.totals[0], 2),
        cliffs=cliffs,
        make_whole_gap=round(
            max(0.0, offer.unvested_left_behind - offer.sign_on - offer.sign_on_year2), 2
        ),
        vs_first=vs_first,
    )


def compute(inputs: Inputs) -> Result:
    """Each offer year by year, its difference from the first, and the ranking.

    >>> offer = Offer("A", 180000, bonus_target_pct=15, equity_grant=200000,
    ...               vesting=(5, 15, 40, 40), sign_on=30000)
    >>> result = compute(Inputs((offer,), years=5))
    >>> [row.total for row in result.offers[0].years]
    [247000.0, 237000.0, 287000.0, 287000.0, 207000.0]
    >>> result.offers[0].cliffs
    (Cliff(year=5, drop_pct=27.87),)
    """
    raws = [_raw(offer, inputs.years) for offer in inputs.offers]
    offers = tuple(_offer_result(raw, raws[0]) for raw in raws)
    adjusted = any(offer.cost_of_living_index != 100 for offer in inputs.offers)
    figures = [o.adjusted_average_annual if adjusted else o.average_annual for o in offers]
    order = tuple(sorted(range(len(offers)), key=lambda i: -figures[i]))  # stable: ties keep order
    return Result(
        offers=offers,
        ranking=tuple(offers[i].name for i in order),
        ranking_index=order,
        ranking_basis="adjusted_average_annual" if adjusted else "average_annual",
    )


def cliff_cause(before: YearRow, now: YearRow) -> str:
    """Why a year's total fell, from the part that fell the most: ``one-time`` (a payment
    not made again), ``grant-ended``, ``grant-smaller``, ``refreshers`` or ``pay``."""
    drops = [b - n for b, n in zip(before.parts(), now.parts(), strict=True)]
    part = PARTS[max(range(len(drops)), key=lambda i: drops[i])]
    if part == "one_time":
        return "one-time"
    if part == "equity":
        return "grant-ended" if now.equity == 0 else "grant-smaller"
    return "refreshers" if part == "refreshers" else "pay"
