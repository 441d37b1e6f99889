"""The walk decision's inputs: its fields (what the form asks), parsing and validation.

>>> parse({"offer": "158.4k", "floor": "180k", "runway_months": "4 months"}).runway_months
4.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators.parsing import parse_object
from calculators.schema import Field, FieldError

__all__ = [
    "EXAMPLE",
    "FEELING_FLAGS",
    "FIELDS",
    "GUT_LABEL",
    "RATINGS",
    "REAL_REASONS",
    "Inputs",
    "parse",
    "parse_or_fail",
    "read",
]

NUMBERS = "Your numbers"
ROLE = "The role"
STANDING = "Where the negotiation stands"
REASONS = "Real reasons to walk"
FEELINGS = "Feelings (not reasons)"

# The six things besides pay that make a role strong or weak: (id, label, help).
RATINGS: tuple[tuple[str, str, str], ...] = (
    ("scope", "Scope", "How big and interesting the work itself is."),
    ("manager", "Manager", "How well you'd work with the person you'd report to."),
    ("team", "Team", "How much you'd like working with the people around you."),
    ("growth", "Growth", "How much room there is to learn and move up."),
    ("location", "Location", "How well the place, commute or remote setup suits your life."),
    ("equity_quality", "Equity quality", "How much you trust the equity to be worth something."),
)

# Real reasons and structural signals (the guide's G3, G5, G6): (id, plain label).
REAL_REASONS: tuple[tuple[str, str], ...] = (
    ("recruiter_pushback", "The recruiter resists every fair request you make"),
    ("scope_downgraded", "The scope was cut back partway through the process"),
    ("serious_red_flag", "A serious red flag came up (layoffs, lawsuits, key people leaving)"),
    (
        "bad_faith",
        "They acted in bad faith (went back on terms, misled you, moved the goalposts)",
    ),
    ("one_sided_concessions", "They ask you to give things up and offer nothing back"),
    (
        "authority_problem",
        "Whoever you negotiate with keeps getting overruled by someone you never meet",
    ),
    ("scope_drift", "The job keeps growing while the pay and commitment don't"),
    ("unreasonable_demands", "They ask for things that go against your standards or ethics"),
    ("incompatible_objectives", "What you need and what they can give simply don't fit"),
)

# Feelings that only feel like reasons (the guide's G4): (id, label, help).
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
GUT_TICK_LABEL = "My gut says don't take it, and I can say why"


def _flag(name: str, label: str, help_text: str, group: str, *, default: bool = False) -> Field:
    return Field(name, label, "flag", default=default, help=help_text, group=group)


FIELDS: tuple[Field, ...] = (
    Field(
        "offer",
        "The offer",
        "amount",
        required=True,
        minimum=0,
        yearly=True,
        help="The whole offer as it stands, per year: base, bonus, equity and sign-on together.",
        group=NUMBERS,
        placeholder="158k",
    ),
    Field(
        "floor",
        "Your floor",
        "amount",
        yearly=True,
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
        yearly=True,
        minimum=0,
        help="The researched number you'd be happy with; leave it empty to counter at your floor.",
        group=NUMBERS,
        placeholder="195k",
    ),
    Field(
        "anchor",
        "Your anchor",
        "amount",
        yearly=True,
        minimum=0,
        help=(
            "Your opening ask: the top of the band you can defend. A first counter opens "
            "here; leave it empty to open at your target."
        ),
        group=NUMBERS,
        placeholder="210k",
    ),
    Field(
        "runway_months",
        "Your runway",
        "months",
        unit="months",
        minimum=0,
        help="How many months you could live without this job; leave it empty if you're not sure.",
        group=NUMBERS,
        placeholder="4",
        fill_from=("runway", "runway_months", "Use the runway you worked out"),
    ),
    *(
        Field(
            name,
            label,
            "rating",
            unit="1–5",
            minimum=1,
            maximum=5,
            help=(
                f"{help_text} 1 poor, 2 below par, 3 fine, 4 good, 5 excellent; leave it "
                "unrated if you can't say."
            ),
            group=ROLE,
        )
        for name, label, help_text in RATINGS
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
        for name, label in REAL_REASONS
    ),
    _flag(
        "gut_says_walk",
        GUT_TICK_LABEL,
        (
            "Tick this only if something you noticed is why you'd walk away. It then counts "
            "as a real reason, once you've put it into words below (three words or more)."
        ),
        REASONS,
    ),
    Field(
        "gut_signal",
        GUT_LABEL,
        "text",
        default="",
        max_length=500,
        help=(
            "What you noticed, said plainly. On its own, a note changes nothing: it counts "
            "only with the tick above."
        ),
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
    anchor: float | None
    runway_months: float | None
    ratings: tuple[int | None, ...]  # in the order of RATINGS; None: not rated
    counter_rounds: int
    last_counter_moved: bool
    other_options: bool
    reasons_marked: tuple[str, ...]  # ids of the real reasons ticked, in the form's order
    gut_says_walk: bool  # the reader says the gut signal is why they'd walk
    gut_signal: str
    feelings_marked: tuple[str, ...]  # ids of the feelings ticked, in the form's order


def parse(data: object) -> Inputs | list[FieldError]:
    """Your inputs, or every problem found with them.

    >>> [e.field for e in parse({"offer": "lots", "target": 1})]
    ['offer', 'floor']
    >>> parse({"offer": 150000, "floor": 180000, "target": 170000})[0].message
    'Your target: should be at least your floor (180,000)'
    >>> parse({"offer": 1, "floor": 180000, "target": 195000, "anchor": 190000})[0].message
    'Your anchor: should be at least your target (195,000)'
    """
    values, errors = parse_object(data, FIELDS)
    failed = {error.field for error in errors}
    if values.get("floor") is not None and not failed & {"floor", "target", "anchor"}:
        errors += _order_errors(
            values.amount("floor"),
            values.optional_amount("target"),
            values.optional_amount("anchor"),
        )
    if errors:
        return errors
    return Inputs(
        offer=values.amount("offer"),
        floor=values.amount("floor"),
        target=values.optional_amount("target"),
        anchor=values.optional_amount("anchor"),
        runway_months=values.optional_amount("runway_months"),
        ratings=tuple(values.optional_integer(name) for name, *_ in RATINGS),
        counter_rounds=values.integer("counter_rounds"),
        last_counter_moved=values.flag("last_counter_moved"),
        other_options=values.flag("other_options"),
        reasons_marked=tuple(name for name, _ in REAL_REASONS if values.flag(name)),
        gut_says_walk=values.flag("gut_says_walk"),
        gut_signal=values.text("gut_signal"),
        feelings_marked=tuple(name for name, *_ in FEELING_FLAGS if values.flag(name)),
    )


def _order_errors(floor: float, target: float | None, anchor: float | None) -> list[FieldError]:
    """Your numbers in their order: floor, then target, then anchor."""
    found = []
    if target is not None and target < floor:
        found.append(
            FieldError("target", f"Your target: should be at least your floor ({round(floor):,})")
        )
    highest, name = (
        (target, "target") if target is not None and target >= floor else (floor, "floor")
    )
    if anchor is not None and anchor < highest:
        found.append(
            FieldError(
                "anchor", f"Your anchor: should be at least your {name} ({round(highest):,})"
            )
        )
    return found


def read(inputs: Inputs) -> dict[str, object]:
    """The inputs as the engine understood them, by field name, defaults filled in."""
    ratings = dict(zip((name for name, *_ in RATINGS), inputs.ratings, strict=True))
    flags = {name: name in inputs.reasons_marked for name, _ in REAL_REASONS} | {
        name: name in inputs.feelings_marked for name, *_ in FEELING_FLAGS
    }
    given: dict[str, object] = {
        "offer": inputs.offer,
        "floor": inputs.floor,
        "target": inputs.target,
        "anchor": inputs.anchor,
        "runway_months": inputs.runway_months,
        **ratings,
        "counter_rounds": inputs.counter_rounds,
        "last_counter_moved": inputs.last_counter_moved,
        "other_options": inputs.other_options,
        "gut_says_walk": inputs.gut_says_walk,
        "gut_signal": inputs.gut_signal,
        **flags,
    }
    return {field.name: given[field.name] for field in FIELDS}


def parse_or_fail(data: Mapping[str, object]) -> Inputs:
    """Parse inputs known to be valid (for examples and tests)."""
    parsed = parse(dict(data))
    if isinstance(parsed, list):
        raise ValueError(parsed)
    return parsed


# The page's worked example: the guide's middle-runway case.
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
