"""The runway calculator: how long the cash lasts, and what a low number costs."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import runway
from calculators.api import run
from calculators.fields import FieldError
from calculators.render import Money
from calculators.runway import FIELDS, Inputs, Result, compute, parse, render
from tests.strategies import json_values, typed_amounts
from tests.support import assert_sound_answer


def ok(inputs: dict[str, Any]) -> Result:
    """Parse and compute, failing the test on input errors."""
    parsed = parse(inputs)
    assert isinstance(parsed, Inputs), parsed
    return compute(parsed)


def errors(inputs: object) -> dict[str, str]:
    """The errors for ``inputs``, by field path."""
    parsed = parse(inputs)
    assert isinstance(parsed, list), parsed
    return {error.field: error.message for error in parsed}


BASE = {"savings": 30000, "monthly_expenses": 6000}


# ---------------------------------------------------------------- worked examples


# The spec's second worked example: income and a benefit for three months.
WITH_BENEFIT: dict[str, object] = {
    "savings": 10000,
    "monthly_expenses": 5000,
    "monthly_income": 1000,
    "benefit_monthly": 2000,
    "benefit_months": 3,
}


def test_worked_example_savings_only() -> None:
    """30000 of savings at 6000 a month lasts exactly 5 months: a middle runway."""
    result = ok(BASE)
    assert result.runway_months == 5.0
    assert result.band == "middle"
    assert result.capped is False


def test_worked_example_search_months() -> None:
    """The default 6–10 week search is 1.38–2.31 months."""
    assert ok(BASE).search_months == [1.38, 2.31]


def test_worked_example_with_income_and_benefit() -> None:
    """10000 saved, 5000 costs, 1000 income, 2000 benefit for 3 months lasts 4 months."""
    result = ok(WITH_BENEFIT)
    assert result.runway_months == 4.0
    assert result.balance == [8000.0, 6000.0, 4000.0, 0.0]


def test_worked_example_income_covers_expenses() -> None:
    """Income of 3500 against costs of 3000 makes the runway indefinite and long."""
    result = ok({"savings": 0, "monthly_expenses": 3000, "monthly_income": 3500})
    assert result.runway_months is None
    assert result.band == "long"
    assert result.capped is False
    assert result.cushion_months is None


def test_worked_example_anchoring() -> None:
    """158400 against a 180000 floor, 3% raises, 3 years: 66763.44, break-even 21.92 weeks."""
    result = ok({**BASE, "offer": 158400, "floor": 180000, "raise_pct": 3, "anchor_years": 3})
    assert result.anchoring is not None
    assert result.anchoring.gap == 21600.0
    assert result.anchoring.cost == 66763.44
    assert result.anchoring.break_even_weeks == 21.92
    assert [row.gap for row in result.anchoring.years] == [21600.0, 22248.0, 22915.44]


# ---------------------------------------------------------------- runway rules


def test_runway_counts_a_fraction_of_the_last_month() -> None:
    """10000 at 4000 a month runs out halfway through month 3."""
    assert ok({"savings": 10000, "monthly_expenses": 4000}).runway_months == 2.5


def test_severance_adds_to_the_starting_cash() -> None:
    """Severance is spent like savings: 20000 + 10000 at 6000 a month is 5 months."""
    result = ok({"savings": 20000, "severance": 10000, "monthly_expenses": 6000})
    assert result.runway_months == 5.0
    assert result.starting_cash == 30000.0


def test_balance_ends_at_zero_the_month_cash_runs_out() -> None:
    """The balance stops at the month the cash runs out, clamped to 0, never negative."""
    assert ok({"savings": 10000, "monthly_expenses": 4000}).balance == [6000.0, 2000.0, 0.0]


def test_benefit_larger_than_the_spend_grows_the_cash() -> None:
    """A benefit above the net spend makes the cash grow while it lasts."""
    result = ok(
        {"savings": 1000, "monthly_expenses": 2000, "benefit_monthly": 3000, "benefit_months": 2}
    )
    assert result.balance == [2000.0, 3000.0, 1000.0, 0.0]
    assert result.runway_months == 3.5


def test_no_cash_is_a_runway_of_zero() -> None:
    """With nothing saved and a positive spend, the runway is 0 months: short."""
    result = ok({"savings": 0, "monthly_expenses": 1000})
    assert result.runway_months == 0.0
    assert result.band == "short"
    assert result.balance == [0.0]


def test_runway_past_120_months_is_capped() -> None:
    """More than 120 months is reported as 120 with the capped flag, a long runway."""
    result = ok({"savings": 1_000_000, "monthly_expenses": 1000})
    assert (result.runway_months, result.capped, result.band) == (120.0, True, "long")
    assert result.cushion_months == round(120 - 10 * 12 / 52, 2)


def test_runway_of_exactly_120_months_is_not_capped() -> None:
    """Cash that runs out at the end of month 120 is 120 months, not flagged."""
    result = ok({"savings": 120000, "monthly_expenses": 1000})
    assert (result.runway_months, result.capped) == (120.0, False)
    assert len(result.balance) == 120


def test_balance_of_an_indefinite_runway_stops_at_24_months() -> None:
    """When cash never runs out, the balance covers 24 months for the default search."""
    result = ok({"savings": 1000, "monthly_expenses": 3000, "monthly_income": 3500})
    assert len(result.balance) == 24
    assert result.balance[:2] == [1500.0, 2000.0]


def test_balance_horizon_reaches_past_a_long_search() -> None:
    """A long search stretches the balance horizon to the search plus 3 months."""
    result = ok(
        {
            "savings": 1000,
            "monthly_expenses": 3000,
            "monthly_income": 3500,
            "search_weeks_max": 200,
        }
    )
    assert len(result.balance) == math.ceil(200 * 12 / 52) + 3


def test_balance_of_a_capped_runway_stops_at_the_horizon() -> None:
    """A capped runway's balance shows the horizon, not all 120 months."""
    assert len(ok({"savings": 1_000_000, "monthly_expenses": 1000}).balance) == 24


