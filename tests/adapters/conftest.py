"""Fixtures for the adapter tests: a capture server per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.capture import CaptureServer


@pytest.fixture
def capture() -> Iterator[CaptureServer]:
    """A running capture server, closed (hangs released) after the test."""
    with CaptureServer(hang_seconds=2.0) as server:
        yield server
