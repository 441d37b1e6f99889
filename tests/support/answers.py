"""The expected answers' store: the stored cases with their answers, the calculator blocks
of each built page, and :func:`update`, which rewrites them all from today's code.

Each answer is stored once:

- a case is ``CALCULATOR/NAME.json`` (``{"calculator", "inputs", optional "currency"}``)
  with its full expected answer beside it: ``NAME.answer.json`` (the JSON without its
  ``"html"``) and, for a result, ``NAME.answer.html`` (the ``"html"``, one tag to a line);
- a page's calculator blocks are stored as the cases they show: ``pages.json`` names,
  for each built page that has calculator blocks, the case of each block in page order,
  a case ``CALCULATOR/page-PAGE.json`` holding the block's inputs as the page gives them
  (the update writes these from the build; their answers are stored like any case's);
- each calculator's block around its answer (the form, the status line) is stored once,
  for the calculator's own worked example: ``blocks/CALCULATOR.html``, the answer cut
  out (:data:`_ANSWER_SLOT` in its place).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

from calculators import forms
from calculators.api import respond, run
from calculators.registry import CALCULATORS
from tests.support import ROOT
from tests.support.rig import build_site

_EXPECTED = ROOT / "tests" / "expected"
_PAGES = _EXPECTED / "pages.json"
BLOCKS = _EXPECTED / "blocks"
# What stands for the answer in a stored block: the answer is its case's.
_ANSWER_SLOT = "<!-- the answer (answers are stored with the cases) -->"
# The cases the update writes for the pages' blocks are named so (hand-written cases not).
_PAGE_CASE = "page-"


@dataclass(frozen=True)
class Case:
    """One stored case: the inputs a calculator is given, and where its answer is kept."""

    path: Path
    calculator: str
    inputs: object
    currency: str

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.name.removesuffix('.json')}"

    @property
    def answer_path(self) -> Path:
        return self.path.with_name(self.path.name.removesuffix(".json") + ".answer.json")

    @property
    def html_path(self) -> Path:
        return self.answer_path.with_suffix(".html")

    def request(self) -> str:
        """The request the browser's worker sends for this case (``respond``'s input)."""
        return json.dumps(
            {"calculator": self.calculator, "inputs": self.inputs, "currency": self.currency}
        )

    def expected(self) -> tuple[str, str | None]:
        """The stored answer: its JSON text and its HTML (None for errors)."""
        html = self.html_path if self.html_path.is_file() else None
        return (
            self.answer_path.read_text(encoding="utf-8"),
            None if html is None else html.read_text(encoding="utf-8"),
        )


def _case(path: Path) -> Case:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Case(path, data["calculator"], data["inputs"], data.get("currency", "USD"))


def cases() -> list[Case]:
    """Every stored case, in a stable order."""
    paths = sorted(_EXPECTED.glob("*/*.json"))
    return [_case(path) for path in paths if not path.name.endswith(".answer.json")]


def page_cases() -> dict[str, list[Case]]:
    """Each built page that has calculator blocks (``taxes/index.html``), and the case of
    each of its blocks, in page order."""
    pages: dict[str, list[str]] = json.loads(_PAGES.read_text(encoding="utf-8"))
    return {
        page: [_case(_EXPECTED / f"{case_id}.json") for case_id in ids]
        for page, ids in pages.items()
    }


def _one_tag_a_line(html: str) -> str:
    """HTML with a line break after every tag, so that a diff of it reads line by line.

    Only adds a newline after each ``>``, so two texts are equal after it exactly
    when they were equal before: comparing these is comparing byte for byte.
    """
    return html.replace(">", ">\n") + "\n"


def from_one_tag_a_line(text: str) -> str:
    """The HTML that :func:`_one_tag_a_line` was given."""
    return text.removesuffix("\n").replace(">\n", ">")


def answer_text(answer_json: str) -> tuple[str, str | None]:
    """An answer as stored, from ``respond``'s JSON text: the JSON, indented, without its
    ``html``, and the HTML one tag to a line (None when there is none).

    Floats keep their exact digits (``json`` writes the shortest repr), so equal
    texts mean byte-for-byte equal answers.
    """
    answer = json.loads(answer_json)
    html = answer.pop("html", None)
    text = json.dumps(answer, indent=2, ensure_ascii=False) + "\n"
    return text, None if html is None else _one_tag_a_line(html)


def without_answer(block: str, answer_html: str) -> str:
    """A calculator block with its prerendered answer cut out, :data:`_ANSWER_SLOT` in its
    place (the answer must be in it exactly once)."""
    assert block.count(answer_html) == 1, "the block holds its answer once"
    return block.replace(answer_html, _ANSWER_SLOT)


def example_block(name: str) -> str:
    """Calculator ``name``'s block around its answer, as stored: for its worked example,
    the answer cut out, one tag to a line."""
    answer = run(name, CALCULATORS[name].example, html=True)
    assert isinstance(answer["html"], str), answer
    return _one_tag_a_line(without_answer(forms.render_block(name), answer["html"]))


# ---------------------------------------------------------------- the blocks of a built page


class _Blocks(HTMLParser):
    """Finds each calculator block (``div.wa-calc``) in a page, exactly as written."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0]
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.depth = 0
        self.start = -1
        self.blocks: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        if self.depth:
            self.depth += 1
        elif ("class", "wa-calc") in attrs:
            self.depth, self.start = 1, self._offset()

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or not self.depth:
            return
        self.depth -= 1
        if not self.depth:
            end = self.html.index(">", self._offset()) + 1
            self.blocks.append(self.html[self.start : end])


