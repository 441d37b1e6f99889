"""Total comp's inputs: the offers' fields, their defaults, parsing and validation."""

from __future__ import annotations

import dataclasses

import pytest

from calculators.schema import FieldError
from calculators.total_comp import EXAMPLE, FIELDS, Inputs, Offer, limits
from calculators.total_comp.inputs import GROUPS
from calculators.total_comp.offer import OFFER_FIELDS
from tests.support.calls import computed, error_fields, errors, parsed


def test_defaults() -> None:
    """An offer with only a base takes the spec's defaults, over 4 years."""
    inputs = parsed("total-comp", {"offers": [{"base": 100000}]})
    assert inputs == Inputs(offers=(Offer(name="Offer 1", base=100000.0),), years=4)
    default = Offer(name="x", base=1)
    assert default.vesting == (25.0, 25.0, 25.0, 25.0)
    assert (default.bonus_payout_pct, default.refresher_vesting_years) == (100.0, 4)
    assert (default.cost_of_living_index, default.retirement_match_cap) == (100.0, None)


def test_default_names_by_position() -> None:
    """Unnamed offers are called Offer 1, Offer 2, ... by position; blank counts as unnamed."""
    result = computed(
        "total-comp",
        {"offers": [{"base": 1}, {"name": "Mine", "base": 1}, {"name": " ", "base": 1}]},
    )
    assert [o.name for o in result.offers] == ["Offer 1", "Mine", "Offer 3"]


def test_field_defaults_match_the_spec() -> None:
    """The declared defaults are the spec's."""
    defaults = {f.name: f.default for f in OFFER_FIELDS}
    assert defaults == {
        "name": None,
        "base": None,
        "bonus_target_pct": 0,
        "bonus_payout_pct": 100,
        "raise_pct": 0,
        "equity_type": "rsu",
        "equity_grant": None,  # not given: no grant, 0
        "options_count": None,
        "strike_price": None,
        "share_price": None,
        "vesting": "25/25/25/25",
        "refresher_annual": 0,
        "refresher_vesting_years": 4,
        "equity_growth_pct": 0,
        "equity_discount_pct": 0,
        "sign_on": 0,
        "sign_on_year2": 0,
        "relocation": 0,
        "unvested_left_behind": 0,
        "retirement_match_pct": 0,
        "retirement_match_cap": None,
        "other_annual": 0,
        "cost_of_living_index": 100,
        "tax_rate_pct": None,
        "salaries_per_year": 12,
        "sign_on_clawback_months": 0,
    }
    assert [(f.name, f.default, f.minimum, f.maximum) for f in FIELDS] == [("years", 4, 1, 10)]


def test_every_field_has_a_label_help_and_group() -> None:
    """Each field carries what the form needs."""
    for field in (*FIELDS, *OFFER_FIELDS):
        assert field.label, field.name
        assert field.group, field.name
        assert field.help.endswith("."), field.name


def test_offers_group() -> None:
    """The offers are one repeated group of 1 to 6 items of the offer fields."""
    (group,) = GROUPS
    assert (group.name, group.item_label, group.min_items, group.max_items) == (
        "offers",
        "Offer",
        1,
        6,
    )
    assert group.fields == OFFER_FIELDS


def test_base_required() -> None:
    """An offer without a base is an error on offers[0].base."""
    assert errors("total-comp", {"offers": [{"name": "A"}]}) == [
        FieldError(
            "offers[0].base",
            "Offer 1 — Base salary: required, enter an amount like 180000, 180k or $180,000",
        )
    ]


def test_base_must_be_positive() -> None:
    """A base of 0 is an error."""
    (error,) = errors("total-comp", {"offers": [{"base": 0}]})
    assert error == FieldError("offers[0].base", "Offer 1 — Base salary: must be more than 0")


@pytest.mark.parametrize(
    "offers", [None, "", [], "x", {"base": 1}, 5], ids=["none", "blank", "empty", "str", "obj", "n"]
)
def test_offers_must_be_a_non_empty_list(offers: object) -> None:
    """Missing, empty, or not a list: one error on offers."""
    assert error_fields("total-comp", {"offers": offers}) == ["offers"]


