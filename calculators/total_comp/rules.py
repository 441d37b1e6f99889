"""Total comp's rules: each offer year by year, its parts, what is guaranteed and what is
at risk, after tax, the cliffs and their causes, the gap a sign-on must still cover,
and the order of the offers. Numbers and ids only.

>>> from calculators.total_comp.inputs import parse
>>> inputs = parse({"offers": [{"base": "180k", "bonus_target_pct": 15,
...     "equity_grant": "200k", "sign_on": "30k"}], "years": 4})
>>> result = figures(inputs.offers, inputs.years)
>>> [row.total for row in result.offers[0].years], result.offers[0].total
([287000.0, 257000.0, 257000.0, 257000.0], 1058000.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from calculators.arithmetic import compound

if TYPE_CHECKING:
    from collections.abc import Sequence

    from calculators.total_comp.offer import Offer

__all__ = [
    "AT_RISK",
    "GUARANTEED",
    "PARTS",
    "RANKED_BY",
    "Cliff",
    "Figures",
    "OfferResult",
    "Raw",
    "VsFirst",
    "YearRow",
    "cliff_cause",
    "figure",
    "figures",
    "pct",
    "ranked_by",
    "raw",
    "under_water_years",
]

# A cliff: a year whose total falls more than a tenth (10%) below the year before.
CLIFF_DROP_DIVISOR = 10
# A close call: the best two offers' average years are within 2% of the best.
CLOSE_CALL_PCT = 2.0

# The figures that can decide the order, the first that applies winning (see ranked_by).
RANKED_BY = (
    "after_tax_adjusted_average_annual",
    "after_tax_average_annual",
    "adjusted_average_annual",
    "average_annual",
)

# The seven parts of a year's pay, in the order of tables, charts and YearRow.parts().
PARTS = ("base", "bonus", "equity", "refreshers", "one_time", "match", "other")
# Cash you can count on, and pay that depends on a bonus payout or the share price.
GUARANTEED = ("base", "one_time", "match", "other")
AT_RISK = ("bonus", "equity", "refreshers")


@dataclass(frozen=True)
class YearRow:
    """One year of one offer: each part, the total and its split, rounded to cents.

    ``exercise_cost`` is the cash it takes to buy the options that vest this year
    (shown, never subtracted: the equity figure is already the spread);
    ``after_tax`` is None without a tax rate.
    """

    year: int
    base: float
    bonus: float
    equity: float
    refreshers: float
    one_time: float
    match: float
    other: float
    total: float
    guaranteed: float
    at_risk: float
    exercise_cost: float
    after_tax: float | None

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
    """A year whose total falls more than 10% below the year before, and why.

    ``cause``: ``one-time`` (a sign-on or relocation not paid again), ``equity``
    (the initial grant runs out with too little refresh) or ``other``.
    """

    year: int
    drop_pct: float
    cause: str


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
    guaranteed_total: float
    at_risk_share_pct: float
    after_tax_total: float | None
    after_tax_average_annual: float | None
    after_tax_adjusted_average_annual: float | None
    cliffs: tuple[Cliff, ...]
    make_whole_gap: float
    vs_first: VsFirst
    notes: tuple[str, ...] = ()  # the sentences a reader must see; written by ``result``


@dataclass(frozen=True)
class Figures:
    """All offers, and their orders from best to worst (names are unique).

    ``ranking``: by average annual, or by the adjusted figure where any cost of
    living differs from 100. ``ranking_after_tax``: by the after-tax average, or
    the after-tax adjusted figure where any index differs, when every offer has a
    tax rate (else None). ``ranked_by`` names the one figure that decides the
    headline and the close call; ``ranked_by_order`` is the offers' positions by
    it, best first; ``close_call``: the best two by it are within 2% of the best.
    """

    offers: tuple[OfferResult, ...]
    ranking: tuple[str, ...]
    ranking_after_tax: tuple[str, ...] | None
    ranked_by: str
    ranked_by_order: tuple[int, ...]
    close_call: bool


def _equity(offer: Offer, share: float, growth: float, year: int) -> tuple[float, float]:
    """The initial grant's tranche vesting in ``year`` (a share ``share``% of the grant),
    valued at the end of that year, and the cash to exercise it (options only)."""
    keep = 1 - offer.equity_discount_pct / 100
    if offer.equity_type == "options":
        options = offer.options_count * share / 100
        # The spread: what a share is worth over the strike; an option under water is worth 0.
        spread = max(0.0, offer.share_price * compound(growth, year) - offer.strike_price)
        return options * spread * keep, options * offer.strike_price
    return offer.equity_grant * share / 100 * compound(growth, year) * keep, 0.0


def under_water_years(offer: Offer, years: int) -> tuple[int, ...]:
    """The years whose vesting options are under water: the share price that year is at or
    below the strike (a 100% equity discount is not this: it values the equity at nothing).
    """
    if offer.equity_type != "options":
        return ()
    growth = 1 + offer.equity_growth_pct / 100
    return tuple(
        year
        for year, share in enumerate(offer.vesting[:years], start=1)
        if share > 0 and offer.share_price * compound(growth, year) <= offer.strike_price
    )


def _year_parts(offer: Offer, year: int) -> tuple[tuple[float, ...], float]:
    """The seven unrounded parts of ``year`` (1-based) for one offer, and its exercise cost."""
    growth = 1 + offer.equity_growth_pct / 100
    keep = 1 - offer.equity_discount_pct / 100
    base = offer.base * compound(1 + offer.raise_pct / 100, year - 1)
    bonus = base * offer.bonus_target_pct / 100 * offer.bonus_payout_pct / 100
    share = offer.vesting[year - 1] if year <= len(offer.vesting) else 0.0
    equity, exercise = _equity(offer, share, growth, year)
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
    return (base, bonus, equity, refreshers, one_time, match, offer.other_annual), exercise


def pct(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole`` (0 of nothing)."""
    return part / whole * 100 if whole else 0.0


