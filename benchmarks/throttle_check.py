"""The throttle check: does a profile slow the page and its worker as much as it says, and
does its network reach the worker's fetches? A fixed busy loop and two fetches, timed inside."""

from __future__ import annotations

import os
import statistics
from pathlib import Path
from typing import Any

from benchmarks.throttle import LOCALHOST, Profile, renderer_pids, worker_threads
from benchmarks.visits import CHECK_PAGE, TIMEOUT_MS, Rig, cold_visit, published_pyodide

# A small file for the round trip; a large one, not gzipped by the server, for the bandwidth.
_SMALL = CHECK_PAGE + "busy.js"
_BIG = "python_stdlib.zip"  # in the build's Pyodide folder (visits.published_pyodide)
# Slowed "as it says" means at least this share of the profile's factor.
_ENOUGH = 0.75
_IDLE_S = 1.0


def _thread_cpu_ms(tid: int) -> float:
    """CPU time so far of a thread, in ms."""
    return int(Path(f"/proc/{tid}/schedstat").read_text().split()[0]) / 1e6


def _main_threads_cpu_s(pids: list[int]) -> dict[int, float]:
    """CPU time so far of each process's main thread, in seconds."""
    found = {}
    for pid in pids:
        fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def _measure(rig: Rig, profile: Profile, *, cap_workers: bool) -> dict[str, Any]:
    """One cold visit to the check page on ``profile``: start its worker, wait for the cap
    (if any), time the loop in the worker (with the share of a core it got), the worker's
    fetches and the loop on the page. With the CPU slowed, it also asks Chromium to
    throttle the worker itself, and keeps the answer."""
    with cold_visit(rig, profile=profile, cap_workers=cap_workers) as visit:
        page = visit.page
        page.goto(rig.server.url + CHECK_PAGE)
        page.wait_for_function("() => window.check", timeout=TIMEOUT_MS)
        before = set(worker_threads(renderer_pids(rig.cdp)))
        started = page.evaluate("() => check.start()")
        tid = max(set(worker_threads(renderer_pids(rig.cdp))) - before)
        # The loop is timed once the cap is in place: how soon it lands is measured
        # apart (every phone visit says how much CPU its workers had used by then).
        capping = cap_workers and profile.cpu > 1 and not rig.workers.unavailable
        for _ in range(100):
            if not capping or visit.throttled.capped:
                break
            # DevTools may report the worker before its thread has a name to find.
            if visit.throttled.cap_late_threads():
                break
            page.wait_for_timeout(50)
        cpu_ms = _thread_cpu_ms(tid)
        found = page.evaluate("() => check.workerLoops()")
        # The share of one core the worker's thread had while it looped.
        found["worker_cpu_share"] = (_thread_cpu_ms(tid) - cpu_ms) / found["loopsMs"]
        big = published_pyodide(rig.server.directory) + _BIG
        urls = {"small": rig.server.url + _SMALL, "big": rig.server.url + big}
        found |= page.evaluate("(urls) => check.workerFetches(urls)", urls)
        found["page"] = page.evaluate("() => check.pageLoops()")
        found["capped_workers"] = len(visit.throttled.capped)
        if visit.throttled.capped_at_ms:
            # From the worker's script beginning to run to its thread's cap in place
            # (moving a thread into a cgroup takes the kernel 10 ms, more when busy).
            found["cap_lag_ms"] = visit.throttled.capped_at_ms[0] - started
        if profile.cpu > 1:
            visit.throttled.ask_workers("Emulation.setCPUThrottlingRate", {"rate": profile.cpu})
            for _ in range(50):
                if visit.throttled.answers:
                    break
                page.wait_for_timeout(100)
            found["answers"] = visit.throttled.answers
        page.evaluate("() => check.stop()")
        # Chromium's throttle keeps the page's main thread spinning when it has
        # nothing to do: the busiest renderer main thread over a second of idling.
        pids = renderer_pids(rig.cdp)
        cpu_s = _main_threads_cpu_s(pids)
        page.wait_for_timeout(_IDLE_S * 1000)
        spun = _main_threads_cpu_s(pids)
        found["idle_main_thread_cores"] = max((spun[p] - cpu_s[p]) / _IDLE_S for p in pids)
        rig.server.take()
        return dict(found)


