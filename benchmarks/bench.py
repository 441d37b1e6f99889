"""The browser benchmark: how fast the calculators come alive, against bare Pyodide.

``make bench`` runs it. It builds the guide, serves it on 127.0.0.1, and drives
Debian's Chromium (headless, Playwright) through cold visits, each in a fresh
browser context (no HTTP cache):

- a bare page that boots the same vendored Pyodide in a module worker and
  evaluates ``1+1``: the floor;
- a calculator page, once per boot path of the worker (restoring the build's
  memory snapshot, and a plain boot), from first paint to live, then 200 edits
  (recompute latency), then an instant navigation to a second calculator page;
- a guide page without a calculator (bytes only).

It prints a table and writes ``benchmarks/results.json``. What each figure
means, and what bounds the ones that miss their target: ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from tests.support import CHROMIUM_ARGS, TYPES, chromium_path  # noqa: E402
from tests.support import build_site as build_guide  # noqa: E402


@dataclass(frozen=True)
class Throttle:
    """A network for Chromium to emulate."""

    mbit: float
    rtt_ms: float

    def __str__(self) -> str:
        return f"{self.mbit:g} Mbit/s, {self.rtt_ms:g} ms RTT"


# The first calculator page, its calculator and the field the edits type into;
# the second page, reached by instant navigation; a page without a calculator.
FIRST = ("what-walking-costs/", "runway", "savings")
SECOND = ("when-to-walk/", "walk")
GUIDE_PAGE = "know-your-numbers/"
BARE_PAGE = "_bench/bare/"
# The worker's boot paths: its default (restore the memory snapshot), and
# ?boot=plain (what it falls back to). "snapshot" is what readers get.
PATHS = {"snapshot": "", "plain": "plain"}
VIEWPORT = {"width": 1280, "height": 900}
# A cold visit on a real network, to weigh the snapshot's extra bytes against
# the boot time it saves (localhost makes bytes nearly free).
THROTTLE = Throttle(mbit=20, rtt_ms=40)
TIMEOUT_MS = 120_000

TARGETS = {
    "plain: live / bare": ("<=", 1.15),
    "snapshot: live / bare": ("<=", 0.5),
    "recompute p95 (ms)": ("<=", 25.0),
    "second page live (ms)": ("<=", 150.0),
    "Pyodide bytes, page without a calculator": ("==", 0),
    "build, snapshot cached (s)": ("<=", 10.0),
    "build, snapshot made (s)": ("<=", 10.0),
}

# --------------------------------------------------------------------- serving

# What a typical static host compresses on the fly: text, scripts, data and
# WebAssembly; not archives, which are compressed already.
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".map", ".txt"}


@dataclass(frozen=True)
class Fetch:
    """One response the server sent: its path, body bytes on the wire and decoded."""

    path: str
    sent: int
    size: int


class Server:
    """The built site on 127.0.0.1, gzip like a static host, logging what it sends.

    Python's http.server compresses nothing; this one gzips the types above
    when the browser asks for it (so byte counts and timings resemble a real
    host), sends ``Cache-Control: max-age=600`` (as GitHub Pages does) and
    speaks HTTP/1.1 with keep-alive.
    """

    def __init__(self, directory: Path, *, compress: bool = True) -> None:
        self.directory = directory
        self.compress = compress
        self._log: list[Fetch] = []
        self._lock = threading.Lock()
        self._gzipped: dict[tuple[Path, int, int], bytes] = {}
        handler = functools.partial(_Handler, self)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def start(self) -> None:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def take(self) -> list[Fetch]:
        """What was sent since the last call."""
        with self._lock:
            log, self._log = self._log, []
        return log

    def record(self, fetch: Fetch) -> None:
        with self._lock:
            self._log.append(fetch)

    def gzipped(self, path: Path, data: bytes) -> bytes:
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if key not in self._gzipped:
                self._gzipped[key] = gzip.compress(data, compresslevel=6, mtime=0)
            return self._gzipped[key]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, server_state: Server, *args: Any) -> None:
        self.state = server_state
        super().__init__(*args)

    def do_GET(self) -> None:
        self.respond(body=True)

    def do_HEAD(self) -> None:
        self.respond(body=False)

    def respond(self, *, body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        path = (self.state.directory / url_path.lstrip("/")).resolve()
        if not path.is_relative_to(self.state.directory):
            self.fail(404)
            return
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.fail(404)
            return
        data = path.read_bytes()
        size = len(data)
        encoded = data
        compress = (
            self.state.compress
            and path.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
        )
        if compress:
            encoded = self.state.gzipped(path, data)
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(encoded)))
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(encoded)
            self.state.record(Fetch(url_path, len(encoded), size))

    def fail(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.state.record(Fetch(unquote(urlsplit(self.path).path), 0, 0))

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def kind(path: str) -> str:
    """Which part of the download a path is."""
    if "/assets/pyodide/" in path:
        return "pyodide"
    if path.endswith("/calculators.zip"):
        return "package"
    if path.endswith(".snapshot.gz"):
        return "snapshot"
    return "rest"


def mb(n: int) -> str:
    return f"{n / 1_000_000:.2f} MB"


def byte_split(fetches: Sequence[Fetch]) -> dict[str, dict[str, Any]]:
    """Bytes by part (and in total): as sent (gzip where the server compressed) and decoded."""
    split: dict[str, dict[str, Any]] = {}
    for name in ("pyodide", "package", "snapshot", "rest", "total"):
        chosen = [f for f in fetches if name == "total" or kind(f.path) == name]
        sent, decoded = sum(f.sent for f in chosen), sum(f.size for f in chosen)
        split[name] = {
            "sent": sent,
            "decoded": decoded,
            "requests": len(chosen),
            "text": f"{mb(sent)} ({mb(decoded)})",
        }
    return split


# --------------------------------------------------------------------- building


def timed_build(site_dir: Path, env: dict[str, str]) -> float:
    """Wall time of `mkdocs build --strict` from the command line, in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def build_times(work: Path, repeats: int) -> dict[str, float]:
    """The build's wall time with its snapshot cache cold (snapshot made) and warm."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cold_env = {**env, "WALKAWAY_CACHE_DIR": str(work / "cold-cache")}
    made = timed_build(work / "build-cold", cold_env)
    timed_build(work / "build-warm", env)  # fills the project's cache if it was empty
    warm = [timed_build(work / "build-warm", env) for _ in range(repeats)]
    return {"snapshot_made_s": made, "snapshot_cached_s": statistics.median(warm)}


def build_site(site_dir: Path, url: str) -> None:
    """Build the guide with site_url = the bench server's address (instant navigation needs it)."""
    build_guide(site_dir, url)
    # The floor page: beside the guide in this build only, never in the published one.
    shutil.copytree(HERE / "bare", site_dir / BARE_PAGE)


