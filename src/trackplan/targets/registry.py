"""The targets trackplan generates, one line each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trackplan import ir
from trackplan.targets import python, typescript
from trackplan.targets.naming import NameRules


@dataclass(frozen=True)
class Target:
    language: str
    platform: str
    extension: str
    names: NameRules
    render: Callable[[ir.Source], str]


ALL: tuple[Target, ...] = (
    Target("python", "server", ".py", python.NAMES, python.render),
    Target("typescript", "client", ".ts", typescript.NAMES, typescript.render),
    Target("typescript", "server", ".ts", typescript.NAMES, typescript.render),
)


def find(language: str, platform: str) -> Target | None:
    """The target for a source, or None when trackplan does not generate it."""
    for target in ALL:
        if target.language == language and target.platform == platform:
            return target
    return None
