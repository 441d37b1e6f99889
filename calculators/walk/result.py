"""The walk decision's answer: the rules' verdict and the words for it, as the JSON result.

>>> from calculators.walk.inputs import parse_or_fail
>>> strong = {"scope": 4, "manager": 4, "team": 4, "growth": 4}
>>> answer = compute(parse_or_fail({"offer": 176000, "floor": 180000, **strong}))
>>> answer.verdict, answer.rule, answer.then_accept, answer.next_step[:30]
('counter', 'strong-small', True, 'Counter once, then accept: ask')
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.format import USD, Money
from calculators.schema import read_of
from calculators.walk.inputs import FEELING_FLAGS, REAL_REASONS, Inputs
from calculators.walk.rules import decide
from calculators.walk.words import write

__all__ = ["Reason", "Result", "compute"]


@dataclass(frozen=True)
class Reason:
    """A real reason found, or a feeling marked: the field's name and its plain label."""

    id: str
    label: str


@dataclass(frozen=True)
class Result:
    """The verdict, why, what to do next, and the words to do it with.

    ``offer``, ``floor``, ``target`` and ``anchor`` are beyond the spec's keys:
    the page shows them beside the verdict.
    """

    verdict: str  # accept | counter | walk
    rule: str
    quadrant: str
    role_score: float | None  # None when nothing is rated
    rated: int
    gap_pct: float
    counter_to: float | None
    real_reasons: tuple[Reason, ...]
    not_reasons: tuple[Reason, ...]
    then_accept: bool
    next_step: str
    notes: tuple[str, ...]
    script: str
    offer: float
    floor: float
    target: float | None
    anchor: float | None
    read: dict[str, object]
    summary: str


def compute(inputs: Inputs, money: Money = USD) -> Result:
    """The verdict by the spec's rules 1 to 6, with the next step, notes and script, their
    amounts in ``money``'s currency."""
    decision = decide(inputs)
    words = write(inputs, decision, money)
    labels = {field.name: field.label for field in REAL_REASONS}
    reasons = tuple(
        Reason("gut_signal", f"Your gut says don't take it: {inputs.gut_signal}")
        if name == "gut_signal"
        else Reason(name, labels[name])
        for name in decision.reasons
    )
    feelings = {field.name: field.label for field in FEELING_FLAGS}
    counter_to = decision.ask if decision.verdict == "counter" else None
    return Result(
        verdict=decision.verdict,
        rule=decision.rule,
        quadrant=decision.quadrant,
        role_score=None if decision.role_score is None else round(decision.role_score, 2),
        rated=decision.rated,
        gap_pct=round(decision.gap_pct, 2),
        counter_to=None if counter_to is None else round(counter_to, 2),
        real_reasons=reasons,
        not_reasons=tuple(Reason(name, feelings[name]) for name in inputs.feelings_marked),
        then_accept=decision.then_accept,
        next_step=words.next_step,
        notes=words.notes,
        script=words.script,
        offer=round(inputs.offer, 2),
        floor=round(inputs.floor, 2),
        target=None if inputs.target is None else round(inputs.target, 2),
        anchor=None if inputs.anchor is None else round(inputs.anchor, 2),
        read=read_of(inputs),
        summary=words.summary,
    )
