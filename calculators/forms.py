"""Forms generated from field metadata, and the whole calculator block of a page.

The docs build calls :func:`render_block` for each calculator block in the
guide: the form (filled with the block's inputs) and the result for those
inputs, rendered by the calculator itself. The browser glue then reads the
form by its field names (``offers[1].base``), sends it to the worker and swaps
in the new result; it adds and removes offers by cloning the ``<template>``
this module writes, so it never needs to know a calculator's fields.

>>> html = render_block("runway", {"savings": "30k", "monthly_expenses": "6000"})
>>> 'name="savings"' in html and 'value="30k"' in html
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from calculators.api import run
from calculators.arithmetic import plain
from calculators.format import CURRENCIES
from calculators.markup import esc
from calculators.registry import CALCULATORS
from calculators.schema import Calculator, Field, Group

__all__ = ["BlockError", "render_block", "render_form"]

INDEX = "__INDEX__"  # replaced by the browser glue when it clones an item template
NUMBER = "__NUMBER__"


class BlockError(ValueError):
    """A calculator block in a page that can't be rendered (unknown name, bad inputs)."""


def _as_text(value: object) -> str:
    """A value as it would sit in a text box: 158400.0 shows as ``158400``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, float):
        return plain(value)
    return str(value)


# How a rating's select names its values; empty is "not rated".
RATING_CHOICES = (
    ("", "Not rated"),
    ("1", "1 (poor)"),
    ("2", "2 (below par)"),
    ("3", "3 (fine)"),
    ("4", "4 (good)"),
    ("5", "5 (excellent)"),
)


def _choices(field: Field) -> tuple[tuple[str, str], ...]:
    """The (value, label) pairs of a field shown as a select, or () for any other control."""
    if field.kind == "choice":
        return field.choices
    if field.kind == "rating":
        return RATING_CHOICES
    low, high = field.minimum, field.maximum
    if field.kind == "integer" and low is not None and high is not None and high - low <= 4:
        return tuple((str(n), str(n)) for n in range(int(low), int(high) + 1))
    return ()


def _dom_id(calc: str, name: str) -> str:
    return f"wa-{calc}-" + name.replace("[", "-").replace("].", "-").replace("]", "")


def _field(calc: str, field: Field, name: str, value: object, read: str = "") -> str:
    """One labelled input with its help text and an (empty) error slot."""
    dom = _dom_id(calc, name)
    help_id, error_id, read_id = f"{dom}-help", f"{dom}-error", f"{dom}-read"
    numeric = field.kind in ("amount", "percent", "integer", "months", "index")
    described = " ".join(
        ([help_id] if field.help else []) + ([read_id] if numeric else []) + [error_id]
    )
    common = f'id="{dom}" name="{esc(name)}" aria-describedby="{described}"'
    text = _as_text(value if value is not None else field.default)
    help_html = f'<p class="wa-help" id="{help_id}">{esc(field.help)}</p>' if field.help else ""
    error_html = f'<p class="wa-error" id="{error_id}" hidden></p>'
    # What a number typed other than as plain digits was read as ("read as 90,000").
    shown = f">{esc(read)}" if read else " hidden>"
    read_html = f'<p class="wa-read" id="{read_id}"{shown}</p>' if numeric else ""

    if field.kind == "flag":
        checked = " checked" if text == "on" or text.lower() == "true" else ""
        return (
            f'<div class="wa-field wa-field--flag" data-field="{esc(name)}">'
            f'<input type="checkbox" {common}{checked}>'
            f'<label for="{dom}">{esc(field.label)}</label>{help_html}{error_html}</div>'
        )
    choices = _choices(field)
    if choices:
        options = "".join(
            f'<option value="{esc(value)}"{" selected" if value == text else ""}>'
            f"{esc(label)}</option>"
            for value, label in choices
        )
        control = f"<select {common}>{options}</select>"
    else:
        mode = ' inputmode="decimal"' if numeric else ""
        kind = "date" if field.kind == "date" else "text"
        placeholder = f' placeholder="{esc(field.placeholder)}"' if field.placeholder else ""
        datalist = ""
        if field.suggestions:
            list_id = f"{dom}-list"
            placeholder += f' list="{list_id}"'
            datalist = (
                f'<datalist id="{list_id}">'
                + "".join(f'<option value="{esc(s)}"></option>' for s in field.suggestions)
                + "</datalist>"
            )
        aria_required = ' aria-required="true"' if field.required else ""
        # The page fills a data-today date with the reader's own date (calculator.js).
        today = " data-today" if field.today else ""
        control = (
            f'<input type="{kind}" {common} value="{esc(text)}"{mode}{placeholder}'
            f'{aria_required}{today} autocomplete="off" spellcheck="false">{datalist}'
        )
    unit = ""
    if field.kind == "amount":
        symbol = esc(CURRENCIES["USD"])
        unit = f'<span class="wa-unit wa-unit--money" aria-hidden="true">{symbol}</span>'
    elif field.unit:
        unit = f'<span class="wa-unit" aria-hidden="true">{esc(field.unit)}</span>'
    fill = ""
    if field.fill_from:
        source, key, text = field.fill_from
        fill = (
            '<button type="button" class="md-button wa-fill" data-action="fill" '
            f'data-fill-from="{esc(source)}.{esc(key)}" data-fill-name="{esc(name)}" hidden>'
            f"{esc(text)}: "
            '<span class="wa-fill-value"></span></button>'
        )
    when = f' data-when="{esc("=".join(field.shown_when))}"' if field.shown_when else ""
    return (
        f'<div class="wa-field wa-field--{field.kind}" data-field="{esc(name)}"{when}>'
        f'<label for="{dom}">{esc(field.label)}</label>'
        f'<div class="wa-control">{control}{unit}</div>{read_html}{fill}{help_html}'
        f"{error_html}</div>"
    )


def _fieldsets(
    calc: str,
    fields: Sequence[Field],
    values: Mapping[str, object],
    prefix: str = "",
    read_as: Mapping[str, str] | None = None,
) -> str:
    """Fields in their groups, one fieldset per group, in declaration order."""
    sections: dict[str, list[str]] = {}
    for field in fields:
        name = prefix + field.name
        read = (read_as or {}).get(name, "")
        sections.setdefault(field.group, []).append(
            _field(calc, field, name, values.get(field.name), read)
        )
    out = []
    for title, parts in sections.items():
        legend = f"<legend>{esc(title)}</legend>" if title else ""
        out.append(f'<fieldset class="wa-section">{legend}{"".join(parts)}</fieldset>')
    return "".join(out)


def _group_item(
    calc: str,
    group: Group,
    values: Mapping[str, object],
    index: str,
    number: str,
    read_as: Mapping[str, str] | None = None,
) -> str:
    prefix = f"{group.name}[{index}]."
    return (
        f'<fieldset class="wa-item" data-group="{esc(group.name)}" data-index="{index}">'
        f'<legend>{esc(group.item_label)} <span class="wa-item-number">{number}</span></legend>'
        f"{_fieldsets(calc, group.fields, values, prefix, read_as)}"
        '<button type="button" class="md-button wa-remove" data-action="remove-item" '
        f'data-group="{esc(group.name)}">'
        f'Remove {esc(group.item_label.lower())} <span class="wa-item-number">{number}</span>'
        "</button></fieldset>"
    )


def _group(calc: str, group: Group, items: object, read_as: Mapping[str, str] | None = None) -> str:
    rows = [item for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []
    rows = rows[: group.max_items] or [{}]
    body = "".join(
        _group_item(calc, group, row, str(i), str(i + 1), read_as) for i, row in enumerate(rows)
    )
    template = _group_item(calc, group, {}, INDEX, NUMBER)
    return (
        f'<div class="wa-group" data-group="{esc(group.name)}" data-min="{group.min_items}" '
        f'data-max="{group.max_items}"><h3 class="wa-group-title">{esc(group.label)}</h3>'
        f'<div class="wa-items">{body}</div>'
        f'<template class="wa-template" data-group="{esc(group.name)}">{template}</template>'
        '<button type="button" class="md-button wa-add" data-action="add-item" '
        f'data-group="{esc(group.name)}">'
        f"Add {esc(group.item_label.lower())}</button></div>"
    )


def render_form(
    calculator: Calculator[Any, Any],
    inputs: Mapping[str, object],
    read_as: Mapping[str, str] | None = None,
) -> str:
    """The form for ``calculator``, its fields filled with ``inputs`` (defaults elsewhere),
    each number typed other than as plain digits with what it was read as (``read_as``)."""
    calc = calculator.name
    groups = "".join(_group(calc, g, inputs.get(g.name), read_as) for g in calculator.groups)
    currency = "".join(
        f'<option value="{code}" data-symbol="{esc(symbol)}"'
        f"{' selected' if code == 'USD' else ''}>{code}</option>"
        for code, symbol in CURRENCIES.items()
    )
    return (
        f'<form class="wa-form" data-calculator="{esc(calc)}" novalidate autocomplete="off" '
        f'aria-label="{esc(calculator.title)}: your numbers">'
        f"{groups}{_fieldsets(calc, calculator.fields, inputs, '', read_as)}"
        '<div class="wa-toolbar">'
        f'<label class="wa-currency-label" for="wa-{calc}-currency">Show amounts in</label>'
        f'<select class="wa-currency" id="wa-{calc}-currency">{currency}</select>'
        '<button type="button" class="md-button wa-share" data-action="share">'
        "Copy a link to these numbers</button>"
        '<button type="button" class="md-button wa-clear" data-action="clear">'
        "Clear my numbers</button>"
        "</div></form>"
    )


def render_block(name: str, inputs: Mapping[str, object] | None = None) -> str:
    """A page's calculator: the form and the prerendered result for ``inputs``.

    ``inputs`` of None uses the calculator's own example. Inputs that don't
    compute raise :class:`BlockError`: a page must show a worked example.
    """
    calculator = CALCULATORS.get(name)
    if calculator is None:
        raise BlockError(f"unknown calculator {name!r}; use one of {', '.join(CALCULATORS)}")
    values = dict(calculator.example if inputs is None else inputs)
    answer = run(name, values, html=True)
    if not answer["ok"]:
        problems = answer["errors"]
        assert isinstance(problems, list)
        raise BlockError("; ".join(str(p["message"]) for p in problems))
    read_as = answer["read_as"]
    assert isinstance(read_as, dict)
    return (
        f'<div class="wa-calc" data-calculator="{esc(name)}" id="calculator-{esc(name)}">'
        f"{render_form(calculator, values, read_as)}"
        # What a reader sees when the page's script can't run (no JavaScript, or
        # the page opened from a file); the browser glue replaces it at once. It
        # reaches readers of the published guide: what they can do, no command.
        '<div class="wa-status" role="status" data-state="static">'
        "<span>Below is a worked example for the numbers shown. To recompute it with your "
        "numbers, open this guide from its web address with JavaScript on: a page saved to "
        "your device and opened as a file can't run the calculator.</span></div>"
        # What a screen reader hears of a recompute: the result's one-sentence summary,
        # or a field's error, once the reader pauses (the browser glue writes it). The
        # result itself is no live region: a recompute changes dozens of its texts.
        '<div class="wa-announce" aria-live="polite" aria-atomic="true"></div>'
        f'<div class="wa-output">{answer["html"]}</div>'
        "</div>"
    )
