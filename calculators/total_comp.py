"""Total compensation: what each offer is worth, year by year, side by side.

Each offer's pay is split into seven parts a year (base, bonus, equity from the
initial grant, refreshers, one-time payments, retirement match, other), added
up over the years compared, and set against the first offer (often the current
job).

>>> inputs = parse({"offers": [{"base": "180k", "bonus_target_pct": 15,
...     "equity_grant": "200k", "sign_on": "30k"}], "years": 4})
>>> result = compute(inputs)
>>> [row.total for row in result.offers[0].years], result.offers[0].total
([287000.0, 257000.0, 257000.0, 257000.0], 1058000.0)
>>> parse_vesting("Back-loaded"), parse_vesting("33.3 / 33.3 / 33.4")
('5/15/40/40', '33.3/33.3/33.4')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

from calculators.api import Calculator, Group
from calculators.fields import Field, FieldError, Values, is_blank, parse_object
from calculators.render import Money, Svg, admonition, esc, fmt_pct, nice_step, table
from calculators.values import ValueProblem, parse_percent

__all__ = [
    "CALCULATOR",
    "EXAMPLE",
    "FIELDS",
    "OFFER_FIELDS",
    "Cliff",
    "Inputs",
    "Offer",
    "OfferResult",
    "Result",
    "VsFirst",
    "YearRow",
    "compute",
    "parse",
    "parse_vesting",
    "render",
]

MAX_OFFERS = 6
MAX_VESTING_YEARS = 10
# A cliff: a year whose total falls more than a tenth (10%) below the year before.
CLIFF_DROP_DIVISOR = 10

# ---------------------------------------------------------------------------
# Vesting schedules
# ---------------------------------------------------------------------------

VESTING_HINT = "enter yearly percents like 25/25/25/25, or even, or back-loaded"
_VESTING_NAMES = {"even": "25/25/25/25", "backloaded": "5/15/40/40"}
_PERCENT_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")


def _fmt_percent_number(value: float) -> str:
    """A percent for a normalised schedule: ``25``, ``33.3`` (exact round trip)."""
    return str(int(value)) if value == int(value) else repr(value)


def parse_vesting(value: object) -> str:
    """A vesting schedule, normalised to slash-separated yearly percents.

    Accepts ``25/25/25/25`` (spaces and ``%`` signs allowed), a single number
    such as ``100``, and the names ``even`` and ``back-loaded``. The percents
    must be 0 or more and add up to 100 (±0.01), over at most 10 years.

    >>> parse_vesting("EVEN"), parse_vesting(" 25% / 25 / 25/25 "), parse_vesting(100)
    ('25/25/25/25', '25/25/25/25', '100')
    >>> parse_vesting("30/30/30")
    Traceback (most recent call last):
    ...
    calculators.values.ValueProblem: the years add up to 90%; they must add up to 100%
    """
    parts: list[float] = []
    if isinstance(value, bool):
        raise ValueProblem(VESTING_HINT)
    if isinstance(value, int | float):
        try:
            parts = [float(value)]
        except OverflowError:  # an int too large for a float
            raise ValueProblem("year 1 is more than 100%; the years must add up to 100%") from None
    elif isinstance(value, str):
        text = value.strip()
        named = _VESTING_NAMES.get(re.sub(r"[\s_-]", "", text.lower()))
        if named is not None:
            return named
        pieces = text.split("/")
        if len(pieces) > MAX_VESTING_YEARS:
            raise ValueProblem(
                f"at most {MAX_VESTING_YEARS} years, one percent for each "
                f"(this schedule has {len(pieces)})"
            )
        for year, piece in enumerate(pieces, start=1):
            number = piece.strip().removesuffix("%").strip()
            if not number:
                raise ValueProblem(f"year {year} has no percent; {VESTING_HINT}")
            if number.startswith("-") and _PERCENT_NUMBER.match(number[1:].strip()):
                raise ValueProblem(f"year {year} can't be negative")
            if not _PERCENT_NUMBER.match(number):
                raise ValueProblem(f"year {year} is not a percent; {VESTING_HINT}")
            parts.append(float(number))
    else:
        raise ValueProblem(VESTING_HINT)
    for year, part in enumerate(parts, start=1):
        if math.isnan(part):
            raise ValueProblem(VESTING_HINT)
        if part < 0:
            raise ValueProblem(f"year {year} can't be negative")
        if part > 100.01:
            raise ValueProblem(f"year {year} is more than 100%; the years must add up to 100%")
    total = math.fsum(parts)
    if abs(total - 100) > 0.01 + 1e-9:  # a little slack for binary fractions
        shown = f"{total:.4f}".rstrip("0").rstrip(".")
        raise ValueProblem(f"the years add up to {shown}%; they must add up to 100%")
    return "/".join(_fmt_percent_number(part) for part in parts)


def parse_index(value: object) -> float:
    """A cost-of-living index: a plain number, 100 for the baseline's place.

    >>> parse_index("120")
    120.0
    """
    try:
        return parse_percent(value)
    except ValueProblem:
        raise ValueProblem("enter a number like 100 (the first offer's place) or 120") from None


def _split_vesting(schedule: str) -> tuple[float, ...]:
    return tuple(float(part) for part in schedule.split("/"))


# ---------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------

_PAY = "Salary and bonus"
_EQUITY = "Equity"
_ONE_TIME = "One-time payments"
_OTHER = "Benefits and place"

OFFER_FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        "Name",
        "text",
        max_length=60,
        placeholder="e.g. Acme",
        help="A short name for this offer; left empty, it is Offer 1, Offer 2 and so on.",
        group=_PAY,
    ),
    Field(
        "base",
        "Base salary",
        "amount",
        required=True,
        minimum=0,
        above_minimum=True,
        placeholder="180000",
        help="The yearly base salary, before tax.",
        group=_PAY,
    ),
    Field(
        "bonus_target_pct",
        "Target bonus",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=500,
        help="The target bonus as a percent of base salary.",
        group=_PAY,
    ),
    Field(
        "bonus_payout_pct",
        "Expected bonus payout",
        "percent",
        default=100,
        unit="%",
        minimum=0,
        maximum=300,
        help="How much of the target you expect to be paid; 100 means the full target.",
        group=_PAY,
    ),
    Field(
        "raise_pct",
        "Yearly raise",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=100,
        help="The raise you expect on base salary each year after the first.",
        group=_PAY,
    ),
    Field(
        "equity_grant",
        "Initial equity grant",
        "amount",
        default=0,
        placeholder="200000",
        help="What the initial grant of shares or options is worth on the day it is granted.",
        group=_EQUITY,
    ),
    Field(
        "vesting",
        "Vesting",
        "schedule",
        default="25/25/25/25",
        unit="%",
        placeholder="25/25/25/25",
        suggestions=("25/25/25/25", "5/15/40/40", "33.3/33.3/33.4", "100"),
        parser=parse_vesting,
        help="The share of the grant that vests each year, separated by slashes, adding up to 100.",
        group=_EQUITY,
    ),
    Field(
        "refresher_annual",
        "Yearly refresher grant",
        "amount",
        default=0,
        help="The value of the new grant you expect at the start of every year from year 2.",
        group=_EQUITY,
    ),
    Field(
        "refresher_vesting_years",
        "Refresher vesting",
        "integer",
        default=4,
        unit="years",
        minimum=1,
        maximum=10,
        help="Each refresher vests evenly over this many years.",
        group=_EQUITY,
    ),
    Field(
        "equity_growth_pct",
        "Share price growth",
        "percent",
        default=0,
        unit="%",
        minimum=-100,
        maximum=100,
        help="How much you expect the share price to change each year; 0 keeps it flat.",
        group=_EQUITY,
    ),
    Field(
        "equity_discount_pct",
        "Equity discount",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=100,
        help="A haircut for risk: private or volatile shares are worth less than cash.",
        group=_EQUITY,
    ),
    Field(
        "sign_on",
        "Sign-on bonus",
        "amount",
        default=0,
        help="A one-time bonus paid in the first year.",
        group=_ONE_TIME,
    ),
    Field(
        "sign_on_year2",
        "Second-year sign-on",
        "amount",
        default=0,
        help="A one-time bonus paid in the second year, if the offer splits its sign-on.",
        group=_ONE_TIME,
    ),
    Field(
        "relocation",
        "Relocation",
        "amount",
        default=0,
        help="A one-time relocation payment in the first year.",
        group=_ONE_TIME,
    ),
    Field(
        "unvested_left_behind",
        "Unvested equity left behind",
        "amount",
        default=0,
        help="The unvested equity you give up by leaving your current job for this offer.",
        group=_ONE_TIME,
    ),
    Field(
        "retirement_match_pct",
        "Retirement match",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=100,
        help="What the employer adds to your retirement savings, as a percent of base salary.",
        group=_OTHER,
    ),
    Field(
        "retirement_match_cap",
        "Retirement match cap",
        "amount",
        help="The most the employer adds in a year; leave empty if there is no cap.",
        group=_OTHER,
    ),
    Field(
        "other_annual",
        "Other yearly value",
        "amount",
        default=0,
        help="Anything else you count each year, such as stipends or better benefits.",
        group=_OTHER,
    ),
    Field(
        "cost_of_living_index",
        "Cost of living",
        "percent",
        default=100,
        unit="",
        parser=parse_index,
        placeholder="100",
        minimum=1,
        maximum=1000,
        help="How expensive the place is, with 100 for the first offer's place; 120 is 20% dearer.",
        group=_OTHER,
    ),
)

FIELDS: tuple[Field, ...] = (
    Field(
        "years",
        "Years to compare",
        "integer",
        default=4,
        unit="years",
        minimum=1,
        maximum=10,
        help="How many years to add up; four matches the usual vesting schedule.",
        group="The comparison",
    ),
)

GROUPS: tuple[Group, ...] = (
    Group(
        name="offers",
        label="Offers",
        item_label="Offer",
        fields=OFFER_FIELDS,
        min_items=1,
        max_items=MAX_OFFERS,
    ),
)

# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Offer:
    """One offer's inputs, parsed (percents as numbers of percent)."""

    name: str
    base: float
    bonus_target_pct: float = 0.0
    bonus_payout_pct: float = 100.0
    raise_pct: float = 0.0
    equity_grant: float = 0.0
    vesting: tuple[float, ...] = (25.0, 25.0, 25.0, 25.0)
    refresher_annual: float = 0.0
    refresher_vesting_years: int = 4
    equity_growth_pct: float = 0.0
    equity_discount_pct: float = 0.0
    sign_on: float = 0.0
    sign_on_year2: float = 0.0
    relocation: float = 0.0
    unvested_left_behind: float = 0.0
    retirement_match_pct: float = 0.0
    retirement_match_cap: float | None = None
    other_annual: float = 0.0
    cost_of_living_index: float = 100.0


