"""Firefox and WebKit, driven the same way from pytest: one small interface over two
WebDriver protocols.

- Firefox ESR (Debian's ``firefox-esr``) over WebDriver BiDi, its own remote protocol,
  spoken here directly on a WebSocket (``websockets``): Selenium would need geckodriver,
  which Debian doesn't package and whose npm and PyPI wrappers download a binary.
- WebKitGTK (Debian's ``webkit2gtk-driver``, ``WebKitWebDriver`` with its MiniBrowser)
  over classic WebDriver with Selenium. WebKitGTK has no headless mode, so it draws on
  an Xvfb screen of its own.

Each test gets a fresh browser state: a new user context in Firefox (its own cookies,
storage, caches and service workers), a new MiniBrowser session in WebKit (ephemeral).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

FIREFOX = "firefox-esr"
WEBKIT_DRIVER = "WebKitWebDriver"
XVFB = "Xvfb"

# Finds a control in a calculator by its label's text, as a reader finds it.
_FIELD = """(name, label) => {
  const calc = document.querySelector(`.wa-calc[data-calculator="${name}"]`);
  const found = [...calc.querySelectorAll("label")].filter(
    (element) => element.textContent.replace(/\\s+/g, " ").trim() === label);
  if (!found.length || !found[0].control) {
    throw new Error(`no label reads "${label}" in the ${name} calculator`);
  }
  return found[0].control;
}"""


class EngineError(AssertionError):
    """The browser refused a command, or a script in the page threw."""


class Unsupported(Exception):
    """The driver can't do this in this engine (said in the test's skip reason)."""


class Engine(Protocol):
    name: str
    version: str

    def open(self, url: str) -> None: ...
    def call(self, function: str, *args: object) -> Any: ...
    def type_into(self, calculator: str, label: str, text: str) -> None: ...
    def before_page_scripts(self, script: str) -> None: ...
    def close(self) -> None: ...


def wait_for(engine: Engine, function: str, *args: object, timeout: float, what: str) -> Any:
    """Call ``function`` in the page until it returns something truthy; fail saying
    ``what`` was awaited, and what the function last returned."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while True:
        last = engine.call(function, *args)
        if last:
            return last
        if time.monotonic() > deadline:
            raise AssertionError(
                f"{engine.name}: {what} not seen in {timeout:.0f} s (last: {last!r})"
            )
        time.sleep(0.2)


def _wrapped(function: str) -> str:
    """A page function that takes its arguments as JSON and answers in JSON, awaited."""
    return (
        "async (json) => { const value = await (" + function + ")(...JSON.parse(json));"
        " return JSON.stringify(value === undefined ? null : value); }"
    )


# ---------------------------------------------------------------- Firefox: WebDriver BiDi

# What the profile sets: no update checks, telemetry or other calls home (the network
# here is closed, and a test must not depend on it), and nothing asked at first start.
FIREFOX_PREFS = {
    "app.update.disabledForTesting": True,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.server": "",
    "network.connectivity-service.enabled": False,
    "network.captive-portal-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "remote.prefs.recommended": True,
}


class Firefox:
    """One Firefox process and one BiDi session; each :meth:`fresh` is a new user context."""

    name = "firefox"

    def __init__(self) -> None:
        from websockets.sync.client import connect

        executable = shutil.which(FIREFOX)
        if not executable:
            raise Unsupported(f"{FIREFOX} is not installed (make engines installs it)")
        self.profile = Path(tempfile.mkdtemp(prefix="walkaway-firefox-"))
        (self.profile / "user.js").write_text(
            "".join(
                f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in FIREFOX_PREFS.items()
            )
        )
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-remote",
                "--profile",
                str(self.profile),
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            address = self._listening(timeout=60)
            self.socket = connect(address + "/session", max_size=None, open_timeout=30).__enter__()
            self.ids = itertools.count(1)
            capabilities = self.command("session.new", {"capabilities": {}})["capabilities"]
        except BaseException:
            self.process.kill()
            self.process.wait()
            raise
        self.version = f"Firefox {capabilities['browserVersion']}"

    def _listening(self, timeout: float) -> str:
        assert self.process.stderr
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stderr], [], [], 1)
            if not ready:
                continue
            line = self.process.stderr.readline()
            if not line:
                break
            seen.append(line)
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if found:
                # Keep reading what it prints, so that a full pipe never blocks it.
                stream = self.process.stderr
                self.drain = threading.Thread(target=stream.read, daemon=True)
                self.drain.start()
                return found[1]
        raise EngineError(f"Firefox did not open WebDriver BiDi: {''.join(seen)[-2000:]}")

    def command(self, method: str, params: dict[str, Any], timeout: float = 120) -> Any:
        ident = next(self.ids)
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") != ident:
                continue  # an event: none is subscribed to, but ignore any
            if message.get("type") == "error":
                raise EngineError(f"{method}: {message['error']}: {message.get('message')}")
            return message["result"]

    def fresh(self) -> FirefoxPage:
        return FirefoxPage(self)

    def quit(self) -> None:
        try:
            self.command("session.end", {}, timeout=10)
            self.socket.close()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.drain.join(timeout=10)
        assert self.process.stderr
        self.process.stderr.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class FirefoxPage:
    """A tab in a user context of its own."""

    name = "firefox"

    def __init__(self, browser: Firefox) -> None:
        self.browser = browser
        self.version = browser.version
        self.user_context = browser.command("browser.createUserContext", {})["userContext"]
        self.context = browser.command(
            "browsingContext.create", {"type": "tab", "userContext": self.user_context}
        )["context"]

    def open(self, url: str) -> None:
        self.browser.command(
            "browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"}
        )

    def call(self, function: str, *args: object) -> Any:
        result = self.browser.command(
            "script.callFunction",
            {
                "functionDeclaration": _wrapped(function),
                "arguments": [{"type": "string", "value": json.dumps(list(args))}],
                "awaitPromise": True,
                "target": {"context": self.context},
            },
        )
        if result["type"] == "exception":
            raise EngineError(f"firefox: {result['exceptionDetails']['text']}")
        return json.loads(result["result"]["value"])

    def type_into(self, calculator: str, label: str, text: str) -> None:
        # Focus the field and select what it holds, then type as a keyboard does.
        self.call(
            f"(name, label) => {{ const field = ({_FIELD})(name, label);"
            " field.focus(); field.select(); }",
            calculator,
            label,
        )
        keys = ["\ue003", *text]  # Backspace, then each character
        actions = []
        for key in keys:
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.browser.command(
            "input.performActions",
            {
                "context": self.context,
                "actions": [{"type": "key", "id": "keyboard", "actions": actions}],
            },
        )

    def before_page_scripts(self, script: str) -> None:
        self.browser.command(
            "script.addPreloadScript",
            {"functionDeclaration": f"() => {{ {script} }}", "userContexts": [self.user_context]},
        )

    def close(self) -> None:
        try:
            self.browser.command("browsingContext.close", {"context": self.context}, timeout=30)
        finally:
            self.browser.command("browser.removeUserContext", {"userContext": self.user_context})


