"""After a restore from the memory snapshot, Python reads its standard library right: the
trimmed one the worker puts in the full one's place, where a traceback's source lines
come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.rig import Site, run_node

pytestmark = pytest.mark.pyodide


def test_restored_python_reads_the_trimmed_library(site: Site) -> None:
    """A source line read after the restore is the library's, not bytes from a stale table."""
    script = Path(__file__).with_name("read_library.mjs")
    assert run_node(script, str(site.runtime), timeout=120).startswith("def dumps(obj, *,")