def _sum(parts: tuple[float, ...], names: tuple[str, ...]) -> float:
    return math.fsum(parts[PARTS.index(name)] for name in names)


@dataclass(frozen=True)
class Raw:
    """One offer's unrounded figures, kept until the very end (``limits`` checks them)."""

    offer: Offer
    parts: tuple[tuple[float, ...], ...]
    exercise: tuple[float, ...]

    @property
    def totals(self) -> tuple[float, ...]:
        return tuple(math.fsum(parts) for parts in self.parts)

    @property
    def total(self) -> float:
        return math.fsum(self.totals)

    @property
    def average(self) -> float:
        return self.total / len(self.parts)

    @property
    def adjusted(self) -> float:
        return self.average * 100 / self.offer.cost_of_living_index

    @property
    def kept(self) -> float | None:
        """The share of pay kept after tax, or None without a tax rate."""
        rate = self.offer.tax_rate_pct
        return None if rate is None else 1 - rate / 100


def raw(offer: Offer, years: int) -> Raw:
    figures = [_year_parts(offer, year) for year in range(1, years + 1)]
    return Raw(offer, tuple(p for p, _ in figures), tuple(e for _, e in figures))


def _year_row(year: int, parts: tuple[float, ...], exercise: float, kept: float | None) -> YearRow:
    base, bonus, equity, refreshers, one_time, match, other = (round(x, 2) for x in parts)
    total = math.fsum(parts)
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
        guaranteed=round(_sum(parts, GUARANTEED), 2),
        at_risk=round(_sum(parts, AT_RISK), 2),
        exercise_cost=round(exercise, 2),
        after_tax=None if kept is None else round(total * kept, 2),
    )


def cliff_cause(before: tuple[float, ...], now: tuple[float, ...]) -> str:
    """Why a year's total fell by D: the one-time payments, if they fell by D/2 or more;
    else the equity (grant and refreshers), if it did; else ``other``."""
    drop = math.fsum(before) - math.fsum(now)
    if _sum(before, ("one_time",)) - _sum(now, ("one_time",)) >= drop / 2:
        return "one-time"
    if _sum(before, ("equity", "refreshers")) - _sum(now, ("equity", "refreshers")) >= drop / 2:
        return "equity"
    return "other"


