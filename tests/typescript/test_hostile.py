"""Prod never throws into the caller, however hostile what it is given (CONTRACT 5.5).

hostile.mjs runs compiled client and server output in prod against values that fail
when touched: the tracker must report them, keep the other destinations receiving the
event, and let nothing escape (a throw, a rejected Promise, an unhandled rejection).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.typescript import support

HOSTILE = support.HERE / "hostile.mjs"

EXPECTED: dict[str, tuple[list[list[str]], list[str]]] = {
    # case: (violations as [path, kind], destinations that received the event)
    "destination throws a self-throwing Proxy": ([["rec", "destination"]], ["other"]),
    "destination throws an error whose message is no string": (
        [["rec", "destination"]],
        ["other"],
    ),
    "destination rejects with a self-throwing Proxy": (
        [["rec", "destination"]],
        ["other"],
    ),
    # a client event with no properties reads nothing from its argument
    "the call's argument is a self-throwing Proxy": ([], ["rec", "other"]),
    "a destination's method is a throwing getter": (
        [["rec", "destination"]],
        ["other"],
    ),
    "destinations is a self-throwing Proxy": ([["", "internal"]], []),
    "systemProperties is a self-throwing Proxy": (
        [["systemProperties", "type"]],
        ["rec", "other"],
    ),
}

# the server reads the ids from the argument
SERVER = {"the call's argument is a self-throwing Proxy": ([["", "internal"]], [])}


@pytest.mark.parametrize("side", ["client", "server"])
def test_prod_lets_nothing_escape(js: dict[str, Path], side: str) -> None:
    result = subprocess.run(
        ["node", str(HOSTILE), str(js[f"full-{side}"]), side],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    runs: list[dict[str, Any]] = json.loads(result.stdout)
    assert [r["name"] for r in runs] == list(EXPECTED)
    for run in runs:
        violations, received = EXPECTED[run["name"]]
        if side == "server" and run["name"] in SERVER:
            violations, received = SERVER[run["name"]]
        assert run["escaped"] is None, run
        assert run["violations"][: len(violations)] == violations, run
        assert run["received"] == received, run