# --------------------------------------------------------------------- browsing

INSTRUMENT = (HERE / "instrument.js").read_text(encoding="utf-8")

EDITS = """
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
class Visit:
    """A cold visit: a fresh browser context, instrumented, recording console errors."""

    page: Page
    errors: list[str] = field(default_factory=list)


@contextmanager
def cold_visit(
    browser: Browser, boot: str = "", throttle: Throttle | None = None
) -> Iterator[Visit]:
    """A fresh context (empty HTTP cache and storage), instrumented, optionally throttled."""
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    context.add_init_script(script=f"window.benchBoot = {json.dumps(boot)};\n{INSTRUMENT}")
    page = context.new_page()
    if throttle:
        # Chromium's network emulation, which applies to the worker's fetches too.
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": throttle.rtt_ms,
                "downloadThroughput": throttle.mbit * 1_000_000 / 8,
                "uploadThroughput": throttle.mbit * 1_000_000 / 8,
            },
        )
    visit = Visit(page)
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    try:
        yield visit
    finally:
        context.close()
    if visit.errors:
        raise RuntimeError(f"console errors: {visit.errors}")


def run_bare(browser: Browser, server: Server) -> dict[str, Any]:
    """The floor: from navigation start to the bare page's 1+1."""
    with cold_visit(browser) as visit:
        server.take()
        visit.page.goto(server.url + BARE_PAGE, wait_until="commit")
        visit.page.wait_for_function("() => window.bare", timeout=TIMEOUT_MS)
        bare = visit.page.evaluate("() => window.bare")
        assert bare["value"] == 2, bare
        return {"ms": bare["at"], "worker_ms": bare["ms"], "bytes": byte_split(server.take())}


