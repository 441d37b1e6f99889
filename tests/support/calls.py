"""The calculators called directly, for the unit tests: parsed inputs, results, the HTML a
page shows and the problems found, each failing the test when the other was expected;
the inputs the tests of a calculator share; and what every answer must be."""

from __future__ import annotations

import json
from typing import Any

from calculators.format import Money
from calculators.registry import CALCULATORS
from calculators.schema import FieldError
from calculators.walk.inputs import FEELING_FLAGS, RATINGS, REAL_REASONS


def parsed(name: str, data: object) -> Any:
    """Calculator ``name``'s parsed inputs, failing the test on input errors."""
    inputs = CALCULATORS[name].parse(data)
    assert not isinstance(inputs, list), inputs
    return inputs


def computed(name: str, data: object, currency: str = "USD") -> Any:
    """Calculator ``name``'s result for ``data``, failing the test on input errors."""
    return CALCULATORS[name].compute(parsed(name, data), Money(currency))


def rendered(name: str, data: object, currency: str = "USD") -> str:
    """The HTML a page shows for ``data``, in ``currency``."""
    calculator = CALCULATORS[name]
    inputs = parsed(name, data)
    money = Money(currency)
    return calculator.render(inputs, calculator.compute(inputs, money), money)


def errors(name: str, data: object) -> list[FieldError]:
    """Every problem calculator ``name`` finds with ``data``, failing the test if none."""
    found = CALCULATORS[name].parse(data)
    assert isinstance(found, list), found
    return found


def error_fields(name: str, data: object) -> list[str]:
    """The fields of every problem found, in order."""
    return [error.field for error in errors(name, data)]


def assert_sound_answer(answer: dict[str, object]) -> None:
    """A JSON-clean result, or a non-empty list of field errors, none of them internal."""
    json.dumps(answer, allow_nan=False)
    if answer["ok"]:
        return
    errors = answer["errors"]
    assert isinstance(errors, list)
    assert errors
    for error in errors:
        assert set(error) == {"field", "message"}
        assert "Internal error" not in error["message"]


# The walk decision's ratings, real reasons and feelings, by field name, in form order:
# as the calculator declares them (tests/unit/walk/test_inputs.py holds them to the spec).
RATING_IDS = [field.name for field in RATINGS]
REAL_REASON_IDS = [field.name for field in REAL_REASONS]
FEELING_IDS = [field.name for field in FEELING_FLAGS]
# Two roles the walk tests rate: a strong one and a weak one.
STRONG_ROLE = {"scope": 4, "manager": 4, "team": 4, "growth": 4, "location": 3, "equity_quality": 3}
WEAK_ROLE = {"scope": 2, "manager": 3, "team": 3, "growth": 2, "location": 3, "equity_quality": 3}
# The spec's worked offer: base 180000, bonus 15%, equity 200000 at 25/25/25/25, sign-on 30000.
WORKED_OFFER: dict[str, object] = {
    "base": 180000,
    "bonus_target_pct": 15,
    "equity_grant": 200000,
    "vesting": "25/25/25/25",
    "sign_on": 30000,
}
# The spec's first runway example: 30000 of savings at 6000 a month.
RUNWAY_BASE: dict[str, object] = {"savings": 30000, "monthly_expenses": 6000}
