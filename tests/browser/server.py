"""One local HTTP server for the SDK tests: the test pages, and the capture endpoints.

Pages and SDK requests share one origin (127.0.0.1 and a free port), so the browser
sends no CORS preflights. GET of a file in ``root`` serves it; every other request is
recorded and answered by the capture server it extends (tests/support/capture.py),
except ``GET /__count``: the number of requests recorded so far.
"""

from __future__ import annotations

import mimetypes
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.capture import CaptureServer

# GET answers how many requests were recorded, so a runner can wait for quiet.
COUNT_PATH = "/__count"


class PageServer(CaptureServer):
    """Serves ``root`` and records the rest; a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        super().__init__()

    def _file(self, path: str) -> Path | None:
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_file() and candidate.is_relative_to(self.root):
            return candidate
        return None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self
        capture = super()._handler_class()

        class Handler(capture):
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

            def _answer(self, status: int, kind: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

        return Handler
