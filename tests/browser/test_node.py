"""The generated Node tracker with the real @segment/analytics-node, on the wire.

node_journey.ts sends, through the generated server tracker: an event with only the
anonymous id, one with only the user id, one with both, the Identify event, a page, an
order with revenue and a group. analytics-node batches and sends them to a local
capture server; the expectations are those of the Python Segment adapter
(tests/adapters/test_segment.py). Requests may arrive in any order (the SDK sends
batches concurrently), so messages are compared as a collection, never by position.
"""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from typing import Any

import pytest

from tests.browser.conftest import Build
from tests.support.capture import CaptureServer, Mode

ANON = "anon-7f3a9c"  # the ids node_journey.ts passes
USER = "user-42aa"


def _run(build: Build, capture: CaptureServer) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(build.node_journey), capture.url],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.fixture(scope="module")
def messages(build: Build) -> list[dict[str, Any]]:
    with CaptureServer() as capture:
        result = _run(build, capture)
        assert result.returncode == 0, result.stdout + result.stderr
        requests = capture.requests
    found: list[dict[str, Any]] = []
    for request in requests:
        assert (request.method, request.path) == ("POST", "/v1/batch")
        assert request.body["writeKey"] == "test-write-key"
        found += request.body["batch"]
    return found


def _key(message: dict[str, Any]) -> tuple[Any, ...]:
    """What a message says, without the SDK's timestamps, message ids and context."""
    return (
        message["type"],
        message.get("event", message.get("name")),
        message.get("userId"),
        message.get("anonymousId"),
        repr(message.get("properties", message.get("traits"))),
    )


def test_every_call_reached_segment_once(messages: list[dict[str, Any]]) -> None:
    expected = [
        ("track", "Product Viewed", None, ANON, repr({"SKU": "anonymous"})),
        ("track", "Product Viewed", USER, None, repr({"SKU": "identified"})),
        ("track", "Product Viewed", USER, ANON, repr({"SKU": "both"})),
        ("identify", None, USER, ANON, repr({})),
        ("identify", None, USER, ANON, repr({"Email": "a@example.com"})),
        ("track", "Signed Up", USER, ANON, repr({})),
        ("page", "Home", None, ANON, repr({"Path": "/"})),
        ("track", "Order Completed", USER, None, repr({"Order ID": "o-1"})),
        ("track", "Revenue", USER, None, repr({"Order ID": "o-1", "revenue": 19.5})),
        ("group", None, USER, None, repr({"group_type": "Company"})),
        ("track", "Company Joined", USER, None, repr({})),
    ]
    assert Counter(map(_key, messages)) == Counter(expected)


def test_an_id_not_given_is_absent_not_null(messages: list[dict[str, Any]]) -> None:
    anonymous = [m for m in messages if m.get("properties") == {"SKU": "anonymous"}]
    identified = [m for m in messages if m.get("properties") == {"SKU": "identified"}]
    assert "userId" not in anonymous[0]
    assert "anonymousId" not in identified[0]


def test_the_identify_event_links_the_anonymous_id(
    messages: list[dict[str, Any]],
) -> None:
    # The Identify event's identify calls carry both ids: Segment merges the anonymous
    # history into the user from that message on.
    identifies = [m for m in messages if m["type"] == "identify"]
    assert {(m["userId"], m["anonymousId"]) for m in identifies} == {(USER, ANON)}
    group = next(m for m in messages if m["type"] == "group")
    assert group["groupId"] == "acme"


@pytest.mark.parametrize("mode", ["error", "hang"])
def test_a_failing_endpoint_never_fails_the_host(build: Build, mode: Mode) -> None:
    with CaptureServer(hang_seconds=1.0) as capture:
        capture.mode = mode
        started = time.monotonic()
        result = _run(build, capture)
        elapsed = time.monotonic() - started
        tried = len(capture.requests)
    assert result.returncode == 0, result.stdout + result.stderr
    assert tried, "analytics-node tried to deliver"
    assert elapsed < 30
