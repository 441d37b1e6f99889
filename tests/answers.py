"""Checks on the entry point's answers, shared by the calculators' tests."""

from __future__ import annotations

import json


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
