"""The walk decision as the page shows it: the verdict's banner, why, the numbers, the
notes, the script, and the 2×2 chart of gap against role.
"""

from __future__ import annotations

import textwrap

from calculators.format import Money
from calculators.markup import Svg, admonition, esc, table
from calculators.walk.result import Reason, Result
from calculators.walk.rules import STRONG_ROLE
from calculators.walk.words import QUADRANT_ACTIONS, QUADRANT_WORDS, RULE_WORDS, VERDICT_WORDS

__all__ = ["render"]

BANNER_KIND = {"accept": "success", "counter": "info", "walk": "warning"}


def _pct(value: float) -> str:
    """A percentage with up to two decimals, so 5.04% never reads as 5%."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _role(result: Result) -> str:
    """The role in words: ``a role score of 3.83`` or ``a role not rated (counts as strong)``."""
    if result.role_score is None:
        return "a role not rated (counts as strong)"
    return f"a role score of {result.role_score:g}"


def _list(title: str, items: tuple[Reason, ...]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{esc(item.label)}</li>" for item in items)
    return f'<p class="wa-subhead"><strong>{esc(title)}</strong></p><ul>{rows}</ul>'


_CHAR_WIDTH = 6.5  # approximate width of a label character at the chart's font size


def _chart(result: Result, layout: str = "wide") -> str:
    """The 2×2: gap to your floor across, role strength up, your position marked.

    ``layout="narrow"`` draws it for a phone's column: a smaller view box, so its text
    shows larger, with each quadrant's advice wrapped to its width."""
    narrow = layout == "narrow"
    if narrow:
        width, height = 300.0, 250.0
        left, right, top, bottom = 50.0, 294.0, 16.0, 196.0
    else:
        width, height = 400.0, 290.0
        left, right, top, bottom = 64.0, 392.0, 16.0, 236.0
    half_w, half_h = (right - left) / 2, (bottom - top) / 2
    gap = min(max(result.gap_pct, 0.0), 30.0)
    # Not rated counts as strong: the marker sits in the middle of the strong half.
    score = 4.25 if result.role_score is None else min(max(result.role_score, 1.0), 5.0)
    # Each half of an axis is one side of a line the rules draw, so the quadrants are equal.
    x = left + (gap / 5 * half_w if gap <= 5 else half_w + (gap - 5) / 25 * half_w)
    y = bottom - (
        (score - 1) / (STRONG_ROLE - 1) * half_h
        if score < STRONG_ROLE
        else half_h + (score - STRONG_ROLE) / (5 - STRONG_ROLE) * half_h
    )
    action = " ".join(QUADRANT_ACTIONS[result.quadrant]).lower()
    chart = Svg(
        width,
        height,
        f"Where your offer sits: {QUADRANT_WORDS[result.quadrant].lower()} "
        f"(a gap of {_pct(result.gap_pct)}, {_role(result)}"
        f"{'' if result.role_score is None else ' of 5'}), "
        f"where the advice is: {action}.",
        layout=layout,
    )
    corners = {
        "strong-small": (left, top),
        "strong-big": (left + half_w, top),
        "weak-small": (left, top + half_h),
        "weak-big": (left + half_w, top + half_h),
    }
    qx, qy = corners[result.quadrant]
    chart.rect(qx, qy, half_w, half_h, "wa-band", title=QUADRANT_WORDS[result.quadrant])
    chart.line(left + half_w, top, left + half_w, bottom, "wa-grid")
    chart.line(left, top + half_h, right, top + half_h, "wa-grid")
    chart.line(left, top, left, bottom, "wa-axis")
    chart.line(left, bottom, right, bottom, "wa-axis")
    chars = int((half_w - 8) / _CHAR_WIDTH)  # what a line of a quadrant's advice may hold
    for quadrant, (cx, cy) in corners.items():
        lines = QUADRANT_ACTIONS[quadrant]
        if narrow and max(len(line) for line in lines) > chars:
            lines = tuple(textwrap.wrap(" ".join(lines), chars))
        for i, line in enumerate(lines):
            chart.text(cx + half_w / 2, cy + 22 + 15 * i, line, "wa-label", "middle")
    chart.text(left, bottom + 15, "0%", "wa-label", "start")
    chart.text(left + half_w, bottom + 15, "5%", "wa-label", "middle")
    chart.text(right, bottom + 15, "30%+", "wa-label", "end")
    chart.text(left + half_w / 2, bottom + 34, "Small gap", "wa-label", "middle")
    big = ("Big gap to", "your floor") if narrow else ("Big gap to your floor",)
    for i, line in enumerate(big):
        chart.text(left + 1.5 * half_w, bottom + 34 + 15 * i, line, "wa-label", "middle")
    chart.text(left - 8, top + 10, "5", "wa-label", "end")
    chart.text(left - 8, top + half_h + 4, f"{STRONG_ROLE:g}", "wa-label", "end")
    chart.text(left - 8, bottom, "1", "wa-label", "end")
    chart.text(left - 8, top + half_h / 2, "Strong", "wa-label", "end")
    chart.text(left - 8, top + half_h / 2 + 14, "role", "wa-label", "end")
    chart.text(left - 8, top + 1.5 * half_h, "Weak", "wa-label", "end")
    chart.text(left - 8, top + 1.5 * half_h + 14, "role", "wa-label", "end")
    chart.circle(
        x,
        y,
        7,
        "wa-marker",
        title=f"You: a gap of {_pct(result.gap_pct)}, {_role(result)}",
    )
    return chart.render()


