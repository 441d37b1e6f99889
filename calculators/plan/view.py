"""Your plan as the page shows it: the headline, the next step, your numbers, the dated
steps, every script filled with copy buttons, and the print and calendar buttons.
"""

from __future__ import annotations

from calculators.format import Money, fmt_months
from calculators.markup import admonition, esc, table
from calculators.plan.result import Result
from calculators.plan.words import FilledScript
from calculators.scripts.page import CAUTION

__all__ = ["render"]

_KIND = {"accept": "success", "counter": "info", "walk": "warning"}


def _numbers(result: Result, money: Money) -> str:
    read = result.read
    rows: list[list[str]] = []
    for key, label in (
        ("floor", "Your floor"),
        ("target", "Your target"),
        ("anchor", "Your anchor"),
        ("offer", "The offer"),
    ):
        value = read.get(key)
        rows.append([label, money.format(value) if isinstance(value, float) else "Not given"])
    if result.counter_to is not None:
        rows.append(["Your counter asks for", money.format(result.counter_to)])
    if result.runway_band is not None:
        months = result.runway_months
        runway = "Indefinite" if months is None else fmt_months(months)
        rows.append(["Your runway", f"{runway} ({result.runway_band})"])
    return table("Your numbers", ["What", "Value"], rows)


def _script(script: FilledScript) -> str:
    badge = ' <span class="wa-badge">Use this now</span>' if script.now else ""
    # A printed plan keeps the scripts its steps use (wa-plan-script--used).
    used = " wa-plan-script--used" if script.used else ""
    parts = [
        f'<section class="wa-plan-script{used}" id="plan-{esc(script.id)}">'
        f"<h4>{esc(script.title)}{badge}</h4>"
        f'<p class="wa-help"><strong>When:</strong> {esc(script.when)}</p>'
    ]
    for channel, text in script.variants:
        parts.append(
            f'<div class="wa-copyable"><p class="wa-subhead"><strong>{esc(channel)}</strong></p>'
            '<button type="button" class="md-button wa-copy" data-action="copy-script">'
            f"Copy</button>"
            f'<pre class="wa-script"><code>{esc(text)}</code></pre></div>'
        )
    if script.caution:
        parts.append(
            f'<p class="wa-help"><strong>{esc(CAUTION)}</strong> {esc(script.caution)}</p>'
        )
    if script.unfilled:
        parts.append(f'<p class="wa-help">Still to fill in: {esc(", ".join(script.unfilled))}</p>')
    parts.append("</section>")
    return "".join(parts)


def render(result: Result, money: Money) -> str:
    """The plan as an HTML fragment; ``result``'s sentences are in ``money``'s currency."""
    out = [
        '<div class="wa-result wa-result--plan">',
        f'<p class="wa-headline">{esc(result.summary)}</p>',
    ]
    if result.verdict is not None and result.next_step is not None:
        out.append(
            admonition(_KIND[result.verdict], "The next step", f"<p>{esc(result.next_step)}</p>")
        )
    out.append(_numbers(result, money))
    items = "".join(f"<li>{esc(step.text)}</li>" for step in result.steps)
    out.append(
        f'<h3 class="wa-plan-title">Your plan, day by day</h3><ol class="wa-steps">{items}</ol>'
    )
    if result.notes:
        body = "".join(f"<p>{esc(note)}</p>" for note in result.notes)
        out.append(admonition("note", "Good to know", body))
    out.append('<div class="wa-plan-actions">')
    out.append('<button type="button" class="md-button" data-action="print">Print my plan</button>')
    if result.calendar is not None:
        out.append(
            '<button type="button" class="md-button" data-action="calendar">'
            "Add the deadline to my calendar</button>"
            # Its lines end in CRLF, as iCalendar asks: written &#13; so that no HTML
            # parser (the build's Markdown, the browser's) folds them into LF.
            f'<pre class="wa-calendar" hidden>{esc(result.calendar).replace(chr(13), "&#13;")}'
            "</pre>"
        )
    out.append("</div>")
    out.append('<h3 class="wa-plan-title">Your scripts, filled in</h3>')
    out.extend(_script(script) for script in result.scripts)
    out.append("</div>")
    return "".join(out)
