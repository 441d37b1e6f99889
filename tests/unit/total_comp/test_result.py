"""Total comp's answer after the revision of 2026-12-06: one figure decides the ranking, the
headline and the close call; salaries a year and sign-on clawbacks; unique names; schedules
scaled to 100; figures too large to count are field errors; the notes a reader must see;
every sentence in the reader's currency; ``read`` and ``summary``."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.api import run
from calculators.format import Money
from calculators.total_comp import CALCULATOR, EXAMPLE, Result, compute, parse, render
from calculators.total_comp.offer import OFFER_FIELDS
from tests.support.calls import WORKED_OFFER, parsed

AUSTIN = {"name": "Austin", "base": "200k", "tax_rate_pct": 30}
SF = {"name": "SF", "base": "210k", "tax_rate_pct": 30, "cost_of_living_index": 150}


def result_of(offers: list[dict[str, object]], years: int = 4, currency: str = "USD") -> Result:
    inputs = parsed("total-comp", {"offers": offers, "years": years})
    return compute(inputs, Money(currency))


def sentences(result: Result) -> list[str]:
    """Every sentence the result carries."""
    found = [result.headline, result.summary, *result.counted_on]
    found += [callout.text for callout in result.callouts]
    found += [note for offer in result.offers for note in offer.notes]
    return found


def notes(offer: dict[str, object], first: dict[str, object] | None = None) -> tuple[str, ...]:
    offers = [offer] if first is None else [first, offer]
    return result_of(offers).offers[-1].notes


# --- the spec's worked examples -------------------------------------------------------------


def test_austin_and_san_francisco() -> None:
    """The spec's example: Austin comes first before and after tax, and the figure that
    decides is the after-tax figure adjusted for cost of living."""
    result = result_of([AUSTIN, SF])
    assert result.ranking == ("Austin", "SF")
    assert result.ranking_after_tax == ("Austin", "SF")
    assert result.ranked_by == "after_tax_adjusted_average_annual"
    austin, sf = result.offers
    assert (austin.after_tax_adjusted_average_annual, sf.after_tax_adjusted_average_annual) == (
        140000.0,
        98000.0,
    )
    assert result.headline.startswith(
        "Austin is still worth the most after tax and cost of living: $140,000 a year"
    )
    assert result.close_call is False


def test_a_base_per_month_times_fourteen_salaries() -> None:
    """The spec's example: 3.500 a month, 14 salaries a year, is a base of 49,000."""
    inputs = parsed("total-comp", {"offers": [{"base": "3.500/month", "salaries_per_year": 14}]})
    assert inputs.offers[0].base == 49000.0
    result = compute(inputs)
    assert result.read["offers"][0]["base"] == 49000.0  # type: ignore[index]
    assert result.summary == "Offer 1 is worth $49,000 a year on average over 4 years."


def test_the_older_worked_examples() -> None:
    """180000 base, 15% bonus, 200000 at 25/25/25/25, 30000 sign-on: 287000 then 257000,
    1058000 in all; at 5/15/40/40 over 5 years, year 5 falls 27.9%."""
    even = result_of([WORKED_OFFER]).offers[0]
    assert [row.total for row in even.years] == [287000.0, 257000.0, 257000.0, 257000.0]
    assert even.total == 1058000.0
    back = result_of([{**WORKED_OFFER, "vesting": "5/15/40/40"}], years=5).offers[0]
    assert [row.total for row in back.years] == [247000.0, 237000.0, 287000.0, 287000.0, 207000.0]
    assert [(c.year, c.drop_pct) for c in back.cliffs] == [(5, 27.87)]


def test_example_computes() -> None:
    """The example compares the current job with the spec's worked example."""
    result = compute(parse(EXAMPLE))  # type: ignore[arg-type]
    assert [o.name for o in result.offers] == ["Current job", "Offer A"]
    assert result.offers[1].total == 1058000.0
    assert result.ranking == ("Offer A", "Current job")
    assert result.offers[1].make_whole_gap == 30000.0


