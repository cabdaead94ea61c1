"""The PostHog adapter against the real posthog client (7.x), on the wire."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from posthog import Posthog

from tests.support.capture import CaptureServer, Mode
from trackplan.targets.python.runtime.adapters.posthog import _TpPostHogAdapter
from trackplan.targets.python.runtime.tracker import _tp_is_sdk_client

ANON = "anon-7f3a9c"
USER = "user-42aa"
# Added by the SDK to every message; not what these tests are about.
SDK_PROPERTIES = {
    "$python_runtime",
    "$python_version",
    "$os",
    "$os_version",
    "$os_distro",
    "$lib",
    "$lib_version",
    "$geoip_disable",
    "$is_server",
}


@pytest.fixture
def client(capture: CaptureServer) -> Iterator[Posthog]:
    sdk = Posthog(
        "phc_test_key",
        host=capture.url,
        flush_interval=0.05,
        max_retries=1,
        timeout=0.5,
    )
    yield sdk
    sdk.shutdown()


@pytest.fixture
def adapter(client: Posthog) -> _TpPostHogAdapter:
    return _TpPostHogAdapter(client, {})


def sent(capture: CaptureServer, client: Posthog) -> list[dict[str, Any]]:
    """Flush the client; return every message sent, reduced to what matters."""
    client.flush()
    messages: list[dict[str, Any]] = []
    for request in capture.requests:
        assert request.method == "POST"
        assert request.path == "/batch/"
        assert request.body["api_key"] == "phc_test_key"
        messages.extend(request.body["batch"])
    reduced = []
    for message in messages:
        properties = {
            k: v
            for k, v in message.get("properties", {}).items()
            if k not in SDK_PROPERTIES
        }
        extra = {k: message[k] for k in ("$set",) if k in message}
        reduced.append(
            {
                "event": message["event"],
                "distinct_id": message["distinct_id"],
                "properties": properties,
                **extra,
            }
        )
    return reduced


def test_the_client_is_recognised(client: Posthog) -> None:
    assert _tp_is_sdk_client(client, _TpPostHogAdapter.classes)


def test_async_client_is_refused() -> None:
    from_async_module = type("AsyncPosthog", (), {"__module__": "posthog.async_client"})
    with pytest.raises(TypeError, match=r"posthog\.Posthog"):
        _TpPostHogAdapter(from_async_module(), {})


def test_anonymous_event(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event": "Product Viewed",
            "distinct_id": ANON,
            "properties": {"SKU": "A-1", "$process_person_profile": False},
        }
    ]


def test_identified_event(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {"event": "Product Viewed", "distinct_id": USER, "properties": {"SKU": "A-1"}}
    ]


def test_both_ids(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.log_event("Product Viewed", {}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {"event": "Product Viewed", "distinct_id": USER, "properties": {}}
    ]


def test_identify_event(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {"Plan": "pro"}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event": "$identify",
            "distinct_id": USER,
            "properties": {"$anon_distinct_id": ANON},
        },
        {"event": "Signed Up", "distinct_id": USER, "properties": {"Plan": "pro"}},
    ]


def test_user_properties(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.set_user_properties(
        {"Email": "a@example.com", "Plan": "pro"}, user_id=USER, anonymous_id=ANON
    )
    assert sent(capture, client) == [
        {
            "event": "$set",
            "distinct_id": USER,
            "properties": {},
            "$set": {"Email": "a@example.com", "Plan": "pro"},
        }
    ]


def test_page(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.log_page("Pricing", {"Referrer": "ad"}, user_id=None, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event": "$pageview",
            "distinct_id": ANON,
            "properties": {
                "Referrer": "ad",
                "page_name": "Pricing",
                "$process_person_profile": False,
            },
        }
    ]


def test_revenue(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    properties = {"Order ID": "o-1"}
    adapter.revenue(19.5, properties, user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "event": "Revenue",
            "distinct_id": USER,
            "properties": {"Order ID": "o-1", "revenue": 19.5},
        }
    ]
    assert properties == {"Order ID": "o-1"}


def test_group(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
) -> None:
    adapter.set_group("company", "acme", user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "event": "$groupidentify",
            "distinct_id": USER,
            "properties": {
                "$group_type": "company",
                "$group_key": "acme",
                "$group_set": {},
            },
        }
    ]


def test_journey(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter
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
        (
            m["event"],
            m["distinct_id"],
            m["properties"].get("$process_person_profile", True),
        )
        for m in messages
    ]
    assert ids == [
        ("$pageview", ANON, False),
        ("Product Viewed", ANON, False),
        ("$identify", USER, True),
        ("$set", USER, True),
        ("Signed Up", USER, True),
        ("Product Viewed", USER, True),
    ]
    # What links the anonymous id to the user: $identify with $anon_distinct_id.
    links = [m for m in messages if m["properties"].get("$anon_distinct_id") == ANON]
    assert [(m["event"], m["distinct_id"]) for m in links] == [("$identify", USER)]


@pytest.mark.parametrize("mode", ["error", "hang"])
def test_delivery_failure_never_raises(
    capture: CaptureServer, client: Posthog, adapter: _TpPostHogAdapter, mode: Mode
) -> None:
    capture.mode = mode
    started = time.monotonic()
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.log_page("Home", {}, user_id=USER, anonymous_id=None)
    client.flush()
    assert time.monotonic() - started < 8
    assert capture.requests, "the client tried to deliver"