def run_calculator(
    browser: Browser,
    server: Server,
    boot: str,
    *,
    edits: int = 0,
    second: bool = True,
    throttle: Throttle | None = None,
) -> dict[str, Any]:
    """One cold visit to the first calculator page: paint, live, edits, then the second page."""
    page_path, name, field_name = FIRST
    second_path, second_name = SECOND
    with cold_visit(browser, boot, throttle) as visit:
        page = visit.page
        server.take()
        page.goto(server.url + page_path, wait_until="commit")
        page.wait_for_function(f"() => {name!r} in bench.live", timeout=TIMEOUT_MS)
        seen = page.evaluate(
            """(name) => ({
              live: bench.live[name],
              paint: bench.paint,
              ready: bench.ready,
              loadPosted: bench.posts.find((p) => p.type === "load").at,
            })""",
            name,
        )
        if throttle:
            return {"live_ms": seen["live"], "worker": seen["ready"]}
        page.wait_for_load_state("networkidle")
        first_bytes = byte_split(server.take())
        arguments = {"name": name, "field": field_name, "start": 40_000}
        first_edit = page.evaluate(EDITS, {**arguments, "count": 1})[0]
        # Every edit changes the number (the page only changes what differs).
        arguments["start"] += 100
        samples = page.evaluate(EDITS, {**arguments, "count": edits}) if edits else []
        result = {
            "live_ms": seen["live"],
            "load_posted_ms": seen["loadPosted"],
            "paint": seen["paint"],
            "worker": seen["ready"],
            "bytes": first_bytes,
            "first_recompute": first_edit,
            "recompute": samples,
        }
        if second:
            server.take()
            page.evaluate(
                "(path) => { bench.navStart = performance.now();"
                " document.querySelector(`a[href$='${path}']`).click(); }",
                second_path,
            )
            page.wait_for_function(f"() => {second_name!r} in bench.live", timeout=TIMEOUT_MS)
            result["second_live_ms"] = page.evaluate(
                f"() => bench.live[{second_name!r}] - bench.navStart"
            )
            page.wait_for_timeout(500)  # anything fetched late still counts
            result["second_bytes"] = byte_split(server.take())
        return result


def run_guide_page(browser: Browser, server: Server) -> dict[str, Any]:
    """Bytes for reading a page without a calculator, scrolled to its end."""
    with cold_visit(browser) as visit:
        server.take()
        visit.page.goto(server.url + GUIDE_PAGE)
        visit.page.wait_for_load_state("networkidle")
        visit.page.mouse.wheel(0, 20_000)
        visit.page.wait_for_timeout(1000)
        return byte_split(server.take())


# --------------------------------------------------------------------- figures


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return float(ordered[int(rank) - 1])


def summarise_path(runs: list[dict[str, Any]], bare_ms: list[float]) -> dict[str, Any]:
    """One boot path's figures: medians over the cold runs, bytes of the first run."""
    live = [r["live_ms"] for r in runs]
    samples = [s for r in runs for s in r["recompute"]]
    totals = [s["total"] for s in samples]
    stages = {
        stage: median([r["worker"]["stages"][stage] for r in runs])
        for stage in runs[0]["worker"]["stages"]
    }
    parts: dict[str, float | None] = {}
    for part in ("wait", "roundTrip", "python", "render"):
        values = [s[part] for s in samples if s[part] is not None]
        parts[part] = median(values) if values else None
    return {
        "worker_boot": sorted({r["worker"]["boot"] for r in runs}),
        "first_paint_ms": median([r["paint"]["at"] for r in runs]),
        "prerendered_result_at_first_paint": f"{sum(r['paint']['prerendered'] for r in runs)}"
        f" of {len(runs)} runs",
        "result_in_first_screenful": any(r["paint"]["aboveTheFold"] for r in runs),
        "load_requested_ms": median([r["load_posted_ms"] for r in runs]),
        "worker_ready_ms": median([r["worker"]["ms"] for r in runs]),
        "worker_stages_ms": stages,
        "live_ms": median(live),
        "live_runs_ms": live,
        "live_over_bare": median([a / b for a, b in zip(live, bare_ms, strict=True)]),
        "first_recompute_ms": median([r["first_recompute"]["total"] for r in runs]),
        "recompute_ms": {
            "edits": len(totals),
            "p50": percentile(totals, 0.5),
            "p95": percentile(totals, 0.95),
            "max": max(totals),
            "median_parts": parts,
        },
        "second_page_live_ms": median([r["second_live_ms"] for r in runs]),
        "second_page_bytes": runs[0]["second_bytes"],
        "bytes": runs[0]["bytes"],
    }


def weigh_bytes(paths: dict[str, Any], throttled: dict[str, list[float]]) -> dict[str, Any]:
    """The snapshot's extra bytes against the boot time it saves.

    The break-even bandwidth is where downloading the extra bytes takes as long
    as the boot time saved on this machine: faster connections favour the
    snapshot, slower ones the plain boot.
    """
    extra = paths["snapshot"]["bytes"]["total"]["sent"] - paths["plain"]["bytes"]["total"]["sent"]
    saved_s = (paths["plain"]["live_ms"] - paths["snapshot"]["live_ms"]) / 1000
    return {
        "extra_bytes_sent": extra,
        "boot_time_saved_ms": saved_s * 1000,
        "break_even_mbit_s": extra * 8 / 1_000_000 / saved_s if saved_s > 0 else None,
        "throttled": {
            "network": str(THROTTLE),
            "live_ms": {name: median(values) for name, values in throttled.items()},
            "live_runs_ms": throttled,
        },
    }


