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
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path
from typing import Any

import yaml
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import calculators
from calculators.forms import BlockError, render_block

log = logging.getLogger("mkdocs.hooks.calculators")

# Superfences swallows a formatter's exceptions (it falls back to a code block),
# so block problems are collected here and raised from on_page_content, where
# the page is known. The build renders pages one at a time.
_page: Page | None = None
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


# Only Pyodide's core files: nothing the calculators run needs micropip or the
# lock's other packages, so none of them are published.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
RUNTIME_DIR = "assets/pyodide"
PACKAGE_ZIP = "assets/walkaway/calculators.zip"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the pinned Pyodide runtime and the calculators package into the site."""
    node_modules = Path(config.config_file_path).parent / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        source = node_modules / name
        if not source.is_file():
            raise PluginError(
                f"{source} is missing: run `npm ci` (`make serve` and `make build` do it for you)"
            )
        files.append(File.generated(config, f"{RUNTIME_DIR}/{name}", abs_src_path=str(source)))
    files.append(File.generated(config, PACKAGE_ZIP, content=package_zip()))
    return files


def package_zip() -> bytes:
    """The calculators package as a zip, straight from the source tree.

    Deterministic (sorted names, fixed timestamps) so the same source gives the
    same bytes: the browser runs exactly the code the tests ran.
    """
    source = Path(calculators.__file__).parent
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in [*sorted(source.glob("*.py")), source / "py.typed"]:
            info = zipfile.ZipInfo(f"calculators/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remember which page is being rendered, for error messages."""
    global _page
    _page = page
    _problems.clear()
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail the build loudly, naming the page, for any bad calculator block."""
    if _problems:
        raise PluginError(f"{page.file.src_uri}: " + "; ".join(_problems))
    if 'class="wa-calc"' in html:
        page.meta["calculators"] = True
    return html


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
