"""The walk calculator: counter, accept or walk away."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.api import run
from calculators.fields import FieldError
from calculators.render import Money
from calculators.walk import CALCULATOR, EXAMPLE, FIELDS, Inputs, Result, compute, parse, render
from tests.strategies import json_values
from tests.support import assert_sound_answer

STRONG = {"scope": 4, "manager": 4, "team": 4, "growth": 4, "location": 3, "equity_quality": 3}
WEAK = {"scope": 2, "manager": 3, "team": 3, "growth": 2, "location": 3, "equity_quality": 3}
REAL_REASON_IDS = [
    "recruiter_pushback",
    "scope_downgraded",
    "serious_red_flag",
    "bad_faith",
    "one_sided_concessions",
    "authority_problem",
    "scope_drift",
    "unreasonable_demands",
    "incompatible_objectives",
]
FEELING_IDS = [
    "under_wish_above_floor",
    "slow_process",
    "tired",
    "might_pay_more_later",
    "friend_higher_offer",
]


def parsed(data: Mapping[str, object]) -> Inputs:
    answer = parse(dict(data))
    assert not isinstance(answer, list), answer
    return answer


def walk(**data: object) -> Result:
    return compute(parsed(data))


def errors(data: object) -> list[FieldError]:
    answer = parse(data)
    assert isinstance(answer, list), answer
    return answer


def fields_of(data: object) -> list[str]:
    return [e.field for e in errors(data)]


# --- the worked example and defaults ---------------------------------------------------


def test_example_is_the_guides_middle_runway_case() -> None:
    """Four months of runway, 12% under the floor: counter once at the target."""
    result = compute(parsed(EXAMPLE))
    assert (result.verdict, result.rule, result.quadrant) == (
        "counter",
        "middle-runway",
        "strong-big",
    )
    assert (result.gap_pct, result.role_score, result.counter_to) == (12.0, 3.67, 195000.0)
    assert result.then_accept is False


def test_field_defaults_are_the_specs() -> None:
    """Every field of the spec's table is there with its default, in form order."""
    defaults = {f.name: f.default for f in FIELDS}
    assert defaults == {
        "offer": None,
        "floor": None,
        "target": None,
        "runway_months": None,
        **dict.fromkeys(["scope", "manager", "team", "growth", "location", "equity_quality"], 3),
        "counter_rounds": 0,
        "last_counter_moved": True,
        "other_options": False,
        **dict.fromkeys(REAL_REASON_IDS, False),
        "gut_signal": "",
        **dict.fromkeys(FEELING_IDS, False),
    }


def test_fields_sit_in_the_forms_groups() -> None:
    """Fields are grouped into the five form sections, in order."""
    groups = list(dict.fromkeys(f.group for f in FIELDS))
    assert groups == [
        "Your numbers",
        "The role",
        "Where the negotiation stands",
        "Real reasons to walk",
        "Feelings (not reasons)",
    ]


def test_parsing_fills_defaults() -> None:
    """Only offer and floor given: ratings of 3, no counters, nothing ticked."""
    inputs = parsed({"offer": "158.4k", "floor": "$180,000"})
    assert inputs == Inputs(
        offer=158400.0,
        floor=180000.0,
        target=None,
        runway_months=None,
        ratings=(3, 3, 3, 3, 3, 3),
        counter_rounds=0,
        last_counter_moved=True,
        other_options=False,
        reasons_marked=(),
        gut_signal="",
        feelings_marked=(),
    )


def test_runway_accepts_months_as_typed() -> None:
    """The runway reads "4", 4.5 and "4.5 months" alike."""
    values = [
        parsed({"offer": 1, "floor": 2, "runway_months": v}).runway_months
        for v in ("4", 4.5, "4.5 months")
    ]
    assert values == [4.0, 4.5, 4.5]


def test_form_checkboxes_are_read_as_flags() -> None:
    """A form's "on" ticks a box; ticked reasons keep the form's order."""
    inputs = parsed(
        {"offer": 1, "floor": 2, "scope_drift": "on", "bad_faith": "true", "tired": "on"}
    )
    assert (inputs.reasons_marked, inputs.feelings_marked) == (
        ("bad_faith", "scope_drift"),
        ("tired",),
    )


