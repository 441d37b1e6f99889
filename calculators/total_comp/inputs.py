"""Total comp's inputs: the offers' fields (what the form asks), parsing and validation.

>>> inputs = parse({"offers": [{"base": "180k", "vesting": "even"}], "years": 4})
>>> inputs.offers[0].base, inputs.offers[0].vesting, inputs.offers[0].name
(180000.0, (25.0, 25.0, 25.0, 25.0), 'Offer 1')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from calculators.parsing import Values, is_blank, parse_object
from calculators.schema import FieldError, Scalar
from calculators.total_comp.fields import FIELDS, MAX_OFFERS, OFFER_FIELDS
from calculators.total_comp.limits import comparison_errors
from calculators.total_comp.limits import offer_errors as offer_errors_of
from calculators.total_comp.vesting import split_vesting
from calculators.values import ValueProblem, parse_amount

__all__ = ["EXAMPLE", "Inputs", "Offer", "parse"]

_FIELDS = {field.name: field for field in OFFER_FIELDS}
_OPTIONS_FIELDS = ("options_count", "strike_price", "share_price")
# The base is read last, once the salaries a year it may be multiplied by are known.
_BEFORE_BASE = tuple(field for field in OFFER_FIELDS if field.name != "base")
_ORDER = {field.name: i for i, field in enumerate(OFFER_FIELDS)}
# A base written per month (``4,500/month``, ``4500 a month``, ``4.5k/mo``).
_MONTHLY = re.compile(r"(?:/|\bper\b|\ba\b)\s*mo(?:nth)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Offer:
    """One offer's inputs, parsed (percents as numbers of percent)."""

    name: str
    base: float
    bonus_target_pct: float = 0.0
    bonus_payout_pct: float = 100.0
    raise_pct: float = 0.0
    equity_type: str = "rsu"  # rsu | options
    equity_grant: float = 0.0
    options_count: int = 0
    strike_price: float = 0.0
    share_price: float = 0.0
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
    tax_rate_pct: float | None = None
    salaries_per_year: int = 12
    sign_on_clawback_months: int = 0
    # Not a field: the base was written per month (and multiplied by salaries_per_year).
    base_written_monthly: bool = False


@dataclass(frozen=True)
class Inputs:
    """The offers to compare (the first is the baseline) and the years to add up."""

    offers: tuple[Offer, ...]
    years: int = 4


def _name(values: Values, position: int) -> str:
    """The offer's name, or Offer 1, Offer 2, ... by position when none is given."""
    name = values.get("name")
    return name if isinstance(name, str) and name else f"Offer {position + 1}"


def _offer_from(values: Values, base: float, monthly: bool, position: int) -> Offer:
    schedule = values.get("vesting")
    assert isinstance(schedule, str)
    return Offer(
        name=_name(values, position),
        base=base,
        bonus_target_pct=values.amount("bonus_target_pct"),
        bonus_payout_pct=values.amount("bonus_payout_pct"),
        raise_pct=values.amount("raise_pct"),
        equity_type=values.text("equity_type"),
        equity_grant=values.optional_amount("equity_grant") or 0.0,
        options_count=values.optional_integer("options_count") or 0,
        strike_price=values.optional_amount("strike_price") or 0.0,
        share_price=values.optional_amount("share_price") or 0.0,
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
        tax_rate_pct=values.optional_amount("tax_rate_pct"),
        salaries_per_year=values.integer("salaries_per_year"),
        sign_on_clawback_months=values.integer("sign_on_clawback_months"),
        base_written_monthly=monthly,
    )


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
        found: list[FieldError] = []
        if "equity_grant" in given:
            found.append(
                FieldError(
                    f"{path}equity_grant",
                    f"{prefix}{_FIELDS['equity_grant'].label}: not used with stock options; "
                    "clear it and give the number of options, the strike price and the share "
                    "price",
                )
            )
        for name in _OPTIONS_FIELDS:
            if name not in given:
                found.append(
                    FieldError(
                        f"{path}{name}",
                        f"{prefix}{_FIELDS[name].label}: required with stock options; "
                        f"enter a number like {_FIELDS[name].placeholder}",
                    )
                )
        return found
    return [
        FieldError(
            f"{path}{name}",
            f"{prefix}{_FIELDS[name].label}: only for stock options; choose stock options as the "
            "kind of equity, or clear it",
        )
        for name in _OPTIONS_FIELDS
        if name in given
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
    inputs = Inputs(offers=tuple(offers), years=values.integer("years"))
    return comparison_errors(inputs.offers, inputs.years) or inputs


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
