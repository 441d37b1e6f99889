"""What the browser runs, made at build time: the calculators package as a zip, the
memory snapshot of Pyodide with the package imported (made by make_snapshot.mjs with
Node, cached in .cache/walkaway/), the standard library trimmed to what Python
imports, and the JavaScript module graph the pages preload. The build hook
(walkaway.py) publishes them, each folder named by a hash of what is in it, so that
a browser can never mix the files of two builds.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

import calculators

log = logging.getLogger("mkdocs.hooks.calculators")

# Pyodide's core files: nothing the calculators run needs micropip or the lock's
# packages, so none of them are published, and the lock file is published
# without its package list (Pyodide still reads its `info`). Its whole standard
# library is published too, for a bare Pyodide (the benchmark's floor); readers
# get the trimmed one.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Where the browser glue (the page's and the worker's ES modules) is published
# from, in the project's docs/ (whichever docs a build uses).
GLUE = "assets/walkaway"
GLUE_SOURCE = Path(__file__).resolve().parents[2] / "docs" / GLUE

# The Node program that makes the snapshot; it imports the worker's protocol.js.
MAKE_SNAPSHOT = Path(__file__).with_name("make_snapshot.mjs")
# Snapshots are cached across builds, keyed by what goes into them.
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "walkaway"
KEEP_SNAPSHOTS = 4


def package_zip(source: Path | None = None) -> bytes:
    """The calculators package as a zip, straight from the source tree, subpackages included.

    Every ``*.py`` under the package (no ``__pycache__``) and its ``py.typed``.
    Deterministic (sorted names, fixed timestamps) so the same source gives the
    same bytes: the browser runs exactly the code the tests ran.
    """
    source = source or Path(calculators.__file__).parent
    names = sorted(
        path.relative_to(source).as_posix()
        for path in source.rglob("*")
        if path.is_file()
        and (path.suffix == ".py" or path.name == "py.typed")
        and "__pycache__" not in path.relative_to(source).parts
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(f"calculators/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (source / name).read_bytes())
    return buffer.getvalue()


@dataclass(frozen=True)
class Snapshot:
    """A memory snapshot as published (gzipped), and the standard library's files
    Python had imported when it was taken (paths inside the library's zip)."""

    data: bytes
    stdlib: list[str]


def _cached(cache: Path, key: str) -> tuple[Path, Path]:
    """Where one snapshot and its list of standard-library files are cached."""
    return cache / f"snapshot-{key}.gz", cache / f"stdlib-{key}.json"


def memory_snapshot(runtime: Path, package: bytes) -> Snapshot:
    """Pyodide's memory with the calculators package imported, made by Node.

    Cached in ``.cache/walkaway/`` (or ``$WALKAWAY_CACHE_DIR``) under a hash of
    what makes it: a snapshot only restores into the exact runtime that made it.
    """
    version = json.loads((runtime / "package.json").read_text(encoding="utf-8"))["version"]
    cache = Path(os.environ.get("WALKAWAY_CACHE_DIR") or CACHE)
    key = f"{version}-{snapshot_key(version, package)}"
    cached, listed = _cached(cache, key)
    if not (cached.is_file() and listed.is_file()):
        _make_snapshot(runtime, package, cache, cached, listed)
    return Snapshot(cached.read_bytes(), json.loads(listed.read_text(encoding="utf-8")))


def _make_snapshot(runtime: Path, package: bytes, cache: Path, cached: Path, listed: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise PluginError(
            "Node.js is needed to build the site: the build makes the calculators' Pyodide "
            "memory snapshot with it. Install Node.js (see the README) and build again."
        )
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        zip_path = Path(tmp) / "calculators.zip"
        zip_path.write_bytes(package)
        made, stdlib = Path(tmp) / "snapshot", Path(tmp) / "stdlib.json"
        done = subprocess.run(
            [node, str(MAKE_SNAPSHOT), str(runtime), str(zip_path), str(made), str(stdlib)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or not made.is_file() or not stdlib.is_file():
            raise PluginError(
                f"Making the calculators' Pyodide memory snapshot with Node ({MAKE_SNAPSHOT.name}) "
                "failed:\n" + (done.stderr or done.stdout)[-3000:]
            )
        # Gzipped here, at the highest level, whatever the host: Python's zlib
        # packs it tighter than Node's (25 kB less of 3.7 MB).
        packed = Path(tmp) / "snapshot.gz"
        packed.write_bytes(gzip.compress(made.read_bytes(), compresslevel=9, mtime=0))
        os.replace(stdlib, listed)
        os.replace(packed, cached)
    # Keep the few latest (switching branches back and forth needs no Node run),
    # not every snapshot ever made.
    made_before = sorted(cache.glob("snapshot-*.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in made_before[KEEP_SNAPSHOTS:]:
        key = old.name.removeprefix("snapshot-").removesuffix(".gz")
        for path in _cached(cache, key):
            path.unlink(missing_ok=True)
    log.info("Made the calculators' memory snapshot (%.1f MB)", cached.stat().st_size / 1e6)


def trimmed_stdlib(full: bytes, files: list[str]) -> bytes:
    """Python's standard library zip with only ``files`` (and the folders they sit in):
    what Pyodide's start-up and the calculators import, a plain boot's whole need.

    Deterministic, like the package zip.
    """
    wanted = set(files)
    folders = {
        "/".join(name.split("/")[:depth]) + "/"
        for name in files
        for depth in range(1, name.count("/") + 1)
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(full)) as source, zipfile.ZipFile(buffer, "w") as archive:
        missing = wanted - set(source.namelist())
        if missing:
            raise PluginError(f"the standard library has no {', '.join(sorted(missing))}")
        for name in sorted(set(source.namelist()) & (wanted | folders)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = source.getinfo(name).external_attr
            archive.writestr(info, source.read(name))
    return buffer.getvalue()


def snapshot_key(version: str, package: bytes) -> str:
    """A hash of all that makes a snapshot: the Pyodide version, the package zip, and
    make_snapshot.mjs with every module it imports (the worker's protocol.js among them)."""
    digest = hashlib.sha256()
    parts = [version.encode(), package]
    for path in module_graph(MAKE_SNAPSHOT):
        parts += [path.name.encode(), path.read_bytes()]
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:20]


# A static import by a relative path: `import { X } from "./protocol.js";`,
# `export { X } from "./x.js";` or `import "./x.js";`. Dynamic imports (the
# worker's import of Pyodide) are not part of a module's graph.
_STATIC_IMPORT = re.compile(
    r"""^\s*(?:import|export)\s[^;'"]*?\bfrom\s*["'](\.\.?/[^"']+)["']"""
    r"""|^\s*import\s*["'](\.\.?/[^"']+)["']""",
    re.MULTILINE,
)


def module_graph(entry: Path) -> list[Path]:
    """A JavaScript module and every module it imports statically by a relative path,
    each once, the entry first."""
    found: list[Path] = []
    todo = [(entry.resolve(), entry)]
    while todo:
        path, importer = todo.pop(0)
        if path in found:
            continue
        if not path.is_file():
            raise PluginError(f"{importer} imports {path}, which is missing")
        found.append(path)
        text = path.read_text(encoding="utf-8")
        for match in _STATIC_IMPORT.finditer(text):
            todo.append(((path.parent / (match[1] or match[2])).resolve(), path))
    return found


@dataclass(frozen=True)
class Runtime:
    """Everything the browser runs, by the path it is published at.

    ``base`` (``assets/walkaway/<build>/``) holds the browser glue, the package,
    the snapshot and the trimmed standard library; ``pyodide``
    (``assets/pyodide/<version>-<hash>/``) Pyodide's core. Each folder's name
    changes whenever anything in it does: a new build can't be served an old
    file from a cache, and an unchanged runtime keeps its address.
    """

    build: str
    base: str
    pyodide: str
    files: dict[str, bytes]


def _digest(parts: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(parts):
        for part in (name.encode(), parts[name]):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()


def runtime_files(runtime: Path) -> Runtime:
    """The browser's runtime, hashed into its folders (see :class:`Runtime`)."""
    version = json.loads((runtime / "package.json").read_text(encoding="utf-8"))["version"]
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    core = {name: (runtime / name).read_bytes() for name in PYODIDE_FILES}
    published_lock = json.dumps({"info": lock["info"], "packages": {}})
    core["pyodide-lock.json"] = published_lock.encode()
    pyodide = f"assets/pyodide/{version}-{_digest(core)[:10]}/"

    package = package_zip()
    snapshot = memory_snapshot(runtime, package)
    ours = {path.name: path.read_bytes() for path in sorted(GLUE_SOURCE.glob("*.js"))}
    ours |= {
        "calculators.zip": package,
        "calculators.snapshot.gz": snapshot.data,
        "python_stdlib.zip": trimmed_stdlib(core["python_stdlib.zip"], snapshot.stdlib),
    }
    build = _digest({**ours, "pyodide": pyodide.encode()})[:12]
    base = f"{GLUE}/{build}/"
    # The one module that knows both folders: the page and the worker import it.
    ours["build.js"] = (
        "// Made by the build: which build this is, where its Pyodide is, and\n"
        "// Pyodide's lock file as published there (the worker hands it to Pyodide).\n"
        f'export const BUILD = "{build}";\n'
        f'export const PYODIDE_URL = new URL("../../../{pyodide}", import.meta.url);\n'
        f"export const PYODIDE_LOCK = {published_lock};\n"
    ).encode()
    files = {base + name: data for name, data in ours.items()}
    files |= {pyodide + name: data for name, data in core.items()}
    return Runtime(build, base, pyodide, files)


# The service worker's logic; the hook writes it to the site's root as sw.js,
# its build's manifest in front of it.
SERVICE_WORKER = Path(__file__).with_name("service_worker.js")
# What a reader never needs saved: the service worker itself, the zipped
# sitemap (instant navigation reads the plain one), Pyodide's whole standard
# library (a bare Pyodide's; readers get the trimmed one), the search's word
# splitters for languages the guide isn't in, and the theme's source maps.
_NOT_SAVED = re.compile(
    r"^(sw\.js|sitemap\.xml\.gz|assets/pyodide/[^/]+/python_stdlib\.zip|assets/javascripts/lunr/.*"
    r"|.*\.map)$"
)


# The theme's scripts and style sheets named by their contents (Material's build
# puts a hash in each name, bundle.a5f9d56c.min.js): a changed file is a new name.
_FINGERPRINTED = re.compile(
    r"^assets/(javascripts|stylesheets)/(.+/)?[^/]+\.[0-9a-f]{8}\.min\.(js|css)$"
)


def service_worker(site: Path, built: Runtime) -> str:
    """sw.js for a built site: the manifest of its files (pages by their address,
    ``when-to-walk/``), a cache named by their contents, and the worker's logic."""
    files: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and not _NOT_SAVED.match(name):
            files[name.removesuffix("index.html")] = path.read_bytes()
    manifest = {
        "build": built.build,
        "cache": f"walkaway-{_digest(files)[:12]}",
        "files": sorted(files),
        "immutable": [
            built.base,
            built.pyodide,
            *(name for name in files if _FINGERPRINTED.match(name)),
        ],
    }
    return f"const MANIFEST = {json.dumps(manifest)};\n" + SERVICE_WORKER.read_text(
        encoding="utf-8"
    )
