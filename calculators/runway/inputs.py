"""Runway's inputs: your cash, your search and the offer in hand (fields, parsing,
validation).

>>> parse({"savings": "30k", "monthly_expenses": "6,000"}).savings
30000.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators.parsing import build, parse_object
from calculators.schema import Field, FieldError, declared, example_of, fields_of

__all__ = ["EXAMPLE", "FIELDS", "LABELS", "Inputs", "parse"]

CASH = "Your cash"
SEARCH = "Your search"
OFFER = "The offer in hand"


@dataclass(frozen=True, kw_only=True)
class Inputs:
    """The runway inputs, parsed and checked: every field, declared once here (the form,
    the parsing, the worked example and ``read`` all come from it). Amounts are yearly
    for the offer and floor."""

    savings: float = declared(
        Field(
            "",
            "Savings",
            "amount",
            required=True,
            minimum=0,
            help="Cash you could live on while you search, not money locked away for retirement.",
            group=CASH,
            placeholder="30000",
            example=30000,
        )
    )
    severance: float = declared(
        Field(
            "",
            "Severance",
            "amount",
            default=0.0,
            minimum=0,
            help="A lump sum you get when you leave, if any.",
            group=CASH,
        )
    )
    monthly_expenses: float = declared(
        Field(
            "",
            "Monthly expenses",
            "amount",
            required=True,
            minimum=0,
            above_minimum=True,
            help="What a month of your life costs: rent, food, bills, debt payments.",
            group=CASH,
            placeholder="6000",
            example=6000,
        )
    )
    monthly_income: float = declared(
        Field(
            "",
            "Other monthly income",
            "amount",
            default=0.0,
            minimum=0,
            help="Money that keeps coming in while you search, such as freelance work.",
            group=CASH,
        )
    )
    benefit_monthly: float = declared(
        Field(
            "",
            "Unemployment benefit a month",
            "amount",
            default=0.0,
            minimum=0,
            help="What an unemployment benefit would pay you each month, if you qualify.",
            group=CASH,
        )
    )
    benefit_months: int = declared(
        Field(
            "",
            "Benefit lasts",
            "integer",
            default=0,
            unit="months",
            minimum=0,
            maximum=120,
            help="How many months the benefit is paid for, counting from now.",
            group=CASH,
        )
    )
    search_weeks_min: int = declared(
        Field(
            "",
            "Shortest search",
            "integer",
            default=6,
            unit="weeks",
            minimum=0,
            maximum=260,
            help="The fewest weeks you'd expect it to take to land a comparable offer.",
            group=SEARCH,
            example=6,
        )
    )
    search_weeks_max: int = declared(
        Field(
            "",
            "Longest search",
            "integer",
            default=10,
            unit="weeks",
            minimum=0,
            maximum=260,
            help="The most weeks you'd plan for; the guide plans on six to ten.",
            group=SEARCH,
            example=10,
        )
    )
    soft_market: bool = declared(
        Field(
            "",
            "Soft market",
            "flag",
            default=False,
            help="Tick this when hiring in your field is slow: both search times grow by half.",
            group=SEARCH,
        )
    )
    offer: float | None = declared(
        Field(
            "",
            "Offer in hand",
            "amount",
            yearly=True,
            minimum=1,  # at least 1, so the break-even weeks (cost over a week's pay) stay finite
            help="The yearly total of the offer as it stands; leave it empty if you have none.",
            group=OFFER,
            placeholder="158400",
            example=158400,  # the worked example's offer is below its floor
        )
    )
    floor: float | None = declared(
        Field(
            "",
            "Your floor",
            "amount",
            yearly=True,
            minimum=0,
            above_minimum=True,
            help="The lowest yearly total you decided in advance that you'd accept.",
            group=OFFER,
            placeholder="180000",
            example=180000,
        )
    )
    raise_pct: float = declared(
        Field(
            "",
            "Yearly raise",
            "percent",
            default=3.0,
            unit="%",
            minimum=-50,
            maximum=100,
            help="The raise you'd expect each year; it builds on whatever number you start at.",
            group=OFFER,
        )
    )
    anchor_years: int = declared(
        Field(
            "",
            "Years it anchors you",
            "integer",
            default=3,
            unit="years",
            minimum=1,
            maximum=10,
            help="How long a starting number tends to follow you; two to four years is usual.",
            group=OFFER,
        )
    )


FIELDS: tuple[Field, ...] = fields_of(Inputs)
LABELS = {field.name: field.label for field in FIELDS}


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
    return build(Inputs, FIELDS, values)


# The page's worked example: the spec's, with the offer in hand below the floor.
EXAMPLE: Mapping[str, object] = example_of(Inputs)
