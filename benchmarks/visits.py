"""The benchmark's visits: each a fresh, instrumented browser context on a profile (network,
CPU), timed inside the page by instrument.js, with the bytes the server sent for it."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, Playwright

from benchmarks.server import Fetch, Server, byte_split
from benchmarks.throttle import LOCALHOST, Profile, Throttled, WorkerCPU, throttle
from tests.support.rig import saved_for_offline

HERE = Path(__file__).resolve().parent

# The first calculator page, its calculator and the field the edits type into;
# the second page, reached by instant navigation; a page without a calculator.
FIRST = ("what-walking-costs/", "runway", "savings")
SECOND = ("when-to-walk/", "walk")
GUIDE_PAGE = "know-your-numbers/"
# Beside the guide in the benchmark's build only (bench.build_site copies them).
BARE_PAGE = "_bench/bare/"
CHECK_PAGE = "_bench/check/"


def published_pyodide(site: Path) -> str:
    """Where the build published Pyodide, from the site's root: a folder named by its
    version and contents, ``assets/pyodide/<version>-<hash>/``."""
    (found,) = (site / "assets" / "pyodide").iterdir()
    return found.relative_to(site).as_posix() + "/"


# The worker's boot paths: its default (restore the memory snapshot), and
# ?boot=plain (what it falls back to). "snapshot" is what readers get.
PATHS = {"snapshot": "", "plain": "plain"}
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 180_000

_INSTRUMENT = (HERE / "instrument.js").read_text(encoding="utf-8")

_EDITS = """
async ({ name, field, count, start }) => {
  const calc = document.querySelector(`.wa-calc[data-calculator="${name}"]`);
  const input = calc.querySelector(`[name="${field}"]`);
  const output = calc.querySelector(".wa-output");
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const samples = [];
  for (let i = 0; i < count; i++) {
    let timer = 0;
    const updated = new Promise((resolve, reject) => {
      const observer = new MutationObserver((records) => {
        // The output's own aria-busy says an answer is coming, not that it came.
        if (records.every((r) => r.type === "attributes" && r.target === output)) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      // The page changes only what differs (morph.js): text, nodes or attributes.
      const watch = { childList: true, subtree: true, characterData: true, attributes: true };
      observer.observe(output, watch);
      timer = setTimeout(() => reject(new Error(`edit ${i}: the result never updated`)), 10000);
    });
    const before = bench.replies.length;
    input.value = String(start + 100 * i);
    const at = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const done = await updated;
    const reply = bench.replies.slice(before).find((r) => r.type === "result");
    const post = bench.posts.find((p) => p.id === reply.id);
    samples.push({
      total: done - at,
      wait: post.at - at,
      roundTrip: reply.at - post.at,
      python: reply.ms ?? null,
      render: done - reply.at,
    });
    await frame();
  }
  return samples;
}
"""


@dataclass
class Rig:
    """What every visit needs: the browser, a DevTools session on the browser itself (it
    lists the renderer processes), the server, and the worker threads' CPU caps; and how
    to start a browser of its own on a profile folder, for the return visits."""

    browser: Browser
    server: Server
    workers: WorkerCPU
    launch_persistent: Callable[[str], BrowserContext]
    cdp: CDPSession = field(init=False)

    def __post_init__(self) -> None:
        self.cdp = self.browser.new_browser_cdp_session()


@dataclass
class Visit:
    """A cold visit: its page, its throttling, and the console errors it logged."""

    page: Page
    throttled: Throttled
    errors: list[str] = field(default_factory=list)

    def epoch_ms(self, page_ms: float) -> float:
        """A time on the page's clock (ms since navigation start) as Unix time in ms."""
        return float(self.page.evaluate("() => performance.timeOrigin")) + page_ms

    def watch(self, page: Page) -> None:
        """Make ``page`` the visit's, its console errors and uncaught errors noted."""
        self.page = page
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@contextmanager
def cold_visit(
    rig: Rig,
    boot: str = "",
    profile: Profile = LOCALHOST,
    *,
    cap_workers: bool = True,
    service_worker: bool = False,
) -> Iterator[Visit]:
    """A fresh context (empty HTTP cache and storage), instrumented, on ``profile``.

    The guide's service worker saves the whole site once a calculator is live: the
    return and offline visits let it (``service_worker``); the others block it, so
    that their bytes and timings are the page's own, as before it existed.
    """
    context = rig.browser.new_context(
        viewport=VIEWPORT,  # type: ignore[arg-type]
        service_workers="allow" if service_worker else "block",
    )
    context.add_init_script(script=f"window.benchBoot = {json.dumps(boot)};\n{_INSTRUMENT}")
    page = context.new_page()
    workers = rig.workers if cap_workers else None
    visit = Visit(page, throttle(context, page, profile, rig.cdp, workers))
    visit.watch(page)
    try:
        yield visit
    finally:
        context.close()
    if visit.errors:
        raise RuntimeError(f"console errors: {visit.errors}")


def launcher(driver: Playwright, **options: Any) -> Callable[[str], BrowserContext]:
    """How the rig starts a browser on a profile folder: Chromium with ``options`` (its
    path and flags), and what the visits' contexts get (the viewport, service workers)."""

    def launch(profile_dir: str) -> BrowserContext:
        return driver.chromium.launch_persistent_context(
            profile_dir,
            **options,
            viewport=VIEWPORT,  # type: ignore[arg-type]
            service_workers="allow",
        )

    return launch


@contextmanager
def profile_visit(rig: Rig, profile_dir: str, boot: str = "") -> Iterator[Visit]:
    """A visit in a browser of its own on ``profile_dir``, as a reader's browser keeps a
    profile on disk: its HTTP cache, its storage and service worker, and the code
    Chromium compiled (an incognito-like context keeps no compiled code). The browser
    quits at the end, so that the next visit on the same folder is a browser started
    again, as a reader coming back another day finds it. On localhost only."""
    context = rig.launch_persistent(profile_dir)
    try:
        context.add_init_script(script=f"window.benchBoot = {json.dumps(boot)};\n{_INSTRUMENT}")
        page = context.pages[0] if context.pages else context.new_page()
        visit = Visit(page, throttle(context, page, LOCALHOST, rig.cdp, None))
        visit.watch(page)
        yield visit
    finally:
        context.close()
    if visit.errors:
        raise RuntimeError(f"console errors: {visit.errors}")


def until(fetches: list[Fetch], epoch_ms: float) -> list[Fetch]:
    """The fetches whose request reached the server by then."""
    return [f for f in fetches if f.at_ms <= epoch_ms]


def _worker_caps(rig: Rig, visit: Visit) -> dict[str, Any]:
    """How the visit's worker threads were capped so far (the phone profile's CPU)."""
    return {
        "capped_workers": len(visit.throttled.capped),
        "before_cap_cpu_ms": max(visit.throttled.before_cap_cpu_ms, default=0.0),
        "uncapped_workers": visit.throttled.uncapped(rig.cdp, rig.workers),
    }


def _bare_live(rig: Rig, visit: Visit) -> dict[str, Any]:
    """Open the bare page in ``visit`` and wait for its 1+1; the bytes fetched meanwhile."""
    rig.server.take()
    visit.page.goto(rig.server.url + BARE_PAGE, wait_until="commit")
    visit.page.wait_for_function("() => window.bare", timeout=TIMEOUT_MS)
    bare = visit.page.evaluate("() => window.bare")
    assert bare["value"] == 2, bare
    return {
        "live_ms": bare["at"],
        "worker_ms": bare["ms"],
        "bytes": byte_split(rig.server.take()),
        **_worker_caps(rig, visit),
    }


def _calculator_live(
    rig: Rig, visit: Visit, page_path: str = FIRST[0], name: str = FIRST[1]
) -> dict[str, Any]:
    """Open a calculator page (the first, unless told) in ``visit`` and wait until its
    calculator is live. The server's log is emptied first and left for the caller:
    ``until(…, live_epoch_ms)`` is what was asked for until live."""
    rig.server.take()
    visit.page.goto(rig.server.url + page_path, wait_until="commit")
    visit.page.wait_for_function(f"() => {name!r} in bench.live", timeout=TIMEOUT_MS)
    seen = visit.page.evaluate(
        """(name) => ({
          live: bench.live[name],
          paint: bench.paint,
          ready: bench.ready,
          loadPosted: bench.posts.find((p) => p.type === "load").at,
        })""",
        name,
    )
    return {
        "live_ms": seen["live"],
        "live_epoch_ms": visit.epoch_ms(seen["live"]),
        "load_posted_ms": seen["loadPosted"],
        "paint": seen["paint"],
        "worker": seen["ready"],
        **_worker_caps(rig, visit),
    }


# A cold visit is one of these in a fresh context; another kind of run (a repeat
# visit, say) opens its context with cold_visit and calls them more than once.


def run_bare(rig: Rig, profile: Profile = LOCALHOST) -> dict[str, Any]:
    """The floor: from navigation start to the bare page's 1+1, cold."""
    with cold_visit(rig, profile=profile) as visit:
        return _bare_live(rig, visit)


def run_calculator(
    rig: Rig,
    boot: str,
    profile: Profile = LOCALHOST,
    *,
    detail: bool = False,
    edits: int = 0,
) -> dict[str, Any]:
    """One cold visit to the first calculator page until live, with the bytes asked for
    until then; with ``detail``, then the edits and the instant navigation to the second."""
    _, name, field_name = FIRST
    with cold_visit(rig, boot, profile) as visit:
        result = _calculator_live(rig, visit)
        if not detail:
            result["bytes_to_live"] = byte_split(until(rig.server.take(), result["live_epoch_ms"]))
            return result
        page = visit.page
        page.wait_for_load_state("networkidle")
        fetched = rig.server.take()
        arguments = {"name": name, "field": field_name}
        first_edit = page.evaluate(_EDITS, {**arguments, "start": 40_000, "count": 1})[0]
        # Every edit changes the number (the page only changes what differs).
        later = {**arguments, "start": 40_100, "count": edits}
        samples = page.evaluate(_EDITS, later) if edits else []
        result |= {
            "bytes": byte_split(fetched),
            "bytes_to_live": byte_split(until(fetched, result["live_epoch_ms"])),
            "first_recompute": first_edit,
            "recompute": samples,
        }
        result |= second_page(rig, page)
        return result


# On the first of the return visits' visits, a reader uses the calculator a little
# before leaving: what Chromium compiles hot may be saved with the page's files.
_FIRST_VISIT_EDITS = 5


def run_repeat(rig: Rig, boot: str) -> dict[str, Any]:
    """A return visit, in a browser profile on disk: a first visit to the first calculator
    page until live, a few edits, the site saved by the service worker, the browser
    closed; then the browser started again on the same profile and the page opened, timed
    to live (``live_ms``), with the bytes asked for until then."""
    _, name, field_name = FIRST
    with tempfile.TemporaryDirectory(prefix="walkaway-profile-") as profile_dir:
        with profile_visit(rig, profile_dir, boot) as visit:
            first = _calculator_live(rig, visit)
            edits = {"name": name, "field": field_name, "start": 40_000}
            visit.page.evaluate(_EDITS, edits | {"count": _FIRST_VISIT_EDITS})
            saved_for_offline(visit.page, TIMEOUT_MS)
            first_visit = byte_split(rig.server.take())
        with profile_visit(rig, profile_dir, boot) as visit:
            result = _calculator_live(rig, visit)
            result["bytes_to_live"] = byte_split(until(rig.server.take(), result["live_epoch_ms"]))
    result["first_live_ms"] = first["live_ms"]
    # The whole first visit: the page until live, the edits, then the offline copy.
    result["first_visit_bytes"] = first_visit
    return result


def run_bare_repeat(rig: Rig) -> dict[str, Any]:
    """The floor cold (``live_ms``), then again in the same profile, the browser started
    again, its HTTP cache warm (``repeat_live_ms``)."""
    with tempfile.TemporaryDirectory(prefix="walkaway-profile-") as profile_dir:
        with profile_visit(rig, profile_dir) as visit:
            cold = _bare_live(rig, visit)
        with profile_visit(rig, profile_dir) as visit:
            warm = _bare_live(rig, visit)
    return cold | {"repeat_live_ms": warm["live_ms"], "repeat_bytes": warm["bytes"]}


def run_offline(rig: Rig, boot: str) -> dict[str, Any]:
    """After a first visit online (the first calculator page, until live and saved), the
    network goes off and a fresh navigation opens the second calculator page: ``ok`` is 1
    when it goes live and recomputes there, else 0 (with what went wrong)."""
    second_path, second_name = SECOND
    with cold_visit(rig, boot, service_worker=True) as visit:
        _calculator_live(rig, visit)
        saved_for_offline(visit.page, TIMEOUT_MS)
        visit.page.context.set_offline(True)
        visit.errors.clear()
        try:
            result = _calculator_live(rig, visit, second_path, second_name)
            edit = {"name": second_name, "field": "offer", "start": 150_000, "count": 1}
            result["recompute"] = visit.page.evaluate(_EDITS, edit)[0]
            result["ok"] = 1
        except Exception as error:  # the figure is 0, and why
            result = {"ok": 0, "error": str(error).splitlines()[0]}
            visit.errors.clear()
        sent = rig.server.take()
        result["bytes_to_live"] = byte_split(sent)
        if sent:  # offline, nothing may reach the server
            result |= {"ok": 0, "error": f"{len(sent)} requests reached the server offline"}
        return result


def second_page(rig: Rig, page: Page) -> dict[str, Any]:
    """From a click on the link to the second calculator page (instant navigation) to live."""
    second_path, second_name = SECOND
    rig.server.take()
    page.evaluate(
        "(path) => { bench.navStart = performance.now();"
        " document.querySelector(`a[href$='${path}']`).click(); }",
        second_path,
    )
    page.wait_for_function(f"() => {second_name!r} in bench.live", timeout=TIMEOUT_MS)
    live = page.evaluate(f"() => bench.live[{second_name!r}] - bench.navStart")
    page.wait_for_timeout(500)  # anything fetched late still counts
    return {"second_live_ms": live, "second_bytes": byte_split(rig.server.take())}


def run_guide_page(rig: Rig) -> dict[str, Any]:
    """Bytes for reading a page without a calculator, scrolled to its end."""
    with cold_visit(rig) as visit:
        rig.server.take()
        visit.page.goto(rig.server.url + GUIDE_PAGE)
        visit.page.wait_for_load_state("networkidle")
        visit.page.mouse.wheel(0, 20_000)
        visit.page.wait_for_timeout(1000)
        return byte_split(rig.server.take())
