"""Client identity in headless Chromium, with the real analytics-next and posthog-js.

Each page runs one journey through the generated client tracker: a page view and an
event while anonymous, sign-up (the Identify event), events as the user, an order and
a group, sign-out (the Unidentify event), then one more event. Only the SDK ever holds
an id; the assertions read what reached the local server.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from typing import Any

import pytest

from tests.browser.conftest import HERE, Build
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


@pytest.fixture(scope="module")
def journeys(build: Build, chromium: str) -> dict[str, Journey]:
    """Run both pages in one browser; split the captured requests by endpoint."""
    with PageServer(build.site) as server:
        urls = [f"{server.url}/{name}.html" for name in ("segment", "posthog")]
        result = subprocess.run(
            ["node", str(HERE / "run_pages.mjs"), chromium, *urls],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        segment, posthog = json.loads(result.stdout)
        captured = server.requests
    return {
        "segment": Journey(segment, [r for r in captured if r.path.startswith("/v1/")]),
        "posthog": Journey(posthog, [r for r in captured if r.path == "/e/"]),
        "other": Journey(
            {},
            [r for r in captured if not r.path.startswith("/v1/") and r.path != "/e/"],
        ),
    }


@pytest.mark.parametrize("name", ["segment", "posthog"])
def test_the_journey_ran_and_stayed_local(journeys: dict[str, Journey], name: str) -> None:
    page = journeys[name].page
    assert page["journey"]["error"] is None
    assert page["journey"]["done"] is True
    assert page["blocked"] == [], "requests left 127.0.0.1"
    assert page["failed"] == []
    assert [c for c in page["console"] if c.startswith(("error", "pageerror"))] == []
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
    assert (later[4]["groupId"], later[4]["traits"]) == ("acme", {"group_type": "Company"})


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
        events += body["batch"] if isinstance(body, dict) and "batch" in body else [body]
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
    assert all(e["properties"].get("$process_person_profile") is not False for e in later)
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
