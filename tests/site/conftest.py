"""The build hook, loaded from its file as MkDocs loads it, for the site tests."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from tests.support import ROOT

HOOK = ROOT / "overrides" / "hooks" / "walkaway.py"


@pytest.fixture
def hook() -> ModuleType:
    """A fresh copy of the hook module (so a test may patch it freely)."""
    spec = importlib.util.spec_from_file_location("walkaway_hook", HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
