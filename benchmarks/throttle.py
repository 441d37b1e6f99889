"""Slowing Chromium down like a phone: the network and the page's CPU through the DevTools
protocol, and each worker thread's CPU through a Linux cgroup (Chromium can't throttle a worker).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from playwright.sync_api import BrowserContext, CDPSession, Frame, Page


@dataclass(frozen=True)
class Profile:
    """A device and a network for Chromium to emulate; the defaults are localhost as it is."""

    name: str
    mbit: float | None = None  # down and up
    rtt_ms: float = 0
    cpu: float = 1  # how many times slower, for the page and its workers

    def __str__(self) -> str:
        parts = [f"CPU {self.cpu:g}× slower"] if self.cpu > 1 else []
        if self.mbit:
            parts.append(f"{self.mbit:g} Mbit/s, {self.rtt_ms:g} ms RTT")
        return ", ".join(parts) or "localhost, unthrottled"


LOCALHOST = Profile("localhost")
# An ordinary connection, to weigh the snapshot's extra bytes against the boot time it saves.
CABLE = Profile("20 Mbit/s", mbit=20, rtt_ms=40)
# A mid-range phone on a middling mobile network.
PHONE = Profile("phone", mbit=10, rtt_ms=60, cpu=4)

# cgroup v1's cpu controller: unlike cgroup v2's, it takes single threads.
_CGROUP_CPU = Path("/sys/fs/cgroup/cpu")
# What Chromium calls its dedicated workers' threads on Linux (/proc/PID/task/TID/comm).
_WORKER_THREADS = frozenset({"DedicatedWorker"})
# The cap's accounting period: short, so that a capped thread runs in short slices as under
# Chromium's own throttle (at most 1 ms at a time), and long enough for the kernel's
# 4 ms tick to keep to the budget (the throttle check measures it).
_PERIOD_US = 10_000


class WorkerCPU:
    """Caps worker threads' CPU: each thread in its own cgroup, with 1/rate of one core.

    Chromium's ``Emulation.setCPUThrottlingRate`` slows only a renderer's main
    thread; sent to a worker's DevTools session it is refused ("Operation is
    only supported for pages, not workers"). The cap is the kernel's CFS
    bandwidth control: a thread that would keep a core busy gets a quarter of
    it, in 2.5 ms slices every 10 ms. It needs root and cgroup v1's cpu
    controller (this machine's); where either is missing, ``unavailable`` says
    why and the throttle check shows the worker running at full speed.
    """

    def __init__(self) -> None:
        self.root = _CGROUP_CPU / f"walkaway-bench-{os.getpid()}"
        self.home = "/" + _cpu_cgroup(Path("/proc/self/cgroup"))  # where the bench runs
        self.unavailable: str | None = None
        _remove_stale_groups()
        try:
            self.root.mkdir()
        except OSError as error:
            self.unavailable = f"no cgroup for the workers in {_CGROUP_CPU}: {error.strerror}"

    def capped(self, group: str) -> bool:
        """Whether a thread in this cgroup (a path in the cpu hierarchy) is capped."""
        return group.startswith("/" + self.root.relative_to(_CGROUP_CPU).as_posix() + "/")

    def cap(self, tid: int, rate: float) -> float:
        """Cap a thread; the CPU time it had used by then, in ms (at full speed)."""
        group = self.root / f"thread-{tid}"
        group.mkdir(exist_ok=True)
        (group / "cpu.cfs_period_us").write_text(str(_PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(str(round(_PERIOD_US / rate)))
        (group / "tasks").write_text(str(tid))  # the kernel takes about 10 ms over this
        return int(Path(f"/proc/{tid}/schedstat").read_text().split()[0]) / 1e6

    def __enter__(self) -> WorkerCPU:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Remove the cgroups; a thread still in one goes back to the benchmark's own."""
        if self.unavailable:
            return
        for group in self.root.glob("thread-*"):
            for tid in (group / "tasks").read_text().split():
                with contextlib.suppress(OSError):
                    (_CGROUP_CPU / self.home.lstrip("/") / "tasks").write_text(tid)
            group.rmdir()
        self.root.rmdir()


def _cpu_cgroup(proc_file: Path) -> str:
    """A process's or thread's cgroup in the cpu hierarchy, from /proc/.../cgroup."""
    for line in proc_file.read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "cpu" in controllers.split(","):
            return path.lstrip("/")
    return ""


def _remove_stale_groups() -> None:
    """Empty cgroups left by a benchmark that was killed (their threads are gone)."""
    for root in _CGROUP_CPU.glob("walkaway-bench-*"):
        if Path("/proc", root.name.rsplit("-", 1)[1]).exists():
            continue
        with contextlib.suppress(OSError):
            for group in root.glob("thread-*"):
                group.rmdir()
            root.rmdir()


def renderer_pids(browser_session: CDPSession) -> list[int]:
    """The browser's renderer processes (a session on the browser itself can list them)."""
    info = browser_session.send("SystemInfo.getProcessInfo")["processInfo"]
    return [int(process["id"]) for process in info if process["type"] == "renderer"]


def worker_threads(pids: Iterable[int]) -> dict[int, str]:
    """The worker threads of these processes, by the name Chromium gives them, each with
    its cgroup in the cpu hierarchy."""
    found = {}
    for pid in pids:
        with contextlib.suppress(OSError):
            for tid in os.listdir(f"/proc/{pid}/task"):
                task = Path(f"/proc/{pid}/task/{tid}")
                with contextlib.suppress(OSError):
                    if (task / "comm").read_text().strip() in _WORKER_THREADS:
                        found[int(tid)] = "/" + _cpu_cgroup(task / "cgroup")
    return found


@dataclass
class Throttled:
    """One visit's throttling: its DevTools session, the workers' sessions in it, the
    worker threads capped, and what the workers answered (see ``ask_workers``)."""

    profile: Profile
    session: CDPSession
    worker_sessions: list[str] = field(default_factory=list)
    capped: list[int] = field(default_factory=list)
    capped_at_ms: list[float] = field(default_factory=list)  # Unix time, each cap
    # The CPU time each capped thread had used at full speed before its cap, in ms.
    before_cap_cpu_ms: list[float] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    # Look for worker threads not yet capped and cap them; the number capped. A worker
    # reported before its thread has a name is found by calling this again.
    cap_late_threads: Callable[[], int] = lambda: 0

    def ask_workers(self, method: str, params: dict[str, Any]) -> None:
        """Send a DevTools command to every worker seen; the answers arrive in ``answers``.

        Not flattened: Playwright's CDP sessions can't address a child session,
        but a message to one can be wrapped in ``Target.sendMessageToTarget``.
        """
        for index, session_id in enumerate(self.worker_sessions):
            message = {"id": index + 1, "method": method, "params": params}
            self.session.send(
                "Target.sendMessageToTarget",
                {"sessionId": session_id, "message": json.dumps(message)},
            )

    def uncapped(self, browser_session: CDPSession, workers: WorkerCPU) -> int:
        """The browser's worker threads running without a cap (0 unless the CPU is slowed)."""
        if self.profile.cpu <= 1:
            return 0
        threads = worker_threads(renderer_pids(browser_session))
        return sum(not workers.capped(group) for group in threads.values())


def throttle(
    context: BrowserContext,
    page: Page,
    profile: Profile,
    browser_session: CDPSession,
    workers: WorkerCPU | None,
) -> Throttled:
    """Apply ``profile`` to ``page`` and every worker it starts, before it navigates.

    The network emulation is the browser's, per page: it applies to the
    page's workers' fetches too (the throttle check measures a worker's). The
    CPU throttle is Chromium's for the page's main thread; each worker thread
    is capped by the kernel as soon as DevTools reports the worker, before its
    script has arrived (``workers=None`` leaves them at full speed: the check's
    "Chromium alone").
    """
    session = context.new_cdp_session(page)
    done = Throttled(profile, session)
    if profile.mbit:
        session.send("Network.enable")
        bytes_per_s = profile.mbit * 1_000_000 / 8
        session.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": profile.rtt_ms,
                "downloadThroughput": bytes_per_s,
                "uploadThroughput": bytes_per_s,
            },
        )
    if profile.cpu <= 1:
        return done
    session.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu})

    # The renderer processes, listed again after each navigation, so that a worker's
    # thread is found without waiting for the browser to list them (which can take
    # 100 ms on a busy machine, while the worker runs at full speed).
    renderers: list[int] = []

    def navigated(frame: Frame) -> None:
        if frame.parent_frame is None:
            renderers[:] = renderer_pids(browser_session)

    def cap_new_threads(pids: list[int]) -> int:
        capped = 0
        for tid, group in worker_threads(pids).items():
            if workers is not None and not workers.capped(group):
                done.before_cap_cpu_ms.append(workers.cap(tid, profile.cpu))
                done.capped.append(tid)
                done.capped_at_ms.append(time.time() * 1000)
                capped += 1
        return capped

    def attached(event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] != "worker":
            return
        done.worker_sessions.append(event["sessionId"])
        if workers is None or workers.unavailable:
            return
        if not cap_new_threads(renderers):
            renderers[:] = renderer_pids(browser_session)
            cap_new_threads(renderers)

    def cap_late_threads() -> int:
        if workers is None or workers.unavailable:
            return 0
        renderers[:] = renderer_pids(browser_session)
        return cap_new_threads(renderers)

    done.cap_late_threads = cap_late_threads
    page.on("framenavigated", navigated)
    session.on("Target.attachedToTarget", attached)
    session.on(
        "Target.receivedMessageFromTarget",
        lambda event: done.answers.append(json.loads(event["message"])),
    )
    session.send(
        "Target.setAutoAttach",
        {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False},
    )
    return done