def test_balance_is_rounded_to_cents() -> None:
    """Balance entries are amounts rounded to cents."""
    result = ok({"savings": 1000, "monthly_expenses": 333.333})
    assert result.balance[:2] == [666.67, 333.33]


@pytest.mark.parametrize(
    ("savings", "band"),
    [(18000, "short"), (18060, "middle"), (35940, "middle"), (36000, "long")],
)
def test_band_boundaries(savings: int, band: str) -> None:
    """Up to 3 months is short, 6 months or more is long, between is middle."""
    assert ok({"savings": savings, "monthly_expenses": 6000}).band == band


@pytest.mark.parametrize(
    ("band", "words"),
    [("short", "guilty"), ("middle", "within 5% of your floor"), ("long", "wait")],
)
def test_advice_follows_the_band(band: str, words: str) -> None:
    """Each band carries its own advice."""
    savings = {"short": 6000, "middle": 30000, "long": 60000}[band]
    result = ok({"savings": savings, "monthly_expenses": 6000})
    assert result.band == band
    assert words in result.advice


def test_soft_market_stretches_both_search_times() -> None:
    """A soft market makes both search times 1.5 times longer."""
    result = ok({**BASE, "soft_market": "on"})
    assert result.search_months == [round(6 * 1.5 * 12 / 52, 2), round(10 * 1.5 * 12 / 52, 2)]


def test_cushion_is_runway_less_the_longer_search() -> None:
    """The cushion is the runway less the longer search time, unrounded until the end."""
    assert ok(BASE).cushion_months == round(5 - 10 * 12 / 52, 2)


def test_negative_cushion_comes_with_a_note() -> None:
    """A runway shorter than the search is a negative cushion and a note."""
    result = ok({"savings": 6000, "monthly_expenses": 6000})
    assert result.cushion_months == round(1 - 10 * 12 / 52, 2)
    assert any("before the longer search" in note for note in result.notes)


def test_net_spend_is_reported_after_and_during_the_benefit() -> None:
    """The monthly net spend is given after the benefit, and while it lasts."""
    result = ok(WITH_BENEFIT)
    assert (result.monthly_net_spend, result.net_spend_with_benefit) == (4000.0, 2000.0)
    assert ok(BASE).net_spend_with_benefit is None


# ---------------------------------------------------------------- anchoring


def test_no_anchoring_when_the_offer_meets_the_floor() -> None:
    """An offer at or above the floor costs nothing: anchoring is null, with a note."""
    result = ok({**BASE, "offer": 180000, "floor": 180000})
    assert result.anchoring is None
    assert any("meets your floor" in note for note in result.notes)


@pytest.mark.parametrize(("given", "missing"), [("offer", "floor"), ("floor", "offer")])
def test_anchoring_needs_both_offer_and_floor(given: str, missing: str) -> None:
    """With only the offer or only the floor, anchoring is null and a note asks for the other."""
    result = ok({**BASE, given: 150000})
    assert result.anchoring is None
    wanted = {"floor": "Add your floor", "offer": "Add the offer in hand"}[missing]
    assert any(note.startswith(wanted) for note in result.notes)


