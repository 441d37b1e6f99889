"""One script: what it is for, and its words in each channel, with placeholders.

A placeholder is a token in square brackets, such as ``[$ANCHOR]`` or
``[company]``, defined once in :mod:`calculators.scripts.placeholders`. A bracket
holding a choice split by a slash, such as ``[this week / by day, date]``, is the
reader's to settle: :func:`fill` fills it only when given a value for that very
token.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Channel = Literal["Phone", "Email"]

# A placeholder token: a bracket on one line, never empty.
TOKEN = re.compile(r"\[[^\[\]\n]+\]")


@dataclass(frozen=True)
class Script:
    """A script as the guide prints it.

    ``id`` is its anchor on the scripts page, ``brief`` the point of the guide's
    brief it answers (F1 to F9), ``when`` the moment it is for, as a plain-text
    sentence that follows "When:", ``variants`` its words for each channel,
    in the page's order, and ``caution`` what to cut unless it is true (a
    promise the words make), said once for the page and the plan alike.
    """

    id: str
    brief: str
    title: str
    when: str
    variants: tuple[tuple[Channel, str], ...]
    caution: str = ""

    def text(self, channel: Channel) -> str:
        """The words for one channel.

        >>> from calculators.scripts import script
        >>> script("give-a-range").text("Phone").splitlines()[0]
        "Sure. Based on what I'm seeing for [level] roles in [city], from"
        """
        for name, words in self.variants:
            if name == channel:
                return words
        raise KeyError(f"{self.id} has no {channel} version")


def words(text: str) -> str:
    """A script's text written indented in the source, as the reader gets it.

    >>> words('''
    ...     Hi [recruiter's name],
    ...
    ...     Best,
    ...     ''')
    "Hi [recruiter's name],\\n\\nBest,"
    """
    return textwrap.dedent(text).strip("\n").rstrip()


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each placeholder whose value is known replaced by it.

    ``values`` is keyed by token and already formatted. Placeholders without a
    value stay as they are; a value is never itself searched for placeholders.

    >>> fill("Could you reach [$ANCHOR] a year at [company]?", {"[$ANCHOR]": "$210,000"})
    'Could you reach $210,000 a year at [company]?'
    >>> fill("I'll sign [this week / by day, date].", {"[day, date]": "Friday, May 15"})
    "I'll sign [this week / by day, date]."
    """
    return TOKEN.sub(lambda match: values.get(match.group(0), match.group(0)), text)


def unfilled(text: str) -> list[str]:
    """The placeholder tokens still in a text, each once, in the order they come.

    >>> unfilled("[$TARGET] to [$ANCHOR], then [$ANCHOR] again, [this week / by day, date]")
    ['[$TARGET]', '[$ANCHOR]', '[this week / by day, date]']
    >>> unfilled("Thanks, Sam")
    []
    """
    return list(dict.fromkeys(TOKEN.findall(text)))
