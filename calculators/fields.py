"""Field metadata and the parsing that every calculator shares.

A calculator declares its inputs once, as a tuple of :class:`Field`: the same
declaration parses and validates the JSON it is given, and generates the form
on the page (see :mod:`calculators.forms`). Parsing collects every problem, not
only the first, each as a :class:`FieldError` naming its field.

>>> fields = (Field("floor", "Your floor", "amount", required=True),)
>>> values, errors = parse_object({"floor": "180k"}, fields)
>>> values.amount("floor"), errors
(180000.0, [])
>>> parse_object({"flor": "180k"}, fields)[1][0].message
'flor: not a field here; did you mean floor?'
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from calculators.values import (
    AMOUNT_HINT,
    INTEGER_HINT,
    PERCENT_HINT,
    ValueProblem,
    parse_amount,
    parse_flag,
    parse_integer,
    parse_percent,
    parse_text,
)

__all__ = ["Field", "FieldError", "Kind", "Values", "parse_object"]

Kind = Literal["amount", "percent", "integer", "flag", "text", "schedule"]
Scalar = float | int | bool | str


@dataclass(frozen=True)
class FieldError:
    """One problem with one input: ``field`` is its path (``offers[1].base``)."""

    field: str
    message: str


@dataclass(frozen=True)
class Field:
    """One input of a calculator, with everything a form and a parser need.

    ``default`` of None with ``required`` False means "optional, no value".
    ``parser`` replaces the kind's standard parser (vesting schedules use it);
    it must raise :class:`~calculators.values.ValueProblem` on bad input.
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

    def hint(self) -> str:
        """How to type a value for this field, used in "required" messages."""
        return {
            "amount": AMOUNT_HINT,
            "percent": PERCENT_HINT,
            "integer": INTEGER_HINT,
        }.get(self.kind, "enter a value")

    def parse(self, raw: object) -> Scalar:
        """Parse a given (non-empty) value and check its bounds."""
        value: Scalar
        if self.parser is not None:
            value = self.parser(raw)
        elif self.kind == "amount":
            value = parse_amount(raw)
        elif self.kind == "percent":
            value = parse_percent(raw)
        elif self.kind == "integer":
            value = parse_integer(raw)
        elif self.kind == "flag":
            value = parse_flag(raw)
        else:
            value = parse_text(raw, self.max_length)
        if isinstance(value, int | float) and not isinstance(value, bool):
            self._check_bounds(value)
        return value

    def _check_bounds(self, value: float) -> None:
        low, high = self.minimum, self.maximum
        if self.above_minimum and low is not None and value <= low:
            raise ValueProblem(f"must be more than {_plain(low)}")
        if low is not None and high is not None and not low <= value <= high:
            raise ValueProblem(f"must be between {_plain(low)} and {_plain(high)}")
        if low is not None and value < low:
            raise ValueProblem(f"must be at least {_plain(low)}")
        if high is not None and value > high:
            raise ValueProblem(f"must be at most {_plain(high)}")


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


class Values:
    """The parsed values of one object, read back with the type each field has."""

    def __init__(self, values: Mapping[str, Scalar | None]) -> None:
        self._values = dict(values)

    def __repr__(self) -> str:
        return f"Values({self._values!r})"

    def get(self, name: str) -> Scalar | None:
        return self._values[name]

    def amount(self, name: str) -> float:
        value = self._values[name]
        assert isinstance(value, int | float), name
        assert not isinstance(value, bool), name
        return float(value)

    def optional_amount(self, name: str) -> float | None:
        return None if self._values[name] is None else self.amount(name)

    def integer(self, name: str) -> int:
        value = self._values[name]
        assert isinstance(value, int), name
        assert not isinstance(value, bool), name
        return value

    def optional_integer(self, name: str) -> int | None:
        return None if self._values[name] is None else self.integer(name)

    def flag(self, name: str) -> bool:
        value = self._values[name]
        assert isinstance(value, bool), name
        return value

    def text(self, name: str) -> str:
        value = self._values[name]
        assert isinstance(value, str), name
        return value


def is_blank(raw: object) -> bool:
    """None and the empty (or all-space) string mean "not given"."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_object(
    data: object,
    fields: Sequence[Field],
    *,
    path: str = "",
    label_prefix: str = "",
    nested: Sequence[str] = (),
) -> tuple[Values, list[FieldError]]:
    """Parse a JSON object against ``fields``: every value, or every problem found.

    ``path`` prefixes each error's field (``offers[1].``); ``label_prefix``
    prefixes its message (``Offer 2 — ``). Keys named in ``nested`` are left for
    the caller to parse (a list of offers, say) and are not reported as unknown.
    """
    errors: list[FieldError] = []
    values: dict[str, Scalar | None] = {field.name: field.default for field in fields}
    if not isinstance(data, dict):
        where = path.rstrip(".") or "inputs"
        errors.append(FieldError(path.rstrip("."), f"{label_prefix}{where} must be a JSON object"))
        return Values(values), errors
    known = {field.name for field in fields} | set(nested)
    for key in data:
        if key not in known:
            name = str(key)
            close = difflib.get_close_matches(name, sorted(known), n=1)
            suggestion = f"; did you mean {close[0]}?" if close else ""
            errors.append(
                FieldError(f"{path}{name}", f"{label_prefix}{name}: not a field here{suggestion}")
            )
    for field in fields:
        raw = data.get(field.name)
        if is_blank(raw):
            if field.required:
                message = f"{label_prefix}{field.label}: required, {field.hint()}"
                errors.append(FieldError(path + field.name, message))
            continue
        try:
            values[field.name] = field.parse(raw)
        except ValueProblem as problem:
            message = f"{label_prefix}{field.label}: {problem}"
            errors.append(FieldError(path + field.name, message))
    return Values(values), errors
