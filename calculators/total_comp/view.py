"""Total comp as the page shows it: the headline, the stacked-bar chart, the offers side
by side, the cliff and make-whole notes, and each offer year by year.
"""

from __future__ import annotations

import math

from calculators.format import Money, fmt_pct
from calculators.html import Svg, admonition, esc, nice_step, table
from calculators.total_comp.rules import PARTS, OfferResult, Result, cliff_cause
from calculators.total_comp.words import (
    PART_LABELS,
    cliff_sentence,
    headline,
    make_whole_sentence,
    years_phrase,
)

__all__ = ["render"]


def _admonitions(result: Result, money: Money) -> list[str]:
    out: list[str] = []
    for offer in result.offers:
        for cliff in offer.cliffs:
            cause = cliff_cause(offer.years[cliff.year - 2], offer.years[cliff.year - 1])
            body = cliff_sentence(cliff, cause)
            title = f"{offer.name}: pay drops in year {cliff.year}"
            kind = "note" if cause == "one-time" else "warning"
            out.append(admonition(kind, title, f"<p>{esc(body)}</p>"))
        if offer.make_whole_gap > 0:
            body = make_whole_sentence(offer.make_whole_gap, money)
            title = f"{offer.name}: unvested equity not covered"
            out.append(admonition("warning", title, f"<p>{esc(body)}</p>"))
    return out


def _comparison(result: Result, money: Money) -> str:
    count = len(result.offers[0].years)
    several = len(result.offers) > 1
    adjusted = result.ranking_basis == "adjusted_average_annual"
    header = ["Offer", "Average a year", f"Total over {years_phrase(count)}"]
    if several:
        header.append("vs first, a year")
    if adjusted:
        header.append("Adjusted for cost of living")
    header.append("Make-whole gap")
    rows = []
    for i, offer in enumerate(result.offers):
        row = [offer.name, money.format(offer.average_annual), money.format(offer.total)]
        if several:
            vs = offer.vs_first
            row.append(
                "baseline"
                if i == 0
                else f"{money.format(vs.average_annual, signed=True)} "
                f"({fmt_pct(vs.average_annual_pct, signed=True)})"
            )
        if adjusted:
            row.append(money.format(offer.adjusted_average_annual))
        row.append(money.format(offer.make_whole_gap))
        rows.append(row)
    return table("The offers side by side", header, rows)


def _year_table(offer: OfferResult, money: Money) -> str:
    header = ["Year", *(PART_LABELS[part] for part in PARTS), "Total"]
    rows = [
        [str(row.year), *(money.format(x) for x in row.parts()), money.format(row.total)]
        for row in offer.years
    ]
    sums = [math.fsum(column) for column in zip(*(row.parts() for row in offer.years), strict=True)]
    footer = ["Total", *(money.format(x) for x in sums), money.format(offer.total)]
    return table(f"{offer.name}, year by year", header, rows, footer=footer)


_CHAR_WIDTH = 6.5  # approximate width of a label character at the chart's font size


def _chart(result: Result, money: Money) -> str:
    offers = result.offers
    count = len(offers[0].years)
    n_offers = len(offers)
    width, left, right, top = 640.0, 64.0, 8.0, 12.0
    plot_h = 220.0
    floor_y = top + plot_h
    plot_w = width - left - right

    highest = max(row.total for offer in offers for row in offer.years)
    highest = highest if highest > 0 else 1.0
    step = nice_step(highest)
    ceiling = step * math.ceil(highest / step - 1e-9)

    def y_of(value: float) -> float:
        return floor_y - value / ceiling * plot_h

    present = [
        i
        for i in range(len(PARTS))
        if any(row.parts()[i] > 0 for offer in offers for row in offer.years)
    ]
    # Legend layout, wrapped into rows.
    label_y = floor_y + (28.0 if n_offers > 1 else 16.0)
    legend: list[tuple[float, float, int]] = []
    x, y = left, label_y + 20
    for i in present:
        item = 16 + _CHAR_WIDTH * len(PART_LABELS[PARTS[i]]) + 14
        if x + item > width - right and x > left:
            x, y = left, y + 18
        legend.append((x, y, i))
        x += item
    height = y + 8

    best = offers[result.ranking_index[0]]
    point = (
        f"Total compensation per year over {years_phrase(count)}, stacked by part"
        + (
            f", for {n_offers} offers; {best.name} is worth the most on average"
            if n_offers > 1
            else ""
        )
        + "."
    )
    cliffs = [f"{o.name} in year {c.year}" for o in offers for c in o.cliffs]
    if cliffs:
        point += " The total falls by more than 10% for " + ", ".join(cliffs) + "."
    svg = Svg(width, height, point)

    for k in range(round(ceiling / step) + 1):
        value = k * step
        svg.line(left, y_of(value), width - right, y_of(value), "wa-grid")
        svg.text(left - 6, y_of(value) + 4, money.short(value), "wa-label", "end")

    group_w = plot_w / count
    slot = group_w * (0.8 if n_offers <= 2 else 0.9) / n_offers
    bar_w = slot * (0.85 if n_offers > 1 else 1.0)
    for year_index in range(count):
        group_x = left + year_index * group_w + (group_w - slot * n_offers) / 2
        for j, offer in enumerate(offers):
            row = offer.years[year_index]
            x = group_x + j * slot + (slot - bar_w) / 2
            cursor = floor_y
            for i, part in enumerate(row.parts()):
                if part <= 0:
                    continue
                h = part / ceiling * plot_h
                tip = (
                    f"{offer.name}, year {row.year}: {PART_LABELS[PARTS[i]]} {money.format(part)} "
                    f"(total {money.format(row.total)})"
                )
                svg.rect(x, cursor - h, bar_w, h, f"wa-s{i + 1}", title=tip)
                cursor -= h
            if n_offers > 1:
                svg.text(x + bar_w / 2, floor_y + 12, str(j + 1), "wa-label", "middle")
        svg.text(
            left + (year_index + 0.5) * group_w, label_y, f"Y{year_index + 1}", "wa-label", "middle"
        )
    svg.line(left, floor_y, width - right, floor_y, "wa-axis")

    for x, y, i in legend:
        svg.rect(x, y - 9, 10, 10, f"wa-s{i + 1}")
        svg.text(x + 14, y, PART_LABELS[PARTS[i]], "wa-label")

    key = ""
    if n_offers > 1:
        names = ", ".join(f"{j + 1} {esc(offer.name)}" for j, offer in enumerate(offers))
        key = f'<p class="wa-chart-key">Bars in each year, left to right: {names}.</p>'
    return svg.render() + key


def render(result: Result, money: Money) -> str:
    """The result as an HTML fragment: headline, chart, tables and warnings.

    >>> from calculators.total_comp.inputs import EXAMPLE, parse
    >>> from calculators.total_comp.rules import compute
    >>> html = render(compute(parse(EXAMPLE)), Money())
    >>> html.startswith('<div class="wa-result wa-result--total-comp"><p class="wa-headline">')
    True
    """
    parts = [
        '<div class="wa-result wa-result--total-comp">',
        f'<p class="wa-headline">{esc(headline(result, money))}</p>',
        _chart(result, money),
        _comparison(result, money),
        *_admonitions(result, money),
        *(_year_table(offer, money) for offer in result.offers),
        "</div>",
    ]
    return "".join(parts)
