"""Counter, accept or walk away: the walk decision.

Two things decide most offers: the gap between the offer and your floor, and
how strong the role is on everything else. A few real reasons to walk (and a
short or middling runway) come first. The first rule that applies gives the
verdict, and the result names it, with the next step and a script to send.

>>> answer = compute(_parse_or_fail({**EXAMPLE, "offer": "158.4k", "runway_months": "4"}))
>>> answer.verdict, answer.rule, answer.quadrant, answer.gap_pct, answer.role_score
('counter', 'middle-runway', 'strong-big', 12.0, 3.67)
>>> answer.counter_to
195000.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from calculators.api import Calculator
from calculators.fields import Field, FieldError, parse_object
from calculators.render import Money, Svg, admonition, esc, table
from calculators.values import ValueProblem

__all__ = ["CALCULATOR", "FIELDS", "Inputs", "Reason", "Result", "compute", "parse", "render"]

# Where the rules draw their lines (spec, "walk").
SMALL_GAP_PCT = 5.0  # a gap of at most 5% of your floor is small
STRONG_ROLE = 3.5  # a role scoring at least 3.5 of 5 is strong
SHORT_RUNWAY = 3.0  # months: three or less is short
LONG_RUNWAY = 6.0  # months: six or more is long
GUT_WORDS = 3  # a gut signal counts once it is put into at least this many words
CALIBRATED_ASK = 1.05  # when the offer already meets your ask: about 5% more, a modest counter

MONTHS_HINT = "enter months like 4 or 4.5"

_USD = Money("USD")

# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

NUMBERS = "Your numbers"
ROLE = "The role"
STANDING = "Where the negotiation stands"
REASONS = "Real reasons to walk"
FEELINGS = "Feelings (not reasons)"

# The six things besides pay that make a role strong or weak, with the words a
# walk-away email uses for each.
RATINGS: tuple[tuple[str, str, str, str], ...] = (
    ("scope", "Scope", "How big and interesting the work itself is.", "the scope of the work"),
    (
        "manager",
        "Manager",
        "How well you'd work with the person you'd report to.",
        "the fit with the team's leadership",
    ),
    (
        "team",
        "Team",
        "How much you'd like working with the people around you.",
        "the fit with the team",
    ),
    ("growth", "Growth", "How much room there is to learn and move up.", "the room to grow"),
    (
        "location",
        "Location",
        "How well the place, commute or remote setup suits your life.",
        "the location",
    ),
    (
        "equity_quality",
        "Equity quality",
        "How much you trust the equity to be worth something.",
        "the equity",
    ),
)

# Real reasons and structural signals (the guide's G3, G5, G6): the field, its
# plain label, and the one concrete sentence a walk-away email gives for it.
REAL_REASONS: tuple[tuple[str, str, str], ...] = (
    (
        "recruiter_pushback",
        "The recruiter resists every fair request you make",
        "As we've talked through the details, it's become clear we see this role's terms "
        "too differently for it to work well for either of us.",
    ),
    (
        "scope_downgraded",
        "The scope was cut back partway through the process",
        "The role has changed from the scope we first discussed, and the new version "
        "isn't the move I'm looking for.",
    ),
    (
        "serious_red_flag",
        "A serious red flag came up (layoffs, lawsuits, key people leaving)",
        "Having thought hard about [the news you learned, said neutrally], I don't feel "
        "this is the right time for me to make the move.",
    ),
    (
        "bad_faith",
        "They acted in bad faith (went back on terms, misled you, moved the goalposts)",
        "The terms have shifted more than once during our conversations, and for a move "
        "like this I need an offer I can rely on.",
    ),
    (
        "one_sided_concessions",
        "They ask you to give things up and offer nothing back",
        "The changes asked of me haven't been matched on the offer side, and I can't find "
        "a balance there that works for me.",
    ),
    (
        "authority_problem",
        "Whoever you negotiate with keeps getting overruled by someone you never meet",
        "What we agreed kept being reopened further up, and I need more certainty than "
        "that before I leave where I am.",
    ),
    (
        "scope_drift",
        "The job keeps growing while the pay and commitment don't",
        "The role has grown well beyond what we first discussed while the offer hasn't, "
        "and that isn't a match I can take on.",
    ),
    (
        "unreasonable_demands",
        "They ask for things that go against your standards or ethics",
        "Some of what the role would ask of me doesn't sit right with how I work, and I'd "
        "rather say so plainly now.",
    ),
    (
        "incompatible_objectives",
        "What you need and what they can give simply don't fit",
        "What I need from my next role and what this one can offer don't line up, and I "
        "don't think more rounds would change that.",
    ),
)

# Feelings that only feel like reasons (the guide's G4).
FEELING_FLAGS: tuple[tuple[str, str, str], ...] = (
    (
        "under_wish_above_floor",
        "It's a little under your wish, but above your floor",
        "Tick this if the offer misses the number you hoped for but still clears your floor.",
    ),
    (
        "slow_process",
        "The process has been slow",
        "Tick this if the hiring process dragged; that's usually friction inside the company.",
    ),
    (
        "tired",
        "You're tired of interviewing",
        "Tick this if you mostly want the search to be over.",
    ),
    (
        "might_pay_more_later",
        "Another company might pay more in a few months",
        "Tick this if you're weighing an offer that doesn't exist yet.",
    ),
    (
        "friend_higher_offer",
        "A friend got a higher offer elsewhere",
        "Tick this if someone else's number is on your mind.",
    ),
)

GUT_LABEL = "Your gut signal, in words"

_NUMBER_TEXT = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_MONTHS_SUFFIX = re.compile(r"\s*(?:months?|mos?\.?)$", re.I)


def parse_months(value: object) -> float:
    """A number of months, not negative: ``4``, ``"4.5"`` or ``"4 months"``.

    >>> parse_months("4.5 months"), parse_months(4)
    (4.5, 4.0)
    >>> parse_months("soon")
    Traceback (most recent call last):
    ...
    calculators.values.ValueProblem: enter months like 4 or 4.5
    """
    if isinstance(value, bool):
        raise ValueProblem(MONTHS_HINT)
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an integer too large for a float
            number = math.inf
    elif isinstance(value, str):
        text = _MONTHS_SUFFIX.sub("", value.strip()).replace(",", ".")
        if not _NUMBER_TEXT.match(text):
            raise ValueProblem(MONTHS_HINT)
        number = float(text)
    else:
        raise ValueProblem(MONTHS_HINT)
    if not math.isfinite(number):
        raise ValueProblem(MONTHS_HINT)
    if number < 0:
        raise ValueProblem("can't be negative")
    return number


def _flag(name: str, label: str, help_text: str, group: str, *, default: bool = False) -> Field:
    return Field(name, label, "flag", default=default, help=help_text, group=group)


FIELDS: tuple[Field, ...] = (
    Field(
        "offer",
        "The offer",
        "amount",
        required=True,
        minimum=0,
        help="The whole offer as it stands, per year: base, bonus, equity and sign-on together.",
        group=NUMBERS,
        placeholder="158k",
    ),
    Field(
        "floor",
        "Your floor",
        "amount",
        required=True,
        minimum=0,
        above_minimum=True,
        help="The yearly total you decided on in advance, below which you'd rather keep looking.",
        group=NUMBERS,
        placeholder="180k",
    ),
    Field(
        "target",
        "Your target",
        "amount",
        minimum=0,
        help="The researched number you'd be happy with; leave it empty to counter at your floor.",
        group=NUMBERS,
        placeholder="195k",
    ),
    Field(
        "runway_months",
        "Your runway",
        "percent",
        unit="months",
        minimum=0,
        help="How many months you could live without this job; leave it empty if you're not sure.",
        group=NUMBERS,
        placeholder="4",
        parser=parse_months,
        fill_from=("runway", "runway_months", "Use the runway you worked out"),
    ),
    *(
        Field(
            name,
            label,
            "integer",
            default=3,
            unit="1–5",
            minimum=1,
            maximum=5,
            help=f"{help_text} 1 is poor, 5 is excellent.",
            group=ROLE,
        )
        for name, label, help_text, _ in RATINGS
    ),
    Field(
        "counter_rounds",
        "Counters you've already made",
        "integer",
        default=0,
        minimum=0,
        maximum=10,
        help="How many times you've already asked for more on this offer.",
        group=STANDING,
    ),
    _flag(
        "last_counter_moved",
        "They improved the offer after your last counter",
        "Untick this if your last counter got no movement at all.",
        STANDING,
        default=True,
    ),
    _flag(
        "other_options",
        "You have another live offer or a process in its final rounds",
        "A real alternative, not a hope: it's what gives you leverage.",
        STANDING,
    ),
    *(
        _flag(name, label, "Tick this only if it really happened.", REASONS)
        for name, label, _ in REAL_REASONS
    ),
    Field(
        "gut_signal",
        GUT_LABEL,
        "text",
        default="",
        max_length=500,
        help="What's bothering you, said plainly; it counts once it's at least three words.",
        group=REASONS,
        placeholder="Four people left the team this year",
    ),
    *(_flag(name, label, help_text, FEELINGS) for name, label, help_text in FEELING_FLAGS),
)


@dataclass(frozen=True)
class Inputs:
    """What you told the calculator, parsed and checked."""

    offer: float
    floor: float
    target: float | None
    runway_months: float | None
    ratings: tuple[int, ...]  # in the order of RATINGS
    counter_rounds: int
    last_counter_moved: bool
    other_options: bool
    reasons_marked: tuple[str, ...]  # ids of the real reasons ticked, in the form's order
    gut_signal: str
    feelings_marked: tuple[str, ...]  # ids of the feelings ticked, in the form's order


def parse(data: object) -> Inputs | list[FieldError]:
    """Your inputs, or every problem found with them.

    >>> [e.field for e in parse({"offer": "lots", "target": 1})]
    ['offer', 'floor']
    >>> parse({"offer": 150000, "floor": 180000, "target": 170000})[0].message
    'Your target: should be at least your floor (180,000)'
    """
    values, errors = parse_object(data, FIELDS)
    failed = {error.field for error in errors}
    target = values.optional_amount("target") if "target" not in failed else None
    if target is not None and not failed & {"floor", "target"}:
        floor = values.amount("floor")
        if target < floor:
            errors.append(
                FieldError(
                    "target", f"Your target: should be at least your floor ({round(floor):,})"
                )
            )
    if errors:
        return errors
    return Inputs(
        offer=values.amount("offer"),
        floor=values.amount("floor"),
        target=target,
        runway_months=values.optional_amount("runway_months"),
        ratings=tuple(values.integer(name) for name, *_ in RATINGS),
        counter_rounds=values.integer("counter_rounds"),
        last_counter_moved=values.flag("last_counter_moved"),
        other_options=values.flag("other_options"),
        reasons_marked=tuple(name for name, *_ in REAL_REASONS if values.flag(name)),
        gut_signal=values.text("gut_signal"),
        feelings_marked=tuple(name for name, *_ in FEELING_FLAGS if values.flag(name)),
    )


def _parse_or_fail(data: Mapping[str, object]) -> Inputs:
    """Parse inputs known to be valid (for examples and tests)."""
    parsed = parse(dict(data))
    if isinstance(parsed, list):
        raise ValueError(parsed)
    return parsed


# ---------------------------------------------------------------------------
# The decision
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """A real reason found, or a feeling marked: the field's name and its plain label."""

    id: str
    label: str