@dataclass(frozen=True)
class Inputs:
    """The offers to compare (the first is the baseline) and the years to add up."""

    offers: tuple[Offer, ...]
    years: int = 4


def _offer_from(values: Values, position: int) -> Offer:
    name = values.get("name")
    schedule = values.get("vesting")
    assert isinstance(schedule, str)
    return Offer(
        name=name if isinstance(name, str) and name else f"Offer {position + 1}",
        base=values.amount("base"),
        bonus_target_pct=values.amount("bonus_target_pct"),
        bonus_payout_pct=values.amount("bonus_payout_pct"),
        raise_pct=values.amount("raise_pct"),
        equity_grant=values.amount("equity_grant"),
        vesting=_split_vesting(schedule),
        refresher_annual=values.amount("refresher_annual"),
        refresher_vesting_years=values.integer("refresher_vesting_years"),
        equity_growth_pct=values.amount("equity_growth_pct"),
        equity_discount_pct=values.amount("equity_discount_pct"),
        sign_on=values.amount("sign_on"),
        sign_on_year2=values.amount("sign_on_year2"),
        relocation=values.amount("relocation"),
        unvested_left_behind=values.amount("unvested_left_behind"),
        retirement_match_pct=values.amount("retirement_match_pct"),
        retirement_match_cap=values.optional_amount("retirement_match_cap"),
        other_annual=values.amount("other_annual"),
        cost_of_living_index=values.amount("cost_of_living_index"),
    )


