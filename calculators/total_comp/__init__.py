"""Total compensation: what each offer is worth, year by year, side by side.

Each offer's pay is split into seven parts a year (base, bonus, equity from the
initial grant, refreshers, one-time payments, retirement match, other), added
up over the years compared, and set against the first offer (often the current
job). Its rooms: ``offer`` (an offer's fields, each declared once), ``inputs``
(the comparison's fields and the parsing), ``vesting`` and ``limits`` (schedules, and
figures too large to trust), ``rules`` (the figures), ``words`` (the sentences),
``result`` (the JSON answer, with ``compute``), ``view`` (tables and the chart, from
the result).
"""

from __future__ import annotations

from calculators.format import Money
from calculators.schema import Calculator
from calculators.total_comp import view
from calculators.total_comp.inputs import EXAMPLE, FIELDS, GROUPS, Inputs, parse
from calculators.total_comp.offer import Offer
from calculators.total_comp.result import Result, compute

__all__ = ["CALCULATOR", "EXAMPLE", "FIELDS", "Inputs", "Offer", "Result", "compute", "parse"]


def render(inputs: Inputs, result: Result, money: Money) -> str:
    """The page's HTML for ``result`` (its sentences already in the reader's currency);
    ``money`` formats the tables' figures. Nothing is computed again."""
    return view.render(result, money)


CALCULATOR: Calculator[Inputs, Result] = Calculator(
    name="total-comp",
    title="Total compensation",
    fields=FIELDS,
    parse=parse,
    compute=compute,
    render=render,
    example=EXAMPLE,
    groups=GROUPS,
)
