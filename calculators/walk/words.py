"""The walk decision in words: the next step, the notes, the summary and the names of
verdicts, quadrants and rules (the script to send is in :mod:`.script`). Amounts are
written in the reader's currency as the words are made.

>>> from calculators.format import Money
>>> from calculators.walk.inputs import EXAMPLE, parse_or_fail
>>> from calculators.walk.rules import decide
>>> inputs = parse_or_fail(EXAMPLE)
>>> next_step(inputs, decide(inputs), Money("EUR"))[:22]
'Counter once at €195,0'
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.bands import SHORT_RUNWAY
from calculators.format import Money
from calculators.walk.inputs import REAL_REASONS, Inputs
from calculators.walk.rules import WIDE_ASK, Decision, gut_counts
from calculators.walk.script import script

__all__ = [
    "QUADRANT_ACTIONS",
    "QUADRANT_WORDS",
    "RULE_WORDS",
    "VERDICT_WORDS",
    "Words",
    "next_step",
    "notes",
    "summary",
    "write",
]

REASON_LABELS = {field.name: field.label for field in REAL_REASONS}

VERDICT_WORDS = {"accept": "Accept", "counter": "Counter", "walk": "Walk away"}
QUADRANT_WORDS = {
    "strong-small": "Strong role, small gap",
    "strong-big": "Strong role, big gap",
    "weak-big": "Weak role, big gap",
    "weak-small": "Weak role, small gap",
}
QUADRANT_ACTIONS = {
    "strong-small": ("Take it after", "one counter"),
    "strong-big": ("Counter once, then walk", "if it doesn't move"),
    "weak-big": ("Walk away",),
    "weak-small": ("Walk unless", "no leverage"),
}
RULE_WORDS = {
    "real-reason": "A real reason to walk comes before the numbers.",
    "short-runway": (
        "Your runway is three months or less, the offer is under your floor and you have "
        "no other live option: taking it to pay the rent is defensible."
    ),
    "middle-runway": (
        "Your runway is between three and six months, the offer is under your floor and "
        "you have no other live option: counter once more, take it if the answer comes "
        "within 5% of your floor, and walk if it doesn't."
    ),
    "below-floor-after-second-counter": (
        "You've countered twice and the offer is still under your floor, by more than 5% "
        "or for a role that isn't strong."
    ),
    "strong-small": "A strong role with a small gap: counter once, carefully, then take it.",
    "strong-big": (
        "A strong role with a big gap: counter once on total comp, and walk if the next "
        "offer doesn't move."
    ),
    "weak-big": (
        "A weak role with a big gap: a counter could only fix the money, so walk away without one."
    ),
    "weak-small": (
        "A weak role with a small gap: walk, unless you have nothing to lean on (no other "
        "option and under six months of runway)."
    ),
}


def _why_weak_small(inputs: Inputs) -> str:
    """Why a weak role with a small gap is still a walk: only what the reader told us."""
    if inputs.other_options:
        return "you have another live option"
    if inputs.runway_months is not None:
        return "your runway gives you time to keep looking"
    return "nothing you've told us forces your hand"


def next_step(inputs: Inputs, decision: Decision, money: Money) -> str:
    """The next step in a sentence or two."""
    verdict, rule = decision.verdict, decision.rule
    then_accept, counter_rounds = decision.then_accept, inputs.counter_rounds
    ask = money.format(decision.ask)
    if verdict == "counter":
        if then_accept:
            return (
                f"Counter once, then accept: ask for {ask} in total comp, warmly, and take "
                "the best they can do."
            )
        if rule == "middle-runway":
            again = "once more" if counter_rounds else "once"
            return (
                f"Counter {again} at {ask}: accept if their answer lands within 5% of "
                "your floor, and walk away if it doesn't."
            )
        return (
            f"Counter once at {ask} in total comp, leaning on sign-on and equity; if the "
            "next offer doesn't move, walk away."
        )
    if verdict == "accept":
        if rule == "short-runway":
            return (
                "Accept: with three months of runway or less, taking this offer to cover "
                "your rent is the sound choice. Ask for it in writing."
            )
        return "Accept, warmly, and ask for the final offer in writing."
    if rule == "real-reason":
        first = decision.reasons[0]
        what = (
            "what your gut noticed, which you said is why you'd walk,"
            if first == "gut_signal"
            else f"“{REASON_LABELS[first]}”"
        )
        return f"Walk away: {what} is a real reason, not a feeling. Send a short, kind email today."
    if rule == "weak-big":
        return (
            "Walk away: the role falls short and so does the offer, and a counter can only "
            "fix the money. End it kindly and give your time to roles that fit better."
        )
    if rule == "weak-small":
        return (
            f"Walk away: {_why_weak_small(inputs)}, and a weak role isn't worth taking just "
            "to have a job. Send a short, kind email."
        )
    if rule == "strong-big":
        return (
            "Walk away: you countered and the offer didn't move. Send a short, kind email "
            "that leaves the door open."
        )
    return (
        "Walk away: after two counters the offer is still under your floor. Send a short, "
        "kind email that leaves the door open."
    )


def _ask_notes(inputs: Inputs, decision: Decision, money: Money) -> list[str]:
    """What to know about the number a counter asks for."""
    notes: list[str] = []
    if decision.ask_source == "calibrated":
        if inputs.offer >= decision.ask_meant:
            notes.append(
                "The offer already meets your number, so the counter asks for about 5% more: "
                "a modest ask that keeps the goodwill."
            )
        else:
            notes.append(
                f"Your number ({money.format(decision.ask_meant)}) is less than 5% above the "
                f"offer, so the counter asks for {money.format(decision.ask)}, about 5% more: "
                "a smaller ask isn't worth a round."
            )
    if decision.ask_source == "floor" and inputs.counter_rounds == 0:
        notes.append(
            "You'd be opening at your floor, which leaves no room to land above it. Set an "
            "anchor, the top of the band you can defend, and open there: counters land "
            "below the opening."
        )
    if decision.ask > inputs.offer * WIDE_ASK:
        notes.append(
            f"{money.format(decision.ask)} is more than 25% above the offer: one counter is "
            "unlikely to close a gap that wide. Before you counter, check the level they "
            "offered you; a lower level than you expected can explain the gap, and it's "
            "the level to raise first."
        )
    return notes


def _gut_notes(inputs: Inputs, decision: Decision) -> list[str]:
    """What the gut signal did, or didn't do, to the verdict."""
    text = inputs.gut_signal
    if inputs.gut_says_walk and not gut_counts(text):
        return [
            "You ticked that your gut says don't take it: put it into words below. What "
            "did you notice? It counts as a reason once it's three words or more."
        ]
    if text and not inputs.gut_says_walk:
        return [
            "Your gut note doesn't change the verdict: it's kept as you wrote it. If it's "
            "why you'd walk away, tick “My gut says don't take it, and I can say why”."
        ]
    return []


