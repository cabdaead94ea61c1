"""Compare two resolved plans, source by source, event by event.

Each source's IR is compared with its namesake; a change found the same way in several
sources is reported once, naming them all. Plan-level facts that reach no generated
code (an unused catalogue property, the workspace name) are reported as safe.
"""

from __future__ import annotations

from collections.abc import Hashable

from trackplan import ir, pipeline
from trackplan.diff.model import Change, Report
from trackplan.diff.types import (
    Identifiers,
    Prop,
    compare_properties,
    compare_property,
    pair_renames,
    renamed,
    show,
)
from trackplan.plan.document import PlanDoc
from trackplan.targets import registry
from trackplan.targets.naming import NameRules

Id = ir.Identity

# (old, new) identity -> (breaks code, breaks data). A pair not listed breaks neither.
IDENTITY_RULES: dict[tuple[ir.Identity, ir.Identity], tuple[bool, bool]] = {
    (Id.CLIENT, Id.CLIENT_IDENTIFY): (True, False),  # userId_ becomes required
    (Id.CLIENT_IDENTIFY, Id.CLIENT): (True, False),  # userId_ is no longer accepted
    (Id.SERVER, Id.SERVER_IDENTIFY): (True, False),  # both ids become required
    (Id.SERVER_IDENTIFY, Id.SERVER): (False, False),  # both ids still accepted
    (Id.SERVER_LEGACY, Id.SERVER): (
        False,
        True,
    ),  # events may carry only an anonymous id
    (Id.SERVER_LEGACY, Id.SERVER_IDENTIFY): (
        True,
        False,
    ),  # anonymous_id_ becomes required
    (Id.SERVER, Id.SERVER_LEGACY): (True, True),  # anonymous_id_ is no longer accepted
    (Id.SERVER_IDENTIFY, Id.SERVER_LEGACY): (True, False),
}

# Actions whose presence adds or removes a parameter of the event method.
PARAMETER_ACTIONS = {"log_revenue": "amount"}


def compare(
    old: pipeline.Loaded, new: pipeline.Loaded, old_name: str, new_name: str
) -> Report:
    """Every change from `old` to `new`; both plans must have loaded without errors."""
    assert old.doc is not None
    assert new.doc is not None
    changes = _plan(old.doc, new.doc)
    old_sources = {s.name: s for s in pipeline.sources(old)}
    new_sources = {s.name: s for s in pipeline.sources(new)}
    for name, src in old_sources.items():
        subject = f"source {show(name)}"
        if name not in new_sources:
            changes.append(
                Change("source-removed", subject, "removed", True, True, (name,))
            )
            continue
        changes += [c.within(name) for c in _source(src, new_sources[name])]
    for name, src in new_sources.items():
        if name not in old_sources:
            detail = (
                f"added ({src.language} {src.platform}, {len(src.events)} event(s))"
            )
            changes.append(
                Change(
                    "source-added",
                    f"source {show(name)}",
                    detail,
                    False,
                    False,
                    (name,),
                )
            )
    return Report(old_name, new_name, _merge(changes))


def _merge(changes: list[Change]) -> tuple[Change, ...]:
    """One entry per change, with the sources it was found in, in first-seen order."""
    merged: dict[tuple[str, str, str, bool, bool], list[str]] = {}
    for c in changes:
        seen = merged.setdefault((c.kind, c.subject, c.detail, c.code, c.data), [])
        seen += [s for s in c.sources if s not in seen]
    return tuple(
        Change(kind, subject, detail, code, data, tuple(sources))
        for (kind, subject, detail, code, data), sources in merged.items()
    )


# -- plan level -----------------------------------------------------------------------


def _plan(old: PlanDoc, new: PlanDoc) -> list[Change]:
    changes: list[Change] = []
    if old.workspace_name != new.workspace_name:
        detail = f"{show(old.workspace_name)} -> {show(new.workspace_name)}"
        changes.append(
            Change("workspace-renamed", "workspace name", detail, False, False)
        )
    if old.created != new.created:
        detail = f"{_date(old.created)} -> {_date(new.created)}"
        changes.append(
            Change(
                "workspace-created-changed", "workspace created", detail, False, False
            )
        )
    old_features = {n for n, _ in old.features}
    new_features = {n for n, _ in new.features}
    for flag in sorted(new_features - old_features):
        changes.append(
            Change("feature-added", f"feature {show(flag)}", "added", False, False)
        )
    for flag in sorted(old_features - new_features):
        changes.append(
            Change("feature-removed", f"feature {show(flag)}", "removed", False, False)
        )
    changes += _defined(
        "destination",
        [d.name for d in old.destinations],
        [d.name for d in new.destinations],
    )
    changes += _defined(
        "catalogue-property",
        [p.name for p in old.properties],
        [p.name for p in new.properties],
    )
    changes += _defined(
        "user-property",
        [p.name for p in old.user_properties],
        [p.name for p in new.user_properties],
    )
    return changes