@dataclass(frozen=True)
class Result:
    """The verdict, why, what to do next, and the words to do it with.

    ``offer``, ``floor``, ``target`` and ``counter_to`` (the amount a counter
    asks for, else None) are beyond the spec's keys: the page shows them and
    re-shows the amounts in the texts in the reader's currency.
    """

    verdict: str  # accept | counter | walk
    rule: str
    quadrant: str
    role_score: float
    gap_pct: float
    real_reasons: tuple[Reason, ...]
    not_reasons: tuple[Reason, ...]
    then_accept: bool
    next_step: str
    notes: tuple[str, ...]
    script: str
    offer: float
    floor: float
    target: float | None
    counter_to: float | None


def _gut_counts(text: str) -> bool:
    """A gut signal counts once it's put into at least three words."""
    return len(re.findall(r"\w+", text)) >= GUT_WORDS


def _decide(inputs: Inputs, gap_pct: float, quadrant: str, has_reason: bool) -> tuple[str, str]:
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


def _next_step(
    verdict: str,
    rule: str,
    then_accept: bool,
    counter_rounds: int,
    ask: str,
    reasons: tuple[Reason, ...],
) -> str:
    """The next step in a sentence or two."""
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
        what = (
            "the gut signal you put into words"
            if reasons[0].id == "gut_signal"
            else f"“{reasons[0].label}”"
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


def _notes(
    inputs: Inputs, verdict: str, rule: str, quadrant: str, calibrated: bool, has_gut: bool
) -> tuple[str, ...]:
    notes: list[str] = []
    if verdict == "counter" and calibrated:
        notes.append(
            "The offer already meets your number, so the counter asks for about 5% more: "
            "a modest ask that keeps the goodwill."
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
    low = min(inputs.ratings)
    words = [
        phrase
        for (*_, phrase), rating in zip(RATINGS, inputs.ratings, strict=True)
        if rating == low
    ][:2]
    return " and ".join(words)


def _script(
    inputs: Inputs, verdict: str, rule: str, ask: float, reasons: tuple[Reason, ...]
) -> str:
    """The email for the next step, with your numbers in; fill in the [brackets]."""
    money = _USD
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
        first = reasons[0].id
        if first == "gut_signal":
            reason = (
                "After a lot of thought, I've decided this isn't the right move for me: "
                f"[your one reason, said kindly; you noted: {inputs.gut_signal}]."
            )
        else:
            reason = next(line for name, _, line in REAL_REASONS if name == first)
    elif inputs.offer < inputs.floor and rule != "weak-small":
        reason = (
            f"The offer of {money.format(inputs.offer)} a year is below the "
            f"{money.format(inputs.floor)} I need to make this move work, and I don't "
            "expect that gap to close."
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


def compute(inputs: Inputs) -> Result:
    """The verdict by the spec's rules 1 to 6, with the next step, notes and script.

    >>> strong = {"scope": 4, "manager": 4, "team": 4, "growth": 4}
    >>> answer = compute(_parse_or_fail({"offer": 176000, "floor": 180000, **strong}))
    >>> answer.verdict, answer.rule, answer.then_accept, answer.next_step[:30]
    ('counter', 'strong-small', True, 'Counter once, then accept: ask')
    """
    gap = max(0.0, (inputs.floor - inputs.offer) * 100 / inputs.floor)
    score = sum(inputs.ratings) / len(inputs.ratings)
    quadrant = f"{'strong' if score >= STRONG_ROLE else 'weak'}-" + (
        "small" if gap <= SMALL_GAP_PCT else "big"
    )
    labels = {name: label for name, label, _ in REAL_REASONS}
    reasons = tuple(Reason(name, labels[name]) for name in inputs.reasons_marked)
    has_gut = _gut_counts(inputs.gut_signal)
    if has_gut:
        reasons += (Reason("gut_signal", f"Your gut signal: {inputs.gut_signal}"),)
    feelings = {name: label for name, label, _ in FEELING_FLAGS}
    not_reasons = tuple(Reason(name, feelings[name]) for name in inputs.feelings_marked)

    verdict, rule = _decide(inputs, gap, quadrant, bool(reasons))
    then_accept = verdict == "accept" and inputs.counter_rounds == 0  # rule 6
    if then_accept:
        verdict = "counter"
    ask, calibrated = _counter_amount(inputs)
    counter_to = ask if verdict == "counter" else None
    return Result(
        verdict=verdict,
        rule=rule,
        quadrant=quadrant,
        role_score=round(score, 2),
        gap_pct=round(gap, 2),
        real_reasons=reasons,
        not_reasons=not_reasons,
        then_accept=then_accept,
        next_step=_next_step(
            verdict, rule, then_accept, inputs.counter_rounds, _USD.format(ask), reasons
        ),
        notes=_notes(inputs, verdict, rule, quadrant, calibrated, has_gut),
        script=_script(inputs, verdict, rule, ask, reasons),
        offer=round(inputs.offer, 2),
        floor=round(inputs.floor, 2),
        target=None if inputs.target is None else round(inputs.target, 2),
        counter_to=None if counter_to is None else round(counter_to, 2),
    )


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

VERDICT_WORDS = {"accept": "Accept", "counter": "Counter", "walk": "Walk away"}
BANNER_KIND = {"accept": "success", "counter": "info", "walk": "warning"}
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
        "Your runway is three months or less and the offer is under your floor: taking it "
        "to pay the rent is defensible."
    ),
    "middle-runway": (
        "Your runway is between three and six months and the offer is under your floor: "
        "counter once more, take it if the answer comes within 5% of your floor, and walk "
        "if it doesn't."
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
_USD_AMOUNT = re.compile(r"\$\d{1,3}(?:,\d{3})*(?!\d)")


def _localize(text: str, result: Result, money: Money) -> str:
    """Re-show the result's own amounts (written in USD style) in the reader's currency."""
    if money.currency == "USD":
        return text
    known = {
        _USD.format(v): money.format(v)
        for v in (result.offer, result.floor, result.target, result.counter_to)
        if v is not None
    }
    return _USD_AMOUNT.sub(lambda m: known.get(m.group(0), m.group(0)), text)


def _pct(value: float) -> str:
    """A percentage with up to two decimals, so 5.04% never reads as 5%."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _list(title: str, items: tuple[Reason, ...]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{esc(item.label)}</li>" for item in items)
    return f'<p class="wa-subhead"><strong>{esc(title)}</strong></p><ul>{rows}</ul>'


def _chart(result: Result) -> str:
    """The 2×2: gap to your floor across, role strength up, your position marked."""
    left, right, top, bottom = 64.0, 392.0, 16.0, 236.0
    half_w, half_h = (right - left) / 2, (bottom - top) / 2
    gap = min(max(result.gap_pct, 0.0), 30.0)
    score = min(max(result.role_score, 1.0), 5.0)
    # Each half of an axis is one side of a line the rules draw, so the quadrants are equal.
    x = left + (gap / 5 * half_w if gap <= 5 else half_w + (gap - 5) / 25 * half_w)
    y = bottom - (
        (score - 1) / 2.5 * half_h if score < STRONG_ROLE else half_h + (score - 3.5) / 1.5 * half_h
    )
    action = " ".join(QUADRANT_ACTIONS[result.quadrant]).lower()
    chart = Svg(
        400,
        290,
        f"Where your offer sits: {QUADRANT_WORDS[result.quadrant].lower()} "
        f"(a gap of {_pct(result.gap_pct)}, a role score of {result.role_score:g} of 5), "
        f"where the advice is: {action}.",
    )
    corners = {
        "strong-small": (left, top),
        "strong-big": (left + half_w, top),
        "weak-small": (left, top + half_h),
        "weak-big": (left + half_w, top + half_h),
    }
    qx, qy = corners[result.quadrant]
    chart.rect(qx, qy, half_w, half_h, "wa-band", title=QUADRANT_WORDS[result.quadrant])
    chart.line(left + half_w, top, left + half_w, bottom, "wa-grid")
    chart.line(left, top + half_h, right, top + half_h, "wa-grid")
    chart.line(left, top, left, bottom, "wa-axis")
    chart.line(left, bottom, right, bottom, "wa-axis")
    for quadrant, (cx, cy) in corners.items():
        for i, line in enumerate(QUADRANT_ACTIONS[quadrant]):
            chart.text(cx + half_w / 2, cy + 22 + 15 * i, line, "wa-label", "middle")
    chart.text(left, bottom + 15, "0%", "wa-label", "start")
    chart.text(left + half_w, bottom + 15, "5%", "wa-label", "middle")
    chart.text(right, bottom + 15, "30%+", "wa-label", "end")
    chart.text(left + half_w / 2, bottom + 34, "Small gap", "wa-label", "middle")
    chart.text(left + 1.5 * half_w, bottom + 34, "Big gap to your floor", "wa-label", "middle")
    chart.text(left - 8, top + 10, "5", "wa-label", "end")
    chart.text(left - 8, top + half_h + 4, "3.5", "wa-label", "end")
    chart.text(left - 8, bottom, "1", "wa-label", "end")
    chart.text(left - 8, top + half_h / 2, "Strong", "wa-label", "end")
    chart.text(left - 8, top + half_h / 2 + 14, "role", "wa-label", "end")
    chart.text(left - 8, top + 1.5 * half_h, "Weak", "wa-label", "end")
    chart.text(left - 8, top + 1.5 * half_h + 14, "role", "wa-label", "end")
    chart.circle(
        x,
        y,
        7,
        "wa-marker",
        title=f"You: a gap of {_pct(result.gap_pct)}, a role score of {result.role_score:g}",
    )
    return f'<figure class="wa-figure">{chart.render()}</figure>'


def render(result: Result, money: Money) -> str:
    """The verdict as a page shows it: banner, why, facts, reasons, notes, script, chart.

    >>> html = render(compute(_parse_or_fail(EXAMPLE)), Money("EUR"))
    >>> html.startswith('<div class="wa-result wa-result--walk">'), "€195,000" in html
    (True, True)
    """
    verdict = VERDICT_WORDS[result.verdict]
    if result.then_accept:
        verdict = "Counter, then accept"
    gap_words = (
        f"{_pct(result.gap_pct)} under your floor of {money.format(result.floor)}"
        if result.offer < result.floor
        else f"at or above your floor of {money.format(result.floor)}"
    )
    headline = (
        f"{verdict}: the offer of {money.format(result.offer)} is {gap_words}, and the role "
        f"scores {result.role_score:g} of 5."
    )
    why = RULE_WORDS[result.rule]
    if result.rule == "real-reason":
        why = f"You ticked a real reason to walk ({result.real_reasons[0].label}). {why}"
    if result.then_accept:
        why += " You haven't countered yet, so counter once first: companies expect it."
    banner = admonition(
        BANNER_KIND[result.verdict],
        "The verdict",
        f'<p class="wa-verdict">{esc(verdict)}</p>'
        f"<p>{esc(_localize(result.next_step, result, money))}</p>",
    )
    facts = [
        ["The offer", money.format(result.offer)],
        ["Your floor", money.format(result.floor)],
    ]
    if result.target is not None:
        facts.append(["Your target", money.format(result.target)])
    facts += [
        ["Gap to your floor", _pct(result.gap_pct)],
        ["Role score", f"{result.role_score:g} of 5"],
        ["Where you stand", QUADRANT_WORDS[result.quadrant]],
    ]
    notes = ""
    if result.notes:
        items = "".join(f"<li>{esc(_localize(n, result, money))}</li>" for n in result.notes)
        notes = admonition("note", "Keep in mind", f"<ul>{items}</ul>")
    script = esc(_localize(result.script, result, money))
    return (
        f'<div class="wa-result wa-result--walk"><p class="wa-headline">{esc(headline)}</p>'
        f"{banner}"
        f'<p class="wa-why"><strong>Why:</strong> {esc(why)}</p>'
        f"{table('The numbers behind it', ['What', 'Value'], facts)}"
        f"{_list('Real reasons you ticked', result.real_reasons)}"
        f"{_list('Feelings you ticked (not reasons)', result.not_reasons)}"
        f"{notes}"
        '<p class="wa-subhead"><strong>Your script</strong> '
        "(fill in the parts in [square brackets])</p>"
        '<button type="button" class="md-button wa-copy" data-action="copy-script">'
        "Copy the script</button>"
        f'<pre class="wa-script"><code>{script}</code></pre>'
        f"{_chart(result)}</div>"
    )


EXAMPLE: Mapping[str, object] = {
    "offer": 158400,
    "floor": 180000,
    "target": 195000,
    "scope": 4,
    "manager": 4,
    "team": 4,
    "growth": 4,
    "location": 3,
    "equity_quality": 3,
    "counter_rounds": 0,
    "runway_months": 4,
}

CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="walk",
    title="Counter, accept or walk away",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
)
