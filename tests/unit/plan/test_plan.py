"""The plan: the walk decision and runway composed, the dates, every script filled."""

from __future__ import annotations

import dataclasses

import pytest

from calculators.api import run
from calculators.format import USD
from calculators.plan import EXAMPLE, Result
from calculators.plan.inputs import parse_or_fail
from calculators.plan.rules import make_plan, runway_inputs, walk_inputs
from calculators.plan.words import script_values
from calculators.runway import compute as runway_compute
from calculators.scripts import SCRIPTS, fill, unfilled
from calculators.walk import compute as walk_compute
from tests.support.calls import computed, errors, rendered


def plan(**data: object) -> Result:
    result: Result = computed("plan", {"floor": "180k", "today": "2026-12-07", **data})
    return result


def test_the_example_is_a_dated_counter() -> None:
    """The worked example: counter at the anchor, five dated steps to the deadline."""
    result = computed("plan", EXAMPLE)
    assert (result.verdict, result.counter_to, result.now) == ("counter", 210000.0, "ask-for-time")
    assert [step.key for step in result.steps] == [
        "today",
        "tonight",
        "tomorrow",
        "decide-by",
        "deadline",
    ]
    assert [step.date for step in result.steps] == [
        "2026-12-07",
        "2026-12-07",
        "2026-12-08",
        "2026-12-10",
        "2026-12-11",
    ]


@pytest.mark.parametrize(
    "data",
    [
        {"offer": "158.4k", "target": "195k", "savings": "30k", "monthly_expenses": "6000"},
        {"offer": "200k", "anchor": "230k", "counter_rounds": 2, "other_options": True},
        {"offer": "150k", "savings": 3000, "monthly_expenses": 3000},
        {"offer": "150k", "savings": 0, "monthly_expenses": 1},
    ],
)
def test_the_plan_is_walk_and_runway_run_alone(data: dict[str, object]) -> None:
    """The decision and the runway are exactly what the two calculators answer alone."""
    inputs = parse_or_fail({"floor": "180k", "today": "2026-12-07", **data})
    made = make_plan(inputs)
    cash = runway_inputs(inputs)
    alone_runway = None if cash is None else runway_compute(cash)
    assert made.runway == alone_runway
    months = None if alone_runway is None else alone_runway.runway_months
    if alone_runway is not None and months is None:
        months = 120.0
    decision = walk_inputs(inputs, months)
    assert decision is not None
    assert made.walk == walk_compute(decision)
    result = plan(**data)
    assert (result.verdict, result.counter_to, result.next_step) == (
        made.walk.verdict,
        made.walk.counter_to,
        made.walk.next_step,
    )


def test_dates_cross_the_year_end_and_say_the_year() -> None:
    """Today December 30, deadline January 4: the steps cross into 2027 and say so."""
    result = plan(offer="176k", today="2026-12-30", deadline="2027-01-04")
    assert [step.date for step in result.steps] == [
        "2026-12-30",
        "2026-12-30",
        "2026-12-31",
        "2027-01-03",
        "2027-01-04",
    ]
    assert result.steps[-1].text.startswith("Their deadline, Monday, January 4, 2027:")
    assert result.steps[2].text.startswith("Tomorrow, Thursday, December 31:")


def test_dates_cross_a_month_end() -> None:
    """Today April 30: tomorrow is May 1."""
    result = plan(offer="176k", today="2026-04-30", deadline="2026-05-06")
    assert result.steps[2].date == "2026-05-01"
    assert "Friday, May 1" in result.steps[2].text


def test_sending_waits_for_a_weekday() -> None:
    """On a Friday, the counter goes out on Monday."""
    result = plan(offer="176k", today="2026-12-11", deadline="2026-12-16")
    send = result.steps[2]
    assert (send.key, send.date, send.action) == ("tomorrow", "2026-12-14", "counter")
    assert send.text.startswith("On the next working day, Monday, December 14:")


@pytest.mark.parametrize(
    ("deadline", "first"), [("2026-12-07", "ask-extension"), ("2026-12-08", "ask-extension")]
)
def test_a_deadline_today_or_tomorrow_asks_for_time_and_sends_today(
    deadline: str, first: str
) -> None:
    """With the deadline today or tomorrow, the first script asks to move it, and nothing
    waits past it."""
    result = plan(offer="176k", deadline=deadline)
    assert result.steps[0].action == first
    assert result.now == "extend-an-exploding-offer"
    assert all(step.date <= deadline for step in result.steps)


def test_a_deadline_already_passed_plans_for_today() -> None:
    """A deadline in the past: the plan says so, plans from today, and has no calendar."""
    result = plan(offer="176k", deadline="2026-12-01")
    assert result.deadline_passed is True
    assert any("has passed" in note for note in result.notes)
    assert result.calendar is None
    assert all(step.key != "deadline" for step in result.steps)


