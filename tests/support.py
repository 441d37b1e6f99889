"""What the tests and the benchmark share: the stored cases with their expected answers,
the built site and how it is served, and the checks every answer must pass.

Regenerate the expected answers from today's code (then read the diff: it is the
change in behaviour) with ``python -m tests.support --update``.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

from calculators.format import Money
from calculators.registry import CALCULATORS
from calculators.schema import FieldError

ROOT = Path(__file__).parents[1]

# ---------------------------------------------------------------- stored cases

# Each case is CALCULATOR/NAME.json ({"calculator", "inputs", optional "currency"})
# with its full expected answer beside it: NAME.answer.json (the JSON without its
# "html") and, for a result, NAME.answer.html (the "html", one tag to a line).
EXPECTED = ROOT / "tests" / "expected"
# The calculator blocks of each built page, as prerendered: pages/PAGE.html.
PAGE_BLOCKS = EXPECTED / "pages"


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


def cases() -> list[Case]:
    """Every stored case, in a stable order."""
    found = []
    for path in sorted(EXPECTED.glob("*/*.json")):
        if path.name.endswith(".answer.json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        found.append(Case(path, data["calculator"], data["inputs"], data.get("currency", "USD")))
    return found


def one_tag_a_line(html: str) -> str:
    """HTML with a line break after every tag, so that a diff of it reads line by line.

    Only adds a newline after each ``>``, so two texts are equal after it exactly
    when they were equal before: comparing these is comparing byte for byte.
    """
    return html.replace(">", ">\n") + "\n"


def from_one_tag_a_line(text: str) -> str:
    """The HTML that :func:`one_tag_a_line` was given."""
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
    return text, None if html is None else one_tag_a_line(html)


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


def calculator_blocks(html: str) -> list[str]:
    """The calculator blocks of a built page, byte for byte, in page order."""
    parser = _Blocks(html)
    parser.feed(html)
    parser.close()
    return parser.blocks


def page_blocks_path(page: str) -> Path:
    """Where the blocks of a built page (``when-to-walk/index.html``) are stored."""
    name = page.removesuffix("index.html").strip("/").replace("/", "--") or "home"
    return PAGE_BLOCKS / f"{name}.html"


def built_page_blocks(site_dir: Path) -> dict[Path, str]:
    """Every built page that has calculator blocks: where they are stored, and the blocks."""
    found = {}
    for page in sorted(site_dir.rglob("*.html")):
        blocks = calculator_blocks(page.read_text(encoding="utf-8"))
        if blocks:
            stored = "".join(one_tag_a_line(block) for block in blocks)
            found[page_blocks_path(page.relative_to(site_dir).as_posix())] = stored
    return found


# ---------------------------------------------------------------- the calculators, called directly


def parsed(name: str, data: object) -> Any:
    """Calculator ``name``'s parsed inputs, failing the test on input errors."""
    inputs = CALCULATORS[name].parse(data)
    assert not isinstance(inputs, list), inputs
    return inputs


def computed(name: str, data: object, currency: str = "USD") -> Any:
    """Calculator ``name``'s result for ``data``, failing the test on input errors."""
    return CALCULATORS[name].compute(parsed(name, data), Money(currency))


def rendered(name: str, data: object, currency: str = "USD") -> str:
    """The HTML a page shows for ``data``, in ``currency``."""
    calculator = CALCULATORS[name]
    inputs = parsed(name, data)
    money = Money(currency)
    return calculator.render(inputs, calculator.compute(inputs, money), money)


def errors(name: str, data: object) -> list[FieldError]:
    """Every problem calculator ``name`` finds with ``data``, failing the test if none."""
    found = CALCULATORS[name].parse(data)
    assert isinstance(found, list), found
    return found


def error_fields(name: str, data: object) -> list[str]:
    """The fields of every problem found, in order."""
    return [error.field for error in errors(name, data)]


# Inputs the tests of a calculator share.
RATING_IDS = ["scope", "manager", "team", "growth", "location", "equity_quality"]
STRONG_ROLE = {"scope": 4, "manager": 4, "team": 4, "growth": 4, "location": 3, "equity_quality": 3}
WEAK_ROLE = {"scope": 2, "manager": 3, "team": 3, "growth": 2, "location": 3, "equity_quality": 3}
# The walk decision's real reasons and feelings, by the spec's field names, in form order.
REAL_REASON_IDS = [
    "recruiter_pushback",
    "scope_downgraded",
    "serious_red_flag",
    "bad_faith",
    "one_sided_concessions",
    "authority_problem",
    "scope_drift",
    "unreasonable_demands",
    "incompatible_objectives",
]
FEELING_IDS = [
    "under_wish_above_floor",
    "slow_process",
    "tired",
    "might_pay_more_later",
    "friend_higher_offer",
]
# The spec's worked offer: base 180000, bonus 15%, equity 200000 at 25/25/25/25, sign-on 30000.
WORKED_OFFER: dict[str, object] = {
    "base": 180000,
    "bonus_target_pct": 15,
    "equity_grant": 200000,
    "vesting": "25/25/25/25",
    "sign_on": 30000,
}
# The spec's first runway example: 30000 of savings at 6000 a month.
RUNWAY_BASE: dict[str, object] = {"savings": 30000, "monthly_expenses": 6000}


