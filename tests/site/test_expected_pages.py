"""The built pages carry the expected prerendered calculator blocks, byte for byte."""

from __future__ import annotations

import pytest

from tests.support import Site
from tests.support import PAGE_BLOCKS, built_page_blocks

pytestmark = pytest.mark.site


def test_pages_with_calculators_are_the_expected_ones(site: Site) -> None:
    """The pages that hold calculators are those with stored blocks, no more, no fewer."""
    assert set(built_page_blocks(site.directory)) == set(PAGE_BLOCKS.glob("*.html"))


def test_every_block_is_prerendered_as_expected(site: Site) -> None:
    """Each page's calculator blocks (form, status, prerendered result) are the stored ones."""
    for path, blocks in built_page_blocks(site.directory).items():
        assert blocks == path.read_text(encoding="utf-8"), path.name
