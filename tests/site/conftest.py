"""The build hook, loaded from its file as MkDocs loads it, for the site tests."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.support import ROOT

HOOK = ROOT / "overrides" / "hooks" / "walkaway.py"


def _fresh(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def runtime() -> Iterator[ModuleType]:
    """A fresh copy of the hook's runtime module (so a test may patch it freely)."""
    module = _fresh(HOOK.with_name("walkaway_runtime.py"), "walkaway_runtime")
    saved = sys.modules.get("walkaway_runtime")
    sys.modules["walkaway_runtime"] = module
    try:
        yield module
    finally:
        if saved is None:
            sys.modules.pop("walkaway_runtime", None)
        else:
            sys.modules["walkaway_runtime"] = saved


@pytest.fixture
def hook(runtime: ModuleType) -> ModuleType:
    """A fresh copy of the hook module, loaded as MkDocs loads it (its folder on the
    path), using the fresh runtime module."""
    sys.path.insert(0, str(HOOK.parent))
    try:
        return _fresh(HOOK, "walkaway_hook")
    finally:
        sys.path.remove(str(HOOK.parent))
