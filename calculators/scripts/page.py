"""The scripts as the guide's Markdown, for the build hook.

A page asks for a script with a line of its own, ``[[script: give-a-range]]``,
and for the placeholder table with ``[[placeholders]]``. :func:`expand` swaps
each marker for Markdown the page's own extensions render: a script with
several channels becomes Material content tabs (``=== "Phone"``) each holding a
``text`` code block, a script with one channel a bare ``text`` block, so the
built page has the tabs, the copy buttons and the words it had when they were
written into it by hand.
"""

from __future__ import annotations

import re

from calculators.scripts import SCRIPTS, script
from calculators.scripts.placeholders import rows
from calculators.scripts.script import Script

MARKER = re.compile(r"^(?P<indent>[ \t]*)\[\[(?P<what>[^\]\n]*)\]\][ \t]*$", re.MULTILINE)


class MarkerError(ValueError):
    """A marker that names no script, or isn't one the page understands."""


CAUTION = "Only if it's true:"  # what a script's caution follows, on the page and in a plan


def _fence(text: str) -> list[str]:
    return ["```text", *text.splitlines(), "```"]


def _indent(lines: list[str], prefix: str) -> list[str]:
    return [prefix + line if line else "" for line in lines]


def script_markdown(item: Script) -> str:
    """One script as Markdown: content tabs for several channels, else a bare block.

    >>> print(script_markdown(script("still-interviewing")).splitlines()[0])
    ```text
    >>> print("\\n".join(script_markdown(script("give-a-range")).splitlines()[:3]))
    === "Phone"
    <BLANKLINE>
        ```text
    """
    caution = [] if not item.caution else ["", f"**{CAUTION}** {item.caution}"]
    if len(item.variants) == 1:
        return "\n".join([*_fence(item.variants[0][1]), *caution])
    lines: list[str] = []
    for channel, text in item.variants:
        if lines:
            lines.append("")
        lines += [f'=== "{channel}"', "", *_indent(_fence(text), "    ")]
    return "\n".join([*lines, *caution])


def placeholders_markdown() -> str:
    """The placeholder table, one row per definition.

    >>> print("\\n".join(placeholders_markdown().splitlines()[:3]))
    | Placeholder | What goes there |
    |---|---|
    | `[$ANCHOR]` | Your opening anchor, as total compensation a year. Your **first** counter names this number, and it is the top of any range you give. |
    """  # noqa: E501
    lines = ["| Placeholder | What goes there |", "|---|---|"]
    for tokens, meaning in rows():
        lines.append("| " + ", ".join(f"`{token}`" for token in tokens) + f" | {meaning} |")
    return "\n".join(lines)


def expand(markdown: str) -> str:
    """A page's Markdown with every script and placeholder marker expanded.

    >>> from calculators.scripts import PLACEHOLDERS
    >>> table = expand("Intro.\\n\\n[[placeholders]]\\n")
    >>> all(f"`{token}`" in table for token in PLACEHOLDERS), table.count("| `[")
    (True, 12)
    >>> expand("[[script: nothing-here]]")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calculators.scripts.page.MarkerError: [[script: nothing-here]] names no script (there are: ...)
    """

    def one(match: re.Match[str]) -> str:
        what = match.group("what").strip()
        if what == "placeholders":
            made = placeholders_markdown()
        elif what.startswith("script:"):
            name = what.removeprefix("script:").strip()
            try:
                made = script_markdown(script(name))
            except KeyError:
                known = ", ".join(s.id for s in SCRIPTS)
                raise MarkerError(f"[[{what}]] names no script (there are: {known})") from None
        else:
            raise MarkerError(f"[[{what}]]: write [[script: <id>]] or [[placeholders]]")
        return "\n".join(_indent(made.splitlines(), match.group("indent")))

    return MARKER.sub(one, markdown)
