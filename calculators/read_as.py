"""What a typed value was read as, for the page to show beside its field.

A reader who types ``€90.000`` must see at once that it was read as 90,000,
not 90. Each number field whose typed text isn't plain digits gets a short
hint built from the result's ``read`` (the inputs as the engine understood
them), keyed by the field's path (``floor``, ``offers[1].base``).

>>> from calculators.schema import Field
>>> fields = (Field("floor", "Your floor", "amount"), Field("offer", "The offer", "amount"))
>>> hints(fields, (), {"floor": "€90.000", "offer": "90000"}, {"floor": 90000.0, "offer": 9e4})
{'floor': 'read as 90,000'}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from calculators.reading import written
from calculators.schema import Field, Group

__all__ = ["hints"]

_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_NUMERIC = ("amount", "percent", "integer", "months", "index")


def _hint(field: Field, raw: object, value: object) -> str | None:
    """``read as 90,000`` for a number typed other than as plain digits, else None."""
    if field.kind not in _NUMERIC or not isinstance(raw, str):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    typed = raw.strip().removesuffix("%").strip() if field.kind == "percent" else raw.strip()
    if not typed or _PLAIN.fullmatch(typed):
        return None
    if field.kind == "amount":
        return f"read as {written(value)}"
    if field.kind == "integer":
        return f"read as {int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"read as {text}%" if field.kind == "percent" else f"read as {text}"


def _object_hints(
    fields: Sequence[Field], raw: Mapping[str, object], read: Mapping[str, object], path: str
) -> dict[str, str]:
    found = {}
    for field in fields:
        hint = _hint(field, raw.get(field.name), read.get(field.name))
        if hint is not None:
            found[path + field.name] = hint
    return found


def hints(
    fields: Sequence[Field], groups: Sequence[Group], raw: object, read: Mapping[str, object]
) -> dict[str, str]:
    """Every hint for one request: its fields, then each item of each group."""
    if not isinstance(raw, Mapping):
        return {}
    found = _object_hints(fields, raw, read, "")
    for group in groups:
        items, read_items = raw.get(group.name), read.get(group.name)
        if not isinstance(items, list) or not isinstance(read_items, list):
            continue
        for i, (item, read_item) in enumerate(zip(items, read_items, strict=False)):
            if isinstance(item, Mapping) and isinstance(read_item, Mapping):
                found |= _object_hints(group.fields, item, read_item, f"{group.name}[{i}].")
    return found
