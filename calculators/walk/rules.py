"""The walk decision's rules: from your inputs to a verdict, the rule that gave it, and the
numbers behind it. Numbers and ids only; the words are in :mod:`.words`.

>>> from calculators.walk.inputs import EXAMPLE, parse_or_fail
>>> decision = decide(parse_or_fail({**EXAMPLE, "offer": "158.4k", "runway_months": "4"}))
>>> decision.verdict, decision.rule, decision.quadrant, round(decision.gap_pct, 2)
('counter', 'middle-runway', 'strong-big', 12.0)
>>> decision.ask, decision.ask_source, decision.then_accept
(195000.0, 'target', False)
>>> decide(parse_or_fail({"offer": 190000, "floor": 180000})).role_score is None
True
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
STRONG_ROLE = 3.0  # a role scoring 3 ("fine") or more on average is strong; below it, weak
GUT_WORDS = 3  # a gut signal counts once it is put into at least this many words
CALIBRATED_ASK = 1.05  # a counter asks for at least about 5% more than the offer
WIDE_ASK = 1.25  # a counter more than 25% above the offer: one counter won't close it


@dataclass(frozen=True)
class Decision:
    """The verdict and what led to it, unrounded."""

    verdict: str  # accept | counter | walk
    rule: str
    quadrant: str  # strong-small | strong-big | weak-big | weak-small
    role_score: float | None  # None when nothing is rated (the role then counts as strong)
    rated: int  # how many of the six ratings were given
    gap_pct: float
    reasons: tuple[str, ...]  # ids of the real reasons found, "gut_signal" last
    then_accept: bool  # rule 6: an accept turned into one counter first
    ask: float  # what a counter asks for
    ask_source: str  # anchor | target | floor | calibrated (about 5% over the offer)
    ask_meant: float  # the anchor, target or floor the ask started from, before the 5% floor


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
    # With another live option the runway doesn't force your hand: rules 2 and 3 wait.
    if runway is not None and below_floor and not inputs.other_options:
        if runway <= SHORT_RUNWAY:
            return "accept", "short-runway"
        if runway < LONG_RUNWAY:
            if small:
                return "accept", "middle-runway"
            return ("counter" if inputs.counter_rounds < 2 else "walk"), "middle-runway"
    # A strong role within 5% of the floor is worth closing however many rounds it took.
    if below_floor and inputs.counter_rounds >= 2 and quadrant != "strong-small":
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


def _counter_to(inputs: Inputs) -> tuple[float, str, float]:
    """What a counter asks for, where that number comes from, and the number meant.

    The first counter opens at your anchor, else your target, else your floor;
    later ones ask for your target, else your anchor, else your floor. A counter
    never asks for less than about 5% above the offer, rounded up to a whole
    thousand (``calibrated``): an offer $1 under your target isn't countered for $1.
    """
    first, second = ("anchor", "target") if inputs.counter_rounds == 0 else ("target", "anchor")
    numbers = {"anchor": inputs.anchor, "target": inputs.target}
    source = next((name for name in (first, second) if numbers[name] is not None), "floor")
    meant = numbers.get(source) or inputs.floor
    least = float(math.ceil(inputs.offer * CALIBRATED_ASK / 1000) * 1000)
    if meant >= least:
        return meant, source, meant
    return least, "calibrated", meant


def decide(inputs: Inputs) -> Decision:
    """The verdict by the spec's rules 1 to 6."""
    gap = max(0.0, (inputs.floor - inputs.offer) * 100 / inputs.floor)
    given = [rating for rating in inputs.ratings if rating is not None]
    score = sum(given) / len(given) if given else None
    # Nothing rated: nothing you told us makes the role weak, so it counts as strong.
    strong = score is None or score >= STRONG_ROLE
    quadrant = f"{'strong' if strong else 'weak'}-" + ("small" if gap <= SMALL_GAP_PCT else "big")
    # The engine never judges what a gut note says: the reader's tick says it is a reason.
    gut = inputs.gut_says_walk and gut_counts(inputs.gut_signal)
    reasons = inputs.reasons_marked + (("gut_signal",) if gut else ())
    verdict, rule = _verdict(inputs, gap, quadrant, bool(reasons))
    then_accept = verdict == "accept" and inputs.counter_rounds == 0  # rule 6
    if then_accept:
        verdict = "counter"
    ask, source, meant = _counter_to(inputs)
    return Decision(
        verdict=verdict,
        rule=rule,
        quadrant=quadrant,
        role_score=score,
        rated=len(given),
        gap_pct=gap,
        reasons=reasons,
        then_accept=then_accept,
        ask=ask,
        ask_source=source,
        ask_meant=meant,
    )
