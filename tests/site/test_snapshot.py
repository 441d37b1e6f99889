"""The build's memory snapshot of Pyodide: published gzipped, cached, and made loudly."""

from __future__ import annotations

import gzip
import json
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

from tests.support import ROOT, Site

pytestmark = pytest.mark.site

RUNTIME = ROOT / "node_modules" / "pyodide"
SNAPSHOT = "assets/walkaway/calculators.snapshot.gz"
STDLIB = "assets/walkaway/python_stdlib.zip"


def test_site_publishes_the_snapshot_gzipped(site: Site) -> None:
    """The snapshot is gzipped and holds Pyodide's whole starting heap (31 MB), in the
    form snapshot.js reads ("WAKD": the runtime's initial memory XORed out)."""
    published = (site.directory / SNAPSHOT).read_bytes()
    assert published[:2] == b"\x1f\x8b"
    raw = gzip.decompress(published)
    assert raw[:4] == b"WAKD"
    assert raw[16:20] == b"\x00snp"  # Pyodide's own snapshot follows our header
    assert len(raw) > 30_000_000


def test_site_publishes_the_standard_library_trimmed(site: Site) -> None:
    """The plain boot's standard library holds the files Python imported when the
    snapshot was made (the package's own imports among them), and a fraction of the rest."""
    full = zipfile.ZipFile(RUNTIME / "python_stdlib.zip")
    trimmed = zipfile.ZipFile(site.directory / STDLIB)
    files = {name for name in trimmed.namelist() if not name.endswith("/")}
    assert {"json/__init__.py", "decimal.py", "difflib.py", "re/__init__.py"} <= files
    assert {"pdb.py", "tarfile.py", "email/__init__.py"}.isdisjoint(files)
    assert all(trimmed.read(name) == full.read(name) for name in files)
    assert (site.directory / STDLIB).stat().st_size < (RUNTIME / "python_stdlib.zip").stat().st_size / 2


def test_published_lock_file_lists_no_packages(site: Site) -> None:
    """Only Pyodide's core is published, so its lock file offers no packages to load."""
    lock = json.loads((site.directory / "assets/pyodide/pyodide-lock.json").read_text())
    assert lock["packages"] == {}
    assert lock["info"]["abi_version"]


def test_snapshot_comes_from_the_cache_once_made(
    site: Site, runtime: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with an unchanged package and runtime reuses the snapshot without running Node."""

    def no_node(*args: object, **kwargs: object) -> None:
        raise AssertionError("Node ran although the snapshot was cached")

    monkeypatch.setattr(subprocess, "run", no_node)
    snapshot = runtime.memory_snapshot(RUNTIME, runtime.package_zip())
    assert snapshot.data == (site.directory / SNAPSHOT).read_bytes()


def test_build_without_node_fails_saying_so(
    runtime: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing cached and no Node.js, the build stops and says Node is needed."""
    monkeypatch.setenv("WALKAWAY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(runtime.shutil, "which", lambda name: None)
    with pytest.raises(PluginError, match=r"Node\.js is needed"):
        runtime.memory_snapshot(RUNTIME, runtime.package_zip())


def test_snapshot_is_made_by_its_node_script_with_the_workers_protocol(runtime: ModuleType) -> None:
    """The cache key covers make_snapshot.mjs and what it imports: the worker's protocol.js."""
    made_by = [path.relative_to(ROOT).as_posix() for path in runtime.module_graph(runtime.MAKE_SNAPSHOT)]
    assert made_by == [
        "overrides/hooks/make_snapshot.mjs",
        "docs/assets/walkaway/protocol.js",
        "docs/assets/walkaway/snapshot.js",
    ]


def test_snapshot_key_changes_with_what_makes_it(
    runtime: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A different runtime, package, script or imported module means a different snapshot."""
    script = tmp_path / "make.mjs"
    script.write_text('import { X } from "./shared.js";\n', encoding="utf-8")
    shared = tmp_path / "shared.js"
    shared.write_text("export const X = 1;\n", encoding="utf-8")
    monkeypatch.setattr(runtime, "MAKE_SNAPSHOT", script)
    keys = {runtime.snapshot_key("1", b"zip"), runtime.snapshot_key("2", b"zip")}
    keys.add(runtime.snapshot_key("1", b"zip2"))
    shared.write_text("export const X = 2;\n", encoding="utf-8")
    keys.add(runtime.snapshot_key("1", b"zip"))
    script.write_text('import { X } from "./shared.js"; // changed\n', encoding="utf-8")
    keys.add(runtime.snapshot_key("1", b"zip"))
    assert len(keys) == 5
