"""What every registered calculator promises, said once for all of them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.api import run
from calculators.format import CURRENCIES
from calculators.reading import ValueProblem
from calculators.registry import CALCULATORS
from calculators.schema import Calculator, Field
from tests.strategies import json_values, typed_amounts
from tests.support.calls import assert_sound_answer

NAMES = sorted(CALCULATORS)
any_value = json_values | typed_amounts


def field_paths(calculator: Calculator[Any, Any]) -> list[str]:
    """Every field a person can fill in, a group's fields as in its first item."""
    paths = [field.name for field in calculator.fields]
    paths += [
        f"{group.name}[0].{field.name}" for group in calculator.groups for field in group.fields
    ]
    return paths


def with_value(example: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """The example with one field (``offers[0].base`` or ``floor``) set to ``value``."""
    inputs: dict[str, Any] = json.loads(json.dumps(example))
    if "[0]." in path:
        group, name = path.split("[0].")
        inputs[group][0][name] = value
    else:
        inputs[path] = value
    return inputs


def test_the_registry_names_each_calculator_once() -> None:
    """The spec's three calculators and the plan answer by name, each with a title."""
    assert NAMES == ["plan", "runway", "total-comp", "walk"]
    assert all(CALCULATORS[name].name == name and CALCULATORS[name].title for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_example_computes(name: str) -> None:
    """Each calculator's own example (the one a page shows by default) computes."""
    answer = run(name, dict(CALCULATORS[name].example), html=True)
    assert answer["ok"] is True, answer
    assert str(answer["html"]).startswith(f'<div class="wa-result wa-result--{name}">')


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("currency", list(CURRENCIES))
def test_rendering_is_deterministic(name: str, currency: str) -> None:
    """The same inputs give the same markup every time, in every currency."""
    example = dict(CALCULATORS[name].example)
    first = run(name, example, html=True, currency=currency)
    assert first == run(name, example, html=True, currency=currency)


@pytest.mark.parametrize("name", NAMES)
def test_results_are_plain_json(name: str) -> None:
    """The answer equals its own JSON round trip: no tuples, no NaN, nothing JSON lacks."""
    answer = run(name, dict(CALCULATORS[name].example), html=True)
    assert json.loads(json.dumps(answer, allow_nan=False)) == answer


@pytest.mark.parametrize("name", NAMES)
def test_every_field_is_labelled_helped_and_grouped(name: str) -> None:
    """Each field has a label, help text and a form section (a name needs no help)."""
    calculator = CALCULATORS[name]
    fields = [*calculator.fields, *(f for group in calculator.groups for f in group.fields)]
    for field in fields:
        assert field.label, field.name
        assert field.group, field.name
        assert field.help, field.name


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=150, deadline=None)
@given(inputs=json_values)
def test_any_json_input_answers_without_raising(name: str, inputs: object) -> None:
    """Any JSON value as the whole input gives a result or field errors, never a crash."""
    assert_sound_answer(run(name, inputs, html=True))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_value_in_any_field_answers_without_raising(name: str, data: st.DataObject) -> None:
    """Any JSON value, or anything typed, in any field of the example gives a result or errors."""
    calculator = CALCULATORS[name]
    path = data.draw(st.sampled_from(field_paths(calculator)))
    inputs = with_value(dict(calculator.example), path, data.draw(any_value))
    assert_sound_answer(run(name, inputs, html=True))


def fields_by_path(calculator: Calculator[Any, Any]) -> dict[str, Field]:
    """Every field by its path, a group's as in its first item."""
    found = {field.name: field for field in calculator.fields}
    for group in calculator.groups:
        found |= {f"{group.name}[0].{field.name}": field for field in group.fields}
    return found


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_string_in_any_amount_field_is_a_number_or_a_field_error(
    name: str, data: st.DataObject
) -> None:
    """Anything typed into an amount gives a finite number it was read as, or an error on
    that field: never an exception, Infinity or NaN."""
    calculator = CALCULATORS[name]
    fields = fields_by_path(calculator)
    path = data.draw(st.sampled_from([p for p, f in fields.items() if f.kind == "amount"]))
    typed = data.draw(st.text(max_size=16) | typed_amounts)
    answer = run(name, with_value(dict(calculator.example), path, typed), html=True)
    assert_sound_answer(answer)
    try:
        if typed.strip():  # blank means "not given"
            fields[path].parse(typed)
    except ValueProblem:  # unreadable: the error is on that field
        assert not answer["ok"]
        assert path in [error["field"] for error in answer["errors"]]  # type: ignore[attr-defined]
    if not answer["ok"]:
        return
    result = answer["result"]
    assert isinstance(result, dict)
    read: Any = result["read"]
    for part in path.replace("[0]", ".0").split("."):
        read = read[int(part)] if part.isdigit() else read[part]
    assert read is None or (isinstance(read, float | int) and 0 <= read <= 1e13)
