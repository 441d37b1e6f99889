"""The built pages carry the expected prerendered calculator blocks, byte for byte: each
block is what the engine renders for the inputs the page gives it (stored as a case), and
holds that case's stored answer. (Each calculator's form, status line and the rest of its
block around the answer are stored once: tests/unit/test_expected.py.)"""

from __future__ import annotations

import pytest

from calculators.forms import render_block
from tests.support.answers import built_blocks, from_one_tag_a_line, page_cases, without_answer
from tests.support.rig import Site

pytestmark = pytest.mark.site


def test_pages_with_calculators_are_the_expected_ones(site: Site) -> None:
    """The pages that hold calculators are those with stored blocks, no more, no fewer."""
    assert set(built_blocks(site.directory)) == set(page_cases())


def test_every_block_is_prerendered_as_expected(site: Site) -> None:
    """Each page's calculator blocks (form, status, prerendered result) are the engine's
    for the page's stored inputs, in page order, each holding its case's stored answer."""
    stored = page_cases()
    for page, blocks in built_blocks(site.directory).items():
        shown = stored[page]
        assert len(blocks) == len(shown), page
        for block, case in zip(blocks, shown, strict=True):
            assert isinstance(case.inputs, dict), case.id
            assert block == render_block(case.calculator, case.inputs), (page, case.id)
            assert case.currency == "USD", case.id  # what a page shows first
            _, html = case.expected()
            assert html is not None, case.id
            without_answer(block, from_one_tag_a_line(html))
