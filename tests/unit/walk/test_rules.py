"""The walk decision's rules, one by one, and what holds across all of them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.walk import EXAMPLE, Result
from tests.support.calls import (
    FEELING_IDS,
    RATING_IDS,
    REAL_REASON_IDS,
    STRONG_ROLE,
    WEAK_ROLE,
    computed,
)


def walk(**data: object) -> Result:
    result: Result = computed("walk", data)
    return result


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


def test_a_ticked_gut_signal_in_three_words_walks() -> None:
    """Rule 1: the gut tick with a signal put into three words is a real reason."""
    result = walk(
        offer=200000,
        floor=180000,
        **STRONG_ROLE,
        gut_says_walk=True,
        gut_signal="vague roadmap, thrice",
    )
    assert (result.verdict, result.rule) == ("walk", "real-reason")
    assert [r.id for r in result.real_reasons] == ["gut_signal"]


def test_a_ticked_gut_signal_in_two_words_does_not_count() -> None:
    """The tick with a two-word signal isn't a reason yet, and a note asks for words."""
    result = walk(
        offer=200000,
        floor=180000,
        counter_rounds=1,
        **STRONG_ROLE,
        gut_says_walk=True,
        gut_signal="feels off",
    )
    assert (result.verdict, result.real_reasons) == ("accept", ())
    assert any("put it into words" in note for note in result.notes)


def test_the_gut_tick_without_words_asks_for_them() -> None:
    """The tick alone changes nothing and asks what the reader noticed."""
    result = walk(offer=200000, floor=180000, counter_rounds=1, gut_says_walk=True)
    assert (result.verdict, result.real_reasons) == ("accept", ())
    assert any("What did you notice?" in note for note in result.notes)


@pytest.mark.parametrize(
    "note", ["No concerns at all, great team", "the roadmap is vague and people are leaving"]
)
def test_a_gut_note_without_the_tick_changes_nothing(note: str) -> None:
    """The engine never judges the words: without the tick a note is no reason, whatever it
    says, and a note says so."""
    result = walk(offer=200000, floor=180000, gut_signal=note)
    plain = walk(offer=200000, floor=180000)
    assert (result.verdict, result.rule, result.then_accept) == ("counter", "strong-small", True)
    assert (result.verdict, result.rule, result.counter_to) == (
        plain.verdict,
        plain.rule,
        plain.counter_to,
    )
    assert result.real_reasons == ()
    assert any("doesn't change the verdict" in n for n in result.notes)
    assert note not in result.script


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


@pytest.mark.parametrize(
    ("offer", "ratings"), [(150000, STRONG_ROLE), (175000, WEAK_ROLE), (150000, WEAK_ROLE)]
)
def test_below_floor_after_second_counter_walks(offer: int, ratings: dict[str, int]) -> None:
    """Rule 4: still under the floor after two counters: walk, unless strong and small."""
    result = walk(offer=offer, floor=180000, counter_rounds=2, **ratings)
    assert (result.verdict, result.rule) == ("walk", "below-floor-after-second-counter")


@pytest.mark.parametrize("rounds", [1, 2, 3])
def test_a_strong_role_within_five_percent_closes_however_many_rounds(rounds: int) -> None:
    """Rule 4 spares strong-small: 1% under the floor for a 5/5/5 role is an accept after
    one counter and after two (one more round must not turn it into a walk)."""
    result = walk(offer=178200, floor=180000, scope=5, manager=5, team=5, counter_rounds=rounds)
    assert (result.verdict, result.rule) == ("accept", "strong-small")


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


def test_a_role_rated_fine_throughout_is_strong() -> None:
    """Six ratings of 3 ("fine") on an offer above the floor: counter then accept, not walk."""
    result = walk(offer="200k", floor="180k", **dict.fromkeys(RATING_IDS, 3))
    assert (result.verdict, result.then_accept, result.rule) == ("counter", True, "strong-small")
    assert result.role_score == 3.0


def test_one_rating_of_fine_is_not_weak() -> None:
    """Rating a single item "fine" leaves a counter a counter."""
    assert walk(offer=150000, floor=180000, scope=3).verdict == "counter"


