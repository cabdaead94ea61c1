"""Compare two property types, and two lists of properties, rule by rule.

A constraint that narrows what a caller may pass breaks code (a call that validated
before may now fail); one that widens what consumers may receive breaks data. The rules
are listed one by one in docs/diff.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Sequence

from trackplan import ir
from trackplan.diff.model import Change

Prop = ir.Property | ir.Field

# The identifiers a plan name gives in generated code (in every target of a source); two
# names with equal identifiers are the same method or argument to a caller.
Identifiers = Callable[[Prop], Hashable]


def show(value: object) -> str:
    """A plan value as JSON text: strings quoted, the rest as written."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def type_name(t: ir.Type) -> str:
    return {
        ir.StringType: "string",
        ir.IntType: "int",
        ir.FloatType: "float",
        ir.BoolType: "bool",
        ir.AnyType: "any",
        ir.ListType: "list",
        ir.ObjectType: "object",
    }[type(t)]


def compare_type(old: ir.Type, new: ir.Type, subject: str) -> list[Change]:
    """Every difference between two types of one property."""
    before, after = type_name(old), type_name(new)
    if before != after:
        changes = [_retyped(before, after, subject)]
        if {before, after} == {"int", "float"}:
            changes += _constraints(old, new, subject)
        return changes
    changes = _constraints(old, new, subject)
    if isinstance(old, ir.ListType) and isinstance(new, ir.ListType):
        changes += compare_type(old.items, new.items, f"{subject} items")
    if isinstance(old, ir.ObjectType) and isinstance(new, ir.ObjectType):
        changes += _compare_objects(old, new, subject)
    return changes


def _compare_objects(
    old: ir.ObjectType, new: ir.ObjectType, subject: str
) -> list[Change]:
    """Fields against fields; a free-form object (no `properties`) takes any keys."""
    if old.fields is not None and new.fields is not None:
        return compare_properties(old.fields, new.fields, subject, "field")
    if old.fields is not None:
        # Every object a caller passed is still accepted; consumers may see any key.
        detail = "fields -> free-form"
        return [Change("object-opened", subject, detail, code=False, data=True)]
    if new.fields is not None:
        # Callers may pass keys that are now refused; consumers see a subset.
        detail = "free-form -> fields"
        return [Change("object-closed", subject, detail, code=True, data=False)]
    return []


def _retyped(before: str, after: str, subject: str) -> Change:
    detail = f"type {before} -> {after}"
    if (before, after) == ("int", "float"):
        # Every int a caller passes is still a valid float; consumers now see fractions.
        return Change("type-widened", subject, detail, code=False, data=True)
    if after == "any":
        return Change("type-widened", subject, detail, code=False, data=True)
    if before == "any" or (before, after) == ("float", "int"):
        # Consumers see a subset of what they saw; callers may pass what is now refused.
        return Change("type-narrowed", subject, detail, code=True, data=False)
    return Change("type-changed", subject, detail, code=True, data=True)


def _constraints(old: ir.Type, new: ir.Type, subject: str) -> list[Change]:
    changes: list[Change] = []
    old_enum = getattr(old, "enum", None)
    new_enum = getattr(new, "enum", None)
    if old_enum is None and new_enum is not None:
        detail = "enum added: " + ", ".join(show(v) for v in new_enum)
        changes.append(Change("enum-added", subject, detail, code=True, data=False))
    elif old_enum is not None and new_enum is None:
        changes.append(
            Change("enum-removed", subject, "enum removed", code=False, data=True)
        )
    elif old_enum is not None and new_enum is not None:
        removed = [v for v in old_enum if v not in new_enum]
        added = [v for v in new_enum if v not in old_enum]
        if removed:
            detail = "enum values removed: " + ", ".join(show(v) for v in removed)
            changes.append(
                Change("enum-values-removed", subject, detail, code=True, data=False)
            )
        if added:
            detail = "enum values added: " + ", ".join(show(v) for v in added)
            changes.append(
                Change("enum-values-added", subject, detail, code=False, data=True)
            )
    changes += _bound(
        "min", getattr(old, "min", None), getattr(new, "min", None), subject
    )
    changes += _bound(
        "max", getattr(old, "max", None), getattr(new, "max", None), subject
    )
    changes += _regex(getattr(old, "regex", None), getattr(new, "regex", None), subject)
    return changes


