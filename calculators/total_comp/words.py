"""Total comp in words: the headline, why pay drops in a cliff year, what is guaranteed,
what options cost to exercise, what a sign-on must still cover, taxes and close calls,
with amounts in the reader's currency.

>>> from calculators.format import Money
>>> from calculators.total_comp.inputs import EXAMPLE, parse
>>> from calculators.total_comp.rules import compute
>>> headline(compute(parse(EXAMPLE)), Money("EUR"))[:40]
'Offer A is worth the most: €264,500 a ye'
"""

from __future__ import annotations

from calculators.format import Money, fmt_pct
from calculators.total_comp.rules import Cliff, OfferResult, Result, pct

__all__ = [
    "PART_LABELS",
    "cliff_sentence",
    "close_call_sentence",
    "exercise_sentence",
    "figure",
    "headline",
    "make_whole_sentence",
    "split_sentence",
    "tax_sentence",
    "under_water_sentence",
]

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
    "one-time": (
        "a one-time payment (a sign-on or relocation) is not paid again",
        "Judge the offer by the years after, not by the first.",
    ),
    "equity": (
        "the initial equity grant runs out, or vests less, with too little refresh to make "
        "up for it",
        "Plan for the lower figure, or ask for a bigger refresher or a new grant.",
    ),
    "other": (
        "several parts of the pay fall together",
        "Look at the year-by-year table to see which.",
    ),
}


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
    if result.ranking_after_tax and result.ranking_after_tax[0] != result.ranking[0]:
        basis += f" (after tax, {result.ranking_after_tax[0]} keeps the most)"
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


def cliff_sentence(cliff: Cliff) -> str:
    """What happens in a cliff year, why, and what to do."""
    because, advice = _CAUSES[cliff.cause]
    return f"Cliff in year {cliff.year}: total falls {fmt_pct(cliff.drop_pct)}: {because}. {advice}"


def make_whole_sentence(gap: float, money: Money) -> str:
    """What a sign-on would still need to cover for the unvested equity left behind."""
    return (
        f"A sign-on would still need to cover {money.format(gap)} "
        "to make up for the unvested equity you'd leave behind. Ask for it before "
        "you accept."
    )


def split_sentence(offer: OfferResult, money: Money) -> str:
    """How much of an offer is cash you can count on, and how much is at risk."""
    span = years_phrase(len(offer.years))
    at_risk = offer.total - offer.guaranteed_total
    return (
        f"{offer.name}: {money.format(offer.guaranteed_total)} of the "
        f"{money.format(offer.total)} over {span} is cash you can count on (base, one-time "
        f"payments, retirement match, other); {money.format(at_risk)} "
        f"({fmt_pct(offer.at_risk_share_pct)}) depends on a bonus payout or the share price."
    )


def exercise_sentence(offer: OfferResult, money: Money) -> str:
    """The cash it takes to buy an offer's options as they vest."""
    costs = [(row.year, row.exercise_cost) for row in offer.years if row.exercise_cost > 0]
    total = sum(cost for _, cost in costs)
    amounts = {round(cost) for _, cost in costs}
    if len(amounts) == 1 and len(costs) > 1:
        when = f"{money.format(costs[0][1])} a year in years {costs[0][0]}–{costs[-1][0]}"
    else:
        when = ", ".join(f"year {year}: {money.format(cost)}" for year, cost in costs)
    return (
        f"Buying these options as they vest takes cash at the strike price: {when}, "
        f"{money.format(total)} in all. The equity figures are already what the shares are "
        "worth above that price, so this cost isn't taken off them: it's money you need to "
        "have if you exercise, often before you can sell a single share."
    )


def under_water_sentence(offer: OfferResult) -> str:
    """The years an offer's vesting options are worth nothing at the share price given."""
    years = [row.year for row in offer.years if row.exercise_cost > 0 and row.equity == 0]
    listed = ("years " if len(years) > 1 else "year ") + ", ".join(str(year) for year in years)
    return (
        f"At the share price you entered, the options vesting in {listed} are under water: "
        "the strike price is at or above what a share is worth, so "
        "they count as nothing unless the price rises."
    )


def tax_sentence(result: Result) -> str:
    """Where the after-tax figures come from, and what they need to rank the offers."""
    text = (
        "Walkaway keeps no tax tables: the after-tax figures apply the effective rate you "
        "entered for each offer, so they are only as good as that estimate."
    )
    if result.ranking_after_tax is None:
        text += " Give every offer a rate to rank them by what you keep."
    return text


def close_call_sentence(result: Result) -> str:
    """The best two offers are too close for the money to decide."""
    best = sorted(result.offers, key=lambda offer: -offer.average_annual)
    first, second = best[0].name, best[1].name
    return (
        f"{first} and {second} are within 2% of each other on average a year. The money "
        "doesn't decide this one: weigh the role, the people and where it leads."
    )
