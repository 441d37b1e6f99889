"""Total comp's inputs: the comparison's own fields, the group of offers (each offer's fields
are declared in :mod:`~calculators.total_comp.offer`), parsing and validation.

>>> inputs = parse({"offers": [{"base": "180k", "vesting": "even"}], "years": 4})
>>> inputs.offers[0].base, inputs.offers[0].vesting, inputs.offers[0].name
(180000.0, (25.0, 25.0, 25.0, 25.0), 'Offer 1')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from calculators.parsing import Values, build, is_blank, parse_object
from calculators.reading import ValueProblem, parse_amount
from calculators.schema import Field, FieldError, Group, Scalar, declared, example_of, fields_of
from calculators.total_comp.limits import comparison_errors
from calculators.total_comp.limits import offer_errors as offer_errors_of
from calculators.total_comp.offer import OFFER_FIELDS, Offer, as_held

__all__ = ["EXAMPLE", "FIELDS", "GROUPS", "MAX_OFFERS", "Inputs", "parse"]

MAX_OFFERS = 6


@dataclass(frozen=True, kw_only=True)
class Inputs:
    """The offers to compare (the first is the baseline) and the comparison's own fields,
    declared once here."""

    offers: tuple[Offer, ...]  # the repeated group of offer fields (GROUPS), not a field
    years: int = declared(
        Field(
            "",
            "Years to compare",
            "integer",
            default=4,
            unit="years",
            minimum=1,
            maximum=10,
            help="How many years to add up; four matches the usual vesting schedule.",
            group="The comparison",
            example=4,
        )
    )


FIELDS: tuple[Field, ...] = fields_of(Inputs)
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

_FIELDS = {field.name: field for field in OFFER_FIELDS}
_ORDER = {field.name: i for i, field in enumerate(OFFER_FIELDS)}
# The fields only one kind of equity has (the form shows them only with it).
_OPTIONS_ONLY = tuple(f for f in OFFER_FIELDS if f.shown_when == ("equity_type", "options"))
_SHARES_ONLY = tuple(f for f in OFFER_FIELDS if f.shown_when == ("equity_type", "rsu"))

# --- Not fields: what parsing adds to an offer's own fields -------------------------------
# The base is read on its own, last, once the salaries a year it may be multiplied by
# are known; whether it was written per month, and the name an unnamed offer takes by its
# place, are set beside the fields' values.
_BEFORE_BASE = tuple(field for field in OFFER_FIELDS if field.name != "base")
# A base written per month (``4,500/month``, ``4500 a month``, ``4.5k/mo``).
_MONTHLY = re.compile(r"(?:/|\bper\b|\ba\b)\s*mo(?:nth)?\b", re.IGNORECASE)


def _name(values: Values, position: int) -> str:
    """The offer's name, or Offer 1, Offer 2, ... by position when none is given."""
    name = values.get("name")
    return name if isinstance(name, str) and name else f"Offer {position + 1}"


def _offer_from(values: Values, base: float, monthly: bool, position: int) -> Offer:
    """The offer from its fields parsed without errors, each as the offer holds it, with
    what isn't a field's own value: the base, read per salary, whether it was written per
    month, and the name by position when none is given."""
    given: dict[str, Any] = {
        field.name: as_held(field, values.get(field.name)) for field in _BEFORE_BASE
    }
    given |= {"name": _name(values, position), "base": base, "base_written_monthly": monthly}
    return Offer(**given)


def _base(item: dict[str, object], salaries: int, path: str, prefix: str) -> float | FieldError:
    """The yearly base: an amount, or one per month times the salaries a year."""
    field = _FIELDS["base"]
    raw = item.get("base")
    if is_blank(raw):
        return FieldError(f"{path}base", f"{prefix}{field.label}: required, {field.hint()}")

    def per_salary(value: object) -> Scalar:
        return parse_amount(value, per_month=salaries)

    # The field's own bounds, with the salaries a year as the months a year.
    reader = replace(field, kind="schedule", parser=per_salary, yearly=False)
    try:
        base = reader.parse(raw)
    except ValueProblem as problem:
        return FieldError(f"{path}base", f"{prefix}{field.label}: {problem}")
    assert isinstance(base, float | int)
    return float(base)


