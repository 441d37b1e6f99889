"""Total comp as the page shows it: the headline, the stacked-bar chart (guaranteed pay
at the bottom of each bar, pay at risk above it), the offers side by side, the notes,
and each offer year by year.
"""

from __future__ import annotations

import math

from calculators.format import Money, fmt_pct
from calculators.markup import Svg, admonition, esc, nice_step, table
from calculators.total_comp.result import Result
from calculators.total_comp.rules import AT_RISK, GUARANTEED, PARTS, OfferResult, YearRow
from calculators.total_comp.words import BASIS, PART_LABELS, years_phrase

__all__ = ["render"]


def _box(kind: str, title: str, body: str) -> str:
    return admonition(kind, title, f"<p>{esc(body)}</p>")


def _admonitions(result: Result) -> list[str]:
    """The result's callouts, then each offer's notes in one box per offer."""
    out = [_box(c.kind, c.title, c.text) for c in result.callouts]
    for offer in result.offers:
        if offer.notes:
            items = "".join(f"<li>{esc(note)}</li>" for note in offer.notes)
            title = f"{offer.name}: worth knowing"
            out.append(admonition("warning", title, f"<ul>{items}</ul>"))
    return out


def _split(result: Result) -> str:
    """How much of each offer is cash you can count on."""
    items = "".join(f"<li>{esc(sentence)}</li>" for sentence in result.counted_on)
    return (
        '<p class="wa-subhead"><strong>What you can count on</strong></p>'
        f'<ul class="wa-split">{items}</ul>'
    )


def _comparison(result: Result, money: Money) -> str:
    count = len(result.offers[0].years)
    several = len(result.offers) > 1
    adjusted = "adjusted" in result.ranked_by
    taxed = any(offer.after_tax_total is not None for offer in result.offers)
    both = result.ranked_by == "after_tax_adjusted_average_annual"
    header = ["Offer", "Average a year", f"Total over {years_phrase(count)}", "Guaranteed"]
    if several:
        header.append("vs first, a year")
    if adjusted:
        header.append("Adjusted for cost of living")
    if taxed:
        header.append("After tax, a year")
    if both:
        header.append("After tax and cost of living")
    header.append("Make-whole gap")
    rows = []
    for i, offer in enumerate(result.offers):
        row = [
            offer.name,
            money.format(offer.average_annual),
            money.format(offer.total),
            money.format(offer.guaranteed_total),
        ]
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
        if taxed:
            after = offer.after_tax_average_annual
            row.append("no rate given" if after is None else money.format(after))
        if both:
            row.append(money.format(offer.after_tax_adjusted_average_annual or 0.0))
        row.append(money.format(offer.make_whole_gap))
        rows.append(row)
    return table("The offers side by side", header, rows)


def _year_table(offer: OfferResult, money: Money) -> str:
    options = any(row.exercise_cost > 0 for row in offer.years)
    taxed = offer.after_tax_total is not None
    header = [
        "Year",
        *(PART_LABELS[part] for part in PARTS),
        "Total",
        "Guaranteed",
        "At risk",
        *(["Cash to exercise"] if options else []),
        *(["After tax"] if taxed else []),
    ]

    def columns(row: YearRow) -> list[float]:
        extra = [row.exercise_cost] if options else []
        after = [row.after_tax or 0.0] if taxed else []
        return [*row.parts(), row.total, row.guaranteed, row.at_risk, *extra, *after]

    rows = [[str(row.year), *(money.format(x) for x in columns(row))] for row in offer.years]
    sums = [
        math.fsum(column) for column in zip(*(columns(row) for row in offer.years), strict=True)
    ]
    footer = ["Total", *(money.format(x) for x in sums)]
    return table(f"{offer.name}, year by year", header, rows, footer=footer)


_CHAR_WIDTH = 6.5  # approximate width of a label character at the chart's font size
# The narrow drawing, for phones: a view box about as wide as a phone's column, so its
# text shows at least as large as the wide drawing's on a desktop.
_NARROW_WIDTH = 300.0


