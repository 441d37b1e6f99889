"""The one entry point: JSON inputs in, a JSON answer out.

The command line (``python -m calculators``), the docs build and the browser
worker all call :func:`run` (the worker through :func:`respond`, which takes
and returns JSON text). Invalid input never raises: the answer lists every
problem found, each naming its field.

>>> answer = run("runway", {"savings": "30k", "monthly_expenses": 6000})
>>> answer["ok"], answer["result"]["runway_months"], answer["result"]["band"]
(True, 5.0, 'middle')
>>> run("walk", {"offer": "lots"})["errors"][0]["field"]
'offer'
"""

from __future__ import annotations

import dataclasses
import json

from calculators.format import CURRENCIES, Money
from calculators.read_as import hints
from calculators.registry import CALCULATORS
from calculators.schema import FieldError

__all__ = ["respond", "run"]


def _json_ready(value: object) -> object:
    """Result data as JSON has it: tuples become lists, so run()'s answer equals its
    own JSON round trip whichever way a calculator stores its rows.

    >>> _json_ready({"a": (1, {"b": (2,)})})
    {'a': [1, {'b': [2]}]}
    """
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    return value


def _failure(name: str, errors: list[FieldError]) -> dict[str, object]:
    return {
        "ok": False,
        "calculator": name,
        "errors": [{"field": e.field, "message": e.message} for e in errors],
    }


def run(
    name: str, inputs: object, *, html: bool = False, currency: str = "USD"
) -> dict[str, object]:
    """Compute calculator ``name`` on ``inputs`` (a JSON-like object).

    Returns ``{"ok": True, "calculator", "result", "read_as"}`` (``read_as``: what
    each number typed other than as plain digits was read as, by field path; plus
    ``"html"``, the rendered fragment, when asked) or ``{"ok": False, "calculator", "errors"}``.
    """
    calculator = CALCULATORS.get(name)
    if calculator is None:
        names = ", ".join(CALCULATORS)
        return _failure(name, [FieldError("", f"No calculator named {name!r}; use one of {names}")])
    if currency not in CURRENCIES:
        codes = ", ".join(CURRENCIES)
        return _failure(name, [FieldError("", f"Currency: use one of {codes}")])
    parsed = calculator.parse(inputs)
    if isinstance(parsed, list):
        return _failure(name, parsed)
    money = Money(currency)
    try:
        result = calculator.compute(parsed, money)
        data = dataclasses.asdict(result)
        answer: dict[str, object] = {
            "ok": True,
            "calculator": name,
            "result": _json_ready(data),
            "read_as": hints(calculator.fields, calculator.groups, inputs, data["read"]),
        }
        if html:
            answer["html"] = calculator.render(parsed, result, money)
    except Exception as exc:  # a bug, not bad input: say so rather than crash the page
        message = f"Internal error ({type(exc).__name__}); please report it with your inputs"
        return _failure(name, [FieldError("", message)])
    return answer


def respond(request: str) -> str:
    """The browser worker's call: a JSON request text in, a JSON answer text out.

    The request is ``{"calculator": NAME, "inputs": {...}, "currency": "USD"}``;
    the answer is :func:`run`'s, always with the rendered ``html`` on success.

    >>> json.loads(respond('{"calculator": "walk", "inputs": {}}'))["ok"]
    False
    """
    try:
        message = json.loads(request)
    except ValueError:
        return json.dumps(_failure("", [FieldError("", "The request is not valid JSON")]))
    if not isinstance(message, dict):
        return json.dumps(_failure("", [FieldError("", "The request must be a JSON object")]))
    name = message.get("calculator")
    currency = message.get("currency") or "USD"
    answer = run(
        name if isinstance(name, str) else "",
        message.get("inputs"),
        html=True,
        currency=currency if isinstance(currency, str) else "",
    )
    return json.dumps(answer, ensure_ascii=False, allow_nan=False)
