"""Runway's answer: the rules' figures with the advice and notes, as the JSON result.

>>> result = compute(Inputs(savings=30000, monthly_expenses=6000))
>>> result.runway_months, result.band, result.search_months
(5.0, 'middle', [1.38, 2.31])
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.bands import Band, band_of
from calculators.format import USD, Money
from calculators.runway.inputs import Inputs
from calculators.runway.rules import Anchoring, anchoring, horizon, search_window, simulate
from calculators.runway.words import ADVICE, notes, summary
from calculators.schema import read_of

__all__ = ["Result", "compute"]


@dataclass(frozen=True)
class Result:
    """The runway answer; ``dataclasses.asdict`` gives the JSON of the spec's result shape.

    Beyond the spec: ``starting_cash`` (savings plus severance, month 0 of the
    balance), ``monthly_net_spend`` (what a month costs once any benefit has
    ended; negative when your income more than covers it),
    ``net_spend_with_benefit`` (the same while the benefit lasts, or None without
    one) and ``notes`` (plain sentences worth knowing).
    """

    runway_months: float | None
    capped: bool
    band: Band
    advice: str
    search_months: list[float]
    cushion_months: float | None
    balance: list[float]
    anchoring: Anchoring | None
    starting_cash: float
    monthly_net_spend: float
    net_spend_with_benefit: float | None
    notes: list[str]
    read: dict[str, object]
    summary: str


def compute(inputs: Inputs, money: Money = USD) -> Result:
    """The runway, its band and advice, the search time, the balance and the anchoring cost.

    >>> compute(Inputs(savings=10000, monthly_expenses=5000, monthly_income=1000,
    ...                benefit_monthly=2000, benefit_months=3)).runway_months
    4.0
    >>> result = compute(Inputs(savings=0, monthly_expenses=3000, monthly_income=3500))
    >>> result.runway_months, result.band, result.cushion_months
    (None, 'long', None)
    >>> compute(Inputs(savings=0, monthly_expenses=1, offer=158400, floor=180000)).anchoring.cost
    66763.44
    """
    search_min, search_max = search_window(inputs)
    runway = simulate(inputs, horizon(search_max))
    months = None if runway.months is None else round(runway.months, 2)
    cushion = None if runway.months is None else runway.months - search_max
    after_benefit = inputs.monthly_expenses - inputs.monthly_income
    has_benefit = inputs.benefit_monthly > 0 and inputs.benefit_months > 0
    anchored = anchoring(inputs, runway.months)
    search = [round(search_min, 2), round(search_max, 2)]
    return Result(
        runway_months=months,
        capped=runway.capped,
        band=band_of(months),
        advice=ADVICE[band_of(months)],
        search_months=search,
        cushion_months=None if cushion is None else round(cushion, 2),
        balance=[round(cash, 2) for cash in runway.balance],
        anchoring=anchored,
        starting_cash=round(inputs.savings + inputs.severance, 2),
        monthly_net_spend=round(after_benefit, 2),
        net_spend_with_benefit=(
            round(after_benefit - inputs.benefit_monthly, 2) if has_benefit else None
        ),
        notes=notes(inputs, runway, cushion),
        read=read_of(inputs),
        summary=summary(months, runway.capped, band_of(months), search, anchored, money),
    )
