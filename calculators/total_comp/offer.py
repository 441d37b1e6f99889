"""Total comp's offer: each field of an offer declared once, as an attribute of
:class:`Offer`; the form's offer fieldsets, the parsing and ``read`` all come from it.

>>> [field.name for field in OFFER_FIELDS][:3]
['name', 'base', 'salaries_per_year']
>>> Offer(name="A", base=180000).vesting
(25.0, 25.0, 25.0, 25.0)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from calculators.schema import Field, Kind, Scalar, declared, fields_of, typed
from calculators.total_comp.vesting import parse_vesting, split_vesting

__all__ = ["OFFER_FIELDS", "Offer", "as_held"]

_PAY = "Salary and bonus"
_EQUITY = "Equity"
_ONE_TIME = "One-time payments"
_OTHER = "Benefits and place"


def _held(default: object, spec: Field) -> Any:
    """:func:`~calculators.schema.declared`, for a field the offer holds other than as the
    form shows it: left empty, the attribute holds ``default`` (an equity figure that
    doesn't apply is 0, where the form leaves the box empty)."""
    return dataclasses.field(default=default, metadata=declared(spec).metadata)


def _amount(label: str, help_text: str, group: str) -> Any:
    """An amount that counts as 0 unless given."""
    return declared(Field("", label, "amount", default=0.0, help=help_text, group=group))


def _percent(
    label: str,
    help_text: str,
    group: str,
    *,
    default: float = 0.0,
    minimum: float = 0,
    maximum: float = 100,
) -> Any:
    """A percent (a number of percent: 15 is 15%)."""
    return declared(
        Field(
            "",
            label,
            "percent",
            default=default,
            unit="%",
            minimum=minimum,
            maximum=maximum,
            help=help_text,
            group=group,
        )
    )


def _options(
    label: str,
    kind: Kind,
    placeholder: str,
    help_text: str,
    *,
    minimum: float | None = None,
    above_minimum: bool = False,
) -> Any:
    """A figure of a stock-option grant: asked for, and counted, only with stock options."""
    return _held(
        0 if kind == "integer" else 0.0,
        Field(
            "",
            label,
            kind,
            placeholder=placeholder,
            help=help_text,
            group=_EQUITY,
            shown_when=("equity_type", "options"),
            minimum=minimum,
            above_minimum=above_minimum,
        ),
    )


@dataclass(frozen=True, kw_only=True)
class Offer:
    """One offer's inputs, parsed (percents as numbers of percent): every field, declared
    once here, in the form's order."""

    name: str = _held(
        "",  # parsing names an offer left unnamed by its place: Offer 1, Offer 2, ...
        Field(
            "",
            "Name",
            "text",
            max_length=60,
            placeholder="e.g. Acme",
            help="A short name for this offer; left empty, it is Offer 1, Offer 2 and so on.",
            group=_PAY,
        ),
    )
    base: float = declared(
        Field(
            "",
            "Base salary",
            "amount",
            required=True,
            minimum=0,
            above_minimum=True,
            placeholder="180000",
            yearly=True,
            help="The yearly base salary, before tax. A monthly salary works too: write it like "
            "4,500/month and it is multiplied by the salaries a year below.",
            group=_PAY,
        )
    )
    salaries_per_year: int = declared(
        Field(
            "",
            "Salaries a year",
            "integer",
            default=12,
            minimum=12,
            maximum=14,
            help="How many monthly salaries a year pays: 12, or 13 or 14 where a 13th or 14th "
            "month is paid. A base written per month is multiplied by it.",
            group=_PAY,
        )
    )
    bonus_target_pct: float = _percent(
        "Target bonus", "The target bonus as a percent of base salary.", _PAY, maximum=500
    )
    bonus_payout_pct: float = _percent(
        "Expected bonus payout",
        "How much of the target you expect to be paid; 100 means the full target.",
        _PAY,
        default=100.0,
        maximum=300,
    )
    raise_pct: float = _percent(
        "Yearly raise", "The raise you expect on base salary each year after the first.", _PAY
    )
    equity_type: str = declared(
        Field(
            "",
            "Kind of equity",
            "choice",
            default="rsu",
            choices=(("rsu", "Shares or units (RSUs)"), ("options", "Stock options")),
            help="Shares or restricted stock units are worth the share price; stock options are "
            "worth what the share price is above the strike price.",
            group=_EQUITY,
        )
    )
    equity_grant: float = _held(
        0.0,
        Field(
            "",
            "Initial equity grant",
            "amount",
            placeholder="200000",
            help="What the initial grant of shares or units is worth on the day it is granted.",
            group=_EQUITY,
            shown_when=("equity_type", "rsu"),
        ),
    )
    options_count: int = _options(
        "Number of options",
        "integer",
        "20000",
        "How many options the grant gives you, over the whole vesting schedule.",
        minimum=0,
        above_minimum=True,
    )
    strike_price: float = _options(
        "Strike price",
        "amount",
        "2",
        "The price per share you pay to exercise (buy) each option.",
    )
    share_price: float = _options(
        "Share price today",
        "amount",
        "10",
        "Your estimate of what one share is worth now: the latest price investors paid "
        "for a private company, the market price for a public one.",
    )
    vesting: tuple[float, ...] = _held(
        (25.0, 25.0, 25.0, 25.0),  # the schedule as yearly percents
        Field(
            "",
            "Vesting",
            "schedule",
            default="25/25/25/25",
            unit="%",
            placeholder="25/25/25/25",
            suggestions=("25/25/25/25", "5/15/40/40", "33.3/33.3/33.4", "100"),
            parser=parse_vesting,
            help="The share of the grant that vests each year, separated by slashes, adding up "
            "to 100.",
            group=_EQUITY,
        ),
    )
    refresher_annual: float = _amount(
        "Yearly refresher grant",
        "The value of the new grant you expect at the start of every year from year 2.",
        _EQUITY,
    )
    refresher_vesting_years: int = declared(
        Field(
            "",
            "Refresher vesting",
            "integer",
            default=4,
            unit="years",
            minimum=1,
            maximum=10,
            help="Each refresher vests evenly over this many years.",
            group=_EQUITY,
        )
    )
    equity_growth_pct: float = _percent(
        "Share price growth",
        "How much you expect the share price to change each year; 0 keeps it flat.",
        _EQUITY,
        minimum=-100,
    )
    equity_discount_pct: float = _percent(
        "Equity discount",
        "A haircut for risk: private or volatile shares are worth less than cash.",
        _EQUITY,
    )
    sign_on: float = _amount("Sign-on bonus", "A one-time bonus paid in the first year.", _ONE_TIME)
    sign_on_year2: float = _amount(
        "Second-year sign-on",
        "A one-time bonus paid in the second year, if the offer splits its sign-on.",
        _ONE_TIME,
    )
    sign_on_clawback_months: int = declared(
        Field(
            "",
            "Months to keep the sign-on",
            "integer",
            default=0,
            unit="months",
            minimum=0,
            maximum=60,
            help="How many months you must stay or pay the sign-on back; 0 if you keep it "
            "whenever you leave.",
            group=_ONE_TIME,
        )
    )
    relocation: float = _amount(
        "Relocation", "A one-time relocation payment in the first year.", _ONE_TIME
    )
    unvested_left_behind: float = _amount(
        "Unvested equity left behind",
        "The unvested equity you give up by leaving your current job for this offer.",
        _ONE_TIME,
    )
    retirement_match_pct: float = _percent(
        "Retirement match",
        "What the employer adds to your retirement savings, as a percent of base salary.",
        _OTHER,
    )
    retirement_match_cap: float | None = declared(
        Field(
            "",
            "Retirement match cap",
            "amount",
            help="The most the employer adds in a year; leave empty if there is no cap.",
            group=_OTHER,
        )
    )
    other_annual: float = _amount(
        "Other yearly value",
        "Anything else you count each year, such as stipends or better benefits.",
        _OTHER,
    )
    cost_of_living_index: float = declared(
        Field(
            "",
            "Cost of living",
            "index",
            default=100.0,
            unit="",
            placeholder="100",
            minimum=1,
            maximum=1000,
            help="How expensive the place is, with 100 for the first offer's place; 120 is 20% "
            "dearer.",
            group=_OTHER,
        )
    )
    tax_rate_pct: float | None = declared(
        Field(
            "",
            "Effective tax rate",
            "percent",
            unit="%",
            minimum=0,
            maximum=90,
            placeholder="30",
            help="Your estimated effective tax rate where this offer is, from a tax calculator "
            "you trust; Walkaway keeps no tax tables. Leave it empty to compare before tax.",
            group=_OTHER,
        )
    )

    # Not a field: the base was written per month (and multiplied by salaries_per_year).
    base_written_monthly: bool = False


OFFER_FIELDS: tuple[Field, ...] = fields_of(Offer)
_DEFAULTS = {item.name: item.default for item in dataclasses.fields(Offer)}


def as_held(field: Field, value: Scalar | None) -> object:
    """A value parsed for one of the offer's fields, as the offer holds it: a schedule as
    yearly percents; nothing given as the attribute's own default.

    >>> fields = {field.name: field for field in OFFER_FIELDS}
    >>> as_held(fields["vesting"], "5/15/40/40"), as_held(fields["equity_grant"], None)
    ((5.0, 15.0, 40.0, 40.0), 0.0)
    """
    if field.kind == "schedule":
        assert isinstance(value, str), field.name
        return split_vesting(value)
    return _DEFAULTS[field.name] if value is None else typed(field, value)
