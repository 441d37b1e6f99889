"""The walk decision's JSON result."""

from __future__ import annotations

import dataclasses

from calculators.walk import Result
from tests.support import (
    computed,
)


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
    }
    assert set(result) == spec | {"offer", "floor", "target", "anchor"}
    assert result["real_reasons"][0] == {
        "id": "bad_faith",
        "label": result["real_reasons"][0]["label"],
    }
    assert set(result["not_reasons"][0]) == {"id", "label"}
