"""Runway: how long your cash lasts, and what accepting a low number costs.

Cash starts at savings plus severance. Each month spends your expenses, less
any other income, less the unemployment benefit while it lasts. The runway is
when the cash runs out, to a fraction of a month; set beside the time you planned
for a search for a comparable offer, it says whether you can afford to wait.
With an offer below your floor, it also counts what taking that offer costs
over the years it anchors you. Its rooms: ``inputs``, ``rules`` (the figures),
``words`` (the sentences), ``result`` (the JSON answer), ``view`` (HTML).
"""

from __future__ import annotations

from calculators.format import Money
from calculators.runway import view
from calculators.runway.inputs import EXAMPLE, FIELDS, Inputs, parse
from calculators.runway.result import Result, compute
from calculators.schema import Calculator

__all__ = ["CALCULATOR", "EXAMPLE", "FIELDS", "Inputs", "Result", "compute", "parse"]


def render(inputs: Inputs, result: Result, money: Money) -> str:
    """The page's HTML for ``result``, in the reader's currency."""
    return view.render(result, money)


CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="runway",
    title="Runway and the cost of a low number",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
)
