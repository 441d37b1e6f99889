"""Runway: how long your cash lasts, and what accepting a low number costs.

Cash starts at savings plus severance. Each month spends your expenses, less
any other income, less the unemployment benefit while it lasts. The runway is
when the cash runs out, to a fraction of a month; set beside the time a search
for a comparable offer usually takes, it says whether you can afford to wait.
With an offer below your floor, it also counts what taking that offer costs
over the years it anchors you.

>>> result = compute(parse({"savings": 30000, "monthly_expenses": 6000}))
>>> result.runway_months, result.band, result.search_months
(5.0, 'middle', [1.38, 2.31])
>>> result.balance
[24000.0, 18000.0, 12000.0, 6000.0, 0.0]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from calculators.api import Calculator
from calculators.fields import Field, FieldError, parse_object
from calculators.render import Money, Svg, admonition, esc, fmt_months, nice_step, table

__all__ = [
    "CALCULATOR",
    "FIELDS",
    "AnchorYear",
    "Anchoring",
    "Inputs",
    "Result",
    "compute",
    "parse",
    "render",
]

Band = Literal["short", "middle", "long"]

MAX_MONTHS = 120  # the count stops here: past it, the runway is reported as 120, capped
SHORT_MONTHS = 3.0  # a runway of this or less is short
LONG_MONTHS = 6.0  # a runway of this or more is long
SOFT_MARKET_FACTOR = 1.5
MIN_HORIZON = 24  # months of balance shown when the cash never runs out (or outlasts the count)
HALF_CENT = 0.005  # less than this left at the end of a month: the cash has run out

CASH = "Your cash"
SEARCH = "Your search"
OFFER = "The offer in hand"

FIELDS: tuple[Field, ...] = (
    Field(
        "savings",
        "Savings",
        "amount",
        required=True,
        minimum=0,
        help="Cash you could live on while you search, not money locked away for retirement.",
        group=CASH,
        placeholder="30000",
    ),
    Field(
        "severance",
        "Severance",
        "amount",
        default=0,
        minimum=0,
        help="A lump sum you get when you leave, if any.",
        group=CASH,
    ),
    Field(
        "monthly_expenses",
        "Monthly expenses",
        "amount",
        required=True,
        minimum=0,
        above_minimum=True,
        help="What a month of your life costs: rent, food, bills, debt payments.",
        group=CASH,
        placeholder="6000",
    ),
    Field(
        "monthly_income",
        "Other monthly income",
        "amount",
        default=0,
        minimum=0,
        help="Money that keeps coming in while you search, such as freelance work.",
        group=CASH,
    ),
    Field(
        "benefit_monthly",
        "Unemployment benefit a month",
        "amount",
        default=0,
        minimum=0,
        help="What an unemployment benefit would pay you each month, if you qualify.",
        group=CASH,
    ),
    Field(
        "benefit_months",
        "Benefit lasts",
        "integer",
        default=0,
        unit="months",
        minimum=0,
        maximum=120,
        help="How many months the benefit is paid for, counting from now.",
        group=CASH,
    ),
    Field(
        "search_weeks_min",
        "Shortest search",
        "integer",
        default=6,
        unit="weeks",
        minimum=0,
        maximum=260,
        help="The fewest weeks you'd expect it to take to land a comparable offer.",
        group=SEARCH,
    ),
    Field(
        "search_weeks_max",
        "Longest search",
        "integer",
        default=10,
        unit="weeks",
        minimum=0,
        maximum=260,
        help="The most weeks you'd expect it to take; six to ten is typical.",
        group=SEARCH,
    ),
    Field(
        "soft_market",
        "Soft market",
        "flag",
        default=False,
        help="Tick this when hiring in your field is slow: both search times grow by half.",
        group=SEARCH,
    ),
    Field(
        "offer",
        "Offer in hand",
        "amount",
        minimum=1,  # at least 1, so the break-even weeks (cost over a week's pay) stay finite
        help="The yearly total of the offer as it stands; leave it empty if you have none.",
        group=OFFER,
        placeholder="158400",
    ),
    Field(
        "floor",
        "Your floor",
        "amount",
        minimum=0,
        above_minimum=True,
        help="The lowest yearly total you decided in advance that you'd accept.",
        group=OFFER,
        placeholder="180000",
    ),
    Field(
        "raise_pct",
        "Yearly raise",
        "percent",
        default=3,
        unit="%",
        minimum=-50,
        maximum=100,
        help="The raise you'd expect each year; it builds on whatever number you start at.",
        group=OFFER,
    ),
    Field(
        "anchor_years",
        "Years it anchors you",
        "integer",
        default=3,
        unit="years",
        minimum=1,
        maximum=10,
        help="How long a starting number tends to follow you; two to four years is usual.",
        group=OFFER,
    ),
)

_LABELS = {field.name: field.label for field in FIELDS}


@dataclass(frozen=True)
class Inputs:
    """The runway inputs, parsed and checked; amounts are yearly for the offer and floor."""

    savings: float
    monthly_expenses: float
    monthly_income: float = 0.0
    severance: float = 0.0
    benefit_monthly: float = 0.0
    benefit_months: int = 0
    search_weeks_min: int = 6
    search_weeks_max: int = 10
    soft_market: bool = False
    offer: float | None = None
    floor: float | None = None
    raise_pct: float = 3.0
    anchor_years: int = 3


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
    years: list[AnchorYear]


@dataclass(frozen=True)
class Result:
    """The runway answer; ``dataclasses.asdict`` gives the JSON of the spec's result shape.

    Beyond the spec: ``starting_cash`` (savings plus severance, month 0 of the
    balance), ``monthly_net_spend`` (what a month costs once any benefit has
    ended; negative when your income more than covers it),
    ``net_spend_with_benefit`` (the same while the benefit lasts, or None without
    one) and ``notes`` (plain sentences worth knowing).
    """

    runway_months: float | None
    capped: bool
    band: Band
    advice: str
    search_months: list[float]
    cushion_months: float | None
    balance: list[float]
    anchoring: Anchoring | None
    starting_cash: float
    monthly_net_spend: float
    net_spend_with_benefit: float | None
    notes: list[str]


def parse(data: object) -> Inputs | list[FieldError]:
    """Read the inputs from a JSON object: the checked inputs, or every problem found.

    >>> parse({"savings": "30k", "monthly_expenses": "6,000"}).savings
    30000.0
    >>> [e.field for e in parse({"savings": -1, "search_weeks_min": 12, "search_weeks_max": 8})]
    ['savings', 'monthly_expenses', 'search_weeks_max']
    """
    values, errors = parse_object(data, FIELDS)
    failed = {error.field for error in errors}
    if not failed & {"search_weeks_min", "search_weeks_max"}:
        shortest = values.integer("search_weeks_min")
        if shortest > values.integer("search_weeks_max"):
            errors.append(
                FieldError(
                    "search_weeks_max",
                    f"{_LABELS['search_weeks_max']}: make it at least the shortest search "
                    f"({shortest} weeks)",
                )
            )
    if errors:
        return errors
    return Inputs(
        savings=values.amount("savings"),
        monthly_expenses=values.amount("monthly_expenses"),
        monthly_income=values.amount("monthly_income"),
        severance=values.amount("severance"),
        benefit_monthly=values.amount("benefit_monthly"),
        benefit_months=values.integer("benefit_months"),
        search_weeks_min=values.integer("search_weeks_min"),
        search_weeks_max=values.integer("search_weeks_max"),
        soft_market=values.flag("soft_market"),
        offer=values.optional_amount("offer"),
        floor=values.optional_amount("floor"),
        raise_pct=values.amount("raise_pct"),
        anchor_years=values.integer("anchor_years"),
    )


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


def band_of(runway_months: float | None) -> Band:
    """The runway's band: ``short`` up to 3 months, ``long`` from 6 (or without end).

    >>> band_of(3.0), band_of(4.5), band_of(6.0), band_of(None)
    ('short', 'middle', 'long', 'long')
    """
    if runway_months is None or runway_months >= LONG_MONTHS:
        return "long"
    return "short" if runway_months <= SHORT_MONTHS else "middle"


@dataclass(frozen=True)
class _Runway:
    months: float | None  # unrounded; None when the cash never runs out
    capped: bool
    balance: list[float]  # unrounded cash at the end of each month shown


def _simulate(inputs: Inputs, horizon: int) -> _Runway:
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
            return _Runway(months, False, balance[:MAX_MONTHS])
        cash = left
        balance.append(cash)
        if indefinite and month >= horizon:
            break
    if indefinite:
        return _Runway(None, False, balance[:horizon])
    return _Runway(float(MAX_MONTHS), True, balance[:horizon])


def _anchoring(inputs: Inputs) -> Anchoring | None:
    offer, floor = inputs.offer, inputs.floor
    if offer is None or floor is None or offer >= floor:
        return None
    gap = floor - offer
    growth = 1 + inputs.raise_pct / 100
    # Repeated multiplication rather than ``**``: plain IEEE arithmetic gives the same digits
    # on CPython and in Pyodide, whose libm pow() may differ in the last bit.
    yearly: list[float] = []
    factor = 1.0
    for _ in range(inputs.anchor_years):
        yearly.append(gap * factor)
        factor *= growth
    cost = math.fsum(yearly)
    return Anchoring(
        gap=round(gap, 2),
        cost=round(cost, 2),
        break_even_weeks=round(cost / (offer / 52), 2),
        years=[AnchorYear(t + 1, round(amount, 2)) for t, amount in enumerate(yearly)],
    )


def _notes(inputs: Inputs, runway: _Runway, cushion: float | None) -> list[str]:
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


def compute(inputs: Inputs) -> Result:
    """The runway, its band and advice, the search time, the balance and the anchoring cost.

    >>> compute(Inputs(savings=10000, monthly_expenses=5000, monthly_income=1000,
    ...                benefit_monthly=2000, benefit_months=3)).runway_months
    4.0
    >>> result = compute(Inputs(savings=0, monthly_expenses=3000, monthly_income=3500))
    >>> result.runway_months, result.band, result.cushion_months
    (None, 'long', None)
    >>> compute(Inputs(savings=0, monthly_expenses=1, offer=158400, floor=180000)).anchoring.cost
    66763.44
    """
    factor = (12 / 52) * (SOFT_MARKET_FACTOR if inputs.soft_market else 1.0)
    search_min = inputs.search_weeks_min * factor
    search_max = inputs.search_weeks_max * factor
    horizon = min(MAX_MONTHS, max(math.ceil(search_max) + 3, MIN_HORIZON))
    runway = _simulate(inputs, horizon)
    months = None if runway.months is None else round(runway.months, 2)
    cushion = None if runway.months is None else runway.months - search_max
    after_benefit = inputs.monthly_expenses - inputs.monthly_income
    has_benefit = inputs.benefit_monthly > 0 and inputs.benefit_months > 0
    return Result(
        runway_months=months,
        capped=runway.capped,
        band=band_of(months),
        advice=ADVICE[band_of(months)],
        search_months=[round(search_min, 2), round(search_max, 2)],
        cushion_months=None if cushion is None else round(cushion, 2),
        balance=[round(cash, 2) for cash in runway.balance],
        anchoring=_anchoring(inputs),
        starting_cash=round(inputs.savings + inputs.severance, 2),
        monthly_net_spend=round(after_benefit, 2),
        net_spend_with_benefit=(
            round(after_benefit - inputs.benefit_monthly, 2) if has_benefit else None
        ),
        notes=_notes(inputs, runway, cushion),
    )


# ---------------------------------------------------------------- rendering

_KIND: dict[Band, str] = {"short": "warning", "middle": "info", "long": "success"}
_TITLE: dict[Band, str] = {
    "short": "A short runway",
    "middle": "A middle runway",
    "long": "A long runway",
}


def _span(low: float, high: float) -> str:
    """``1.4–2.3 months``, or one figure when both ends agree."""
    a, b = f"{low:.1f}".removesuffix(".0"), f"{high:.1f}".removesuffix(".0")
    return fmt_months(high) if a == b else f"{a}–{fmt_months(high)}"


def _weeks(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} week" if text == "1" else f"{text} weeks"


def _headline(result: Result) -> str:
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


def _runway_text(result: Result) -> str:
    if result.runway_months is None:
        return "Indefinite"
    if result.capped:
        return f"More than {MAX_MONTHS} months"
    return fmt_months(result.runway_months)


def _cushion_text(cushion: float | None) -> str:
    if cushion is None:
        return "No limit"
    if cushion < 0:
        return f"{fmt_months(-cushion)} short"
    return f"{fmt_months(cushion)} to spare"


def _spend_text(result: Result, money: Money) -> str:
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


def _facts(result: Result, money: Money) -> str:
    low, high = result.search_months
    rows = [
        ("Runway", _runway_text(result)),
        ("Cash to start", money.format(result.starting_cash)),
        ("Monthly net spend", _spend_text(result, money)),
        ("Likely search for a comparable offer", _span(low, high)),
        ("Cushion after the longer search", _cushion_text(result.cushion_months)),
    ]
    return table("Your runway at a glance", ("", "Figure"), rows)


def _chart_label(result: Result) -> str:
    low, high = result.search_months
    search = f"a comparable offer is likely to take {_span(low, high)}"
    if result.runway_months is None:
        return f"Your cash, month by month: it doesn't run out, and {search}."
    if result.capped:
        return f"Your cash, month by month: it lasts more than {MAX_MONTHS} months; {search}."
    runs_out = f"it runs out at about {fmt_months(result.runway_months)}"
    if result.cushion_months is not None and result.cushion_months < 0:
        return f"Your cash, month by month: {runs_out}, before the search is likely over; {search}."
    return f"Your cash, month by month: {runs_out}, after the search is likely over; {search}."


def _chart(result: Result, money: Money) -> str:
    width, height = 640.0, 300.0
    left, right, top, bottom = 64.0, 16.0, 28.0, 44.0
    plot_w, plot_h = width - left - right, height - top - bottom
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

    def x(month: float) -> float:
        return left + plot_w * month / x_max

    def y(amount: float) -> float:
        return top + plot_h * (1 - amount / y_max)

    svg = Svg(width, height, _chart_label(result))
    for tick in ticks:
        svg.line(left, y(tick), width - right, y(tick), "wa-grid")
        svg.text(left - 6, y(tick) + 4, money.short(tick), "wa-label", "end")

    # The search window, shaded and labelled, drawn under the cash line.
    band_w = max(x(high) - x(low), 2.0)
    band_title = f"Likely search for a comparable offer: {_span(low, high)}"
    svg.rect(x(low), top, band_w, plot_h, "wa-band", title=band_title)
    svg.text(x(low) + band_w / 2, top - 8, "Likely search", "wa-label", "middle")

    month_step = next(s for s in (1, 2, 3, 6, 12, 24) if x_max / s <= 12)
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
        offset = -8 if anchor == "end" else 8
        svg.text(at + offset, y(0) - 10, "Cash runs out", "wa-label wa-marker-label", anchor)
    return f'<figure class="wa-figure">{svg.render()}</figure>'


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
    weeks = anchoring.break_even_weeks
    sentence = (
        f"The offer is {money.format(anchoring.gap)} a year below your floor. Your raises build "
        f"on it, so over {len(anchoring.years)} "
        f"{'year' if len(anchoring.years) == 1 else 'years'} the gap adds up to "
        f"{money.format(anchoring.cost)}. Walking pays off if an offer at your floor comes "
        f"within {_weeks(weeks)}."
    )
    months = weeks * 12 / 52
    high = result.search_months[1]
    if months >= high:
        sentence += (
            f" That's about {fmt_months(months)}, longer than the {fmt_months(high)} "
            "a search is likely to take."
        )
    else:
        sentence += (
            f" That's about {fmt_months(months)}, shorter than the {fmt_months(high)} "
            "a search may take."
        )
    out.append(f"<p>{esc(sentence)}</p>")
    return "".join(out)


def render(result: Result, money: Money) -> str:
    """The result as an HTML fragment: headline, advice, facts, the cash chart, the cost.

    >>> html = render(compute(Inputs(savings=30000, monthly_expenses=6000)), Money())
    >>> html.startswith('<div class="wa-result wa-result--runway">')
    True
    >>> "Your cash lasts about 5 months: a middle runway." in html
    True
    """
    parts = [
        '<div class="wa-result wa-result--runway">',
        f'<p class="wa-headline">{esc(_headline(result))}</p>',
        admonition(_KIND[result.band], _TITLE[result.band], f"<p>{esc(result.advice)}</p>"),
        _facts(result, money),
        _chart(result, money),
    ]
    if result.notes:
        body = "".join(f"<p>{esc(note)}</p>" for note in result.notes)
        parts.append(admonition("note", "Good to know", body))
    if result.anchoring is not None:
        parts.append(_anchoring_part(result.anchoring, result, money))
    parts.append("</div>")
    return "".join(parts)


EXAMPLE: dict[str, object] = {
    "savings": 30000,
    "monthly_expenses": 6000,
    "search_weeks_min": 6,
    "search_weeks_max": 10,
    "offer": 158400,
    "floor": 180000,
}

CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="runway",
    title="Runway and the cost of a low number",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
)