# --- one figure decides ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("second", "ranked_by"),
    [
        ({}, "average_annual"),
        ({"cost_of_living_index": 120}, "adjusted_average_annual"),
        ({"tax_rate_pct": 30}, "adjusted_average_annual"),
    ],
)
def test_ranked_by_without_a_rate_on_every_offer(second: dict[str, object], ranked_by: str) -> None:
    """A rate on only some offers decides nothing; an index other than 100 does."""
    first = {"name": "A", "base": 100000, "cost_of_living_index": 100}
    if "tax_rate_pct" in second:
        first["cost_of_living_index"] = 90
    result = result_of([first, {"name": "B", "base": 90000, **second}])
    assert result.ranked_by == ranked_by
    assert result.ranking_after_tax is None


def test_ranked_by_after_tax_when_every_offer_has_a_rate() -> None:
    """Every offer with a rate and every index 100: the after-tax average decides."""
    result = result_of(
        [
            {"name": "High tax", "base": 200000, "tax_rate_pct": 45},
            {"name": "Low tax", "base": 170000, "tax_rate_pct": 25},
        ]
    )
    assert result.ranked_by == "after_tax_average_annual"
    assert result.ranking == ("High tax", "Low tax")
    assert result.ranking_after_tax == ("Low tax", "High tax")
    assert result.ranked_by_order == (1, 0)
    assert result.summary == (
        "Low tax is worth the most after tax: $127,500 a year on average over 4 years."
    )


def test_the_close_call_is_measured_on_the_deciding_figure() -> None:
    """Averages 10% apart but within 2% after tax: a close call, named after tax; averages
    1% apart but far apart after tax: none."""
    close = result_of(
        [
            {"name": "A", "base": 100000, "tax_rate_pct": 30},
            {"name": "B", "base": 90000, "tax_rate_pct": 22.5},
        ]
    )
    assert close.close_call is True
    (callout,) = [c for c in close.callouts if c.title == "A close call"]
    assert callout.text.startswith(
        "A and B are within 2% of each other on average a year after tax."
    )
    far = result_of(
        [
            {"name": "A", "base": 100000, "tax_rate_pct": 30},
            {"name": "B", "base": 99000, "tax_rate_pct": 10},
        ]
    )
    assert far.close_call is False
    assert far.headline.startswith("B is worth the most after tax")


taxed_offers = st.lists(
    st.fixed_dictionaries(
        {"base": st.integers(min_value=50000, max_value=60000)},
        optional={
            "tax_rate_pct": st.sampled_from([20, 25, 30]),
            "cost_of_living_index": st.sampled_from([90, 100, 110]),
        },
    ),
    min_size=2,
    max_size=4,
)


@settings(max_examples=60, deadline=None)
@given(offers=taxed_offers)
def test_the_headline_and_the_close_call_never_disagree(offers: list[dict[str, object]]) -> None:
    """The headline, the summary and the close-call box all put the same offer first: the
    best by the ranked_by figure."""
    result = result_of(offers)
    order = result.ranked_by_order
    best = result.offers[order[0]]
    key = result.ranked_by
    figures = [getattr(result.offers[i], key) for i in order]
    assert figures == sorted(figures, reverse=True)
    assert result.headline.startswith(best.name)
    assert result.summary.startswith(best.name)
    top, second = figures[0], figures[1]
    assert result.close_call is ((top - second) * 100 <= 2 * top)
    if result.close_call:
        (text,) = [c.text for c in result.callouts if c.title == "A close call"]
        assert text.startswith(f"{best.name} and {result.offers[order[1]].name} are within 2%")
    assert ("after tax" in result.headline) is key.startswith("after_tax")


# --- notes ----------------------------------------------------------------------------------


def test_a_sign_on_with_a_clawback_is_named_with_its_amount_and_months() -> None:
    (note,) = notes(
        {"name": "Acme", "base": 100000, "sign_on": 20000, "sign_on_clawback_months": 12}
    )
    assert note.startswith("Acme: the $20,000 sign-on is yours to keep only if you stay 12 months")
    assert notes({"base": 100000, "sign_on_clawback_months": 12}) == ()


def test_a_small_base_asks_whether_it_is_monthly() -> None:
    (note,) = notes({"name": "Acme", "base": "4,500"})
    assert note == (
        "Acme: a base of $4,500 a year is low for a yearly salary. Is 4,500 a month? "
        "Then write 4,500/month."
    )
    assert notes({"base": "800/month"}) == ()  # written per month already


def test_a_tax_rate_under_one_percent_asks_whether_it_meant_more() -> None:
    (note,) = notes({"name": "Acme", "base": 100000, "tax_rate_pct": 0.3})
    assert note.startswith("Acme: a tax rate of 0.3%: did you mean 30%?")
    assert notes({"base": 100000, "tax_rate_pct": 0}) == ()


