"""A local HTTP server that records what vendor SDKs send, for on-the-wire tests.

It listens on 127.0.0.1 (a free port), decodes every request body (gzip, JSON,
form-encoded with a JSON or base64 ``data`` field) and answers in one of three modes:
``ok`` (200 with a JSON body every SDK accepts), ``error`` (500) or ``hang`` (no answer
for ``hang_seconds``, then 500; closing the server ends every hang at once).
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

Mode = Literal["ok", "error", "hang"]

# Accepted by every SDK under test: Mixpanel reads "status", Amplitude "code".
_OK_BODY = json.dumps({"status": 1, "code": 200}).encode()
_ERROR_BODY = json.dumps(
    {
        "status": 0,
        "code": 500,
        "error": "capture server error",
        "message": "capture server error",
    }
).encode()


@dataclass(frozen=True)
class CapturedRequest:
    """One request as received: the decoded body is JSON, a form dict or text."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any = field(repr=False)


def decode_body(raw: bytes, headers: dict[str, str]) -> Any:
    """Decode a body: gunzip, then JSON, or form fields (``data`` as JSON or base64)."""
    if headers.get("content-encoding", "").lower() == "gzip" or raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    if not text:
        return None
    content_type = headers.get("content-type", "")
    if "application/x-www-form-urlencoded" in content_type:
        form: dict[str, Any] = {
            k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()
        }
        if "data" in form:
            form["data"] = _decode_data_field(form["data"])
        return form
    try:
        return json.loads(text)
    except ValueError:
        return text


def _decode_data_field(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        pass
    try:
        return json.loads(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        return value


class CaptureServer:
    """Threaded capture server: a context manager, or call ``start`` and ``close``."""

    def __init__(self, hang_seconds: float = 2.0) -> None:
        self.mode: Mode = "ok"
        self.hang_seconds = hang_seconds
        self._requests: list[CapturedRequest] = []
        self._lock = threading.Condition()
        self._closing = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="capture-server",
            daemon=True,
        )

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> CaptureServer:
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving; requests still hanging are answered at once."""
        self._closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> CaptureServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def requests(self) -> list[CapturedRequest]:
        """Every request received so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    def clear(self) -> None:
        with self._lock:
            self._requests.clear()

    def wait_for(
        self, predicate: Callable[[list[CapturedRequest]], bool], timeout: float = 5.0
    ) -> list[CapturedRequest]:
        """Wait until ``predicate(requests)`` holds and return the requests."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self._requests):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"capture server: condition not met in {timeout}s; "
                        f"got {len(self._requests)} request(s)"
                    )
                self._lock.wait(remaining)
            return list(self._requests)

    def _record(self, request: CapturedRequest) -> None:
        with self._lock:
            self._requests.append(request)
            self._lock.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self._capture()

            def do_GET(self) -> None:
                self._capture()

            def _capture(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                parts = urlsplit(self.path)
                server._record(
                    CapturedRequest(
                        method=self.command,
                        path=parts.path,
                        query=parse_qs(parts.query),
                        headers=headers,
                        body=decode_body(raw, headers),
                    )
                )
                mode = server.mode
                if mode == "hang":
                    server._closing.wait(server.hang_seconds)
                status, body = (200, _OK_BODY) if mode == "ok" else (500, _ERROR_BODY)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting (its timeout); nothing to answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
