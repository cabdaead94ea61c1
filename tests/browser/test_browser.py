"""Client identity in headless Chromium, with the real vendor browser SDKs.

The SDKs are analytics-next, posthog-js, mixpanel-browser and
@amplitude/analytics-browser. Each vendor page runs one journey through the generated client tracker: a page view
and an event while anonymous, sign-up (the Identify event), events as the user, an
order and a group, sign-out (the Unidentify event), then one more event. Only the SDK
ever holds an id; the assertions read what reached the local server. One more page
checks which adapter recognises which SDK object.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from typing import Any

import pytest

from tests.browser.conftest import HERE, PAGES, Build
from tests.browser.server import PageServer

USER = "user-42"


@dataclass(frozen=True)
class Journey:
    """What one page reported, and what its SDK sent."""

    page: dict[str, Any]
    requests: list[Any]  # CapturedRequest

    @property
    def ids(self) -> dict[str, str]:
        ids: dict[str, str] = self.page["journey"]["ids"]
        return ids


# Where each vendor page's SDK sends (path prefixes); no page sends anywhere else.
ENDPOINTS = {
    "segment": "/v1/",
    "posthog": "/e/",
    "mixpanel": "/mixpanel/",
    "amplitude": "/amplitude/",
}


def _endpoint(path: str) -> str:
    """The vendor whose endpoint `path` is on, or "other"."""
    found = [name for name, prefix in ENDPOINTS.items() if path.startswith(prefix)]
    return found[0] if found else "other"


@pytest.fixture(scope="module")
def journeys(build: Build, chromium: str) -> dict[str, Journey]:
    """Run every page in one browser; split the captured requests by endpoint."""
    with PageServer(build.site) as server:
        urls = [f"{server.url}/{name}.html" for name in PAGES]
        result = subprocess.run(
            ["node", str(HERE / "run_pages.mjs"), chromium, *urls],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        reported = dict(zip(PAGES, json.loads(result.stdout), strict=True))
        captured = server.requests
    return {
        name: Journey(
            reported.get(name, {}), [r for r in captured if _endpoint(r.path) == name]
        )
        for name in [*PAGES, "other"]
    }


@pytest.mark.parametrize("name", list(PAGES))
def test_the_journey_ran_and_stayed_local(
    journeys: dict[str, Journey], name: str
) -> None:
    page = journeys[name].page
    assert page["journey"]["error"] is None
    assert page["journey"]["done"] is True
    assert page["blocked"] == [], "requests left 127.0.0.1"
    assert page["failed"] == []
    assert [c for c in page["console"] if c.startswith(("error", "pageerror"))] == []
    assert bool(journeys[name].requests) == (name in ENDPOINTS)
    assert [(r.method, r.path) for r in journeys["other"].requests] == []


# -- Segment (analytics-next) ---------------------------------------------------------


def _segment(journey: Journey) -> list[dict[str, Any]]:
    messages = []
    for request in journey.requests:
        assert request.method == "POST"
        assert request.path in ("/v1/t", "/v1/i", "/v1/p", "/v1/g")
        messages.append(request.body)
    return messages


def _one(messages: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    """The only message whose fields (dotted paths) have the given values."""

    def get(m: dict[str, Any], path: str) -> Any:
        for key in path.split("__"):
            m = m.get(key) if isinstance(m, dict) else None  # type: ignore[assignment]
        return m

    found = [m for m in messages if all(get(m, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, [m.get("type") for m in messages])
    return found[0]


def test_segment_anonymous_events_carry_the_sdk_anonymous_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["segment"]
    messages = _segment(journey)
    anonymous = journey.ids["start"]
    assert anonymous
    home = _one(messages, type="page", name="Home")
    viewed = _one(messages, type="track", event="Product Viewed", properties__SKU="A-1")
    for message in (home, viewed):
        assert message["anonymousId"] == anonymous
        assert message.get("userId") is None
    assert home["properties"]["Path"] == "/"


def test_segment_identify_links_the_anonymous_id_to_the_user(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["segment"]
    messages = _segment(journey)
    anonymous = journey.ids["start"]
    assert journey.ids["identified"] == anonymous
    identifies = [m for m in messages if m["type"] == "identify"]
    assert [(m["userId"], m["anonymousId"]) for m in identifies] == [
        (USER, anonymous),
        (USER, anonymous),
    ]
    # identify(userId) first, then the user properties as traits
    traits = sorted((m["traits"] for m in identifies), key=len)
    assert traits == [{}, {"Email": "a@example.com"}]
    signed_up = _one(messages, type="track", event="Signed Up")
    assert (signed_up["userId"], signed_up["anonymousId"]) == (USER, anonymous)


def test_segment_later_events_carry_the_user_id(journeys: dict[str, Journey]) -> None:
    journey = journeys["segment"]
    messages = _segment(journey)
    anonymous = journey.ids["start"]
    later = [
        _one(messages, type="track", event="Product Viewed", properties__SKU="B-2"),
        _one(messages, type="track", event="Order Completed"),
        _one(messages, type="track", event="Revenue"),
        _one(messages, type="track", event="Company Joined"),
        _one(messages, type="group"),
        _one(messages, type="track", event="Signed Out"),
    ]
    assert [(m["userId"], m["anonymousId"]) for m in later] == [(USER, anonymous)] * 6
    assert later[2]["properties"] == {"Order ID": "o-1", "revenue": 19.5}
    assert (later[4]["groupId"], later[4]["traits"]) == (
        "acme",
        {"group_type": "Company"},
    )


def test_segment_unidentify_resets_to_a_new_anonymous_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["segment"]
    messages = _segment(journey)
    before, after = journey.ids["start"], journey.ids["reset"]
    # analytics.reset(): the userId and traits are cleared and a new anonymousId is made
    assert after and after != before
    last = _one(messages, type="track", event="Product Viewed", properties__SKU="C-3")
    assert last["anonymousId"] == after
    assert last.get("userId") is None
    assert len(messages) == 12


# -- PostHog (posthog-js) -------------------------------------------------------------


def _posthog(journey: Journey) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for request in journey.requests:
        assert request.method == "POST"
        body = request.body
        events += (
            body["batch"] if isinstance(body, dict) and "batch" in body else [body]
        )
    return events


def _distinct(event: dict[str, Any]) -> Any:
    return event["properties"]["distinct_id"]


def test_posthog_anonymous_events_are_personless_with_the_sdk_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["posthog"]
    events = _posthog(journey)
    anonymous = journey.ids["start"]
    assert anonymous and anonymous != USER
    page = _one(events, event="$pageview")
    viewed = _one(events, event="Product Viewed", properties__SKU="A-1")
    for event in (page, viewed):
        assert _distinct(event) == anonymous
        assert event["properties"]["$process_person_profile"] is False
    # posthog-js sets `title` from the document; the plan's page name has its own key
    assert page["properties"]["page_name"] == "Home"
    assert page["properties"]["title"] == "posthog"
    assert page["properties"]["Path"] == "/"


def test_posthog_identify_links_anon_distinct_id_to_the_user(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["posthog"]
    events = _posthog(journey)
    anonymous = journey.ids["start"]
    assert journey.ids["identified"] == USER
    identify = _one(events, event="$identify")
    assert _distinct(identify) == USER
    assert identify["properties"]["$anon_distinct_id"] == anonymous
    person = _one(events, event="$set")
    assert _distinct(person) == USER
    assert person["properties"]["$set"] == {"Email": "a@example.com"}
    assert _distinct(_one(events, event="Signed Up")) == USER


def test_posthog_later_events_carry_the_user(journeys: dict[str, Journey]) -> None:
    events = _posthog(journeys["posthog"])
    later = [
        _one(events, event="Product Viewed", properties__SKU="B-2"),
        _one(events, event="Order Completed"),
        _one(events, event="Revenue"),
        _one(events, event="Company Joined"),
        _one(events, event="Signed Out"),
    ]
    assert [_distinct(e) for e in later] == [USER] * 5
    assert all(
        e["properties"].get("$process_person_profile") is not False for e in later
    )
    assert later[2]["properties"]["revenue"] == 19.5
    assert later[3]["properties"]["$groups"] == {"Company": "acme"}
    group = _one(events, event="$groupidentify")
    assert (group["properties"]["$group_type"], group["properties"]["$group_key"]) == (
        "Company",
        "acme",
    )


def test_posthog_unidentify_resets_to_a_new_anonymous_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["posthog"]
    events = _posthog(journey)
    before, after = journey.ids["start"], journey.ids["reset"]
    # posthog.reset(): a new anonymous distinct_id, not linked to the user
    assert after and after not in (before, USER)
    last = _one(events, event="Product Viewed", properties__SKU="C-3")
    assert _distinct(last) == after
    assert last["properties"]["$process_person_profile"] is False
    assert len(events) == 12


# -- Mixpanel (mixpanel-browser) ------------------------------------------------------

# What mixpanel-browser adds to every event besides the `$`-prefixed properties.
_MIXPANEL_OWN = {"distinct_id", "time", "token", "mp_lib"}


def _mixpanel(journey: Journey) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The tracked events and the profile updates, one per request (no batching)."""
    events, profiles = [], []
    for request in journey.requests:
        assert request.method == "POST"
        assert request.path in ("/mixpanel/track/", "/mixpanel/engage/")
        data = request.body["data"]
        (events if request.path == "/mixpanel/track/" else profiles).append(data)
    return events, profiles


