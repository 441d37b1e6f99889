"""The command line: python -m calculators NAME [FILE|-]."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from calculators.registry import CALCULATORS


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_reads_stdin_and_exits_0_on_a_result() -> None:
    """With no file, inputs come from stdin; a result exits 0."""
    done = cli("runway", stdin='{"savings": 30000, "monthly_expenses": 6000}')
    assert done.returncode == 0
    answer = json.loads(done.stdout)
    assert answer["ok"] is True
    assert answer["result"]["runway_months"] == 5.0


def test_reads_a_file(tmp_path: Path) -> None:
    """A file argument is read as the inputs."""
    path = tmp_path / "walk.json"
    path.write_text('{"offer": "158,400", "floor": "180k"}', encoding="utf-8")
    done = cli("walk", str(path))
    assert done.returncode == 0
    assert json.loads(done.stdout)["calculator"] == "walk"


def test_dash_means_stdin() -> None:
    """'-' reads standard input too."""
    done = cli("walk", "-", stdin='{"offer": 1, "floor": 2}')
    assert done.returncode == 0


def test_input_errors_exit_2_with_the_errors() -> None:
    """Invalid inputs print the errors as JSON and exit 2."""
    done = cli("walk", stdin='{"floor": "abc"}')
    assert done.returncode == 2
    answer = json.loads(done.stdout)
    assert answer["ok"] is False
    assert {e["field"] for e in answer["errors"]} == {"offer", "floor"}


def test_invalid_json_exits_2() -> None:
    """Text that isn't JSON is an input error, not a traceback."""
    done = cli("walk", stdin="{oops")
    assert done.returncode == 2
    assert "not valid JSON" in json.loads(done.stdout)["errors"][0]["message"]


@pytest.mark.parametrize("args", [("nope",), ("walk", "/no/such/file.json")])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    """An unknown calculator or a missing file is a usage error (exit 2, no traceback)."""
    done = cli(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_html_flag_adds_the_fragment() -> None:
    """--html adds the rendered fragment beside the result."""
    done = cli("walk", "--html", "--currency", "EUR", stdin='{"offer": 1, "floor": 2}')
    assert "€" in json.loads(done.stdout)["html"]


EXAMPLES = Path(__file__).parents[2] / "examples"


def example(name: str) -> dict[str, Any]:
    """The answer to examples/NAME.json, whose calculator is the name's start."""
    calculator = next(c for c in sorted(CALCULATORS) if name.startswith(c))
    done = cli(calculator, str(EXAMPLES / f"{name}.json"))
    assert done.returncode == 0, done.stdout
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


@pytest.mark.parametrize("name", sorted(path.stem for path in EXAMPLES.glob("*.json")))
def test_examples_in_the_repository_compute(name: str) -> None:
    """Each examples/NAME.json (the spec's worked examples) answers with exit 0."""
    assert example(name)["ok"] is True


def test_walk_example_of_an_offer_above_the_floor() -> None:
    """Only an offer above the floor: counter once (about 5% more), then accept."""
    result = example("walk-offer-above-floor")["result"]
    assert (result["verdict"], result["then_accept"], result["rule"]) == (
        "counter",
        True,
        "strong-small",
    )
    assert (result["role_score"], result["counter_to"]) == (None, 200000.0)


def test_options_example_shows_the_spread_the_cash_and_what_each_keeps() -> None:
    """The startup's options: $20,000 of spread and $10,000 to exercise a year; after tax,
    the ranking can change."""
    result = example("total-comp-options-and-taxes")["result"]
    startup = result["offers"][1]["years"][0]
    assert (startup["equity"], startup["exercise_cost"]) == (20000.0, 10000.0)
    assert result["ranking_after_tax"] is not None


def test_runway_example_gives_the_spec_figures() -> None:
    """The runway example reproduces the spec: 5 months, anchoring 66,763.44, 21.92 weeks."""
    result = example("runway")["result"]
    assert result["runway_months"] == 5.0
    assert result["anchoring"]["cost"] == 66763.44
    assert result["anchoring"]["break_even_weeks"] == 21.92
