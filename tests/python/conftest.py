from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from tests.support.recording import Recorder, load_golden


@pytest.fixture(scope="session")
def actions() -> ModuleType:
    return load_golden("actions")


@pytest.fixture(scope="session")
def types_() -> ModuleType:
    return load_golden("types")


@pytest.fixture
def log() -> list[tuple[Any, ...]]:
    return []


def make(
    module: ModuleType,
    log: list[tuple[Any, ...]],
    names: tuple[str, ...] = (),
    **options: Any,
) -> Any:
    """A Tracker of `module` whose destinations all record into `log`."""
    names = names or tuple(name for name, _, _ in module._TP_DESTINATIONS)
    destinations = {name: Recorder(name, log) for name in names}
    tracker = module.Tracker(destinations=destinations, **options)
    log.clear()  # drop the make() calls
    return tracker
