"""On CPython every stored case gives its expected answer, byte for byte."""

from __future__ import annotations

import pytest

from calculators.api import respond
from calculators.registry import CALCULATORS
from tests.support import Case, answer_text, cases


def test_there_are_cases_for_each_calculator() -> None:
    """Every registered calculator has stored cases, each with an expected answer."""
    assert {case.calculator for case in cases()} == set(CALCULATORS)
    assert all(case.answer_path.is_file() for case in cases())


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.id)
def test_cpython_gives_the_expected_answer(case: Case) -> None:
    """The answer (result and rendered HTML) is the stored one."""
    assert answer_text(respond(case.request())) == case.expected()