def test_offers_missing() -> None:
    """No offers key at all is an error on offers."""
    (error,) = errors("total-comp", {"years": 4})
    assert error == FieldError("offers", "Offers: add at least one offer")


def test_at_most_six_offers() -> None:
    """Seven offers is one too many."""
    (error,) = errors("total-comp", {"offers": [{"base": 1}] * 7})
    assert error.field == "offers"
    assert "at most 6" in error.message
    assert computed("total-comp", {"offers": [{"base": 1}] * 6}).ranked_by_order == (
        0,
        1,
        2,
        3,
        4,
        5,
    )


def test_offer_must_be_an_object() -> None:
    """An offer that is not an object is an error on offers[i]."""
    (error,) = errors("total-comp", {"offers": [{"base": 1}, 42]})
    assert error.field == "offers[1]"
    assert error.message.startswith("Offer 2: ")


def test_inputs_must_be_an_object() -> None:
    """Inputs that are not an object are one error."""
    assert len(errors("total-comp", [1, 2])) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bonus_target_pct", -5, "Target bonus: must be between 0 and 500"),
        ("bonus_payout_pct", 301, "Expected bonus payout: must be between 0 and 300"),
        ("raise_pct", -1, "Yearly raise: must be between 0 and 100"),
        ("equity_growth_pct", 101, "Share price growth: must be between -100 and 100"),
        ("equity_growth_pct", "-101%", "Share price growth: must be between -100 and 100"),
        ("equity_discount_pct", 120, "Equity discount: must be between 0 and 100"),
        ("retirement_match_pct", -2, "Retirement match: must be between 0 and 100"),
        ("refresher_vesting_years", 0, "Refresher vesting: must be between 1 and 10"),
        ("refresher_vesting_years", 2.5, "Refresher vesting: enter a whole number like 3"),
        ("cost_of_living_index", 0, "Cost of living: must be between 1 and 1000"),
        ("cost_of_living_index", "dear", "Cost of living: enter a number like 100"),
        ("equity_grant", "-5", "Initial equity grant: can't be negative"),
        ("sign_on", "lots", "Sign-on bonus: enter an amount"),
        ("retirement_match_cap", -1, "Retirement match cap: can't be negative"),
        ("name", "x" * 61, "Name: keep it under 60 characters"),
        ("name", 7, "Name: enter text"),
    ],
)
def test_offer_field_bounds(field: str, value: object, message: str) -> None:
    """Each offer field's bounds are checked and named by path."""
    (error,) = errors("total-comp", {"offers": [{"base": 1}, {"base": 1, field: value}]})
    assert error.field == f"offers[1].{field}"
    assert error.message.startswith(f"Offer 2 — {message}")


@pytest.mark.parametrize(
    ("value", "message"),
    [(0, "between 1 and 10"), (11, "between 1 and 10"), ("4.5", "whole number")],
)
def test_years_bounds(value: object, message: str) -> None:
    """Years must be a whole number from 1 to 10."""
    (error,) = errors("total-comp", {"offers": [{"base": 1}], "years": value})
    assert error.field == "years"
    assert message in error.message


def test_match_cap_is_optional() -> None:
    """A blank cap means no cap."""
    inputs = parsed("total-comp", {"offers": [{"base": 1, "retirement_match_cap": ""}]})
    assert inputs.offers[0].retirement_match_cap is None


def test_unknown_fields_are_errors() -> None:
    """A typo in an offer or at the top is an error with a suggestion, not a silent default."""
    found = errors("total-comp", {"offers": [{"base": 1, "bsae": 2}], "yeras": 3})
    assert found == [
        FieldError("yeras", "yeras: not a field here; did you mean years?"),
        FieldError("offers[0].bsae", "Offer 1 — bsae: not a field here; did you mean base?"),
    ]


def test_all_problems_reported() -> None:
    """Every problem, in every offer and at the top, is listed."""
    found = errors(
        "total-comp",
        {
            "years": 0,
            "offers": [
                {"base": "", "vesting": "30/30"},
                "nope",
                {"base": 1, "sign_on": "x", "equity_discount_pct": 200},
            ],
        },
    )
    assert [e.field for e in found] == [
        "years",
        "offers[0].base",
        "offers[0].vesting",
        "offers[1]",
        "offers[2].equity_discount_pct",
        "offers[2].sign_on",
    ]


