"""The guide is written in its own words, not pasted from the brief.

The brief (../shared/guide-brief.md) is a checklist of facts, never copy. A page that
shares a run of eight consecutive words with it has borrowed a sentence; the only
exceptions are the few fixed phrases in ALLOWED.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from tests.support import ROOT

BRIEF = ROOT.parent / "shared" / "guide-brief.md"
RUN = 8

# Fixed phrases, not prose: a disclaimer and a recruiter's line quoted as heard.
ALLOWED = (
    "general career information, not financial, legal or tax advice",
    "this is the best I can get approved",
)

PAGES = sorted(path.name for path in (ROOT / "docs").glob("*.md"))


def words(text: str) -> list[str]:
    """Lowercase word tokens, with curly apostrophes made straight."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive tokens."""
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


@cache
def brief_runs() -> frozenset[tuple[str, ...]]:
    """The brief's runs, or a skip when the brief is not beside the repository."""
    if not BRIEF.is_file():
        pytest.skip(f"no brief at {BRIEF}: the check needs the shared workspace")
    return frozenset(runs(words(BRIEF.read_text(encoding="utf-8"))))


ALLOWED_RUNS = frozenset(run for phrase in ALLOWED for run in runs(words(phrase)))


@pytest.mark.parametrize("page", PAGES)
def test_page_shares_no_run_of_words_with_the_brief(page: str) -> None:
    """No run of eight words on the page is copied from the brief, bar ALLOWED phrases."""
    tokens = words((ROOT / "docs" / page).read_text(encoding="utf-8"))
    shared = sorted(" ".join(run) for run in (runs(tokens) & brief_runs()) - ALLOWED_RUNS)
    assert shared == [], f"{page} repeats the brief word for word"
