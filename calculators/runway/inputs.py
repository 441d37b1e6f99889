"""Runway's inputs: your cash, your search and the offer in hand (fields, parsing,
validation).

>>> parse({"savings": "30k", "monthly_expenses": "6,000"}).savings
30000.0
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.parsing import parse_object
from calculators.schema import Field, FieldError

__all__ = ["EXAMPLE", "FIELDS", "LABELS", "Inputs", "parse"]

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
        help="The most weeks you'd plan for; the guide plans on six to ten.",
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
        yearly=True,
        minimum=1,  # at least 1, so the break-even weeks (cost over a week's pay) stay finite
        help="The yearly total of the offer as it stands; leave it empty if you have none.",
        group=OFFER,
        placeholder="158400",
    ),
    Field(
        "floor",
        "Your floor",
        "amount",
        yearly=True,
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

LABELS = {field.name: field.label for field in FIELDS}


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
                    f"{LABELS['search_weeks_max']}: make it at least the shortest search "
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


# The page's worked example: the spec's, with the offer in hand below the floor.
EXAMPLE: dict[str, object] = {
    "savings": 30000,
    "monthly_expenses": 6000,
    "search_weeks_min": 6,
    "search_weeks_max": 10,
    "offer": 158400,
    "floor": 180000,
}
