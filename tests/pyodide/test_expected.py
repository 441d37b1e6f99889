"""Inside Pyodide (under Node) every stored case gives its expected answer, byte for byte."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT, Case, answer_text, cases

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def pyodide_answers() -> dict[str, str]:
    """Every stored case answered by the package running inside Pyodide under Node."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide; see the README"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run `npm ci` (make setup does)"
    done = subprocess.run(
        [node, str(Path(__file__).with_name("run_cases.mjs")), str(ROOT / "calculators")]
        + [str(case.path) for case in cases()],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0]["python"].startswith("3.14"), lines[0]
    return {line["case"]: line["answer"] for line in lines[1:]}


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.id)
def test_pyodide_gives_the_expected_answer(case: Case, pyodide_answers: dict[str, str]) -> None:
    """Pyodide's answer (result and rendered HTML) is the stored one."""
    assert answer_text(pyodide_answers[str(case.path)]) == case.expected()