# --- validation ---------------------------------------------------------------------------


def test_offer_and_floor_are_required() -> None:
    """Without offer and floor, both are reported with how to type them."""
    found = errors({})
    assert [e.field for e in found] == ["offer", "floor"]
    assert found[1].message == "Your floor: required, enter an amount like 180000, 180k or $180,000"


def test_floor_must_be_above_zero() -> None:
    """A floor of zero is an error on the floor."""
    assert [(e.field, e.message) for e in errors({"offer": 1, "floor": 0})] == [
        ("floor", "Your floor: must be more than 0")
    ]


def test_target_below_floor_is_reported_on_target() -> None:
    """A target under the floor names the floor to aim above."""
    assert [
        (e.field, e.message) for e in errors({"offer": 1, "floor": 180000, "target": "170k"})
    ] == [("target", "Your target: should be at least your floor (180,000)")]


def test_target_check_waits_for_a_valid_floor() -> None:
    """With a broken floor, only the floor is reported, not a target comparison."""
    assert fields_of({"offer": 1, "floor": "lots", "target": 5}) == ["floor"]


@pytest.mark.parametrize("value", [0, 6, "2.5", "high"])
def test_ratings_are_whole_numbers_one_to_five(value: object) -> None:
    """A rating outside 1..5, or not a whole number, is an error on that rating."""
    assert fields_of({"offer": 1, "floor": 2, "growth": value}) == ["growth"]


def test_counter_rounds_are_bounded() -> None:
    """Counter rounds run from 0 to 10."""
    assert fields_of({"offer": 1, "floor": 2, "counter_rounds": 11}) == ["counter_rounds"]
    assert fields_of({"offer": 1, "floor": 2, "counter_rounds": -1}) == ["counter_rounds"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", "Your runway: enter months like 4 or 4.5"),
        (-1, "Your runway: can't be negative"),
        (True, "Your runway: enter months like 4 or 4.5"),
        (float("inf"), "Your runway: enter months like 4 or 4.5"),
    ],
)
def test_runway_must_be_months(value: object, message: str) -> None:
    """The runway is a number of months, not negative."""
    assert [
        (e.field, e.message) for e in errors({"offer": 1, "floor": 2, "runway_months": value})
    ] == [("runway_months", message)]


def test_gut_signal_is_at_most_500_characters() -> None:
    """A gut signal over 500 characters is an error on it."""
    assert fields_of({"offer": 1, "floor": 2, "gut_signal": "x" * 501}) == ["gut_signal"]


def test_flags_must_be_yes_or_no() -> None:
    """A flag that isn't yes or no is an error on it."""
    assert fields_of({"offer": 1, "floor": 2, "other_options": "maybe"}) == ["other_options"]


def test_unknown_field_is_an_error_with_a_suggestion() -> None:
    """A typo is reported, with the field it probably meant."""
    found = errors({"offer": 1, "floor": 2, "flor": 3})
    assert [(e.field, e.message) for e in found] == [
        ("flor", "flor: not a field here; did you mean floor?")
    ]


def test_inputs_must_be_an_object() -> None:
    """A list instead of an object is one error, not a crash."""
    assert [e.message for e in errors([1, 2])] == ["inputs must be a JSON object"]


def test_all_problems_are_reported() -> None:
    """Every problem is listed, not only the first."""
    data = {"offer": "lots", "floor": 100, "target": 50, "team": 9, "tired": "very", "typo": 1}
    assert fields_of(data) == ["typo", "offer", "team", "tired", "target"]


# --- the rules, one by one -----------------------------------------------------------------


@pytest.mark.parametrize("reason", REAL_REASON_IDS)
def test_each_real_reason_walks(reason: str) -> None:
    """Rule 1: any real reason walks, even from a strong offer above the floor."""
    result = walk(offer=200000, floor=180000, counter_rounds=1, **STRONG, **{reason: True})
    assert (result.verdict, result.rule) == ("walk", "real-reason")
    assert [r.id for r in result.real_reasons] == [reason]