def notes(inputs: Inputs, decision: Decision, money: Money) -> tuple[str, ...]:
    """What's worth keeping in mind, beside the verdict."""
    verdict, rule, quadrant = decision.verdict, decision.rule, decision.quadrant
    notes: list[str] = []
    if decision.rated == 0 and rule != "real-reason":
        notes.append(
            "You didn't rate the role, so it counts as strong: nothing you've said makes it "
            "weak. Rate what you can to sharpen the advice."
        )
    if verdict == "counter":
        notes += _ask_notes(inputs, decision, money)
    if quadrant == "strong-small" and rule != "real-reason":
        notes.append(
            "This is a strong role close to your number. Don't risk the relationship over "
            "the last few percent; the goodwill you keep now helps when you talk raises."
        )
    if inputs.counter_rounds >= 2:
        notes.append(
            f"You've made {inputs.counter_rounds} counters already: stop after this round. "
            "More rounds rarely add much and start to cost goodwill, so close it now, one "
            "way or the other."
        )
    if verdict == "counter":
        notes.append(
            "Never threaten to walk as a bluff. Say it only if you'd follow through on the "
            "spot; a bluff that's called costs you credibility for good. For pressure, use "
            "a real alternative or a specific concern, or ask for time."
        )
    if verdict == "walk":
        notes.append(
            "Walk for real, never as a bluff: don't threaten it to squeeze out one more "
            "offer, and don't write “if you reach this number, I'll reconsider” unless "
            "you'd truly sign at it."
        )
    if rule == "weak-small":
        notes.append(
            "Give your search until week six, then take stock honestly: if nothing better "
            "is in sight, rethink where you're looking rather than drifting."
        )
    if verdict == "walk":
        notes += _walk_notes(inputs)
    if rule == "short-runway":
        notes.append(
            "Taking an imperfect offer to pay the rent is a sound decision, not a defeat. "
            "No guilt needed."
        )
    notes += _gut_notes(inputs, decision)
    if inputs.feelings_marked:
        notes.append(
            "The feelings you ticked are real, and worth noticing, but they aren't reasons: "
            "they don't change this verdict."
        )
    return tuple(notes)


def _walk_notes(inputs: Inputs) -> list[str]:
    """What to weigh before walking: the runway, and what may come after."""
    notes: list[str] = []
    runway = inputs.runway_months
    if runway is None:
        notes.append(
            "Before you walk, check your runway covers a new search: the guide plans on six "
            "to ten weeks for a comparable offer, and longer in a soft market."
        )
    elif runway <= SHORT_RUNWAY and not inputs.other_options:
        notes.append(
            "With three months of cash or less and no other offer, taking an imperfect "
            "offer to keep paying the rent is a choice you can defend. If you take it, keep "
            "looking."
        )
    notes.append(
        "Walking away isn't always the end: companies often come back, sometimes "
        "months later and with a better offer. If they do, answer warmly."
    )
    return notes


# Why a walk, in a few words, for the one-sentence summary.
_WALK_SUMMARY = {
    "real-reason": "you have a real reason to",
    "weak-big": "a weak role and a big gap",
    "weak-small": "a weak role, and you can afford to wait",
    "strong-big": "you countered and the offer didn't move",
    "below-floor-after-second-counter": "two counters and still under your floor",
    "middle-runway": "two counters and still too far under your floor",
}


def summary(inputs: Inputs, decision: Decision, money: Money) -> str:
    """The answer in one sentence with its key figure, for a screen reader."""
    if decision.verdict == "counter":
        then = ", then accept the best they can do" if decision.then_accept else ""
        return f"Counter at {money.format(decision.ask)}{then}."
    if decision.verdict == "accept":
        return f"Accept the offer of {money.format(inputs.offer)}, and ask for it in writing."
    return f"Walk away: {_WALK_SUMMARY[decision.rule]}."


@dataclass(frozen=True)
class Words:
    """The sentences of one decision, in one currency."""

    next_step: str
    notes: tuple[str, ...]
    script: str
    summary: str


def write(inputs: Inputs, decision: Decision, money: Money) -> Words:
    """Every sentence of the decision, with amounts in ``money``'s currency."""
    return Words(
        next_step=next_step(inputs, decision, money),
        notes=notes(inputs, decision, money),
        script=script(inputs, decision, money),
        summary=summary(inputs, decision, money),
    )
