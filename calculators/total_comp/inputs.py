"""Total comp's inputs: the offers' fields (what the form asks), parsing and validation.

>>> inputs = parse({"offers": [{"base": "180k", "vesting": "even"}], "years": 4})
>>> inputs.offers[0].base, inputs.offers[0].vesting, inputs.offers[0].name
(180000.0, (25.0, 25.0, 25.0, 25.0), 'Offer 1')
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.parsing import Values, is_blank, parse_object
from calculators.schema import Field, FieldError, Group
from calculators.total_comp.vesting import parse_vesting, split_vesting

__all__ = [
    "EXAMPLE",
    "FIELDS",
    "GROUPS",
    "MAX_OFFERS",
    "OFFER_FIELDS",
    "Inputs",
    "Offer",
    "parse",
]

MAX_OFFERS = 6

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
        "index",
        default=100,
        unit="",
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
        vesting=split_vesting(schedule),
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


# The page's worked example: the current job against an offer with a sign-on.
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