def test_anchoring_over_one_year_is_the_gap() -> None:
    """Over one anchored year the cost is the gap itself."""
    result = ok({**BASE, "offer": 100000, "floor": 110000, "anchor_years": 1})
    assert result.anchoring is not None
    assert result.anchoring.cost == 10000.0
    assert result.anchoring.break_even_weeks == 5.2


def test_negative_raise_shrinks_the_yearly_gap() -> None:
    """A negative raise makes each year's gap smaller."""
    result = ok({**BASE, "offer": 100000, "floor": 110000, "raise_pct": -50, "anchor_years": 3})
    assert result.anchoring is not None
    assert [row.gap for row in result.anchoring.years] == [10000.0, 5000.0, 2500.0]


# ---------------------------------------------------------------- fields and defaults


def test_defaults_are_the_specs() -> None:
    """Every field's default is the spec's."""
    assert {field.name: field.default for field in FIELDS} == {
        "savings": None,
        "severance": 0,
        "monthly_expenses": None,
        "monthly_income": 0,
        "benefit_monthly": 0,
        "benefit_months": 0,
        "search_weeks_min": 6,
        "search_weeks_max": 10,
        "soft_market": False,
        "offer": None,
        "floor": None,
        "raise_pct": 3,
        "anchor_years": 3,
    }


def test_parse_fills_in_the_defaults() -> None:
    """Inputs left out take their defaults."""
    assert parse(BASE) == Inputs(savings=30000.0, monthly_expenses=6000.0)


def test_fields_are_grouped_for_the_form() -> None:
    """The form's sections hold the fields in order."""
    groups: dict[str, list[str]] = {}
    for field in FIELDS:
        groups.setdefault(field.group, []).append(field.name)
    assert groups == {
        "Your cash": [
            "savings",
            "severance",
            "monthly_expenses",
            "monthly_income",
            "benefit_monthly",
            "benefit_months",
        ],
        "Your search": ["search_weeks_min", "search_weeks_max", "soft_market"],
        "The offer in hand": ["offer", "floor", "raise_pct", "anchor_years"],
    }


def test_every_field_has_a_label_and_help() -> None:
    """Each field has a label and a one-sentence help text for the form."""
    assert all(field.label and field.help.endswith(".") for field in FIELDS)


def test_amounts_are_read_as_people_type_them() -> None:
    """Amounts like 30k and $6,000 are understood."""
    parsed = parse({"savings": "30k", "monthly_expenses": "$6,000", "offer": "158.4k"})
    assert isinstance(parsed, Inputs)
    assert (parsed.savings, parsed.monthly_expenses, parsed.offer) == (30000.0, 6000.0, 158400.0)


def test_empty_strings_mean_not_given() -> None:
    """An empty optional field takes its default; an empty offer is no offer."""
    parsed = parse({**BASE, "offer": "", "severance": "", "soft_market": ""})
    assert parsed == Inputs(savings=30000.0, monthly_expenses=6000.0)


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("inputs", "field", "words"),
    [
        ({"monthly_expenses": 6000}, "savings", "Savings: required"),
        ({"savings": -1, "monthly_expenses": 6000}, "savings", "can't be negative"),
        ({"savings": 1000}, "monthly_expenses", "Monthly expenses: required"),
        ({**BASE, "monthly_expenses": 0}, "monthly_expenses", "must be more than 0"),
        ({**BASE, "benefit_months": 121}, "benefit_months", "between 0 and 120"),
        ({**BASE, "benefit_months": 1.5}, "benefit_months", "whole number"),
        ({**BASE, "search_weeks_min": 261}, "search_weeks_min", "between 0 and 260"),
        ({**BASE, "search_weeks_max": -1}, "search_weeks_max", "between 0 and 260"),
        ({**BASE, "soft_market": "maybe"}, "soft_market", "yes or no"),
        ({**BASE, "offer": 0}, "offer", "at least 1"),
        ({**BASE, "floor": 0}, "floor", "must be more than 0"),
        ({**BASE, "raise_pct": 101}, "raise_pct", "between -50 and 100"),
        ({**BASE, "raise_pct": "-51%"}, "raise_pct", "between -50 and 100"),
        ({**BASE, "anchor_years": 0}, "anchor_years", "between 1 and 10"),
        ({**BASE, "anchor_years": 11}, "anchor_years", "between 1 and 10"),
    ],
)
def test_validation_rule(inputs: dict[str, Any], field: str, words: str) -> None:
    """Each rule reports its field and a message a person can act on."""
    assert words in errors(inputs)[field]