def throttle_check(rig: Rig, profile: Profile) -> dict[str, Any]:
    """The check's three visits (nothing slowed, Chromium's throttling alone, the profile
    as the benchmark applies it) and what they show."""
    runs = {
        "off": _measure(rig, LOCALHOST, cap_workers=False),
        "chromium alone": _measure(rig, profile, cap_workers=False),
        "profile": _measure(rig, profile, cap_workers=True),
    }

    def loop(place: str) -> dict[str, float]:
        return {mode: float(statistics.median(run[place])) for mode, run in runs.items()}

    page, worker = loop("page"), loop("worker")
    answers = runs["chromium alone"].get("answers", [])
    refused = [a["error"]["message"] for a in answers if "error" in a]
    big_bytes = runs["profile"]["big"]["bytes"]
    expected_big = big_bytes * 8 / (profile.mbit or 1) / 1000 + profile.rtt_ms
    fetch = {
        size: {mode: float(run[size]["ms"]) for mode, run in runs.items()}
        for size in ("small", "big")
    }
    slowdown = {
        "page": page["profile"] / page["off"],
        "worker, Chromium alone": worker["chromium alone"] / worker["off"],
        "worker": worker["profile"] / worker["off"],
    }
    return {
        "profile": str(profile),
        "busy_loop_ms": {"page": page, "worker": worker},
        "slowdown": slowdown,
        "worker_cpu_share": {mode: float(run["worker_cpu_share"]) for mode, run in runs.items()},
        "idle_page_main_thread_cores": {
            mode: float(run["idle_main_thread_cores"]) for mode, run in runs.items()
        },
        "chromium_on_the_worker": refused[0] if refused else ("accepted" if answers else None),
        "capped_workers": runs["profile"]["capped_workers"],
        "cap_lag_ms": runs["profile"].get("cap_lag_ms"),
        "worker_fetch_ms": fetch,
        "big_fetch": {"path": _BIG, "bytes": big_bytes, "expected_ms": expected_big},
        "page_cpu_slowed": slowdown["page"] >= _ENOUGH * profile.cpu,
        # On a busy machine the loop is slow even unthrottled, so the ratio of times
        # understates the cap; the share of a core it left the worker shows it.
        "worker_cpu_slowed": slowdown["worker"] >= _ENOUGH * profile.cpu
        or runs["profile"]["worker_cpu_share"] <= 1 / (_ENOUGH * profile.cpu),
        "worker_network_slowed": fetch["small"]["profile"] >= profile.rtt_ms
        and fetch["big"]["profile"] >= _ENOUGH * expected_big,
    }


def lines(check: dict[str, Any]) -> list[str]:
    """The check, for the printed report."""
    page, worker = check["busy_loop_ms"]["page"], check["busy_loop_ms"]["worker"]
    fetch, big = check["worker_fetch_ms"], check["big_fetch"]
    slowdown = check["slowdown"]
    return [
        f"Throttle check ({check['profile']}): a busy loop, off / Chromium alone / as applied:",
        f"  page    {page['off']:.0f} / {page['chromium alone']:.0f} / {page['profile']:.0f} ms"
        f"  ({slowdown['page']:.1f}× slower)",
        f"  worker  {worker['off']:.0f} / {worker['chromium alone']:.0f} / "
        f"{worker['profile']:.0f} ms  ({slowdown['worker, Chromium alone']:.1f}× with "
        f"Chromium's throttle alone, {slowdown['worker']:.1f}× capped; "
        f"{check['capped_workers']} worker thread capped, "
        f"{check['cap_lag_ms'] or 0:.0f} ms after its script began)",
        "  the worker's share of a core while looping: "
        + " / ".join(f"{v:.2f}" for v in check["worker_cpu_share"].values()),
        f"  Chromium, asked to throttle the worker: {check['chromium_on_the_worker']}",
        "  the idle page's main thread, off / Chromium alone / as applied: "
        + " / ".join(f"{v:.2f}" for v in check["idle_page_main_thread_cores"].values())
        + " of a core (Chromium's throttle spins it)",
        f"  worker's fetches: small {fetch['small']['off']:.0f} → "
        f"{fetch['small']['profile']:.0f} ms, {big['bytes'] / 1e6:.1f} MB "
        f"{fetch['big']['off']:.0f} → {fetch['big']['profile']:.0f} ms "
        f"(expected {big['expected_ms']:.0f})",
        "  page CPU slowed: {page_cpu_slowed}, worker CPU slowed: {worker_cpu_slowed}, "
        "worker's network slowed: {worker_network_slowed}".format(**check),
    ]
