"""Runway in words: the advice for each band, the notes, and the sentences and short
texts the page shows, with amounts in the reader's currency.

>>> span(1.38, 2.31), weeks(21.92), cushion_text(-0.5)
('1.4–2.3 months', '21.9 weeks', '0.5 months short')
"""

from __future__ import annotations

from typing import Protocol

from calculators.bands import Band
from calculators.format import Money, fmt_months
from calculators.runway.inputs import Inputs
from calculators.runway.rules import MAX_MONTHS, Anchoring, Runway

__all__ = [
    "ADVICE",
    "Figures",
    "anchoring_sentence",
    "chart_label",
    "cushion_text",
    "headline",
    "notes",
    "runway_text",
    "span",
    "spend_text",
    "summary",
    "weeks",
]


class Figures(Protocol):
    """The figures of a runway result that its sentences speak of."""

    @property
    def runway_months(self) -> float | None: ...
    @property
    def capped(self) -> bool: ...
    @property
    def band(self) -> Band: ...
    @property
    def search_months(self) -> list[float]: ...
    @property
    def cushion_months(self) -> float | None: ...
    @property
    def monthly_net_spend(self) -> float: ...
    @property
    def net_spend_with_benefit(self) -> float | None: ...


ADVICE: dict[Band, str] = {
    "short": (
        "With three months of cash or less, taking an offer that isn't quite right so you "
        "can keep paying rent is a sound decision, and nothing to feel guilty about. Get "
        "steady first; you can aim higher from firmer ground later."
    ),
    "middle": (
        "You have some room, but not a lot. Make one more honest counter. If their answer "
        "comes within 5% of your floor, take it. If it doesn't, walk away."
    ),
    "long": (
        "Time is on your side. You can usually afford to wait for the offer that's right "
        "rather than settle for a number below your floor."
    ),
}


def notes(inputs: Inputs, runway: Runway, cushion: float | None) -> list[str]:
    """Plain sentences worth knowing beside the runway."""
    notes: list[str] = []
    if runway.capped:
        notes.append(
            f"Your cash lasts longer than {MAX_MONTHS // 12} years; "
            f"the count stops at {MAX_MONTHS} months."
        )
    elif cushion is not None and round(cushion, 2) < 0:
        notes.append(
            f"Your cash may run out about {fmt_months(-cushion)} before the longer search "
            "time is up. If you walk, plan how you'd cover that stretch."
        )
    offer, floor = inputs.offer, inputs.floor
    if offer is not None and floor is None:
        notes.append("Add your floor to see what taking this offer would cost you over the years.")
    elif floor is not None and offer is None:
        notes.append(
            "Add the offer in hand to see what taking it would cost you against your floor."
        )
    elif offer is not None and floor is not None and offer >= floor:
        notes.append(
            "The offer in hand meets your floor, so taking it costs you nothing against it."
        )
    return notes


def span(low: float, high: float) -> str:
    """``1.4–2.3 months``, or one figure when both ends agree."""
    a, b = f"{low:.1f}".removesuffix(".0"), f"{high:.1f}".removesuffix(".0")
    return fmt_months(high) if a == b else f"{a}–{fmt_months(high)}"


def weeks(value: float) -> str:
    """``2 weeks``, ``21.9 weeks``."""
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} week" if text == "1" else f"{text} weeks"


def headline(result: Figures) -> str:
    """The runway in one sentence."""
    if result.runway_months is None:
        return (
            "Your other income covers what a month costs you, so your cash doesn't run out: "
            "a long runway."
        )
    if result.capped:
        return (
            f"Your cash lasts more than {MAX_MONTHS} months ({MAX_MONTHS // 12} years): "
            "a long runway."
        )
    if result.runway_months == 0:
        return "You have no cash to fall back on: a short runway."
    return f"Your cash lasts about {fmt_months(result.runway_months)}: a {result.band} runway."


def runway_text(result: Figures) -> str:
    """The runway in a few words, for the facts table."""
    if result.runway_months is None:
        return "Indefinite"
    if result.capped:
        return f"More than {MAX_MONTHS} months"
    return fmt_months(result.runway_months)


def cushion_text(cushion: float | None) -> str:
    """What is left (or missing) after the longer search."""
    if cushion is None:
        return "No limit"
    if cushion < 0:
        return f"{fmt_months(-cushion)} short"
    return f"{fmt_months(cushion)} to spare"


def spend_text(result: Figures, money: Money) -> str:
    """What a month costs you, and while any benefit lasts."""
    spend = result.monthly_net_spend
    if spend > 0:
        text = money.format(spend)
    elif spend == 0:
        text = f"{money.format(0)}: your income covers your costs"
    else:
        text = f"None: you put aside {money.format(-spend)} a month"
    with_benefit = result.net_spend_with_benefit
    if with_benefit is not None:
        during = (
            money.format(with_benefit)
            if with_benefit >= 0
            else f"{money.format(-with_benefit)} put aside"
        )
        text += f" ({during} while the benefit lasts)"
    return text


def chart_label(result: Figures) -> str:
    """What the cash chart shows, for screen readers."""
    low, high = result.search_months
    search = f"the search you planned on takes {span(low, high)}"
    if result.runway_months is None:
        return f"Your cash, month by month: it doesn't run out, and {search}."
    if result.capped:
        return f"Your cash, month by month: it lasts more than {MAX_MONTHS} months; {search}."
    runs_out = f"it runs out at about {fmt_months(result.runway_months)}"
    if result.cushion_months is not None and result.cushion_months < 0:
        return f"Your cash, month by month: {runs_out}, before that search is over; {search}."
    return f"Your cash, month by month: {runs_out}, after that search is over; {search}."


def anchoring_sentence(anchoring: Anchoring, high: float, money: Money) -> str:
    """What the low number costs over the years it anchors you, when walking pays off,
    set against the longer search you planned on (``high`` months), and which wins when
    the cash runs out first."""
    break_even = anchoring.break_even_weeks
    years = len(anchoring.years)
    sentence = (
        f"The offer is {money.format(anchoring.gap)} a year below your floor. Your raises build "
        f"on it, so over {years} {'year' if years == 1 else 'years'} the gap adds up to "
        f"{money.format(anchoring.cost)}. Walking pays off if an offer at your floor comes "
        f"within {weeks(break_even)}"
    )
    months = break_even * 12 / 52
    if not anchoring.runway_covers_break_even:
        return sentence + (
            f" (about {fmt_months(months)}), but your cash runs out before that: with this "
            "runway, paying the rent matters more than what the low number costs later, so "
            "taking an offer is the sound choice."
        )
    longer = "longer" if months >= high else "shorter"
    return sentence + (
        f". That's about {fmt_months(months)}, {longer} than the {fmt_months(high)} "
        "search you planned on."
    )


def summary(
    months: float | None,
    capped: bool,
    band: Band,
    search: list[float],
    anchoring: Anchoring | None,
    money: Money,
) -> str:
    """The runway in one sentence with its key figure, for a screen reader."""
    if months is None:
        text = "Your cash doesn't run out: a long runway"
    elif capped:
        text = f"Your cash lasts more than {MAX_MONTHS} months: a long runway"
    else:
        text = f"Your cash lasts about {fmt_months(months)}: a {band} runway"
    text += f", beside the search you planned on ({span(*search)})"
    if anchoring is not None:
        text += (
            f"; the low offer costs {money.format(anchoring.cost)} over the years it anchors you"
        )
    return text + "."
