"""The engines' driver code itself, without a browser: a hung WebKit start is retried."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.engines import drivers


class FakeService:
    """A driver service whose stop() ends the request that hangs on it."""

    def __init__(self, hangs: bool, stops: list[FakeService] | None = None) -> None:
        self.hangs = hangs
        self.stopped = threading.Event()
        self.stops = stops

    def stop(self) -> None:
        if self.stops is not None:
            self.stops.append(self)
        self.stopped.set()

    def start(self) -> str:
        if self.hangs:
            self.stopped.wait(5)
            raise ConnectionResetError("the driver is gone")
        return "session"


def test_a_hung_session_start_is_stopped_and_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first start hangs: its driver is stopped, and the second start is the session."""
    monkeypatch.setattr(drivers, "SESSION_START_S", 0.2)
    stops: list[FakeService] = []
    services = [FakeService(hangs=True, stops=stops), FakeService(hangs=False, stops=stops)]

    def make() -> tuple[Any, Any]:
        service = services.pop(0)
        return service, service.start

    assert drivers._started(make) == "session"
    assert len(stops) == 1
    assert stops[0].hangs


def test_a_start_that_never_comes_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every try hangs: an error that says so, not a test run that never ends."""
    monkeypatch.setattr(drivers, "SESSION_START_S", 0.05)

    def make() -> tuple[Any, Any]:
        service = FakeService(hangs=True)
        return service, service.start

    with pytest.raises(drivers.EngineError, match="no session in 3 tries"):
        drivers._started(make)
