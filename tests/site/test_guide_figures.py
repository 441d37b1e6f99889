"""Figures the guide quotes agree with what the calculators compute.

Each row: the page, the text as written there, and the calculator inputs and
result path that produce that figure. If the engine or the prose changes, the
two can't silently disagree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

import pytest

from calculators.api import run
from tests.support import ROOT

WORKED: dict[str, object] = {"base": 180000, "bonus_target_pct": 15, "equity_grant": 200000, "sign_on": 30000}
BACK_LOADED = {**WORKED, "vesting": "5/15/40/40"}
RUNWAY_PAGE: dict[str, object] = {
    "savings": 10000,
    "monthly_expenses": 5000,
    "monthly_income": 1000,
    "benefit_monthly": 2000,
    "benefit_months": 3,
    "offer": 158400,
    "floor": 180000,
}
WALK_PAGE: dict[str, object] = {
    "offer": 172000,
    "floor": 180000,
    "target": 195000,
    "scope": 4,
    "manager": 5,
    "team": 4,
    "growth": 4,
    "location": 3,
    "equity_quality": 3,
}


PUBLIC_RSU: dict[str, object] = {"base": 180000, "bonus_target_pct": 10, "equity_grant": 120000}
STARTUP: dict[str, object] = {
    "base": 165000,
    "equity_type": "options",
    "options_count": 20000,
    "strike_price": 2,
    "share_price": 6,
    "equity_discount_pct": 50,
}
OFFER_A: dict[str, object] = {"name": "Offer A", "base": 190000, "tax_rate_pct": 24}
OFFER_B: dict[str, object] = {"name": "Offer B", "base": 200000, "tax_rate_pct": 30}


def offers(*offer: Mapping[str, object], years: int = 4) -> dict[str, object]:
    return {"offers": list(offer), "years": years}


# (page, text on the page, calculator, inputs, result path, value)
FIGURES: list[tuple[str, str, str, Mapping[str, object], str, object]] = [
    (
        "total-compensation",
        "$287,000",
        "total-comp",
        offers(WORKED),
        "offers.0.years.0.total",
        287000,
    ),
    (
        "total-compensation",
        "$257,000",
        "total-comp",
        offers(WORKED),
        "offers.0.years.1.total",
        257000,
    ),
    # The page's calculator block runs over five years, and so does its prose.
    (
        "total-compensation",
        "$1,265,000",
        "total-comp",
        offers(WORKED, years=5),
        "offers.0.total",
        1265000,
    ),
    (
        "total-compensation",
        "$1,265,000",
        "total-comp",
        offers(BACK_LOADED, years=5),
        "offers.0.total",
        1265000,
    ),
    (
        "total-compensation",
        "$247,000",
        "total-comp",
        offers(BACK_LOADED),
        "offers.0.years.0.total",
        247000,
    ),
    (
        "total-compensation",
        "$237,000",
        "total-comp",
        offers(BACK_LOADED),
        "offers.0.years.1.total",
        237000,
    ),
    (
        "total-compensation",
        "$207,000",
        "total-comp",
        offers(BACK_LOADED, years=5),
        "offers.0.years.4.total",
        207000,
    ),
    (
        "total-compensation",
        "27.9%",
        "total-comp",
        offers(BACK_LOADED, years=5),
        "offers.0.cliffs.0.drop_pct",
        27.87,
    ),
    (
        "total-compensation",
        "19.5%",
        "total-comp",
        offers(WORKED, years=5),
        "offers.0.cliffs.1.drop_pct",
        19.46,
    ),
    (
        "total-compensation",
        "10.45%",
        "total-comp",
        offers(WORKED),
        "offers.0.cliffs.0.drop_pct",
        10.45,
    ),
    (
        "total-compensation",
        "$253,000 a year on average",
        "total-comp",
        offers(WORKED, years=5),
        "offers.0.average_annual",
        253000,
    ),
    (
        "total-compensation",
        "$202,400",
        "total-comp",
        offers({**WORKED, "cost_of_living_index": 125}, years=5),
        "offers.0.adjusted_average_annual",
        202400,
    ),
    (
        "how-the-calculators-decide",
        "$1,058,000",
        "total-comp",
        offers(WORKED),
        "offers.0.total",
        1058000,
    ),
    (
        "how-the-calculators-decide",
        "$264,500",
        "total-comp",
        offers(WORKED),
        "offers.0.average_annual",
        264500,
    ),
    (
        "how-the-calculators-decide",
        "$211,600",
        "total-comp",
        offers({**WORKED, "cost_of_living_index": 125}),
        "offers.0.adjusted_average_annual",
        211600,
    ),
    (
        "private-company-equity",
        "= $228,000 a year",
        "total-comp",
        offers({"base": 180000, "bonus_target_pct": 10, "equity_grant": 120000}),
        "offers.0.average_annual",
        228000,
    ),
    (
        "total-compensation",
        "$50,000 short",
        "total-comp",
        offers({**WORKED, "unvested_left_behind": 80000}),
        "offers.0.make_whole_gap",
        50000,
    ),
    (
        "when-the-offer-comes",
        "$227,000 a year",
        "total-comp",
        offers({"base": 170000, "bonus_target_pct": 10, "equity_grant": 160000}),
        "offers.0.average_annual",
        227000,
    ),
    (
        "when-the-offer-comes",
        "$37,091",
        "runway",
        {"savings": 30000, "monthly_expenses": 6000, "offer": 168000, "floor": 180000},
        "anchoring.cost",
        37090.8,
    ),
    ("what-walking-costs", "the runway is 4 months", "runway", RUNWAY_PAGE, "runway_months", 4.0),
    ("what-walking-costs", "1.69 months", "runway", RUNWAY_PAGE, "cushion_months", 1.69),
    ("what-walking-costs", "$66,763.44", "runway", RUNWAY_PAGE, "anchoring.cost", 66763.44),
    (
        "what-walking-costs",
        "21.92 weeks",
        "runway",
        RUNWAY_PAGE,
        "anchoring.break_even_weeks",
        21.92,
    ),
    (
        "what-walking-costs",
        "$46,363.50",
        "runway",
        {"savings": 1, "monthly_expenses": 1, "offer": 135000, "floor": 150000},
        "anchoring.cost",
        46363.5,
    ),
    (
        "what-walking-costs",
        "that is 5 months",
        "runway",
        {"savings": 30000, "monthly_expenses": 6000},
        "runway_months",
        5.0,
    ),
    (
        "what-walking-costs",
        "1.38 to 2.31 months",
        "runway",
        {"savings": 1, "monthly_expenses": 1},
        "search_months",
        [1.38, 2.31],
    ),
    (
        "what-walking-costs",
        "2.08 to 3.46 months",
        "runway",
        {"savings": 1, "monthly_expenses": 1, "soft_market": True},
        "search_months",
        [2.08, 3.46],
    ),
    ("when-to-walk", "about 4.4% below the floor", "walk", WALK_PAGE, "gap_pct", 4.44),
    ("how-the-calculators-decide", "Gap 4.44% (small), role score 3.83", "walk", WALK_PAGE, "gap_pct", 4.44),
    (
        "how-the-calculators-decide",
        "Gap 4.44% (small), role score 3.83",
        "walk",
        WALK_PAGE,
        "role_score",
        3.83,
    ),
    (
        "how-the-calculators-decide",
        "27.87%",
        "total-comp",
        offers(BACK_LOADED, years=5),
        "offers.0.cliffs.0.drop_pct",
        27.87,
    ),
    (
        "how-the-calculators-decide",
        "21.92 weeks",
        "runway",
        {"savings": 1, "monthly_expenses": 1, "offer": 158400, "floor": 180000},
        "anchoring.break_even_weeks",
        21.92,
    ),
    # The revised rules (spec, 2026-12-02), quoted in words on the pages.
    (
        "private-company-equity",
        "$175,000",
        "total-comp",
        offers(PUBLIC_RSU, STARTUP),
        "offers.1.average_annual",
        175000,
    ),
    (
        "private-company-equity",
        "$10,000 after it",
        "total-comp",
        offers(PUBLIC_RSU, STARTUP),
        "offers.1.years.0.equity",
        10000,
    ),
    (
        "private-company-equity",
        "5,000 × $2 = $10,000",
        "total-comp",
        offers(PUBLIC_RSU, STARTUP),
        "offers.1.years.0.exercise_cost",
        10000,
    ),
    (
        "private-company-equity",
        "$228,000",
        "total-comp",
        offers(PUBLIC_RSU, STARTUP),
        "offers.0.average_annual",
        228000,
    ),
    (
        "private-company-equity",
        "the startup reaches $185,000",
        "total-comp",
        offers({**STARTUP, "equity_discount_pct": 0}),
        "offers.0.average_annual",
        185000,
    ),
    (
        "private-company-equity",
        "only worth $1.50",
        "total-comp",
        offers({**STARTUP, "share_price": 1.5}),
        "offers.0.years.0.equity",
        0,
    ),
    (
        "how-the-calculators-decide",
        "5,000 × ($6 − $2) = $20,000 a year",
        "total-comp",
        offers({**STARTUP, "equity_discount_pct": 0}),
        "offers.0.years.0.equity",
        20000,
    ),
    (
        "how-the-calculators-decide",
        "with a 50% discount, $10,000",
        "total-comp",
        offers(STARTUP),
        "offers.0.years.0.equity",
        10000,
    ),
    (
        "how-the-calculators-decide",
        "$250,000 against $246,000 is a 1.6% difference, a close call",
        "total-comp",
        offers({"base": 250000}, {"base": 246000}),
        "close_call",
        True,
    ),
    (
        "how-the-calculators-decide",
        "$250,000 against $240,000 is 4%, not one",
        "total-comp",
        offers({"base": 250000}, {"base": 240000}),
        "close_call",
        False,
    ),
    (
        "how-the-calculators-decide",
        "Offer $190,000, floor $180,000, nothing rated, no counters yet.",
        "walk",
        {"offer": 190000, "floor": 180000},
        "then_accept",
        True,
    ),
    (
        "how-the-calculators-decide",
        "Offer $190,000, floor $180,000, nothing rated, no counters yet.",
        "walk",
        {"offer": 190000, "floor": 180000},
        "rated",
        0,
    ),
    (
        "how-the-calculators-decide",
        "an offer of $190,000 gives",
        "walk",
        {"offer": 190000, "floor": 180000},
        "counter_to",
        200000,
    ),
    (
        "how-the-calculators-decide",
        "Offer $158,400, floor $180,000, runway 2 months, another offer in final rounds.",
        "walk",
        {"offer": 158400, "floor": 180000, "runway_months": 2, "other_options": True},
        "rule",
        "strong-big",
    ),
    ("taxes", "$144,400", "total-comp", offers(OFFER_A, OFFER_B), "offers.0.after_tax_average_annual", 144400),
    ("taxes", "$140,000", "total-comp", offers(OFFER_A, OFFER_B), "offers.1.after_tax_average_annual", 140000),
    ("taxes", "$577,600", "total-comp", offers(OFFER_A, OFFER_B), "offers.0.after_tax_total", 577600),
    ("taxes", "$560,000", "total-comp", offers(OFFER_A, OFFER_B), "offers.1.after_tax_total", 560000),
    ("taxes", "After tax, A leads", "total-comp", offers(OFFER_A, OFFER_B), "ranking_after_tax.0", "Offer A"),
    ("taxes", "Before tax, B leads", "total-comp", offers(OFFER_A, OFFER_B), "ranking.0", "Offer B"),
    (
        "total-compensation",
        "$930,000 of the five-year total is guaranteed",
        "total-comp",
        offers(WORKED, years=5),
        "offers.0.guaranteed_total",
        930000,
    ),
    (
        "total-compensation",
        "it's a close call",
        "total-comp",
        offers(WORKED, BACK_LOADED, years=5),
        "close_call",
        True,
    ),
    (
        "total-compensation",
        "it's the sign-on ending",
        "total-comp",
        offers(WORKED, years=5),
        "offers.0.cliffs.0.cause",
        "one-time",
    ),
    (
        "total-compensation",
        "Both are equity cliffs",
        "total-comp",
        offers(BACK_LOADED, years=5),
        "offers.0.cliffs.0.cause",
        "equity",
    ),
]


@cache
def page_text(page: str) -> str:
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8").replace("**", "")
    return re.sub(r"\s+", " ", text)


def dig(result: object, path: str) -> object:
    for key in path.split("."):
        if isinstance(result, list):
            result = result[int(key)]
        else:
            assert isinstance(result, dict)
            result = result[key]
    return result


@pytest.mark.parametrize(
    ("page", "text", "calculator", "inputs", "path", "value"),
    FIGURES,
    ids=[f"{row[0]}:{row[1]}" for row in FIGURES],
)
def test_quoted_figure_is_what_the_engine_computes(
    page: str, text: str, calculator: str, inputs: Mapping[str, object], path: str, value: object
) -> None:
    """The page states the figure, and the calculator computes exactly it."""
    assert text in page_text(page)
    answer = run(calculator, inputs)
    assert answer["ok"] is True, answer
    assert dig(answer["result"], path) == value
