"""The plan as written: every value keeps the span it came from.

This is the shape of `trackplan.yaml` after strict decoding, before any cross-reference
is checked. Later stages read it and never change it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from trackplan.diagnostics import Span
from trackplan.plan.yamltree import YNode, YScalar

PROPERTY_TYPES = ("string", "int", "float", "bool", "object", "list", "any")
ACTIONS = (
    "log_event",
    "identify",
    "unidentify",
    "update_user_properties",
    "log_page",
    "log_revenue",
    "update_groups",
)
DESTINATION_KINDS = (
    "segment",
    "rudderstack",
    "mixpanel",
    "amplitude",
    "posthog",
    "custom",
)
MIXPANEL_IDENTITIES = ("simplified", "legacy_alias")
PLATFORMS = ("server", "client")
LANGUAGES = ("python", "typescript")
FEATURES = ("ServerTrackingWithDeviceId",)


@dataclass(frozen=True)
class PropertyDoc:
    """A property definition: a type and its constraints."""

    span: Span
    type: str | None
    type_span: Span
    description: str | None = None
    enum: tuple[YScalar, ...] | None = None
    enum_span: Span | None = None
    min: YScalar | None = None
    max: YScalar | None = None
    regex: YScalar | None = None
    items: PropertyDoc | None = None
    # None when `properties` is not written (a free-form object); () when it is `{}`
    properties: tuple[NamedProperty, ...] | None = None
    required: bool = False  # sub-properties of an object and system properties only


@dataclass(frozen=True)
class NamedProperty:
    name: str
    span: Span
    definition: PropertyDoc


@dataclass(frozen=True)
class PropertyUse:
    """An event's use of a catalogue property: required, optional or pinned."""

    name: str
    span: Span
    required: bool
    pinned: YNode | None = None
    description: str | None = None


@dataclass(frozen=True)
class EventDoc:
    name: str
    span: Span
    description: str | None
    actions: tuple[tuple[str, Span], ...]
    actions_span: Span
    sources: tuple[tuple[str, Span], ...] | None
    properties: tuple[PropertyUse, ...]
    user_properties: tuple[PropertyUse, ...]
    groups: tuple[tuple[str, Span], ...]
    page_name: str | None = None


@dataclass(frozen=True)
class DestinationDoc:
    name: str
    span: Span
    kind: str
    kind_span: Span
    identity: str | None = None
    identity_span: Span | None = None
    description: str | None = None


@dataclass(frozen=True)
class SourceDoc:
    name: str
    span: Span
    platform: str
    platform_span: Span
    language: str
    language_span: Span
    output: str
    output_span: Span
    destinations: tuple[tuple[str, Span], ...]
    description: str | None = None


@dataclass(frozen=True)
class GroupDoc:
    name: str
    span: Span
    description: str | None = None


@dataclass(frozen=True)
class PlanDoc:
    path: str
    workspace_name: str
    created: dt.date | None
    features: tuple[tuple[str, Span], ...]
    destinations: tuple[DestinationDoc, ...]
    sources: tuple[SourceDoc, ...]
    properties: tuple[NamedProperty, ...]
    user_properties: tuple[NamedProperty, ...]
    system_properties: tuple[NamedProperty, ...]
    groups: tuple[GroupDoc, ...]
    events: tuple[EventDoc, ...]
    spans: dict[str, Span] = field(default_factory=dict, compare=False)
