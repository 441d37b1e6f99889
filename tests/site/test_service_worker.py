"""The service worker: what it saves (the built site's manifest) and how it behaves
(its logic run in a Node VM by service_worker_check.mjs, with stand-ins for a
browser's caches and network)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support import ROOT
from tests.support.rig import Site, run_node

pytestmark = pytest.mark.site

SOURCE = ROOT / "overrides" / "hooks" / "service_worker.js"


@pytest.fixture(scope="module")
def checks() -> dict[str, dict[str, Any]]:
    out = run_node(Path(__file__).with_name("service_worker_check.mjs"), str(SOURCE), timeout=60)
    lines = [json.loads(line) for line in out.splitlines()]
    return {line.pop("check"): line for line in lines}


def manifest(site: Site) -> dict[str, Any]:
    found = re.match(
        r"const MANIFEST = (.*);\n", (site.directory / "sw.js").read_text(encoding="utf-8")
    )
    assert found, "sw.js starts with its manifest"
    loaded: dict[str, Any] = json.loads(found[1])
    return loaded


def test_a_full_disk_is_logged_and_the_install_completes(checks: dict[str, dict[str, Any]]) -> None:
    assert checks["quota"] == {"failed": None, "warnings": 1, "skipped": True}


def test_other_hosts_and_posts_are_left_to_the_browser(checks: dict[str, dict[str, Any]]) -> None:
    assert checks["ignored"] == {"elsewhere": True, "posting": True}


def test_offline_a_page_comes_from_its_copy_and_says_so(checks: dict[str, dict[str, Any]]) -> None:
    assert checks["offline page"] == {"marked": True, "saved": True}


def test_a_builds_own_files_come_from_the_copy_without_the_network(
    checks: dict[str, dict[str, Any]],
) -> None:
    assert checks["immutable"] == {"fromCopy": True}


def test_online_a_page_is_the_networks_at_once_and_saved_meanwhile(
    checks: dict[str, dict[str, Any]],
) -> None:
    assert checks["online page"] == {"fresh": True, "savedBefore": False, "savedAfter": True}


def test_activating_drops_our_other_caches_and_tells_the_pages(
    checks: dict[str, dict[str, Any]],
) -> None:
    assert checks["activate"] == {
        "caches": ["someone-else", "walkaway-new"],
        "posted": [{"type": "walkaway-build", "build": "b2"}],
    }


def test_the_manifest_lists_every_page_and_the_runtime_and_only_the_sites_files(site: Site) -> None:
    saved = manifest(site)
    files = set(saved["files"])
    pages = {
        p.relative_to(site.directory).as_posix().removesuffix("index.html") for p in site.pages()
    }
    assert pages <= files
    assert "" in files
    assert "when-to-walk/" in files
    for name in files:
        assert "//" not in name, name
        assert not name.startswith("/"), name
        on_disk = site.directory / (name + "index.html" if name.endswith("/") or not name else name)
        assert on_disk.is_file(), name
    build = saved["build"]
    assert saved["immutable"][0] == f"assets/walkaway/{build}/"
    ours = {name for name in files if name.startswith(saved["immutable"][0])}
    assert {"worker.js", "page.js", "build.js"} <= {n.rsplit("/", 1)[1] for n in ours}
    assert any(name.endswith("pyodide.asm.wasm") for name in files)
    # The theme's files named by their contents come from the copy first too; the
    # search's word splitters (not named so) are not saved at all.
    theme = set(saved["immutable"][2:])
    assert theme
    assert theme <= files
    assert any(re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", n) for n in theme)
    assert any(n.startswith("assets/stylesheets/main.") for n in theme)
    # Not saved: the service worker itself, the theme's source maps, and Pyodide's
    # untrimmed standard library.
    assert "sw.js" not in files
    assert not any(name.endswith(".map") for name in files)
    assert not any(
        name.endswith("python_stdlib.zip") and name.startswith("assets/pyodide/") for name in files
    )


def test_the_cache_name_follows_the_contents(runtime: ModuleType, tmp_path: Path) -> None:
    """Any changed file makes a new cache (so a new deploy is saved afresh); the same
    files make the same one (so a rebuild of the same site keeps the reader's copy)."""
    built = runtime.Runtime("b1", "assets/walkaway/b1/", "assets/pyodide/v/", {})

    def cache_of(page: str) -> str:
        site = tmp_path / page
        (site / "when-to-walk").mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text("<p>home</p>")
        (site / "when-to-walk" / "index.html").write_text(page)
        (site / "sw.js").write_text("an older sw.js is not part of the manifest")
        found = re.match(r"const MANIFEST = (.*);\n", runtime.service_worker(site, built))
        assert found
        name: str = json.loads(found[1])["cache"]
        assert json.loads(found[1])["files"] == ["", "when-to-walk/"]
        return name

    assert cache_of("walk") != cache_of("stay")
    assert cache_of("walk") == cache_of("walk")