def parse(data: object) -> Inputs | list[FieldError]:
    """Read the inputs, or list every problem found (each naming its field).

    >>> [e.field for e in parse({"offers": [{"base": 0}, "x"], "years": 11})]
    ['years', 'offers[0].base', 'offers[1]']
    >>> parse({"offers": []})[0].message
    'Offers: add at least one offer'
    """
    values, errors = parse_object(data, FIELDS, nested=("offers",))
    if not isinstance(data, dict):
        return errors
    raw = data.get("offers")
    offers: list[Offer] = []
    if is_blank(raw) or raw == []:
        errors.append(FieldError("offers", "Offers: add at least one offer"))
    elif not isinstance(raw, list):
        errors.append(FieldError("offers", "Offers: give a list of offers, each with its fields"))
    else:
        if len(raw) > MAX_OFFERS:
            errors.append(
                FieldError(
                    "offers",
                    f"Offers: compare at most {MAX_OFFERS} offers at a time "
                    f"(there are {len(raw)}); remove {len(raw) - MAX_OFFERS}",
                )
            )
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                errors.append(
                    FieldError(
                        f"offers[{i}]",
                        f'Offer {i + 1}: give its fields as an object, like {{"base": 180000}}',
                    )
                )
                continue
            offer_values, offer_errors = parse_object(
                item, OFFER_FIELDS, path=f"offers[{i}].", label_prefix=f"Offer {i + 1} — "
            )
            errors.extend(offer_errors)
            if not offer_errors:
                offers.append(_offer_from(offer_values, i))
    if errors:
        return errors
    return Inputs(offers=tuple(offers), years=values.integer("years"))