def test_without_an_offer_the_plan_still_gives_the_numbers_and_scripts() -> None:
    """No offer: no verdict, the preparing steps, and the scripts filled with what is known."""
    result = plan(target="195k", anchor="210k", company="Acme")
    assert (result.verdict, result.counter_to, result.now) == (None, None, "deflect-expectations")
    assert any("no offer yet" in note for note in result.notes)
    give_a_range = next(s for s in result.scripts if s.id == "give-a-range")
    assert "$195,000 to $210,000" in give_a_range.variants[0][1]


def test_every_script_is_filled_where_its_value_is_known() -> None:
    """No placeholder whose value the plan knows is left in any script."""
    data = {**EXAMPLE}
    inputs = parse_or_fail(data)
    values = script_values(make_plan(inputs), inputs, USD)
    result = computed("plan", data)
    assert len(result.scripts) == len(SCRIPTS)
    for script in result.scripts:
        for _, text in script.variants:
            assert not set(unfilled(text)) & set(values), (script.id, unfilled(text))


def test_the_plan_and_the_scripts_page_say_the_same_sentences() -> None:
    """Each filled script is the engine's script with the values put in, nothing else."""
    inputs = parse_or_fail(dict(EXAMPLE))
    values = script_values(make_plan(inputs), inputs, USD)
    filled = {script.id: script for script in computed("plan", EXAMPLE).scripts}
    for script in SCRIPTS:
        assert filled[script.id].variants == tuple(
            (channel, fill(text, values)) for channel, text in script.variants
        )


def test_names_with_markup_show_as_text() -> None:
    """A name with markup is text in the scripts and the page."""
    html = rendered(
        "plan", {**EXAMPLE, "company": "<b>Acme</b>", "your_name": "<script>x</script>"}
    )
    assert "<b>Acme</b>" not in html
    assert "&lt;b&gt;Acme&lt;/b&gt;" in html
    assert "<script>" not in html


@pytest.mark.parametrize("typed", ["Friday", "2026-13-01", "18/12/2026", "2026-02-30"])
def test_a_date_that_isnt_one_is_a_field_error(typed: str) -> None:
    """A deadline that isn't a calendar date is an error on it that shows how to write one."""
    (error,) = errors("plan", {"floor": "180k", "deadline": typed})
    assert error.field == "deadline"
    assert "2026-12-18" in error.message


def test_the_calendar_file_has_the_deadline_and_the_evening_before() -> None:
    """An iCalendar file: CRLF lines of at most 75 octets, the deadline as a whole day,
    and a decide-by reminder at 19:00 the evening before."""
    calendar = computed("plan", EXAMPLE).calendar
    assert calendar is not None
    assert calendar.startswith("BEGIN:VCALENDAR\r\n")
    assert calendar.endswith("END:VCALENDAR\r\n")
    lines = calendar.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "DTSTART;VALUE=DATE:20261211" in lines
    assert "DTSTART:20261210T190000" in lines
    assert calendar.count("BEGIN:VEVENT") == 2


def test_the_answer_is_plain_json_with_read_and_summary() -> None:
    """The plan answers through the same contract: read, summary, read_as."""
    answer = run("plan", {"floor": "€90.000", "offer": "4,500/month", "today": "2026-12-07"})
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    assert result["read"]["floor"] == 90000.0
    assert result["summary"].startswith("Counter at $90,000. Next: Today, Monday, December 7:")
    assert answer["read_as"] == {"floor": "read as 90,000", "offer": "read as 54,000"}
    assert dataclasses.is_dataclass(computed("plan", EXAMPLE))


def test_the_counter_scripts_ask_for_what_the_plan_counters_at() -> None:
    """After one counter the plan counters at the target: so do the filled counter scripts."""
    result = plan(offer="150k", floor="160k", target="165k", anchor="185k", counter_rounds=1)
    assert (result.verdict, result.counter_to) == ("counter", 165000.0)
    counter = next(s for s in result.scripts if s.id == "counter-by-email")
    assert "$165,000" in counter.variants[0][1]
    assert "$185,000" not in counter.variants[0][1]


def test_a_printed_plan_keeps_the_scripts_its_steps_use() -> None:
    """Scripts a step uses are marked used; the page prints only those."""
    result = computed("plan", EXAMPLE)
    used = {step.script for step in result.steps if step.script}
    assert {s.id for s in result.scripts if s.used} == used
    html = rendered("plan", EXAMPLE)
    assert html.count("wa-plan-script--used") == len(used)
