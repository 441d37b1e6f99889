"""Total comp in words: the headline and summary, why pay drops in a cliff year, what is
guaranteed, what options cost to exercise, what a sign-on must still cover, taxes, close
calls and the notes a reader must see, with amounts in the reader's currency.

>>> from calculators.format import Money
>>> from calculators.total_comp.inputs import EXAMPLE, parse
>>> from calculators.total_comp.rules import figures
>>> inputs = parse(EXAMPLE)
>>> headline(figures(inputs.offers, inputs.years), Money("EUR"))[:40]
'Offer A is worth the most: €264,500 a ye'
"""

from __future__ import annotations

from calculators.arithmetic import plain
from calculators.format import Money, fmt_pct
from calculators.total_comp.offer import Offer
from calculators.total_comp.rules import Cliff, Figures, OfferResult, figure, pct

__all__ = [
    "BASIS",
    "PART_LABELS",
    "cliff_sentence",
    "close_call_sentence",
    "exercise_sentence",
    "headline",
    "make_whole_sentence",
    "offer_notes",
    "split_sentence",
    "summary",
    "tax_sentence",
    "under_water_sentence",
    "years_phrase",
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

# How each ranked_by figure is said after "worth the most".
BASIS = {
    "average_annual": "",
    "adjusted_average_annual": "once cost of living is counted",
    "after_tax_average_annual": "after tax",
    "after_tax_adjusted_average_annual": "after tax and cost of living",
}
# What the plain totals are before, by ranked_by.
_BEFORE = {
    "adjusted_average_annual": "cost of living",
    "after_tax_average_annual": "tax",
    "after_tax_adjusted_average_annual": "tax and cost of living",
}
# A base under this a year is more likely a month's pay.
SMALL_BASE = 12000

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


def _months(count: int) -> str:
    return "1 month" if count == 1 else f"{count} months"


def _basis(figs: Figures) -> str:
    """`` after tax``: the ranked_by figure's words with a leading space, or nothing."""
    words = BASIS[figs.ranked_by]
    return f" {words}" if words else ""


def _make_whole(best: OfferResult, money: Money) -> str:
    if best.make_whole_gap <= 0:
        return ""
    return (
        f" {best.name}'s sign-on leaves {money.format(best.make_whole_gap)} of the unvested "
        "equity you'd give up uncovered: ask for it before you accept."
    )


def headline(figs: Figures, money: Money) -> str:
    """The point of the comparison in one sentence (two when the best offer's sign-on leaves
    unvested equity uncovered), ranked by the ranked_by figure."""
    offers, key = figs.offers, figs.ranked_by
    span = years_phrase(len(offers[0].years))
    basis = _basis(figs)
    best = offers[figs.ranked_by_order[0]]
    value = money.format(figure(best, key))
    if len(offers) == 1:
        before = f" before {_BEFORE[key]}" if key in _BEFORE else ""
        return (
            f"{best.name} is worth {value} a year on average over {span}{basis}, "
            f"{money.format(best.total)} in all{before}." + _make_whole(best, money)
        )
    first = offers[0]
    if figs.ranking[0] != best.name:
        basis += f" (before tax, {figs.ranking[0]} comes out ahead)"
    if figs.ranked_by_order[0] != 0:
        diff = figure(best, key) - figure(first, key)
        share = fmt_pct(pct(diff, figure(first, key)), signed=True)
        text = (
            f"{best.name} is worth the most{basis}: {value} a year on average over {span}, "
            f"{money.format(diff)} a year more than {first.name} ({share})."
        )
        return text + _make_whole(best, money)
    runner = offers[figs.ranked_by_order[1]]
    diff = figure(first, key) - figure(runner, key)
    if round(diff) == 0:
        text = (
            f"{first.name} and {runner.name} are worth about the same{basis}: "
            f"{value} a year on average over {span}."
        )
    else:
        text = (
            f"{first.name} is still worth the most{basis}: {value} a year on average over "
            f"{span}; the best of the others, {runner.name}, is {money.format(diff)} a year less."
        )
    return text + _make_whole(best, money)


def summary(figs: Figures, money: Money) -> str:
    """The answer in one sentence: the best offer and what it is worth a year."""
    best = figs.offers[figs.ranked_by_order[0]]
    value = money.format(figure(best, figs.ranked_by))
    span = years_phrase(len(best.years))
    if len(figs.offers) == 1:
        return f"{best.name} is worth {value} a year on average over {span}{_basis(figs)}."
    return f"{best.name} is worth the most{_basis(figs)}: {value} a year on average over {span}."


def cliff_sentence(cliff: Cliff) -> str:
    """What happens in a cliff year, why, and what to do."""
    because, advice = _CAUSES[cliff.cause]
    return (
        f"Step-down in year {cliff.year}: total pay falls {fmt_pct(cliff.drop_pct)} from the "
        f"year before: {because}. {advice}"
    )


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


def under_water_sentence(years: tuple[int, ...]) -> str:
    """The years an offer's vesting options are worth nothing at the share price given."""
    listed = ("years " if len(years) > 1 else "year ") + ", ".join(str(year) for year in years)
    return (
        f"At the share price you entered, the options vesting in {listed} are under water: "
        "the strike price is at or above what a share is worth, so "
        "they count as nothing unless the price rises."
    )


def tax_sentence(figs: Figures) -> str:
    """Where the after-tax figures come from, and what they need to rank the offers."""
    text = (
        "Walkaway keeps no tax tables: the after-tax figures apply the effective rate you "
        "entered for each offer, so they are only as good as that estimate."
    )
    if figs.ranking_after_tax is None:
        text += " Give every offer a rate to rank them by what you keep."
    return text


def close_call_sentence(figs: Figures) -> str:
    """The best two offers by the ranked_by figure are too close for the money to decide."""
    first, second = (figs.offers[i].name for i in figs.ranked_by_order[:2])
    basis = _basis(figs)
    return (
        f"{first} and {second} are within 2% of each other on average a year{basis}. The "
        "money doesn't decide this one: weigh the role, the people and where it leads."
    )


def _has_equity(offer: Offer) -> bool:
    return offer.equity_type == "options" or offer.equity_grant > 0 or offer.refresher_annual > 0


def offer_notes(offer: Offer, first: Offer, position: int, money: Money) -> tuple[str, ...]:
    """What the reader must see about one offer's inputs, each sentence naming the offer."""
    name, notes = offer.name, []
    sign_ons = offer.sign_on + offer.sign_on_year2
    if offer.sign_on_clawback_months > 0 and sign_ons > 0:
        months = _months(offer.sign_on_clawback_months)
        notes.append(
            f"{name}: the {money.format(sign_ons)} sign-on is yours to keep only if you stay "
            f"{months}; leave sooner and you pay it back, so count on it only if you mean to "
            "stay that long."
        )
    if offer.base < SMALL_BASE and not offer.base_written_monthly:
        written = f"{round(offer.base):,}"
        notes.append(
            f"{name}: a base of {money.format(offer.base)} a year is low for a yearly salary. "
            f"Is {written} a month? Then write {written}/month."
        )
    rate = offer.tax_rate_pct
    if rate is not None and 0 < rate < 1:
        notes.append(
            f"{name}: a tax rate of {plain(rate)}%: did you mean {plain(round(rate * 100, 4))}%? "
            "Enter the rate as a percent, like 30."
        )
    if position > 0 and offer.unvested_left_behind > 0 and not _has_equity(first):
        notes.append(
            f"{name}: you'd leave {money.format(offer.unvested_left_behind)} of unvested "
            f"equity behind, but {first.name} shows no equity. Enter the equity you'd keep by "
            f"staying as {first.name}'s grant, so the comparison counts what you give up."
        )
    if offer.equity_discount_pct >= 100 and _has_equity(offer):
        notes.append(
            f"{name}: with an equity discount of 100% you valued the equity at nothing, so "
            "none of it counts in these figures."
        )
    return tuple(notes)
