"""Runway's rules: the cash month by month, how long it lasts, the search window beside
it, and what a number below your floor costs over the years it anchors you. Numbers only.

>>> from calculators.runway.inputs import parse
>>> runway = simulate(parse({"savings": 30000, "monthly_expenses": 6000}), 24)
>>> runway.months, runway.balance
(5.0, [24000.0, 18000.0, 12000.0, 6000.0, 0.0])
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from calculators.arithmetic import compound
from calculators.runway.inputs import Inputs

__all__ = [
    "MAX_MONTHS",
    "AnchorYear",
    "Anchoring",
    "Runway",
    "anchoring",
    "horizon",
    "search_window",
    "simulate",
]

MAX_MONTHS = 120  # the count stops here: past it, the runway is reported as 120, capped
SOFT_MARKET_FACTOR = 1.5
MIN_HORIZON = 24  # months of balance shown when the cash never runs out (or outlasts the count)
HALF_CENT = 0.005  # less than this left at the end of a month: the cash has run out


@dataclass(frozen=True)
class AnchorYear:
    """One year of the gap between the offer and your floor, with the raise applied."""

    year: int
    gap: float


@dataclass(frozen=True)
class Anchoring:
    """What accepting an offer below your floor costs over the years it anchors you.

    ``years`` (one row per anchored year) goes beyond the spec's shape, for the table.
    """

    gap: float
    cost: float
    break_even_weeks: float
    runway_covers_break_even: bool  # the cash lasts until walking pays off (unlimited: yes)
    years: list[AnchorYear]


def search_window(inputs: Inputs) -> tuple[float, float]:
    """The shortest and longest search for a comparable offer, in months."""
    factor = (12 / 52) * (SOFT_MARKET_FACTOR if inputs.soft_market else 1.0)
    return inputs.search_weeks_min * factor, inputs.search_weeks_max * factor


def horizon(search_max: float) -> int:
    """How many months of balance to show: past the longer search, at least two years."""
    return min(MAX_MONTHS, max(math.ceil(search_max) + 3, MIN_HORIZON))


@dataclass(frozen=True)
class Runway:
    """How long the cash lasts, and the balance month by month."""

    months: float | None  # unrounded; None when the cash never runs out
    capped: bool
    balance: list[float]  # unrounded cash at the end of each month shown


def simulate(inputs: Inputs, horizon: int) -> Runway:
    """Spend the cash month by month, for at most one month past the count.

    The month the cash runs out ends the balance, with 0 (never a negative
    balance). When it never runs out, or lasts past MAX_MONTHS, the balance
    stops at ``horizon`` months. The extra month tells a runway of exactly
    MAX_MONTHS (cash at 0 when the count ends) from a longer one.
    """
    cash = inputs.savings + inputs.severance
    after_benefit = inputs.monthly_expenses - inputs.monthly_income
    # The benefit only lowers the spend, so with income covering expenses the cash never drops.
    indefinite = after_benefit <= 0
    balance: list[float] = []
    for month in range(1, MAX_MONTHS + 2):
        net = after_benefit - (inputs.benefit_monthly if month <= inputs.benefit_months else 0.0)
        left = cash - net
        if net > 0 and left < HALF_CENT:
            # Month m's share: what was left at its start over its spend (at most the whole
            # month, when less than half a cent would be left over).
            months = (month - 1) + min(1.0, cash / net)
            if months > MAX_MONTHS:
                break
            balance.append(0.0)
            return Runway(months, False, balance[:MAX_MONTHS])
        cash = left
        balance.append(cash)
        if indefinite and month >= horizon:
            break
    if indefinite:
        return Runway(None, False, balance[:horizon])
    return Runway(float(MAX_MONTHS), True, balance[:horizon])


def anchoring(inputs: Inputs, runway_months: float | None) -> Anchoring | None:
    """What taking an offer below your floor costs over the years it anchors you, and
    whether the runway (``None``: unlimited) lasts until walking pays off."""
    offer, floor = inputs.offer, inputs.floor
    if offer is None or floor is None or offer >= floor:
        return None
    gap = floor - offer
    growth = 1 + inputs.raise_pct / 100
    yearly = [gap * compound(growth, year) for year in range(inputs.anchor_years)]
    cost = math.fsum(yearly)
    break_even = round(cost / (offer / 52), 2)
    runway = None if runway_months is None else round(runway_months, 2)
    return Anchoring(
        gap=round(gap, 2),
        cost=round(cost, 2),
        break_even_weeks=break_even,
        runway_covers_break_even=runway is None or runway >= break_even * 12 / 52,
        years=[AnchorYear(t + 1, round(amount, 2)) for t, amount in enumerate(yearly)],
    )
