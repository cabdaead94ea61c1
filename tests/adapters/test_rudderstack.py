"""The RudderStack adapter against the real rudder-sdk-python client, on the wire."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from rudderstack.analytics import Client

from tests.support.capture import CaptureServer, Mode
from trackplan.targets.python.runtime.adapters.rudderstack import _TpRudderStackAdapter

ANON = "anon-7f3a9c"
USER = "user-42aa"


@pytest.fixture
def client(capture: CaptureServer) -> Iterator[Client]:
    sdk = Client(
        write_key="test-write-key",
        host=capture.url,
        upload_interval=0.05,
        max_retries=1,
        timeout=0.5,
    )
    yield sdk
    sdk.shutdown()


@pytest.fixture
def adapter(client: Client) -> _TpRudderStackAdapter:
    return _TpRudderStackAdapter(client, {})


def sent(capture: CaptureServer, client: Client) -> list[dict[str, Any]]:
    """Flush the client; return every message sent, reduced to what matters."""
    client.flush()
    messages: list[dict[str, Any]] = []
    for request in capture.requests:
        assert request.method == "POST"
        assert request.path == "/v1/batch"
        messages.extend(request.body["batch"])
    keys = (
        "type",
        "event",
        "name",
        "userId",
        "anonymousId",
        "properties",
        "traits",
        "groupId",
    )
    reduced = [{k: m[k] for k in keys if k in m} for m in messages]
    # RudderStack's SDK sends identify traits in context.traits, not at the top level.
    for message, full in zip(reduced, messages, strict=True):
        if message["type"] == "identify":
            message["context.traits"] = full["context"]["traits"]
    return reduced


def test_module_names_match_the_client(client: Client) -> None:
    assert type(client).__module__.startswith(_TpRudderStackAdapter.modules)


def test_anonymous_event(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "type": "track",
            "event": "Product Viewed",
            "userId": None,
            "anonymousId": ANON,
            "properties": {"SKU": "A-1"},
        }
    ]


def test_identified_event(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "type": "track",
            "event": "Product Viewed",
            "userId": USER,
            "anonymousId": None,
            "properties": {"SKU": "A-1"},
        }
    ]


def test_both_ids(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.log_event("Product Viewed", {}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "type": "track",
            "event": "Product Viewed",
            "userId": USER,
            "anonymousId": ANON,
            "properties": {},
        }
    ]


def test_identify_event(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {"Plan": "pro"}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {"type": "identify", "userId": USER, "anonymousId": ANON, "context.traits": {}},
        {
            "type": "track",
            "event": "Signed Up",
            "userId": USER,
            "anonymousId": ANON,
            "properties": {"Plan": "pro"},
        },
    ]


def test_user_properties(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.set_user_properties(
        {"Email": "a@example.com", "Plan": "pro"}, user_id=USER, anonymous_id=None
    )
    assert sent(capture, client) == [
        {
            "type": "identify",
            "userId": USER,
            "anonymousId": None,
            "context.traits": {"Email": "a@example.com", "Plan": "pro"},
        }
    ]


def test_page(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.log_page("Pricing", {"Referrer": "ad"}, user_id=None, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "type": "page",
            "name": "Pricing",
            "userId": None,
            "anonymousId": ANON,
            "properties": {"Referrer": "ad"},
        }
    ]


def test_revenue(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    properties = {"Order ID": "o-1"}
    adapter.revenue(19.5, properties, user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "type": "track",
            "event": "Revenue",
            "userId": USER,
            "anonymousId": None,
            "properties": {"Order ID": "o-1", "revenue": 19.5},
        }
    ]
    assert properties == {"Order ID": "o-1"}


def test_group(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.set_group("Company", "acme", user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "type": "group",
            "groupId": "acme",
            "userId": USER,
            "anonymousId": None,
            "traits": {"group_type": "Company"},
        }
    ]


def test_journey(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter
) -> None:
    adapter.log_page("Home", {}, user_id=None, anonymous_id=ANON)
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.set_user_properties(
        {"Email": "a@example.com"}, user_id=USER, anonymous_id=ANON
    )
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.log_event("Product Viewed", {"SKU": "B-2"}, user_id=USER, anonymous_id=None)
    messages = sent(capture, client)
    ids = [
        (m["type"], m.get("event", m.get("name")), m["userId"], m["anonymousId"])
        for m in messages
    ]
    assert ids == [
        ("page", "Home", None, ANON),
        ("track", "Product Viewed", None, ANON),
        ("identify", None, USER, ANON),
        ("identify", None, USER, ANON),
        ("track", "Signed Up", USER, ANON),
        ("track", "Product Viewed", USER, None),
    ]
    # What links the anonymous history to the user: an identify call carrying both ids.
    links = [
        m for m in messages if m["type"] == "identify" and m["anonymousId"] == ANON
    ]
    assert links
    assert all(m["userId"] == USER for m in links)


@pytest.mark.parametrize("mode", ["error", "hang"])
def test_delivery_failure_never_raises(
    capture: CaptureServer, client: Client, adapter: _TpRudderStackAdapter, mode: Mode
) -> None:
    capture.mode = mode
    started = time.monotonic()
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.log_page("Home", {}, user_id=USER, anonymous_id=None)
    client.flush()
    assert time.monotonic() - started < 8
    assert capture.requests, "the client tried to deliver"
