"""The built site, served on 127.0.0.1 the way a reader gets it, for the site and browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import TYPES, Site, build_site


class _Handler(http.server.SimpleHTTPRequestHandler):
    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Note what was sent, for tests that count downloads (Site.served)."""
        served = getattr(self.server, "served", None)
        if served is not None and str(code).isdigit():
            served.append((self.path.split("?")[0], int(code)))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Build the site strictly with the server's address as site_url, then serve it."""
    directory = tmp_path_factory.mktemp("site")
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    served: list[tuple[str, int]] = []
    server.served = served  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build_site(directory, url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(directory, url, served)
    finally:
        server.shutdown()
        server.server_close()
