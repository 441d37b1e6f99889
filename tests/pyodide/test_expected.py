"""Inside Pyodide (under Node) every stored case gives its expected answer, byte for byte:
with the package from the source tree, and booted from the built site the two ways the
worker boots (the memory snapshot, and plainly with the trimmed standard library)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.answers import Case, answer_text, cases
from tests.support.rig import Site, run_node

pytestmark = pytest.mark.pyodide

BOOTS = ("source", "plain", "snapshot")
# Python's environment in each boot: the worker's two run in protocol.js's PYTHON_ENV
# (no asserts, no docstrings, no columns in code), the source tree's with Python's
# defaults, as on CPython.
ENVIRONMENT = {
    "source": {"optimize": 0, "columns": True},
    "plain": {"optimize": 2, "columns": False},
    "snapshot": {"optimize": 2, "columns": False},
}


def answers(boot: str, directory: Path) -> dict[str, str]:
    """Every stored case answered by Pyodide under Node, booted as ``boot`` says."""
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run `npm ci` (make setup does)"
    runner = Path(__file__).with_name("run_cases.mjs")
    out = run_node(runner, boot, str(directory), *(str(case.path) for case in cases()), timeout=300)
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["python"].startswith("3.14"), lines[0]
    assert {key: lines[0][key] for key in ("optimize", "columns")} == ENVIRONMENT[boot]
    return {line["case"]: line["answer"] for line in lines[1:]}


@pytest.fixture(scope="module", params=BOOTS)
def pyodide_answers(request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param == "source":
        return answers("source", ROOT / "calculators")
    site: Site = request.getfixturevalue("site")
    return answers(request.param, site.runtime)


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.id)
def test_pyodide_gives_the_expected_answer(case: Case, pyodide_answers: dict[str, str]) -> None:
    """Pyodide's answer (result and rendered HTML) is the stored one."""
    assert answer_text(pyodide_answers[str(case.path)]) == case.expected()
