"""The walk decision's script: the email for the next step, with the reader's numbers in,
and the one concrete sentence a walk-away email gives for each reason.

>>> from calculators.format import Money
>>> from calculators.walk.inputs import EXAMPLE, parse_or_fail
>>> from calculators.walk.rules import decide
>>> inputs = parse_or_fail(EXAMPLE)
>>> script(inputs, decide(inputs), Money()).splitlines()[0]
'Subject: The offer for [role title]'
"""

from __future__ import annotations

from calculators.format import Money
from calculators.walk.inputs import RATINGS, Inputs
from calculators.walk.rules import Decision

__all__ = ["script"]

WEAK_RATING = 2  # a walk for a weak role names the items rated this or lower: 1 or 2

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


def _weak_items(inputs: Inputs) -> list[str]:
    """The aspects of the role rated 1 or 2, lowest first: never one rated "fine" or better."""
    rated = [
        (rating, position, name)
        for position, (name, rating) in enumerate(
            zip((field.name for field in RATINGS), inputs.ratings, strict=True)
        )
        if rating is not None and rating <= WEAK_RATING
    ]
    return [name for _, _, name in sorted(rated)]


def _weakest(inputs: Inputs) -> str:
    """The one or two lowest-rated aspects of the role (rated 1 or 2), in an email's words."""
    return " and ".join(RATING_PHRASES[name] for name in _weak_items(inputs)[:2])


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
