"""The placeholders every script on the site uses, each defined once.

A definition may cover several tokens (a row of the scripts page's table): the
tokens that share one are listed next to each other, and the page prints them in
one row. Definitions are the page's words, with ``**`` marking emphasis.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_PARTS = "The parts of a package: base salary, the equity grant, a sign-on bonus."
_TERMS = (
    "The bonus target as a percentage of base; how the equity vests, such as "
    '"25% a year over four years".'
)
_PEOPLE = "The people: the recruiter, the manager you'd work for, your current manager, and you."
_PLACES = (
    "The company making the offer, another company, the job's title, its internal level, "
    "its location."
)
_WHY = (
    "Something true and specific you liked; the one reason behind your ask (market data "
    "for the level, the scope, another offer)."
)

# Token -> what goes there, in the order the scripts page lists them.
PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "[$ANCHOR]": (
            "Your opening anchor, as total compensation a year. Your **first** counter "
            "names this number, and it is the top of any range you give."
        ),
        "[$TARGET]": (
            "Your target, as total compensation a year. If there's a **second** counter, "
            "it names this."
        ),
        "[$TOP OF BAND]": ("The top of the band you researched for this level, company and city."),
        "[$OTHER OFFER]": (
            "Another offer's total compensation a year, exactly as it is: never rounded up. "
            "Use it only when that offer is higher than this one."
        ),
        "[$BASE]": _PARTS,
        "[$EQUITY]": _PARTS,
        "[$SIGN-ON]": _PARTS,
        "[bonus target %]": _TERMS,
        "[vesting schedule]": _TERMS,
        "[anything else agreed]": (
            "Every other term you settled: relocation, remote days, extra time off, a review "
            'date. Write "nothing else" if there is none.'
        ),
        "[$UNVESTED]": "Unvested equity you'd give up by leaving your current job.",
        "[recruiter's name]": _PEOPLE,
        "[hiring manager's name]": _PEOPLE,
        "[manager's name]": _PEOPLE,
        "[your name]": _PEOPLE,
        "[company]": _PLACES,
        "[other company]": _PLACES,
        "[role title]": _PLACES,
        "[level]": _PLACES,
        "[city]": _PLACES,
        "[day, date]": 'A specific day: "Thursday, May 14", not "next week".',
        "[what you liked]": _WHY,
        "[your reason]": _WHY,
    }
)


def is_choice(token: str) -> bool:
    """Whether a bracket holds a choice for the reader rather than a placeholder.

    >>> is_choice("[this week / by day, date]"), is_choice("[$ANCHOR]")
    (True, False)
    """
    return " / " in token


def rows() -> list[tuple[tuple[str, ...], str]]:
    """The table as the page prints it: the tokens sharing a definition, and it.

    >>> rows()[4]
    (('[$BASE]', '[$EQUITY]', '[$SIGN-ON]'), 'The parts of a package: base salary, the equity grant, a sign-on bonus.')
    """  # noqa: E501
    table: list[tuple[tuple[str, ...], str]] = []
    for token, meaning in PLACEHOLDERS.items():
        if table and table[-1][1] == meaning:
            table[-1] = ((*table[-1][0], token), meaning)
        else:
            table.append(((token,), meaning))
    return table
