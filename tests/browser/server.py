"""One local HTTP server for the SDK tests: the test pages, and the capture endpoints.

Pages and SDK requests share one origin (127.0.0.1 and a free port), so the browser
sends no CORS preflights. GET of a file in ``root`` serves it; every other request is
recorded (body decoded as in tests/support/capture.py) and answered 200 with JSON,
except ``GET /__count``: the number of requests recorded so far.
"""

from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.capture import CapturedRequest, decode_body

_OK = b'{"status": 1, "code": 200, "success": true}'
# GET answers how many requests were recorded, so a runner can wait for quiet.
COUNT_PATH = "/__count"


class PageServer:
    """Serves ``root`` and records the rest; a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._requests: list[CapturedRequest] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="page-server",
            daemon=True,
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def requests(self) -> list[CapturedRequest]:
        """Every recorded request so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    def clear(self) -> None:
        with self._lock:
            self._requests.clear()

    def _file(self, path: str) -> Path | None:
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_file() and candidate.is_relative_to(self.root):
            return candidate
        return None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                if path == COUNT_PATH:
                    count = len(server.requests)
                    self._answer(200, "application/json", b'{"count": %d}' % count)
                    return
                found = server._file(path)
                if found is None:
                    self._capture()
                    return
                kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
                self._answer(200, kind, found.read_bytes())

            def do_POST(self) -> None:
                self._capture()

            def do_OPTIONS(self) -> None:
                self._answer(204, "text/plain", b"")

            def _capture(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                parts = urlsplit(self.path)
                request = CapturedRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers=headers,
                    body=decode_body(raw, headers),
                )
                with server._lock:
                    server._requests.append(request)
                self._answer(200, "application/json", _OK)

            def _answer(self, status: int, kind: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "*")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
