"""Runway's JSON result."""

from __future__ import annotations

import dataclasses

from calculators.api import run
from calculators.runway import EXAMPLE
from tests.support import RUNWAY_BASE, computed


def test_result_keys_match_the_spec() -> None:
    """The result JSON has the spec's keys (plus a few documented extras)."""
    result = dataclasses.asdict(
        computed("runway", {**RUNWAY_BASE, "offer": 158400, "floor": 180000})
    )
    spec = {
        "runway_months",
        "capped",
        "band",
        "advice",
        "search_months",
        "cushion_months",
        "balance",
        "anchoring",
    }
    extras = {"starting_cash", "monthly_net_spend", "net_spend_with_benefit", "notes"}
    assert set(result) == spec | extras
    assert set(result["anchoring"]) == {"gap", "cost", "break_even_weeks", "years"}


def test_example_is_the_spec_example() -> None:
    """The prerendered example gives the spec's worked figures."""
    answer = run("runway", dict(EXAMPLE))
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    assert (result["runway_months"], result["anchoring"]["cost"]) == (5.0, 66763.44)
