"""Build-time glue between the guide and the calculators package.

A page asks for a calculator with a fenced block (pymdownx.superfences custom
fence), optionally with the inputs to show as its worked example, in YAML:

    ```calculator name="walk"
    offer: 158400
    floor: 180k
    ```

The block becomes the calculator's form and its result for those inputs,
prerendered by the very package the browser runs, so a reader without
JavaScript still sees a worked example. A block that names no known
calculator, or whose inputs don't compute, fails the build naming the page.

The hook also publishes what the browser runs: Pyodide's core files, the
package as a zip, and a memory snapshot of Pyodide with the package already
imported (made by make_snapshot.mjs with Node, cached in .cache/walkaway/),
which the worker restores instead of starting Python: ready in about half a
second rather than three (benchmarks/README.md has the figures).
"""

from __future__ import annotations

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
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import calculators
from calculators.forms import BlockError, render_block

log = logging.getLogger("mkdocs.hooks.calculators")

# Only Pyodide's core files: nothing the calculators run needs micropip or the
# lock's packages, so none of them are published, and the lock file is
# published without its package list (Pyodide still reads its `info`).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
RUNTIME_DIR = "assets/pyodide"
PACKAGE_ZIP = "assets/walkaway/calculators.zip"
SNAPSHOT = "assets/walkaway/calculators.snapshot.gz"
# The Node program that makes the snapshot; it imports the worker's protocol.js.
MAKE_SNAPSHOT = Path(__file__).with_name("make_snapshot.mjs")
# Snapshots are cached across builds, keyed by what goes into them.
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "walkaway"

# Superfences swallows a formatter's exceptions (it falls back to a code block),
# so block problems are collected here and raised from on_page_content, where
# the page is known. The build renders pages one at a time.
_problems: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Register the ``calculator`` fence with superfences."""
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(fence.get("name") == "calculator" for fence in fences):
        fences.append(
            {"name": "calculator", "class": "calculator", "format": _format, "validator": _validate}
        )
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Tell the templates every module the page's module scripts import (`modulepreload`).

    Each import is otherwise found only once the module importing it has
    arrived: preloading them all from the head fetches them side by side.
    """
    docs = Path(config.docs_dir)
    modules: list[str] = []
    for script in config.extra_javascript:
        if getattr(script, "type", None) == "module" and (docs / str(script)).is_file():
            graph = module_graph(docs / str(script))
            modules += [path.relative_to(docs.resolve()).as_posix() for path in graph]
    env.globals["walkaway_modules"] = list(dict.fromkeys(modules))
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the pinned Pyodide runtime, the calculators package and its memory snapshot."""
    runtime = Path(config.config_file_path).parent / "node_modules" / "pyodide"
    for name in (*PYODIDE_FILES, "pyodide-lock.json", "package.json"):
        if not (runtime / name).is_file():
            raise PluginError(
                f"{runtime / name} is missing: run `npm ci` "
                "(`make serve` and `make build` do it for you)"
            )
    for name in PYODIDE_FILES:
        source = str(runtime / name)
        files.append(File.generated(config, f"{RUNTIME_DIR}/{name}", abs_src_path=source))
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    files.append(
        File.generated(
            config,
            f"{RUNTIME_DIR}/pyodide-lock.json",
            content=json.dumps({"info": lock["info"], "packages": {}}),
        )
    )
    package = package_zip()
    files.append(File.generated(config, PACKAGE_ZIP, content=package))
    files.append(File.generated(config, SNAPSHOT, content=memory_snapshot(runtime, package)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Start each page with no block problems."""
    _problems.clear()
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail the build loudly, naming the page, for any bad calculator block."""
    if _problems:
        raise PluginError(f"{page.file.src_uri}: " + "; ".join(_problems))
    if 'class="wa-calc"' in html:
        page.meta["calculators"] = True
    return html


# ---------------------------------------------------------------- calculator blocks


def _validate(
    language: str,
    inputs: dict[str, str],
    options: dict[str, str],
    attrs: dict[str, str],
    md: Markdown,
) -> bool:
    """Accept ``name="..."`` (the calculator) and nothing else in the fence header."""
    unknown = set(inputs) - {"name"}
    if unknown or "name" not in inputs:
        _problems.append(
            f'calculator block: write ```calculator name="walk" (got options {sorted(inputs)})'
        )
    options.update(inputs)
    return True


def _format(
    source: str,
    language: str,
    class_name: str,
    options: dict[str, str],
    md: Markdown,
    **kwargs: Any,
) -> str:
    """Render one calculator block: its form and the result for its inputs."""
    name = options.get("name", "")
    try:
        inputs = yaml.safe_load(source) if source.strip() else None
    except yaml.YAMLError as exc:
        _problems.append(f"calculator {name!r}: the block's inputs are not valid YAML ({exc})")
        return ""
    if inputs is not None and not isinstance(inputs, dict):
        _problems.append(f"calculator {name!r}: the block's inputs must be a YAML mapping")
        return ""
    try:
        return render_block(name, inputs)
    except BlockError as exc:
        _problems.append(f"calculator {name!r}: {exc}")
        return ""


# ---------------------------------------------------------------- what the browser runs


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


def memory_snapshot(runtime: Path, package: bytes) -> bytes:
    """Pyodide's memory with the calculators package imported, gzipped, made by Node.

    Cached in ``.cache/walkaway/`` (or ``$WALKAWAY_CACHE_DIR``) under a hash of
    what makes it: a snapshot only restores into the exact runtime that made it.
    """
    version = json.loads((runtime / "package.json").read_text(encoding="utf-8"))["version"]
    cache = Path(os.environ.get("WALKAWAY_CACHE_DIR") or CACHE)
    cached = cache / f"snapshot-{version}-{snapshot_key(version, package)}.gz"
    if cached.is_file():
        return cached.read_bytes()
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
        made = Path(tmp) / "snapshot.gz"
        done = subprocess.run(
            [node, str(MAKE_SNAPSHOT), str(runtime), str(zip_path), str(made)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or not made.is_file():
            raise PluginError(
                f"Making the calculators' Pyodide memory snapshot with Node ({MAKE_SNAPSHOT.name}) "
                "failed:\n" + (done.stderr or done.stdout)[-3000:]
            )
        for old in cache.glob("snapshot-*.gz"):
            old.unlink(missing_ok=True)
        os.replace(made, cached)
    log.info("Made the calculators' memory snapshot (%.1f MB)", cached.stat().st_size / 1e6)
    return cached.read_bytes()


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
