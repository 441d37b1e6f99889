"""The walk decision's JSON result."""

from __future__ import annotations

import dataclasses

from calculators.walk import Result
from tests.support.calls import computed


def walk(**data: object) -> Result:
    result: Result = computed("walk", data)
    return result


def test_result_has_the_spec_keys() -> None:
    """The result's keys are the spec's, plus the four amounts the page shows."""
    result = dataclasses.asdict(walk(offer=150000, floor=180000, tired=True, bad_faith=True))
    spec = {
        "verdict",
        "rule",
        "quadrant",
        "role_score",
        "rated",
        "gap_pct",
        "counter_to",
        "real_reasons",
        "not_reasons",
        "then_accept",
        "next_step",
        "notes",
        "script",
        "read",
        "summary",
    }
    assert set(result) == spec | {"offer", "floor", "target", "anchor"}
    assert result["real_reasons"][0] == {
        "id": "bad_faith",
        "label": result["real_reasons"][0]["label"],
    }
    assert set(result["not_reasons"][0]) == {"id", "label"}


def test_read_is_every_field_as_understood() -> None:
    """``read`` holds every field by name, amounts as plain numbers, defaults filled in."""
    result = walk(offer="90.000 €", floor="€95.000", scope="3")
    assert result.read["offer"] == 90000.0
    assert result.read["floor"] == 95000.0
    assert (result.read["scope"], result.read["manager"]) == (3, None)
    assert (result.read["counter_rounds"], result.read["gut_says_walk"]) == (0, False)


def test_every_sentence_is_in_the_callers_currency() -> None:
    """The JSON's sentences are in the currency asked for: no second run to re-word them."""
    result: Result = computed("walk", {"offer": 150000, "floor": 180000}, "EUR")
    assert "€180,000" in result.next_step
    assert "€180,000" in result.script
    assert result.summary == "Counter at €180,000."
    assert "$" not in " ".join([result.next_step, result.script, result.summary, *result.notes])