def render(result: Result, money: Money) -> str:
    """The verdict as a page shows it: banner, why, facts, reasons, notes, script, chart.

    ``result``'s sentences must already be in ``money``'s currency.

    >>> from calculators.walk.inputs import EXAMPLE, parse_or_fail
    >>> from calculators.walk.result import compute
    >>> html = render(compute(parse_or_fail(EXAMPLE), Money("EUR")), Money("EUR"))
    >>> html.startswith('<div class="wa-result wa-result--walk">'), "€195,000" in html
    (True, True)
    """
    verdict = VERDICT_WORDS[result.verdict]
    if result.then_accept:
        verdict = "Counter, then accept"
    gap_words = (
        f"{_pct(result.gap_pct)} under your floor of {money.format(result.floor)}"
        if result.offer < result.floor
        else f"at or above your floor of {money.format(result.floor)}"
    )
    role = (
        "the role isn't rated, so it counts as strong"
        if result.role_score is None
        else f"the role scores {result.role_score:g} of 5"
    )
    headline = f"{verdict}: the offer of {money.format(result.offer)} is {gap_words}, and {role}."
    why = RULE_WORDS[result.rule]
    if result.rule == "real-reason":
        why = f"You ticked a real reason to walk ({result.real_reasons[0].label}). {why}"
    if result.then_accept:
        why += " You haven't countered yet, so counter once first: companies expect it."
    banner = admonition(
        BANNER_KIND[result.verdict],
        "The verdict",
        f'<p class="wa-verdict">{esc(verdict)}</p><p>{esc(result.next_step)}</p>',
    )
    facts = [
        ["The offer", money.format(result.offer)],
        ["Your floor", money.format(result.floor)],
    ]
    if result.target is not None:
        facts.append(["Your target", money.format(result.target)])
    if result.anchor is not None:
        facts.append(["Your anchor", money.format(result.anchor)])
    if result.counter_to is not None:
        facts.append(["Your counter asks for", money.format(result.counter_to)])
    rated = "" if result.rated in (0, 6) else f" ({result.rated} of 6 rated)"
    facts += [
        ["Gap to your floor", _pct(result.gap_pct)],
        [
            "Role score",
            "Not rated (counts as strong)"
            if result.role_score is None
            else f"{result.role_score:g} of 5{rated}",
        ],
        ["Where you stand", QUADRANT_WORDS[result.quadrant]],
    ]
    notes = ""
    if result.notes:
        items = "".join(f"<li>{esc(note)}</li>" for note in result.notes)
        notes = admonition("note", "Keep in mind", f"<ul>{items}</ul>")
    script = esc(result.script)
    return (
        f'<div class="wa-result wa-result--walk"><p class="wa-headline">{esc(headline)}</p>'
        f"{banner}"
        f'<p class="wa-why"><strong>Why:</strong> {esc(why)}</p>'
        f"{table('The numbers behind it', ['What', 'Value'], facts)}"
        f"{_list('Real reasons you ticked', result.real_reasons)}"
        f"{_list('Feelings you ticked (not reasons)', result.not_reasons)}"
        f"{notes}"
        '<p class="wa-subhead"><strong>Your script</strong> '
        "(fill in the parts in [square brackets])</p>"
        '<button type="button" class="md-button wa-copy" data-action="copy-script">'
        "Copy the script</button>"
        f'<pre class="wa-script"><code>{script}</code></pre>'
        # Drawn for wide screens and for narrow ones: the stylesheet shows the one that fits.
        f'<figure class="wa-figure">{_chart(result)}{_chart(result, "narrow")}</figure></div>'
    )
