"""Counter, accept or walk away: the walk decision.

Two things decide most offers: the gap between the offer and your floor, and
how strong the role is on everything else. A few real reasons to walk (and a
short or middling runway) come first. The first rule that applies gives the
verdict, and the result names it, with the next step and a script to send.
Its rooms: ``inputs`` (fields, parsing), ``rules`` (the verdict, numbers and
ids), ``words`` (every sentence), ``result`` (the JSON answer), ``view`` (HTML).
"""

from __future__ import annotations

from calculators.format import Money
from calculators.schema import Calculator
from calculators.walk import view
from calculators.walk.inputs import EXAMPLE, FIELDS, Inputs, parse
from calculators.walk.result import Reason, Result, compute

__all__ = ["CALCULATOR", "EXAMPLE", "FIELDS", "Inputs", "Reason", "Result", "compute", "parse"]


def render(inputs: Inputs, result: Result, money: Money) -> str:
    """The page's HTML: the result's sentences are already in the reader's currency."""
    return view.render(result, money)


CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="walk",
    title="Counter, accept or walk away",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
)
