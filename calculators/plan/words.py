"""The plan in words: each dated step, the notes, the summary, every script filled with
your numbers and names, and the calendar file, in the reader's currency.

>>> from calculators.plan.inputs import EXAMPLE, parse_or_fail
>>> from calculators.plan.rules import make_plan
>>> inputs = parse_or_fail(EXAMPLE)
>>> step_sentence(make_plan(inputs).steps[2], make_plan(inputs), inputs, Money())[:40]
'Tomorrow, Tuesday, December 8: send your'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from calculators.dates import weekday_on_or_after, written_date
from calculators.format import Money, fmt_months
from calculators.plan.inputs import Inputs
from calculators.plan.rules import Plan, Step
from calculators.scripts import SCRIPTS, fill, unfilled

__all__ = ["FilledScript", "Words", "calendar", "script_values", "step_sentence", "write"]

_WHEN = {
    "today": "Today",
    "tonight": "Tonight",
    "decide-by": "Decide by",
    "deadline": "Their deadline",
}


def _the(company: str) -> str:
    return company or "the company"


def step_sentence(step: Step, plan: Plan, inputs: Inputs, money: Money) -> str:
    """One step, dated and written out, with what to do."""
    day = written_date(step.day, plan.today)
    walk = plan.walk
    company = _the(inputs.company)
    answer_day = written_date(answer_by(plan), plan.today)
    ask = money.format(walk.counter_to) if walk and walk.counter_to is not None else ""
    numbers = ", ".join(
        f"{name} {money.format(value)}"
        for name, value in (
            ("floor", inputs.floor),
            ("target", inputs.target),
            ("anchor", inputs.anchor),
        )
        if value is not None
    )
    actions = {
        "deflect": "if they ask what you expect before there's an offer, ask for their "
        "budgeted range instead of naming a number",
        "ask-for-time": f"thank {company}, ask for the whole offer in writing, and say you'll "
        f"answer by {answer_day}",
        "acknowledge": f"thank {company} for their answer, and say you'll reply by {answer_day}",
        "ask-extension": f"thank {company}, ask for the offer in writing, and ask to move the "
        f"deadline to {written_date(extended_deadline(plan), plan.today)}: one honest round "
        "needs a little more time",
        "numbers": f"check every part of the written offer against your numbers ({numbers})",
        "prepare": "write your three numbers down, floor first, and give one evening to "
        "the band for this level: the posting's range, a pay-sharing site, two or three people "
        "who'd know",
        "counter": f"send your counter at {ask}, one number for the whole package, warmly",
        "accept": "accept warmly, and ask for the final offer in writing",
        "walk": "decline kindly, in writing, and leave the door open",
        "decide": "weigh their answer against your floor: at or above it, close warmly; "
        "under it, decline kindly, unless it's a strong role within 5% of your floor",
        "answer": f"give {company} your answer in writing today",
    }
    when = _WHEN.get(step.key)
    if when is None:  # the next step that waits a day: tomorrow, or after a weekend
        when = "Tomorrow" if (step.day - plan.today).days == 1 else "On the next working day"
    return f"{when}, {day}: {actions[step.action]}."


def answer_by(plan: Plan) -> date:
    """The day to name as when you'll answer: the deadline, or two working days on."""
    if plan.deadline is not None and not plan.deadline_passed:
        return plan.deadline
    return weekday_on_or_after(weekday_on_or_after(plan.today + timedelta(days=1)) + timedelta(1))


def extended_deadline(plan: Plan) -> date:
    """The later deadline to ask for: three days after theirs, on a working day."""
    start = plan.deadline if plan.deadline and not plan.deadline_passed else plan.today
    return weekday_on_or_after(start + timedelta(days=3))


def script_values(plan: Plan, inputs: Inputs, money: Money) -> dict[str, str]:
    """What each placeholder is, where the plan knows it."""
    values = {
        "[company]": inputs.company,
        "[role title]": inputs.role,
        "[recruiter's name]": inputs.recruiter,
        "[hiring manager's name]": inputs.hiring_manager,
        "[your name]": inputs.your_name,
        "[day, date]": written_date(answer_by(plan), plan.today),
    }
    if inputs.target is not None:
        values["[$TARGET]"] = money.format(inputs.target)
    if inputs.anchor is not None:
        values["[$ANCHOR]"] = money.format(inputs.anchor)
    return {token: value for token, value in values.items() if value}


@dataclass(frozen=True)
class FilledScript:
    """One of the guide's scripts with your numbers and names in; ``now`` marks the one the
    next step uses; ``unfilled`` lists the placeholders still to fill by hand."""

    id: str
    brief: str
    title: str
    when: str
    now: bool
    used: bool  # a step of the plan uses it: the ones a printed plan keeps
    variants: tuple[tuple[str, str], ...]
    unfilled: tuple[str, ...]
    caution: str  # what to cut unless it is true, as the scripts page says it