def _plan_properties(event: dict[str, Any]) -> dict[str, Any]:
    """An event's properties without the ones mixpanel-browser adds itself."""
    return {
        k: v
        for k, v in event["properties"].items()
        if not k.startswith("$") and k not in _MIXPANEL_OWN
    }


def _ids(event: dict[str, Any]) -> tuple[Any, Any, Any]:
    properties = event["properties"]
    return (
        properties["distinct_id"],
        properties["$device_id"],
        properties.get("$user_id"),
    )


def test_mixpanel_anonymous_events_carry_the_sdk_device_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["mixpanel"]
    events, _ = _mixpanel(journey)
    device = journey.ids["start"]
    assert device and journey.ids["start distinct_id"] == "$device:" + device
    page = _one(events, event="$mp_web_page_view")
    viewed = _one(events, event="Product Viewed", properties__SKU="A-1")
    for event in (page, viewed):
        assert _ids(event) == ("$device:" + device, device, None)
    # the page name as current_page_title; track_pageview adds where the page is
    assert _plan_properties(page) == {
        "Path": "/",
        "current_page_title": "Home",
        "current_domain": "127.0.0.1",
        "current_url_path": "/mixpanel.html",
        "current_url_protocol": "http:",
    }


def test_mixpanel_identify_links_the_device_id_to_the_user(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["mixpanel"]
    events, profiles = _mixpanel(journey)
    device = journey.ids["start"]
    assert journey.ids["identified"] == device
    assert journey.ids["identified distinct_id"] == USER
    # mixpanel.identify sends $identify: $anon_distinct_id -> distinct_id links the two
    # under the Original ID Merge API; under Simplified ID Merge the first event with
    # both $device_id and $user_id does, and $identify is already one.
    identify = _one(events, event="$identify")
    assert _ids(identify) == (USER, device, USER)
    assert identify["properties"]["$anon_distinct_id"] == "$device:" + device
    assert _ids(_one(events, event="Signed Up")) == (USER, device, USER)
    assert _plan_properties(_one(events, event="Signed Up")) == {}
    person = _one(profiles, **{"$set__Email": "a@example.com"})
    assert (person["$distinct_id"], person["$device_id"], person["$user_id"]) == (
        USER,
        device,
        USER,
    )
    assert {k for k in person["$set"] if not k.startswith("$")} == {"Email"}


def test_mixpanel_later_events_carry_the_user(journeys: dict[str, Journey]) -> None:
    journey = journeys["mixpanel"]
    events, profiles = _mixpanel(journey)
    device = journey.ids["start"]
    later = [
        _one(events, event="Product Viewed", properties__SKU="B-2"),
        _one(events, event="Order Completed"),
        _one(events, event="Revenue"),
        _one(events, event="Company Joined"),
        _one(events, event="Signed Out"),
    ]
    assert [_ids(e) for e in later] == [(USER, device, USER)] * 5
    assert [_plan_properties(e) for e in later] == [
        {"SKU": "B-2"},
        {"Order ID": "o-1"},
        {"Order ID": "o-1", "revenue": 19.5},
        # set_group registers the group key: later events carry it
        {"Company": ["acme"]},
        {"Company": ["acme"]},
    ]
    group = _one(profiles, **{"$set__Company": ["acme"]})
    assert (
        group["$distinct_id"],
        {k for k in group["$set"] if not k.startswith("$")},
    ) == (
        USER,
        {"Company"},
    )
    # revenue is an event, not people.track_charge (deprecated): no $transactions
    assert [p for p in profiles if "$append" in p] == []


def test_mixpanel_unidentify_resets_to_a_new_device_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["mixpanel"]
    events, profiles = _mixpanel(journey)
    before, after = journey.ids["start"], journey.ids["reset"]
    # mixpanel.reset(): super properties cleared, a new $device_id, no user
    assert after and after != before
    assert journey.ids["reset distinct_id"] == "$device:" + after
    last = _one(events, event="Product Viewed", properties__SKU="C-3")
    assert _ids(last) == ("$device:" + after, after, None)
    assert _plan_properties(last) == {"SKU": "C-3"}
    assert sorted(e["event"] for e in events) == sorted(
        [
            "$mp_web_page_view",
            "Product Viewed",
            "$identify",
            "Signed Up",
            "Product Viewed",
            "Order Completed",
            "Revenue",
            "Company Joined",
            "Signed Out",
            "Product Viewed",
        ]
    )
    # the user properties, the group, and the first-touch referrer mixpanel-browser
    # itself sets once when the user is identified
    assert sorted(next(k for k in p if k.startswith("$set")) for p in profiles) == [
        "$set",
        "$set",
        "$set_once",
    ]


# -- Amplitude (@amplitude/analytics-browser) -----------------------------------------


def _amplitude(journey: Journey) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for request in journey.requests:
        assert (request.method, request.path) == ("POST", "/amplitude/2/httpapi")
        assert request.body["api_key"] == "test-api-key"
        events += request.body["events"]
    return events


def _amplitude_ids(event: dict[str, Any]) -> tuple[Any, Any]:
    return event["device_id"], event.get("user_id")


def test_amplitude_anonymous_events_carry_the_sdk_device_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["amplitude"]
    events = _amplitude(journey)
    device = journey.ids["start"]
    assert device and journey.ids["start user_id"] is None
    page = _one(events, event_type="[Amplitude] Page Viewed")
    viewed = _one(events, event_type="Product Viewed", event_properties__SKU="A-1")
    for event in (page, viewed):
        assert _amplitude_ids(event) == (device, None)
    assert page["event_properties"] == {"Path": "/", "[Amplitude] Page Title": "Home"}


def test_amplitude_identify_links_the_device_id_to_the_user(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["amplitude"]
    events = _amplitude(journey)
    device = journey.ids["start"]
    # setUserId sends nothing and keeps the device id; Amplitude links a device_id to a
    # user_id when one event carries both: here the $identify of the user properties,
    # then Signed Up.
    assert journey.ids["identified"] == device
    assert journey.ids["identified user_id"] == USER
    person = _one(
        events,
        event_type="$identify",
        user_properties={"$set": {"Email": "a@example.com"}},
    )
    signed_up = _one(events, event_type="Signed Up")
    assert [_amplitude_ids(e) for e in (person, signed_up)] == [(device, USER)] * 2
    assert signed_up["event_properties"] == {}


def test_amplitude_later_events_carry_the_user(journeys: dict[str, Journey]) -> None:
    journey = journeys["amplitude"]
    events = _amplitude(journey)
    device = journey.ids["start"]
    later = [
        _one(events, event_type="Product Viewed", event_properties__SKU="B-2"),
        _one(events, event_type="Order Completed"),
        _one(events, event_type="revenue_amount"),
        _one(events, event_type="$identify", groups={"Company": "acme"}),
        _one(events, event_type="Company Joined"),
        # logged just before reset(): the adapter pins the ids the SDK held at the call
        _one(events, event_type="Signed Out"),
    ]
    assert [_amplitude_ids(e) for e in later] == [(device, USER)] * 6
    assert later[2]["event_properties"] == {
        "Order ID": "o-1",
        "$price": 19.5,
        "$quantity": 1,
    }
    assert later[3]["user_properties"] == {"$set": {"Company": "acme"}}
    assert "groups" not in later[4]  # Amplitude keeps the membership on the user


def test_amplitude_unidentify_resets_to_a_new_device_id(
    journeys: dict[str, Journey],
) -> None:
    journey = journeys["amplitude"]
    events = _amplitude(journey)
    before, after = journey.ids["start"], journey.ids["reset"]
    # amplitude.reset(): no user id, and a new random device id
    assert after and after != before
    assert journey.ids["reset user_id"] is None
    last = _one(events, event_type="Product Viewed", event_properties__SKU="C-3")
    assert _amplitude_ids(last) == (after, None)
    assert sorted(e["event_type"] for e in events) == sorted(
        [
            "[Amplitude] Page Viewed",
            "Product Viewed",
            "$identify",
            "Signed Up",
            "Product Viewed",
            "Order Completed",
            "revenue_amount",
            "$identify",
            "Company Joined",
            "Signed Out",
            "Product Viewed",
        ]
    )


# -- Recognition ----------------------------------------------------------------------


def test_each_adapter_takes_only_its_own_sdk_object(
    journeys: dict[str, Journey],
) -> None:
    taken = dict(journeys["recognition"].ids)
    del taken["older mixpanel: calls"]
    assert taken == {
        "@segment/analytics-next AnalyticsBrowser": "segment",
        "posthog-js posthog": "posthog",
        "mixpanel-browser mixpanel": "mixpanel",
        "@amplitude/analytics-browser namespace": "amplitude",
        "@amplitude/analytics-browser createInstance()": "amplitude",
        "protocol object": "",
        "protocol object with revenue only": "",
        "null": "",
    }


def test_mixpanel_adapter_copes_without_the_optional_methods(
    journeys: dict[str, Journey],
) -> None:
    # without track_pageview a page is tracked as such; without people, no profile
    calls = journeys["recognition"].ids["older mixpanel: calls"]
    assert calls == "track $mp_web_page_view"