def test_a_role_just_below_fine_is_weak() -> None:
    """A mean under 3 is weak: 3, 3, 2 gives 2.67."""
    result = walk(offer=190000, floor=180000, scope=3, team=3, growth=2, counter_rounds=1)
    assert (result.role_score, result.quadrant) == (2.67, "weak-small")


def test_offer_above_floor_has_no_gap() -> None:
    """An offer over the floor has a gap of 0, not a negative one."""
    assert walk(offer=200000, floor=180000).gap_pct == 0.0


def test_results_round_to_two_decimals() -> None:
    """Role score and gap keep two decimals."""
    result = walk(offer=100000, floor=300000, scope=5, manager=4, team=2)
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


# --- the revisions of 2026-12-02 -------------------------------------------------------------


def test_an_offer_above_the_floor_with_nothing_else_counters_once_then_accepts() -> None:
    """Offer 190000, floor 180000, nothing rated: counter once, then accept (strong-small)."""
    result = walk(offer=190000, floor=180000)
    assert (result.verdict, result.then_accept, result.rule) == ("counter", True, "strong-small")
    assert (result.role_score, result.rated, result.quadrant) == (None, 0, "strong-small")
    assert result.counter_to == 200000.0
    assert any("didn't rate the role" in note for note in result.notes)


def test_an_unrated_role_counts_as_strong() -> None:
    """With nothing rated, a big gap is strong-big (counter), never weak-big (walk)."""
    result = walk(offer=150000, floor=180000)
    assert (result.verdict, result.quadrant) == ("counter", "strong-big")


def test_the_role_score_is_the_mean_of_the_ratings_given() -> None:
    """Unrated parts don't count: two ratings of 2 and 3 make a weak role of 2.5."""
    result = walk(offer=200000, floor=180000, scope=2, team=3, counter_rounds=1)
    assert (result.role_score, result.rated, result.quadrant) == (2.5, 2, "weak-small")


@pytest.mark.parametrize("runway", [2, 4])
def test_another_live_option_sets_the_runway_rules_aside(runway: int) -> None:
    """Rules 2 and 3 apply only without another live option: with one, the quadrant decides."""
    alone = walk(offer=150000, floor=180000, runway_months=runway, counter_rounds=1, **WEAK_ROLE)
    backed = walk(
        offer=150000,
        floor=180000,
        runway_months=runway,
        counter_rounds=1,
        other_options=True,
        **WEAK_ROLE,
    )
    assert alone.rule in ("short-runway", "middle-runway")
    assert (backed.verdict, backed.rule) == ("walk", "weak-big")


@pytest.mark.parametrize(
    ("numbers", "rounds", "expected"),
    [
        ({"target": 195000, "anchor": 210000}, 0, 210000.0),
        ({"target": 195000}, 0, 195000.0),
        ({"anchor": 210000}, 0, 210000.0),
        ({}, 0, 180000.0),
        ({"target": 195000, "anchor": 210000}, 1, 195000.0),
        ({"anchor": 210000}, 1, 210000.0),
        ({}, 1, 180000.0),
    ],
)
def test_a_counter_asks_for_the_right_number(
    numbers: dict[str, object], rounds: int, expected: float
) -> None:
    """The first counter opens at the anchor, else the target, else the floor; later ones
    ask for the target, else the anchor, else the floor."""
    result = walk(offer=150000, floor=180000, counter_rounds=rounds, **STRONG_ROLE, **numbers)
    assert (result.verdict, result.counter_to) == ("counter", expected)


def test_an_offer_just_under_the_target_is_not_countered_for_a_dollar() -> None:
    """Offer 194,999 against a target of 195k: the counter asks for about 5% more."""
    result = walk(offer="194,999", floor="180k", target="195k")
    assert result.counter_to == 205000.0
    assert any("less than 5% above the offer" in note for note in result.notes)


def test_a_wide_counter_says_to_check_the_level() -> None:
    """A counter more than 25% above the offer notes that one counter won't close it."""
    result = walk(offer=100000, floor=180000, **STRONG_ROLE)
    assert result.counter_to == 180000.0
    assert any("check the level" in note for note in result.notes)


