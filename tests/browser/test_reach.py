"""Reach: after one visit the guide reads and computes offline; a new deploy is never
mixed with an old one; the site publishes under a sub-path; without service workers,
the guide works online as before."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import LIVE, PAGES, Visit, open_live
from tests.support import ROOT
from tests.support.rig import SiteHandler, saved_for_offline

pytestmark = pytest.mark.browser


def recompute(page: Page, name: str, field: str, value: str, shows: str) -> None:
    """Wait for a calculator to be live, change one field, and see the result follow."""
    calc = page.locator(f'.wa-calc[data-calculator="{name}"]')
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".wa-status")).to_have_text(LIVE, timeout=60_000)
    calc.locator(f'[name="{field}"]').fill(value)
    expect(calc.locator(".wa-output")).to_contain_text(shows, timeout=10_000)


def test_after_one_visit_another_calculator_page_opens_and_computes_offline(visit: Visit) -> None:
    """Visit once online; offline, a fresh navigation to a different calculator page loads,
    says it is the saved copy, and recomputes."""
    open_live(visit, "runway")
    saved_for_offline(visit.page)
    visit.page.context.set_offline(True)
    visit.open(PAGES["walk"])
    expect(visit.page.locator(".wa-offline")).to_contain_text("You're offline")
    recompute(visit.page, "walk", "offer", "150000", "$150,000")
    assert visit.console_errors == []


def test_a_return_visit_boots_python_from_the_head_with_the_saved_runtime(visit: Visit) -> None:
    """Back on a calculator page with the guide saved, the page's head starts the
    calculators' worker (one worker, adopted by the page), which reads the runtime from
    the saved copy without asking the service worker, and needs no lock file."""
    open_live(visit, "runway")
    saved_for_offline(visit.page)
    # The calculators' worker's replies, as the page receives them.
    visit.page.context.add_init_script(
        script="""window.readyReplies = [];
        const PageWorker = window.Worker;
        window.Worker = class extends PageWorker {
          constructor(url, options) {
            super(url, options);
            this.addEventListener("message", ({ data }) => {
              if (data?.type === "ready") window.readyReplies.push(data);
            });
          }
        };"""
    )
    page = visit.page.context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(visit.site.url + PAGES["walk"])
    recompute(page, "walk", "offer", "150000", "$150,000")
    workers = [w.url for w in page.workers if "/assets/walkaway/" in w.url]
    assert len(workers) == 1, workers
    (ready,) = page.evaluate("() => window.readyReplies")
    assert ready["early"] is True, ready  # it began before the page asked
    assert ready["boot"] == "snapshot", ready
    saved = ("pyodide.asm.wasm", "calculators.snapshot.gz", "pyodide-lock.json")
    assert not [url for url in asked if url.endswith(saved)], asked
    assert visit.console_errors == []


def test_without_service_workers_the_guide_works_online(browser: Browser, visit: Visit) -> None:
    """A browser that offers no service worker reads and computes as before."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(visit.site.url + PAGES["runway"])
    recompute(page, "runway", "savings", "48000", "$48,000")
    # What the calculators' worker put aside for a service worker goes, none coming.
    page.wait_for_function("async () => (await caches.keys()).length === 0", timeout=30_000)
    assert errors == []
    context.close()


# ------------------------------------------------------------------ builds of our own


class Server:
    """A local server for builds made here, which can be switched to another build."""

    def __init__(self, prefix: str = "/") -> None:
        self.directory = Path()
        self.prefix = prefix
        outer = self

        class Handler(SiteHandler):
            def translate_path(self, path: str) -> str:
                if not path.startswith(outer.prefix):
                    return str(outer.directory / "does-not-exist")
                self.directory = str(outer.directory)
                return super().translate_path("/" + path[len(outer.prefix) :])

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def build(directory: Path, site_url: str, engine: Path | None = None) -> None:
    """`mkdocs build --strict` as the README's Publish section says: SITE_URL set; with
    the calculators package from ``engine`` when given (a changed engine)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    config = ["--config-file", str(ROOT / "mkdocs.yml")]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            *config,
            "--site-dir",
            str(directory),
        ],
        # `python -m` puts the working folder first on the path: the engine's copy wins.
        cwd=engine or ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


def changed_engine(tmp_path: Path) -> Path:
    """A copy of the calculators package whose runway headline says "roughly"."""
    engine = tmp_path / "engine"
    shutil.copytree(
        ROOT / "calculators", engine / "calculators", ignore=shutil.ignore_patterns("__pycache__")
    )
    words = engine / "calculators" / "runway" / "words.py"
    text = words.read_text(encoding="utf-8")
    assert "Your cash lasts about" in text
    words.write_text(
        text.replace("Your cash lasts about", "Your cash lasts roughly"), encoding="utf-8"
    )
    return engine


def cache_name(site: Path) -> str:
    """The cache a build's service worker saves the site in (its manifest says)."""
    manifest = re.match(r"const MANIFEST = (.*);\n", (site / "sw.js").read_text(encoding="utf-8"))
    assert manifest
    name: str = json.loads(manifest[1])["cache"]
    return name


