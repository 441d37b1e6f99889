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

The hook also publishes what the browser runs (made in walkaway_runtime.py,
beside it: MkDocs puts this folder on the path while it loads the hook):
Pyodide's core files, the package as a zip, a memory snapshot of Pyodide with
the package already imported, which the worker restores instead of starting
Python, and the standard library trimmed to what Python imports
(benchmarks/README.md has the figures).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from walkaway_runtime import memory_snapshot, module_graph, package_zip, trimmed_stdlib

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
# The standard library trimmed to what Python imports (the plain boot's; the
# snapshot's boot reads it only lazily). Pyodide's whole library stays beside
# the runtime, which is what a bare Pyodide would boot with.
STDLIB = "assets/walkaway/python_stdlib.zip"

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
    snapshot = memory_snapshot(runtime, package)
    stdlib = trimmed_stdlib((runtime / "python_stdlib.zip").read_bytes(), snapshot.stdlib)
    files.append(File.generated(config, PACKAGE_ZIP, content=package))
    files.append(File.generated(config, SNAPSHOT, content=snapshot.data))
    files.append(File.generated(config, STDLIB, content=stdlib))
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
