"""The plan's rules: the walk decision and the runway for your numbers (their own rules,
composed, not copied), and the dated steps to the deadline. Dates and ids only; the
words are in :mod:`.words`.

>>> from calculators.plan.inputs import parse_or_fail
>>> plan = make_plan(parse_or_fail({"floor": "180k", "offer": "176k", "today": "2026-12-07",
...                                  "deadline": "2026-12-11"}))
>>> plan.verdict, [(step.key, step.day.isoformat(), step.action) for step in plan.steps[:3]]
... # doctest: +NORMALIZE_WHITESPACE
('counter', [('today', '2026-12-07', 'ask-for-time'), ('tonight', '2026-12-07', 'numbers'),
             ('tomorrow', '2026-12-08', 'counter')])
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculators.dates import weekday_on_or_after
from calculators.format import USD, Money
from calculators.plan.inputs import Inputs
from calculators.runway import Inputs as RunwayInputs
from calculators.runway import Result as RunwayResult
from calculators.runway import compute as runway_compute
from calculators.runway.rules import MAX_MONTHS
from calculators.walk import Inputs as WalkInputs
from calculators.walk import Result as WalkResult
from calculators.walk import compute as walk_compute

__all__ = ["SCRIPT_FOR", "Plan", "Step", "make_plan", "runway_inputs", "walk_inputs"]

# The script each action uses (ids of calculators.scripts), or none.
SCRIPT_FOR: dict[str, str | None] = {
    "deflect": "deflect-expectations",
    "ask-for-time": "ask-for-time",
    "ask-extension": "extend-an-exploding-offer",
    "acknowledge": None,
    "numbers": None,
    "prepare": None,
    "counter": "counter-by-email",
    "accept": "close-warmly",
    "walk": "walk-away-well",
    "decide": None,
    "answer": None,
}


@dataclass(frozen=True)
class Step:
    """One dated step: ``key`` says when (today, tonight, tomorrow, decide-by, deadline)."""

    key: str
    day: date
    action: str

    @property
    def script(self) -> str | None:
        return SCRIPT_FOR[self.action]


@dataclass(frozen=True)
class Plan:
    """The decision, the runway, and the steps, with the dates they fall on."""

    walk: WalkResult | None  # None until there is an offer
    runway: RunwayResult | None  # None without savings and monthly expenses
    today: date
    deadline: date | None
    deadline_passed: bool
    steps: tuple[Step, ...]

    @property
    def verdict(self) -> str | None:
        return None if self.walk is None else self.walk.verdict

    @property
    def now(self) -> str | None:
        """The script of the first step that has one: the one to use now."""
        return next((step.script for step in self.steps if step.script), None)


def walk_inputs(inputs: Inputs, runway_months: float | None) -> WalkInputs | None:
    """The walk decision's inputs for your numbers, or None without an offer."""
    if inputs.offer is None:
        return None
    return WalkInputs(
        offer=inputs.offer,
        floor=inputs.floor,
        target=inputs.target,
        anchor=inputs.anchor,
        runway_months=runway_months,
        counter_rounds=inputs.counter_rounds,
        other_options=inputs.other_options,
    )


def runway_inputs(inputs: Inputs) -> RunwayInputs | None:
    """Runway's inputs for your cash, or None unless both savings and expenses are given."""
    if inputs.savings is None or inputs.monthly_expenses is None:
        return None
    return RunwayInputs(
        savings=inputs.savings,
        monthly_expenses=inputs.monthly_expenses,
        offer=inputs.offer if inputs.offer else None,
        floor=inputs.floor,
    )


def _steps(
    verdict: str | None, today: date, deadline: date | None, rounds: int
) -> tuple[Step, ...]:
    """Today, tonight, the next working day, the evening before the deadline, the deadline.

    A step never falls after the deadline: with the deadline today or tomorrow, what
    would wait for tomorrow is done today. Sending waits for a weekday. After a
    counter, the offer is already in writing: today acknowledges their answer.
    """
    if verdict is None:
        return (Step("today", today, "deflect"), Step("tonight", today, "prepare"))
    action = {"counter": "counter", "accept": "accept", "walk": "walk"}[verdict]
    close = deadline is not None and (deadline - today).days <= 1
    first = "acknowledge" if rounds else "ask-for-time"
    if close and verdict == "counter":
        first = "ask-extension"
    steps = [Step("today", today, first), Step("tonight", today, "numbers")]
    send = weekday_on_or_after(today + timedelta(days=1))
    if deadline is not None and send > deadline:
        send = today
    steps.append(Step("tomorrow" if send > today else "today", send, action))
    if deadline is not None and verdict == "counter":
        decide = max(deadline - timedelta(days=1), send)
        steps.append(Step("decide-by", decide, "decide"))
    if deadline is not None:
        steps.append(Step("deadline", deadline, "answer"))
    return tuple(steps)


def make_plan(inputs: Inputs, money: Money = USD, clock: date | None = None) -> Plan:
    """The plan: runway first (the walk decision reads it), then the decision, then the
    steps. ``today`` comes from the inputs, else ``clock`` (the caller's date)."""
    today = date.fromisoformat(inputs.today) if inputs.today else (clock or date.today())
    deadline = date.fromisoformat(inputs.deadline) if inputs.deadline else None
    passed = deadline is not None and deadline < today
    cash = runway_inputs(inputs)
    runway = None if cash is None else runway_compute(cash, money)
    # Cash that never runs out is the longest runway there is, not one left unsaid.
    months = None if runway is None else runway.runway_months
    if runway is not None and months is None:
        months = float(MAX_MONTHS)
    decision_inputs = walk_inputs(inputs, months)
    walk = None if decision_inputs is None else walk_compute(decision_inputs, money)
    # A deadline already passed: everything is done today, and no step names that date.
    verdict = None if walk is None else walk.verdict
    steps = _steps(verdict, today, today if passed else deadline, inputs.counter_rounds)
    if passed:
        steps = tuple(step for step in steps if step.key != "deadline")
    return Plan(
        walk=walk,
        runway=runway,
        today=today,
        deadline=deadline,
        deadline_passed=passed,
        steps=steps,
    )