def test_unvested_equity_left_behind_needs_the_first_offers_equity() -> None:
    first = {"name": "Stay", "base": 100000}
    (note,) = notes({"name": "Go", "base": 120000, "unvested_left_behind": 40000}, first)
    assert note.startswith("Go: you'd leave $40,000 of unvested equity behind, but Stay shows")
    assert "Enter the equity you'd keep by staying as Stay's grant" in note
    with_grant = {**first, "equity_grant": 80000}
    assert notes({"name": "Go", "base": 1e5, "unvested_left_behind": 40000}, with_grant) == ()


def test_the_headline_names_the_make_whole_gap_of_the_best_offer() -> None:
    """EXAMPLE: Offer A comes first and leaves 30,000 of unvested equity uncovered."""
    result = compute(parse(EXAMPLE))  # type: ignore[arg-type]
    assert result.headline.endswith(
        "Offer A's sign-on leaves $30,000 of the unvested equity you'd give up uncovered: ask "
        "for it before you accept."
    )


OPTIONS: dict[str, object] = {
    "name": "Seed",
    "base": 150000,
    "equity_type": "options",
    "options_count": 20000,
    "strike_price": 2,
    "share_price": 10,
}


def test_a_full_discount_is_not_under_water() -> None:
    """A 100% discount values the equity at nothing; the options are not under water."""
    result = result_of([{**OPTIONS, "equity_discount_pct": 100}])
    assert all(c.title != "Seed: options under water" for c in result.callouts)
    (note,) = result.offers[0].notes
    assert "you valued the equity at nothing" in note


def test_options_are_under_water_only_when_the_strike_is_at_or_above_the_price() -> None:
    """Shares at 3 falling 50% a year against a strike of 2: under water from year 1 (1.5)."""
    result = result_of([{**OPTIONS, "share_price": 5, "equity_growth_pct": -50}])
    (callout,) = [c for c in result.callouts if c.title == "Seed: options under water"]
    assert "vesting in years 2, 3, 4 are under water" in callout.text


# --- words in the reader's currency, read, summary, render ----------------------------------


def test_every_sentence_is_in_the_readers_currency() -> None:
    """In euros, no sentence of the JSON answer names a dollar."""
    offers = [
        {"name": "Stay", "base": "4,500", "tax_rate_pct": 30},
        {
            **WORKED_OFFER,
            "name": "Go",
            "unvested_left_behind": 90000,
            "tax_rate_pct": 30,
            "sign_on_clawback_months": 12,
        },
    ]
    answer = run("total-comp", {"offers": offers}, currency="EUR")
    assert answer["ok"] is True
    text = json.dumps(answer["result"], ensure_ascii=False)
    assert "€" in text
    assert "$" not in text
    result = result_of(offers, currency="EUR")
    assert all("$" not in sentence for sentence in sentences(result))


def test_read_is_every_offer_field_as_understood() -> None:
    """read: every field of every offer, defaults filled, the base yearly, and the years."""
    result = result_of([{"base": "4,500/month"}, {**OPTIONS, "vesting": "even"}], years=3)
    read: Any = result.read
    first, second = read["offers"]
    assert list(first) == [field.name for field in OFFER_FIELDS]
    assert (first["base"], first["name"]) == (54000.0, "Offer 1")
    assert first["vesting"] == [25.0, 25.0, 25.0, 25.0]
    assert (first["options_count"], first["tax_rate_pct"], first["salaries_per_year"]) == (
        None,
        None,
        12,
    )
    assert (second["equity_grant"], second["options_count"]) == (None, 20000)
    assert result.read["years"] == 3


def test_render_shows_the_results_sentences_without_computing_again() -> None:
    """render(inputs, result, money) takes the headline and notes from the result."""
    inputs = parsed("total-comp", {"offers": [{"base": "4,500"}]})
    result = dataclasses.replace(compute(inputs, Money("EUR")), headline="HEADLINE")
    html = render(inputs, result, Money("EUR"))
    assert '<p class="wa-headline">HEADLINE</p>' in html
    assert "Offer 1: worth knowing" in html
    assert "Is 4,500 a month?" in html
    assert CALCULATOR.compute is compute
