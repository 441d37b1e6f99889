"""Reading a JSON object against a calculator's fields: every value, or every problem.

Parsing collects every problem, not only the first, each as a
:class:`~calculators.schema.FieldError` naming its field.

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
from typing import TypeVar

from calculators.reading import ValueProblem
from calculators.schema import Field, FieldError, Scalar, typed

__all__ = ["Values", "build", "is_blank", "parse_object"]

T = TypeVar("T")


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


def build(make: Callable[..., T], fields: Sequence[Field], values: Values) -> T:
    """The inputs dataclass ``make`` declares ``fields``, from values parsed without errors."""
    return make(**{field.name: typed(field, values.get(field.name)) for field in fields})
