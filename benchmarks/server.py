"""The benchmark's web server: the built site on 127.0.0.1, gzipped like a static host,
logging every response's bytes (and when it was asked for) for the byte figures."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.support.rig import TYPES

# What a typical static host compresses on the fly: text, scripts, data and
# WebAssembly; not archives, which are compressed already.
_COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".map", ".txt"}


@dataclass(frozen=True)
class Fetch:
    """One response the server sent: its path, body bytes on the wire and decoded, and
    when its request arrived (Unix time in ms, the clock ``performance.timeOrigin`` uses)."""

    path: str
    sent: int
    size: int
    at_ms: float


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
        asked_ms = time.time() * 1000
        url_path = unquote(urlsplit(self.path).path)
        path = (self.state.directory / url_path.lstrip("/")).resolve()
        if not path.is_relative_to(self.state.directory):
            self.fail(404, asked_ms)
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
            self.fail(404, asked_ms)
            return
        data = path.read_bytes()
        size = len(data)
        encoded = data
        compress = (
            self.state.compress
            and path.suffix in _COMPRESSIBLE
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
            self.state.record(Fetch(url_path, len(encoded), size, asked_ms))

    def fail(self, status: int, asked_ms: float) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.state.record(Fetch(unquote(urlsplit(self.path).path), 0, 0, asked_ms))

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
