"""Runway as the page shows it: the headline, the band's advice, the facts, the cash
chart with the search window, the notes and the cost of a low number.
"""

from __future__ import annotations

import math

from calculators.bands import Band
from calculators.format import Money, fmt_months
from calculators.markup import Svg, admonition, esc, nice_step, table
from calculators.runway.result import Result
from calculators.runway.rules import Anchoring
from calculators.runway.words import (
    anchoring_sentence,
    chart_label,
    cushion_text,
    headline,
    runway_text,
    span,
    spend_text,
)

__all__ = ["render"]

_KIND: dict[Band, str] = {"short": "warning", "middle": "info", "long": "success"}
_TITLE: dict[Band, str] = {
    "short": "A short runway",
    "middle": "A middle runway",
    "long": "A long runway",
}


def _facts(result: Result, money: Money) -> str:
    low, high = result.search_months
    rows = [
        ("Runway", runway_text(result)),
        ("Cash to start", money.format(result.starting_cash)),
        ("Monthly net spend", spend_text(result, money)),
        ("The search you planned on", span(low, high)),
        ("Cushion after the longer search", cushion_text(result.cushion_months)),
    ]
    return table("Your runway at a glance", ("", "Figure"), rows)


_CHAR_WIDTH = 6.5  # approximate width of a label character at the chart's font size


def _chart(result: Result, money: Money, layout: str = "wide") -> str:
    """The cash chart, drawn for wide screens or (``layout="narrow"``) for a phone's
    column: a view box about as wide as the column, so its text is no smaller there
    than the wide drawing's on a desktop, with fewer month ticks and labels kept inside."""
    narrow = layout == "narrow"
    low, high = result.search_months
    finite = result.runway_months is not None and not result.capped

    points: list[tuple[float, float]] = [(0.0, result.starting_cash)]
    if finite and result.runway_months is not None:
        points += [(i + 1.0, cash) for i, cash in enumerate(result.balance[:-1])]
        points.append((result.runway_months, 0.0))
        x_max = float(max(3, math.ceil(max(result.runway_months, high) + 0.5)))
    else:
        points += [(i + 1.0, cash) for i, cash in enumerate(result.balance)]
        x_max = float(max(len(result.balance), math.ceil(high), 1))

    peak = max(4.0, *(cash for _, cash in points))  # at least $4, so $0 cash gets an axis
    step = nice_step(peak)
    y_max = math.ceil(peak / step) * step
    ticks = [step * i for i in range(round(y_max / step) + 1)]

    if narrow:
        # The axis takes what its longest label needs, the plot the rest.
        widest = max(len(money.short(tick)) for tick in ticks)
        width, height = 300.0, 230.0
        left, right, top, bottom = _CHAR_WIDTH * widest + 8, 10.0, 28.0, 44.0
    else:
        width, height = 640.0, 300.0
        left, right, top, bottom = 64.0, 16.0, 28.0, 44.0
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(month: float) -> float:
        return left + plot_w * month / x_max

    def y(amount: float) -> float:
        return top + plot_h * (1 - amount / y_max)

    svg = Svg(width, height, chart_label(result), layout=layout)
    for tick in ticks:
        svg.line(left, y(tick), width - right, y(tick), "wa-grid")
        svg.text(left - 6, y(tick) + 4, money.short(tick), "wa-label", "end")

    # The search window, shaded and labelled, drawn under the cash line.
    band_w = max(x(high) - x(low), 2.0)
    band_title = f"The search you planned on: {span(low, high)}"
    svg.rect(x(low), top, band_w, plot_h, "wa-band", title=band_title)
    band_x = x(low) + band_w / 2
    if narrow:  # the label whole, inside the drawing
        half = _CHAR_WIDTH * len("Planned search") / 2
        band_x = min(max(band_x, left + half), width - right - half)
    svg.text(band_x, top - 8, "Planned search", "wa-label", "middle")

    most = 6 if narrow else 12
    month_step = next(s for s in (1, 2, 3, 6, 12, 24) if x_max / s <= most)
    for month in range(0, int(x_max) + 1, month_step):
        svg.line(x(month), top + plot_h, x(month), top + plot_h + 4, "wa-axis")
        svg.text(x(month), top + plot_h + 18, str(month), "wa-label", "middle")
    svg.text(left + plot_w / 2, height - 6, "Months from now", "wa-label", "middle")

    area = [(x(m), y(cash)) for m, cash in points]
    svg.path([*area, (area[-1][0], y(0)), (area[0][0], y(0))], "wa-s1 wa-area", closed=True)
    svg.path(area, "wa-s1 wa-line")
    svg.line(left, top, left, top + plot_h, "wa-axis")
    svg.line(left, top + plot_h, width - right, top + plot_h, "wa-axis")

    if finite and result.runway_months is not None:
        at = x(result.runway_months)
        words = f"Cash runs out at about {fmt_months(result.runway_months)}"
        svg.circle(at, y(0), 5, "wa-marker", title=words)
        anchor = "end" if at > left + plot_w * 0.75 else "start"
        if narrow:  # the label whole, inside the drawing
            fits = at + 8 + _CHAR_WIDTH * len("Cash runs out") <= width
            anchor = "start" if fits else "end"
        offset = -8 if anchor == "end" else 8
        svg.text(at + offset, y(0) - 10, "Cash runs out", "wa-label wa-marker-label", anchor)
    return svg.render()


def _anchoring_part(anchoring: Anchoring, result: Result, money: Money) -> str:
    rows = [(f"Year {row.year}", money.format(row.gap)) for row in anchoring.years]
    caption = "What taking the low number costs you, year by year, against your floor"
    out = [
        '<p class="wa-subhead"><strong>What the low number costs</strong></p>',
        table(
            caption,
            ("", "Below your floor"),
            rows,
            footer=("Total", money.format(anchoring.cost)),
        ),
    ]
    sentence = anchoring_sentence(anchoring, result.search_months[1], money)
    out.append(f"<p>{esc(sentence)}</p>")
    return "".join(out)


def render(result: Result, money: Money) -> str:
    """The result as an HTML fragment: headline, advice, facts, the cash chart, the cost.

    >>> from calculators.runway.inputs import Inputs
    >>> from calculators.runway.result import compute
    >>> html = render(compute(Inputs(savings=30000, monthly_expenses=6000)), Money())
    >>> html.startswith('<div class="wa-result wa-result--runway">')
    True
    >>> "Your cash lasts about 5 months: a middle runway." in html
    True
    """
    parts = [
        '<div class="wa-result wa-result--runway">',
        f'<p class="wa-headline">{esc(headline(result))}</p>',
        admonition(_KIND[result.band], _TITLE[result.band], f"<p>{esc(result.advice)}</p>"),
        _facts(result, money),
        # Drawn for wide screens and for narrow ones: the stylesheet shows the one that fits.
        f'<figure class="wa-figure">{_chart(result, money)}{_chart(result, money, "narrow")}'
        "</figure>",
    ]
    if result.notes:
        body = "".join(f"<p>{esc(note)}</p>" for note in result.notes)
        parts.append(admonition("note", "Good to know", body))
    if result.anchoring is not None:
        parts.append(_anchoring_part(result.anchoring, result, money))
    parts.append("</div>")
    return "".join(parts)
