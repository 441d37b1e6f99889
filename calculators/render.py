"""Shared pieces for rendering results as HTML fragments with inline SVG.

Everything here is deterministic (same input, same markup, on CPython and in
Pyodide) and escapes every piece of text it is given. The markup uses
Material for MkDocs' own classes (admonitions, buttons, table wrappers) so a
result looks like the rest of the guide, plus ``wa-`` classes styled by
``docs/stylesheets/calculators.css``.

>>> Money("EUR").format(1234567.891)
'€1,234,568'
>>> esc('<b title="x">')
'&lt;b title=&quot;x&quot;&gt;'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from html import escape

__all__ = [
    "CURRENCIES",
    "Money",
    "Svg",
    "admonition",
    "esc",
    "fmt_months",
    "fmt_pct",
    "nice_step",
    "num",
    "table",
]

# The currencies a reader can pick for display; amounts themselves carry none.
CURRENCIES: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CAD": "CA$",
    "AUD": "A$",
    "INR": "₹",
    "JPY": "¥",
    "CHF": "CHF\u00a0",
}


def esc(text: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return escape(str(text), quote=True)


@dataclass(frozen=True)
class Money:
    """Formats amounts in the reader's currency, whole units, thousands separated."""

    currency: str = "USD"

    @property
    def symbol(self) -> str:
        return CURRENCIES.get(self.currency, "$")

    def format(self, amount: float, *, signed: bool = False) -> str:
        """``$180,000``; with ``signed``, ``+$12,000`` / ``−$3,000``.

        >>> Money().format(-2500.4, signed=True)
        '−$2,500'
        """
        rounded = round(amount)
        sign = ""
        if rounded < 0:
            sign = "−"
        elif signed and rounded > 0:
            sign = "+"
        return f"{sign}{self.symbol}{abs(rounded):,}"

    def short(self, amount: float) -> str:
        """A compact form for chart axes: ``$250k``, ``$1.2m``.

        >>> Money().short(1_250_000), Money().short(250_000), Money().short(0)
        ('$1.25m', '$250k', '$0')
        """
        value = abs(amount)
        sign = "−" if amount < 0 else ""
        if value >= 1e6:
            return f"{sign}{self.symbol}{value / 1e6:.3g}m"
        if value >= 1e3:
            return f"{sign}{self.symbol}{value / 1e3:.3g}k"
        return f"{sign}{self.symbol}{value:.0f}"


def _one_decimal(value: float) -> str:
    """One decimal, rounded half up from the number as written (results are already
    rounded to two decimals, so 10.45 must show as 10.5, not as float's 10.4).

    >>> _one_decimal(10.45), _one_decimal(2.0), _one_decimal(1.38)
    ('10.5', '2', '1.4')
    """
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".removesuffix(".0")


def fmt_pct(value: float, *, signed: bool = False) -> str:
    """A percentage with at most one decimal: ``27.9%``, ``+5%``.

    >>> fmt_pct(27.94), fmt_pct(5.0, signed=True), fmt_pct(-3.25), fmt_pct(10.45)
    ('27.9%', '+5%', '−3.3%', '10.5%')
    """
    text = _one_decimal(abs(value))
    sign = "−" if value < 0 and text != "0" else ("+" if signed and value > 0 else "")
    return f"{sign}{text}%"


def fmt_months(value: float) -> str:
    """Months with one decimal: ``5 months``, ``1.4 months``, ``1 month``.

    >>> fmt_months(5.0), fmt_months(1.38), fmt_months(1)
    ('5 months', '1.4 months', '1 month')
    """
    text = _one_decimal(value)
    return f"{text} month" if text == "1" else f"{text} months"


