"""The walk decision's words: the next step, the notes and the script to send."""

from __future__ import annotations

import re

import pytest

from calculators.walk import EXAMPLE, Result
from tests.support.calls import STRONG_ROLE, WEAK_ROLE, computed


def walk(**data: object) -> Result:
    result: Result = computed("walk", data)
    return result


def test_counter_script_asks_for_the_target() -> None:
    """The counter asks for the target as one total-comp number, warmly."""
    script = walk(offer=150000, floor=180000, target=195000, **STRONG_ROLE).script
    assert "total compensation of $195,000 a year" in script
    assert "sign-on bonus or a larger equity grant" in script
    assert "ready to sign quickly" in script


def test_counter_script_opens_at_the_anchor() -> None:
    """A first counter asks for the anchor, the number the next step names too."""
    result = walk(offer=150000, floor=180000, target=195000, anchor=210000, **STRONG_ROLE)
    assert "total compensation of $210,000 a year" in result.script
    assert "$210,000" in result.next_step


def test_opening_at_the_floor_comes_with_a_note() -> None:
    """With neither anchor nor target, the first counter asks for the floor and says why
    that leaves no room."""
    notes = walk(offer=150000, floor=180000, **STRONG_ROLE).notes
    assert any("opening at your floor" in note and "anchor" in note for note in notes)
    later = walk(offer=150000, floor=180000, target=190000, **STRONG_ROLE).notes
    assert not any("opening at your floor" in note for note in later)


def test_counter_without_target_asks_for_the_floor() -> None:
    """With no target, the counter asks for the floor."""
    result = walk(offer=150000, floor=180000, **STRONG_ROLE)
    assert result.counter_to == 180000.0
    assert "$180,000 a year" in result.script


def test_counter_when_offer_meets_target_asks_five_percent_more() -> None:
    """An offer already at the target gets a modest ask, 5% up to the next thousand."""
    result = walk(offer=200000, floor=180000, target=195000, **STRONG_ROLE)
    assert (result.verdict, result.counter_to) == ("counter", 210000.0)
    assert any("about 5% more" in note for note in result.notes)


def test_accept_script_asks_for_the_offer_in_writing() -> None:
    """The acceptance asks for the final offer in writing, with the breakdown."""
    script = walk(offer=176000, floor=180000, counter_rounds=1, **STRONG_ROLE).script
    assert "accept the offer of $176,000" in script
    for part in (
        "in writing",
        "base",
        "bonus target",
        "vesting schedule",
        "sign-on bonus",
        "start date",
    ):
        assert part in script


@pytest.mark.parametrize("currency", ["USD", "EUR"])
def test_walk_script_names_no_number_and_no_gap(currency: str) -> None:
    """Walking on the numbers names no amount and no gap (a number would reopen the talks),
    gives one plain reason, and leaves the door open."""
    result = walk(offer=150000, floor=180000, target=200000, **WEAK_ROLE)
    assert result.verdict == "walk"
    script = result.script
    assert not re.search(r"\d", script), script
    assert "doesn't meet what I need" in script
    assert "If things change on your side" in script
    assert "[hiring manager's name]" in script
    assert script.startswith("Subject: ")


def test_walk_script_gives_the_first_real_reason() -> None:
    """Walking on a real reason gives that reason, not the numbers."""
    script = walk(offer=150000, floor=180000, scope_downgraded=True, scope_drift=True).script
    assert "changed from the scope we first discussed" in script
    assert "$150,000" not in script


def test_walk_script_for_a_weak_role_names_its_weakest_parts() -> None:
    """A weak-small walk gives the role's lowest-rated parts as the reason."""
    script = walk(offer=185000, floor=180000, **WEAK_ROLE).script
    assert "mainly because of the scope of the work and the room to grow" in script


def test_notes_for_weak_small_say_reassess_at_week_six() -> None:
    """A weak role with a small gap gets the week-six check-in."""
    assert any("week six" in note for note in walk(offer=185000, floor=180000, **WEAK_ROLE).notes)


