"""The guide's scripts (brief F1 to F9), as words, once.

The scripts page prints them with their placeholders (the build hook expands its
markers with :mod:`calculators.scripts.page`), and a plan fills the same words
with a reader's numbers and names (:func:`fill`).

>>> [s.id for s in SCRIPTS][:3]
['deflect-expectations', 'give-a-range', 'ask-for-time']
>>> text = script("give-a-range").text("Phone")
>>> "[$TARGET] to [$ANCHOR]" in text
True
>>> unfilled(fill(text, {"[$TARGET]": "$190,000", "[$ANCHOR]": "$210,000"}))
['[level]', '[city]']
"""

from __future__ import annotations

from calculators.scripts.closing import CLOSE_WARMLY, WALK_AWAY_WELL
from calculators.scripts.countering import (
    COUNTER_BY_EMAIL,
    COUNTER_ON_THE_PHONE,
    EXTEND_AN_EXPLODING_OFFER,
    OTHER_OFFER_HIGHER,
    OTHER_OFFER_LOWER,
    SPEED_UP_ANOTHER_COMPANY,
    STILL_INTERVIEWING,
)
from calculators.scripts.opening import (
    ASK_FOR_TIME,
    DEFLECT_EXPECTATIONS,
    GIVE_A_RANGE,
    NO_WRITTEN_OFFER,
)
from calculators.scripts.placeholders import PLACEHOLDERS, is_choice
from calculators.scripts.script import Channel, Script, fill, unfilled

__all__ = [
    "PLACEHOLDERS",
    "SCRIPTS",
    "Channel",
    "Script",
    "fill",
    "is_choice",
    "script",
    "unfilled",
]

# In the scripts page's order: the order the moments usually come in.
SCRIPTS: tuple[Script, ...] = (
    DEFLECT_EXPECTATIONS,
    GIVE_A_RANGE,
    ASK_FOR_TIME,
    NO_WRITTEN_OFFER,
    COUNTER_ON_THE_PHONE,
    COUNTER_BY_EMAIL,
    OTHER_OFFER_HIGHER,
    OTHER_OFFER_LOWER,
    STILL_INTERVIEWING,
    EXTEND_AN_EXPLODING_OFFER,
    SPEED_UP_ANOTHER_COMPANY,
    CLOSE_WARMLY,
    WALK_AWAY_WELL,
)

_BY_ID = {s.id: s for s in SCRIPTS}


def script(id: str) -> Script:
    """The script with this id (its anchor on the scripts page).

    >>> script("close-warmly").brief
    'F8'
    >>> script("no-such-script")
    Traceback (most recent call last):
    ...
    KeyError: "no script 'no-such-script'"
    """
    try:
        return _BY_ID[id]
    except KeyError:
        raise KeyError(f"no script {id!r}") from None