def num(value: float) -> str:
    """A coordinate for SVG: one decimal at most, no trailing ``.0``.

    >>> num(12.0), num(3.14159), num(-0.04)
    ('12', '3.1', '0')
    """
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def nice_step(top: float, steps: int = 4) -> float:
    """A round gridline step (1, 2, 2.5 or 5 times a power of ten) that reaches
    ``top`` in at most ``steps`` steps. No libm (log10) is used, so CPython and
    Pyodide give the same digits.

    >>> nice_step(287_000), nice_step(10_000), nice_step(4)
    (100000.0, 2500.0, 1.0)
    """
    raw = top / steps
    magnitude = 1.0  # the power of ten at or below raw
    while magnitude * 10 <= raw:
        magnitude *= 10
    while magnitude > raw:
        magnitude /= 10
    for multiple in (1.0, 2.0, 2.5, 5.0):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude


def table(
    caption: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric_from: int = 1,
    footer: Sequence[str] | None = None,
) -> str:
    """A table in Material's wrappers; cells are plain text (escaped here).

    Columns from ``numeric_from`` on are right-aligned numbers. The first cell
    of each row is a row header.
    """

    def cells(row: Sequence[str], tag: str) -> str:
        out = []
        for i, cell in enumerate(row):
            cell_tag = "th" if i == 0 and tag == "td" else tag
            scope = ' scope="row"' if cell_tag == "th" and tag == "td" else ""
            align = ' class="wa-num"' if i >= numeric_from else ""
            out.append(f"<{cell_tag}{scope}{align}>{esc(cell)}</{cell_tag}>")
        return "".join(out)

    head = "".join(
        f'<th scope="col"{" class=" + chr(34) + "wa-num" + chr(34) if i >= numeric_from else ""}>'
        f"{esc(h)}</th>"
        for i, h in enumerate(header)
    )
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    foot = f"<tfoot><tr>{cells(footer, 'td')}</tr></tfoot>" if footer else ""
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
        f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody>{foot}</table></div></div>"
    )


def admonition(kind: str, title: str, body_html: str) -> str:
    """A Material admonition; ``body_html`` must already be escaped markup."""
    return (
        f'<div class="admonition {esc(kind)}"><p class="admonition-title">{esc(title)}</p>'
        f"{body_html}</div>"
    )


@dataclass
class Svg:
    """A small builder for an accessible, responsive inline SVG chart.

    >>> chart = Svg(100, 50, "A bar")
    >>> chart.rect(0, 0, 10, 20, "wa-s1", title="Base: $1")
    >>> chart.render().startswith('<svg class="wa-chart"')
    True
    """

    width: float
    height: float
    label: str
    parts: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, cls: str, *, title: str = "") -> None:
        tip = f"<title>{esc(title)}</title>" if title else ""
        self.parts.append(
            f'<rect class="{esc(cls)}" x="{num(x)}" y="{num(y)}" width="{num(max(w, 0))}" '
            f'height="{num(max(h, 0))}">{tip}</rect>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str) -> None:
        self.parts.append(
            f'<line class="{esc(cls)}" x1="{num(x1)}" y1="{num(y1)}" '
            f'x2="{num(x2)}" y2="{num(y2)}"/>'
        )

    def text(self, x: float, y: float, content: str, cls: str = "", anchor: str = "start") -> None:
        self.parts.append(
            f'<text class="{esc(cls)}" x="{num(x)}" y="{num(y)}" text-anchor="{anchor}">'
            f"{esc(content)}</text>"
        )

    def path(
        self, points: Sequence[tuple[float, float]], cls: str, *, closed: bool = False
    ) -> None:
        if not points:
            return
        d = " ".join(
            f"{'M' if i == 0 else 'L'}{num(x)} {num(y)}" for i, (x, y) in enumerate(points)
        )
        self.parts.append(f'<path class="{esc(cls)}" d="{d}{" Z" if closed else ""}"/>')

    def circle(self, x: float, y: float, r: float, cls: str, *, title: str = "") -> None:
        tip = f"<title>{esc(title)}</title>" if title else ""
        self.parts.append(
            f'<circle class="{esc(cls)}" cx="{num(x)}" cy="{num(y)}" r="{num(r)}">{tip}</circle>'
        )

    def render(self) -> str:
        return (
            f'<svg class="wa-chart" viewBox="0 0 {num(self.width)} {num(self.height)}" '
            f'role="img" aria-label="{esc(self.label)}">' + "".join(self.parts) + "</svg>"
        )