def test_a_new_deploy_replaces_the_old_one_whole(
    browser: Browser, server: Server, tmp_path: Path
) -> None:
    """Serve a build, visit it, switch the server to a build with a changed engine: the
    reader gets the new answers, computed by the new package, and the old cache is gone."""
    old, new = tmp_path / "old", tmp_path / "new"
    build(old, server.url)
    build(new, server.url, changed_engine(tmp_path))
    assert {p.name for p in (old / "assets/walkaway").iterdir()} != {
        p.name for p in (new / "assets/walkaway").iterdir()
    }
    server.directory = old
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + PAGES["runway"])
    recompute(page, "runway", "savings", "48000", "$48,000")
    expect(page.locator(".wa-headline")).to_contain_text("Your cash lasts about")
    saved_for_offline(page)

    server.directory = new
    page.goto(server.url + PAGES["runway"])
    recompute(page, "runway", "savings", "54000", "$54,000")
    expect(page.locator(".wa-headline")).to_contain_text("Your cash lasts roughly")
    page.wait_for_function(
        "(name) => caches.keys().then((keys) => keys.length === 1 && keys[0] === name)",
        arg=cache_name(new),
        timeout=60_000,
    )
    context.close()


def test_a_page_of_another_build_reloads_instead_of_computing(
    browser: Browser, visit: Visit
) -> None:
    """A page whose HTML names another build than its scripts (an instant navigation after
    a deploy) reloads, once, and then computes with its own build."""
    # No service worker here: it would answer the navigation before the route below.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(visit.site.url + PAGES["runway"])
    loads: list[str] = []
    page.on("load", lambda loaded: loads.append(loaded.url))
    marker = re.compile(r'data-walkaway-build="[^"]+"')

    def other_build(route: Route) -> None:
        response = route.fetch()
        body = marker.sub('data-walkaway-build="another"', response.text())
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/when-to-walk/$"), other_build, times=1)
    page.locator("a[href$='when-to-walk/']").first.click()
    expect(page.locator('.wa-calc[data-calculator="walk"]')).to_be_visible()
    page.wait_for_function("() => document.readyState === 'complete'")
    assert len(loads) == 1  # the instant navigation's page reloaded, as a full load
    recompute(page, "walk", "offer", "150000", "$150,000")
    context.close()


def test_published_under_a_sub_path_with_its_own_site_url(browser: Browser, tmp_path: Path) -> None:
    """Built with SITE_URL at a sub-path and served there, the guide computes and is
    saved for offline reading within that sub-path."""
    served = Server(prefix="/guide/")
    try:
        site = tmp_path / "site"
        build(site, served.url)
        served.directory = site
        assert f'<link rel="canonical" href="{served.url}">' in (site / "index.html").read_text()
        context = browser.new_context()
        page = context.new_page()
        page.goto(served.url + PAGES["runway"])
        recompute(page, "runway", "savings", "48000", "$48,000")
        saved_for_offline(page)
        scope = page.evaluate("navigator.serviceWorker.controller.scriptURL")
        assert scope == served.url + "sw.js"
        context.close()
    finally:
        served.close()


def test_a_service_worker_that_fails_to_install_leaves_the_guide_working(
    browser: Browser, visit: Visit, server: Server, tmp_path: Path
) -> None:
    """When saving the site fails (a file its manifest lists is missing), no service worker
    takes over, nothing is left saved, and the guide works online as without one."""
    shutil.copytree(visit.site.directory, tmp_path / "site")
    (tmp_path / "site" / "manifest.webmanifest").unlink()
    server.directory = tmp_path / "site"
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url + PAGES["runway"])
    recompute(page, "runway", "savings", "48000", "$48,000")
    page.wait_for_function(
        """async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration && !registration.installing && !registration.active
            && (await caches.keys()).length === 0;
        }""",
        timeout=60_000,
    )
    assert page.evaluate("navigator.serviceWorker.controller") is None
    recompute(page, "runway", "savings", "54000", "$54,000")
    assert [e for e in errors if "webmanifest" not in e] == []
    context.close()
