"""The build hook: calculator blocks become forms with prerendered results, or fail loudly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from tests.site.conftest import HOOK
from tests.support import ROOT

pytestmark = pytest.mark.site


def build_page(tmp_path: Path, markdown: str) -> str:
    """Build a one-page site with the project's hook and return the page's HTML."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(markdown, encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: t\n"
        f"docs_dir: {docs}\n"
        f"hooks: [{HOOK}]\n"
        "markdown_extensions: [pymdownx.superfences]\n",
        encoding="utf-8",
    )
    # The runtime comes from the project's node_modules.
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))
    build(config)
    return (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_block_renders_form_and_result(tmp_path: Path) -> None:
    """A block becomes the form, filled with its inputs, and the result for them."""
    html = build_page(tmp_path, '```calculator name="walk"\noffer: 150k\nfloor: 180k\n```\n')
    assert 'data-calculator="walk"' in html
    assert 'value="150k"' in html
    assert '<div class="wa-result wa-result--walk' in html


def test_empty_block_uses_the_example(tmp_path: Path) -> None:
    """A block without inputs shows the calculator's own example."""
    html = build_page(tmp_path, '```calculator name="runway"\n```\n')
    assert '<div class="wa-result wa-result--runway' in html


@pytest.mark.parametrize(
    ("block", "complaint"),
    [
        ('```calculator name="salary"\n```\n', "unknown calculator 'salary'"),
        ('```calculator name="walk"\noffer: [\n```\n', "not valid YAML"),
        ('```calculator name="walk"\n- 1\n```\n', "must be a YAML mapping"),
        ('```calculator name="walk"\noffer: abc\nfloor: 1\n```\n', "enter an amount"),
        ("```calculator\n```\n", 'write ```calculator name="walk"'),
    ],
)
def test_bad_block_fails_naming_the_page(
    tmp_path: Path, block: str, complaint: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A bad block stops the build with an error naming the page and the problem."""
    with pytest.raises(Abort):
        build_page(tmp_path, block)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(m.startswith("index.md: ") and complaint in m for m in errors), errors


def test_package_zip_is_the_source_tree(runtime: ModuleType) -> None:
    """The published package holds exactly the source modules, subpackages too, byte for byte."""
    with zipfile.ZipFile(io.BytesIO(runtime.package_zip())) as archive:
        names = set(archive.namelist())
        source = ROOT / "calculators"
        modules = {p for p in source.rglob("*.py") if "__pycache__" not in p.parts}
        expected = {f"calculators/{p.relative_to(source).as_posix()}" for p in modules}
        assert names == expected | {"calculators/py.typed"}
        for module in modules:
            name = f"calculators/{module.relative_to(source).as_posix()}"
            assert archive.read(name) == module.read_bytes()


def test_package_zip_takes_subpackages_and_nothing_else(
    runtime: ModuleType, tmp_path: Path
) -> None:
    """Modules in subpackages are zipped; caches and other files are not, in sorted order."""
    for name in ("walk/rules.py", "walk/__init__.py", "api.py", "py.typed", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    (tmp_path / "walk" / "__pycache__").mkdir()
    (tmp_path / "walk" / "__pycache__" / "rules.py").write_text("stale", encoding="utf-8")
    with zipfile.ZipFile(io.BytesIO(runtime.package_zip(tmp_path))) as archive:
        assert archive.namelist() == [
            "calculators/api.py",
            "calculators/py.typed",
            "calculators/walk/__init__.py",
            "calculators/walk/rules.py",
        ]
        assert archive.read("calculators/walk/rules.py") == b"# walk/rules.py\n"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_package_zip_is_deterministic(runtime: ModuleType) -> None:
    """Building the package twice gives the same bytes."""
    assert runtime.package_zip() == runtime.package_zip()


def test_module_graph_follows_static_relative_imports(runtime: ModuleType, tmp_path: Path) -> None:
    """A module's graph is it and what it imports statically, each once; not dynamic imports."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "entry.js").write_text(
        'import { a } from "./lib/a.js";\nexport { b } from "./lib/b.js";\n'
        'import "./lib/a.js";\nimport { c } from "node:fs";\n'
        'const later = () => import("./lib/dynamic.js");\n',
        encoding="utf-8",
    )
    (tmp_path / "lib" / "a.js").write_text('import {\n  b,\n} from "./b.js";\n', encoding="utf-8")
    (tmp_path / "lib" / "b.js").write_text("export const b = 1;\n", encoding="utf-8")
    graph = runtime.module_graph(tmp_path / "entry.js")
    assert [p.relative_to(tmp_path).as_posix() for p in graph] == [
        "entry.js",
        "lib/a.js",
        "lib/b.js",
    ]


def test_module_graph_names_a_missing_import(runtime: ModuleType, tmp_path: Path) -> None:
    """An import of a file that isn't there fails naming the module that imports it."""
    (tmp_path / "entry.js").write_text('import { a } from "./gone.js";\n', encoding="utf-8")
    with pytest.raises(PluginError, match=r"entry\.js imports .*gone\.js, which is missing"):
        runtime.module_graph(tmp_path / "entry.js")
