"""The table of calculators, by name. It imports each calculator; none imports it back.

>>> sorted(CALCULATORS)
['plan', 'runway', 'total-comp', 'walk']
"""

from __future__ import annotations

from typing import Any

from calculators import plan, runway, total_comp, walk
from calculators.schema import Calculator

__all__ = ["CALCULATORS"]

CALCULATORS: dict[str, Calculator[Any, Any]] = {
    calculator.name: calculator
    for calculator in (total_comp.CALCULATOR, walk.CALCULATOR, runway.CALCULATOR, plan.CALCULATOR)
}
