"""On CPython every stored case gives its expected answer, byte for byte, and every
calculator's block around its answer is the stored one."""

from __future__ import annotations

import pytest

from calculators.api import respond
from calculators.registry import CALCULATORS
from tests.support.answers import BLOCKS, Case, answer_text, cases, example_block


def test_there_are_cases_for_each_calculator() -> None:
    """Every registered calculator has stored cases, each with an expected answer."""
    assert {case.calculator for case in cases()} == set(CALCULATORS)
    assert all(case.answer_path.is_file() for case in cases())


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.id)
def test_cpython_gives_the_expected_answer(case: Case) -> None:
    """The answer (result and rendered HTML) is the stored one."""
    assert answer_text(respond(case.request())) == case.expected()


def test_each_calculator_has_one_stored_block() -> None:
    """A block (form and status line, around the answer) is stored for each calculator."""
    assert {path.stem for path in BLOCKS.glob("*.html")} == set(CALCULATORS)


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_each_calculators_block_is_the_stored_one(name: str) -> None:
    """A calculator's block for its worked example, its answer cut out, is the stored one:
    the form's every label, help text and choice, and the status line, byte for byte."""
    assert example_block(name) == (BLOCKS / f"{name}.html").read_text(encoding="utf-8")
