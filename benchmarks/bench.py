"""The browser benchmark: how fast the calculators come alive, against bare Pyodide.

``make bench`` runs it. It builds the guide, serves it on 127.0.0.1, and drives
Debian's Chromium (headless, Playwright) through cold visits, each in a fresh
browser context (no HTTP cache), in the scenarios of ``scenarios.py``:

- a bare page that boots the same vendored Pyodide in a module worker and
  evaluates ``1+1``: the floor;
- a calculator page, once per boot path of the worker (restoring the build's
  memory snapshot, and a plain boot), from first paint to live, then 200 edits
  (recompute latency), then an instant navigation to a second calculator page;
- the same until live on an emulated network, and on a phone profile (CPU 4×
  slower, page and workers, after a check that the throttling reaches both);
- a guide page without a calculator (bytes only);
- Lighthouse, mobile, on every page of the build.

It prints a table and writes ``benchmarks/results.json``. What each figure
means, and what bounds the ones that miss their target: ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
# Run as a script: import the benchmark's modules as the package they are, not as
# top-level modules named server, report, throttle… from the script's folder.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p).resolve() != HERE)]

from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks import lighthouse, report, webkit  # noqa: E402
from benchmarks.scenarios import SCENARIOS, run_scenario  # noqa: E402
from benchmarks.server import Server  # noqa: E402
from benchmarks.throttle import PHONE, WorkerCPU  # noqa: E402
from benchmarks.throttle_check import throttle_check  # noqa: E402
from benchmarks.visits import (  # noqa: E402
    BARE_PAGE,
    CHECK_PAGE,
    FIRST,
    GUIDE_PAGE,
    SECOND,
    VIEWPORT,
    Rig,
    launcher,
    published_pyodide,
    run_guide_page,
)
from tests.support.rig import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.support.rig import build_site as build_guide  # noqa: E402

# --------------------------------------------------------------------- building


def _timed_build(site_dir: Path, env: dict[str, str]) -> float:
    """Wall time of `mkdocs build --strict` from the command line, in seconds."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run([*command, "--site-dir", str(site_dir)], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def _build_times(work: Path, repeats: int) -> dict[str, float]:
    """The build's wall time with its snapshot cache cold (snapshot made) and warm."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cold_env = {**env, "WALKAWAY_CACHE_DIR": str(work / "cold-cache")}
    made = _timed_build(work / "build-cold", cold_env)
    _timed_build(work / "build-warm", env)  # fills the project's cache if it was empty
    warm = [_timed_build(work / "build-warm", env) for _ in range(repeats)]
    return {"snapshot_made_s": made, "snapshot_cached_s": statistics.median(warm)}


def build_site(site_dir: Path, url: str) -> None:
    """Build the guide with site_url = the bench server's address (instant navigation needs
    it), with the benchmark's own pages beside it, in this build only: the floor (bare/) and
    the throttle check (check/)."""
    build_guide(site_dir, url)
    shutil.copytree(HERE / "bare", site_dir / BARE_PAGE)
    shutil.copytree(HERE / "check", site_dir / CHECK_PAGE)
    # The bare worker imports the build's own Pyodide, from its versioned folder.
    worker = site_dir / BARE_PAGE / "worker.js"
    source = worker.read_text(encoding="utf-8")
    pointed = source.replace("../../assets/pyodide/", f"../../{published_pyodide(site_dir)}")
    assert pointed != source, "bare/worker.js no longer names assets/pyodide/"
    worker.write_text(pointed, encoding="utf-8")


# --------------------------------------------------------------------- main


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs on localhost (median)")
    parser.add_argument("--edits", type=int, default=200, help="edits for recompute latency")
    parser.add_argument(
        "--throttled-runs", type=int, default=3, help="cold runs at 20 Mbit/s (0 skips them)"
    )
    parser.add_argument(
        "--phone-runs", type=int, default=3, help="cold runs on the phone profile (0 skips them)"
    )
    parser.add_argument(
        "--repeat-runs",
        type=int,
        default=3,
        help="return visits, the site saved by the service worker (0 skips them)",
    )
    parser.add_argument(
        "--offline-runs",
        type=int,
        default=1,
        help="visits that go offline after the first page (0 skips them)",
    )
    parser.add_argument(
        "--webkit-runs",
        type=int,
        default=3,
        help="cold runs in WebKitGTK on localhost, bare and live (0 skips them)",
    )
    parser.add_argument(
        "--lighthouse",
        default="all",
        metavar="PAGES",
        help="pages for Lighthouse: all (default), none, the first N, or paths from the "
        "site's root, comma-separated (e.g. what-walking-costs/,about/)",
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page; each score is their median (default 3)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1: the localhost runs carry most figures")
    if args.lighthouse_runs < 1:
        parser.error("--lighthouse-runs must be at least 1 (--lighthouse none skips Lighthouse)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    load_before = os.getloadavg()[0]
    if load_before > 1:
        print(f"Note: load average {load_before:.1f}; the figures will be noisy.", flush=True)

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="walkaway-bench-") as tmp:
        work = Path(tmp)
        print("Timing mkdocs build…", flush=True)
        build = _build_times(work, repeats=3)
        site_dir = work / "site"
        site_dir.mkdir()
        server = Server(site_dir)
        build_site(site_dir, server.url)
        lighthouse_pages = lighthouse.choose(lighthouse.site_pages(site_dir), args.lighthouse)
        server.start()
        try:
            with sync_playwright() as driver, WorkerCPU() as workers:
                browser = driver.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_ARGS
                )
                launch = launcher(driver, executable_path=chromium_path(), args=CHROMIUM_ARGS)
                rig = Rig(browser, server, workers, launch)
                print(f"Checking the {PHONE.name} profile's throttling…", flush=True)
                results["throttle_check"] = throttle_check(rig, PHONE)
                scenarios: dict[str, Any] = {}
                visits: dict[str, dict[str, list[dict[str, Any]]]] = {}
                for scenario in SCENARIOS:
                    runs = getattr(args, scenario.runs_option)
                    if runs > 0:
                        scenarios[scenario.name], visits[scenario.name] = run_scenario(
                            rig, scenario, runs, args.edits
                        )
                guide = run_guide_page(rig)
                chromium = browser.version
                browser.close()
            results["lighthouse"] = lighthouse.run_all(
                server.url, lighthouse_pages, args.lighthouse_runs
            )
        finally:
            webkit.stop()
            server.stop()

    local = visits["localhost"]
    bare_ms = [b["live_ms"] for b in local["bare"]]
    paths = {
        name: report.summarise_path(local[name], local["bare"]) for name in ("snapshot", "plain")
    }
    results = {
        "machine": {
            **report.machine(chromium),
            "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        },
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "setup": {
            "runs": args.runs,
            "edits": args.edits,
            "throttled_runs": args.throttled_runs,
            "phone_runs": args.phone_runs,
            "repeat_runs": args.repeat_runs,
            "offline_runs": args.offline_runs,
            "webkit_runs": args.webkit_runs,
            "lighthouse_pages": len(lighthouse_pages),
            "lighthouse_runs": args.lighthouse_runs,
            "server": "127.0.0.1, HTTP/1.1; gzip for html/css/js/json/wasm/svg, "
            "as static hosts do (Python's http.server compresses nothing); "
            "Cache-Control: max-age=600",
            "browser": "Debian's Chromium, headless, a fresh context per visit; "
            "the return visits in a profile on disk, the browser started again",
            "viewport": VIEWPORT,
            "first_page": FIRST[0],
            "second_page": SECOND[0],
            "guide_page": GUIDE_PAGE,
        },
        "build": build,
        "throttle_check": results["throttle_check"],
        "bare_ms": report.median(bare_ms),
        "bare_runs_ms": bare_ms,
        "bare_worker_ms": report.median([b["worker_ms"] for b in local["bare"]]),
        "bare_bytes": local["bare"][0]["bytes"],
        "paths": paths,
        "scenarios": scenarios,
        "snapshot_vs_plain": report.weigh_bytes(paths, scenarios),
        "guide_page_bytes": guide,
        "lighthouse": results["lighthouse"],
        # What readers get: the worker's default boot.
        "kept": local["snapshot"][0]["worker"]["boot"],
    }
    results["targets"] = report.targets(results)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report.table(results))
    shown = args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out
    print(f"\nWritten to {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
