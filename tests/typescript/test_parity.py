"""Parity: one scenario, three outputs of one plan (Python, TypeScript client and server).

Destination calls and violations must be equal call by call. The client differs only
where the contract says it does: it holds no ids, so its destination calls carry none,
and calls the server refuses for their ids are compared in test_behaviour instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.typescript import support
from tests.typescript.scenario import (
    AMOUNT,
    ANON,
    GROUP,
    INF,
    NAN,
    USER,
    Call,
    Setup,
    compile_js,
    load_python,
    normalise_python,
    normalise_ts,
    run_python,
    run_ts,
    without_ids,
)

pytestmark = pytest.mark.skipif(
    not support.have_tools(), reason="needs node and `npm ci` (node_modules/.bin/tsc)"
)

GROUPS = ("Company", "Team")
IDENTIFY = {"Signed Up"}
IDS = {ANON: "anon-1", USER: "user-1"}
VALID = {
    "Name": "n",
    "Payment Method": "gift card",
    "Quantity": 3,
    "Total": 9.5,
    "Gift": False,
}
SYSTEM = {"App Version": "1.2.3", "Build": 7}


def _calls() -> list[Call]:
    calls: list[Call] = []

    def everything(**changes: Any) -> None:
        args = {**VALID, **IDS}
        for key, value in changes.items():
            name = key.replace("_", " ")
            args[name] = value
        calls.append(Call("Everything Happened", args))

    everything()
    everything(
        Coupon="SAVE2024",
        Email="ana@example.é",
        Rating=5,
        Ratio=-1.5,
        Metadata={"any": ["thing", 1, None]},
        Tags=["a", "b"],
        Matrix=[[0, 1], []],
        Products=[{"SKU": "s", "Price": 0, "Options": {"Color": "red"}}],
        Default="d",
        constructor="c",
        Attributes={"any key": [1, {"x": None}], "": "", "constructor": 1},
        **{"1st_Visit": True, "Closed Object": {}},
    )
    everything(Name=1)
    everything(Name=None)
    everything(Payment_Method="cash")
    everything(Quantity=0)
    everything(Quantity=101)
    everything(Quantity=1.5)
    everything(Quantity=True)
    everything(Quantity="3")
    everything(Total=NAN)
    everything(Total=INF)
    everything(Total=-1)
    everything(Gift=0)
    everything(Ratio=2)
    everything(Rating=6)
    everything(Coupon="ab")
    everything(Email="a b@c.d")
    everything(Email="a@b\n")
    everything(Tags=[1, "x", None])
    everything(Tags="x")
    everything(Matrix=[[1, -1], "x"])
    everything(Products=[{"Price": -1, "Extra": 1, "Options": {"Color": "green"}}])
    everything(Products=[None, 3, {"SKU": 1, "Options": []}])
    everything(Attributes={})
    everything(Attributes=[1, 2])
    everything(Attributes="x")
    everything(Attributes=None)
    everything(**{"Closed Object": {"surprise": 1, "other": None}})
    everything(**{"Closed Object": []})
    everything(Name=2, Quantity=0, Total=-5, Payment_Method=None, Tags=[2])
    calls.append(Call("Metadata Sent", {"Metadata": None, **IDS}))
    calls.append(Call("Metadata Sent", {"Metadata": [1, {"x": None}], **IDS}))
    calls.append(Call("Button Clicked", {**IDS}))
    calls.append(Call("Signed Up", {"User Email": "e@x.io", "Plan": "pro", **IDS}))
    calls.append(Call("Signed Up", {"User Email": 5, "Plan": "gold", **IDS}))
    calls.append(Call("Logged Out", {**IDS}))
    calls.append(Call("Profile Updated", {"Plan": "free", **IDS}))
    calls.append(Call("Profile Updated", {"Plan": None, **IDS}))
    calls.append(Call("Home Viewed", {"Path": "/", **IDS}))
    calls.append(Call("Order Completed", {AMOUNT: 12.5, "Coupon": "ABCD", **IDS}))
    calls.append(Call("Order Completed", {AMOUNT: "12", **IDS}))
    calls.append(Call("Order Completed", {AMOUNT: None, **IDS}))
    calls.append(
        Call("Team Joined", {GROUP + "Company": "c1", GROUP + "Team": "t1", **IDS})
    )
    calls.append(
        Call("Team Joined", {GROUP + "Company": 1, GROUP + "Team": None, **IDS})
    )
    # the identity matrix
    matrix: list[dict[str, Any]] = [
        {},
        {ANON: "a"},
        {USER: "u"},
        {ANON: "a", USER: "u"},
        {ANON: "", USER: "u"},
        {ANON: "a", USER: ""},
        {ANON: ""},
        {USER: 5},
        {ANON: None, USER: "u"},
        {ANON: "a", USER: None},
    ]
    for ids in matrix:
        calls.append(Call("Button Clicked", dict(ids)))
        calls.append(Call("Signed Up", {"User Email": "e@x.io", **ids}))
        calls.append(Call("Logged Out", dict(ids)))
    return calls


DESTS: dict[str, str | None] = {"rec": None, "other": None}


def _setups(reject: bool) -> list[Setup]:
    failing = "reject" if reject else "throw"
    calls = _calls()
    return [
        Setup("dev", {"env": "dev"}, DESTS, calls, SYSTEM),
        Setup("lenient", {"env": "staging", "strict": False}, DESTS, calls, SYSTEM),
        Setup("prod", {"env": "prod"}, DESTS, calls, SYSTEM),
        Setup(
            "prod-failing",
            {"env": "prod"},
            {"rec": None, "other": failing},
            calls,
            SYSTEM,
        ),
        Setup("noop", {"env": "dev", "noop": True}, DESTS, calls, SYSTEM),
        Setup("prod-noop", {"env": "prod", "noop": True}, DESTS, calls[:3], SYSTEM),
        Setup(
            "dev-failing",
            {"env": "dev"},
            {"rec": "throw", "other": None},
            calls[:3],
            SYSTEM,
        ),
        Setup("missing", {"env": "dev"}, {"rec": None}, calls[:1], SYSTEM),
        Setup("missing-prod", {"env": "prod"}, {"rec": None}, calls[:1], SYSTEM),
        Setup(
            "unknown",
            {"env": "dev", "strict": False},
            {**DESTS, "extra": None},
            calls[:1],
            SYSTEM,
        ),
        Setup(
            "bad-system", {"env": "dev"}, DESTS, calls[:1], {"App Version": "x", "B": 1}
        ),
        Setup("bad-system-prod", {"env": "prod"}, DESTS, calls[:1], {"Build": 1.5}),
        Setup("no-system", {"env": "prod"}, DESTS, calls[:1], has_system=False),
    ]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("ts-parity")
    shutil.copy(
        support.HERE / "plans" / "full" / "trackplan.yaml", root / "trackplan.yaml"
    )
    files = support.generate(root / "trackplan.yaml")
    compile_js(root, [files["web"], files["node"]])
    return {
        "py": files["py"],
        "web": root / "js" / "client.js",
        "node": root / "js" / "server.js",
    }


@pytest.fixture(scope="module")
def python_runs(outputs: dict[str, Path]) -> list[dict[str, Any]]:
    return normalise_python(
        run_python(load_python(outputs["py"]), _setups(False)), GROUPS
    )


def _events() -> dict[str, bool]:
    return {c.event: c.event in IDENTIFY for c in _calls()}


def _compare(
    expected: list[dict[str, Any]], actual: list[dict[str, Any]], client: bool
) -> int:
    compared = 0
    calls = _calls()
    for want, got in zip(expected, actual, strict=True):
        setup = want["name"]
        assert got["name"] == setup
        w, g = want["construct"], got["construct"]
        if client:
            w = without_ids(w)
        assert g == w, f"{setup}: constructor"
        assert len(got["calls"]) == len(want["calls"]), setup
        for n, (python, ts) in enumerate(zip(want["calls"], got["calls"], strict=True)):
            if client:
                found = (python["raised"] or []) + python["violations"]
                if any(v[2] == "identity" for v in found):
                    continue  # the server refused the ids; a client has none
                python = without_ids(python)  # noqa: PLW2901
            assert ts == python, f"{setup}: call {n} {calls[n]}"
            compared += 1
    return compared


def test_typescript_server_equals_python(
    outputs: dict[str, Path], python_runs: list[dict[str, Any]]
) -> None:
    ts = normalise_ts(run_ts(outputs["node"], _setups(False), _events(), server=True))
    assert _compare(python_runs, ts, client=False) > 300


def test_typescript_server_with_a_rejecting_destination_equals_python(
    outputs: dict[str, Path], python_runs: list[dict[str, Any]]
) -> None:
    setups = [s for s in _setups(True) if s.name == "prod-failing"]
    expected = [r for r in python_runs if r["name"] == "prod-failing"]
    ts = normalise_ts(run_ts(outputs["node"], setups, _events(), server=True))
    assert _compare(expected, ts, client=False) > 50


def test_typescript_client_equals_python(
    outputs: dict[str, Path], python_runs: list[dict[str, Any]]
) -> None:
    ts = normalise_ts(run_ts(outputs["web"], _setups(False), _events(), server=False))
    assert _compare(python_runs, ts, client=True) > 250
