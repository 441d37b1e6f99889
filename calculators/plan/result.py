"""The plan's answer: the composed decision and runway, the dated steps, every script
filled, and the calendar file, as the JSON result.

>>> from calculators.plan.inputs import EXAMPLE, parse_or_fail
>>> result = compute(parse_or_fail(EXAMPLE))
>>> result.verdict, result.counter_to, [step.key for step in result.steps]
('counter', 210000.0, ['today', 'tonight', 'tomorrow', 'decide-by', 'deadline'])
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.format import USD, Money
from calculators.plan.inputs import Inputs
from calculators.plan.rules import make_plan
from calculators.plan.words import FilledScript, write
from calculators.schema import read_of

__all__ = ["DatedStep", "Result", "compute"]


@dataclass(frozen=True)
class DatedStep:
    """One step: when (its key and ISO date), what to do, and the script it uses."""

    key: str
    date: str
    action: str
    script: str | None
    text: str


@dataclass(frozen=True)
class Result:
    """Your plan. ``verdict``, ``rule``, ``counter_to`` and ``next_step`` are the walk
    decision's (None without an offer); ``runway_months`` and ``runway_band`` runway's
    (None without savings and expenses); ``calendar`` is an iCalendar file's text (None
    without a deadline still to come)."""

    verdict: str | None
    rule: str | None
    then_accept: bool
    counter_to: float | None
    next_step: str | None
    runway_months: float | None
    runway_band: str | None
    today: str
    deadline: str | None
    deadline_passed: bool
    steps: tuple[DatedStep, ...]
    scripts: tuple[FilledScript, ...]
    now: str | None
    notes: tuple[str, ...]
    calendar: str | None
    read: dict[str, object]
    summary: str


def compute(inputs: Inputs, money: Money = USD) -> Result:
    """The plan for your inputs, every sentence in ``money``'s currency."""
    plan = make_plan(inputs, money)
    words = write(plan, inputs, money)
    walk, runway = plan.walk, plan.runway
    return Result(
        verdict=None if walk is None else walk.verdict,
        rule=None if walk is None else walk.rule,
        then_accept=False if walk is None else walk.then_accept,
        counter_to=None if walk is None else walk.counter_to,
        next_step=None if walk is None else walk.next_step,
        runway_months=None if runway is None else runway.runway_months,
        runway_band=None if runway is None else runway.band,
        today=plan.today.isoformat(),
        deadline=None if plan.deadline is None else plan.deadline.isoformat(),
        deadline_passed=plan.deadline_passed,
        steps=tuple(
            DatedStep(step.key, step.day.isoformat(), step.action, step.script, text)
            for step, text in zip(plan.steps, words.steps, strict=True)
        ),
        scripts=words.scripts,
        now=plan.now,
        notes=words.notes,
        calendar=words.calendar,
        read=read_of(inputs) | {"today": plan.today.isoformat()},
        summary=words.summary,
    )