def test_gut_signal_in_three_words_walks() -> None:
    """Rule 1: a gut signal put into three words is a real reason."""
    result = walk(offer=200000, floor=180000, **STRONG, gut_signal="vague roadmap, thrice")
    assert (result.verdict, result.rule) == ("walk", "real-reason")
    assert [r.id for r in result.real_reasons] == ["gut_signal"]


def test_gut_signal_in_two_words_does_not_count() -> None:
    """A two-word gut signal isn't a reason yet, and a note asks for more words."""
    result = walk(offer=200000, floor=180000, counter_rounds=1, **STRONG, gut_signal="feels off")
    assert (result.verdict, result.real_reasons) == ("accept", ())
    assert any("more words" in note for note in result.notes)


def test_short_runway_accepts_below_the_floor() -> None:
    """Rule 2: three months of runway or less, under the floor: accept."""
    result = walk(offer=150000, floor=180000, runway_months=3, counter_rounds=1, **WEAK)
    assert (result.verdict, result.rule, result.then_accept) == ("accept", "short-runway", False)


@pytest.mark.parametrize(
    ("offer", "rounds", "verdict"),
    [(175000, 1, "accept"), (158400, 1, "counter"), (158400, 2, "walk")],
)
def test_middle_runway(offer: int, rounds: int, verdict: str) -> None:
    """Rule 3: small gap accepts; a big one counters before the second counter, walks after."""
    result = walk(offer=offer, floor=180000, runway_months=4, counter_rounds=rounds, **STRONG)
    assert (result.verdict, result.rule) == (verdict, "middle-runway")


def test_six_months_of_runway_is_not_the_middle() -> None:
    """At six months the runway rules stop and the quadrant decides."""
    assert walk(offer=158400, floor=180000, runway_months=6, **STRONG).rule == "strong-big"


def test_below_floor_after_second_counter_walks() -> None:
    """Rule 4: still under the floor after two counters: walk, even a strong small gap."""
    result = walk(offer=175000, floor=180000, counter_rounds=2, **STRONG)
    assert (result.verdict, result.rule) == ("walk", "below-floor-after-second-counter")


def test_strong_small_accepts() -> None:
    """Rule 5: strong role, small gap, already countered: accept."""
    result = walk(offer=176000, floor=180000, counter_rounds=1, **STRONG)
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
        offer=150000, floor=180000, counter_rounds=rounds, last_counter_moved=moved, **STRONG
    )
    assert (result.verdict, result.rule) == (verdict, "strong-big")


def test_weak_big_walks() -> None:
    """Rule 5: weak role, big gap: walk now."""
    result = walk(offer=150000, floor=180000, **WEAK)
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
    result = walk(offer=185000, floor=180000, counter_rounds=1, **WEAK, **extra)
    assert (result.verdict, result.rule) == (verdict, "weak-small")


def test_always_counter_once() -> None:
    """Rule 6: an accept before any counter becomes a counter, then accept; the rule stays."""
    result = walk(offer=176000, floor=180000, target=190000, **STRONG)
    assert (result.verdict, result.rule, result.then_accept) == ("counter", "strong-small", True)
    assert result.next_step.startswith("Counter once, then accept")


def test_short_runway_still_counters_once() -> None:
    """Rule 6 applies to the runway rules too."""
    result = walk(offer=150000, floor=180000, runway_months=2, **WEAK)
    assert (result.verdict, result.rule, result.then_accept) == ("counter", "short-runway", True)


def test_five_percent_gap_is_small() -> None:
    """A gap of exactly 5% counts as small."""
    result = walk(offer=171000, floor=180000, counter_rounds=1, **STRONG)
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
    base = walk(offer=176000, floor=180000, counter_rounds=1, **STRONG)
    felt = walk(
        offer=176000, floor=180000, counter_rounds=1, **STRONG, **dict.fromkeys(FEELING_IDS, True)
    )
    assert (felt.verdict, felt.rule) == (base.verdict, base.rule)
    assert [r.id for r in felt.not_reasons] == FEELING_IDS
    assert any("don't change this verdict" in note for note in felt.notes)