def machine(browser: Browser) -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    os_name = next(
        (
            line.split("=", 1)[1].strip('"')
            for line in Path("/etc/os-release").read_text().splitlines()
            if line.startswith("PRETTY_NAME")
        ),
        platform.system(),
    )
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    pyodide = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": f"{os_name}, Linux {platform.release()}",
        "chromium": browser.version,
        "python": platform.python_version(),
        "node": node.stdout.strip(),
        "pyodide": pyodide,
    }


def targets(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    paths = results["paths"]
    kept = paths[results["kept"]]
    guide = results["guide_page_bytes"]
    values = {
        "plain: live / bare": paths["plain"]["live_over_bare"],
        "snapshot: live / bare": paths["snapshot"]["live_over_bare"],
        "recompute p95 (ms)": kept["recompute_ms"]["p95"],
        "second page live (ms)": kept["second_page_live_ms"],
        "Pyodide bytes, page without a calculator": guide["pyodide"]["sent"]
        + guide["snapshot"]["sent"]
        + guide["package"]["sent"],
        "build, snapshot cached (s)": results["build"]["snapshot_cached_s"],
        "build, snapshot made (s)": results["build"]["snapshot_made_s"],
    }
    checks: dict[str, Callable[[float, float], bool]] = {
        "<=": lambda value, limit: value <= limit,
        "==": lambda value, limit: value == limit,
    }
    return {
        name: {
            "value": values[name],
            "target": f"{op} {limit:g}",
            "met": checks[op](values[name], limit),
        }
        for name, (op, limit) in TARGETS.items()
    }


def dig(data: Any, *keys: str) -> Any:
    for key in keys:
        data = data[key]
    return data


def table(results: dict[str, Any]) -> str:
    """The figures as a plain-text table, snapshot and plain side by side."""
    paths = results["paths"]
    weighed = results["snapshot_vs_plain"]
    throttled = weighed["throttled"]["live_ms"]
    guide = results["guide_page_bytes"]
    build = results["build"]

    def row(label: str, form: str, *keys: str) -> tuple[str, str, str]:
        snapshot, plain = (form.format(dig(paths[name], *keys)) for name in PATHS)
        return label, snapshot, plain

    def size(label: str, *keys: str) -> tuple[str, str, str]:
        return row(label, "{}", *keys, "text")

    def stages(name: str) -> str:
        return ", ".join(f"{k} {v:.0f}" for k, v in paths[name]["worker_stages_ms"].items())

    rows: list[tuple[str, str, str]] = [
        ("", "snapshot (kept)" if results["kept"] == "snapshot" else "snapshot", "plain"),
        row("first paint", "{:.0f} ms", "first_paint_ms"),
        row("prerendered result in it", "{}", "prerendered_result_at_first_paint"),
        row("page asks the worker to load", "{:.0f} ms", "load_requested_ms"),
        row("worker ready (its own clock)", "{:.0f} ms", "worker_ready_ms"),
        ("  stages (ms)", stages("snapshot"), stages("plain")),
        row("live (from navigation start)", "{:.0f} ms", "live_ms"),
        (
            "bare Pyodide 1+1 (the floor)",
            f"{results['bare_ms']:.0f} ms (worker {results['bare_worker_ms']:.0f})",
            "",
        ),
        row("live / bare", "{:.2f}", "live_over_bare"),
        (
            f"live at {weighed['throttled']['network']}",
            f"{throttled['snapshot']:.0f} ms",
            f"{throttled['plain']:.0f} ms",
        ),
        row("first recompute after live", "{:.1f} ms", "first_recompute_ms"),
        row("recompute p50, input to DOM", "{:.1f} ms", "recompute_ms", "p50"),
        row("recompute p95, input to DOM", "{:.1f} ms", "recompute_ms", "p95"),
        row("recompute max, input to DOM", "{:.1f} ms", "recompute_ms", "max"),
    ]
    for part in ("wait", "roundTrip", "python", "render"):
        rows.append(row(f"  median {part}", "{:.1f} ms", "recompute_ms", "median_parts", part))
    rows += [
        row("second page live (instant nav)", "{:.0f} ms", "second_page_live_ms"),
        size("second page bytes", "second_page_bytes", "total"),
    ]
    for part in ("pyodide", "snapshot", "package", "rest", "total"):
        rows.append(size(f"calculator page bytes: {part}", "bytes", part))
    rows += [
        (
            "page without a calculator",
            f"{mb(guide['total']['sent'])}, Pyodide {guide['pyodide']['sent']} B",
            "",
        ),
        (
            "mkdocs build",
            f"{build['snapshot_cached_s']:.1f} s snapshot cached",
            f"{build['snapshot_made_s']:.1f} s snapshot made",
        ),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(width[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "-" * max(len(line) for line in lines))
    break_even = weighed["break_even_mbit_s"]
    lines += [
        "",
        "Bytes as sent (gzip where the server compresses), decoded in brackets.",
        f"The snapshot costs {mb(weighed['extra_bytes_sent'])} more and saves "
        f"{weighed['boot_time_saved_ms']:.0f} ms of boot here: it is the faster start above "
        + (f"about {break_even:.0f} Mbit/s." if break_even else "any bandwidth."),
        f"Kept: {results['kept']}. Targets:",
    ]
    for name, check in results["targets"].items():
        mark = "met   " if check["met"] else "MISSED"
        lines.append(f"  {mark}  {name}: {check['value']:.4g} (target {check['target']})")
    return "\n".join(lines)


# --------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs per figure (median)")
    parser.add_argument("--edits", type=int, default=200, help="edits for recompute latency")
    parser.add_argument("--throttled-runs", type=int, default=3, help=f"cold runs at {THROTTLE}")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    if load_before > 1:
        print(f"Note: load average {load_before:.1f}; the figures will be noisy.", flush=True)

    with tempfile.TemporaryDirectory(prefix="walkaway-bench-") as tmp:
        work = Path(tmp)
        print("Timing mkdocs build…", flush=True)
        build = build_times(work, repeats=3)
        site_dir = work / "site"
        site_dir.mkdir()
        server = Server(site_dir)
        build_site(site_dir, server.url)
        server.start()
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_ARGS
                )
                runs: dict[str, list[dict[str, Any]]] = {name: [] for name in PATHS}
                bare: list[dict[str, Any]] = []
                for index in range(args.runs):
                    print(f"Cold run {index + 1} of {args.runs}…", flush=True)
                    bare.append(run_bare(browser, server))
                    # Alternate the order, so neither path always runs first.
                    for name in list(PATHS)[:: 1 if index % 2 == 0 else -1]:
                        edits = args.edits if index == 0 else 0
                        runs[name].append(run_calculator(browser, server, PATHS[name], edits=edits))
                throttled: dict[str, list[float]] = {name: [] for name in PATHS}
                for index in range(args.throttled_runs):
                    print(f"Cold run at {THROTTLE}, {index + 1} of {args.throttled_runs}…")
                    for name in PATHS:
                        visit = run_calculator(browser, server, PATHS[name], throttle=THROTTLE)
                        throttled[name].append(visit["live_ms"])
                guide = run_guide_page(browser, server)
                bare_ms = [b["ms"] for b in bare]
                paths = {name: summarise_path(runs[name], bare_ms) for name in PATHS}
                results: dict[str, Any] = {
                    "machine": {
                        **machine(browser),
                        "load_average_before_after": [
                            round(load_before, 2),
                            round(os.getloadavg()[0], 2),
                        ],
                    },
                    "when": datetime.now(UTC).isoformat(timespec="seconds"),
                    "setup": {
                        "runs": args.runs,
                        "edits": args.edits,
                        "throttled_runs": args.throttled_runs,
                        "server": "127.0.0.1, HTTP/1.1; gzip for html/css/js/json/wasm/svg, "
                        "as static hosts do (Python's http.server compresses nothing); "
                        "Cache-Control: max-age=600",
                        "browser": "Debian's Chromium, headless, a fresh context per visit",
                        "viewport": VIEWPORT,
                        "first_page": FIRST[0],
                        "second_page": SECOND[0],
                        "guide_page": GUIDE_PAGE,
                    },
                    "build": build,
                    "bare_ms": median(bare_ms),
                    "bare_runs_ms": bare_ms,
                    "bare_worker_ms": median([b["worker_ms"] for b in bare]),
                    "bare_bytes": bare[0]["bytes"],
                    "paths": paths,
                    "snapshot_vs_plain": weigh_bytes(paths, throttled),
                    "guide_page_bytes": guide,
                    # What readers get: the worker's default boot.
                    "kept": runs["snapshot"][0]["worker"]["boot"],
                }
                browser.close()
        finally:
            server.stop()
    results["targets"] = targets(results)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    shown = args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out
    print(f"\nWritten to {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
