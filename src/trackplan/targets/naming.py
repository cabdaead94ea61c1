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
