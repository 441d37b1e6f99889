"""The shared types: a calculator, its fields and groups of fields, and an input error.

A calculator declares its inputs once, as :class:`Field` values: the same
declaration parses and checks the JSON it is given (:mod:`calculators.parsing`)
and generates the form on the page (:mod:`calculators.forms`). A field's kind
says which control the form uses and how a value is read. This module imports
no calculator; the registry imports the calculators.

>>> Field("years", "Years", "integer", minimum=1, maximum=10).parse("4")
4
>>> Field("runway_months", "Your runway", "months").parse("4.5 months")
4.5
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from calculators.arithmetic import plain
from calculators.dates import parse_date
from calculators.format import Money
from calculators.reading import (
    AMOUNT_HINT,
    INTEGER_HINT,
    PERCENT_HINT,
    ValueProblem,
    parse_amount,
    parse_choice,
    parse_flag,
    parse_index,
    parse_integer,
    parse_months,
    parse_percent,
    parse_text,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "Calculator",
    "Field",
    "FieldError",
    "Group",
    "Kind",
    "Scalar",
    "amount",
    "declared",
    "example_of",
    "fields_of",
    "read_of",
    "typed",
]

# What a field holds, which also says which control the form uses: a checkbox
# for a flag; a select for a choice, for a rating (1 to 5, or not rated) and for
# an integer with at most five values; a text box for the rest, with a decimal
# keypad on phones for numbers, and a date picker for a date (ISO text). A "schedule" is
# read by the field's own parser.
Kind = Literal[
    "amount",
    "percent",
    "integer",
    "months",
    "index",
    "rating",
    "choice",
    "flag",
    "text",
    "schedule",
    "date",
]
Scalar = float | int | bool | str

# How each kind is read, except text (which needs the field's length) and schedule.
_PARSERS: dict[str, Callable[[object], Scalar]] = {
    "amount": parse_amount,
    "percent": parse_percent,
    "integer": parse_integer,
    "months": parse_months,
    "index": parse_index,
    "rating": parse_integer,
    "flag": parse_flag,
    "date": parse_date,
}
MONTHS_A_YEAR = 12  # what ``/month`` multiplies a yearly amount by
_HINTS = {"amount": AMOUNT_HINT, "percent": PERCENT_HINT, "integer": INTEGER_HINT}


@dataclass(frozen=True)
class FieldError:
    """One problem with one input: ``field`` is its path (``offers[1].base``)."""

    field: str
    message: str


@dataclass(frozen=True)
class Field:
    """One input of a calculator, with everything a form and a parser need.

    ``default`` of None with ``required`` False means "optional, no value".
    ``parser`` reads a ``schedule`` (a vesting schedule, say); it must raise
    :class:`~calculators.reading.ValueProblem` on bad input.
    """

    name: str
    label: str
    kind: Kind
    default: Scalar | None = None
    required: bool = False
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    above_minimum: bool = False  # the value must be strictly greater than ``minimum``
    help: str = ""
    group: str = ""
    max_length: int = 200
    placeholder: str = ""
    suggestions: tuple[str, ...] = ()
    parser: Callable[[object], Scalar] | None = None
    # (calculator, result key, button text): the form offers to fill this field
    # from another calculator's last result saved in this browser.
    fill_from: tuple[str, str, str] | None = None
    # A choice's (value, label) pairs, in the order the form lists them.
    choices: tuple[tuple[str, str], ...] = ()
    # (field, value): the field applies, and the form shows it, only while that
    # other field of the same object holds that value.
    shown_when: tuple[str, str] | None = None
    # A yearly amount also takes a period as typed: ``4,500/month`` is read as 54,000.
    yearly: bool = False
    # The value the calculator's worked example gives this field (None: left out).
    example: Scalar | None = None
    # A date the page starts from the reader's own date (the form marks it data-today):
    # filled in on this device while it holds the worked example's date or nothing.
    today: bool = False

    def __post_init__(self) -> None:
        if (self.kind == "schedule") != (self.parser is not None):
            raise ValueError(f"{self.name}: a schedule, and only a schedule, has its own parser")
        if self.today and self.kind != "date":
            raise ValueError(f"{self.name}: only a date starts from today")

    def hint(self) -> str:
        """How to type a value for this field, used in "required" messages."""
        return _HINTS.get(self.kind, "enter a value")

    def parse(self, raw: object) -> Scalar:
        """Parse a given (non-empty) value and check its bounds."""
        value: Scalar
        if self.parser is not None:
            value = self.parser(raw)
        elif self.kind == "text":
            value = parse_text(raw, self.max_length)
        elif self.kind == "choice":
            value = parse_choice(raw, self.choices)
        elif self.kind == "amount" and self.yearly:
            value = parse_amount(raw, per_month=MONTHS_A_YEAR)
        else:
            value = _PARSERS[self.kind](raw)
        if isinstance(value, int | float) and not isinstance(value, bool):
            self._check_bounds(value)
        return value

    def _check_bounds(self, value: float) -> None:
        low, high = self.minimum, self.maximum
        if self.above_minimum and low is not None and value <= low:
            raise ValueProblem(f"must be more than {plain(low)}")
        if low is not None and high is not None and not low <= value <= high:
            raise ValueProblem(f"must be between {plain(low)} and {plain(high)}")
        if low is not None and value < low:
            raise ValueProblem(f"must be at least {plain(low)}")
        if high is not None and value > high:
            raise ValueProblem(f"must be at most {plain(high)}")


@dataclass(frozen=True)
class Group:
    """A repeated set of fields, such as the offers of total-comp."""

    name: str
    label: str
    item_label: str  # "Offer" gives "Offer 1", "Offer 2", ...
    fields: tuple[Field, ...]
    min_items: int
    max_items: int


# Where a dataclass field of a calculator's inputs keeps its Field.
_SPEC = "walkaway.field"


def declared(spec: Field) -> Any:
    """Declare one input once, as a field of the calculator's frozen inputs dataclass.

    The attribute's name is the field's name (``spec`` is written with an empty
    one); the form, the parsing, the worked example and ``read`` all come from
    the dataclass (:func:`fields_of`, :func:`example_of`, :func:`read_of`). A
    required field has no default, so the dataclass is ``kw_only``.
    """
    metadata = {_SPEC: spec}
    if spec.required:
        return dataclasses.field(metadata=metadata)
    return dataclasses.field(default=spec.default, metadata=metadata)


def amount(
    label: str,
    help_text: str,
    group: str,
    placeholder: str = "",
    *,
    required: bool = False,
    above_minimum: bool = False,
    yearly: bool = False,
    example: float | None = None,
) -> Any:
    """Declare an amount of money (never negative): the shape most amount fields share."""
    return declared(
        Field(
            "",
            label,
            "amount",
            required=required,
            minimum=0,
            above_minimum=above_minimum,
            yearly=yearly,
            help=help_text,
            group=group,
            placeholder=placeholder,
            example=example,
        )
    )


def fields_of(inputs: type[DataclassInstance] | DataclassInstance) -> tuple[Field, ...]:
    """The Fields an inputs dataclass declares, named after its attributes, in order.

    >>> @dataclass(frozen=True, kw_only=True)
    ... class Inputs:
    ...     floor: float = declared(Field("", "Your floor", "amount", required=True))
    ...     rounds: int = declared(Field("", "Rounds", "integer", default=0, example=1))
    >>> [(f.name, f.required) for f in fields_of(Inputs)], example_of(Inputs)
    ([('floor', True), ('rounds', False)], {'rounds': 1})
    """
    return tuple(
        dataclasses.replace(item.metadata[_SPEC], name=item.name)
        for item in dataclasses.fields(inputs)
        if _SPEC in item.metadata
    )


def example_of(inputs: type[DataclassInstance]) -> dict[str, object]:
    """The worked example an inputs dataclass declares, field by field."""
    return {field.name: field.example for field in fields_of(inputs) if field.example is not None}


def typed(field: Field, value: Scalar | None) -> Scalar | None:
    """A parsed value as its attribute holds it: a number of money, percent or months is
    a float even when typed or defaulted as a whole number."""
    if field.kind in ("amount", "percent", "months", "index") and isinstance(value, int):
        return float(value)
    return value


def read_of(inputs: DataclassInstance) -> dict[str, object]:
    """The inputs as the engine understood them, by field name (a result's ``read``)."""
    return {field.name: getattr(inputs, field.name) for field in fields_of(inputs)}


InputT = TypeVar("InputT")
ResultT = TypeVar("ResultT", bound="DataclassInstance")


@dataclass(frozen=True)
class Calculator(Generic[InputT, ResultT]):
    """Everything the entry point, the forms and the build need to know of one calculator.

    ``compute`` gives the result the JSON answer carries, every sentence in the
    reader's currency; ``render`` gives the page's HTML from the inputs and that
    result (``Money`` formats its tables' figures), computing nothing again.
    """

    name: str
    title: str
    fields: tuple[Field, ...]
    parse: Callable[[object], InputT | list[FieldError]]
    compute: Callable[[InputT, Money], ResultT]
    render: Callable[[InputT, ResultT, Money], str]
    example: Mapping[str, object]
    groups: tuple[Group, ...] = ()
