"""The built site, served on 127.0.0.1 the way a reader gets it, for the site and browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from tests.support import Site, SiteHandler, build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Build the site strictly with the server's address as site_url, then serve it."""
    directory = tmp_path_factory.mktemp("site")
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    served: list[tuple[str, int]] = []
    server.served = served  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    site = Site(directory, url, served)
    server.down = site.down  # type: ignore[attr-defined]
    build_site(directory, url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