def _defined(noun: str, old: list[str], new: list[str]) -> list[Change]:
    """Definitions added to or removed from the plan; their uses are compared apart."""
    label = noun.replace("-", " ")
    changes = [
        Change(f"{noun}-defined", f"{label} {show(n)}", "defined", False, False)
        for n in new
        if n not in old
    ]
    changes += [
        Change(
            f"{noun}-undefined", f"{label} {show(n)}", "no longer defined", False, False
        )
        for n in old
        if n not in new
    ]
    return changes


def _date(value: object) -> str:
    return "none" if value is None else str(value)


# -- source level ---------------------------------------------------------------------


class _Names:
    """The identifiers plan names give in the generated code of one source, by the
    naming rules of its target, old and new: names whose identifiers are equal under
    every rule are the same method or argument to a caller."""

    def __init__(self, old: ir.Source, new: ir.Source) -> None:
        found = (registry.find(s.language, s.platform) for s in (old, new))
        self.rules: tuple[NameRules, ...] = tuple(t.names for t in found if t)

    def event(self, name: str) -> Hashable:
        return tuple(r.method(name) for r in self.rules)

    def argument(self, prop: Prop) -> Hashable:
        # The argument, and the type declared for an enum or object (from its origin).
        return tuple(
            (r.argument(prop.name), r.type_name(prop.type.origin)) for r in self.rules
        )

    def arguments(self) -> Identifiers | None:
        """None without a target's rules: then nothing is known to stay the same."""
        return self.argument if self.rules else None


def _source(old: ir.Source, new: ir.Source) -> list[Change]:
    subject = f"source {show(old.name)}"
    changes: list[Change] = []
    names = _Names(old, new)
    for attr in ("platform", "language"):
        before, after = getattr(old, attr), getattr(new, attr)
        if before != after:
            changes.append(
                Change(
                    f"source-{attr}-changed",
                    subject,
                    f"{attr} {before} -> {after}",
                    True,
                    True,
                )
            )
    if old.output != new.output:
        # Every import of the generated module has to follow it.
        changes.append(
            Change(
                "source-output-moved",
                subject,
                f"output {old.output} -> {new.output}",
                True,
                False,
            )
        )
    if old.legacy_identity != new.legacy_identity:
        changes.append(_identity_mode(old, new, subject))
    changes += _destinations(old, new, subject)
    changes += compare_properties(
        old.system_properties, new.system_properties, subject, "system-property"
    )
    old_events = {e.name: e for e in old.events}
    new_events = {e.name: e for e in new.events}
    renames = pair_renames(old_events, new_events, names.event) if names.rules else {}
    for name, event in old_events.items():
        if name in renames:
            # The same method in the generated code; the events arrive under a new name.
            changes.append(
                renamed("event-renamed", f"event {show(name)}", name, renames[name])
            )
        elif name not in new_events:
            changes.append(
                Change("event-removed", f"event {show(name)}", "removed", True, True)
            )
            continue
        same_platform = old.platform == new.platform
        changes += _event(
            event,
            new_events[renames.get(name, name)],
            same_platform,
            old.legacy_identity != new.legacy_identity,
            names.arguments(),
        )
    for name in new_events:
        if name not in old_events and name not in renames.values():
            changes.append(
                Change("event-added", f"event {show(name)}", "added", False, False)
            )
    return changes


def _identity_mode(old: ir.Source, new: ir.Source, subject: str) -> Change:
    mode = {
        True: "legacy (user id only)",
        False: "current (anonymous id and/or user id)",
    }
    detail = f"identity {mode[old.legacy_identity]} -> {mode[new.legacy_identity]}"
    if new.legacy_identity:
        # anonymous_id_ disappears from every server method.
        return Change("identity-mode-changed", subject, detail, True, True)
    # user_id_ stays accepted; events without a user id may now arrive. Events with
    # identify, whose anonymous_id_ becomes required, are reported one by one.
    return Change("identity-mode-changed", subject, detail, False, True)