# ---------------------------------------------------------------- WebKit: WebKitWebDriver


class Xvfb:
    """A virtual screen for WebKitGTK, on a display number the server picks itself."""

    def __init__(self) -> None:
        executable = shutil.which(XVFB)
        if not executable:
            raise Unsupported(f"{XVFB} is not installed (make engines installs xvfb)")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [
                executable,
                "-displayfd",
                str(write),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=[write],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise EngineError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class WebKit:
    """WebKitGTK's MiniBrowser under WebKitWebDriver; each :meth:`fresh` is a new session."""

    name = "webkit"

    def __init__(self) -> None:
        self.driver = shutil.which(WEBKIT_DRIVER)
        if not self.driver:
            raise Unsupported(
                f"{WEBKIT_DRIVER} is not installed (make engines installs webkit2gtk-driver)"
            )
        self.screen = Xvfb()

    def fresh(self) -> WebKitPage:
        return WebKitPage(self)

    def quit(self) -> None:
        self.screen.stop()


# Seen here once in a few dozen starts: WebKitWebDriver never starts its MiniBrowser,
# and the new-session request waits for ever (Selenium's client has no timeout). A
# start that takes longer than this is given up, its driver stopped, and tried again.
SESSION_START_S = 60
SESSION_TRIES = 3


def _within(start: Callable[[], Any], seconds: float) -> dict[str, Any]:
    """Run ``start`` on a thread for at most ``seconds``: {"session": ...}, {"problem": ...},
    or {} when it is still waiting."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["session"] = start()
        except Exception as problem:  # a session that didn't start: the caller tries again
            box["problem"] = problem

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    return box


def _started(make: Callable[[], tuple[Any, Callable[[], Any]]]) -> Any:
    """A new WebKit session, tried afresh when one hangs: ``make`` gives a driver service
    and the call that starts a session with it."""
    for _ in range(SESSION_TRIES):
        service, start = make()
        box = _within(start, SESSION_START_S)
        if "session" in box:
            return box["session"]
        service.stop()  # ends a hung request too: the driver is gone
    raise EngineError(f"webkit: no session in {SESSION_TRIES} tries of {SESSION_START_S} s")


class WebKitPage:
    name = "webkit"

    def __init__(self, browser: WebKit) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        assert browser.driver
        driver, display = browser.driver, browser.screen.display

        def session() -> Any:
            service = Service(executable_path=driver, env={**os.environ, "DISPLAY": display})
            return service, lambda: webdriver.WebKitGTK(options=Options(), service=service)

        self.session = _started(session)
        self.session.set_script_timeout(120)
        self.session.set_window_size(1280, 900)
        self.version = f"WebKitGTK {self.session.capabilities.get('browserVersion')}"

    def open(self, url: str) -> None:
        self.session.get(url)

    def call(self, function: str, *args: object) -> Any:
        answer = self.session.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"({_wrapped(function)})(arguments[0]).then("
            "  (json) => done({json}),"
            "  (error) => done({error: String(error && error.stack || error)}));",
            json.dumps(list(args)),
        )
        if "error" in answer:
            raise EngineError(f"webkit: {answer['error']}")
        return json.loads(answer["json"])

    def type_into(self, calculator: str, label: str, text: str) -> None:
        field = self.session.execute_script(
            f"return ({_FIELD})(arguments[0], arguments[1]);", calculator, label
        )
        field.clear()
        field.send_keys(text)

    def before_page_scripts(self, script: str) -> None:
        raise Unsupported("classic WebDriver has no way to run a script before a page's own")

    def close(self) -> None:
        self.session.quit()


def start(name: str) -> Firefox | WebKit:
    return Firefox() if name == "firefox" else WebKit()