OPTIONS = {"equity_type": "options", "options_count": 20000, "strike_price": 2, "share_price": 10}


def test_options_are_read() -> None:
    """A stock-option grant is read as a number of options, a strike price and a share price."""
    offer = parsed("total-comp", {"offers": [{"base": 1, **OPTIONS}]}).offers[0]
    assert (offer.equity_type, offer.options_count, offer.strike_price, offer.share_price) == (
        "options",
        20000,
        2.0,
        10.0,
    )
    assert offer.equity_grant == 0.0


def test_the_kind_of_equity_is_read_in_any_case() -> None:
    """ "Options" and "RSU" are the choices options and rsu; anything else names the choices."""
    assert parsed("total-comp", {"offers": [{"base": 1, **OPTIONS, "equity_type": "Options"}]})
    found = errors("total-comp", {"offers": [{"base": 1, "equity_type": "cash"}]})
    assert [(e.field, e.message) for e in found] == [
        (
            "offers[0].equity_type",
            "Offer 1 — Kind of equity: choose rsu or options",
        )
    ]


@pytest.mark.parametrize(
    ("offer", "fields", "words"),
    [
        ({**OPTIONS, "equity_grant": 5000}, ["offers[0].equity_grant"], "not used with stock"),
        (
            {"equity_type": "options"},
            ["offers[0].options_count", "offers[0].strike_price", "offers[0].share_price"],
            "required with stock options",
        ),
        (
            {"options_count": 100, "strike_price": 1},
            ["offers[0].options_count", "offers[0].strike_price"],
            "only for stock options",
        ),
        ({**OPTIONS, "options_count": 0}, ["offers[0].options_count"], "must be more than 0"),
        ({**OPTIONS, "options_count": 2.5}, ["offers[0].options_count"], "whole number"),
        ({"tax_rate_pct": 91}, ["offers[0].tax_rate_pct"], "between 0 and 90"),
    ],
)
def test_equity_and_tax_fields_that_do_not_fit_are_errors(
    offer: dict[str, object], fields: list[str], words: str
) -> None:
    """Options fields without options, a grant with options, a tax rate over 90: each is an
    error on its own field, with what to do."""
    found = errors("total-comp", {"offers": [{"base": 1, **offer}]})
    assert [e.field for e in found] == fields
    assert all(words in e.message for e in found), found


def test_a_blank_grant_is_fine_with_options() -> None:
    """What a form sends for the fields it doesn't show (empty text) is not a value given."""
    offer = {"base": 1, **OPTIONS, "equity_grant": "", "tax_rate_pct": ""}
    assert parsed("total-comp", {"offers": [offer]}).offers[0].tax_rate_pct is None


def test_every_offer_field_is_declared_once_on_offer() -> None:
    """Each attribute of Offer is a field in the form's order, except whether the base was
    written per month; the comparison's own field is declared on Inputs."""
    names = [item.name for item in dataclasses.fields(Offer)]
    assert [field.name for field in OFFER_FIELDS] == names[:-1]
    assert names[-1] == "base_written_monthly"
    assert [field.name for field in FIELDS] == ["years"]
    assert EXAMPLE["years"] == 4
    with pytest.raises(TypeError):
        Offer("A", 1.0)  # type: ignore[call-arg]


def test_fields_left_empty_hold_the_offers_defaults() -> None:
    """An equity figure that doesn't apply is held as 0 (the form leaves it empty), the
    vesting as yearly percents, an unnamed offer by its place."""
    (rsu,) = parsed("total-comp", {"offers": [{"base": 1}]}).offers
    assert (rsu.name, rsu.equity_grant, rsu.options_count, rsu.strike_price) == (
        "Offer 1",
        0.0,
        0,
        0.0,
    )
    assert rsu == Offer(name="Offer 1", base=1.0)


def test_the_limits_name_declared_fields() -> None:
    """Every field limits blames for a figure too large is one of the offer's fields."""
    named = {name for _, names in (*limits._PARTS.values(), limits._EXERCISE) for name in names}
    assert named <= {field.name for field in OFFER_FIELDS}