# --- next steps, notes, scripts ------------------------------------------------------------


def test_counter_script_asks_for_the_target() -> None:
    """The counter asks for the target as one total-comp number, warmly."""
    script = walk(offer=150000, floor=180000, target=195000, **STRONG).script
    assert "total compensation of $195,000 a year" in script
    assert "sign-on bonus or a larger equity grant" in script
    assert "ready to sign quickly" in script


def test_counter_without_target_asks_for_the_floor() -> None:
    """With no target, the counter asks for the floor."""
    result = walk(offer=150000, floor=180000, **STRONG)
    assert result.counter_to == 180000.0
    assert "$180,000 a year" in result.script


def test_counter_when_offer_meets_target_asks_five_percent_more() -> None:
    """An offer already at the target gets a modest ask, 5% up to the next thousand."""
    result = walk(offer=200000, floor=180000, target=195000, **STRONG)
    assert (result.verdict, result.counter_to) == ("counter", 210000.0)
    assert any("about 5% more" in note for note in result.notes)


def test_accept_script_asks_for_the_offer_in_writing() -> None:
    """The acceptance asks for the final offer in writing, with the breakdown."""
    script = walk(offer=176000, floor=180000, counter_rounds=1, **STRONG).script
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


def test_walk_script_names_the_gap_when_the_numbers_decided() -> None:
    """Walking on the numbers names the offer and the floor, and leaves the door open."""
    script = walk(offer=150000, floor=180000, **WEAK).script
    assert "The offer of $150,000 a year is below the $180,000 I need" in script
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
    script = walk(offer=185000, floor=180000, **WEAK).script
    assert "mainly because of the scope of the work and the room to grow" in script


def test_notes_for_weak_small_say_reassess_at_week_six() -> None:
    """A weak role with a small gap gets the week-six check-in."""
    assert any("week six" in note for note in walk(offer=185000, floor=180000, **WEAK).notes)


def test_notes_say_stop_after_two_counters() -> None:
    """From two counters on, the notes say to stop after this round."""
    notes = walk(offer=185000, floor=180000, counter_rounds=2, **STRONG).notes
    assert any("stop after this round" in note for note in notes)


@pytest.mark.parametrize(
    ("data", "bluff"),
    [
        ({"offer": 150000, **WEAK}, True),
        ({"offer": 150000, **STRONG}, True),
        ({"offer": 185000, "counter_rounds": 1, **STRONG}, False),
    ],
)
def test_no_bluff_note_on_counter_and_walk(data: dict[str, object], bluff: bool) -> None:
    """Counters and walks warn never to bluff a walk-away; an accept doesn't."""
    notes = walk(floor=180000, **data).notes
    assert any("bluff" in note for note in notes) is bluff


def test_strong_small_note_keeps_the_relationship() -> None:
    """A strong role close to the floor gets the don't-risk-it note."""
    notes = walk(offer=176000, floor=180000, **STRONG).notes
    assert any("last few percent" in note for note in notes)


def test_middle_runway_next_step_sets_the_five_percent_line() -> None:
    """A middle-runway counter says when to accept and when to walk."""
    assert compute(parsed(EXAMPLE)).next_step == (
        "Counter once at $195,000: accept if their answer lands within 5% of your floor, "
        "and walk away if it doesn't."
    )


# --- result shape, JSON, rendering -----------------------------------------------------------


def test_result_has_the_spec_keys() -> None:
    """The result's keys are the spec's, plus four amounts the page shows."""
    result = dataclasses.asdict(walk(offer=150000, floor=180000, tired=True, bad_faith=True))
    spec = {
        "verdict",
        "rule",
        "quadrant",
        "role_score",
        "gap_pct",
        "real_reasons",
        "not_reasons",
        "then_accept",
        "next_step",
        "notes",
        "script",
    }
    assert set(result) == spec | {"offer", "floor", "target", "counter_to"}
    assert result["real_reasons"][0] == {
        "id": "bad_faith",
        "label": result["real_reasons"][0]["label"],
    }
    assert set(result["not_reasons"][0]) == {"id", "label"}


