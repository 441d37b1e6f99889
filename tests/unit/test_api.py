"""The JSON entry point shared by the command line, the build and the browser."""

from __future__ import annotations

import json

import pytest

from calculators.api import respond, run

WALK = {"offer": 158400, "floor": 180000}


def test_success_shape() -> None:
    """A result answers ok, the calculator's name, the result and what each number typed
    another way was read as, without HTML by default."""
    answer = run("walk", WALK)
    assert set(answer) == {"ok", "calculator", "result", "read_as"}
    assert answer["ok"] is True


def test_html_goes_beside_the_result() -> None:
    """Asked for HTML, the rendered fragment sits beside the result, not inside it."""
    answer = run("walk", WALK, html=True)
    assert isinstance(answer["html"], str)
    assert answer["html"].startswith('<div class="wa-result')
    result = answer["result"]
    assert isinstance(result, dict)
    assert "html" not in result


def test_failure_shape_lists_errors() -> None:
    """Invalid input answers ok false with every error's field and message."""
    answer = run("walk", {"offer": "lots", "floor": ""})
    assert answer["ok"] is False
    errors = answer["errors"]
    assert isinstance(errors, list)
    assert [e["field"] for e in errors] == ["offer", "floor"]
    assert all(e["message"].endswith("180k or $180,000") for e in errors)


def test_unknown_calculator_is_an_error() -> None:
    """An unknown name is an error naming the calculators there are."""
    answer = run("salary", {})
    assert answer["ok"] is False
    assert "total-comp, walk, runway" in str(answer["errors"])


def test_unknown_currency_is_an_error() -> None:
    """A currency that can't be shown is refused."""
    assert run("walk", WALK, html=True, currency="XYZ")["ok"] is False


def test_currency_writes_the_sentences_not_the_figures() -> None:
    """The currency writes every sentence, JSON included; the figures are the same."""
    usd, eur = run("walk", WALK, html=True), run("walk", WALK, html=True, currency="EUR")
    assert isinstance(usd["result"], dict)
    assert isinstance(eur["result"], dict)
    words = {"next_step", "notes", "script", "summary"}
    figures = {key: value for key, value in usd["result"].items() if key not in words}
    assert figures == {key: value for key, value in eur["result"].items() if key not in words}
    assert "€" in str(eur["html"])
    assert "€180,000" in eur["result"]["summary"]
    assert "$" not in json.dumps([eur["result"][key] for key in words], ensure_ascii=False)


def test_respond_speaks_json_text() -> None:
    """The worker's call takes and returns JSON text, always with HTML on success."""
    answer = json.loads(respond(json.dumps({"calculator": "walk", "inputs": WALK})))
    assert answer["ok"] is True
    assert "html" in answer


@pytest.mark.parametrize("request_text", ["not json", "[1]", '{"calculator": 3}', "null"])
def test_respond_refuses_bad_requests(request_text: str) -> None:
    """A malformed request gets an error answer, not an exception."""
    assert json.loads(respond(request_text))["ok"] is False