def _bound(
    which: str, old: float | None, new: float | None, subject: str
) -> list[Change]:
    if old == new:
        return []
    detail = f"{which} {_opt(old)} -> {_opt(new)}"
    if old is None:
        narrower = True
    elif new is None:
        narrower = False
    else:
        narrower = new > old if which == "min" else new < old
    if narrower:
        return [Change(f"{which}-narrowed", subject, detail, code=True, data=False)]
    return [Change(f"{which}-widened", subject, detail, code=False, data=True)]


def _regex(old: str | None, new: str | None, subject: str) -> list[Change]:
    if old == new:
        return []
    detail = f"regex {_opt(old)} -> {_opt(new)}"
    if old is None:
        return [Change("regex-added", subject, detail, code=True, data=False)]
    if new is None:
        return [Change("regex-removed", subject, detail, code=False, data=True)]
    # Whether one regular language contains another is not decided here: both may break.
    return [Change("regex-changed", subject, detail, code=True, data=True)]


def _opt(value: object) -> str:
    return "none" if value is None else show(value)


def pair_renames(
    old: Iterable[str], new: Iterable[str], identifiers: Callable[[str], Hashable]
) -> dict[str, str]:
    """Names only in `old` paired with names only in `new` that give the same
    identifiers: renamed on the wire, the same in the generated code. Old name -> new."""
    old, new = list(old), list(new)
    gone = [n for n in old if n not in new]
    came = [n for n in new if n not in old]
    pairs: dict[str, str] = {}
    for name in gone:
        key = identifiers(name)
        match = next((n for n in came if identifiers(n) == key), None)
        if match is not None:
            pairs[name] = match
            came.remove(match)
    return pairs


def renamed(kind: str, subject: str, old: str, new: str) -> Change:
    """Consumers see another name; callers of the generated code see no change."""
    detail = (
        f"renamed on the wire: {show(old)} -> {show(new)}; "
        "the generated API is unchanged"
    )
    return Change(kind, subject, detail, code=False, data=True)


def compare_properties(
    old: Sequence[Prop],
    new: Sequence[Prop],
    owner: str,
    noun: str,
    identifiers: Identifiers | None = None,
) -> list[Change]:
    """Added, removed and changed properties (or object fields) of one owner.

    With `identifiers` (for properties that are arguments of a generated method, not
    for object fields or system properties, whose wire names are the keys callers
    write), a property removed and one added that give the same identifiers are one
    property renamed.
    """
    changes: list[Change] = []
    before = {p.name: p for p in old}
    after = {p.name: p for p in new}
    label = noun.replace("-", " ")
    renames: dict[str, str] = {}
    if identifiers is not None:
        ids = identifiers
        renames = pair_renames(
            before, after, lambda n: ids(before[n] if n in before else after[n])
        )
    for name, prop in before.items():
        subject = f"{owner} {label} {show(name)}"
        if name in renames:
            other = after[renames[name]]
            changes.append(renamed(f"{noun}-renamed", subject, name, other.name))
            changes += compare_property(prop, other, subject)
            continue
        if name not in after:
            # A caller passing it is refused; consumers stop receiving it.
            changes.append(
                Change(f"{noun}-removed", subject, "removed", code=True, data=True)
            )
            continue
        changes += compare_property(prop, after[name], subject)
    for name, prop in after.items():
        if name in before or name in renames.values():
            continue
        subject = f"{owner} {label} {show(name)}"
        if prop.required:
            detail = f"added, required, {type_name(prop.type)}"
            changes.append(
                Change(f"{noun}-added", subject, detail, code=True, data=False)
            )
        else:
            detail = f"added, optional, {type_name(prop.type)}"
            changes.append(
                Change(f"{noun}-added", subject, detail, code=False, data=False)
            )
    return changes


def compare_property(old: Prop, new: Prop, subject: str) -> list[Change]:
    """Required-ness, type and description of one property that is in both plans."""
    changes: list[Change] = []
    if old.required and not new.required:
        changes.append(
            Change(
                "made-optional", subject, "required -> optional", code=False, data=True
            )
        )
    elif new.required and not old.required:
        changes.append(
            Change(
                "made-required", subject, "optional -> required", code=True, data=False
            )
        )
    changes += compare_type(old.type, new.type, subject)
    if old.description != new.description:
        changes.append(
            Change(
                "description-changed",
                subject,
                "description changed",
                code=False,
                data=False,
            )
        )
    return changes
