"""Shared fixtures: the built site, served on 127.0.0.1 the way a reader gets it."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@dataclass(frozen=True)
class Site:
    """A strict build of the guide and the address it is served at."""

    directory: Path
    url: str  # with a trailing slash

    def pages(self) -> list[Path]:
        return sorted(self.directory.rglob("*.html"))


# Content types for what the site serves (the benchmark's server uses them too):
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


class _Handler(http.server.SimpleHTTPRequestHandler):
    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Build the site strictly with the server's address as site_url, then serve it."""
    directory = tmp_path_factory.mktemp("site")
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build_site(directory, url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(directory, url)
    finally:
        server.shutdown()
        server.server_close()
