"""The command line: python -m calculators NAME [FILE|-]."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


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


@pytest.mark.parametrize("name", ["total-comp", "walk", "runway"])
def test_examples_in_the_repository_compute(name: str) -> None:
    """Each examples/NAME.json (the spec's worked examples) answers with exit 0."""
    done = cli(name, str(Path(__file__).parents[2] / "examples" / f"{name}.json"))
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["ok"] is True


def test_runway_example_gives_the_spec_figures() -> None:
    """The runway example reproduces the spec: 5 months, anchoring 66,763.44, 21.92 weeks."""
    done = cli("runway", str(Path(__file__).parents[2] / "examples" / "runway.json"))
    result = json.loads(done.stdout)["result"]
    assert result["runway_months"] == 5.0
    assert result["anchoring"]["cost"] == 66763.44
    assert result["anchoring"]["break_even_weeks"] == 21.92
