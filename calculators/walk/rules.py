"""The walk decision's rules: from your inputs to a verdict, the rule that gave it, and the
numbers behind it. Numbers and ids only; the words are in :mod:`.words`.

>>> from calculators.walk.inputs import EXAMPLE, parse_or_fail
>>> decision = decide(parse_or_fail({**EXAMPLE, "offer": "158.4k", "runway_months": "4"}))
>>> decision.verdict, decision.rule, decision.quadrant, round(decision.gap_pct, 2)
('counter', 'middle-runway', 'strong-big', 12.0)
>>> decision.ask, decision.then_accept
(195000.0, False)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from calculators.bands import LONG_RUNWAY, SHORT_RUNWAY
from calculators.walk.inputs import Inputs

__all__ = ["Decision", "decide", "gut_counts"]

# Where the rules draw their lines (spec, "walk").
SMALL_GAP_PCT = 5.0  # a gap of at most 5% of your floor is small
STRONG_ROLE = 3.5  # a role scoring at least 3.5 of 5 is strong
GUT_WORDS = 3  # a gut signal counts once it is put into at least this many words
CALIBRATED_ASK = 1.05  # when the offer already meets your ask: about 5% more, a modest counter


@dataclass(frozen=True)
class Decision:
    """The verdict and what led to it, unrounded."""

    verdict: str  # accept | counter | walk
    rule: str
    quadrant: str  # strong-small | strong-big | weak-big | weak-small
    role_score: float
    gap_pct: float
    reasons: tuple[str, ...]  # ids of the real reasons found, "gut_signal" last
    then_accept: bool  # rule 6: an accept turned into one counter first
    ask: float  # what a counter asks for
    calibrated: bool  # the ask is about 5% over an offer that already meets your number


def gut_counts(text: str) -> bool:
    """A gut signal counts once it's put into at least three words."""
    return len(re.findall(r"\w+", text)) >= GUT_WORDS


def _verdict(inputs: Inputs, gap_pct: float, quadrant: str, has_reason: bool) -> tuple[str, str]:
    """The spec's rules 1 to 5, in order: (verdict, rule)."""
    below_floor = inputs.offer < inputs.floor
    small = gap_pct <= SMALL_GAP_PCT
    runway = inputs.runway_months
    if has_reason:
        return "walk", "real-reason"
    if runway is not None and runway <= SHORT_RUNWAY and below_floor:
        return "accept", "short-runway"
    if runway is not None and SHORT_RUNWAY < runway < LONG_RUNWAY and below_floor:
        if small:
            return "accept", "middle-runway"
        return ("counter" if inputs.counter_rounds < 2 else "walk"), "middle-runway"
    if below_floor and inputs.counter_rounds >= 2:
        return "walk", "below-floor-after-second-counter"
    if quadrant == "strong-small":
        return "accept", quadrant
    if quadrant == "strong-big":
        stuck = inputs.counter_rounds >= 1 and not inputs.last_counter_moved
        return ("walk" if stuck else "counter"), quadrant
    if quadrant == "weak-big":
        return "walk", quadrant
    no_leverage = not inputs.other_options and runway is not None and runway < LONG_RUNWAY
    return ("accept" if no_leverage else "walk"), quadrant


def _counter_amount(inputs: Inputs) -> tuple[float, bool]:
    """What a counter asks for: your target, else your floor; (amount, calibrated).

    When the offer already meets that number, the ask is a modest one, about 5%
    above the offer, rounded up to a whole thousand (``calibrated`` is True).
    """
    ask = inputs.target if inputs.target is not None else inputs.floor
    if ask > inputs.offer:
        return ask, False
    return math.ceil(inputs.offer * CALIBRATED_ASK / 1000) * 1000, True


def decide(inputs: Inputs) -> Decision:
    """The verdict by the spec's rules 1 to 6."""
    gap = max(0.0, (inputs.floor - inputs.offer) * 100 / inputs.floor)
    score = sum(inputs.ratings) / len(inputs.ratings)
    quadrant = f"{'strong' if score >= STRONG_ROLE else 'weak'}-" + (
        "small" if gap <= SMALL_GAP_PCT else "big"
    )
    reasons = inputs.reasons_marked + (("gut_signal",) if gut_counts(inputs.gut_signal) else ())
    verdict, rule = _verdict(inputs, gap, quadrant, bool(reasons))
    then_accept = verdict == "accept" and inputs.counter_rounds == 0  # rule 6
    if then_accept:
        verdict = "counter"
    ask, calibrated = _counter_amount(inputs)
    return Decision(
        verdict=verdict,
        rule=rule,
        quadrant=quadrant,
        role_score=score,
        gap_pct=gap,
        reasons=reasons,
        then_accept=then_accept,
        ask=ask,
        calibrated=calibrated,
    )
