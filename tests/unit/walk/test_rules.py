"""The walk decision's rules, one by one, and what holds across all of them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.walk import EXAMPLE, Result
from tests.support import (
    FEELING_IDS,
    REAL_REASON_IDS,
    STRONG_ROLE,
    WEAK_ROLE,
    computed,
)


def walk(**data: object) -> Result:
    result: Result = computed("walk", data)
    return result


runways = st.none() | st.sampled_from([0, 2, 3, 3.5, 4, 5.9, 6, 9]) | st.floats(0, 12)


@st.composite
def situations(draw: st.DrawFn) -> dict[str, object]:
    """Valid inputs without the offer; real reasons rare, so the other rules get exercised."""
    data: dict[str, object] = {
        "floor": draw(st.integers(min_value=1000, max_value=400_000)),
        **{name: draw(st.sampled_from([2, 3, 4, 5, 1])) for name in STRONG_ROLE},
        "counter_rounds": draw(st.integers(min_value=0, max_value=3)),
        "last_counter_moved": draw(st.booleans()),
        "other_options": draw(st.booleans()),
        "runway_months": draw(runways),
        "gut_signal": draw(st.sampled_from(["", "", "", "odd", "the roadmap stayed vague"])),
        **{name: draw(st.booleans()) for name in FEELING_IDS},
    }
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.sampled_from(REAL_REASON_IDS))] = True
    return data


def test_example_is_the_guides_middle_runway_case() -> None:
    """Four months of runway, 12% under the floor: counter once at the target."""
    result = computed("walk", EXAMPLE)
    assert (result.verdict, result.rule, result.quadrant) == (
        "counter",
        "middle-runway",
        "strong-big",
    )
    assert (result.gap_pct, result.role_score, result.counter_to) == (12.0, 3.67, 195000.0)
    assert result.then_accept is False


@pytest.mark.parametrize("reason", REAL_REASON_IDS)
def test_each_real_reason_walks(reason: str) -> None:
    """Rule 1: any real reason walks, even from a strong offer above the floor."""
    result = walk(offer=200000, floor=180000, counter_rounds=1, **STRONG_ROLE, **{reason: True})
    assert (result.verdict, result.rule) == ("walk", "real-reason")
    assert [r.id for r in result.real_reasons] == [reason]


def test_gut_signal_in_three_words_walks() -> None:
    """Rule 1: a gut signal put into three words is a real reason."""
    result = walk(offer=200000, floor=180000, **STRONG_ROLE, gut_signal="vague roadmap, thrice")
    assert (result.verdict, result.rule) == ("walk", "real-reason")
    assert [r.id for r in result.real_reasons] == ["gut_signal"]


def test_gut_signal_in_two_words_does_not_count() -> None:
    """A two-word gut signal isn't a reason yet, and a note asks for more words."""
    result = walk(
        offer=200000, floor=180000, counter_rounds=1, **STRONG_ROLE, gut_signal="feels off"
    )
    assert (result.verdict, result.real_reasons) == ("accept", ())
    assert any("more words" in note for note in result.notes)


def test_short_runway_accepts_below_the_floor() -> None:
    """Rule 2: three months of runway or less, under the floor: accept."""
    result = walk(offer=150000, floor=180000, runway_months=3, counter_rounds=1, **WEAK_ROLE)
    assert (result.verdict, result.rule, result.then_accept) == ("accept", "short-runway", False)


@pytest.mark.parametrize(
    ("offer", "rounds", "verdict"),
    [(175000, 1, "accept"), (158400, 1, "counter"), (158400, 2, "walk")],
)
def test_middle_runway(offer: int, rounds: int, verdict: str) -> None:
    """Rule 3: small gap accepts; a big one counters before the second counter, walks after."""
    result = walk(offer=offer, floor=180000, runway_months=4, counter_rounds=rounds, **STRONG_ROLE)
    assert (result.verdict, result.rule) == (verdict, "middle-runway")


def test_six_months_of_runway_is_not_the_middle() -> None:
    """At six months the runway rules stop and the quadrant decides."""
    assert walk(offer=158400, floor=180000, runway_months=6, **STRONG_ROLE).rule == "strong-big"


def test_below_floor_after_second_counter_walks() -> None:
    """Rule 4: still under the floor after two counters: walk, even a strong small gap."""
    result = walk(offer=175000, floor=180000, counter_rounds=2, **STRONG_ROLE)
    assert (result.verdict, result.rule) == ("walk", "below-floor-after-second-counter")


def test_strong_small_accepts() -> None:
    """Rule 5: strong role, small gap, already countered: accept."""
    result = walk(offer=176000, floor=180000, counter_rounds=1, **STRONG_ROLE)
    assert (result.verdict, result.rule, result.quadrant) == (
        "accept",
        "strong-small",
        "strong-small",
    )