def test_run_answers_json() -> None:
    """Through the entry point, the result is plain JSON."""
    answer = run("walk", dict(EXAMPLE))
    text = json.dumps(answer, allow_nan=False)
    assert json.loads(text)["result"]["real_reasons"] == []


def html_for(**data: object) -> str:
    return render(walk(**data), Money())


def test_render_escapes_the_gut_signal() -> None:
    """Markup in the gut signal is shown as text, never as markup."""
    html = html_for(offer=1, floor=2, gut_signal="<script>alert(1)</script> now please")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_render_is_deterministic() -> None:
    """The same result renders to the same markup."""
    result = compute(parsed(EXAMPLE))
    assert render(result, Money()) == render(result, Money())


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"offer": 185000, "counter_rounds": 1, **STRONG}, "success"),
        ({"offer": 150000, **STRONG}, "info"),
        ({"offer": 150000, **WEAK}, "warning"),
    ],
)
def test_banner_kind_follows_the_verdict(data: dict[str, object], kind: str) -> None:
    """Accept is a success banner, counter an info one, walk a warning."""
    assert f'<div class="admonition {kind}"><p class="admonition-title">The verdict' in html_for(
        floor=180000, **data
    )


def test_render_shows_amounts_in_the_readers_currency() -> None:
    """In euros, the script, next step and facts show no dollar amounts."""
    html = render(compute(parsed(EXAMPLE)), Money("EUR"))
    assert "$" not in html
    assert "€195,000" in html
    assert "€158,400" in html


def test_render_has_the_copy_button_before_the_script() -> None:
    """The copy button sits right before the script it copies."""
    html = render(compute(parsed(EXAMPLE)), Money())
    button = '<button type="button" class="md-button wa-copy" data-action="copy-script">'
    assert html.index(button) < html.index('<pre class="wa-script"><code>Subject:')


def test_chart_marks_your_position_and_quadrant() -> None:
    """The 2×2 highlights your quadrant and marks where you are."""
    html = render(compute(parsed(EXAMPLE)), Money())
    assert '<rect class="wa-band" x="228" y="16" width="164" height="110">' in html
    assert '<circle class="wa-marker" cx="273.9" cy="113.5" r="7">' in html
    for action in ("Take it after", "Counter once, then walk", "Walk now", "Walk unless"):
        assert action in html


def test_chart_clamps_a_huge_gap() -> None:
    """A gap beyond 30% sits at the chart's right edge."""
    assert 'class="wa-marker" cx="392"' in html_for(offer=0, floor=180000, **WEAK)


def test_calculator_is_registered_with_its_title() -> None:
    """The calculator answers to "walk" with the page's title."""
    assert (CALCULATOR.name, CALCULATOR.title) == ("walk", "Counter, accept or walk away")


# --- properties ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [f.name for f in FIELDS])
@settings(max_examples=25, deadline=None)
@given(value=json_values)
def test_any_json_value_for_a_field_never_raises(name: str, value: object) -> None:
    """Any JSON value in any field gives a result or errors, never a crash."""
    assert_sound_answer(run("walk", {**EXAMPLE, name: value}, html=True))


@settings(max_examples=200, deadline=None)
@given(data=json_values)
def test_any_json_input_never_raises(data: object) -> None:
    """Any JSON value as the whole input gives a result or errors, never a crash."""
    assert_sound_answer(run("walk", data, html=True))


runways = st.none() | st.sampled_from([0, 2, 3, 3.5, 4, 5.9, 6, 9]) | st.floats(0, 12)


@st.composite
def situations(draw: st.DrawFn) -> dict[str, object]:
    """Valid inputs without the offer; real reasons rare, so the other rules get exercised."""
    data: dict[str, object] = {
        "floor": draw(st.integers(min_value=1000, max_value=400_000)),
        **{name: draw(st.sampled_from([2, 3, 4, 5, 1])) for name in STRONG},
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
    assert walk(offer=170000, **common, **WEAK).verdict == "accept"
    assert walk(offer=180000, **common, **WEAK).verdict == "walk"
