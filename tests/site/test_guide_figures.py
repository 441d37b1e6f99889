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
from calculators.scripts.page import expand
from tests.support import ROOT

WORKED: dict[str, object] = {
    "base": 180000,
    "bonus_target_pct": 15,
    "equity_grant": 200000,
    "sign_on": 30000,
}
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
    (
        "how-the-calculators-decide",
        "Gap 4.44% (small), role score 3.83",
        "walk",
        WALK_PAGE,
        "gap_pct",
        4.44,
    ),
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
    (
        "taxes",
        "$144,400",
        "total-comp",
        offers(OFFER_A, OFFER_B),
        "offers.0.after_tax_average_annual",
        144400,
    ),
    (
        "taxes",
        "$140,000",
        "total-comp",
        offers(OFFER_A, OFFER_B),
        "offers.1.after_tax_average_annual",
        140000,
    ),
    (
        "taxes",
        "$577,600",
        "total-comp",
        offers(OFFER_A, OFFER_B),
        "offers.0.after_tax_total",
        577600,
    ),
    (
        "taxes",
        "$560,000",
        "total-comp",
        offers(OFFER_A, OFFER_B),
        "offers.1.after_tax_total",
        560000,
    ),
    (
        "taxes",
        "After tax, A leads",
        "total-comp",
        offers(OFFER_A, OFFER_B),
        "ranking_after_tax.0",
        "Offer A",
    ),
    (
        "taxes",
        "Before tax, B leads",
        "total-comp",
        offers(OFFER_A, OFFER_B),
        "ranking.0",
        "Offer B",
    ),
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
        "Both are equity step-downs",
        "total-comp",
        offers(BACK_LOADED, years=5),
        "offers.0.cliffs.0.cause",
        "equity",
    ),
]


