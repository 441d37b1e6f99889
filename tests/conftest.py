"""The built site, served on 127.0.0.1 the way a reader gets it, for the site and browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.rig import Site, served_site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Build the site strictly with the server's address as site_url, then serve it."""
    with served_site(tmp_path_factory.mktemp("site")) as served:
        yield served