@pytest.mark.parametrize(
    ("rounds", "moved", "verdict"),
    [(0, True, "counter"), (0, False, "counter"), (1, True, "counter"), (1, False, "walk")],
)
def test_strong_big(rounds: int, moved: bool, verdict: str) -> None:
    """Rule 5: strong role, big gap: counter, and walk once a counter didn't move them."""
    result = walk(
        offer=150000, floor=180000, counter_rounds=rounds, last_counter_moved=moved, **STRONG_ROLE
    )
    assert (result.verdict, result.rule) == (verdict, "strong-big")


def test_weak_big_walks() -> None:
    """Rule 5: weak role, big gap: walk now."""
    result = walk(offer=150000, floor=180000, **WEAK_ROLE)
    assert (result.verdict, result.rule) == ("walk", "weak-big")


@pytest.mark.parametrize(
    ("extra", "verdict"),
    [
        ({"runway_months": 5}, "accept"),
        ({"runway_months": 5, "other_options": True}, "walk"),
        ({"runway_months": 8}, "walk"),
        ({}, "walk"),
    ],
)
def test_weak_small(extra: dict[str, object], verdict: str) -> None:
    """Rule 5: weak role, small gap: walk, unless leverage is missing (no options, runway < 6)."""
    result = walk(offer=185000, floor=180000, counter_rounds=1, **WEAK_ROLE, **extra)
    assert (result.verdict, result.rule) == (verdict, "weak-small")


def test_always_counter_once() -> None:
    """Rule 6: an accept before any counter becomes a counter, then accept; the rule stays."""
    result = walk(offer=176000, floor=180000, target=190000, **STRONG_ROLE)
    assert (result.verdict, result.rule, result.then_accept) == ("counter", "strong-small", True)
    assert result.next_step.startswith("Counter once, then accept")


def test_short_runway_still_counters_once() -> None:
    """Rule 6 applies to the runway rules too."""
    result = walk(offer=150000, floor=180000, runway_months=2, **WEAK_ROLE)
    assert (result.verdict, result.rule, result.then_accept) == ("counter", "short-runway", True)


def test_five_percent_gap_is_small() -> None:
    """A gap of exactly 5% counts as small."""
    result = walk(offer=171000, floor=180000, counter_rounds=1, **STRONG_ROLE)
    assert (result.gap_pct, result.quadrant) == (5.0, "strong-small")


def test_role_score_of_three_and_a_half_is_strong() -> None:
    """A mean rating of exactly 3.5 counts as strong."""
    ratings = {"scope": 4, "manager": 4, "team": 4, "growth": 3, "location": 3, "equity_quality": 3}
    result = walk(offer=190000, floor=180000, **ratings)
    assert (result.role_score, result.quadrant) == (3.5, "strong-small")


def test_offer_above_floor_has_no_gap() -> None:
    """An offer over the floor has a gap of 0, not a negative one."""
    assert walk(offer=200000, floor=180000).gap_pct == 0.0


def test_results_round_to_two_decimals() -> None:
    """Role score and gap keep two decimals."""
    result = walk(offer=100000, floor=300000, scope=5, manager=5)
    assert (result.role_score, result.gap_pct) == (3.67, 66.67)


def test_feelings_never_change_the_verdict() -> None:
    """Ticking every feeling lists them as not reasons and leaves the verdict alone."""
    base = walk(offer=176000, floor=180000, counter_rounds=1, **STRONG_ROLE)
    felt = walk(
        offer=176000,
        floor=180000,
        counter_rounds=1,
        **STRONG_ROLE,
        **dict.fromkeys(FEELING_IDS, True),
    )
    assert (felt.verdict, felt.rule) == (base.verdict, base.rule)
    assert [r.id for r in felt.not_reasons] == FEELING_IDS
    assert any("don't change this verdict" in note for note in felt.notes)


@settings(max_examples=500, deadline=None)
@given(data=situations(), low_pct=st.integers(0, 130), raise_pct=st.integers(1, 40))
def test_a_higher_offer_never_turns_accept_into_walk(
    data: dict[str, object], low_pct: int, raise_pct: int
) -> None:
    """All else equal, raising the offer never turns accept into walk, but for the spec's one case.

    That case: a weak role, runway under six months and another live option. Under the
    floor the runway rules accept; at or over it the weak-small rule walks (you have leverage).
    """
    floor = data["floor"]
    assert isinstance(floor, int)
    low, high = floor * low_pct // 100, floor * (low_pct + raise_pct) // 100
    before = walk(**data, offer=low)
    after = walk(**data, offer=high)
    if (before.verdict, after.verdict) == ("accept", "walk"):
        assert before.rule in ("short-runway", "middle-runway")
        assert (after.rule, data["other_options"]) == ("weak-small", True)
        assert low < floor <= high


def test_the_specs_one_exception_to_a_higher_offer() -> None:
    """The spec's rules, as written: a weak role with another option accepts under the floor
    on a short runway, and walks once the offer reaches the floor."""
    common: dict[str, object] = {
        "floor": 180000,
        "runway_months": 2,
        "other_options": True,
        "counter_rounds": 1,
    }
    assert walk(offer=170000, **common, **WEAK_ROLE).verdict == "accept"
    assert walk(offer=180000, **common, **WEAK_ROLE).verdict == "walk"
