"""The walk decision in words: the next step, the notes, the script to send, and the
names of verdicts, quadrants and rules. Amounts are written in the reader's currency
as the words are made.

>>> from calculators.format import Money
>>> from calculators.walk.inputs import EXAMPLE, parse_or_fail
>>> from calculators.walk.rules import decide
>>> inputs = parse_or_fail(EXAMPLE)
>>> next_step(inputs, decide(inputs), Money("EUR"))[:22]
'Counter once at €195,0'
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.format import Money
from calculators.walk.inputs import RATINGS, REAL_REASONS, Inputs
from calculators.walk.rules import Decision

__all__ = [
    "QUADRANT_ACTIONS",
    "QUADRANT_WORDS",
    "RULE_WORDS",
    "VERDICT_WORDS",
    "Words",
    "next_step",
    "notes",
    "script",
    "write",
]

REASON_LABELS = dict(REAL_REASONS)

# The one concrete sentence a walk-away email gives for each real reason.
REASON_LINES: dict[str, str] = {
    "recruiter_pushback": (
        "As we've talked through the details, it's become clear we see this role's "
        "terms too differently for it to work well for either of us."
    ),
    "scope_downgraded": (
        "The role has changed from the scope we first discussed, and the new version "
        "isn't the move I'm looking for."
    ),
    "serious_red_flag": (
        "Having thought hard about [the news you learned, said neutrally], I don't feel "
        "this is the right time for me to make the move."
    ),
    "bad_faith": (
        "The terms have shifted more than once during our conversations, and for a move "
        "like this I need an offer I can rely on."
    ),
    "one_sided_concessions": (
        "The changes asked of me haven't been matched on the offer side, and I can't "
        "find a balance there that works for me."
    ),
    "authority_problem": (
        "What we agreed kept being reopened further up, and I need more certainty than "
        "that before I leave where I am."
    ),
    "scope_drift": (
        "The role has grown well beyond what we first discussed while the offer hasn't, "
        "and that isn't a match I can take on."
    ),
    "unreasonable_demands": (
        "Some of what the role would ask of me doesn't sit right with how I work, and "
        "I'd rather say so plainly now."
    ),
    "incompatible_objectives": (
        "What I need from my next role and what this one can offer don't line up, and I "
        "don't think more rounds would change that."
    ),
}

# The words a walk-away email uses for each rating, when the role is what fell short.
RATING_PHRASES: dict[str, str] = {
    "scope": "the scope of the work",
    "manager": "the fit with the team's leadership",
    "team": "the fit with the team",
    "growth": "the room to grow",
    "location": "the location",
    "equity_quality": "the equity",
}


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
    "weak-big": ("Walk now",),
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
        "You've countered twice and the offer is still under your floor."
    ),
    "strong-small": "A strong role with a small gap: counter once, carefully, then take it.",
    "strong-big": (
        "A strong role with a big gap: counter once on total comp, and walk if the next "
        "offer doesn't move."
    ),
    "weak-big": "A weak role with a big gap: walk now, no counter needed.",
    "weak-small": (
        "A weak role with a small gap: walk, unless you have nothing to lean on (no other "
        "option and under six months of runway)."
    ),
}


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
            "the gut signal you put into words"
            if first == "gut_signal"
            else f"“{REASON_LABELS[first]}”"
        )
        return f"Walk away: {what} is a real reason, not a feeling. Send a short, kind email today."
    if rule == "weak-big":
        return (
            "Walk away now, no counter needed: end it politely and give your time to "
            "roles that fit better."
        )
    if rule == "weak-small":
        return (
            "Walk away: you have options, and a weak role isn't worth taking just to have "
            "a job. Send a short, kind email."
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


def notes(inputs: Inputs, decision: Decision) -> tuple[str, ...]:
    """What's worth keeping in mind, beside the verdict."""
    verdict, rule, quadrant = decision.verdict, decision.rule, decision.quadrant
    has_gut = "gut_signal" in decision.reasons
    notes: list[str] = []
    if decision.rated == 0 and rule != "real-reason":
        notes.append(
            "You didn't rate the role, so it counts as strong: nothing you've said makes it "
            "weak. Rate what you can to sharpen the advice."
        )
    if verdict == "counter" and decision.ask_source == "calibrated":
        notes.append(
            "The offer already meets your number, so the counter asks for about 5% more: "
            "a modest ask that keeps the goodwill."
        )
    if verdict == "counter" and decision.ask_source == "floor" and inputs.counter_rounds == 0:
        notes.append(
            "You'd be opening at your floor, which leaves no room to land above it. Set an "
            "anchor, the top of the band you can defend, and open there: counters land "
            "below the opening."
        )
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
        if inputs.runway_months is None:
            notes.append(
                "A comparable offer usually takes six to ten weeks after you walk away, "
                "longer in a soft market. Check your runway covers that."
            )
        notes.append(
            "Walking away isn't always the end: companies often come back, sometimes "
            "months later and with a better offer. If they do, answer warmly."
        )
    if rule == "short-runway":
        notes.append(
            "Taking an imperfect offer to pay the rent is a sound decision, not a defeat. "
            "No guilt needed."
        )
    if inputs.gut_signal and not has_gut:
        notes.append(
            "Your gut signal needs a few more words to count: try saying what you noticed "
            "in a full sentence."
        )
    if inputs.feelings_marked:
        notes.append(
            "The feelings you ticked are real, and worth noticing, but they aren't reasons: "
            "they don't change this verdict."
        )
    return tuple(notes)


