"""Adapter test fixtures: a capture server per test, and no leaked SDK threads."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from tests.support.capture import CaptureServer


@pytest.fixture
def capture() -> Iterator[CaptureServer]:
    """A running capture server, closed (hangs released) after the test."""
    with CaptureServer(hang_seconds=2.0) as server:
        yield server


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test whose SDK threads outlive it (after its clients are shut down)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    for thread in set(threading.enumerate()) - before:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    alive = sorted(t.name for t in set(threading.enumerate()) - before if t.is_alive())
    assert not alive, f"threads still running after the test: {alive}"
