"""What every target's naming module provides to the checker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NameRules:
    """A target's identifier rules, so the checker can find collisions before rendering."""

    method: Callable[[str], str]
    argument: Callable[[str], str]
    group: Callable[[str], str]
    type_name: Callable[[tuple[str, ...]], str]
    amount: str


def adjust(identifier: str, reserved: frozenset[str]) -> str:
    """A generated identifier made legal: a leading digit gets a leading `_`, a reserved
    word a trailing `_`."""
    if not identifier:
        return identifier
    if identifier[0].isdigit():
        return "_" + identifier
    if identifier in reserved:
        return identifier + "_"
    return identifier


_SCOPE_PREFIX = {"property": "", "user": "User", "system": "System"}


def origin_parts(origin: tuple[str, ...]) -> tuple[str, ...]:
    """The parts of the type name declared for an enum or object, from where the plan
    defines it: ('user', 'Plan') -> ('User', 'Plan')."""
    scope, *names = origin
    return (_SCOPE_PREFIX.get(scope, ""), *names)
