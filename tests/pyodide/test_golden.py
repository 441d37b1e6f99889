"""The golden cases give identical JSON on CPython and inside Pyodide (Node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators.api import respond
from tests.golden_cases import golden_paths, load_case

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def pyodide_answers() -> dict[str, str]:
    """Every golden case answered by the package running inside Pyodide under Node."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide; see the README"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run `npm ci` (make setup does)"
    done = subprocess.run(
        [node, str(Path(__file__).with_name("run_golden.mjs")), str(ROOT / "calculators")]
        + [str(p) for p in golden_paths()],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0]["python"].startswith("3.14"), lines[0]
    return {line["case"]: line["answer"] for line in lines[1:]}


def test_there_are_golden_cases_for_each_calculator() -> None:
    """Each calculator has golden cases to compare."""
    assert {load_case(p)[0] for p in golden_paths()} == {"total-comp", "walk", "runway"}


@pytest.mark.parametrize("path", golden_paths(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_pyodide_matches_cpython(path: Path, pyodide_answers: dict[str, str]) -> None:
    """Pyodide's answer (result and rendered HTML) is the same JSON text as CPython's."""
    calculator, inputs = load_case(path)
    expected = respond(json.dumps({"calculator": calculator, "inputs": inputs}))
    assert pyodide_answers[str(path)] == expected
