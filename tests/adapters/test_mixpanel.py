"""The Mixpanel adapter against the real mixpanel client, on the wire."""

from __future__ import annotations

import time
from typing import Any

import pytest
from mixpanel import BufferedConsumer, Consumer, Mixpanel, MixpanelException

from tests.support.capture import CaptureServer, Mode
from trackplan.targets.python.runtime.adapters.mixpanel import _TpMixpanelAdapter
from trackplan.targets.python.runtime.tracker import _tp_is_sdk_client

ANON = "anon-7f3a9c"
USER = "user-42aa"
# Added by the SDK to every event; not what these tests are about.
SDK_PROPERTIES = {"token", "time", "$insert_id", "mp_lib", "$lib_version"}


def make_client(capture: CaptureServer, *, buffered: bool = False) -> Mixpanel:
    urls = {
        "events_url": f"{capture.url}/track",
        "people_url": f"{capture.url}/engage",
        "groups_url": f"{capture.url}/groups",
    }
    consumer: Any = (
        BufferedConsumer(request_timeout=0.5, retry_limit=0, **urls)
        if buffered
        else Consumer(request_timeout=0.5, retry_limit=0, **urls)
    )
    return Mixpanel("test-token", consumer=consumer)


@pytest.fixture
def adapter(capture: CaptureServer) -> _TpMixpanelAdapter:
    return _TpMixpanelAdapter(make_client(capture), {"identity": "simplified"})


@pytest.fixture
def legacy(capture: CaptureServer) -> _TpMixpanelAdapter:
    return _TpMixpanelAdapter(make_client(capture), {"identity": "legacy_alias"})


def sent(capture: CaptureServer) -> list[dict[str, Any]]:
    """Every record sent, reduced to the endpoint and the fields that matter."""
    records: list[dict[str, Any]] = []
    for request in capture.requests:
        assert request.method == "POST"
        data = request.body["data"]
        for record in data if isinstance(data, list) else [data]:
            if request.path == "/track":
                properties = {
                    k: v
                    for k, v in record["properties"].items()
                    if k not in SDK_PROPERTIES
                }
                records.append(
                    {"endpoint": "/track", "event": record["event"], **properties}
                )
            else:
                assert record["$token"] == "test-token"
                rest = {k: v for k, v in record.items() if k not in {"$token", "$time"}}
                records.append({"endpoint": request.path, **rest})
    return records


def test_the_client_is_recognised(capture: CaptureServer) -> None:
    assert _tp_is_sdk_client(make_client(capture), _TpMixpanelAdapter.classes)


def test_identity_option_is_checked(capture: CaptureServer) -> None:
    with pytest.raises(ValueError, match="identity"):
        _TpMixpanelAdapter(make_client(capture), {"identity": "merge"})


def test_anonymous_event(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    assert sent(capture) == [
        {
            "endpoint": "/track",
            "event": "Product Viewed",
            "distinct_id": f"$device:{ANON}",
            "$device_id": ANON,
            "SKU": "A-1",
        }
    ]


def test_identified_event(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=USER, anonymous_id=None)
    assert sent(capture) == [
        {
            "endpoint": "/track",
            "event": "Product Viewed",
            "distinct_id": USER,
            "$user_id": USER,
            "SKU": "A-1",
        }
    ]


def test_both_ids(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.log_event("Product Viewed", {}, user_id=USER, anonymous_id=ANON)
    assert sent(capture) == [
        {
            "endpoint": "/track",
            "event": "Product Viewed",
            "distinct_id": USER,
            "$device_id": ANON,
            "$user_id": USER,
        }
    ]


def test_identify_event(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    # Simplified ID Merge: the event with both ids is the merge; identify sends nothing.
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.log_event("Signed Up", {"Plan": "pro"}, user_id=USER, anonymous_id=ANON)
    assert sent(capture) == [
        {
            "endpoint": "/track",
            "event": "Signed Up",
            "distinct_id": USER,
            "$device_id": ANON,
            "$user_id": USER,
            "Plan": "pro",
        }
    ]


def test_legacy_alias(capture: CaptureServer, legacy: _TpMixpanelAdapter) -> None:
    legacy.log_event("Product Viewed", {}, user_id=None, anonymous_id=ANON)
    legacy.identify(user_id=USER, anonymous_id=ANON)
    legacy.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    assert sent(capture) == [
        {"endpoint": "/track", "event": "Product Viewed", "distinct_id": ANON},
        {
            "endpoint": "/track",
            "event": "$create_alias",
            "distinct_id": ANON,
            "alias": USER,
        },
        {"endpoint": "/track", "event": "Signed Up", "distinct_id": USER},
    ]


def test_user_properties(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.set_user_properties(
        {"Email": "a@example.com", "Plan": "pro"}, user_id=USER, anonymous_id=ANON
    )
    assert sent(capture) == [
        {
            "endpoint": "/engage",
            "$distinct_id": USER,
            "$set": {"Email": "a@example.com", "Plan": "pro"},
        }
    ]


def test_page(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.log_page("Pricing", {"Referrer": "ad"}, user_id=None, anonymous_id=ANON)
    assert sent(capture) == [
        {
            "endpoint": "/track",
            "event": "$mp_web_page_view",
            "distinct_id": f"$device:{ANON}",
            "$device_id": ANON,
            "Referrer": "ad",
            "current_page_title": "Pricing",
        }
    ]


def test_revenue(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    properties = {"Order ID": "o-1"}
    adapter.revenue(19.5, properties, user_id=USER, anonymous_id=None)
    assert sent(capture) == [
        {
            "endpoint": "/track",
            "event": "Revenue",
            "distinct_id": USER,
            "$user_id": USER,
            "Order ID": "o-1",
            "revenue": 19.5,
        }
    ]
    assert properties == {"Order ID": "o-1"}


def test_group(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.set_group("Company", "acme", user_id=USER, anonymous_id=None)
    assert sent(capture) == [
        {"endpoint": "/engage", "$distinct_id": USER, "$set": {"Company": ["acme"]}}
    ]


def test_journey(capture: CaptureServer, adapter: _TpMixpanelAdapter) -> None:
    adapter.log_page("Home", {}, user_id=None, anonymous_id=ANON)
    adapter.log_event("Product Viewed", {"SKU": "A-1"}, user_id=None, anonymous_id=ANON)
    adapter.identify(user_id=USER, anonymous_id=ANON)
    adapter.set_user_properties(
        {"Email": "a@example.com"}, user_id=USER, anonymous_id=ANON
    )
    adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON)
    adapter.log_event("Product Viewed", {"SKU": "B-2"}, user_id=USER, anonymous_id=None)
    records = sent(capture)
    ids = [
        (
            r.get("event", r["endpoint"]),
            r.get("distinct_id", r.get("$distinct_id")),
            r.get("$device_id"),
            r.get("$user_id"),
        )
        for r in records
    ]
    assert ids == [
        ("$mp_web_page_view", f"$device:{ANON}", ANON, None),
        ("Product Viewed", f"$device:{ANON}", ANON, None),
        ("/engage", USER, None, None),
        ("Signed Up", USER, ANON, USER),
        ("Product Viewed", USER, None, USER),
    ]
    # What links the anonymous history to the user: the first event holding both
    # $device_id and $user_id (Simplified ID Merge).
    links = [
        r for r in records if r.get("$device_id") == ANON and r.get("$user_id") == USER
    ]
    assert [r["event"] for r in links] == ["Signed Up"]


def test_buffered_consumer_sends_on_flush(capture: CaptureServer) -> None:
    client = make_client(capture, buffered=True)
    adapter = _TpMixpanelAdapter(client, {})
    adapter.log_event("Product Viewed", {}, user_id=None, anonymous_id=ANON)
    assert capture.requests == []
    client._consumer.flush()
    assert [r["distinct_id"] for r in sent(capture)] == [f"$device:{ANON}"]


@pytest.mark.parametrize("mode", ["error", "hang"])
def test_a_delivery_failure_raises_for_the_tracker_to_report(
    capture: CaptureServer, adapter: _TpMixpanelAdapter, mode: Mode
) -> None:
    # Mixpanel's Consumer sends at once and raises; the tracker reports what a
    # destination raises (tests/adapters/test_generated.py), so the adapter lets it go.
    capture.mode = mode
    started = time.monotonic()
    for call in (
        lambda: adapter.log_event("Signed Up", {}, user_id=USER, anonymous_id=ANON),
        lambda: adapter.set_user_properties({"P": 1}, user_id=USER, anonymous_id=None),
        lambda: adapter.revenue(1.0, {}, user_id=USER, anonymous_id=None),
    ):
        with pytest.raises(MixpanelException):
            call()
    assert time.monotonic() - started < 5
    assert len(capture.requests) == 3
