"""Behaviour of compiled TypeScript output under Node, with recording destinations.

Parity with Python is test_parity's; these are the rules that exist only in
TypeScript: client identity, Promises from server destinations, and the legacy API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.typescript import support
from tests.typescript.scenario import ANON, USER, Call, Setup, run_ts

pytestmark = pytest.mark.skipif(
    not support.have_tools(), reason="needs node and `npm ci` (node_modules/.bin/tsc)"
)

SYSTEM = {"App Version": "1.2.3"}
DESTS: dict[str, str | None] = {"rec": None, "other": None}
SIGNED_UP = {"User Email": "e@x.io", "Plan": "pro"}
DATE = {"$special": "Date"}


def _run(
    module: Path, setup: Setup, *, server: bool, identify: set[str]
) -> dict[str, Any]:
    events = {c.event: c.event in identify for c in setup.calls}
    [result] = run_ts(module, [setup], events, server=server)
    return result


def test_client_identify_calls_identify_first_with_the_user_id(
    js: dict[str, Path],
) -> None:
    calls = [Call("Signed Up", {**SIGNED_UP, USER: "u1"})]
    setup = Setup("dev", {"env": "dev"}, DESTS, calls, SYSTEM)
    [call] = _run(js["full-client"], setup, server=False, identify={"Signed Up"})[
        "calls"
    ]
    assert [c[:2] for c in call["calls"]] == [
        ["rec", "identify"],
        ["other", "identify"],
        ["rec", "setUserProperties"],
        ["other", "setUserProperties"],
        ["rec", "logEvent"],
        ["other", "logEvent"],
    ]
    assert call["calls"][0] == ["rec", "identify", ["u1"]]
    # each destination gets its own copy: rec's change does not reach other
    assert call["calls"][5][2][1] == {"App Version": "1.2.3"}


def test_a_free_form_object_takes_any_keys_and_a_closed_one_none(
    js: dict[str, Path],
) -> None:
    base = {"Name": "n", "Payment Method": "card", "Quantity": 1, "Total": 1}
    free = {"any key": [1, {"x": None}], "constructor": 1, "": ""}
    calls = [
        Call("Everything Happened", {**base, "Gift": True, "Attributes": free}),
        Call("Everything Happened", {**base, "Gift": True, "Closed Object": {}}),
        Call("Everything Happened", {**base, "Gift": True, "Closed Object": {"k": 1}}),
        Call("Everything Happened", {**base, "Gift": True, "Attributes": [1]}),
        Call("Everything Happened", {**base, "Gift": True, "Attributes": DATE}),
    ]
    setup = Setup("dev", {"env": "dev"}, DESTS, calls, SYSTEM)
    free_call, empty, closed, listed, date = _run(
        js["full-client"], setup, server=False, identify=set()
    )["calls"]
    assert free_call["raised"] is None
    assert free_call["calls"][0][2][1]["Attributes"] == free
    assert empty["raised"] is None
    assert empty["calls"][0][2][1]["Closed Object"] == {}
    assert closed["raised"] == [
        [
            "Everything Happened",
            "Closed Object.k",
            "unknown",
            "a sub-property of the plan",
        ]
    ]
    assert listed["raised"] == [
        ["Everything Happened", "Attributes", "type", "an object"]
    ]
    assert date["raised"] == listed["raised"]  # a Date is no plain object
    assert closed["calls"] == listed["calls"] == date["calls"] == []


@pytest.mark.parametrize("user", [None, "", 5])
def test_client_identify_without_a_user_id(js: dict[str, Path], user: Any) -> None:
    calls = [Call("Signed Up", {**SIGNED_UP, USER: user})]
    dev = _run(
        js["full-client"],
        Setup("dev", {"env": "dev"}, DESTS, calls, SYSTEM),
        server=False,
        identify={"Signed Up"},
    )
    assert dev["calls"][0]["raised"] == [
        ["Signed Up", "userId_", "identity", "a non-empty string"]
    ]
    assert dev["calls"][0]["calls"] == []
    prod = _run(
        js["full-client"],
        Setup("prod", {"env": "prod"}, DESTS, calls, SYSTEM),
        server=False,
        identify={"Signed Up"},
    )
    [call] = prod["calls"]
    assert call["violations"] == [
        ["Signed Up", "userId_", "identity", "a non-empty string"]
    ]
    # the event is still sent; identify is skipped without a user id
    assert [c[1] for c in call["calls"]] == ["setUserProperties"] * 2 + ["logEvent"] * 2


def test_client_events_carry_no_ids(js: dict[str, Path]) -> None:
    setup = Setup("dev", {"env": "dev"}, DESTS, [Call("Logged Out", {})], SYSTEM)
    [call] = _run(js["full-client"], setup, server=False, identify=set())["calls"]
    assert call["calls"] == [
        ["rec", "logEvent", ["Logged Out", {"App Version": "1.2.3"}]],
        ["other", "logEvent", ["Logged Out", {"App Version": "1.2.3"}]],
        ["rec", "unidentify", []],
        ["other", "unidentify", []],
    ]


@pytest.mark.parametrize("server", [False, True])
def test_a_rejecting_destination_in_prod_is_reported_and_others_still_receive(
    js: dict[str, Path], server: bool
) -> None:
    ids = {ANON: "a"} if server else {}
    setup = Setup(
        "prod",
        {"env": "prod"},
        {"rec": "reject", "other": "throw"},
        [Call("Button Clicked", ids), Call("Button Clicked", ids)],
        SYSTEM,
    )
    module = js["full-server" if server else "full-client"]
    result = _run(module, setup, server=server, identify=set())
    for call in result["calls"]:
        assert call["raised"] is None
        assert call["error"] is None
        assert [c[0] for c in call["calls"]] == ["rec", "other"]
        assert sorted(v[1] for v in call["violations"]) == ["other", "rec"]
        assert {v[2] for v in call["violations"]} == {"destination"}


def test_a_rejecting_server_destination_outside_prod_rejects_after_all_are_called(
    js: dict[str, Path],
) -> None:
    setup = Setup(
        "dev",
        {"env": "dev"},
        {"rec": "reject", "other": "slow"},
        [Call("Button Clicked", {USER: "u"})],
        SYSTEM,
    )
    [call] = _run(js["full-server"], setup, server=True, identify=set())["calls"]
    assert call["error"] == "Error: rec is down"
    assert [c[0] for c in call["calls"]] == ["rec", "other"]


def test_a_server_event_without_ids_is_sent_nowhere(js: dict[str, Path]) -> None:
    setup = Setup("prod", {"env": "prod"}, DESTS, [Call("Button Clicked", {})], SYSTEM)
    [call] = _run(js["full-server"], setup, server=True, identify=set())["calls"]
    assert call["calls"] == []
    assert call["violations"] == [
        ["Button Clicked", "anonymousId_ or userId_", "identity", "at least one id"]
    ]


def test_server_ids_reach_every_destination(js: dict[str, Path]) -> None:
    setup = Setup(
        "dev",
        {"env": "dev"},
        DESTS,
        [Call("Signed Up", {**SIGNED_UP, ANON: "a", USER: "u"})],
    )
    setup.system = SYSTEM
    [call] = _run(js["full-server"], setup, server=True, identify={"Signed Up"})[
        "calls"
    ]
    assert call["calls"][0] == ["rec", "identify", ["u"], "u", "a"]
    assert all(c[3:] == ["u", "a"] for c in call["calls"])


def test_legacy_server_takes_only_a_user_id(js: dict[str, Path]) -> None:
    setup = Setup(
        "prod",
        {"env": "prod"},
        DESTS,
        [
            Call("Plan Upgraded", {USER: "u", "Plan": "pro"}),
            Call("Plan Upgraded", {"Plan": "pro"}),
            Call("Signed Up", {USER: "u", "Plan": "free"}),
        ],
        has_system=False,
    )
    result = _run(js["legacy-server"], setup, server=True, identify={"Signed Up"})
    sent, missing, identified = result["calls"]
    assert sent["calls"][0] == [
        "rec",
        "logEvent",
        ["Plan Upgraded", {"Plan": "pro"}],
        "u",
        None,
    ]
    assert missing["calls"] == []
    assert missing["violations"] == [
        ["Plan Upgraded", "userId_", "identity", "a non-empty string"]
    ]
    assert [c[1] for c in identified["calls"]] == [
        "identify",
        "identify",
        "logEvent",
        "logEvent",
    ]


def test_noop_calls_nothing_outside_prod_and_is_ignored_in_prod(
    js: dict[str, Path],
) -> None:
    calls = [Call("Button Clicked", {ANON: "a"})]
    dev = Setup("dev", {"env": "dev", "noop": True}, DESTS, calls, SYSTEM)
    prod = Setup("prod", {"env": "prod", "noop": True}, DESTS, calls, SYSTEM)
    for module, server in ((js["full-client"], False), (js["full-server"], True)):
        quiet = _run(module, dev, server=server, identify=set())
        assert quiet["construct"]["calls"] == []  # not even make()
        assert quiet["calls"][0]["calls"] == []
        loud = _run(module, prod, server=server, identify=set())
        assert [c[1] for c in loud["construct"]["calls"]] == ["make", "make"]
        assert len(loud["calls"][0]["calls"]) == 2


def test_an_object_without_destination_methods_is_refused(
    js: dict[str, Path],
) -> None:
    calls = [Call("Button Clicked", {ANON: "a"})]
    dests = {"rec": "empty", "other": None}
    strict = Setup("strict", {"env": "dev", "strict": True}, dests, calls, SYSTEM)
    prod = Setup("prod", {"env": "prod"}, dests, calls, SYSTEM)
    for module, server in ((js["full-client"], False), (js["full-server"], True)):
        refused = _run(module, strict, server=server, identify=set())
        assert refused["construct"]["raised"] == [
            ["", "rec", "destination", "a destination object"]
        ]
        reported = _run(module, prod, server=server, identify=set())
        assert reported["construct"]["violations"] == [
            ["", "rec", "destination", "a destination object"]
        ]
        # the other destination still gets the event
        assert [c[0] for c in reported["calls"][0]["calls"]] == ["other"]


def test_an_argument_field_the_event_does_not_have_is_unknown(
    js: dict[str, Path],
) -> None:
    # Python refuses an unknown keyword; TypeScript reports the field the same way.
    calls = [Call("Button Clicked", {ANON: "a", "Surprise": 1})]
    unknown = [["Button Clicked", "surprise", "unknown", "an argument of the event"]]
    strict = Setup("strict", {"env": "dev"}, DESTS, calls, SYSTEM)
    prod = Setup("prod", {"env": "prod"}, DESTS, calls, SYSTEM)
    for module, server in ((js["full-client"], False), (js["full-server"], True)):
        [refused] = _run(module, strict, server=server, identify=set())["calls"]
        assert (refused["raised"], refused["calls"]) == (unknown, [])
        [reported] = _run(module, prod, server=server, identify=set())["calls"]
        assert reported["violations"] == unknown
        assert [c[:2] for c in reported["calls"]] == [
            ["rec", "logEvent"],
            ["other", "logEvent"],
        ]


def test_one_call_reports_at_most_100_violations(js: dict[str, Path]) -> None:
    # a client has no anonymous id argument: ANON is dropped for it
    args = {"Name": "n", "Payment Method": "card", "Quantity": 1, "Total": 1}
    args |= {"Gift": True, "Tags": [None] * 1000, ANON: "a"}
    prod = Setup(
        "prod", {"env": "prod"}, DESTS, [Call("Everything Happened", args)], SYSTEM
    )
    for module, server in ((js["full-client"], False), (js["full-server"], True)):
        [call] = _run(module, prod, server=server, identify=set())["calls"]
        assert len(call["violations"]) == 100
        assert call["violations"][0][1] == "Tags[0]"
        assert [c[:2] for c in call["calls"]] == [
            ["rec", "logEvent"],
            ["other", "logEvent"],
        ]


def test_an_unknown_env_throws_even_for_prod_code(js: dict[str, Path]) -> None:
    setup = Setup("bad", {"env": "production"}, DESTS, [], SYSTEM)
    result = _run(js["full-client"], setup, server=False, identify=set())
    assert "env must be one of" in result["construct"]["error"]