# ---------------------------------------------------------------- answers


def assert_sound_answer(answer: dict[str, object]) -> None:
    """A JSON-clean result, or a non-empty list of field errors, none of them internal."""
    json.dumps(answer, allow_nan=False)
    if answer["ok"]:
        return
    errors = answer["errors"]
    assert isinstance(errors, list)
    assert errors
    for error in errors:
        assert set(error) == {"field", "message"}
        assert "Internal error" not in error["message"]


# ---------------------------------------------------------------- the built site


@dataclass(frozen=True)
class Site:
    """A strict build of the guide and the address it is served at."""

    directory: Path
    url: str  # with a trailing slash
    # What the server sent, in order: (path, status). A browser that reuses a
    # response from its cache sends nothing, or a revalidation answered 304.
    served: list[tuple[str, int]] = field(default_factory=list)
    # Set, the server answers nothing (it closes each connection): the network is down
    # for this site, in any browser (the engines' tests, which can't set one offline).
    down: threading.Event = field(default_factory=threading.Event)

    def pages(self) -> list[Path]:
        return sorted(self.directory.rglob("*.html"))

    @property
    def runtime(self) -> Path:
        """This build's folder of what the browser runs (``assets/walkaway/<build>/``)."""
        (folder,) = {path.parent for path in self.directory.glob("assets/walkaway/*/worker.js")}
        return folder

    @property
    def pyodide(self) -> Path:
        """This build's folder of Pyodide's core (``assets/pyodide/<version>-<hash>/``)."""
        (folder,) = {path.parent for path in self.directory.glob("assets/pyodide/*/pyodide.mjs")}
        return folder


# Content types for what the site serves (the tests' server and the benchmark's):
# module scripts and WebAssembly in particular need their proper types.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
}


def build_site(directory: Path, url: str) -> None:
    """Build the guide strictly into ``directory`` for serving at ``url``.

    Instant navigation only works when site_url matches the address served.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"), site_dir=str(directory), site_url=url, strict=True
    )
    build(config)


# ---------------------------------------------------------------- the browser

# As the machine notes say: without the background-networking flags Chromium
# tries to reach Google's hosts at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly, with the content types above; when its server has a
    ``served`` list, notes each response there (tests that count downloads: Site.served)."""

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the output quiet."""

    def handle_one_request(self) -> None:
        down = getattr(self.server, "down", None)
        if down is not None and down.is_set():
            self.close_connection = True
            return
        super().handle_one_request()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        served = getattr(self.server, "served", None)
        if served is not None and str(code).isdigit():
            served.append((self.path.split("?")[0], int(code)))


def saved_for_offline(page: Page, timeout_ms: float = 60_000) -> None:
    """Wait until the guide's service worker has saved the site (installed, activated)
    and is in charge of the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => null)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=timeout_ms)


def run_node(script: Path, *args: str, timeout: float) -> str:
    """Run one of the tests' Node scripts from the project's root; its standard output."""
    node = shutil.which("node")
    assert node, "Node.js is needed; see the README"
    done = subprocess.run(
        [node, str(script), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def chromium_path() -> str:
    """Debian's Chromium, which the browser tests and the benchmark drive."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is needed for the browser tests: `make test` installs Debian's chromium"
    return path


# ---------------------------------------------------------------- updating


def _write(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def update() -> Iterator[Path]:
    """Write every expected answer and page's blocks from today's code; yield what changed."""
    from calculators.api import respond

    for case in cases():
        text, html = answer_text(respond(case.request()))
        if _write(case.answer_path, text):
            yield case.answer_path
        if html is None and case.html_path.is_file():
            case.html_path.unlink()
            yield case.html_path
        elif html is not None and _write(case.html_path, html):
            yield case.html_path
    with tempfile.TemporaryDirectory() as tmp:
        build_site(Path(tmp), "http://127.0.0.1:8000/")
        blocks = built_page_blocks(Path(tmp))
    for old in PAGE_BLOCKS.glob("*.html"):
        if old not in blocks:
            old.unlink()
            yield old
    for path, text in blocks.items():
        if _write(path, text):
            yield path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.support", description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the expected answers")
    if parser.parse_args().update:
        changed = [path.relative_to(ROOT).as_posix() for path in update()]
        print("\n".join(changed) if changed else "The expected answers are unchanged.")
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
