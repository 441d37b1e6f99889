"""The build's memory snapshot of Pyodide: published gzipped, cached, and made loudly."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

from tests.support import ROOT
from tests.support.rig import Site

pytestmark = pytest.mark.site

RUNTIME = ROOT / "node_modules" / "pyodide"
SNAPSHOT = "calculators.snapshot.gz"
STDLIB = "python_stdlib.zip"
# The page size of the published form, as snapshot.js (which writes and reads it) says.
PAGE = int(
    re.search(
        r"export const PAGE = (\d+);",
        (ROOT / "docs" / "assets" / "walkaway" / "snapshot.js").read_text(encoding="utf-8"),
    )[1]  # type: ignore[index]
)


def test_site_publishes_the_snapshot_gzipped(site: Site) -> None:
    """The snapshot is gzipped and holds Pyodide's whole starting heap (31 MB), in the
    form snapshot.js reads ("WAKD": the runtime's initial memory XORed out, then only
    the pages that are not all zeros, with a bitmap of which)."""
    published = (site.runtime / SNAPSHOT).read_bytes()
    assert published[:2] == b"\x1f\x8b"
    raw = gzip.decompress(published)
    assert raw[:4] == b"WAKD"
    total = int.from_bytes(raw[12:16], "little")
    assert total > 30_000_000
    pages = -(-total // PAGE)
    bitmap = raw[16 : 16 + -(-pages // 8)]
    stored = [page for page in range(pages) if bitmap[page // 8] >> (page % 8) & 1]
    assert len(raw) == 16 + len(bitmap) + len(stored) * PAGE - (PAGE * pages - total) * (
        pages - 1 in stored
    )
    assert stored[0] == 0
    assert raw[16 + len(bitmap) : 16 + len(bitmap) + 4] == b"\x00snp"  # Pyodide's own snapshot
    # Zero pages are left out: what the worker inflates is well under the heap's size.
    assert len(raw) < total / 2


def test_site_publishes_the_standard_library_trimmed(site: Site) -> None:
    """The plain boot's standard library holds the files Python imported when the
    snapshot was made (the package's own imports among them), and a fraction of the rest."""
    full = zipfile.ZipFile(RUNTIME / "python_stdlib.zip")
    trimmed = zipfile.ZipFile(site.runtime / STDLIB)
    files = {name for name in trimmed.namelist() if not name.endswith("/")}
    assert {"json/__init__.py", "decimal.py", "difflib.py", "re/__init__.py"} <= files
    assert {"pdb.py", "tarfile.py", "email/__init__.py"}.isdisjoint(files)
    assert all(trimmed.read(name) == full.read(name) for name in files)
    assert (site.runtime / STDLIB).stat().st_size < (
        RUNTIME / "python_stdlib.zip"
    ).stat().st_size / 2


def test_published_lock_file_lists_no_packages(site: Site) -> None:
    """Only Pyodide's core is published, so its lock file offers no packages to load."""
    lock = json.loads((site.pyodide / "pyodide-lock.json").read_text())
    assert lock["packages"] == {}
    assert lock["info"]["abi_version"]


def test_build_module_carries_the_published_lock_file(site: Site) -> None:
    """The worker hands Pyodide its lock file from build.js (one request fewer): the
    same contents as the lock file published beside the runtime."""
    build = (site.runtime / "build.js").read_text()
    found = re.search(r"^export const PYODIDE_LOCK = (.*);$", build, re.MULTILINE)
    assert found, build
    assert json.loads(found[1]) == json.loads((site.pyodide / "pyodide-lock.json").read_text())


def test_snapshot_comes_from_the_cache_once_made(
    site: Site, runtime: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with an unchanged package and runtime reuses the snapshot without running Node."""

    def no_node(*args: object, **kwargs: object) -> None:
        raise AssertionError("Node ran although the snapshot was cached")

    monkeypatch.setattr(subprocess, "run", no_node)
    snapshot = runtime.memory_snapshot(RUNTIME, runtime.package_zip())
    assert snapshot.data == (site.runtime / SNAPSHOT).read_bytes()


def test_the_cache_keeps_the_latest_snapshots(
    runtime: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making a snapshot keeps the few made last (a branch switched back to needs no Node
    run), each with its list of standard-library files, and drops older ones."""
    monkeypatch.setenv("WALKAWAY_CACHE_DIR", str(tmp_path))
    for age in range(6):
        for name in (f"snapshot-old{age}.gz", f"stdlib-old{age}.json"):
            (tmp_path / name).write_text("[]")
            stamp = 1_000_000 - 1000 * age
            os.utime(tmp_path / name, (stamp, stamp))

    def node(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        made, stdlib = Path(command[4]), Path(command[5])
        made.write_bytes(b"new snapshot")
        stdlib.write_text("[]")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(runtime.subprocess, "run", node)
    assert gzip.decompress(runtime.memory_snapshot(RUNTIME, b"a package").data) == b"new snapshot"
    left = sorted(p.name for p in tmp_path.iterdir())
    kept = runtime.KEEP_SNAPSHOTS - 1
    olds = [f"old{age}" for age in range(kept)]
    assert [n for n in left if "old" in n] == sorted(
        [f"snapshot-{o}.gz" for o in olds] + [f"stdlib-{o}.json" for o in olds]
    )
    assert len([n for n in left if n.startswith("snapshot-")]) == runtime.KEEP_SNAPSHOTS
    assert len([n for n in left if n.startswith("stdlib-")]) == runtime.KEEP_SNAPSHOTS


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
    made_by = [
        path.relative_to(ROOT).as_posix() for path in runtime.module_graph(runtime.MAKE_SNAPSHOT)
    ]
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
