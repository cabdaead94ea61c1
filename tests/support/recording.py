"""A destination that records every protocol call, and a loader for golden modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.support import cases


class Recorder:
    """Implements the whole destination protocol; appends each call to a shared log."""

    def __init__(
        self, name: str, log: list[tuple[Any, ...]], *, fail: bool = False
    ) -> None:
        self.name = name
        self.log = log
        self.fail = fail

    def _record(self, *call: Any) -> None:
        self.log.append((self.name, *call))
        if self.fail:
            raise RuntimeError(f"{self.name} is down")

    def make(self, env: str) -> None:
        self.log.append((self.name, "make", env))

    def log_event(
        self,
        event_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        self._record("log_event", event_name, event_properties, user_id, anonymous_id)

    def identify(self, *, user_id: str, anonymous_id: str | None) -> None:
        self._record("identify", user_id, anonymous_id)

    def set_user_properties(
        self,
        user_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        self._record("set_user_properties", user_properties, user_id, anonymous_id)

    def set_group(
        self,
        group_type: str,
        group_id: str,
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        self._record("set_group", group_type, group_id, user_id, anonymous_id)

    def log_page(
        self,
        page_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        self._record("log_page", page_name, event_properties, user_id, anonymous_id)

    def revenue(
        self,
        amount: float,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        self._record("revenue", amount, event_properties, user_id, anonymous_id)

    def unidentify(self, *, user_id: str | None, anonymous_id: str | None) -> None:
        self._record("unidentify", user_id, anonymous_id)


def load_golden(case: str) -> ModuleType:
    """Import the golden Python module of a test case under a unique name."""
    (path,) = (cases.CASES / case / "expected").glob("*.py")
    return load_module(path, f"golden_{case}")


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
