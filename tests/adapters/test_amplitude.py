"""The Amplitude adapter against the real amplitude-analytics client, on the wire."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from amplitude import Amplitude, Config

from tests.support.capture import CaptureServer, Mode
from trackplan.targets.python.runtime.adapters.amplitude import _TpAmplitudeAdapter
from trackplan.targets.python.runtime.tracker import _tp_is_sdk_client

ANON = "anon-7f3a9c"
USER = "user-42aa"


def make_client(capture: CaptureServer, **config: Any) -> Amplitude:
    # A flush interval longer than any test's calls keeps each test's events in one
    # batch, in call order; the consumer thread still ends soon after.
    return Amplitude(
        "test-api-key",
        Config(
            server_url=f"{capture.url}/2/httpapi",
            flush_interval_millis=1000,
            flush_max_retries=1,
            **config,
        ),
    )


@pytest.fixture
def client(capture: CaptureServer) -> Iterator[Amplitude]:
    sdk = make_client(capture)
    yield sdk
    sdk.shutdown()


@pytest.fixture
def adapter(client: Amplitude) -> _TpAmplitudeAdapter:
    return _TpAmplitudeAdapter(client, {})


def flush(client: Amplitude) -> None:
    for future in client.flush():
        if future is not None:
            future.result(timeout=10)


def sent(capture: CaptureServer, client: Amplitude) -> list[dict[str, Any]]:
    """Flush the client; return every event sent, reduced to the fields that matter."""
    flush(client)
    events: list[dict[str, Any]] = []
    for request in capture.requests:
        assert request.method == "POST"
        assert request.path == "/2/httpapi"
        assert request.body["api_key"] == "test-api-key"
        events.extend(request.body["events"])
    keys = (
        "event_type",
        "user_id",
        "device_id",
        "event_properties",
        "user_properties",
        "groups",
    )
    return [{k: e[k] for k in keys if k in e} for e in events]


def test_the_client_is_recognised(client: Amplitude) -> None:
    assert _tp_is_sdk_client(client, _TpAmplitudeAdapter.classes)


def test_anonymous_event(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event_type": "Product Viewed",
            "device_id": ANON,
            "event_properties": {"SKU": "A-1"},
        }
    ]


def test_identified_event(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "event_type": "Product Viewed",
            "user_id": USER,
            "event_properties": {"SKU": "A-1"},
        }
    ]


def test_both_ids(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.log_event("Product Viewed", {}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event_type": "Product Viewed",
            "user_id": USER,
            "device_id": ANON,
            "event_properties": {},
        }
    ]


def test_identify_event(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    # Amplitude links device_id and user_id from any event carrying both: no identify.
    assert not hasattr(adapter, "identify")
    adapter.log_event("Signed Up", {"Plan": "pro"}, user_id=USER, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event_type": "Signed Up",
            "user_id": USER,
            "device_id": ANON,
            "event_properties": {"Plan": "pro"},
        }
    ]


def test_user_properties(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.set_user_properties(
        {"Email": "a@example.com", "Plan": "pro"}, user_id=USER, anonymous_id=ANON
    )
    assert sent(capture, client) == [
        {
            "event_type": "$identify",
            "user_id": USER,
            "device_id": ANON,
            "user_properties": {"$set": {"Email": "a@example.com", "Plan": "pro"}},
        }
    ]


def test_page(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.log_page("Pricing", {"Referrer": "ad"}, user_id=None, anonymous_id=ANON)
    assert sent(capture, client) == [
        {
            "event_type": "[Amplitude] Page Viewed",
            "device_id": ANON,
            "event_properties": {"Referrer": "ad", "[Amplitude] Page Title": "Pricing"},
        }
    ]


def test_revenue(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    properties = {"Order ID": "o-1"}
    adapter.revenue(19, properties, user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "event_type": "revenue_amount",
            "user_id": USER,
            "event_properties": {"Order ID": "o-1", "$price": 19.0, "$quantity": 1},
        }
    ]
    assert properties == {"Order ID": "o-1"}


def test_group(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.set_group("Company", "acme", user_id=USER, anonymous_id=None)
    assert sent(capture, client) == [
        {
            "event_type": "$identify",
            "user_id": USER,
            "user_properties": {"$set": {"Company": "acme"}},
            "groups": {"Company": "acme"},
        }
    ]


def test_check_identity_reports_short_ids(capture: CaptureServer) -> None:
    default = _TpAmplitudeAdapter(make_client(capture), {})
    assert default.check_identity(user_id="u-12", anonymous_id="anon-1") == [
        "amplitude: the user id has 4 characters; Amplitude drops events whose ids are "
        "shorter than min_id_length=5"
    ]
    assert default.check_identity(user_id=USER, anonymous_id=None) == []
    configured_client = make_client(capture, min_id_length=8)
    configured = _TpAmplitudeAdapter(configured_client, {})
    assert len(configured.check_identity(user_id="user-1", anonymous_id="anon-1")) == 2
    assert configured.check_identity(user_id="user-0001", anonymous_id=None) == []
    # The configured minimum also travels to Amplitude in the request options.
    configured.log_event("Product Viewed", {}, user_id="user-0001", anonymous_id=None)
    flush(configured_client)
    assert capture.requests[-1].body["options"] == {"min_id_length": 8}
    default._client.shutdown()
    configured_client.shutdown()


def test_journey(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter
) -> None:
    adapter.log_page("Home", {}, user_id=None, anonymous_id=ANON)
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    adapter.set_user_properties(
        {"Email": "a@example.com"}, user_id=USER, anonymous_id=ANON
    )
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.log_event("Product Viewed", {"SKU": "B-2"}, user_id=USER, anonymous_id=None)
    events = sent(capture, client)
    ids = [(e["event_type"], e.get("user_id"), e.get("device_id")) for e in events]
    assert ids == [
        ("[Amplitude] Page Viewed", None, ANON),
        ("Product Viewed", None, ANON),
        ("$identify", USER, ANON),
        ("Signed Up", USER, ANON),
        ("Product Viewed", USER, None),
    ]
    # What links the anonymous history to the user: events with device_id and user_id.
    links = [
        e["event_type"]
        for e in events
        if e.get("device_id") == ANON and e.get("user_id")
    ]
    assert links == ["$identify", "Signed Up"]


@pytest.mark.parametrize("mode", ["error", "hang"])
def test_delivery_failure_never_raises(
    capture: CaptureServer, client: Amplitude, adapter: _TpAmplitudeAdapter, mode: Mode
) -> None:
    capture.mode = mode
    started = time.monotonic()
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.set_user_properties({"Plan": "pro"}, user_id=USER, anonymous_id=None)
    adapter.revenue(1.0, {}, user_id=USER, anonymous_id=None)
    flush(client)
    assert time.monotonic() - started < 8
    assert capture.requests, "the client tried to deliver"
