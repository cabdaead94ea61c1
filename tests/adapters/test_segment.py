"""The Segment and RudderStack adapters against their real clients, on the wire.

rudder-sdk-python is a fork of segment-analytics-python and the RudderStack adapter
builds on Segment's, so one set of tests runs against both: the payloads are the same
but for where identify traits travel (``traits`` for Segment, ``context.traits`` for
RudderStack, which is where its SDK puts them).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
import rudderstack.analytics
import segment.analytics

from tests.support.capture import CaptureServer, Mode
from trackplan.targets.python.runtime.adapters.rudderstack import _TpRudderStackAdapter
from trackplan.targets.python.runtime.adapters.segment import _TpSegmentAdapter
from trackplan.targets.python.runtime.tracker import _tp_is_sdk_client

ANON = "anon-7f3a9c"
USER = "user-42aa"


class Vendor(NamedTuple):
    client: Any  # the SDK's Client class
    options: dict[str, Any]  # options only this SDK has
    adapter: type[_TpSegmentAdapter]
    traits: str  # where identify traits are sent: a key, or a dotted path


VENDORS = {
    "segment": Vendor(
        segment.analytics.Client,
        {"max_total_backoff_duration": 2},
        _TpSegmentAdapter,
        "traits",
    ),
    "rudderstack": Vendor(
        rudderstack.analytics.Client, {}, _TpRudderStackAdapter, "context.traits"
    ),
}


@pytest.fixture(params=list(VENDORS))
def vendor(request: pytest.FixtureRequest) -> Vendor:
    return VENDORS[request.param]


@pytest.fixture
def client(capture: CaptureServer, vendor: Vendor) -> Iterator[Any]:
    sdk = vendor.client(
        write_key="test-write-key",
        host=capture.url,
        upload_interval=0.05,
        max_retries=1,
        timeout=0.5,
        **vendor.options,
    )
    yield sdk
    sdk.shutdown()


@pytest.fixture
def adapter(client: Any, vendor: Vendor) -> _TpSegmentAdapter:
    return vendor.adapter(client, {})


def sent(capture: CaptureServer, client: Any) -> list[dict[str, Any]]:
    """Flush the client; return every message sent, reduced to what matters.

    Identify traits are under the key their SDK sends them at, flattened: a RudderStack
    message's ``context.traits`` becomes the key ``"context.traits"``.
    """
    client.flush()
    messages: list[dict[str, Any]] = []
    for request in capture.requests:
        assert request.method == "POST"
        assert request.path == "/v1/batch"
        messages.extend(request.body["batch"])
    keys = ("type", "event", "name", "userId", "anonymousId", "properties", "groupId")
    reduced = []
    for message in messages:
        found = {k: message[k] for k in keys if k in message}
        if "traits" in message:
            found["traits"] = message["traits"]
        if message["type"] == "identify" and "traits" in message.get("context", {}):
            found["context.traits"] = message["context"]["traits"]
        reduced.append(found)
    return reduced


def test_the_client_is_recognised(client: Any, vendor: Vendor) -> None:
    assert _tp_is_sdk_client(client, vendor.adapter.classes)


def test_anonymous_event(
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter
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
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter
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
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter
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
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter, vendor: Vendor
) -> None:
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {"Plan": "pro"}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {"type": "identify", "userId": USER, "anonymousId": ANON, vendor.traits: {}},
        {
            "type": "track",
            "event": "Signed Up",
            "userId": USER,
            "anonymousId": ANON,
            "properties": {"Plan": "pro"},
        },
    ]


def test_user_properties(
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter, vendor: Vendor
) -> None:
    adapter.set_user_properties(
        {"Email": "a@example.com", "Plan": "pro"}, user_id=USER, anonymous_id=None
    )
    assert sent(capture, client) == [
        {
            "type": "identify",
            "userId": USER,
            "anonymousId": None,
            vendor.traits: {"Email": "a@example.com", "Plan": "pro"},
        }
    ]


def test_page(capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter) -> None:
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
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter
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


def test_group(capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter) -> None:
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
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter
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
    capture: CaptureServer, client: Any, adapter: _TpSegmentAdapter, mode: Mode
) -> None:
    capture.mode = mode
    started = time.monotonic()
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.log_page("Home", {}, user_id=USER, anonymous_id=None)
    client.flush()
    assert time.monotonic() - started < 8
    assert capture.requests, "the client tried to deliver"