# ---------------------------------------------------------------------------
# Result
# ---------------------------------------------------------------------------

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("base", "Base"),
    ("bonus", "Bonus"),
    ("equity", "Equity"),
    ("refreshers", "Refreshers"),
    ("one_time", "One-time"),
    ("match", "Match"),
    ("other", "Other"),
)


@dataclass(frozen=True)
class YearRow:
    """One year of one offer: each part and the total, rounded to cents."""

    year: int
    base: float
    bonus: float
    equity: float
    refreshers: float
    one_time: float
    match: float
    other: float
    total: float

    def parts(self) -> tuple[float, ...]:
        """The seven parts in the order of :data:`COMPONENTS`."""
        return (
            self.base,
            self.bonus,
            self.equity,
            self.refreshers,
            self.one_time,
            self.match,
            self.other,
        )


@dataclass(frozen=True)
class Cliff:
    """A year whose total falls more than 10% below the year before."""

    year: int
    drop_pct: float


@dataclass(frozen=True)
class VsFirst:
    """An offer's difference from the first offer (positive: worth more)."""

    total: float
    total_pct: float
    average_annual: float
    average_annual_pct: float


@dataclass(frozen=True)
class OfferResult:
    """One offer's figures."""

    name: str
    years: tuple[YearRow, ...]
    total: float
    average_annual: float
    adjusted_average_annual: float
    first_year: float
    cliffs: tuple[Cliff, ...]
    make_whole_gap: float
    vs_first: VsFirst


