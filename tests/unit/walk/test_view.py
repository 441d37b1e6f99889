"""The walk decision as the page shows it."""

from __future__ import annotations

import pytest

from calculators.walk import EXAMPLE, Result
from tests.support.calls import STRONG_ROLE, WEAK_ROLE, computed, rendered


def walk(**data: object) -> Result:
    result: Result = computed("walk", data)
    return result


def html_for(**data: object) -> str:
    return rendered("walk", data)


def test_render_escapes_the_gut_signal() -> None:
    """Markup in the gut signal is shown as text, never as markup."""
    html = html_for(
        offer=1, floor=2, gut_says_walk=True, gut_signal="<script>alert(1)</script> now please"
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"offer": 185000, "counter_rounds": 1, **STRONG_ROLE}, "success"),
        ({"offer": 150000, **STRONG_ROLE}, "info"),
        ({"offer": 150000, **WEAK_ROLE}, "warning"),
    ],
)
def test_banner_kind_follows_the_verdict(data: dict[str, object], kind: str) -> None:
    """Accept is a success banner, counter an info one, walk a warning."""
    assert f'<div class="admonition {kind}"><p class="admonition-title">The verdict' in html_for(
        floor=180000, **data
    )


def test_render_shows_amounts_in_the_readers_currency() -> None:
    """In euros, the script, next step and facts show no dollar amounts."""
    html = rendered("walk", EXAMPLE, "EUR")
    assert "$" not in html
    assert "€195,000" in html
    assert "€158,400" in html


def test_render_has_the_copy_button_before_the_script() -> None:
    """The copy button sits right before the script it copies."""
    html = rendered("walk", EXAMPLE)
    button = '<button type="button" class="md-button wa-copy" data-action="copy-script">'
    assert html.index(button) < html.index('<pre class="wa-script"><code>Subject:')


def test_chart_marks_your_position_and_quadrant() -> None:
    """The 2×2 highlights your quadrant and marks where you are."""
    html = rendered("walk", EXAMPLE)
    assert '<rect class="wa-band" x="228" y="16" width="164" height="110">' in html
    assert '<circle class="wa-marker" cx="273.9" cy="89.2" r="7">' in html
    for action in ("Take it after", "Counter once, then walk", "Walk away", "Walk unless"):
        assert action in html


def test_chart_clamps_a_huge_gap() -> None:
    """A gap beyond 30% sits at the chart's right edge."""
    assert 'class="wa-marker" cx="392"' in html_for(offer=0, floor=180000, **WEAK_ROLE)
