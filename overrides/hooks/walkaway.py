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

A page shows a script with a line of its own, ``[[script: give-a-range]]``, and
the placeholder table with ``[[placeholders]]``: before the Markdown is read,
each becomes the Markdown the words were once written as by hand (content tabs
holding ``text`` blocks, calculators.scripts.page), so the scripts live once,
in calculators/scripts, and the page still renders them with Material's own
tabs and copy buttons. A marker naming no script fails the build.

The hook also publishes what the browser runs (made in walkaway_runtime.py,
beside it: MkDocs puts this folder on the path while it loads the hook):
Pyodide's core files, the package as a zip, a memory snapshot of Pyodide with
the package already imported, which the worker restores instead of starting
Python, and the standard library trimmed to what Python imports
(benchmarks/README.md has the figures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from walkaway_runtime import (
    GLUE,
    GLUE_SOURCE,
    PYODIDE_FILES,
    Runtime,
    module_graph,
    runtime_files,
    service_worker,
)

from calculators.forms import BlockError, render_block
from calculators.scripts.page import MarkerError, expand

# What the browser runs, made once per build (on_files) and given to the
# templates (on_env): the folders named by their contents, and the files in them.
_runtime: list[Runtime] = []
# The page's entry module: it mounts the calculators on every page.
ENTRY = "page.js"

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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish what the browser runs, in folders named by their contents.

    The browser glue moves from ``assets/walkaway/`` to its build's folder,
    beside the package, the snapshot and the trimmed standard library;
    Pyodide's core goes to a folder of its own (walkaway_runtime.Runtime).
    """
    runtime = Path(config.config_file_path).parent / "node_modules" / "pyodide"
    for name in (*PYODIDE_FILES, "pyodide-lock.json", "package.json"):
        if not (runtime / name).is_file():
            raise PluginError(
                f"{runtime / name} is missing: run `npm ci` "
                "(`make serve` and `make build` do it for you)"
            )
    built = runtime_files(runtime)
    _runtime[:] = [built]
    glue = [f for f in files if f.src_uri.startswith(f"{GLUE}/") and f.src_uri.endswith(".js")]
    # The theme folder (overrides/) is copied into the site, this hook's own
    # scripts with it: they are the build's, not the reader's.
    hooks = [f for f in files if f.src_uri.startswith("hooks/")]
    for file in glue + hooks:
        files.remove(file)
    for path, data in built.files.items():
        files.append(File.generated(config, path, content=data))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Tell the templates where this build's browser glue is, and every module the
    page's entry module imports (`modulepreload`): each import is otherwise found
    only once the module importing it has arrived."""
    built = _runtime[0]
    graph = module_graph(GLUE_SOURCE / ENTRY)
    env.globals["walkaway_build"] = built.build
    env.globals["walkaway_base"] = built.base
    env.globals["walkaway_modules"] = [built.base + path.name for path in graph]
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Write the service worker (sw.js, at the site's root), which keeps a copy of every
    file just built for reading offline."""
    site = Path(config.site_dir)
    (site / "sw.js").write_text(service_worker(site, _runtime[0]), encoding="utf-8")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Start each page with no block problems, and its script markers expanded."""
    _problems.clear()
    try:
        return expand(markdown)
    except MarkerError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


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