@dataclass(frozen=True)
class Result:
    """All offers, and their order from best to worst.

    ``ranking`` holds names (best first); ``ranking_index`` the same order as
    0-based positions in ``offers`` (names may repeat); ``ranking_basis`` is
    the figure ranked on: ``adjusted_average_annual`` when any offer's cost of
    living differs from 100, else ``average_annual``.
    """

    offers: tuple[OfferResult, ...]
    ranking: tuple[str, ...]
    ranking_index: tuple[int, ...]
    ranking_basis: str


def _year_parts(offer: Offer, year: int) -> tuple[float, ...]:
    """The seven unrounded parts of ``year`` (1-based) for one offer."""
    growth = 1 + offer.equity_growth_pct / 100
    keep = 1 - offer.equity_discount_pct / 100
    base = offer.base * (1 + offer.raise_pct / 100) ** (year - 1)
    bonus = base * offer.bonus_target_pct / 100 * offer.bonus_payout_pct / 100
    share = offer.vesting[year - 1] if year <= len(offer.vesting) else 0.0
    equity = offer.equity_grant * share / 100 * growth**year * keep
    span = offer.refresher_vesting_years
    refreshers = math.fsum(
        offer.refresher_annual / span * growth ** (year - granted + 1) * keep
        for granted in range(2, year + 1)
        if year - granted < span
    )
    one_time = 0.0
    if year == 1:
        one_time = offer.sign_on + offer.relocation
    elif year == 2:
        one_time = offer.sign_on_year2
    match = base * offer.retirement_match_pct / 100
    if offer.retirement_match_cap is not None:
        match = min(match, offer.retirement_match_cap)
    return (base, bonus, equity, refreshers, one_time, match, offer.other_annual)


def _pct(part: float, whole: float) -> float:
    return part / whole * 100 if whole else 0.0


@dataclass(frozen=True)
class _Raw:
    """One offer's unrounded figures, kept until the very end."""

    offer: Offer
    parts: tuple[tuple[float, ...], ...]
    totals: tuple[float, ...]

    @property
    def total(self) -> float:
        return math.fsum(self.totals)

    @property
    def average(self) -> float:
        return self.total / len(self.totals)

    @property
    def adjusted(self) -> float:
        return self.average * 100 / self.offer.cost_of_living_index


def _raw(offer: Offer, years: int) -> _Raw:
    parts = tuple(_year_parts(offer, year) for year in range(1, years + 1))
    return _Raw(offer, parts, tuple(math.fsum(p) for p in parts))


def _year_row(year: int, parts: tuple[float, ...], total: float) -> YearRow:
    base, bonus, equity, refreshers, one_time, match, other = (round(x, 2) for x in parts)
    return YearRow(
        year=year,
        base=base,
        bonus=bonus,
        equity=equity,
        refreshers=refreshers,
        one_time=one_time,
        match=match,
        other=other,
        total=round(total, 2),
    )


def _offer_result(raw: _Raw, first: _Raw) -> OfferResult:
    offer = raw.offer
    rows = tuple(
        _year_row(year, parts, total)
        for year, (parts, total) in enumerate(zip(raw.parts, raw.totals, strict=True), start=1)
    )
    cliffs = tuple(
        Cliff(year, round(_pct(before - now, before), 2))
        for year, (before, now) in enumerate(pairwise(raw.totals), start=2)
        if (before - now) * CLIFF_DROP_DIVISOR > before
    )
    vs_first = VsFirst(
        total=round(raw.total - first.total, 2),
        total_pct=round(_pct(raw.total - first.total, first.total), 2),
        average_annual=round(raw.average - first.average, 2),
        average_annual_pct=round(_pct(raw.average - first.average, first.average), 2),
    )
    return OfferResult(
        name=offer.name,
        years=rows,
        total=round(raw.total, 2),
        average_annual=round(raw.average, 2),
        adjusted_average_annual=round(raw.adjusted, 2),
        first_year=round(raw.totals[0], 2),
        cliffs=cliffs,
        make_whole_gap=round(
            max(0.0, offer.unvested_left_behind - offer.sign_on - offer.sign_on_year2), 2
        ),
        vs_first=vs_first,
    )