def _weakest(inputs: Inputs) -> str:
    """The one or two lowest-rated aspects of the role, in an email's words."""
    rated = [
        (rating, name)
        for (name, *_), rating in zip(RATINGS, inputs.ratings, strict=True)
        if rating is not None
    ]
    low = min(rating for rating, _ in rated)
    return " and ".join([RATING_PHRASES[name] for rating, name in rated if rating == low][:2])


def script(inputs: Inputs, decision: Decision, money: Money) -> str:
    """The email for the next step, with your numbers in; fill in the [brackets]."""
    verdict, rule, ask = decision.verdict, decision.rule, decision.ask
    if verdict == "counter":
        opening = (
            "Thank you for the updated offer and for the work you've put into it."
            if inputs.counter_rounds
            else "Thank you for the offer, and for your help all through the process."
        )
        return (
            "Subject: The offer for [role title]\n\n"
            "Hi [recruiter's name],\n\n"
            f"{opening} I'm genuinely excited about the role and the team, and [company] "
            "is my first choice.\n\n"
            "I've looked at the whole package next to [your data: recent offers for this "
            "level, the band you researched], and I'd like to ask for a total compensation "
            f"of {money.format(ask)} a year. If base is hard to move, I'm glad to get there "
            "through a sign-on bonus or a larger equity grant.\n\n"
            "If we can get there, I'm ready to sign quickly.\n\n"
            "Thank you again,\n[your name]"
        )
    if verdict == "accept":
        return (
            "Subject: Accepting the offer for [role title]\n\n"
            "Hi [recruiter's name],\n\n"
            "Thank you for working with me on this. I'm happy to accept the offer of "
            f"{money.format(inputs.offer)} a year in total compensation, and I'm looking "
            "forward to joining [company].\n\n"
            "Could you send me the final offer in writing, with the full breakdown: base "
            "salary, bonus target, equity and its vesting schedule, sign-on bonus, and "
            "start date? I'll sign and return it as soon as it arrives.\n\n"
            "Thanks again for all your help,\n[your name]"
        )
    if rule == "real-reason":
        first = decision.reasons[0]
        if first == "gut_signal":
            reason = (
                "After a lot of thought, I've decided this isn't the right move for me: "
                f"[your one reason, said kindly; you noted: {inputs.gut_signal}]."
            )
        else:
            reason = REASON_LINES[first]
    elif inputs.offer < inputs.floor and rule != "weak-small":
        # No number and no gap: a number here would reopen the talks as a final demand.
        reason = (
            "Having weighed the whole package carefully, I've concluded that it doesn't "
            "meet what I need to make this move, and I don't expect that to change."
        )
    else:
        reason = (
            "After a lot of thought, I've decided the role isn't the right fit for my next "
            f"step, mainly because of {_weakest(inputs)}."
        )
    return (
        "Subject: The offer for [role title]\n\n"
        "Hi [recruiter's name],\n\n"
        "Thank you for the time you and the team have given me, and for the offer. I've "
        "enjoyed getting to know [what you liked: the team, the product], and I haven't "
        "taken this decision lightly.\n\n"
        f"{reason} So I'm going to decline the offer.\n\n"
        "If things change on your side, I'd be glad to hear from you. I'd like to stay in "
        "touch with you and with [hiring manager's name], and I hope our paths cross "
        "again.\n\n"
        "All the best,\n[your name]"
    )


@dataclass(frozen=True)
class Words:
    """The sentences of one decision, in one currency."""

    next_step: str
    notes: tuple[str, ...]
    script: str


def write(inputs: Inputs, decision: Decision, money: Money) -> Words:
    """Every sentence of the decision, with amounts in ``money``'s currency."""
    return Words(
        next_step=next_step(inputs, decision, money),
        notes=notes(inputs, decision),
        script=script(inputs, decision, money),
    )