def test_shortest_search_above_longest_is_an_error_on_the_longest() -> None:
    """A shortest search above the longest is reported on search_weeks_max."""
    found = errors({**BASE, "search_weeks_min": 12, "search_weeks_max": 8})
    assert found == {
        "search_weeks_max": "Longest search: make it at least the shortest search (12 weeks)"
    }


def test_search_order_is_not_checked_when_a_search_time_is_invalid() -> None:
    """The cross-field check stays quiet when a search time itself is wrong."""
    assert set(errors({**BASE, "search_weeks_min": "soon", "search_weeks_max": 4})) == {
        "search_weeks_min"
    }


def test_equal_search_times_are_fine() -> None:
    """A shortest search equal to the longest is accepted."""
    assert ok({**BASE, "search_weeks_min": 8, "search_weeks_max": 8}).search_months == [
        1.85,
        1.85,
    ]


def test_unknown_field_is_an_error_with_a_suggestion() -> None:
    """A typo is reported, with the field it probably meant."""
    assert errors({**BASE, "savigns": 10}) == {
        "savigns": "savigns: not a field here; did you mean savings?"
    }


def test_all_problems_are_reported() -> None:
    """Every problem is listed, not only the first."""
    found = errors(
        {
            "savings": "lots",
            "monthly_expenses": 0,
            "anchor_years": 20,
            "search_weeks_min": 9,
            "search_weeks_max": 3,
            "typo": 1,
        }
    )
    assert set(found) == {
        "savings",
        "monthly_expenses",
        "anchor_years",
        "search_weeks_max",
        "typo",
    }


def test_inputs_must_be_an_object() -> None:
    """A JSON value that isn't an object is one error, not a crash."""
    assert parse([1, 2]) == [FieldError("", "inputs must be a JSON object")]


# ---------------------------------------------------------------- result shape and API


def test_result_keys_match_the_spec() -> None:
    """The result JSON has the spec's keys (plus a few documented extras)."""
    result = dataclasses.asdict(ok({**BASE, "offer": 158400, "floor": 180000}))
    spec = {
        "runway_months",
        "capped",
        "band",
        "advice",
        "search_months",
        "cushion_months",
        "balance",
        "anchoring",
    }
    extras = {"starting_cash", "monthly_net_spend", "net_spend_with_benefit", "notes"}
    assert set(result) == spec | extras
    assert set(result["anchoring"]) == {"gap", "cost", "break_even_weeks", "years"}


def test_run_returns_json_ready_lists() -> None:
    """run() gives lists, not tuples, so its answer equals its own JSON round trip."""
    answer = run("runway", {**BASE, "offer": 158400, "floor": 180000})
    assert answer == json.loads(json.dumps(answer, allow_nan=False))


def test_run_reports_errors_with_fields() -> None:
    """run() turns input problems into ok false and a list of field errors."""
    answer = run("runway", {"savings": "x"})
    assert answer["ok"] is False
    assert answer["errors"] == [
        {"field": "savings", "message": "Savings: enter an amount like 180000, 180k or $180,000"},
        {
            "field": "monthly_expenses",
            "message": "Monthly expenses: required, enter an amount like 180000, 180k or $180,000",
        },
    ]


def test_example_is_the_spec_example() -> None:
    """The prerendered example gives the spec's worked figures."""
    answer = run("runway", dict(runway.CALCULATOR.example))
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    assert (result["runway_months"], result["anchoring"]["cost"]) == (5.0, 66763.44)


# ---------------------------------------------------------------- rendering


def html_of(inputs: dict[str, Any], currency: str = "USD") -> str:
    return render(ok(inputs), Money(currency))


def test_render_headline_states_the_runway() -> None:
    """The headline says how long the cash lasts and the band."""
    assert '<p class="wa-headline">Your cash lasts about 5 months: a middle runway.</p>' in (
        html_of(BASE)
    )


@pytest.mark.parametrize(
    ("savings", "kind"), [(6000, "warning"), (30000, "info"), (60000, "success")]
)
def test_render_advice_admonition_kind_follows_the_band(savings: int, kind: str) -> None:
    """Short advice is a warning, middle an info, long a success."""
    assert f'<div class="admonition {kind}">' in html_of(
        {"savings": savings, "monthly_expenses": 6000}
    )


def test_render_indefinite_runway() -> None:
    """An indefinite runway says the cash doesn't run out, with no run-out marker."""
    html = html_of({"savings": 0, "monthly_expenses": 3000, "monthly_income": 3500})
    assert "doesn&#x27;t run out" in html
    assert "Indefinite" in html
    assert "wa-marker" not in html


