"""HTML and SVG for results: escaping, tables, admonitions, and a small chart builder.

Everything here is deterministic (same input, same markup, on CPython and in
Pyodide) and escapes every piece of text it is given. The markup uses
Material for MkDocs' own classes (admonitions, buttons, table wrappers) so a
result looks like the rest of the guide, plus ``wa-`` classes styled by
``docs/stylesheets/calculators.css``.

>>> esc('<b title="x">')
'&lt;b title=&quot;x&quot;&gt;'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["Svg", "admonition", "esc", "nice_step", "num", "table"]


# What html.escape(text, quote=True) replaces, and with what. The html module
# is not imported for it: it brings its table of 2,000 named characters
# (html.entities), and the memory snapshot a reader downloads would carry
# them all (130 kB of it) for these five.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def esc(text: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return str(text).translate(_ESCAPES)


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

    A chart drawn twice, for wide screens and for narrow ones (where the drawing
    shrinks with the screen, so its text would be too small to read), names its
    ``layout``; the stylesheet shows the one that fits.

    >>> chart = Svg(100, 50, "A bar", layout="narrow")
    >>> chart.rect(0, 0, 10, 20, "wa-s1", title="Base: $1")
    >>> chart.render().startswith('<svg class="wa-chart wa-chart--narrow"')
    True
    """

    width: float
    height: float
    label: str
    parts: list[str] = field(default_factory=list)
    layout: str = ""

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
        layout = f" wa-chart--{esc(self.layout)}" if self.layout else ""
        return (
            f'<svg class="wa-chart{layout}" viewBox="0 0 {num(self.width)} {num(self.height)}" '
            f'role="img" aria-label="{esc(self.label)}">' + "".join(self.parts) + "</svg>"
        )