def _offer_result(raw: Raw, first: Raw) -> OfferResult:
    offer, totals, kept = raw.offer, raw.totals, raw.kept
    rows = tuple(
        _year_row(year, parts, exercise, kept)
        for year, (parts, exercise) in enumerate(zip(raw.parts, raw.exercise, strict=True), 1)
    )
    cliffs = []
    for year, (before, now) in enumerate(pairwise(raw.parts), start=2):
        drop = totals[year - 2] - totals[year - 1]
        if drop * CLIFF_DROP_DIVISOR > totals[year - 2]:
            cliffs.append(
                Cliff(year, round(pct(drop, totals[year - 2]), 2), cliff_cause(before, now))
            )
    vs_first = VsFirst(
        total=round(raw.total - first.total, 2),
        total_pct=round(pct(raw.total - first.total, first.total), 2),
        average_annual=round(raw.average - first.average, 2),
        average_annual_pct=round(pct(raw.average - first.average, first.average), 2),
    )
    at_risk = math.fsum(_sum(parts, AT_RISK) for parts in raw.parts)
    return OfferResult(
        name=offer.name,
        years=rows,
        total=round(raw.total, 2),
        average_annual=round(raw.average, 2),
        adjusted_average_annual=round(raw.adjusted, 2),
        first_year=round(totals[0], 2),
        guaranteed_total=round(math.fsum(_sum(parts, GUARANTEED) for parts in raw.parts), 2),
        at_risk_share_pct=round(pct(at_risk, raw.total), 2),
        after_tax_total=None if kept is None else round(raw.total * kept, 2),
        after_tax_average_annual=None if kept is None else round(raw.average * kept, 2),
        after_tax_adjusted_average_annual=None if kept is None else round(raw.adjusted * kept, 2),
        cliffs=tuple(cliffs),
        make_whole_gap=round(
            max(0.0, offer.unvested_left_behind - offer.sign_on - offer.sign_on_year2), 2
        ),
        vs_first=vs_first,
    )


def _order(figures: list[float]) -> tuple[int, ...]:
    """Positions from the highest figure down; ties keep the offers' order."""
    return tuple(sorted(range(len(figures)), key=lambda i: -figures[i]))


def ranked_by(offers: Sequence[Offer]) -> str:
    """The figure that decides: after tax when every offer has a rate, adjusted for cost of
    living when any index differs from 100, both when both apply."""
    taxed = all(offer.tax_rate_pct is not None for offer in offers)
    adjusted = any(offer.cost_of_living_index != 100 for offer in offers)
    if taxed:
        return "after_tax_adjusted_average_annual" if adjusted else "after_tax_average_annual"
    return "adjusted_average_annual" if adjusted else "average_annual"


def figure(offer: OfferResult, name: str) -> float:
    """One offer's figure ``name`` (a ranked_by), 0 where it is missing (no tax rate)."""
    value = getattr(offer, name)
    return float(value) if isinstance(value, int | float) else 0.0


def figures(offers_in: Sequence[Offer], years: int) -> Figures:
    """Each offer year by year over ``years``, its difference from the first, and the orders.

    >>> from calculators.total_comp.offer import Offer
    >>> offer = Offer(name="A", base=180000, bonus_target_pct=15, equity_grant=200000,
    ...               vesting=(5, 15, 40, 40), sign_on=30000)
    >>> result = figures((offer,), 5)
    >>> [row.total for row in result.offers[0].years]
    [247000.0, 237000.0, 287000.0, 287000.0, 207000.0]
    >>> result.offers[0].cliffs
    (Cliff(year=5, drop_pct=27.87, cause='equity'),)
    """
    raws = [raw(offer, years) for offer in offers_in]
    offers = tuple(_offer_result(one, raws[0]) for one in raws)
    # Ranked on the figures shown (rounded to cents), so the order matches what a reader sees.
    adjusted = any(offer.cost_of_living_index != 100 for offer in offers_in)
    prefix = "adjusted_" if adjusted else ""
    order = _order([figure(o, f"{prefix}average_annual") for o in offers])
    decider = ranked_by(offers_in)
    after_tax = None
    if decider.startswith("after_tax"):
        after_tax = _order([figure(o, f"after_tax_{prefix}average_annual") for o in offers])
    decided = _order([figure(o, decider) for o in offers])
    best = [figure(offers[i], decider) for i in decided[:2]]
    close = len(offers) > 1 and (best[0] - best[1]) * 100 <= CLOSE_CALL_PCT * best[0]
    return Figures(
        offers=offers,
        ranking=tuple(offers[i].name for i in order),
        ranking_after_tax=None if after_tax is None else tuple(offers[i].name for i in after_tax),
        ranked_by=decider,
        ranked_by_order=decided,
        close_call=close,
    )