def _destinations(old: ir.Source, new: ir.Source, subject: str) -> list[Change]:
    changes: list[Change] = []
    before = {d.name: d for d in old.destinations}
    after = {d.name: d for d in new.destinations}
    for name, dest in before.items():
        what = f"{subject} destination {show(name)}"
        if name not in after:
            # The Tracker refuses an unknown destination; the vendor stops receiving.
            changes.append(Change("destination-removed", what, "removed", True, True))
            continue
        other = after[name]
        if dest.kind != other.kind:
            changes.append(
                Change(
                    "destination-kind-changed",
                    what,
                    f"kind {dest.kind} -> {other.kind}",
                    True,
                    True,
                )
            )
        elif dest.options != other.options:
            detail = f"options {_options(dest.options)} -> {_options(other.options)}"
            changes.append(
                Change("destination-options-changed", what, detail, False, True)
            )
    for name, dest in after.items():
        if name not in before:
            # The Tracker requires an object for every destination of its source.
            changes.append(
                Change(
                    "destination-added",
                    f"{subject} destination {show(name)}",
                    f"added ({dest.kind})",
                    True,
                    False,
                )
            )
    return changes


def _options(options: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{k}={v}" for k, v in options) or "none"


# -- event level ----------------------------------------------------------------------


def _event(
    old: ir.Event,
    new: ir.Event,
    same_platform: bool,
    mode_flip: bool,
    identifiers: Identifiers | None,
) -> list[Change]:
    """Every change of one event; an event renamed is compared under its old name."""
    subject = f"event {show(old.name)}"
    changes: list[Change] = []
    if old.description != new.description:
        changes.append(
            Change("description-changed", subject, "description changed", False, False)
        )
    for action in old.actions:
        if action not in new.actions:
            code = action in PARAMETER_ACTIONS  # its parameter is no longer accepted
            changes.append(
                Change(
                    "action-removed", subject, f"action {action} removed", code, True
                )
            )
    for action in new.actions:
        if action not in old.actions:
            code = action in PARAMETER_ACTIONS  # its parameter is required
            changes.append(
                Change("action-added", subject, f"action {action} added", code, True)
            )
    if same_platform and old.identity != new.identity:
        code, data = IDENTITY_RULES.get((old.identity, new.identity), (False, False))
        identify_kept = old.has("identify") == new.has("identify")
        # A flip of the plan's identity mode is reported once per source; only the
        # events it breaks code for are listed one by one.
        if code or not (mode_flip and identify_kept):
            detail = f"identity {old.identity.value} -> {new.identity.value}"
            changes.append(Change("identity-changed", subject, detail, code, data))
    if old.page_name != new.page_name and old.page_name and new.page_name:
        detail = f"page name {show(old.page_name)} -> {show(new.page_name)}"
        changes.append(Change("page-name-changed", subject, detail, False, True))
    changes += _properties(old, new, subject, identifiers)
    changes += compare_properties(
        old.user_properties,
        new.user_properties,
        subject,
        "user-property",
        identifiers,
    )
    for group in old.groups:
        if group not in new.groups:
            changes.append(
                Change(
                    "group-removed",
                    f"{subject} group {show(group)}",
                    "removed",
                    True,
                    True,
                )
            )
    for group in new.groups:
        if group not in old.groups:
            changes.append(
                Change(
                    "group-added",
                    f"{subject} group {show(group)}",
                    "added",
                    True,
                    False,
                )
            )
    return changes


def _properties(
    old: ir.Event, new: ir.Event, subject: str, identifiers: Identifiers | None
) -> list[Change]:
    """Parameters and pinned values; a move between the two is one change."""
    changes: list[Change] = []
    old_params = {p.name: p for p in old.properties}
    new_params = {p.name: p for p in new.properties}
    old_pins = {p.name: p.value for p in old.pinned}
    new_pins = {p.name: p.value for p in new.pinned}
    for name, value in old_pins.items():
        what = f"{subject} property {show(name)}"
        if name in new_pins:
            if new_pins[name] != value:
                detail = f"pinned value {show(value)} -> {show(new_pins[name])}"
                changes.append(
                    Change("pinned-value-changed", what, detail, False, True)
                )
        elif name in new_params:
            param = new_params[name]
            # A required parameter must now be passed; an optional one may be missing.
            kind = "required" if param.required else "optional"
            detail = f"pinned {show(value)} -> {kind} parameter"
            changes.append(
                Change("property-unpinned", what, detail, param.required, True)
            )
        else:
            changes.append(
                Change(
                    "pinned-removed", what, f"pinned {show(value)} removed", False, True
                )
            )
    for name, value in new_pins.items():
        what = f"{subject} property {show(name)}"
        if name in old_params:
            # Callers passing it are refused; consumers still get the key, now constant.
            detail = f"parameter -> pinned {show(value)}"
            changes.append(Change("property-pinned", what, detail, True, False))
        elif name not in old_pins:
            changes.append(
                Change(
                    "pinned-added", what, f"pinned {show(value)} added", False, False
                )
            )
    moved = set(old_pins) | set(new_pins)
    changes += compare_properties(
        [p for p in old.properties if p.name not in moved],
        [p for p in new.properties if p.name not in moved],
        subject,
        "property",
        identifiers,
    )
    return changes


__all__ = ["compare", "compare_property"]
