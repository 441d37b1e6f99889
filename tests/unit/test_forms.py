"""Forms generated from field metadata, and the calculator block a page shows."""

from __future__ import annotations

import re

import pytest

from calculators.forms import BlockError, render_block
from calculators.registry import CALCULATORS


@pytest.mark.parametrize("name", ["total-comp", "walk", "runway"])
def test_every_field_has_a_labelled_control(name: str) -> None:
    """Each field of a calculator gets one control and a label pointing at it."""
    html = render_block(name)
    calculator = CALCULATORS[name]
    names = [f.name for f in calculator.fields]
    names += [f"{g.name}[0].{f.name}" for g in calculator.groups for f in g.fields]
    for field in names:
        control = re.search(rf'id="([^"]+)" name="{re.escape(field)}"', html)
        assert control, field
        assert f'<label for="{control[1]}">' in html


def test_block_fills_in_the_given_inputs() -> None:
    """The form shows the inputs the page gave, as typed."""
    html = render_block("walk", {"offer": "158.4k", "floor": 180000, "other_options": True})
    assert (
        'name="offer" aria-describedby="wa-walk-offer-help wa-walk-offer-read wa-walk-offer-error" '
        'value="158.4k"' in html
    )
    assert 'value="180000"' in html
    assert re.search(r'name="other_options"[^>]*checked', html)


def test_block_shows_the_result_for_its_inputs() -> None:
    """The prerendered result is the calculator's own rendering of those inputs."""
    html = render_block("runway", {"savings": 30000, "monthly_expenses": 6000})
    assert '<div class="wa-output">' in html
    assert '<div class="wa-announce" aria-live="polite" aria-atomic="true"></div>' in html
    assert '<div class="wa-result wa-result--runway' in html


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_static_status_tells_a_reader_what_to_do(name: str) -> None:
    """Without JavaScript or from a file, the block says where a reader can recompute,
    with no developer's command."""
    html = render_block(name)
    status = re.search(r'<div class="wa-status"[^>]*data-state="static"><span>(.*?)</span>', html)
    assert status, name
    assert "worked example for the numbers shown" in status[1]
    assert "open this guide from its web address" in status[1]
    assert "make " not in status[1]
    assert "<code>" not in status[1]


def test_small_integer_ranges_are_selects() -> None:
    """Ratings 1 to 5 are picked from a list, not typed."""
    html = render_block("walk", {"offer": 1, "floor": 2, "scope": 4})
    assert re.search(
        r'<select id="wa-walk-scope" name="scope"[^>]*>.*?<option value="4" selected>', html
    )


def test_groups_have_a_template_for_new_items() -> None:
    """Repeated groups carry a template with placeholders the page fills in."""
    html = render_block("total-comp")
    template = re.search(
        r'<template class="wa-template" data-group="offers">(.*?)</template>', html
    )
    assert template
    assert 'name="offers[__INDEX__].base"' in template[1]
    assert 'data-max="6"' in html


def test_required_fields_are_marked_for_assistive_tech() -> None:
    """Required inputs carry aria-required."""
    html = render_block("walk")
    assert re.search(r'name="floor"[^>]*aria-required="true"', html)


def test_walk_offers_to_take_the_runway() -> None:
    """The walk form can fill its runway from the runway calculator's last result."""
    html = render_block("walk")
    assert 'data-fill-from="runway.runway_months" data-fill-name="runway_months" hidden' in html


def test_text_inputs_are_escaped() -> None:
    """Markup typed into a text field is escaped in the form."""
    html = render_block("total-comp", {"offers": [{"name": '"><script>x</script>', "base": 1}]})
    assert "<script>x" not in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_unknown_calculator_is_a_block_error() -> None:
    """A block naming no calculator is an error naming the ones there are."""
    with pytest.raises(BlockError, match="total-comp, walk, runway"):
        render_block("salary")


def test_inputs_that_do_not_compute_are_a_block_error() -> None:
    """A page can't show a worked example that doesn't compute."""
    with pytest.raises(BlockError, match="Your floor"):
        render_block("walk", {"offer": 1})


def test_rendering_is_deterministic() -> None:
    """The same block renders to the same markup every time."""
    assert render_block("total-comp") == render_block("total-comp")


def test_ratings_can_be_left_unrated() -> None:
    """A rating is a select whose first choice, and the default, is "Not rated"."""
    html = render_block("walk", {"offer": 1, "floor": 2, "team": 4})
    scope = re.search(r'name="scope"[^>]*>(.*?)</select>', html)
    assert scope
    assert scope[1].startswith('<option value="" selected>Not rated</option><option value="1">')
    team = re.search(r'name="team"[^>]*>(.*?)</select>', html)
    assert team
    assert '<option value="4" selected>4 (good)</option>' in team[1]


def test_a_choice_is_a_select_of_its_choices() -> None:
    """The kind of equity is chosen from a list, shares (RSUs) first and chosen by default."""
    html = render_block("total-comp")
    kind = re.search(r'name="offers\[0\]\.equity_type"[^>]*>(.*?)</select>', html)
    assert kind
    assert kind[1] == (
        '<option value="rsu" selected>Shares or units (RSUs)</option>'
        '<option value="options">Stock options</option>'
    )


def test_fields_for_one_choice_say_so() -> None:
    """Options fields carry the choice they belong to, so the page shows them only then."""
    html = render_block("total-comp")
    for name, when in (
        ("equity_grant", "equity_type=rsu"),
        ("options_count", "equity_type=options"),
        ("strike_price", "equity_type=options"),
        ("share_price", "equity_type=options"),
    ):
        assert f'data-field="offers[0].{name}" data-when="{when}">' in html