def compute(inputs: Inputs) -> Result:
    """Each offer year by year, its difference from the first, and the ranking.

    >>> offer = Offer("A", 180000, bonus_target_pct=15, equity_grant=200000,
    ...               vesting=(5, 15, 40, 40), sign_on=30000)
    >>> result = compute(Inputs((offer,), years=5))
    >>> [row.total for row in result.offers[0].years]
    [247000.0, 237000.0, 287000.0, 287000.0, 207000.0]
    >>> result.offers[0].cliffs
    (Cliff(year=5, drop_pct=27.87),)
    """
    raws = [_raw(offer, inputs.years) for offer in inputs.offers]
    offers = tuple(_offer_result(raw, raws[0]) for raw in raws)
    adjusted = any(offer.cost_of_living_index != 100 for offer in inputs.offers)
    figures = [o.adjusted_average_annual if adjusted else o.average_annual for o in offers]
    order = tuple(sorted(range(len(offers)), key=lambda i: -figures[i]))  # stable: ties keep order
    return Result(
        offers=offers,
        ranking=tuple(offers[i].name for i in order),
        ranking_index=order,
        ranking_basis="adjusted_average_annual" if adjusted else "average_annual",
    )


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def _years_phrase(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def _figure(offer: OfferResult, adjusted: bool) -> float:
    return offer.adjusted_average_annual if adjusted else offer.average_annual


def _headline(result: Result, money: Money) -> str:
    offers = result.offers
    span = _years_phrase(len(offers[0].years))
    adjusted = result.ranking_basis == "adjusted_average_annual"
    basis = " once cost of living is counted" if adjusted else ""
    best = offers[result.ranking_index[0]]
    value = money.format(_figure(best, adjusted))
    if len(offers) == 1:
        return (
            f"{best.name} is worth {value} a year on average over {span}, "
            f"{money.format(best.total)} in all."
        )
    first = offers[0]
    if result.ranking_index[0] != 0:
        diff = _figure(best, adjusted) - _figure(first, adjusted)
        pct = fmt_pct(_pct(diff, _figure(first, adjusted)), signed=True)
        return (
            f"{best.name} is worth the most{basis}: {value} a year on average over {span}, "
            f"{money.format(diff)} a year more than {first.name} ({pct})."
        )
    runner = offers[result.ranking_index[1]]
    diff = _figure(first, adjusted) - _figure(runner, adjusted)
    if round(diff) == 0:
        return (
            f"{first.name} and {runner.name} are worth about the same{basis}: "
            f"{value} a year on average over {span}."
        )
    return (
        f"{first.name} is still worth the most{basis}: {value} a year on average over {span}; "
        f"the best of the others, {runner.name}, is {money.format(diff)} a year less."
    )


def _cliff_note(before: YearRow, now: YearRow) -> tuple[str, str, str]:
    """Why a year's total fell (the part that fell the most): kind, cause, advice."""
    drops = [b - n for b, n in zip(before.parts(), now.parts(), strict=True)]
    key = COMPONENTS[max(range(len(drops)), key=lambda i: drops[i])][0]
    if key == "one_time":
        which = "year 1's one-time payments are" if before.year == 1 else "the year-2 sign-on is"
        return (
            "note",
            f"{which} not paid again",
            "Judge the offer by the years after, not by the first.",
        )
    if key == "equity" and now.equity == 0:
        cause = "the initial grant runs out with too little refresh"
    elif key == "equity":
        cause = "less of the initial grant vests, with too little refresh to make up for it"
    elif key == "refreshers":
        cause = "the refreshers are worth less as the share price falls"
    else:
        cause = "the pay falls"
    return "warning", cause, "Plan for the lower figure, or ask for a bigger refresher."


def _admonitions(result: Result, money: Money) -> list[str]:
    out: list[str] = []
    for offer in result.offers:
        for cliff in offer.cliffs:
            kind, cause, advice = _cliff_note(
                offer.years[cliff.year - 2], offer.years[cliff.year - 1]
            )
            body = (
                f"Cliff in year {cliff.year}: total falls {fmt_pct(cliff.drop_pct)}, "
                f"{cause}. {advice}"
            )
            title = f"{offer.name}: pay drops in year {cliff.year}"
            out.append(admonition(kind, title, f"<p>{esc(body)}</p>"))
        if offer.make_whole_gap > 0:
            body = (
                f"A sign-on would still need to cover {money.format(offer.make_whole_gap)} "
                "to make up for the unvested equity you'd leave behind. Ask for it before "
                "you accept."
            )
            title = f"{offer.name}: unvested equity not covered"
            out.append(admonition("warning", title, f"<p>{esc(body)}</p>"))
    return out


def _comparison(result: Result, money: Money) -> str:
    count = len(result.offers[0].years)
    several = len(result.offers) > 1
    adjusted = result.ranking_basis == "adjusted_average_annual"
    header = ["Offer", "Average a year", f"Total over {_years_phrase(count)}"]
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
    header = ["Year", *(label for _, label in COMPONENTS), "Total"]
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
        for i in range(len(COMPONENTS))
        if any(row.parts()[i] > 0 for offer in offers for row in offer.years)
    ]
    # Legend layout, wrapped into rows.
    label_y = floor_y + (28.0 if n_offers > 1 else 16.0)
    legend: list[tuple[float, float, int]] = []
    x, y = left, label_y + 20
    for i in present:
        item = 16 + _CHAR_WIDTH * len(COMPONENTS[i][1]) + 14
        if x + item > width - right and x > left:
            x, y = left, y + 18
        legend.append((x, y, i))
        x += item
    height = y + 8

    best = offers[result.ranking_index[0]]
    point = (
        f"Total compensation per year over {_years_phrase(count)}, stacked by part"
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
                    f"{offer.name}, year {row.year}: {COMPONENTS[i][1]} {money.format(part)} "
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
        svg.text(x + 14, y, COMPONENTS[i][1], "wa-label")

    key = ""
    if n_offers > 1:
        names = ", ".join(f"{j + 1} {esc(offer.name)}" for j, offer in enumerate(offers))
        key = f'<p class="wa-chart-key">Bars in each year, left to right: {names}.</p>'
    return svg.render() + key


def render(result: Result, money: Money) -> str:
    """The result as an HTML fragment: headline, chart, tables and warnings.

    >>> html = render(compute(parse(EXAMPLE)), Money())
    >>> html.startswith('<div class="wa-result wa-result--total-comp"><p class="wa-headline">')
    True
    """
    parts = [
        '<div class="wa-result wa-result--total-comp">',
        f'<p class="wa-headline">{esc(_headline(result, money))}</p>',
        _chart(result, money),
        _comparison(result, money),
        *_admonitions(result, money),
        *(_year_table(offer, money) for offer in result.offers),
        "</div>",
    ]
    return "".join(parts)


EXAMPLE: dict[str, object] = {
    "offers": [
        {
            "name": "Current job",
            "base": 165000,
            "bonus_target_pct": 10,
            "equity_grant": 120000,
            "raise_pct": 3,
        },
        {
            "name": "Offer A",
            "base": 180000,
            "bonus_target_pct": 15,
            "equity_grant": 200000,
            "vesting": "25/25/25/25",
            "sign_on": 30000,
            "unvested_left_behind": 60000,
        },
    ],
    "years": 4,
}


CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="total-comp",
    title="Total compensation",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
    groups=GROUPS,
)
