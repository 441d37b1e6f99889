"""The build's memory snapshot of Pyodide: published gzipped, cached, and made loudly."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.support import ROOT, Site
from tests.site.test_hook import load_hook

pytestmark = pytest.mark.site

RUNTIME = ROOT / "node_modules" / "pyodide"
SNAPSHOT = "assets/walkaway/calculators.snapshot.gz"


def test_site_publishes_the_snapshot_gzipped(site: Site) -> None:
    """The snapshot is gzipped and holds Pyodide's whole starting heap (31 MB)."""
    published = (site.directory / SNAPSHOT).read_bytes()
    assert published[:2] == b"\x1f\x8b"
    assert len(gzip.decompress(published)) > 30_000_000


def test_published_lock_file_lists_no_packages(site: Site) -> None:
    """Only Pyodide's core is published, so its lock file offers no packages to load."""
    lock = json.loads((site.directory / "assets/pyodide/pyodide-lock.json").read_text())
    assert lock["packages"] == {}
    assert lock["info"]["abi_version"]


def test_snapshot_comes_from_the_cache_once_made(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with an unchanged package and runtime reuses the snapshot without running Node."""
    hook = load_hook()

    def no_node(*args: object, **kwargs: object) -> None:
        raise AssertionError("Node ran although the snapshot was cached")

    monkeypatch.setattr(subprocess, "run", no_node)
    snapshot = hook.memory_snapshot(RUNTIME, hook.package_zip())
    assert snapshot == (site.directory / SNAPSHOT).read_bytes()


def test_build_without_node_fails_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing cached and no Node.js, the build stops and says Node is needed."""
    hook = load_hook()
    monkeypatch.setenv("WALKAWAY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(hook.shutil, "which", lambda name: None)
    with pytest.raises(PluginError, match=r"Node\.js is needed"):
        hook.memory_snapshot(RUNTIME, hook.package_zip())
