"""The walk decision's inputs: its fields (what the form asks), parsing and validation.

>>> parse({"offer": "158.4k", "floor": "180k", "runway_months": "4 months"}).runway_months
4.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from calculators.parsing import Values, build, parse_object
from calculators.schema import Field, FieldError, amount, declared, example_of, fields_of

__all__ = [
    "EXAMPLE",
    "FEELING_FLAGS",
    "FIELDS",
    "GUT_LABEL",
    "RATINGS",
    "REAL_REASONS",
    "Inputs",
    "order_errors",
    "parse",
    "parse_or_fail",
]

NUMBERS = "Your numbers"
ROLE = "The role"
STANDING = "Where the negotiation stands"
REASONS = "Real reasons to walk"
GUT = REASONS  # the gut tick and note sit with the real reasons
FEELINGS = "Feelings (not reasons)"

RATING_SCALE = (
    "1 poor, 2 below par, 3 fine, 4 good, 5 excellent; leave it unrated if you can't say."
)
REASON_HELP = "Tick this only if it really happened."
GUT_LABEL = "Your gut signal, in words"
GUT_TICK_LABEL = "My gut says don't take it, and I can say why"
GUT_FIELDS = ("gut_says_walk", "gut_signal")  # beside the real reasons, not one of them


def _amount(label: str, help_text: str, placeholder: str, **options: Any) -> Any:
    """A yearly amount of the numbers you bring."""
    return amount(label, help_text, NUMBERS, placeholder, yearly=True, **options)


def _rating(label: str, help_text: str, example: int) -> Any:
    """How strong the role is on one thing besides pay, 1 to 5, or not rated."""
    return declared(
        Field(
            "",
            label,
            "rating",
            unit="1–5",
            minimum=1,
            maximum=5,
            help=f"{help_text} {RATING_SCALE}",
            group=ROLE,
            example=example,
        )
    )


def _flag(label: str, help_text: str, group: str, *, default: bool = False) -> Any:
    return declared(Field("", label, "flag", default=default, help=help_text, group=group))


@dataclass(frozen=True, kw_only=True)
class Inputs:
    """What you told the calculator, parsed and checked: every field, declared once here
    (the form, the parsing, the worked example and ``read`` all come from it)."""

    offer: float = _amount(
        "The offer",
        "The whole offer as it stands, per year: base, bonus, equity and sign-on together.",
        "158k",
        required=True,
        example=158400,
    )
    floor: float = _amount(
        "Your floor",
        "The yearly total you decided on in advance, below which you'd rather keep looking.",
        "180k",
        required=True,
        above_minimum=True,
        example=180000,
    )
    target: float | None = _amount(
        "Your target",
        "The researched number you'd be happy with; leave it empty to counter at your floor.",
        "195k",
        example=195000,
    )
    anchor: float | None = _amount(
        "Your anchor",
        "Your opening ask: the top of the band you can defend. A first counter opens "
        "here; leave it empty to open at your target.",
        "210k",
    )
    runway_months: float | None = declared(
        Field(
            "",
            "Your runway",
            "months",
            unit="months",
            minimum=0,
            help="How many months you could live without this job; leave it empty if you're "
            "not sure.",
            group=NUMBERS,
            placeholder="4",
            fill_from=("runway", "runway_months", "Use the runway you worked out"),
            example=4,
        )
    )
    # The six things besides pay that make a role strong or weak.
    scope: int | None = _rating("Scope", "How big and interesting the work itself is.", 4)
    manager: int | None = _rating(
        "Manager", "How well you'd work with the person you'd report to.", 4
    )
    team: int | None = _rating("Team", "How much you'd like working with the people around you.", 4)
    growth: int | None = _rating("Growth", "How much room there is to learn and move up.", 4)
    location: int | None = _rating(
        "Location", "How well the place, commute or remote setup suits your life.", 3
    )
    equity_quality: int | None = _rating(
        "Equity quality", "How much you trust the equity to be worth something.", 3
    )
    counter_rounds: int = declared(
        Field(
            "",
            "Counters you've already made",
            "integer",
            default=0,
            minimum=0,
            maximum=10,
            help="How many times you've already asked for more on this offer.",
            group=STANDING,
            example=0,
        )
    )
    last_counter_moved: bool = _flag(
        "They improved the offer after your last counter",
        "Untick this if your last counter got no movement at all.",
        STANDING,
        default=True,
    )
    other_options: bool = _flag(
        "You have another live offer or a process in its final rounds",
        "A real alternative, not a hope: it's what gives you leverage.",
        STANDING,
    )
    # Real reasons and structural signals (the guide's G3, G5, G6).
    recruiter_pushback: bool = _flag(
        "The recruiter resists every fair request you make", REASON_HELP, REASONS
    )
    scope_downgraded: bool = _flag(
        "The scope was cut back partway through the process", REASON_HELP, REASONS
    )
    serious_red_flag: bool = _flag(
        "A serious red flag came up (layoffs, lawsuits, key people leaving)", REASON_HELP, REASONS
    )
    bad_faith: bool = _flag(
        "They acted in bad faith (went back on terms, misled you, moved the goalposts)",
        REASON_HELP,
        REASONS,
    )
    one_sided_concessions: bool = _flag(
        "They ask you to give things up and offer nothing back", REASON_HELP, REASONS
    )
    authority_problem: bool = _flag(
        "Whoever you negotiate with keeps getting overruled by someone you never meet",
        REASON_HELP,
        REASONS,
    )
    scope_drift: bool = _flag(
        "The job keeps growing while the pay and commitment don't", REASON_HELP, REASONS
    )
    unreasonable_demands: bool = _flag(
        "They ask for things that go against your standards or ethics", REASON_HELP, REASONS
    )
    incompatible_objectives: bool = _flag(
        "What you need and what they can give simply don't fit", REASON_HELP, REASONS
    )
    gut_says_walk: bool = _flag(
        GUT_TICK_LABEL,
        "Tick this only if something you noticed is why you'd walk away. It then counts "
        "as a real reason, once you've put it into words below (three words or more).",
        GUT,
    )
    gut_signal: str = declared(
        Field(
            "",
            GUT_LABEL,
            "text",
            default="",
            max_length=500,
            help="What you noticed, said plainly. On its own, a note changes nothing: it counts "
            "only with the tick above.",
            group=GUT,
            placeholder="Four people left the team this year",
        )
    )
    # Feelings that only feel like reasons (the guide's G4).
    under_wish_above_floor: bool = _flag(
        "It's a little under your wish, but above your floor",
        "Tick this if the offer misses the number you hoped for but still clears your floor.",
        FEELINGS,
    )
    slow_process: bool = _flag(
        "The process has been slow",
        "Tick this if the hiring process dragged; that's usually friction inside the company.",
        FEELINGS,
    )
    tired: bool = _flag(
        "You're tired of interviewing",
        "Tick this if you mostly want the search to be over.",
        FEELINGS,
    )
    might_pay_more_later: bool = _flag(
        "Another company might pay more in a few months",
        "Tick this if you're weighing an offer that doesn't exist yet.",
        FEELINGS,
    )
    friend_higher_offer: bool = _flag(
        "A friend got a higher offer elsewhere",
        "Tick this if someone else's number is on your mind.",
        FEELINGS,
    )

    @property
    def ratings(self) -> tuple[int | None, ...]:
        """The six ratings in the form's order; None: not rated."""
        return tuple(getattr(self, field.name) for field in RATINGS)

    @property
    def reasons_marked(self) -> tuple[str, ...]:
        """The ids of the real reasons ticked, in the form's order."""
        return tuple(field.name for field in REAL_REASONS if getattr(self, field.name))

    @property
    def feelings_marked(self) -> tuple[str, ...]:
        """The ids of the feelings ticked, in the form's order."""
        return tuple(field.name for field in FEELING_FLAGS if getattr(self, field.name))


FIELDS: tuple[Field, ...] = fields_of(Inputs)
RATINGS = tuple(field for field in FIELDS if field.group == ROLE)
REAL_REASONS = tuple(
    field for field in FIELDS if field.group == REASONS and field.name not in GUT_FIELDS
)
FEELING_FLAGS = tuple(field for field in FIELDS if field.group == FEELINGS)


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
    errors += order_errors(values, errors)
    if errors:
        return errors
    return build(Inputs, FIELDS, values)


def order_errors(values: Values, errors: Sequence[FieldError]) -> list[FieldError]:
    """Your numbers in their order: floor, then target, then anchor (checked once the
    three were read without ``errors`` of their own)."""
    failed = {error.field for error in errors}
    if values.get("floor") is None or failed & {"floor", "target", "anchor"}:
        return []
    floor, target = values.amount("floor"), values.optional_amount("target")
    anchor = values.optional_amount("anchor")
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


def parse_or_fail(data: Mapping[str, object]) -> Inputs:
    """Parse inputs known to be valid (for examples and tests)."""
    parsed = parse(dict(data))
    if isinstance(parsed, list):
        raise ValueError(parsed)
    return parsed


EXAMPLE: Mapping[str, object] = example_of(Inputs)