# The counters' scripts name the number a counter asks for as [$ANCHOR]: the first
# counter opens there. The plan fills in the number its counter asks for this round.
COUNTER_SCRIPTS = ("counter-on-the-phone", "counter-by-email")


def filled_scripts(plan: Plan, values: Mapping[str, str], money: Money) -> tuple[FilledScript, ...]:
    """Every script of the guide, filled; the one to use now first."""
    used = {step.script for step in plan.steps if step.script}
    ask = plan.walk.counter_to if plan.walk is not None else None
    out = []
    for script in SCRIPTS:
        these = dict(values)
        if script.id in COUNTER_SCRIPTS and ask is not None:
            these["[$ANCHOR]"] = money.format(ask)
        variants = tuple((channel, fill(text, these)) for channel, text in script.variants)
        left = sorted({token for _, text in variants for token in unfilled(text)})
        out.append(
            FilledScript(
                id=script.id,
                brief=script.brief,
                title=script.title,
                when=script.when,
                now=script.id == plan.now,
                used=script.id in used,
                variants=variants,
                unfilled=tuple(left),
                caution=script.caution,
            )
        )
    return tuple(sorted(out, key=lambda script: not script.now))


def notes(plan: Plan, inputs: Inputs) -> tuple[str, ...]:
    """What the plan assumed, and what it couldn't do."""
    found: list[str] = []
    if plan.deadline_passed and plan.deadline is not None:
        found.append(
            f"Their deadline, {written_date(plan.deadline, plan.today)}, has passed: this plan "
            "starts today. Answer as soon as you can, and if you still need time, ask for it "
            "plainly."
        )
    if plan.walk is None:
        found.append(
            "There's no offer yet, so the plan is how to prepare: your numbers and the scripts "
            "that don't need an offer. Add the offer when it comes."
        )
    if inputs.offer_from:
        found.append(
            f"The offer's number is the average a year of “{inputs.offer_from}”, "
            "sent here from your total compensation comparison."
        )
    if plan.runway is not None:
        months = plan.runway.runway_months
        cash = "doesn't run out" if months is None else f"lasts about {fmt_months(months)}"
        found.append(f"Your cash {cash}. {plan.runway.advice}")
    return tuple(found)


def summary(plan: Plan, inputs: Inputs, money: Money) -> str:
    """The plan in one sentence: the verdict and the next dated step."""
    step = next(s for s in plan.steps if s.action not in ("numbers",))
    head = "Prepare" if plan.walk is None else plan.walk.summary.rstrip(".")
    return f"{head}. Next: {step_sentence(step, plan, inputs, money)}"


def calendar(plan: Plan, inputs: Inputs) -> str | None:
    """An iCalendar file: their deadline, and a "decide by" reminder the evening before.
    None without a deadline still to come."""
    if plan.deadline is None or plan.deadline_passed:
        return None
    company = _the(inputs.company)
    deadline = plan.deadline
    evening = max(deadline - timedelta(days=1), plan.today)
    stamp = f"{plan.today:%Y%m%d}T000000Z"
    events = [
        (
            f"deadline-{deadline:%Y%m%d}",
            f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}",
            f"DTEND;VALUE=DATE:{deadline + timedelta(days=1):%Y%m%d}",
            f"Answer {company}'s offer",
            "Their deadline: give your answer in writing today.",
        ),
        (
            f"decide-{evening:%Y%m%d}",
            f"DTSTART:{evening:%Y%m%d}T190000",
            f"DTEND:{evening:%Y%m%d}T193000",
            f"Decide on {company}'s offer",
            "Decide tonight: weigh their answer against your floor, then write tomorrow.",
        ),
    ]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Walkaway//Your plan//EN"]
    for uid, start, end, title, description in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@walkaway.plan",
            f"DTSTAMP:{stamp}",
            start,
            end,
            f"SUMMARY:{_ics_text(title)}",
            f"DESCRIPTION:{_ics_text(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _fold(line: str) -> str:
    r"""A content line folded at 75 octets, as iCalendar asks (continuations start with a space).

    >>> _fold("DESCRIPTION:" + "x" * 70).split("\r\n ")[1]
    'xxxxxxx'
    """
    out: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode()) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def _ics_text(text: str) -> str:
    """Text as iCalendar escapes it (backslash, semicolon, comma, newline)."""
    for old, new in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Words:
    """Every sentence of one plan, in one currency."""

    steps: tuple[str, ...]
    notes: tuple[str, ...]
    summary: str
    scripts: tuple[FilledScript, ...]
    calendar: str | None


def write(plan: Plan, inputs: Inputs, money: Money) -> Words:
    """Every sentence of the plan, with amounts in ``money``'s currency."""
    return Words(
        steps=tuple(step_sentence(step, plan, inputs, money) for step in plan.steps),
        notes=notes(plan, inputs),
        summary=summary(plan, inputs, money),
        scripts=filled_scripts(plan, script_values(plan, inputs, money), money),
        calendar=calendar(plan, inputs),
    )