def _chart(result: Result, money: Money, layout: str = "wide") -> str:
    offers = result.offers
    count = len(offers[0].years)
    n_offers = len(offers)
    narrow = layout == "narrow"

    highest = max(row.total for offer in offers for row in offer.years)
    highest = highest if highest > 0 else 1.0
    step = nice_step(highest)
    ceiling = step * math.ceil(highest / step - 1e-9)
    ticks = [(k * step, money.short(k * step)) for k in range(round(ceiling / step) + 1)]

    if narrow:
        # The axis takes what its longest label needs, the bars the rest.
        widest = max(len(text) for _, text in ticks)
        width, left, right, top = _NARROW_WIDTH, _CHAR_WIDTH * widest + 8, 4.0, 12.0
        plot_h = 170.0
    else:
        width, left, right, top = 640.0, 64.0, 8.0, 12.0
        plot_h = 220.0
    floor_y = top + plot_h
    plot_w = width - left - right
    group_w = plot_w / count
    slot = group_w * (0.8 if n_offers <= 2 else 0.9) / n_offers
    bar_w = slot * (0.85 if n_offers > 1 else 1.0)
    # Each bar's offer number, where it fits under the bar (the key names the order).
    numbered = n_offers > 1 and slot >= _CHAR_WIDTH + 2

    def y_of(value: float) -> float:
        return floor_y - value / ceiling * plot_h

    # Guaranteed parts at the bottom of each bar, parts at risk above them.
    stack = [PARTS.index(part) for part in (*GUARANTEED, *AT_RISK)]
    present = [
        i for i in stack if any(row.parts()[i] > 0 for offer in offers for row in offer.years)
    ]
    # Legend layout, wrapped into rows: each group's title, then its parts.
    label_y = floor_y + (28.0 if numbered else 16.0)
    legend: list[tuple[float, float, int]] = []
    titles: list[tuple[float, float, str]] = []
    x, y = left, label_y + 20
    for title, kind in (("Guaranteed:", GUARANTEED), ("At risk:", AT_RISK)):
        group = [i for i in present if PARTS[i] in kind]
        if not group:
            continue
        if x > left:
            x, y = left, y + 18
        titles.append((x, y, title))
        x += _CHAR_WIDTH * len(title) + 10
        for i in group:
            item = 16 + _CHAR_WIDTH * len(PART_LABELS[PARTS[i]]) + 14
            if x + item > width - right and x > left:
                x, y = left, y + 18
            legend.append((x, y, i))
            x += item
    height = y + 8

    best = offers[result.ranked_by_order[0]]
    basis = BASIS[result.ranked_by]
    point = (
        f"Total compensation per year over {years_phrase(count)}, stacked by part"
        + (
            f", for {n_offers} offers; {best.name} is worth the most on average"
            + (f" {basis}" if basis else "")
            if n_offers > 1
            else ""
        )
        + ". The lower part of each bar is guaranteed cash; the part above it depends on a "
        "bonus payout or the share price."
    )
    cliffs = [f"{o.name} in year {c.year}" for o in offers for c in o.cliffs]
    if cliffs:
        point += " The total falls by more than 10% for " + ", ".join(cliffs) + "."
    svg = Svg(width, height, point, layout=layout)

    for value, text in ticks:
        svg.line(left, y_of(value), width - right, y_of(value), "wa-grid")
        svg.text(left - 6, y_of(value) + 4, text, "wa-label", "end")

    for year_index in range(count):
        group_x = left + year_index * group_w + (group_w - slot * n_offers) / 2
        for j, offer in enumerate(offers):
            row = offer.years[year_index]
            x = group_x + j * slot + (slot - bar_w) / 2
            cursor = floor_y
            for i in stack:
                part = row.parts()[i]
                if part <= 0:
                    continue
                h = part / ceiling * plot_h
                tip = (
                    f"{offer.name}, year {row.year}: {PART_LABELS[PARTS[i]]} {money.format(part)} "
                    f"(total {money.format(row.total)})"
                )
                svg.rect(x, cursor - h, bar_w, h, f"wa-s{i + 1}", title=tip)
                cursor -= h
            if 0 < row.guaranteed < row.total:
                svg.line(x, y_of(row.guaranteed), x + bar_w, y_of(row.guaranteed), "wa-divide")
            if numbered:
                svg.text(x + bar_w / 2, floor_y + 12, str(j + 1), "wa-label", "middle")
        svg.text(
            left + (year_index + 0.5) * group_w, label_y, f"Y{year_index + 1}", "wa-label", "middle"
        )
    svg.line(left, floor_y, width - right, floor_y, "wa-axis")

    for x, y, title in titles:
        svg.text(x, y, title, "wa-label wa-legend-title")
    for x, y, i in legend:
        svg.rect(x, y - 9, 10, 10, f"wa-s{i + 1}")
        svg.text(x + 14, y, PART_LABELS[PARTS[i]], "wa-label")

    return svg.render()


def _charts(result: Result, money: Money) -> str:
    """The chart drawn for wide screens and for narrow ones (the stylesheet shows the one
    that fits), and with several offers the key to their bars."""
    key = ""
    if len(result.offers) > 1:
        names = ", ".join(f"{j + 1} {esc(offer.name)}" for j, offer in enumerate(result.offers))
        key = f'<p class="wa-chart-key">Bars in each year, left to right: {names}.</p>'
    return _chart(result, money, "wide") + _chart(result, money, "narrow") + key


def render(result: Result, money: Money) -> str:
    """The result as an HTML fragment: headline, chart, tables and warnings.

    >>> from calculators.total_comp.inputs import EXAMPLE, parse
    >>> from calculators.total_comp.result import compute
    >>> html = render(compute(parse(EXAMPLE)), Money())
    >>> html.startswith('<div class="wa-result wa-result--total-comp"><p class="wa-headline">')
    True
    """
    parts = [
        '<div class="wa-result wa-result--total-comp">',
        f'<p class="wa-headline">{esc(result.headline)}</p>',
        _charts(result, money),
        _comparison(result, money),
        _split(result),
        *_admonitions(result),
        *(_year_table(offer, money) for offer in result.offers),
        "</div>",
    ]
    return "".join(parts)
