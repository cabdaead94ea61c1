"""Resolve a checked plan into one frozen `ir.Source` per source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from trackplan import ir
from trackplan.check import Catalogue, plain
from trackplan.plan.document import EventDoc, PlanDoc, SourceDoc

LEGACY_BEFORE = dt.date(2023, 7, 1)
DEVICE_ID_FEATURE = "ServerTrackingWithDeviceId"


def legacy_identity(doc: PlanDoc, force_features: Iterable[str] = ()) -> bool:
    """Whether servers get the legacy user-id-only API (CONTRACT 5.4)."""
    features = {name for name, _ in doc.features} | set(force_features)
    if DEVICE_ID_FEATURE in features:
        return False
    return doc.created is not None and doc.created < LEGACY_BEFORE


def resolve(
    doc: PlanDoc, catalogue: Catalogue, force_features: Iterable[str] = ()
) -> tuple[ir.Source, ...]:
    """The IR of every source, in plan order. The plan must have passed `check`."""
    legacy = legacy_identity(doc, force_features)
    return tuple(_source(doc, catalogue, src, legacy) for src in doc.sources)


def _source(
    doc: PlanDoc, catalogue: Catalogue, src: SourceDoc, legacy: bool
) -> ir.Source:
    kinds = {d.name: d for d in doc.destinations}
    destinations = []
    for name, _ in src.destinations:
        dest = kinds[name]
        options: tuple[tuple[str, str], ...] = ()
        if dest.kind == "mixpanel":
            options = (("identity", dest.identity or "simplified"),)
        destinations.append(ir.Destination(name, dest.kind, options))
    events = tuple(
        _event(e, catalogue, src.platform, legacy)
        for e in doc.events
        if e.sources is None or src.name in dict(e.sources)
    )
    return ir.Source(
        name=src.name,
        platform=src.platform,
        language=src.language,
        output=src.output.replace("\\", "/"),
        workspace=doc.workspace_name,
        # the file name alone: the header must not change with the directory generate
        # runs from, or --check would fail on a fresh file
        plan_path=doc.path.replace("\\", "/").rsplit("/", 1)[-1],
        legacy_identity=legacy and src.platform == "server",
        destinations=tuple(destinations),
        system_properties=tuple(catalogue.system_properties),
        events=events,
    )


def _event(
    event: EventDoc, catalogue: Catalogue, platform: str, legacy: bool
) -> ir.Event:
    actions = {a for a, _ in event.actions}
    properties = []
    pinned = []
    for use in event.properties:
        if use.pinned is not None:
            pinned.append(ir.Pinned(use.name, plain(use.pinned)))
            continue
        properties.append(
            ir.Property(
                use.name,
                catalogue.properties[use.name],
                use.required,
                use.description or catalogue.descriptions.get(use.name),
            )
        )
    user_properties = tuple(
        ir.Property(
            use.name,
            catalogue.user_properties[use.name],
            use.required,
            use.description or catalogue.user_descriptions.get(use.name),
        )
        for use in event.user_properties
    )
    if platform == "client":
        identity = (
            ir.Identity.CLIENT_IDENTIFY if "identify" in actions else ir.Identity.CLIENT
        )
    elif legacy:
        identity = ir.Identity.SERVER_LEGACY
    else:
        identity = (
            ir.Identity.SERVER_IDENTIFY if "identify" in actions else ir.Identity.SERVER
        )
    return ir.Event(
        name=event.name,
        description=event.description,
        actions=tuple(a for a in ir.ACTION_ORDER if a in actions),
        properties=tuple(properties),
        pinned=tuple(pinned),
        user_properties=user_properties,
        groups=tuple(g for g, _ in event.groups),
        page_name=(event.page_name or event.name) if "log_page" in actions else None,
        identity=identity,
    )
