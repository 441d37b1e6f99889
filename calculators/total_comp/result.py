"""Total comp's answer: the rules' figures and the words for them, as the JSON result.

>>> from calculators.total_comp.inputs import EXAMPLE, parse
>>> result = compute(parse(EXAMPLE))
>>> result.ranking, result.ranked_by, result.summary
(('Offer A', 'Current job'), 'average_annual', 'Offer A is worth the most: $264,500 a year \
on average over 4 years.')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from calculators.format import USD, Money
from calculators.schema import Field, read_of
from calculators.total_comp.inputs import Inputs
from calculators.total_comp.offer import OFFER_FIELDS, Offer
from calculators.total_comp.rules import (
    Figures,
    OfferResult,
    figures,
    under_water_years,
)
from calculators.total_comp.words import (
    cliff_sentence,
    close_call_sentence,
    exercise_sentence,
    headline,
    make_whole_sentence,
    offer_notes,
    split_sentence,
    summary,
    tax_sentence,
    under_water_sentence,
)

__all__ = ["Callout", "Result", "compute", "read"]

# Each cause of a cliff as a callout: a one-time payment ending is a note,
# a grant running out (or anything else) a warning.
_CLIFF_KIND = {"one-time": "note", "equity": "warning", "other": "warning"}


@dataclass(frozen=True)
class Callout:
    """A boxed sentence on the page: ``kind`` is ``info``, ``note`` or ``warning``."""

    kind: str
    title: str
    text: str


@dataclass(frozen=True)
class Result:
    """All offers, their orders, and every sentence about them in the reader's currency.

    Beyond the spec's keys: ``ranked_by_order`` (the offers' positions, best
    first, by the ranked_by figure: the headline's order), ``headline``,
    ``callouts`` (cliffs, options, make-whole gaps, taxes, the close call) and
    ``counted_on`` (for each offer, what is guaranteed and what is at risk).
    """

    offers: tuple[OfferResult, ...]
    ranking: tuple[str, ...]
    ranking_after_tax: tuple[str, ...] | None
    ranked_by: str
    ranked_by_order: tuple[int, ...]
    close_call: bool
    headline: str
    summary: str
    callouts: tuple[Callout, ...]
    counted_on: tuple[str, ...]
    read: dict[str, object]


def _as_read(value: object) -> object:
    """A value as ``read`` gives it: a schedule's yearly percents as a list."""
    return list(value) if isinstance(value, tuple) else value


def read(inputs: Inputs) -> dict[str, object]:
    """The inputs as the engine understood them: every offer field, defaults filled in, the
    base yearly, the vesting as percents scaled to 100; null where a field doesn't apply
    (as the form hides it: the options' figures for shares, the grant for options)."""

    def applies(offer: Offer, field: Field) -> bool:
        return (
            field.shown_when is None or getattr(offer, field.shown_when[0]) == (field.shown_when[1])
        )

    def one(offer: Offer) -> dict[str, object]:
        return {
            field.name: _as_read(getattr(offer, field.name)) if applies(offer, field) else None
            for field in OFFER_FIELDS
        }

    return {"offers": [one(offer) for offer in inputs.offers], **read_of(inputs)}


def _callouts(inputs: Inputs, figs: Figures, money: Money) -> tuple[Callout, ...]:
    out: list[Callout] = []
    if figs.close_call:
        out.append(Callout("info", "A close call", close_call_sentence(figs)))
    for offer, given in zip(figs.offers, inputs.offers, strict=True):
        for cliff in offer.cliffs:
            title = f"{offer.name}: pay drops in year {cliff.year}"
            out.append(Callout(_CLIFF_KIND[cliff.cause], title, cliff_sentence(cliff)))
        under_water = under_water_years(given, inputs.years)
        if under_water:
            title = f"{offer.name}: options under water"
            out.append(Callout("warning", title, under_water_sentence(under_water)))
        if any(row.exercise_cost > 0 for row in offer.years):
            title = f"{offer.name}: cash to exercise the options"
            out.append(Callout("note", title, exercise_sentence(offer, money)))
        if offer.make_whole_gap > 0:
            title = f"{offer.name}: unvested equity not covered"
            text = make_whole_sentence(offer.make_whole_gap, money)
            out.append(Callout("warning", title, text))
    if any(offer.after_tax_total is not None for offer in figs.offers):
        out.append(Callout("note", "About the after-tax figures", tax_sentence(figs)))
    return tuple(out)


def compute(inputs: Inputs, money: Money = USD) -> Result:
    """Each offer year by year, the orders, and every sentence in ``money``'s currency."""
    figs = figures(inputs.offers, inputs.years)
    first = inputs.offers[0]
    offers = tuple(
        replace(offer, notes=offer_notes(given, first, i, money))
        for i, (offer, given) in enumerate(zip(figs.offers, inputs.offers, strict=True))
    )
    figs = replace(figs, offers=offers)
    return Result(
        offers=offers,
        ranking=figs.ranking,
        ranking_after_tax=figs.ranking_after_tax,
        ranked_by=figs.ranked_by,
        ranked_by_order=figs.ranked_by_order,
        close_call=figs.close_call,
        headline=headline(figs, money),
        summary=summary(figs, money),
        callouts=_callouts(inputs, figs, money),
        counted_on=tuple(split_sentence(offer, money) for offer in offers),
        read=read(inputs),
    )