def test_notes_say_stop_after_two_counters() -> None:
    """From two counters on, the notes say to stop after this round."""
    notes = walk(offer=185000, floor=180000, counter_rounds=2, **STRONG_ROLE).notes
    assert any("stop after this round" in note for note in notes)


@pytest.mark.parametrize(
    ("data", "bluff"),
    [
        ({"offer": 150000, **WEAK_ROLE}, True),
        ({"offer": 150000, **STRONG_ROLE}, True),
        ({"offer": 185000, "counter_rounds": 1, **STRONG_ROLE}, False),
    ],
)
def test_no_bluff_note_on_counter_and_walk(data: dict[str, object], bluff: bool) -> None:
    """Counters and walks warn never to bluff a walk-away; an accept doesn't."""
    notes = walk(floor=180000, **data).notes
    assert any("bluff" in note for note in notes) is bluff


def test_strong_small_note_keeps_the_relationship() -> None:
    """A strong role close to the floor gets the don't-risk-it note."""
    notes = walk(offer=176000, floor=180000, **STRONG_ROLE).notes
    assert any("last few percent" in note for note in notes)


def test_middle_runway_next_step_sets_the_five_percent_line() -> None:
    """A middle-runway counter says when to accept and when to walk."""
    assert computed("walk", EXAMPLE).next_step == (
        "Counter once at $195,000: accept if their answer lands within 5% of your floor, "
        "and walk away if it doesn't."
    )


@pytest.mark.parametrize(
    ("extra", "says_options"),
    [({"other_options": True}, True), ({"runway_months": 8}, False), ({}, False)],
)
def test_a_weak_small_walk_says_you_have_options_only_when_you_do(
    extra: dict[str, object], says_options: bool
) -> None:
    """ "Another live option" is said only when the reader ticked one."""
    result = walk(offer=185000, floor=180000, counter_rounds=1, **WEAK_ROLE, **extra)
    assert result.rule == "weak-small"
    assert ("another live option" in result.next_step) is says_options


def test_a_walk_for_a_weak_role_names_only_items_rated_one_or_two() -> None:
    """Scope 1 with team and growth at 3 ("fine"): the email names the scope alone."""
    result = walk(offer=185000, floor=180000, counter_rounds=1, scope=1, team=3, growth=3)
    assert (result.verdict, result.rule) == ("walk", "weak-small")
    assert "mainly because of the scope of the work." in result.script
    assert "the fit with the team" not in result.script
    assert "the room to grow" not in result.script


def test_a_walk_with_a_short_runway_says_paying_the_rent_is_defensible() -> None:
    """A real reason with under three months of cash and no other offer: the rent note."""
    result = walk(offer=150000, floor=180000, runway_months=2, bad_faith=True)
    assert result.verdict == "walk"
    assert any("paying the rent" in note and "keep looking" in note for note in result.notes)
    backed = walk(offer=150000, floor=180000, runway_months=2, bad_faith=True, other_options=True)
    assert not any("paying the rent" in note for note in backed.notes)


def test_the_walk_away_email_quotes_a_gut_note_only_with_the_tick() -> None:
    """A happy note is never quoted in a walk-away email."""
    happy = walk(offer=150000, floor=180000, bad_faith=True, gut_signal="No concerns, great team")
    assert "great team" not in happy.script
    ticked = walk(
        offer=150000, floor=180000, gut_says_walk=True, gut_signal="four people left the team"
    )
    assert "four people left the team" in ticked.script


@pytest.mark.parametrize(
    ("data", "summary"),
    [
        ({"offer": 150000, "floor": 180000}, "Counter at $180,000."),
        (
            {"offer": 190000, "floor": 180000},
            "Counter at $200,000, then accept the best they can do.",
        ),
        (
            {"offer": 176000, "floor": 180000, "counter_rounds": 1},
            "Accept the offer of $176,000, and ask for it in writing.",
        ),
        ({"offer": 150000, "floor": 180000, **WEAK_ROLE}, "Walk away: a weak role and a big gap."),
    ],
)
def test_the_summary_is_one_sentence_with_the_key_figure(
    data: dict[str, object], summary: str
) -> None:
    """The summary a screen reader hears: the verdict and the number to ask for."""
    assert walk(**data).summary == summary