def _duplicate_names(names: dict[int, tuple[str, bool]]) -> list[FieldError]:
    """An error on each offer whose name an earlier offer already has (names tell the offers
    apart in the rankings); ``names`` maps positions to (name, given by the reader)."""
    seen: dict[str, int] = {}
    found = []
    for i, (name, given) in sorted(names.items()):
        key = " ".join(name.casefold().split())
        if key not in seen:
            seen[key] = i
            continue
        earlier = names[seen[key]][0]
        if given:
            problem = f'offer {seen[key] + 1} is already called "{earlier}"'
        else:
            problem = (
                f'left empty, this offer is called "{name}", and offer {seen[key] + 1} is '
                f'already called "{earlier}"'
            )
        found.append(
            FieldError(
                f"offers[{i}].name",
                f"Offer {i + 1} — {_FIELDS['name'].label}: {problem}; give this one another name",
            )
        )
    return found


def _equity_errors(
    item: dict[str, object], values: Values, path: str, prefix: str
) -> list[FieldError]:
    """The fields that don't fit the kind of equity chosen, each with what to do instead."""
    given = {name for name, value in item.items() if not is_blank(value)}
    if values.get("equity_type") == "options":
        found = [
            FieldError(
                f"{path}{field.name}",
                f"{prefix}{field.label}: not used with stock options; clear it and give the "
                "number of options, the strike price and the share price",
            )
            for field in _SHARES_ONLY
            if field.name in given
        ]
        for field in _OPTIONS_ONLY:
            if field.name not in given:
                found.append(
                    FieldError(
                        f"{path}{field.name}",
                        f"{prefix}{field.label}: required with stock options; "
                        f"enter a number like {field.placeholder}",
                    )
                )
        return found
    return [
        FieldError(
            f"{path}{field.name}",
            f"{prefix}{field.label}: only for stock options; choose stock options as the "
            "kind of equity, or clear it",
        )
        for field in _OPTIONS_ONLY
        if field.name in given
    ]


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
        names: dict[int, tuple[str, bool]] = {}
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                errors.append(
                    FieldError(
                        f"offers[{i}]",
                        f'Offer {i + 1}: give its fields as an object, like {{"base": 180000}}',
                    )
                )
                continue
            path, prefix = f"offers[{i}].", f"Offer {i + 1} — "
            offer_values, offer_errors = parse_object(
                item, _BEFORE_BASE, path=path, label_prefix=prefix, nested=("base",)
            )
            if not any(error.field == f"{path}equity_type" for error in offer_errors):
                offer_errors += _equity_errors(item, offer_values, path, prefix)
            salaries = offer_values.get("salaries_per_year")
            base = _base(item, salaries if isinstance(salaries, int) else 12, path, prefix)
            if isinstance(base, FieldError):
                offer_errors.append(base)
            if not any(error.field == f"{path}name" for error in offer_errors):
                names[i] = (_name(offer_values, i), not is_blank(item.get("name")))
            if isinstance(base, float) and not offer_errors:
                monthly = isinstance(item["base"], str) and bool(_MONTHLY.search(item["base"]))
                offer = _offer_from(offer_values, base, monthly, i)
                if not any(error.field == "years" for error in errors):
                    offer_errors += offer_errors_of(offer, values.integer("years"), path, prefix)
                offers.append(offer)
            # Unknown keys first, then the fields in the form's order.
            errors.extend(sorted(offer_errors, key=lambda e: _ORDER.get(e.field[len(path) :], -1)))
        errors.extend(_duplicate_names(names))
    if errors:
        return errors
    inputs = build(partial(Inputs, offers=tuple(offers)), FIELDS, values)
    return comparison_errors(inputs.offers, inputs.years) or inputs


# The page's worked example: the current job against an offer with a sign-on. Each offer
# is data, not a declaration (a field's one example value can't describe two offers).
EXAMPLE: Mapping[str, object] = {
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
    **example_of(Inputs),
}