def test_an_offer_that_meets_the_ask_gets_a_calibrated_counter() -> None:
    """An offer already at the anchor gets about 5% more, up to the next thousand."""
    result = walk(offer=212000, floor=180000, anchor=210000, **STRONG_ROLE)
    assert (result.verdict, result.counter_to) == ("counter", 223000.0)


def test_counter_to_is_null_unless_the_verdict_is_counter() -> None:
    """An accept or a walk asks for nothing."""
    assert walk(offer=150000, floor=180000, **WEAK_ROLE).counter_to is None
    assert walk(offer=185000, floor=180000, counter_rounds=1).counter_to is None


VERDICT_RANK = {"walk": 0, "counter": 1, "accept": 2}


def rank(result: Result) -> int:
    """Walk < counter < accept; a counter that then accepts ranks with accept."""
    return 2 if result.then_accept else VERDICT_RANK[result.verdict]


amounts = st.integers(0, 10**9) | st.floats(min_value=0, max_value=1e9)


# Rare, so that the rules after rule 1 get exercised; never excluded.
rarely = st.integers(0, 19).map(lambda n: n == 0)
# Runways around the lines the rules draw (3 and 6 months) as often as far from them.
months = st.floats(min_value=0, max_value=12) | st.floats(min_value=0, max_value=1e4)
runways = st.none() | months


@st.composite
def situations(draw: st.DrawFn) -> dict[str, object]:
    """Any valid inputs but the offer: every field over its whole range."""
    floor = draw(st.integers(1, 10**9) | st.floats(min_value=0.01, max_value=1e9))
    data: dict[str, object] = {
        "floor": floor,
        **{name: draw(st.none() | st.integers(1, 5)) for name in RATING_IDS},
        "counter_rounds": draw(st.integers(0, 10)),
        "last_counter_moved": draw(st.booleans()),
        "other_options": draw(st.booleans()),
        "runway_months": draw(runways),
        "gut_says_walk": draw(rarely),
        "gut_signal": draw(st.sampled_from(["", "", "odd", "feels off", "the roadmap is vague"])),
        **{name: draw(rarely) for name in REAL_REASON_IDS},
        **{name: draw(st.booleans()) for name in FEELING_IDS},
    }
    target = draw(st.none() | amounts.map(lambda extra: floor + extra))
    data["target"] = target
    data["anchor"] = draw(st.none() | amounts.map(lambda extra: max(floor, target or 0) + extra))
    return data


@settings(max_examples=1000, deadline=None)
@given(data=situations(), low=amounts, more=amounts)
def test_a_higher_offer_never_gives_a_worse_verdict(
    data: dict[str, object], low: float, more: float
) -> None:
    """All else equal, raising the offer never moves the verdict down walk < counter < accept."""
    assert rank(walk(**data, offer=low + more)) >= rank(walk(**data, offer=low))


@settings(max_examples=1000, deadline=None)
@given(data=situations(), low=amounts, more=amounts)
def test_a_higher_floor_never_gives_a_more_accepting_verdict(
    data: dict[str, object], low: float, more: float
) -> None:
    """All else equal, raising the floor never moves the verdict up walk < counter < accept.
    The target and anchor are dropped: they must stay at or above the floor."""
    data = {**data, "target": None, "anchor": None}
    offer = data.pop("floor")
    lower = walk(**data, offer=offer, floor=low + 0.01)
    higher = walk(**data, offer=offer, floor=low + 0.01 + more)
    assert rank(higher) <= rank(lower)


@settings(max_examples=1000, deadline=None)
@given(data=situations(), offer=amounts, short=months, more=months)
def test_below_the_floor_more_runway_never_gives_a_more_accepting_verdict(
    data: dict[str, object], offer: float, short: float, more: float
) -> None:
    """For an offer under the floor, all else equal, more runway is never more accepting."""
    floor = data["floor"]
    assert isinstance(floor, int | float)
    below = min(offer, floor * 0.999)
    less_cash = walk(**{**data, "runway_months": short}, offer=below)
    more_cash = walk(**{**data, "runway_months": short + more}, offer=below)
    assert rank(more_cash) <= rank(less_cash)
