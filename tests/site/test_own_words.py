"""The guide is written in its own words, not pasted from the brief or its sources.

The brief (../shared/guide-brief.md) is a checklist of facts, never copy, and the seeds
(../shared/seeds/, the four texts the project was started from) are sources of ideas,
never of sentences. A page that shares a run of eight consecutive words with the brief,
or of six with a seed, has borrowed a sentence; the only exceptions are the few fixed
phrases in ALLOWED. The seeds get the shorter run because a sentence that follows a seed
closely, with a word or two changed, still shares six in a row.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from calculators.scripts.page import expand
from tests.support import ROOT

SHARED = ROOT.parent / "shared"
BRIEF = SHARED / "guide-brief.md"
SEEDS = SHARED / "seeds"
RUN = 8  # against the brief
SEED_RUN = 6  # against the seeds

# Fixed phrases, not prose: a disclaimer, a recruiter's line quoted as heard, the names
# of sources and of the calculator's inputs, and page titles a sentence can't avoid.
ALLOWED = (
    "general career information, not financial, legal or tax advice",
    "this is the best I can get approved",
    "job openings and labor turnover survey",
)

PAGES = sorted(path.name for path in (ROOT / "docs").glob("*.md"))


def words(text: str) -> list[str]:
    """Lowercase word tokens, with curly apostrophes made straight."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def runs(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive tokens."""
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def allowed(size: int) -> frozenset[tuple[str, ...]]:
    return frozenset(run for phrase in ALLOWED for run in runs(words(phrase), size))


@cache
def brief_runs() -> frozenset[tuple[str, ...]]:
    """The brief's runs, or a skip when the brief is not beside the repository."""
    if not BRIEF.is_file():
        pytest.skip(f"no brief at {BRIEF}: the check needs the shared workspace")
    return frozenset(runs(words(BRIEF.read_text(encoding="utf-8")), RUN))


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@cache
def seed_runs() -> dict[tuple[str, ...], str]:
    """Each seed's runs, mapped to the seed's file name, or a skip without the seeds."""
    if not seed_files():
        pytest.skip(f"no seeds in {SEEDS}: the check needs the shared workspace")
    found: dict[tuple[str, ...], str] = {}
    for path in seed_files():
        for run in runs(words(path.read_text(encoding="utf-8")), SEED_RUN):
            found.setdefault(run, path.name)
    return found


def page_tokens(page: str) -> list[str]:
    """The page's words as a reader gets them: with its scripts and placeholder table,
    which the build takes from calculators/scripts."""
    return words(expand((ROOT / "docs" / page).read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES)
def test_page_shares_no_run_of_words_with_the_brief(page: str) -> None:
    """No run of eight words on the page is copied from the brief, bar ALLOWED phrases."""
    shared = sorted(
        " ".join(r) for r in (runs(page_tokens(page), RUN) & brief_runs()) - allowed(RUN)
    )
    assert shared == [], f"{page} repeats the brief word for word"


@pytest.mark.parametrize("page", PAGES)
def test_page_shares_no_run_of_words_with_a_seed(page: str) -> None:
    """No run of six words on the page is copied from a seed, bar ALLOWED phrases."""
    seeds = seed_runs()
    shared = sorted(
        f"{seeds[r]}: {' '.join(r)}"
        for r in (runs(page_tokens(page), SEED_RUN) & seeds.keys()) - allowed(SEED_RUN)
    )
    assert shared == [], f"{page} repeats a seed word for word"
