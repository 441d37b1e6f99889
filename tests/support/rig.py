"""The site and browser rig: the guide built strictly, served on 127.0.0.1 the way a
reader gets it, and the Chromium that the browser tests and the benchmark drive."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tests.support import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page


@dataclass(frozen=True)
class Site:
    """A strict build of the guide and the address it is served at."""

    directory: Path
    url: str  # with a trailing slash
    # What the server sent, in order: (path, status). A browser that reuses a
    # response from its cache sends nothing, or a revalidation answered 304.
    served: list[tuple[str, int]] = field(default_factory=list)
    # Set, the server answers nothing (it closes each connection): the network is down
    # for this site, in any browser (the engines' tests, which can't set one offline).
    down: threading.Event = field(default_factory=threading.Event)

    def pages(self) -> list[Path]:
        return sorted(self.directory.rglob("*.html"))

    @property
    def runtime(self) -> Path:
        """This build's folder of what the browser runs (``assets/walkaway/<build>/``)."""
        (folder,) = {path.parent for path in self.directory.glob("assets/walkaway/*/worker.js")}
        return folder

    @property
    def pyodide(self) -> Path:
        """This build's folder of Pyodide's core (``assets/pyodide/<version>-<hash>/``)."""
        (folder,) = {path.parent for path in self.directory.glob("assets/pyodide/*/pyodide.mjs")}
        return folder


# ---------------------------------------------------------------- building and serving

# Content types for what the site serves (the tests' server and the benchmark's):
# module scripts and WebAssembly in particular need their proper types.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
}


def build_site(directory: Path, url: str) -> None:
    """Build the guide strictly into ``directory`` for serving at ``url``.

    Instant navigation only works when site_url matches the address served.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"), site_dir=str(directory), site_url=url, strict=True
    )
    build(config)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly, with the content types above; when its server has a
    ``served`` list, notes each response there (tests that count downloads: Site.served)."""

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the output quiet."""

    def handle_one_request(self) -> None:
        down = getattr(self.server, "down", None)
        if down is not None and down.is_set():
            self.close_connection = True
            return
        super().handle_one_request()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        served = getattr(self.server, "served", None)
        if served is not None and str(code).isdigit():
            served.append((self.path.split("?")[0], int(code)))


@contextmanager
def served_site(directory: Path) -> Iterator[Site]:
    """Build the site strictly into ``directory``, with the server's address as
    site_url, and serve it on 127.0.0.1 until the block ends."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    served: list[tuple[str, int]] = []
    server.served = served  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    site = Site(directory, url, served)
    server.down = site.down  # type: ignore[attr-defined]
    try:
        build_site(directory, url)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield site
        finally:
            server.shutdown()
    finally:
        server.server_close()


# ---------------------------------------------------------------- the browser and Node

# As the machine notes say: without the background-networking flags Chromium
# tries to reach Google's hosts at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium, which the browser tests and the benchmark drive."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is needed for the browser tests: `make test` installs Debian's chromium"
    return path


def saved_for_offline(page: Page, timeout_ms: float = 60_000) -> None:
    """Wait until the guide's service worker has saved the site (installed, activated)
    and is in charge of the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => null)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=timeout_ms)


def run_node(script: Path, *args: str, timeout: float) -> str:
    """Run one of the tests' Node scripts from the project's root; its standard output."""
    node = shutil.which("node")
    assert node, "Node.js is needed; see the README"
    done = subprocess.run(
        [node, str(script), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout
