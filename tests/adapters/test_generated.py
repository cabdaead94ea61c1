"""The generated module, with every built-in adapter, against the real SDKs on the wire.

The plan in ``plan/trackplan.yaml`` has one Python server source sending to six
destinations of the five vendor kinds. The module is generated once with the library
API, written to a temporary directory and imported. Every destination's real SDK client
is pointed at a capture server of its own, so each payload asserted below is what that
SDK put on the wire after a call to the generated ``Tracker``, and a fault can be given
to one destination alone.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from amplitude import Amplitude, Config
from mixpanel import Consumer, Mixpanel, MixpanelException
from posthog import Posthog
from rudderstack.analytics import Client as RudderStackClient
from segment.analytics import Client as SegmentClient

from tests.support.capture import CaptureServer, Mode
from trackplan.pipeline import generate

PLAN = Path(__file__).parent / "plan" / "trackplan.yaml"
MODULE = "tracking_adapters_generated"
NAMES = (
    "segment",
    "rudderstack",
    "mixpanel",
    "mixpanel_legacy",
    "amplitude",
    "posthog",
)
VENDORS = ("segment", "rudderstack", "mixpanel", "amplitude", "posthog")

ANON = "anon-7f3a9c"
USER = "user-42aa"
EMAIL = "a@example.com"

# Added by the SDKs to every message; not what these tests are about.
MIXPANEL_SDK = {"token", "time", "$insert_id", "mp_lib", "$lib_version"}
POSTHOG_SDK = {
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
SEGMENT_KEYS = (
    "type",
    "event",
    "name",
    "userId",
    "anonymousId",
    "properties",
    "traits",
    "groupId",
)
AMPLITUDE_KEYS = (
    "event_type",
    "user_id",
    "device_id",
    "event_properties",
    "user_properties",
    "groups",
)


# --- the generated module -------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan's one generated file, written to a temporary directory."""
    result = generate(PLAN)
    assert result.ok, [d.message for d in result.diagnostics]
    [file] = result.files
    path = tmp_path_factory.mktemp("generated") / f"{MODULE}.py"
    path.write_text(file.text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tracking(generated: Path) -> Iterator[ModuleType]:
    """The generated module, imported from its file."""
    spec = importlib.util.spec_from_file_location(MODULE, generated)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(MODULE, None)


# --- six real clients, each with its own capture server -------------------------------


def make_client(name: str, url: str) -> Any:
    """The vendor SDK's own client for destination ``name``, sending to ``url``."""
    if name == "segment":
        return SegmentClient(
            write_key="test-write-key",
            host=url,
            upload_interval=0.05,
            max_retries=1,
            timeout=0.5,
            max_total_backoff_duration=2,
        )
    if name == "rudderstack":
        return RudderStackClient(
            write_key="test-write-key",
            host=url,
            upload_interval=0.05,
            max_retries=1,
            timeout=0.5,
        )
    if name.startswith("mixpanel"):
        consumer = Consumer(
            events_url=f"{url}/track",
            people_url=f"{url}/engage",
            groups_url=f"{url}/groups",
            request_timeout=0.5,
            retry_limit=0,
        )
        return Mixpanel("test-token", consumer=consumer)
    if name == "amplitude":
        # A flush interval longer than any test's calls keeps the events of a test in
        # one batch, in call order.
        return Amplitude(
            "test-api-key",
            Config(
                server_url=f"{url}/2/httpapi",
                flush_interval_millis=1000,
                flush_max_retries=1,
            ),
        )
    assert name == "posthog"
    return Posthog(
        "phc_test_key", host=url, flush_interval=0.05, max_retries=1, timeout=0.5
    )


class Wire:
    """The real clients of the plan's destinations and what reached their servers."""

    def __init__(self, tracking: ModuleType) -> None:
        self.tracking = tracking
        self.violations: list[Any] = []
        self.servers: dict[str, CaptureServer] = {}
        self.clients: dict[str, Any] = {}
        try:
            for name in NAMES:
                self.servers[name] = CaptureServer(hang_seconds=2.0).start()
                self.clients[name] = make_client(name, self.servers[name].url)
        except BaseException:
            self.close()
            raise

    def tracker(self, env: str = "prod", **options: Any) -> Any:
        """A generated ``Tracker`` over the real clients; violations are collected."""
        return self.tracking.Tracker(
            env=env,
            destinations=dict(self.clients),
            on_violation=self.violations.append,
            **options,
        )

    def flush(self, names: Iterable[str] = NAMES) -> None:
        """Flush every client that queues (Mixpanel's ``Consumer`` sends at once)."""
        for name in names:
            client = self.clients[name]
            if name == "amplitude":
                for future in client.flush() or ():
                    if future is not None:
                        future.result(timeout=10)
            elif not name.startswith("mixpanel"):
                client.flush()

    def sent(self, name: str) -> list[dict[str, Any]]:
        """What destination ``name`` sent, each message reduced to what matters."""
        requests = self.servers[name].requests
        if name in ("segment", "rudderstack"):
            return _segment_messages(requests, rudderstack=name == "rudderstack")
        if name.startswith("mixpanel"):
            return _mixpanel_records(requests)
        if name == "amplitude":
            return _amplitude_events(requests)
        return _posthog_messages(requests)

    def everything(self) -> dict[str, list[dict[str, Any]]]:
        """Flush every client; what each destination sent, by destination name."""
        self.flush()
        return {name: self.sent(name) for name in NAMES}

    def close(self) -> None:
        """Close the servers (ending every hang), then shut the clients down."""
        for server in self.servers.values():
            server.close()
        for name, client in self.clients.items():
            if not name.startswith("mixpanel"):
                client.shutdown()


def _segment_messages(
    requests: list[Any], *, rudderstack: bool
) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    for request in requests:
        assert (request.method, request.path) == ("POST", "/v1/batch")
        messages.extend(request.body["batch"])
    reduced = []
    for message in messages:
        kept = {k: message[k] for k in SEGMENT_KEYS if k in message}
        # RudderStack's SDK sends identify traits in context.traits.
        if rudderstack and message["type"] == "identify":
            kept["context.traits"] = message["context"]["traits"]
        reduced.append(kept)
    return reduced


def _mixpanel_records(requests: list[Any]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for request in requests:
        assert request.method == "POST"
        data = request.body["data"]
        for record in data if isinstance(data, list) else [data]:
            if request.path == "/track":
                assert record["properties"]["token"] == "test-token"
                properties = {
                    k: v
                    for k, v in record["properties"].items()
                    if k not in MIXPANEL_SDK
                }
                records.append({"endpoint": "/track", "event": record["event"]})
                records[-1].update(properties)
            else:
                assert record["$token"] == "test-token"
                rest = {k: v for k, v in record.items() if k not in {"$token", "$time"}}
                records.append({"endpoint": request.path, **rest})
    return records


def _amplitude_events(requests: list[Any]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for request in requests:
        assert (request.method, request.path) == ("POST", "/2/httpapi")
        assert request.body["api_key"] == "test-api-key"
        events.extend(request.body["events"])
    return [{k: e[k] for k in AMPLITUDE_KEYS if k in e} for e in events]


def _posthog_messages(requests: list[Any]) -> list[dict[str, Any]]:
    reduced = []
    for request in requests:
        assert (request.method, request.path) == ("POST", "/batch/")
        assert request.body["api_key"] == "phc_test_key"
        for message in request.body["batch"]:
            properties = {
                k: v
                for k, v in message.get("properties", {}).items()
                if k not in POSTHOG_SDK
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


@pytest.fixture
def wire(tracking: ModuleType) -> Iterator[Wire]:
    sdks = Wire(tracking)
    try:
        yield sdks
    finally:
        sdks.close()


# --- payloads, per action ---------------------------------------------------------------


def test_anonymous_identified_and_both_ids(wire: Wire) -> None:
    tracker = wire.tracker()
    tracker.product_viewed(sku="A-1", anonymous_id_=ANON)
    tracker.product_viewed(sku="A-2", user_id_=USER)
    tracker.product_viewed(sku="A-3", anonymous_id_=ANON, user_id_=USER)
    segment = [
        {
            "type": "track",
            "event": "Product Viewed",
            "userId": None,
            "anonymousId": ANON,
            "properties": {"SKU": "A-1"},
        },
        {
            "type": "track",
            "event": "Product Viewed",
            "userId": USER,
            "anonymousId": None,
            "properties": {"SKU": "A-2"},
        },
        {
            "type": "track",
            "event": "Product Viewed",
            "userId": USER,
            "anonymousId": ANON,
            "properties": {"SKU": "A-3"},
        },
    ]
    track = {"endpoint": "/track", "event": "Product Viewed"}
    assert wire.everything() == {
        "segment": segment,
        "rudderstack": segment,
        "mixpanel": [
            {
                **track,
                "distinct_id": f"$device:{ANON}",
                "$device_id": ANON,
                "SKU": "A-1",
            },
            {**track, "distinct_id": USER, "$user_id": USER, "SKU": "A-2"},
            {
                **track,
                "distinct_id": USER,
                "$device_id": ANON,
                "$user_id": USER,
                "SKU": "A-3",
            },
        ],
        "mixpanel_legacy": [
            {**track, "distinct_id": ANON, "SKU": "A-1"},
            {**track, "distinct_id": USER, "SKU": "A-2"},
            {**track, "distinct_id": USER, "SKU": "A-3"},
        ],
        "amplitude": [
            {
                "event_type": "Product Viewed",
                "device_id": ANON,
                "event_properties": {"SKU": "A-1"},
            },
            {
                "event_type": "Product Viewed",
                "user_id": USER,
                "event_properties": {"SKU": "A-2"},
            },
            {
                "event_type": "Product Viewed",
                "user_id": USER,
                "device_id": ANON,
                "event_properties": {"SKU": "A-3"},
            },
        ],
        "posthog": [
            {
                "event": "Product Viewed",
                "distinct_id": ANON,
                "properties": {"SKU": "A-1", "$process_person_profile": False},
            },
            {
                "event": "Product Viewed",
                "distinct_id": USER,
                "properties": {"SKU": "A-2"},
            },
            {
                "event": "Product Viewed",
                "distinct_id": USER,
                "properties": {"SKU": "A-3"},
            },
        ],
    }
    assert wire.violations == []


# What the Identify event (Signed Up: identify, update_user_properties, log_event) sends.
SIGNED_UP: dict[str, list[dict[str, Any]]] = {
    "segment": [
        {"type": "identify", "userId": USER, "anonymousId": ANON, "traits": {}},
        {
            "type": "identify",
            "userId": USER,
            "anonymousId": ANON,
            "traits": {"Email": EMAIL, "Plan": "pro"},
        },
        {
            "type": "track",
            "event": "Signed Up",
            "userId": USER,
            "anonymousId": ANON,
            "properties": {},
        },
    ],
    "rudderstack": [
        {"type": "identify", "userId": USER, "anonymousId": ANON, "context.traits": {}},
        {
            "type": "identify",
            "userId": USER,
            "anonymousId": ANON,
            "context.traits": {"Email": EMAIL, "Plan": "pro"},
        },
        {
            "type": "track",
            "event": "Signed Up",
            "userId": USER,
            "anonymousId": ANON,
            "properties": {},
        },
    ],
    # Simplified ID Merge: the event holding both $device_id and $user_id merges them.
    "mixpanel": [
        {
            "endpoint": "/engage",
            "$distinct_id": USER,
            "$set": {"Email": EMAIL, "Plan": "pro"},
        },
        {
            "endpoint": "/track",
            "event": "Signed Up",
            "distinct_id": USER,
            "$device_id": ANON,
            "$user_id": USER,
        },
    ],
    # Original ID Merge: the alias from the anonymous id to the user id comes first.
    "mixpanel_legacy": [
        {
            "endpoint": "/track",
            "event": "$create_alias",
            "distinct_id": ANON,
            "alias": USER,
        },
        {
            "endpoint": "/engage",
            "$distinct_id": USER,
            "$set": {"Email": EMAIL, "Plan": "pro"},
        },
        {"endpoint": "/track", "event": "Signed Up", "distinct_id": USER},
    ],
    "amplitude": [
        {
            "event_type": "$identify",
            "user_id": USER,
            "device_id": ANON,
            "user_properties": {"$set": {"Email": EMAIL, "Plan": "pro"}},
        },
        {
            "event_type": "Signed Up",
            "user_id": USER,
            "device_id": ANON,
            "event_properties": {},
        },
    ],
    "posthog": [
        {
            "event": "$identify",
            "distinct_id": USER,
            "properties": {"$anon_distinct_id": ANON},
        },
        {
            "event": "$set",
            "distinct_id": USER,
            "properties": {},
            "$set": {"Email": EMAIL, "Plan": "pro"},
        },
        {"event": "Signed Up", "distinct_id": USER, "properties": {}},
    ],
}


def test_identify_event(wire: Wire) -> None:
    wire.tracker().signed_up(email=EMAIL, plan="pro", anonymous_id_=ANON, user_id_=USER)
    assert wire.everything() == SIGNED_UP
    assert wire.violations == []


def test_user_properties(wire: Wire) -> None:
    wire.tracker().profile_updated(plan="free", user_id_=USER)
    engage = [{"endpoint": "/engage", "$distinct_id": USER, "$set": {"Plan": "free"}}]
    assert wire.everything() == {
        "segment": [
            {
                "type": "identify",
                "userId": USER,
                "anonymousId": None,
                "traits": {"Plan": "free"},
            }
        ],
        "rudderstack": [
            {
                "type": "identify",
                "userId": USER,
                "anonymousId": None,
                "context.traits": {"Plan": "free"},
            }
        ],
        "mixpanel": engage,
        "mixpanel_legacy": engage,
        "amplitude": [
            {
                "event_type": "$identify",
                "user_id": USER,
                "user_properties": {"$set": {"Plan": "free"}},
            }
        ],
        "posthog": [
            {
                "event": "$set",
                "distinct_id": USER,
                "properties": {},
                "$set": {"Plan": "free"},
            }
        ],
    }


def test_page(wire: Wire) -> None:
    wire.tracker().home_viewed(path="/", anonymous_id_=ANON)
    segment = [
        {
            "type": "page",
            "name": "Home",
            "userId": None,
            "anonymousId": ANON,
            "properties": {"Path": "/"},
        }
    ]
    page = {"endpoint": "/track", "event": "$mp_web_page_view"}
    assert wire.everything() == {
        "segment": segment,
        "rudderstack": segment,
        "mixpanel": [
            {
                **page,
                "distinct_id": f"$device:{ANON}",
                "$device_id": ANON,
                "Path": "/",
                "current_page_title": "Home",
            }
        ],
        "mixpanel_legacy": [
            {**page, "distinct_id": ANON, "Path": "/", "current_page_title": "Home"}
        ],
        "amplitude": [
            {
                "event_type": "[Amplitude] Page Viewed",
                "device_id": ANON,
                "event_properties": {"Path": "/", "[Amplitude] Page Title": "Home"},
            }
        ],
        "posthog": [
            {
                "event": "$pageview",
                "distinct_id": ANON,
                "properties": {
                    "Path": "/",
                    "page_name": "Home",
                    "$process_person_profile": False,
                },
            }
        ],
    }


def test_revenue(wire: Wire) -> None:
    wire.tracker().order_completed(order_id="o-1", amount=19.5, user_id_=USER)
    order = {"Order ID": "o-1"}
    segment = [
        {
            "type": "track",
            "event": "Order Completed",
            "userId": USER,
            "anonymousId": None,
            "properties": order,
        },
        {
            "type": "track",
            "event": "Revenue",
            "userId": USER,
            "anonymousId": None,
            "properties": {**order, "revenue": 19.5},
        },
    ]
    track = {"endpoint": "/track", "event": "Order Completed", "distinct_id": USER}
    revenue = {**track, "event": "Revenue", **order, "revenue": 19.5}
    assert wire.everything() == {
        "segment": segment,
        "rudderstack": segment,
        "mixpanel": [
            {**track, "$user_id": USER, **order},
            {**revenue, "$user_id": USER},
        ],
        "mixpanel_legacy": [{**track, **order}, revenue],
        "amplitude": [
            {
                "event_type": "Order Completed",
                "user_id": USER,
                "event_properties": order,
            },
            {
                "event_type": "revenue_amount",
                "user_id": USER,
                "event_properties": {**order, "$price": 19.5, "$quantity": 1},
            },
        ],
        "posthog": [
            {"event": "Order Completed", "distinct_id": USER, "properties": order},
            {
                "event": "Revenue",
                "distinct_id": USER,
                "properties": {**order, "revenue": 19.5},
            },
        ],
    }


def test_group(wire: Wire) -> None:
    wire.tracker().company_joined(company_group_id_="acme", user_id_=USER)
    segment = [
        {
            "type": "group",
            "groupId": "acme",
            "userId": USER,
            "anonymousId": None,
            "traits": {"group_type": "Company"},
        }
    ]
    engage = [
        {"endpoint": "/engage", "$distinct_id": USER, "$set": {"Company": ["acme"]}}
    ]
    assert wire.everything() == {
        "segment": segment,
        "rudderstack": segment,
        "mixpanel": engage,
        "mixpanel_legacy": engage,
        "amplitude": [
            {
                "event_type": "$identify",
                "user_id": USER,
                "user_properties": {"$set": {"Company": "acme"}},
                "groups": {"Company": "acme"},
            }
        ],
        "posthog": [
            {
                "event": "$groupidentify",
                "distinct_id": USER,
                "properties": {
                    "$group_type": "Company",
                    "$group_key": "acme",
                    "$group_set": {},
                },
            }
        ],
    }


# --- one journey: anonymous browsing, sign-up, more browsing ----------------------------


def test_journey(wire: Wire) -> None:
    tracker = wire.tracker()
    tracker.home_viewed(path="/", anonymous_id_=ANON)
    tracker.product_viewed(sku="A-1", anonymous_id_=ANON)
    tracker.signed_up(email=EMAIL, anonymous_id_=ANON, user_id_=USER)
    tracker.product_viewed(sku="B-2", user_id_=USER)
    sent = wire.everything()
    assert wire.violations == []

    # Segment and RudderStack: the identify call carrying both ids links the history.
    for name in ("segment", "rudderstack"):
        messages = sent[name]
        assert [
            (m["type"], m.get("event", m.get("name")), m["userId"], m["anonymousId"])
            for m in messages
        ] == [
            ("page", "Home", None, ANON),
            ("track", "Product Viewed", None, ANON),
            ("identify", None, USER, ANON),
            ("identify", None, USER, ANON),
            ("track", "Signed Up", USER, ANON),
            ("track", "Product Viewed", USER, None),
        ]
        # The first message that knows the user carries the anonymous id too.
        first = next(m for m in messages if m["userId"])
        assert (first["type"], first["userId"], first["anonymousId"]) == (
            "identify",
            USER,
            ANON,
        )

    # Mixpanel, simplified: the first event with $device_id and $user_id merges them.
    records = sent["mixpanel"]
    assert [
        (
            r.get("event", r["endpoint"]),
            r.get("distinct_id", r.get("$distinct_id")),
            r.get("$device_id"),
            r.get("$user_id"),
        )
        for r in records
    ] == [
        ("$mp_web_page_view", f"$device:{ANON}", ANON, None),
        ("Product Viewed", f"$device:{ANON}", ANON, None),
        ("/engage", USER, None, None),
        ("Signed Up", USER, ANON, USER),
        ("Product Viewed", USER, None, USER),
    ]
    merges = [r for r in records if r.get("$device_id") and r.get("$user_id")]
    assert [r["event"] for r in merges] == ["Signed Up"]

    # Mixpanel, legacy_alias: $create_alias from the anonymous id, before the sign-up.
    records = sent["mixpanel_legacy"]
    assert [
        (r.get("event", r["endpoint"]), r.get("distinct_id", r.get("$distinct_id")))
        for r in records
    ] == [
        ("$mp_web_page_view", ANON),
        ("Product Viewed", ANON),
        ("$create_alias", ANON),
        ("/engage", USER),
        ("Signed Up", USER),
        ("Product Viewed", USER),
    ]
    aliases = [r for r in records if r.get("event") == "$create_alias"]
    assert aliases == [
        {
            "endpoint": "/track",
            "event": "$create_alias",
            "distinct_id": ANON,
            "alias": USER,
        }
    ]

    # Amplitude: the events carrying device_id and user_id link the device to the user.
    events = sent["amplitude"]
    assert [
        (e["event_type"], e.get("user_id"), e.get("device_id")) for e in events
    ] == [
        ("[Amplitude] Page Viewed", None, ANON),
        ("Product Viewed", None, ANON),
        ("$identify", USER, ANON),
        ("Signed Up", USER, ANON),
        ("Product Viewed", USER, None),
    ]
    links = [e["event_type"] for e in events if e.get("device_id") and e.get("user_id")]
    assert links == ["$identify", "Signed Up"]

    # PostHog: anonymous events are personless; $identify merges the anonymous id.
    messages = sent["posthog"]
    assert [
        (
            m["event"],
            m["distinct_id"],
            m["properties"].get("$process_person_profile", True),
        )
        for m in messages
    ] == [
        ("$pageview", ANON, False),
        ("Product Viewed", ANON, False),
        ("$identify", USER, True),
        ("$set", USER, True),
        ("Signed Up", USER, True),
        ("Product Viewed", USER, True),
    ]
    links = [m for m in messages if "$anon_distinct_id" in m["properties"]]
    assert [(m["event"], m["distinct_id"], m["properties"]) for m in links] == [
        ("$identify", USER, {"$anon_distinct_id": ANON})
    ]


# --- faults, in prod --------------------------------------------------------------------


def assert_others_received(
    wire: Wire, failing: str, expected: dict[str, list[dict[str, Any]]]
) -> None:
    """Every destination but ``failing`` sent exactly what ``expected`` says."""
    others = [name for name in NAMES if name != failing]
    wire.flush(others)
    assert {name: wire.sent(name) for name in others} == {
        name: expected[name] for name in others
    }


@pytest.mark.parametrize("mode", ["error", "hang"])
@pytest.mark.parametrize("failing", VENDORS)
def test_server_fault_in_prod(wire: Wire, failing: str, mode: Mode) -> None:
    wire.servers[failing].mode = mode
    tracker = wire.tracker()
    started = time.monotonic()
    tracker.signed_up(email=EMAIL, plan="pro", anonymous_id_=ANON, user_id_=USER)
    assert_others_received(wire, failing, SIGNED_UP)
    wire.flush([failing])  # flushing the failing client raises nothing either
    assert time.monotonic() - started < 8
    assert wire.servers[failing].requests, "the failing client tried to deliver"
    # Queueing SDKs fail in their own threads, unseen by the tracker. Mixpanel's
    # Consumer raises at once: its profile update and its event are each reported.
    if failing == "mixpanel":
        assert [(v.path, v.kind) for v in wire.violations] == [
            ("mixpanel", "destination"),
            ("mixpanel", "destination"),
        ]
        assert all(
            v.received.startswith("MixpanelException: ") for v in wire.violations
        )
    else:
        assert wire.violations == []


class RefusingConsumer:
    """A Mixpanel consumer that refuses every message, as Mixpanel's own ones do."""

    def __init__(self) -> None:
        self.refused: list[str] = []

    def send(self, endpoint: str, json_message: str, api_key: Any = None) -> None:
        self.refused.append(endpoint)
        raise MixpanelException(f"{endpoint}: refused")


def test_mixpanel_consumer_raising_in_prod(wire: Wire) -> None:
    consumer = RefusingConsumer()
    wire.clients["mixpanel"] = Mixpanel("test-token", consumer=consumer)
    tracker = wire.tracker()
    tracker.signed_up(email=EMAIL, plan="pro", anonymous_id_=ANON, user_id_=USER)
    # the profile update and the event: each refused, reported, and the next one tried
    assert consumer.refused == ["people", "events"]
    assert [(v.event, v.path, v.kind, v.received) for v in wire.violations] == [
        ("Signed Up", "mixpanel", "destination", "MixpanelException: people: refused"),
        ("Signed Up", "mixpanel", "destination", "MixpanelException: events: refused"),
    ]
    assert_others_received(wire, "mixpanel", SIGNED_UP)


def test_mixpanel_consumer_raising_in_dev_raises(wire: Wire) -> None:
    wire.clients["mixpanel"] = Mixpanel("test-token", consumer=RefusingConsumer())
    with pytest.raises(MixpanelException, match="people: refused"):
        wire.tracker(env="dev").signed_up(
            email=EMAIL, plan="pro", anonymous_id_=ANON, user_id_=USER
        )


def test_sdk_refusing_a_message_in_prod(wire: Wire) -> None:
    # Segment's SDK raises RuntimeError for a message over 32 KB; the others take it.
    big = "x" * 40_000
    wire.tracker().product_viewed(sku=big, user_id_=USER)
    [violation] = wire.violations
    assert violation[:4] == ("Product Viewed", "segment", "destination", "no exception")
    assert violation.received.startswith("RuntimeError: ")
    wire.flush()
    assert wire.sent("segment") == []
    for name in NAMES[1:]:
        [message] = wire.sent(name)
        assert message.get("event", message.get("event_type")) == "Product Viewed"
        assert USER in message.values()


# The SDK call behind each vendor's log_event.
LOG_EVENT_CALL = {
    "segment": "track",
    "rudderstack": "track",
    "mixpanel": "track",
    "amplitude": "track",
    "posthog": "capture",
}


@pytest.mark.parametrize("failing", VENDORS)
def test_sdk_method_raising_in_prod(
    wire: Wire, failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError(f"{failing} is broken")

    monkeypatch.setattr(wire.clients[failing], LOG_EVENT_CALL[failing], broken)
    tracker = wire.tracker()
    tracker.product_viewed(sku="A-1", anonymous_id_=ANON, user_id_=USER)
    assert [tuple(v) for v in wire.violations] == [
        (
            "Product Viewed",
            failing,
            "destination",
            "no exception",
            f"ConnectionError: {failing} is broken",
        )
    ]
    wire.flush()
    assert wire.sent(failing) == []
    for name in NAMES:
        if name != failing:
            [message] = wire.sent(name)
            assert message.get("event", message.get("event_type")) == "Product Viewed"


# --- Amplitude's minimum id length --------------------------------------------------------


SHORT_USER_ID = (
    "amplitude: the user id has 4 characters; Amplitude drops events whose ids are "
    "shorter than min_id_length=5"
)


def test_short_id_raises_in_dev_and_sends_nothing(wire: Wire) -> None:
    tracker = wire.tracker(env="dev")
    with pytest.raises(wire.tracking.TrackingPlanViolation) as raised:
        tracker.product_viewed(sku="A-1", user_id_="u-12")
    assert [(v.event, v.path, v.kind) for v in raised.value.violations] == [
        ("Product Viewed", "amplitude", "identity")
    ]
    assert SHORT_USER_ID in raised.value.violations[0].message
    assert wire.everything() == {name: [] for name in NAMES}
    assert wire.violations == []


def test_short_id_is_reported_in_prod(wire: Wire) -> None:
    wire.tracker().product_viewed(sku="A-1", user_id_="u-12")
    assert [(v.event, v.path, v.kind) for v in wire.violations] == [
        ("Product Viewed", "amplitude", "identity")
    ]
    assert SHORT_USER_ID in wire.violations[0].message
    sent = wire.everything()
    # Reported, and still sent: to every destination, Amplitude included.
    assert sent["amplitude"] == [
        {
            "event_type": "Product Viewed",
            "user_id": "u-12",
            "event_properties": {"SKU": "A-1"},
        }
    ]
    assert all(len(messages) == 1 for messages in sent.values())


# --- which objects are wrapped -------------------------------------------------------


class MixpanelSubclass(Mixpanel):
    """A user's own subclass of the SDK client: still the SDK, so it is wrapped."""


def test_a_subclass_of_the_sdk_client_is_wrapped(wire: Wire) -> None:
    client = wire.clients["mixpanel"]
    wire.clients["mixpanel"] = MixpanelSubclass("test-token", consumer=client._consumer)
    wire.tracker().product_viewed(sku="A-1", user_id_=USER)
    assert [r["event"] for r in wire.everything()["mixpanel"]] == ["Product Viewed"]
    assert wire.violations == []


def test_a_protocol_object_is_used_as_it_is_whatever_its_module(wire: Wire) -> None:
    # A class in a module whose name starts like the SDK's is not the SDK.
    received: list[tuple[str, dict[str, Any]]] = []

    def log_event(name: str, properties: dict[str, Any], **ids: Any) -> None:
        received.append((name, properties))

    sink = type("MixpanelSink", (), {"__module__": "mixpanel_sink"})()
    sink.log_event = log_event
    wire.clients["mixpanel"] = sink
    wire.tracker().product_viewed(sku="A-1", user_id_=USER)
    assert received == [("Product Viewed", {"SKU": "A-1"})]
    assert wire.violations == []


@pytest.mark.parametrize(
    "wrong",
    [object(), sys.modules["segment.analytics"]],
    ids=["object", "the-sdk-module"],
)
def test_an_object_that_is_neither_is_refused_at_construction(
    wire: Wire, wrong: object
) -> None:
    real = wire.clients["segment"]
    wire.clients["segment"] = wrong
    try:
        with pytest.raises(wire.tracking.TrackingPlanViolation) as exc:
            wire.tracker(env="dev", strict=True)
        assert [(v.path, v.kind) for v in exc.value.violations] == [
            ("segment", "destination")
        ]
        assert "without log_event" in exc.value.violations[0].received
        # prod reports it and sends to the other destinations
        tracker = wire.tracker()
        assert [(v.path, v.kind) for v in wire.violations] == [
            ("segment", "destination")
        ]
        tracker.product_viewed(sku="A-1", user_id_=USER)
    finally:
        wire.clients["segment"] = real
    sent = wire.everything()
    assert sent["segment"] == []
    assert len(sent["rudderstack"]) == 1


# --- static types ---------------------------------------------------------------------


def test_generated_module_passes_mypy_strict(generated: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            str(generated),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
