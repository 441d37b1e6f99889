"""The build hook: calculator blocks become forms with prerendered results, or fail loudly."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.support import ROOT

pytestmark = pytest.mark.site

HOOK = ROOT / "overrides" / "hooks" / "walkaway.py"


def load_hook() -> ModuleType:
    """The hook module, loaded from its file as MkDocs does."""
    spec = importlib.util.spec_from_file_location("walkaway_hook", HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_package_zip_is_the_source_tree() -> None:
    """The published package holds exactly the source modules, subpackages too, byte for byte."""
    with zipfile.ZipFile(io.BytesIO(load_hook().package_zip())) as archive:
        names = set(archive.namelist())
        source = ROOT / "calculators"
        modules = {p.relative_to(source).as_posix() for p in source.rglob("*.py")}
        assert names == {f"calculators/{m}" for m in modules} | {"calculators/py.typed"}
        for module in modules:
            assert archive.read(f"calculators/{module}") == (source / module).read_bytes()


def test_package_zip_is_deterministic() -> None:
    """Building the package twice gives the same bytes."""
    package_zip = load_hook().package_zip
    assert package_zip() == package_zip()
