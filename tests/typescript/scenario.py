"""One scenario of tracking calls, run against generated Python and TypeScript.

Calls are written with plan names ("Order ID", the ids, a group); each language's
naming module turns them into its own arguments. Runs return, per setup, what the
constructor and then each call did: destination calls, reported violations, raised
violations and other errors.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.typescript import support
from trackplan.targets.python import naming as py_naming
from trackplan.targets.typescript import naming as ts_naming

NAN = {"$special": "NaN"}
INF = {"$special": "Infinity"}
ANON = "$anonymous"
USER = "$user"
AMOUNT = "$amount"
GROUP = "$group:"

_PY_METHODS = {
    "identify": "identify",
    "set_user_properties": "setUserProperties",
    "set_group": "setGroup",
    "log_event": "logEvent",
    "log_page": "logPage",
    "revenue": "revenue",
    "unidentify": "unidentify",
}


@dataclass(frozen=True)
class Call:
    event: str
    args: dict[str, Any]  # plan names, and the ANON / USER / AMOUNT / GROUP keys


@dataclass
class Setup:
    name: str
    options: dict[str, Any]  # env, strict, noop
    destinations: dict[str, str | None]  # name -> None | "throw" | "reject" | "slow"
    calls: list[Call] = field(default_factory=list)
    system: Any = None
    has_system: bool = True


def ts_args(call: Call, *, client: bool, identify: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in call.args.items():
        if key == ANON:
            if not client:
                out[ts_naming.ANONYMOUS_ID] = value
        elif key == USER:
            if not client or identify:
                out[ts_naming.USER_ID] = value
        elif key == AMOUNT:
            out[ts_naming.AMOUNT] = value
        elif key.startswith(GROUP):
            out[ts_naming.group_argument(key.removeprefix(GROUP))] = value
        else:
            out[ts_naming.argument_name(key)] = value
    return out


def py_args(call: Call) -> dict[str, Any]:
    # Python's Identify methods take both ids as required keywords: a missing id is None
    out: dict[str, Any] = {py_naming.ANONYMOUS_ID: None, py_naming.USER_ID: None}
    for key, value in call.args.items():
        if key == ANON:
            out[py_naming.ANONYMOUS_ID] = _py_value(value)
        elif key == USER:
            out[py_naming.USER_ID] = _py_value(value)
        elif key == AMOUNT:
            out[py_naming.AMOUNT] = _py_value(value)
        elif key.startswith(GROUP):
            out[py_naming.group_argument(key.removeprefix(GROUP))] = _py_value(value)
        else:
            out[py_naming.argument_name(key)] = _py_value(value)
    return out


def _py_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "$special" in value:
            return {"NaN": math.nan, "Infinity": math.inf}[value["$special"]]
        return {k: _py_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_py_value(v) for v in value]
    return value


# -- TypeScript ---------------------------------------------------------------------


def compile_js(directory: Path, files: list[Path]) -> None:
    """Compile generated modules to ES modules next to them (`x.ts` -> `x.js`)."""
    result = support.tsc(directory, files, noEmit=False, outDir=str(directory / "js"))
    assert result.returncode == 0, result.stdout
    (directory / "js" / "package.json").write_text(
        '{"type": "module"}', encoding="utf-8"
    )


def run_ts(
    module: Path, setups: list[Setup], events: dict[str, bool], *, server: bool
) -> list[dict[str, Any]]:
    """Run `setups` against a compiled module; events maps name -> has identify."""
    scenario = {
        "server": server,
        "setups": [
            {
                "name": s.name,
                "options": s.options,
                "destinations": s.destinations,
                **({"system": s.system} if s.has_system else {}),
                "calls": [
                    {
                        "method": ts_naming.method_name(c.event),
                        "args": ts_args(c, client=not server, identify=events[c.event]),
                    }
                    for c in s.calls
                ],
            }
            for s in setups
        ],
    }
    path = module.with_suffix(f".{'server' if server else 'client'}.scenario.json")
    path.write_text(json.dumps(scenario), encoding="utf-8")
    result = subprocess.run(
        ["node", str(support.HERE / "driver.mjs"), str(module), str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    runs: list[dict[str, Any]] = json.loads(result.stdout)
    return runs


# -- Python -------------------------------------------------------------------------


def load_python(path: Path) -> Any:
    name = f"_tp_ts_parity_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class _Recorder:
    def __init__(self, name: str, fail: str | None, state: dict[str, Any]) -> None:
        self.name = name
        self.fail = fail
        self.state = state

    def make(self, env: str) -> None:
        self.state["current"]["calls"].append([self.name, "make", [env]])

    def _record(self, method: str, args: list[Any], uid: Any, aid: Any) -> None:
        entry = [self.name, _PY_METHODS[method], _as_json(args), uid, aid]
        if args and isinstance(args[-1], dict):
            args[-1]["Mutated"] = True
        self.state["current"]["calls"].append(entry)
        if self.fail is not None:
            raise RuntimeError(f"{self.name} is down")

    def log_event(
        self, name: str, props: Any, *, user_id: Any, anonymous_id: Any
    ) -> None:
        self._record("log_event", [name, props], user_id, anonymous_id)

    def identify(self, *, user_id: Any, anonymous_id: Any) -> None:
        self._record("identify", [user_id], user_id, anonymous_id)

    def set_user_properties(
        self, props: Any, *, user_id: Any, anonymous_id: Any
    ) -> None:
        self._record("set_user_properties", [props], user_id, anonymous_id)

    def set_group(
        self, kind: str, gid: str, *, user_id: Any, anonymous_id: Any
    ) -> None:
        self._record("set_group", [kind, gid], user_id, anonymous_id)

    def log_page(
        self, name: str, props: Any, *, user_id: Any, anonymous_id: Any
    ) -> None:
        self._record("log_page", [name, props], user_id, anonymous_id)

    def revenue(
        self, amount: Any, props: Any, *, user_id: Any, anonymous_id: Any
    ) -> None:
        self._record("revenue", [amount, props], user_id, anonymous_id)

    def unidentify(self, *, user_id: Any, anonymous_id: Any) -> None:
        self._record("unidentify", [], user_id, anonymous_id)


def _as_json(data: Any) -> Any:
    """`data` as JSON.stringify leaves it: non-finite numbers become null."""
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, (list, tuple)):
        return [_as_json(d) for d in data]
    if isinstance(data, dict):
        return {k: _as_json(v) for k, v in data.items()}
    return data


def _record() -> dict[str, Any]:
    return {"calls": [], "violations": [], "raised": None, "error": None}


def _caught(module: Any, rec: dict[str, Any], exc: Exception) -> None:
    if isinstance(exc, module.TrackingPlanViolation):
        rec["raised"] = [[v.event, v.path, v.kind, v.expected] for v in exc.violations]
    else:
        rec["error"] = repr(exc)


def run_python(module: Any, setups: list[Setup]) -> list[dict[str, Any]]:
    out = []
    for setup in setups:
        state: dict[str, Any] = {"current": _record()}
        destinations = {
            name: _Recorder(name, fail, state)
            for name, fail in setup.destinations.items()
        }
        options = {**setup.options}
        # a keyword Python requires; None stands for the missing TypeScript option
        options["system_properties"] = (
            _py_value(setup.system) if setup.has_system else None
        )

        def report(v: Any, state: dict[str, Any] = state) -> None:
            state["current"]["violations"].append([v.event, v.path, v.kind, v.expected])

        result: dict[str, Any] = {
            "name": setup.name,
            "construct": state["current"],
            "calls": [],
        }
        try:
            tracker = module.Tracker(
                destinations=destinations, on_violation=report, **options
            )
        except Exception as exc:  # noqa: BLE001
            _caught(module, state["current"], exc)
            tracker = None
        if tracker is not None:
            for call in setup.calls:
                state["current"] = _record()
                result["calls"].append(state["current"])
                try:
                    getattr(tracker, py_naming.method_name(call.event))(**py_args(call))
                except Exception as exc:  # noqa: BLE001
                    _caught(module, state["current"], exc)
        out.append(result)
    return out


# -- comparing ----------------------------------------------------------------------


def ts_path(path: str, groups: tuple[str, ...]) -> str:
    """A Python violation path as the TypeScript output words it."""
    names = {
        py_naming.ANONYMOUS_ID: ts_naming.ANONYMOUS_ID,
        py_naming.USER_ID: ts_naming.USER_ID,
        "anonymous_id_ or user_id_": "anonymousId_ or userId_",
    }
    names.update(
        {py_naming.group_argument(g): ts_naming.group_argument(g) for g in groups}
    )
    if path in names:
        return names[path]
    if path == "system_properties" or path.startswith("system_properties."):
        return ts_naming.SYSTEM_PROPERTIES + path.removeprefix("system_properties")
    return path


def normalise_python(
    runs: list[dict[str, Any]], groups: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Python runs with violation paths in TypeScript's words and errors as a flag."""

    def fix(rec: dict[str, Any]) -> dict[str, Any]:
        def vs(items: list[list[str]]) -> list[list[str]]:
            return [[e, ts_path(p, groups), k, x] for e, p, k, x in items]

        return {
            "calls": rec["calls"],
            "violations": vs(rec["violations"]),
            "raised": None if rec["raised"] is None else vs(rec["raised"]),
            "error": rec["error"] is not None,
        }

    return [
        {
            "name": r["name"],
            "construct": fix(r["construct"]),
            "calls": [fix(c) for c in r["calls"]],
        }
        for r in runs
    ]


def normalise_ts(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def fix(rec: dict[str, Any]) -> dict[str, Any]:
        return {**rec, "error": rec["error"] is not None}

    return [
        {
            "name": r["name"],
            "construct": fix(r["construct"]),
            "calls": [fix(c) for c in r["calls"]],
        }
        for r in runs
    ]


def without_ids(rec: dict[str, Any]) -> dict[str, Any]:
    """A record as a client would make it: destination calls carry no ids."""
    calls = [c[:3] if c[1] != "make" else c for c in rec["calls"]]
    return {**rec, "calls": calls}
