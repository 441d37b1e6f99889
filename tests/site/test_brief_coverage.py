"""Every point of the guide brief (A1-N9) is taught on a named page.

Each brief id maps to its page and phrases that carry the point there; if a
page is rewritten and a point drops out, this fails and names it.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from calculators.scripts.page import expand
from tests.support import ROOT

BRIEF_IDS = (
    [f"A{i}" for i in range(1, 6)]
    + [f"B{i}" for i in range(1, 4)]
    + [f"C{i}" for i in range(1, 3)]
    + [f"D{i}" for i in range(1, 5)]
    + [f"E{i}" for i in range(1, 5)]
    + [f"F{i}" for i in range(1, 10)]
    + [f"G{i}" for i in range(1, 9)]
    + [f"H{i}" for i in range(1, 6)]
    + [f"I{i}" for i in range(1, 5)]
    + [f"J{i}" for i in range(1, 3)]
    + [f"K{i}" for i in range(1, 8)]
    + [f"L{i}" for i in range(1, 5)]
    + [f"M{i}" for i in range(1, 10)]
    + [f"N{i}" for i in range(1, 10)]
)

COVERAGE: dict[str, tuple[str, tuple[str, ...]]] = {
    "A1": ("know-your-numbers", ("walk-away number", "opening anchor", "counters land below the")),
    "A2": ("know-your-numbers", ("momentum bias", "decide your floor in advance", "in calm")),
    "A3": ("know-your-numbers", ("first time today", "slipped below your floor")),
    "A4": (
        "know-your-numbers",
        ("compensation-sharing sites", "salary sites", "peers and recent hires"),
    ),
    "A5": ("know-your-numbers", ("your wish number is not your floor",)),
    "B1": (
        "total-compensation",
        (
            "vesting schedule",
            "refresh policy",
            "when base won't move, this is the part with the most give",
        ),
    ),
    "B2": (
        "total-compensation",
        ("negotiate on total comp", "more room in the sign-on and the equity than in base"),
    ),
    "B3": ("total-compensation", ("usually flexible", "sometimes flexible", "rarely flexible")),
    "C1": ("before-the-offer", ("whoever names a number first", "budgeted range", "deflect first")),
    "C2": (
        "before-the-offer",
        ("researched range", "never name a single low number", "illegal for employers to ask"),
    ),
    "D1": ("when-the-offer-comes", ("don't accept on the spot", "ask for a few days")),
    "D2": ("when-the-offer-comes", ("get the breakdown in writing", "vesting schedule")),
    "D3": (
        "when-the-offer-comes",
        ("one specific, justified total-comp number", "if base is capped"),
    ),
    "D4": (
        "when-the-offer-comes",
        ("always counter at least once", "five-figure sum", "silence is what costs money"),
    ),
    "E1": (
        "leverage",
        (
            "competing offer is the strongest lever",
            "cluster your interviews",
            "start the process you want most last",
        ),
    ),
    "E2": ("leverage", ("never fabricate an offer", "compare notes", "final rounds")),
    "E3": ("leverage", ("exploding offers", "a day, two days, sometimes a week", "yellow flag")),
    "E4": ("leverage", ("level usually beats pay", "after six months, in writing")),
    "F1": ("scripts", ("what are you expecting?", "budgeted range for this position")),
    "F2": ("scripts", ("give a range when pressed", "in total compensation")),
    "F3": ("scripts", ("ask for time after the offer", "come back to you by [day, date]")),
    "F4": (
        "scripts",
        ("counter on the phone", "looking for total compensation of [$anchor] a year"),
    ),
    "F5": (
        "scripts",
        (
            "counter by email",
            "subject: [your name]: thoughts on the [role title] offer",
            "ready to sign",
            "only if you're leaving unvested equity behind",
        ),
    ),
    "F6": (
        "scripts",
        (
            "use a competing offer honestly",
            "if you can reach [$anchor] a year",
            "ready to sign",
            "my last interviews with another company",
            "only if it's true",
        ),
    ),
    "F7": (
        "scripts",
        (
            "extend an exploding offer",
            "would [day, date] work as the deadline",
            "only if you have other processes running",
        ),
    ),
    "F8": (
        "scripts",
        ("close warmly once the offer improves", "put all of that in writing"),
    ),
    "F9": (
        "scripts",
        (
            "walk away without burning the bridge",
            "it names no number and no gap",
            "stay in touch",
            "please do reach out",
        ),
    ),
    "G1": (
        "when-to-walk",
        ("two questions, not one", "everything else about the role", "trade off"),
    ),
    "G2": (
        "when-to-walk",
        ("strong role, small gap", "weak role, big gap", "the hard cases are on the diagonals"),
    ),
    "G3": (
        "when-to-walk",
        (
            "real reasons to walk",
            "two counters in, the offer is still under your hard floor",
            "a gut signal you can spell out",
        ),
    ),
    "G4": (
        "when-to-walk",
        ("reasons that only feel like reasons", "tired of interviewing", "internal friction"),
    ),
    "G5": (
        "when-to-walk",
        ("preview of how it will deliver", "one-sided concession demands", "scope drift"),
    ),
    "G6": ("when-to-walk", ("signs of an impasse", "diminishing returns", "simply incompatible")),
    "G7": (
        "when-to-walk",
        ("walking is not a bluff", "within a minute of saying it", "use other pressure instead"),
    ),
    "G8": ("when-to-walk", ("walking away is for real misses", "courage means stopping")),
    "H1": (
        "walking-well",
        ("short, specific, warm, and in writing", "by email rather than on the phone", "forwarded"),
    ),
    "H2": (
        "walking-well",
        ("acknowledge what they did well", "state the one concrete reason", "leave the door open"),
    ),
    "H3": (
        "walking-well",
        (
            "a lecture on market rates",
            "a final demand dressed as a walk-away",
            "if you can reach $x, i'll reconsider",
        ),
    ),
    "H4": (
        "walking-well",
        (
            "name the person you want to keep",
            "who you want to keep in touch with, by name",
        ),
    ),
    "H5": (
        "walking-well",
        ("sometimes a walk-away reopens the talks", "months later", "respond constructively"),
    ),
    "I1": ("what-walking-costs", ("six to ten weeks", "comparable offer", "soft market")),
    "I2": (
        "what-walking-costs",
        (
            "this guide plans on two to four",
            "how a miss grows",
            "reasoning, not a measured finding",
        ),
    ),
    "I3": (
        "what-walking-costs",
        (
            "three months or less",
            "nothing to feel guilty about",
            "six months or more",
            "four months of runway",
        ),
    ),
    "I4": (
        "what-walking-costs",
        ("rarely works out cheaper than waiting", "unless your runway is short"),
    ),
    "J1": (
        "when-to-stop",
        ("meaningful improvement", "signals the edge", "usually burns goodwill"),
    ),
    "J2": ("when-to-stop", ("close warmly and decisively", "final offer in writing")),
    "K1": ("common-mistakes", ("putting a low number on the table first",)),
    "K2": ("common-mistakes", ("accepting at once", "fear of looking")),
    "K3": ("common-mistakes", ("no data and no leverage", "can you do better")),
    "K4": ("common-mistakes", ("bluffing a competing offer",)),
    "K5": (
        "common-mistakes",
        ("being adversarial", "making your case to whoever signs off on pay"),
    ),
    "K6": (
        "common-mistakes",
        ("negotiating only base", "equity grant or a sign-on bonus had far more room"),
    ),
    "K7": ("common-mistakes", ("negotiating forever",)),
    "L1": ("index", ("opening of a conversation", "highest value per minute")),
    "L2": ("when-to-walk", ("strategic prudence",)),
    "L3": ("when-to-walk", ("your willingness to walk", "compound across a career")),
    "L4": ("about", ("general career information", "not financial, legal or tax advice")),
    "M1": (
        "next-48-hours",
        (
            "your next 48 hours",
            "ask for the whole offer in writing",
            "write down your three numbers",
            "total compensation calculator",
            "counter once, with one number",
            "extend an exploding offer",
        ),
    ),
    "M2": (
        "start-date-and-time-off",
        (
            "a later start date",
            "an extra week",
            "base is capped",
            "a strong role with a small gap",
            "subject: [role title] offer: start date and time off",
        ),
    ),
    "M3": (
        "after-you-said-yes",
        (
            "the narrow case: something material changed",
            "before you signed",
            "the wide case",
            "can cost you the offer",
        ),
    ),
    "M4": (
        "counteroffers",
        (
            "gone within a year",
            "the reasons you started looking",
            "how to weigh it",
            "saying no to it, and keeping the bridge",
        ),
    ),
    "M5": (
        "no-competing-offer",
        (
            "your willingness to walk",
            "a process in its final rounds",
            "market data",
            "the fit they've already seen",
            "the counter, with no other offer",
        ),
    ),
    "M6": (
        "pushback",
        (
            '"this is the top of the band"',
            '"we need an answer today"',
            '"what are you making now?"',
            '"this is the best i can get approved"',
            '"can you send us the other offer?"',
        ),
    ),
    "M7": (
        "private-company-equity",
        (
            "strike price",
            "cash to exercise",
            "you can't sell",
            "choosing a risk discount",
            "handles both kinds of grant",
        ),
    ),
    "M8": (
        "taxes",
        (
            "a pre-tax comparison can mislead",
            "effective tax rate",
            "a tax calculator you trust",
            "walkaway keeps no tax tables",
        ),
    ),
    "M9": (
        "outside-the-us",
        (
            "way salaries are negotiated in the united states",
            "pay-history bans",
            "401(k)",
            "at-will",
            "what to check where you are",
        ),
    ),
    "N1": (
        "know-your-numbers",
        (
            "what the floor decides",
            "the one exception",
            "no more than 5% under your floor",
            "however many rounds",
        ),
    ),
    "N2": (
        "what-walking-costs",
        (
            "this guide plans on six to ten weeks",
            "that is a planning figure",
            "current population survey",
            "half of those searches had already run longer than the median",
            "your runway is, in effect, that job",
        ),
    ),
    "N3": (
        "what-walking-costs",
        ("that is reasoning, not a measured finding", "here is how a miss grows, as an example"),
    ),
    "N4": (
        "how-the-calculators-decide",
        (
            "3 (fine)",
            "so strong, not weak",
            "my gut says don't take it",
            "at least three words",
            "the short-runway caution",
        ),
    ),
    "N5": (
        "scripts",
        (
            "never rounded up",
            "use it only when that offer is higher than this one",
            "only if it's true",
            "[$target] to [$anchor]",
            "[anything else agreed]",
        ),
    ),
    "N6": (
        "leverage",
        ("exploding offers", "pressure tactic", "flatly refuses", "yellow flag"),
    ),
    "N8": (
        "index",
        (
            "several offers at once",
            "(a down-level)",
            "what the offer depends on",
            "benefits that are money",
            "severance, vesting acceleration, a first-year bonus",
            "a raise at your current job",
            "your first job out of school",
            "taxes.md#across-countries",
            "an espp, isos or nsos, an 83(b) election, a tender offer",
        ),
    ),
    "N9": (
        "next-48-hours",
        (
            "only 24 hours?",
            "the band in one evening",
            "if the deadline is here and the written offer isn't",
        ),
    ),
    "N7": (
        "glossary",
        (
            "band",
            "anchor",
            "calibrated counter",
            "tranche",
            "spread",
            "strike price",
            "409a price",
            "refresher",
            "vesting cliff",
            "make-whole",
            "step-down",
        ),
    ),
}


@cache
def page_text(page: str) -> str:
    """A page's Markdown as the build reads it (the scripts page's scripts in place of
    their markers), lowercased, with emphasis marks and line breaks flattened."""
    text = expand((ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")).lower()
    text = text.replace("’", "'").replace("**", "").replace("==", "")
    return re.sub(r"\s+", " ", text)


def test_every_brief_point_is_mapped() -> None:
    """The map names a page for every id of the brief, and no other ids."""
    assert sorted(COVERAGE) == sorted(BRIEF_IDS)


@pytest.mark.parametrize("point", BRIEF_IDS)
def test_point_is_taught_on_its_page(point: str) -> None:
    """The page mapped to a brief point carries its key phrases."""
    page, phrases = COVERAGE[point]
    missing = [phrase for phrase in phrases if phrase not in page_text(page)]
    assert missing == [], f"{point} on {page}.md"


@pytest.mark.parametrize("page", sorted({page for page, _ in COVERAGE.values()}))
def test_mapped_pages_are_in_the_nav(page: str) -> None:
    """Every page the map names is in mkdocs.yml's navigation."""
    assert f"{page}.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