def built_blocks(site_dir: Path) -> dict[str, list[str]]:
    """Every built page that has calculator blocks (``taxes/index.html``), and its blocks,
    byte for byte, in page order."""
    found = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        parser = _Blocks(html)
        parser.feed(html)
        parser.close()
        if parser.blocks:
            found[page.relative_to(site_dir).as_posix()] = parser.blocks
    return found


# ---------------------------------------------------------------- updating


def _write(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


@contextmanager
def _recording_blocks() -> Iterator[dict[str, tuple[str, Mapping[str, object]]]]:
    """While the block runs, each calculator block the build renders, with the calculator
    and the inputs it was rendered for (the page's, or the calculator's example)."""
    render = forms.render_block
    shown: dict[str, tuple[str, Mapping[str, object]]] = {}

    def recording(name: str, inputs: Mapping[str, object] | None = None) -> str:
        block = render(name, inputs)
        shown[block] = (name, dict(CALCULATORS[name].example if inputs is None else inputs))
        return block

    # The build loads the hook afresh, which imports render_block from here.
    with mock.patch.object(forms, "render_block", recording):
        yield shown


def _page_cases() -> Iterator[Path]:
    """Write a case for each block of each built page, and ``pages.json``; yield what
    changed."""
    with tempfile.TemporaryDirectory() as tmp, _recording_blocks() as shown:
        build_site(Path(tmp), "http://127.0.0.1:8000/")
        pages = built_blocks(Path(tmp))
    written: set[Path] = set()
    index: dict[str, list[str]] = {}
    for page, blocks in pages.items():
        slug = page.removesuffix("index.html").strip("/").replace("/", "--") or "home"
        index[page] = []
        for number, block in enumerate(blocks, 1):
            assert block in shown, f"{page}: a block the build did not render"
            name, inputs = shown[block]
            stem = _PAGE_CASE + slug + ("" if number == 1 else f"-{number}")
            path = _EXPECTED / name / f"{stem}.json"
            case = {"calculator": name, "inputs": inputs}
            if _write(path, json.dumps(case, ensure_ascii=False) + "\n"):
                yield path
            written.add(path)
            index[page].append(_case(path).id)
    for old in _EXPECTED.glob(f"*/{_PAGE_CASE}*.json"):
        if old.name.endswith(".answer.json") or old in written:
            continue
        for stale in (old, _case(old).answer_path, _case(old).html_path):
            if stale.is_file():
                stale.unlink()
                yield stale
    if _write(_PAGES, json.dumps(index, indent=2) + "\n"):
        yield _PAGES


def update() -> Iterator[Path]:
    """Write every expected answer, each page's cases and each calculator's block from
    today's code; yield what changed."""
    yield from _page_cases()
    for name in CALCULATORS:
        path = BLOCKS / f"{name}.html"
        if _write(path, example_block(name)):
            yield path
    for old in BLOCKS.glob("*.html"):
        if old.stem not in CALCULATORS:
            old.unlink()
            yield old
    for case in cases():
        text, html = answer_text(respond(case.request()))
        if _write(case.answer_path, text):
            yield case.answer_path
        if html is None and case.html_path.is_file():
            case.html_path.unlink()
            yield case.html_path
        elif html is not None and _write(case.html_path, html):
            yield case.html_path
