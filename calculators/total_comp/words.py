"""Total comp in words: the headline, why pay drops in a cliff year, and what a sign-on
must still cover, with amounts in the reader's currency.

>>> from calculators.format import Money
>>> from calculators.total_comp.inputs import EXAMPLE, parse
>>> from calculators.total_comp.rules import compute
>>> headline(compute(parse(EXAMPLE)), Money("EUR"))[:40]
'Offer A is worth the most: €264,500 a ye'
"""

from __future__ import annotations

from calculators.format import Money, fmt_pct
from calculators.total_comp.rules import Cliff, OfferResult, Result, pct

__all__ = ["PART_LABELS", "cliff_sentence", "figure", "headline", "make_whole_sentence"]

PART_LABELS = {
    "base": "Base",
    "bonus": "Bonus",
    "equity": "Equity",
    "refreshers": "Refreshers",
    "one_time": "One-time",
    "match": "Match",
    "other": "Other",
}

# Why a cliff year's total fell, by the rules' cause, and what to do about it.
_CAUSES = {
    "grant-ended": "the initial grant runs out with too little refresh",
    "grant-smaller": "less of the initial grant vests, with too little refresh to make up for it",
    "refreshers": "the refreshers are worth less as the share price falls",
    "pay": "the pay falls",
}
_ONE_TIME_ADVICE = "Judge the offer by the years after, not by the first."
_ADVICE = "Plan for the lower figure, or ask for a bigger refresher."


def years_phrase(count: int) -> str:
    """``1 year``, ``4 years``."""
    return "1 year" if count == 1 else f"{count} years"


def figure(offer: OfferResult, adjusted: bool) -> float:
    """The figure the offers are ranked on: adjusted for cost of living, or not."""
    return offer.adjusted_average_annual if adjusted else offer.average_annual


def headline(result: Result, money: Money) -> str:
    """The point of the comparison in one sentence."""
    offers = result.offers
    span = years_phrase(len(offers[0].years))
    adjusted = result.ranking_basis == "adjusted_average_annual"
    basis = " once cost of living is counted" if adjusted else ""
    best = offers[result.ranking_index[0]]
    value = money.format(figure(best, adjusted))
    if len(offers) == 1:
        return (
            f"{best.name} is worth {value} a year on average over {span}, "
            f"{money.format(best.total)} in all."
        )
    first = offers[0]
    if result.ranking_index[0] != 0:
        diff = figure(best, adjusted) - figure(first, adjusted)
        share = fmt_pct(pct(diff, figure(first, adjusted)), signed=True)
        return (
            f"{best.name} is worth the most{basis}: {value} a year on average over {span}, "
            f"{money.format(diff)} a year more than {first.name} ({share})."
        )
    runner = offers[result.ranking_index[1]]
    diff = figure(first, adjusted) - figure(runner, adjusted)
    if round(diff) == 0:
        return (
            f"{first.name} and {runner.name} are worth about the same{basis}: "
            f"{value} a year on average over {span}."
        )
    return (
        f"{first.name} is still worth the most{basis}: {value} a year on average over {span}; "
        f"the best of the others, {runner.name}, is {money.format(diff)} a year less."
    )


def cliff_sentence(cliff: Cliff, cause: str) -> str:
    """What happens in a cliff year, why, and what to do."""
    if cause == "one-time":
        which = "year 1's one-time payments are" if cliff.year == 2 else "the year-2 sign-on is"
        because, advice = f"{which} not paid again", _ONE_TIME_ADVICE
    else:
        because, advice = _CAUSES[cause], _ADVICE
    return f"Cliff in year {cliff.year}: total falls {fmt_pct(cliff.drop_pct)}, {because}. {advice}"


def make_whole_sentence(gap: float, money: Money) -> str:
    """What a sign-on would still need to cover for the unvested equity left behind."""
    return (
        f"A sign-on would still need to cover {money.format(gap)} "
        "to make up for the unvested equity you'd leave behind. Ask for it before "
        "you accept."
    )
