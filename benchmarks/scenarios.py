"""The timed scenarios, as a table: which profile (network, CPU), which visits (bare Pyodide,
each boot path), how many runs. A new kind of run is a row here, with its visit function."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any, Protocol

from benchmarks import webkit
from benchmarks.throttle import CABLE, LOCALHOST, PHONE, Profile
from benchmarks.visits import (
    PATHS,
    Rig,
    run_bare,
    run_bare_repeat,
    run_calculator,
    run_offline,
    run_repeat,
)

_BARE = "bare"
REPEAT = "repeat visit"
OFFLINE = "offline after first visit"
WEBKIT = "webkit"


class _VisitFn(Protocol):
    """One visit to a subject ("bare" or a boot path) on a profile: a dict with at least
    ``live_ms`` (from navigation start to live) and ``bytes_to_live``, or for bare ``bytes``."""

    def __call__(
        self, rig: Rig, subject: str, profile: Profile, *, detail: bool, edits: int
    ) -> dict[str, Any]: ...


def cold(rig: Rig, subject: str, profile: Profile, *, detail: bool, edits: int) -> dict[str, Any]:
    """A first visit with an empty cache: what a new reader gets."""
    if subject == _BARE:
        return run_bare(rig, profile)
    return run_calculator(rig, PATHS[subject], profile, detail=detail, edits=edits)


def repeat(rig: Rig, subject: str, profile: Profile, *, detail: bool, edits: int) -> dict[str, Any]:
    """A return visit with the site saved (the calculator page's ``live_ms``); bare's
    ``live_ms`` is its cold boot, what the return visit is measured against."""
    if subject == _BARE:
        return run_bare_repeat(rig)
    return run_repeat(rig, PATHS[subject])


def offline(
    rig: Rig, subject: str, profile: Profile, *, detail: bool, edits: int
) -> dict[str, Any]:
    """After one visit online, another calculator page opened and recomputed offline."""
    return run_offline(rig, PATHS[subject])


def in_webkit(
    rig: Rig, subject: str, profile: Profile, *, detail: bool, edits: int
) -> dict[str, Any]:
    """A cold visit in WebKitGTK (on localhost: no throttling there)."""
    return webkit.visit(rig, subject)


@dataclass(frozen=True)
class _Scenario:
    """A kind of run: its name in results.json, its profile, what it visits, and the
    command-line option that sets its number of runs (0 skips it)."""

    name: str
    profile: Profile
    subjects: tuple[str, ...]
    runs_option: str
    visit: _VisitFn = cold
    # The localhost runs also time edits (first run only), instant navigation, and all bytes.
    detail: bool = False


SCENARIOS = (
    _Scenario("localhost", LOCALHOST, (_BARE, "snapshot", "plain"), "runs", detail=True),
    _Scenario(CABLE.name, CABLE, ("snapshot", "plain"), "throttled_runs"),
    _Scenario(PHONE.name, PHONE, (_BARE, "snapshot", "plain"), "phone_runs"),
    _Scenario(REPEAT, LOCALHOST, (_BARE, "snapshot"), "repeat_runs", visit=repeat),
    _Scenario(OFFLINE, LOCALHOST, ("snapshot",), "offline_runs", visit=offline),
    _Scenario(WEBKIT, LOCALHOST, (_BARE, "snapshot"), "webkit_runs", visit=in_webkit),
)


def order(subjects: tuple[str, ...], index: int) -> list[str]:
    """Bare first, then the boot paths, alternating, so that none always goes first."""
    paths = [s for s in subjects if s != _BARE]
    return [s for s in subjects if s == _BARE] + paths[:: 1 if index % 2 == 0 else -1]


def run_scenario(
    rig: Rig, scenario: _Scenario, runs: int, edits: int
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """Its runs: the summary for results.json, and every visit's own figures."""
    visits: dict[str, list[dict[str, Any]]] = {subject: [] for subject in scenario.subjects}
    for index in range(runs):
        print(f"{scenario.name} ({scenario.profile}): run {index + 1} of {runs}…", flush=True)
        for subject in order(scenario.subjects, index):
            visits[subject].append(
                scenario.visit(
                    rig,
                    subject,
                    scenario.profile,
                    detail=scenario.detail,
                    edits=edits if index == 0 else 0,
                )
            )
    return _summarise(scenario, visits), visits


def _summarise(scenario: _Scenario, visits: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Medians over the runs; each subject's time over bare's in the same run, then the
    median of those ratios; bytes asked for until live in the first run."""
    if scenario.name == OFFLINE:
        return _summarise_offline(scenario, visits)
    profile = scenario.profile
    live = {subject: [v["live_ms"] for v in found] for subject, found in visits.items()}
    fetched = {
        subject: found[0]["bytes" if subject == _BARE else "bytes_to_live"]
        for subject, found in visits.items()
    }
    summary: dict[str, Any] = {
        "profile": str(profile),
        "runs": len(live[scenario.subjects[0]]),
        "live_ms": {subject: statistics.median(times) for subject, times in live.items()},
        "live_runs_ms": live,
        "bytes_to_live": fetched,
    }
    paths = [subject for subject in visits if subject != _BARE]
    if scenario.name == WEBKIT:
        # No instrument.js there: visits whose calculator was live before it was watched.
        summary["late_runs"] = sum(v["late"] for s in paths for v in visits[s])
        summary["engine"] = visits[paths[0]][0]["engine"]
    else:
        # Where the time to live goes: until the page asks the worker to load, then the
        # worker's boot on its own clock.
        summary["load_requested_ms"] = {
            s: statistics.median(v["load_posted_ms"] for v in visits[s]) for s in paths
        }
        summary["worker_ready_ms"] = {
            s: statistics.median(v["worker"]["ms"] for v in visits[s]) for s in paths
        }
    if profile.mbit:
        # The download alone, at the emulated bandwidth: a floor under live.
        summary["download_ms"] = {
            subject: split["total"]["sent"] * 8 / (profile.mbit * 1000)
            for subject, split in fetched.items()
        }
    if profile.cpu > 1:
        # Worker threads capped in each first visit (the page's and Material's search
        # worker), and the most found running without a cap at live, in any visit.
        summary["capped_worker_threads"] = {s: f[0]["capped_workers"] for s, f in visits.items()}
        summary["uncapped_worker_threads"] = max(
            v["uncapped_workers"] for found in visits.values() for v in found
        )
        # The most CPU time a worker thread had used at full speed before its cap landed.
        summary["worker_cpu_before_cap_ms"] = max(
            v["before_cap_cpu_ms"] for found in visits.values() for v in found
        )
    if scenario.name == REPEAT:
        # The first visits' own times, and bare's from its HTTP cache, for comparison.
        summary["first_visit_live_ms"] = {
            s: statistics.median(v["first_live_ms"] for v in visits[s]) for s in paths
        }
        summary["first_visit_bytes"] = {s: visits[s][0]["first_visit_bytes"] for s in paths}
        if _BARE in visits:
            summary["bare_repeat_live_ms"] = statistics.median(
                v["repeat_live_ms"] for v in visits[_BARE]
            )
    if _BARE in live:
        summary["over_bare"] = {
            subject: statistics.median(a / b for a, b in zip(times, live[_BARE], strict=True))
            for subject, times in live.items()
            if subject != _BARE
        }
    return summary


def _summarise_offline(
    scenario: _Scenario, visits: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """1 when every run went live and recomputed offline, else 0 and what went wrong."""
    found = [v for subject in scenario.subjects for v in visits[subject]]
    done = [v["live_ms"] for v in found if v["ok"]]
    return {
        "profile": str(scenario.profile),
        "runs": len(found),
        "ok": min(v["ok"] for v in found),
        "errors": [v["error"] for v in found if not v["ok"]],
        "live_ms": statistics.median(done) if done else None,
        "recompute_ms": [v["recompute"]["total"] for v in found if v["ok"]],
        "bytes_sent_offline": max(v["bytes_to_live"]["total"]["sent"] for v in found),
    }
