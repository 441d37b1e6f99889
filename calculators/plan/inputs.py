"""The plan's inputs: your numbers entered once, the offer as it stands, the deadline, the
names the scripts need, and the runway basics. Every field is declared once, here.

>>> parse({"floor": "180k", "offer": "158.4k", "today": "2026-12-07"}).offer
158400.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from calculators.parsing import build, parse_object
from calculators.schema import Field, FieldError, amount, declared, example_of, fields_of
from calculators.walk.inputs import FIELDS as WALK_FIELDS
from calculators.walk.inputs import order_errors

__all__ = ["EXAMPLE", "FIELDS", "Inputs", "parse", "parse_or_fail"]

NUMBERS = "Your numbers"
OFFER = "The offer"
DATES = "Dates"
PEOPLE = "Names for the scripts"
CASH = "Your cash (optional)"


def _amount(label: str, help_text: str, group: str, placeholder: str, **options: Any) -> Any:
    """An amount: yearly unless said otherwise (the cash figures are not)."""
    return amount(label, help_text, group, placeholder, **{"yearly": True, **options})


def _text(label: str, help_text: str, group: str, placeholder: str, example: str = "") -> Any:
    return declared(
        Field(
            "",
            label,
            "text",
            default="",
            max_length=80,
            help=help_text,
            group=group,
            placeholder=placeholder,
            example=example or None,
        )
    )


def _walk_field(name: str) -> Any:
    """One of the walk decision's fields, as walk declares it (the plan hands it to walk
    as it is), without walk's worked-example value."""
    field = next(field for field in WALK_FIELDS if field.name == name)
    return declared(replace(field, example=None))


def _date(label: str, help_text: str, example: str, *, today: bool = False) -> Any:
    return declared(
        Field("", label, "date", help=help_text, group=DATES, example=example, today=today)
    )


@dataclass(frozen=True, kw_only=True)
class Inputs:
    """Everything the plan is made from, parsed and checked."""

    floor: float = _amount(
        "Your floor",
        "The yearly total you decided on in advance, below which you'd rather keep looking.",
        NUMBERS,
        "180k",
        required=True,
        above_minimum=True,
        example=180000,
    )
    target: float | None = _amount(
        "Your target",
        "The researched number you'd be happy with.",
        NUMBERS,
        "195k",
        example=195000,
    )
    anchor: float | None = _amount(
        "Your anchor",
        "Your opening ask: the top of the band you can defend.",
        NUMBERS,
        "210k",
        example=210000,
    )
    offer: float | None = _amount(
        "The offer",
        "The whole offer as it stands, per year; leave it empty if there's no number yet.",
        OFFER,
        "158k",
        example=176000,
    )
    offer_from: str = _text(
        "Where the offer's number comes from",
        "The offer's name, when the total compensation calculator sends its average here.",
        OFFER,
        "",
    )
    today: str | None = _date(
        "Today",
        "Filled in from your device; change it to plan from another day.",
        "2026-12-07",
        today=True,
    )
    deadline: str | None = _date(
        "Their deadline",
        "The day they want your answer; leave it empty if they gave none.",
        "2026-12-11",
    )
    company: str = _text("Company", "The company making the offer.", PEOPLE, "Acme", "Acme")
    role: str = _text(
        "Role",
        "The job's title, as the offer names it.",
        PEOPLE,
        "Senior Engineer",
        "Senior Engineer",
    )
    recruiter: str = _text(
        "Recruiter's name", "The person you negotiate with.", PEOPLE, "Sam", "Sam"
    )
    hiring_manager: str = _text(
        "Hiring manager's name", "The manager you'd work for.", PEOPLE, "Alex", "Alex"
    )
    your_name: str = _text("Your name", "How you sign your emails.", PEOPLE, "Jordan", "Jordan")
    # Where the negotiation stands: walk's own fields, declared there once.
    counter_rounds: int = _walk_field("counter_rounds")
    other_options: bool = _walk_field("other_options")
    savings: float | None = _amount(
        "Savings",
        "Cash you could live on while you search; with monthly expenses, it gives your runway.",
        CASH,
        "30000",
        yearly=False,
        example=30000,
    )
    monthly_expenses: float | None = _amount(
        "Monthly expenses",
        "What a month of your life costs.",
        CASH,
        "6000",
        yearly=False,
        above_minimum=True,
        example=6000,
    )


FIELDS: tuple[Field, ...] = fields_of(Inputs)


def parse(data: object) -> Inputs | list[FieldError]:
    """Your inputs, or every problem found with them.

    >>> [e.field for e in parse({"floor": "lots", "deadline": "Friday"})]
    ['floor', 'deadline']
    >>> parse({"floor": 180000, "target": 170000})[0].message
    'Your target: should be at least your floor (180,000)'
    """
    values, errors = parse_object(data, FIELDS)
    errors += order_errors(values, errors)
    if errors:
        return errors
    return build(Inputs, FIELDS, values)


def parse_or_fail(data: Mapping[str, object]) -> Inputs:
    """Parse inputs known to be valid (for examples and tests)."""
    parsed = parse(dict(data))
    if isinstance(parsed, list):
        raise ValueError(parsed)
    return parsed


EXAMPLE: Mapping[str, object] = example_of(Inputs)