@cache
def page_text(page: str) -> str:
    text = expand((ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")).replace("**", "")
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


# --- Figures stated as fact carry a footnote whose source says them --------------------
#
# A figure is a money amount, a percentage, or a span of time ("9.5 weeks", "six to ten
# weeks"). Each one on a page is one of three things:
#   - a fact about the world: listed in SOURCED with the footnote that sources it, which
#     must sit in the same paragraph;
#   - what the calculators compute: listed in FIGURES above;
#   - the guide's own rule, plan or worked example ("say your floor is..."): listed, page
#     by page, in NOT_FACTS.
# A new figure that is none of these fails, so it can't slip in unsourced.

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty"
    "|thirty|sixty|ninety|a few|several"
)
FIGURE = re.compile(
    r"\$\d[\d,]*(?:\.\d+)?(?<![.,])"  # money
    r"|\d[\d,]*(?:\.\d+)?\s?%"  # a percentage
    rf"|\b(?:\d[\d,.]*|{NUMBER_WORDS})(?:\s?(?:to|-|–|or)\s?(?:\d[\d,.]*|{NUMBER_WORDS}))?"
    r"\s(?:hours?|days?|weeks?|months?|years?)\b",  # a span of time
    re.IGNORECASE,
)

# (page, text as written, footnote id): each a fact about the world, and its source.
SOURCED: list[tuple[str, str, str]] = [
    ("what-walking-costs", "9.5 weeks", "cps-duration"),
    ("what-walking-costs", "21.4 weeks", "cps-duration"),
    ("leverage", "a day, two days, sometimes a week", "exploding"),
    ("when-the-offer-comes", "about half of employers", "room"),
    ("when-the-offer-comes", "about 1,500 managers", "rescind"),
    ("before-the-offer", "illegal for employers to ask", "history-bans"),
    ("pushback", "aren't allowed to ask at all", "history-bans"),
    ("total-compensation", "very often four", "four-years"),
    ("private-company-equity", "often 90 days", "expiry"),
    ("counteroffers", "three and a half years", "survey"),
    ("counteroffers", "(80%, 90%)", "no-study"),
    ("outside-the-us", "7 June 2026", "eu"),
    ("taxes", "Texas and Washington among", "no-income-tax"),
    ("equity-in-depth", "four years with a one-year vesting cliff", "four-year-vesting"),
    ("equity-in-depth", "85% of the share's value", "espp"),
    ("equity-in-depth", "$25,000 worth of stock a year", "espp"),
    ("equity-in-depth", "within 30 days of the date", "83b"),
    ("equity-in-depth", "often within 90 days", "expiry"),
    ("benefits", "what your employer puts in counts towards it", "hsa-employer"),
    ("benefits", "$4,400 for self-only cover", "hsa-limits"),
    ("benefits", "$8,750 for family cover", "hsa-limits"),
    ("benefits", "What you put in yourself is always yours", "match-vesting"),
    ("benefits", "all of it after three years of service", "match-vesting"),
    ("benefits", "20% after two years and 20% more each year after", "match-vesting"),
    ("offer-conditions", "get your written permission first", "ftc-checks"),
    ("offer-conditions", "without waiting for the approval", "h1b"),
    ("offer-conditions", "you generally can't start until the petition", "h1b-change"),
    ("senior-terms", "no federal law requires it", "severance"),
    ("senior-terms", "based on how long you've worked there", "severance"),
    ("senior-terms", "Double trigger is the more common of the two", "acceleration"),
    ("taxes", "contributions that employees pay alongside income tax", "oecd"),
]

# Figures that are the guide's rules, plans or worked examples, not claims about the
# world, page by page (each as FIGURE finds it, lowercased): the three numbers of the
# running example, the floor's 5% exception, the runway bands, the six-to-ten-week
# planning figure, the calculators' inputs and the arithmetic worked from them. Adding a
# figure here says "this is ours, not a fact about the world": write it as such on the page.
NOT_FACTS: dict[str, str] = {
    "after-you-said-yes": "three days",
    "before-the-offer": "$170,000|$210,000|$230,000|$40,000",
    "benefits": "$150|$3,600|$450|6%|two or three years",
    "common-mistakes": "a few days",
    "counteroffers": "six months",
    "first-job": "48 hours|a few days",
    "glossary": "10%",
    "how-the-calculators-decide": (
        "$1,000|$150,000|$171,000|$172,000|$176,000|$178,200|$185,400|$199,500|$2,000|"
        "$200,000|$207,000|$21,600|$22,248|$22,915.44|$287,000|$3,000|$3,046.15|$3,500|"
        "$30,000|$4,000|$40,000|$44,000|$5,000|$50,000|$55,000|$6,000|$60,500|$66,763.44|"
        "$7,200|$80,000|1 to 10 years|1%|1.38 to 2.31 months|10%|10.45%|100%|12%|"
        "120 months|15%|2%|2.08 to 3.46 months|2.22%|2.5 months|2.69 months|20%|25%|"
        "3 months|3%|4 months|5 months|5%|6 months|6 to 10 weeks|8 months|80%|"
        "9 to 15 weeks|90%|a few months|five years|four years|one week|three months|"
        "three years"
    ),
    "index": "$180,000|$210,000|$230,000|48 hours|a few days|two days",
    "know-your-numbers": (
        "$172,000|$176,000|$180,000|$190,000|$20,000|$210,000|$230,000|$235,000|5%|three months"
    ),
    "leverage": "a few days|six months|three weeks",
    "next-48-hours": "24 hours|48 hours|5%",
    "outside-the-us": "several years",
    "private-company-equity": (
        "$120,000|$165,000|$18,000|$180,000|$20,000|$30,000|$4|$6|0%|10%|100%|50%|four years"
    ),
    "plan": "48 hours",
    "pushback": "5%",
    "scripts": "25%|48 hours|four years",
    "start-date-and-time-off": "$180,000|$3,460|a few years|two weeks",
    "taxes": "$10,000|$190,000|$200,000|$4,400|24%|30%|90%|four years",
    "total-compensation": (
        "$10,000|$12,500|$180,000|$185,000|$20,000|$200,000|$25,000|$27,000|$30,000|"
        "$37,500|$40,000|$60,000|$80,000|0%|10%|100%|15%|2%|26%|five years|four years|"
        "several years|two years"
    ),
    "what-walking-costs": (
        "$1,000|$10,000|$135,000|$15,000|$15,450|$15,913.50|$150,000|$158,400|$180,000|"
        "$2,000|$21,600|$22,248|$22,915.44|$3,046.15|$30,000|$4,000|$5,000|$6,000|10%|"
        "12%|22 weeks|3 years|3%|5%|four months|nine to fifteen weeks|one week|one year|"
        "six months|six to ten weeks|ten weeks|three months|three years"
    ),
    "when-the-offer-comes": (
        "$12,000|$160,000|$170,000|$240,000|$250,000|10%|3%|48 hours|a few days|"
        "four years|three years|two days"
    ),
    "when-to-stop": "5%",
    "when-to-walk": "40%|5%|three months|two weeks|two years",
}


def prose_paragraphs(page: str) -> list[str]:
    """The page's paragraphs, without front matter, fenced blocks, footnote definitions
    and abbreviation definitions, each with its lines joined. The scripts page's
    placeholder table is read as the build makes it, from calculators/scripts."""
    text = expand((ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8"))
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"^\s*```.*?^\s*```", "", text, flags=re.DOTALL | re.MULTILINE)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        if re.match(r"\s*(?:\[\^[^\]]+\]:|\*\[)", block):
            continue
        paragraphs.append(re.sub(r"\s+", " ", block.replace("**", "")).strip())
    return [p for p in paragraphs if p]


def figures_in(paragraph: str) -> list[str]:
    return [re.sub(r"\s+", " ", m.group(0)).lower() for m in FIGURE.finditer(paragraph)]


def engine_figures(page: str) -> set[str]:
    """The figures inside the texts FIGURES checks against the engine, for one page."""
    return {f for row in FIGURES if row[0] == page for f in figures_in(row[1])}


PAGES = sorted(path.stem for path in (ROOT / "docs").glob("*.md"))


def footnote(page: str, name: str) -> str:
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    match = re.search(rf"^\[\^{re.escape(name)}\]:(.*?)(?=^\S|\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"no footnote [^{name}] on {page}.md"
    return match.group(1)


@pytest.mark.parametrize(("page", "text", "note"), SOURCED, ids=[f"{r[0]}:{r[1]}" for r in SOURCED])
def test_a_fact_sits_with_its_footnote(page: str, text: str, note: str) -> None:
    """The fact is on the page, its footnote is cited in the same paragraph, and the
    footnote names a public address."""
    paragraphs = [p for p in prose_paragraphs(page) if text in p]
    assert paragraphs, f"{text!r} is not on {page}.md"
    assert all(f"[^{note}]" in p for p in paragraphs), f"{text!r} without [^{note}]"
    assert re.search(r"<https?://[^>\s]+>", footnote(page, note))


@pytest.mark.parametrize("page", PAGES)
def test_every_figure_is_sourced_computed_or_the_guides_own(page: str) -> None:
    """A figure in a paragraph with no footnote is either an engine figure or one of the
    page's own rules and examples: a new, unsourced figure fails here."""
    allowed = set(NOT_FACTS.get(page, "").split("|")) | engine_figures(page)
    unexplained = sorted(
        {
            figure
            for paragraph in prose_paragraphs(page)
            if "[^" not in paragraph
            for figure in figures_in(paragraph)
        }
        - allowed
    )
    assert unexplained == [], f"{page}.md: source these, or list them in NOT_FACTS"
