"""Your plan: your numbers entered once, the next step and every script filled with them,
dated to the deadline. It composes the walk decision and runway (their rules, run as
they are) and adds the dates and the words. Its rooms: ``inputs``, ``rules`` (the
composition and the dates), ``words``, ``result`` (the JSON answer), ``view`` (HTML).
"""

from __future__ import annotations

from calculators.format import Money
from calculators.plan import view
from calculators.plan.inputs import EXAMPLE, FIELDS, Inputs, parse
from calculators.plan.result import Result, compute
from calculators.schema import Calculator

__all__ = ["CALCULATOR", "EXAMPLE", "FIELDS", "Inputs", "Result", "compute", "parse"]


def render(inputs: Inputs, result: Result, money: Money) -> str:
    """The page's HTML: the result's sentences are already in the reader's currency."""
    return view.render(result, money)


CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="plan",
    title="Your plan",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
)
