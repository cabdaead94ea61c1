"""The resolved plan, one `Source` per generated file: frozen and target-neutral.

Renderers read these values and never change them. Everything a renderer needs is here:
which events a source sends, each event's parameters with their types and constraints,
its actions in call order and its identity rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Union

Literal_ = Union[str, int, float, bool]


@dataclass(frozen=True)
class StringType:
    enum: tuple[str, ...] | None = None
    regex: str | None = None
    origin: tuple[str, ...] = ()  # the plan names this type comes from, for type names


@dataclass(frozen=True)
class IntType:
    enum: tuple[int, ...] | None = None
    min: int | float | None = None
    max: int | float | None = None
    origin: tuple[str, ...] = ()


@dataclass(frozen=True)
class FloatType:
    enum: tuple[float, ...] | None = None
    min: int | float | None = None
    max: int | float | None = None
    origin: tuple[str, ...] = ()


@dataclass(frozen=True)
class BoolType:
    enum: tuple[bool, ...] | None = None
    origin: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnyType:
    origin: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListType:
    items: Type
    origin: tuple[str, ...] = ()


@dataclass(frozen=True)
class Field:
    """A sub-property of an object, keyed by its wire name."""

    name: str
    type: Type
    required: bool
    description: str | None = None


@dataclass(frozen=True)
class ObjectType:
    """An object with the listed fields and no others, or, when `fields` is None (the
    plan gives no `properties`), a free-form one: any string keys, any values."""

    fields: tuple[Field, ...] | None
    origin: tuple[str, ...] = ()


Type = Union[StringType, IntType, FloatType, BoolType, AnyType, ListType, ObjectType]


def walk(t: Type) -> Iterator[Type]:
    """`t` and every type inside it, inner types first."""
    if isinstance(t, ListType):
        yield from walk(t.items)
    elif isinstance(t, ObjectType):
        for f in t.fields or ():
            yield from walk(f.type)
    yield t


@dataclass(frozen=True)
class Property:
    """An event parameter: a wire name, a type and whether it must be given."""

    name: str
    type: Type
    required: bool
    description: str | None = None


@dataclass(frozen=True)
class Pinned:
    """A constant sent with every call of an event, never a parameter."""

    name: str
    value: object


class Identity(str, Enum):
    """Which identity parameters an event method takes (CONTRACT 5.3, 5.4)."""

    CLIENT = "client"  # no ids: the client SDK keeps identity
    CLIENT_IDENTIFY = "client_identify"  # required user id
    SERVER = "server"  # anonymous id and/or user id, at least one
    SERVER_IDENTIFY = "server_identify"  # both ids, required
    SERVER_LEGACY = "server_legacy"  # required user id only


# Actions in the order destinations receive them for one event.
ACTION_ORDER = (
    "identify",
    "update_user_properties",
    "update_groups",
    "log_event",
    "log_page",
    "log_revenue",
    "unidentify",
)


@dataclass(frozen=True)
class Event:
    name: str
    description: str | None
    actions: tuple[str, ...]  # in ACTION_ORDER
    properties: tuple[Property, ...]
    pinned: tuple[Pinned, ...]
    user_properties: tuple[Property, ...]
    groups: tuple[str, ...]
    page_name: str | None
    identity: Identity

    def has(self, action: str) -> bool:
        return action in self.actions

    @property
    def sends_properties(self) -> bool:
        """Whether an action of the event sends its properties (log_event, page, revenue)."""
        return any(a in self.actions for a in ("log_event", "log_page", "log_revenue"))


@dataclass(frozen=True)
class Destination:
    name: str
    kind: str
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Source:
    """Everything one generated file is made from."""

    name: str
    platform: str  # server | client
    language: str  # python | typescript
    output: str  # path relative to the plan file, with forward slashes
    workspace: str
    plan_path: str  # the plan's file name, without its directory, for the header
    legacy_identity: bool
    destinations: tuple[Destination, ...]
    system_properties: tuple[Property, ...]
    events: tuple[Event, ...]
