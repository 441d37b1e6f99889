"""Total comp's fields: what the form asks of each offer, and of the comparison."""

from __future__ import annotations

from calculators.schema import Field, Group
from calculators.total_comp.vesting import parse_vesting

__all__ = ["FIELDS", "GROUPS", "MAX_OFFERS", "OFFER_FIELDS"]

MAX_OFFERS = 6

_PAY = "Salary and bonus"
_EQUITY = "Equity"
_ONE_TIME = "One-time payments"
_OTHER = "Benefits and place"

OFFER_FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        "Name",
        "text",
        max_length=60,
        placeholder="e.g. Acme",
        help="A short name for this offer; left empty, it is Offer 1, Offer 2 and so on.",
        group=_PAY,
    ),
    Field(
        "base",
        "Base salary",
        "amount",
        required=True,
        minimum=0,
        above_minimum=True,
        placeholder="180000",
        yearly=True,
        help=(
            "The yearly base salary, before tax. A monthly salary works too: write it like "
            "4,500/month and it is multiplied by the salaries a year below."
        ),
        group=_PAY,
    ),
    Field(
        "salaries_per_year",
        "Salaries a year",
        "integer",
        default=12,
        minimum=12,
        maximum=14,
        help=(
            "How many monthly salaries a year pays: 12, or 13 or 14 where a 13th or 14th "
            "month is paid. A base written per month is multiplied by it."
        ),
        group=_PAY,
    ),
    Field(
        "bonus_target_pct",
        "Target bonus",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=500,
        help="The target bonus as a percent of base salary.",
        group=_PAY,
    ),
    Field(
        "bonus_payout_pct",
        "Expected bonus payout",
        "percent",
        default=100,
        unit="%",
        minimum=0,
        maximum=300,
        help="How much of the target you expect to be paid; 100 means the full target.",
        group=_PAY,
    ),
    Field(
        "raise_pct",
        "Yearly raise",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=100,
        help="The raise you expect on base salary each year after the first.",
        group=_PAY,
    ),
    Field(
        "equity_type",
        "Kind of equity",
        "choice",
        default="rsu",
        choices=(("rsu", "Shares or units (RSUs)"), ("options", "Stock options")),
        help=(
            "Shares or restricted stock units are worth the share price; stock options are "
            "worth what the share price is above the strike price."
        ),
        group=_EQUITY,
    ),
    Field(
        "equity_grant",
        "Initial equity grant",
        "amount",
        placeholder="200000",
        help="What the initial grant of shares or units is worth on the day it is granted.",
        group=_EQUITY,
        shown_when=("equity_type", "rsu"),
    ),
    Field(
        "options_count",
        "Number of options",
        "integer",
        minimum=0,
        above_minimum=True,
        placeholder="20000",
        help="How many options the grant gives you, over the whole vesting schedule.",
        group=_EQUITY,
        shown_when=("equity_type", "options"),
    ),
    Field(
        "strike_price",
        "Strike price",
        "amount",
        placeholder="2",
        help="The price per share you pay to exercise (buy) each option.",
        group=_EQUITY,
        shown_when=("equity_type", "options"),
    ),
    Field(
        "share_price",
        "Share price today",
        "amount",
        placeholder="10",
        help=(
            "Your estimate of what one share is worth now: the latest price investors paid "
            "for a private company, the market price for a public one."
        ),
        group=_EQUITY,
        shown_when=("equity_type", "options"),
    ),
    Field(
        "vesting",
        "Vesting",
        "schedule",
        default="25/25/25/25",
        unit="%",
        placeholder="25/25/25/25",
        suggestions=("25/25/25/25", "5/15/40/40", "33.3/33.3/33.4", "100"),
        parser=parse_vesting,
        help="The share of the grant that vests each year, separated by slashes, adding up to 100.",
        group=_EQUITY,
    ),
    Field(
        "refresher_annual",
        "Yearly refresher grant",
        "amount",
        default=0,
        help="The value of the new grant you expect at the start of every year from year 2.",
        group=_EQUITY,
    ),
    Field(
        "refresher_vesting_years",
        "Refresher vesting",
        "integer",
        default=4,
        unit="years",
        minimum=1,
        maximum=10,
        help="Each refresher vests evenly over this many years.",
        group=_EQUITY,
    ),
    Field(
        "equity_growth_pct",
        "Share price growth",
        "percent",
        default=0,
        unit="%",
        minimum=-100,
        maximum=100,
        help="How much you expect the share price to change each year; 0 keeps it flat.",
        group=_EQUITY,
    ),
    Field(
        "equity_discount_pct",
        "Equity discount",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=100,
        help="A haircut for risk: private or volatile shares are worth less than cash.",
        group=_EQUITY,
    ),
    Field(
        "sign_on",
        "Sign-on bonus",
        "amount",
        default=0,
        help="A one-time bonus paid in the first year.",
        group=_ONE_TIME,
    ),
    Field(
        "sign_on_year2",
        "Second-year sign-on",
        "amount",
        default=0,
        help="A one-time bonus paid in the second year, if the offer splits its sign-on.",
        group=_ONE_TIME,
    ),
    Field(
        "sign_on_clawback_months",
        "Months to keep the sign-on",
        "integer",
        default=0,
        unit="months",
        minimum=0,
        maximum=60,
        help=(
            "How many months you must stay or pay the sign-on back; 0 if you keep it "
            "whenever you leave."
        ),
        group=_ONE_TIME,
    ),
    Field(
        "relocation",
        "Relocation",
        "amount",
        default=0,
        help="A one-time relocation payment in the first year.",
        group=_ONE_TIME,
    ),
    Field(
        "unvested_left_behind",
        "Unvested equity left behind",
        "amount",
        default=0,
        help="The unvested equity you give up by leaving your current job for this offer.",
        group=_ONE_TIME,
    ),
    Field(
        "retirement_match_pct",
        "Retirement match",
        "percent",
        default=0,
        unit="%",
        minimum=0,
        maximum=100,
        help="What the employer adds to your retirement savings, as a percent of base salary.",
        group=_OTHER,
    ),
    Field(
        "retirement_match_cap",
        "Retirement match cap",
        "amount",
        help="The most the employer adds in a year; leave empty if there is no cap.",
        group=_OTHER,
    ),
    Field(
        "other_annual",
        "Other yearly value",
        "amount",
        default=0,
        help="Anything else you count each year, such as stipends or better benefits.",
        group=_OTHER,
    ),
    Field(
        "cost_of_living_index",
        "Cost of living",
        "index",
        default=100,
        unit="",
        placeholder="100",
        minimum=1,
        maximum=1000,
        help="How expensive the place is, with 100 for the first offer's place; 120 is 20% dearer.",
        group=_OTHER,
    ),
    Field(
        "tax_rate_pct",
        "Effective tax rate",
        "percent",
        unit="%",
        minimum=0,
        maximum=90,
        placeholder="30",
        help=(
            "Your estimated effective tax rate where this offer is, from a tax calculator you "
            "trust; Walkaway keeps no tax tables. Leave it empty to compare before tax."
        ),
        group=_OTHER,
    ),
)

FIELDS: tuple[Field, ...] = (
    Field(
        "years",
        "Years to compare",
        "integer",
        default=4,
        unit="years",
        minimum=1,
        maximum=10,
        help="How many years to add up; four matches the usual vesting schedule.",
        group="The comparison",
    ),
)

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