def test_render_capped_runway() -> None:
    """A capped runway reads as more than 120 months."""
    assert "More than 120 months" in html_of({"savings": 10**7, "monthly_expenses": 1000})


def test_render_chart_has_search_band_and_run_out_marker() -> None:
    """The chart shades the search window and marks where the cash runs out."""
    html = html_of(BASE)
    assert '<rect class="wa-band"' in html
    assert "Likely search" in html
    assert '<circle class="wa-marker"' in html
    assert 'aria-label="Your cash, month by month: it runs out at about 5 months' in html


def test_render_anchoring_part() -> None:
    """With an offer below the floor, the cost table and break-even sentence appear."""
    html = html_of({**BASE, "offer": 158400, "floor": 180000})
    assert '<th scope="row">Total</th><td class="wa-num">$66,763</td>' in html
    assert "Walking pays off if an offer at your floor comes within 21.9 weeks." in html


def test_render_uses_the_readers_currency() -> None:
    """Amounts are shown in the currency the reader picked."""
    assert "€66,763" in html_of({**BASE, "offer": 158400, "floor": 180000}, "EUR")


def test_render_escapes_markup_in_text() -> None:
    """Text in the result is escaped, never passed through as markup."""
    result = dataclasses.replace(ok(BASE), advice="<script>x</script>", notes=["<b>n</b>"])
    html = render(result, Money())
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_render_is_deterministic() -> None:
    """The same result renders to the same markup every time."""
    inputs = {**BASE, "offer": 158400, "floor": 180000, "benefit_monthly": 100}
    assert html_of(inputs) == html_of(inputs)


def test_render_has_no_nan_or_inf_in_coordinates() -> None:
    """Edge inputs (no cash, equal search times) still give finite coordinates."""
    html = html_of(
        {"savings": 0, "monthly_expenses": 1, "search_weeks_min": 0, "search_weeks_max": 0}
    )
    assert not re.search(r"nan|inf", html, re.IGNORECASE)


# ---------------------------------------------------------------- properties

FORM_STRINGS = st.sampled_from(["", " ", "30k", "-5", "1e9", "15%", "on", "0", "260", "6.5"])
FIELD_VALUES = json_values | typed_amounts | FORM_STRINGS
FIELD_NAMES = [field.name for field in FIELDS]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), FIELD_VALUES))
def test_any_json_for_any_field_never_raises(inputs: dict[str, object]) -> None:
    """Any JSON values for the fields give a result or field errors, never a crash."""
    assert_sound_answer(run("runway", inputs, html=True))


@settings(max_examples=50, deadline=None)
@given(json_values)
def test_any_json_as_the_whole_input_never_raises(inputs: object) -> None:
    """Any JSON value as the whole input gives a result or errors, never a crash."""
    assert_sound_answer(run("runway", inputs, html=True))


AMOUNTS = st.floats(min_value=0, max_value=1e7, allow_nan=False) | st.integers(0, 10**7)


@st.composite
def valid_inputs(draw: st.DrawFn) -> dict[str, object]:
    low = draw(st.integers(0, 260))
    return {
        "savings": draw(AMOUNTS),
        "severance": draw(AMOUNTS),
        "monthly_expenses": draw(st.floats(min_value=0.01, max_value=1e6) | st.integers(1, 10**6)),
        "monthly_income": draw(AMOUNTS),
        "benefit_monthly": draw(AMOUNTS),
        "benefit_months": draw(st.integers(0, 120)),
        "search_weeks_min": low,
        "search_weeks_max": draw(st.integers(low, 260)),
        "soft_market": draw(st.booleans()),
    }


def as_length(months: float | None) -> float:
    return math.inf if months is None else months


@settings(max_examples=200, deadline=None)
@given(valid_inputs(), AMOUNTS)
def test_more_savings_never_shortens_the_runway(inputs: dict[str, object], extra: float) -> None:
    """Adding savings never makes the runway shorter (indefinite counts as infinite)."""
    savings = inputs["savings"]
    assert isinstance(savings, int | float)
    before = ok(inputs).runway_months
    after = ok({**inputs, "savings": savings + extra}).runway_months
    assert as_length(after) >= as_length(before)


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_balance_is_never_negative_and_runway_within_the_count(
    inputs: dict[str, object],
) -> None:
    """The balance never goes below 0 and the runway never exceeds 120 months."""
    result = ok(inputs)
    assert all(cash >= 0 for cash in result.balance)
    assert result.runway_months is None or 0 <= result.runway_months <= 120
    assert len(result.balance) <= 120
