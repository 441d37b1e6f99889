"""HTML and SVG helpers: escaping, tables, admonitions, charts."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from calculators.markup import Svg, admonition, esc, nice_step, num, table


def test_esc_escapes_markup_and_quotes() -> None:
    """Markup and quotes come out as entities."""
    assert esc("<img src=x onerror='a()'>") == "&lt;img src=x onerror=&#x27;a()&#x27;&gt;"


@given(st.text(alphabet=st.sampled_from("&<>\"' a;#x27é€\n") | st.characters()))
def test_esc_is_html_escape(text: str) -> None:
    """esc writes out what html.escape does (the module isn't imported at run time)."""
    assert esc(text) == escape(text, quote=True)


def test_num_is_compact() -> None:
    """SVG coordinates lose trailing zeros and negative zero."""
    assert (num(1.0), num(1.25), num(-0.01)) == ("1", "1.2", "0")


def test_table_escapes_cells_and_marks_numbers() -> None:
    """Table cells are escaped, and numeric columns are marked for right alignment."""
    html = table("Cap <b>", ["Name", "Total"], [["<i>A</i>", "$1"]])
    assert "<caption>Cap &lt;b&gt;</caption>" in html
    assert '<th scope="row">&lt;i&gt;A&lt;/i&gt;</th>' in html
    assert '<td class="wa-num">$1</td>' in html


def test_table_is_wrapped_like_material_tables() -> None:
    """Tables sit in Material's scroll wrappers so they scroll on phones."""
    assert table("c", ["a"], []).startswith('<div class="md-typeset__scrollwrap">')


def test_admonition_escapes_title() -> None:
    """Admonition titles are escaped; bodies are trusted markup."""
    assert admonition("warning", "<x>", "<p>ok</p>") == (
        '<div class="admonition warning"><p class="admonition-title">&lt;x&gt;</p><p>ok</p></div>'
    )


def test_svg_is_accessible_and_escaped() -> None:
    """Charts carry role=img and an aria-label; their text is escaped."""
    chart = Svg(10, 10, 'Label "quoted"')
    chart.text(1, 1, "<script>")
    html = chart.render()
    assert 'role="img" aria-label="Label &quot;quoted&quot;"' in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


def test_nice_step_is_round_and_reaches_the_top_in_four_steps() -> None:
    """Gridline steps are 1, 2, 2.5 or 5 times a power of ten, and four of them cover the top."""
    rounds = sorted(m * 10.0**k for k in range(-1, 8) for m in (1.0, 2.0, 2.5, 5.0))
    for top in (4.0, 99.0, 287_000.0, 300_000.0, 1_234_567.0):
        step = nice_step(top)
        assert step in rounds
        assert step * 4 >= top
        smaller = max(r for r in rounds if r < step)
        assert smaller * 4 < top  # the next round step down would not reach the top
