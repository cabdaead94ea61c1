"""Check a decoded plan: references, constraints, identity rules and generated names.

Every problem goes to the collector; nothing stops at the first. What is well formed is
turned into `ir.Type` values on the way, so resolution never checks anything twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TypeVar, cast

from trackplan import ir, regex, values
from trackplan.diagnostics import Diagnostics, Span, did_you_mean
from trackplan.plan.document import (
    DESTINATION_KINDS,
    FEATURES,
    LANGUAGES,
    MIXPANEL_IDENTITIES,
    PLATFORMS,
    EventDoc,
    NamedProperty,
    PlanDoc,
    PropertyDoc,
)
from trackplan.plan.yamltree import YMap, YNode, YScalar, YSeq, kind_name
from trackplan.targets import registry
from trackplan.targets.naming import NameRules

T = TypeVar("T")


@dataclass
class Catalogue:
    """The plan's property definitions as types, for resolution."""

    properties: dict[str, ir.Type] = field(default_factory=dict)
    descriptions: dict[str, str | None] = field(default_factory=dict)
    user_properties: dict[str, ir.Type] = field(default_factory=dict)
    user_descriptions: dict[str, str | None] = field(default_factory=dict)
    system_properties: list[ir.Property] = field(default_factory=list)
    pinned: dict[tuple[str, str], object] = field(default_factory=dict)


def check(doc: PlanDoc, diags: Diagnostics) -> Catalogue:
    """Check everything that decoding could not, and build the catalogue of types."""
    catalogue = Catalogue()
    _check_features(doc, diags)
    _check_destinations(doc, diags)
    _check_sources(doc, diags)
    for prop in doc.properties:
        t = _type(
            prop.definition, ("property", prop.name), f"property '{prop.name}'", diags
        )
        if t is not None:
            catalogue.properties[prop.name] = t
            catalogue.descriptions[prop.name] = prop.definition.description
    for prop in doc.user_properties:
        where = f"user property '{prop.name}'"
        t = _type(prop.definition, ("user", prop.name), where, diags)
        if t is not None:
            catalogue.user_properties[prop.name] = t
            catalogue.user_descriptions[prop.name] = prop.definition.description
    for prop in doc.system_properties:
        where = f"system property '{prop.name}'"
        t = _type(prop.definition, ("system", prop.name), where, diags)
        if t is not None:
            catalogue.system_properties.append(
                ir.Property(
                    prop.name, t, prop.definition.required, prop.definition.description
                )
            )
    for event in doc.events:
        _check_event(doc, event, catalogue, diags)
    _check_names(doc, diags)
    return catalogue


# -- plan-level -----------------------------------------------------------------------


def _check_features(doc: PlanDoc, diags: Diagnostics) -> None:
    for name, span in doc.features:
        if name not in FEATURES:
            diags.error(
                "TP041",
                f"unknown feature '{name}'",
                span,
                hint=did_you_mean(name, FEATURES)
                or "features are " + ", ".join(FEATURES),
            )


def _check_destinations(doc: PlanDoc, diags: Diagnostics) -> None:
    for dest in doc.destinations:
        if dest.kind and dest.kind not in DESTINATION_KINDS:
            diags.error(
                "TP015",
                f"unknown kind '{dest.kind}' for destination '{dest.name}'",
                dest.kind_span,
                hint=did_you_mean(dest.kind, DESTINATION_KINDS)
                or "kinds are " + ", ".join(DESTINATION_KINDS),
            )
        if dest.identity is not None and dest.identity_span is not None:
            if dest.kind != "mixpanel":
                diags.error(
                    "TP015",
                    f"'identity' applies to mixpanel destinations, not to {dest.kind}",
                    dest.identity_span,
                )
            elif dest.identity not in MIXPANEL_IDENTITIES:
                diags.error(
                    "TP015",
                    f"unknown Mixpanel identity '{dest.identity}'",
                    dest.identity_span,
                    hint=did_you_mean(dest.identity, MIXPANEL_IDENTITIES)
                    or "use simplified or legacy_alias",
                )


def _check_sources(doc: PlanDoc, diags: Diagnostics) -> None:
    destinations = {d.name for d in doc.destinations}
    outputs: dict[str, Span] = {}
    for src in doc.sources:
        where = f"source '{src.name}'"
        if src.platform and src.platform not in PLATFORMS:
            diags.error(
                "TP016",
                f"unknown platform '{src.platform}' for {where}",
                src.platform_span,
                hint=did_you_mean(src.platform, PLATFORMS) or "use server or client",
            )
        if src.language and src.language not in LANGUAGES:
            diags.error(
                "TP016",
                f"unknown language '{src.language}' for {where}",
                src.language_span,
                hint=did_you_mean(src.language, LANGUAGES)
                or "use python or typescript",
            )
        target = registry.find(src.language, src.platform)
        if src.platform in PLATFORMS and src.language in LANGUAGES and target is None:
            diags.error(
                "TP016",
                f"{where}: trackplan does not generate {src.language} for the "
                f"{src.platform} platform",
                src.language_span,
                hint="supported: "
                + ", ".join(f"{t.language} {t.platform}" for t in registry.ALL),
            )
        if src.output:
            _check_output(src.output, src.output_span, target, where, outputs, diags)
        for name, span in src.destinations:
            if name not in destinations:
                diags.error(
                    "TP013",
                    f"{where} sends to undefined destination '{name}'",
                    span,
                    hint=did_you_mean(name, destinations),
                )


def _check_output(
    output: str,
    span: Span,
    target: registry.Target | None,
    where: str,
    outputs: dict[str, Span],
    diags: Diagnostics,
) -> None:
    path = PurePosixPath(output.replace("\\", "/"))
    if path.is_absolute() or (output[1:3] == ":/"):
        diags.error(
            "TP017", f"the output of {where} must be relative to the plan file", span
        )
    if target is not None and path.suffix != target.extension:
        diags.error(
            "TP017",
            f"the output of {where} must end with '{target.extension}'",
            span,
        )
    key = str(path)
    if key in outputs:
        diags.error(
            "TP017",
            f"{where} writes to '{output}', as another source does",
            span,
            related=[outputs[key]],
        )
    outputs[key] = span


# -- types ----------------------------------------------------------------------------


def _type(
    prop: PropertyDoc, origin: tuple[str, ...], where: str, diags: Diagnostics
) -> ir.Type | None:
    """Check one property definition and turn it into a type."""
    if prop.type is None:
        return None
    allowed = _CONSTRAINTS[prop.type]
    for key, node in (
        ("enum", prop.enum_span),
        ("min", prop.min),
        ("max", prop.max),
        ("regex", prop.regex),
    ):
        if node is not None and key not in allowed:
            span = node if isinstance(node, Span) else node.span
            diags.error(
                "TP024", f"'{key}' does not apply to type {prop.type} ({where})", span
            )
    if prop.items is not None and prop.type != "list":
        diags.error(
            "TP024",
            f"'items' applies to lists, not to {prop.type} ({where})",
            prop.span,
        )
    if prop.properties is not None and prop.type != "object":
        diags.error(
            "TP024",
            f"'properties' applies to objects, not to {prop.type} ({where})",
            prop.span,
        )
    if prop.type == "string":
        return ir.StringType(
            _enum(prop, str, "strings", where, diags),
            _regex(prop.regex, where, diags) if "regex" in allowed else None,
            origin,
        )
    if prop.type in ("int", "float"):
        low = _bound(prop.min, prop.type, where, diags)
        high = _bound(prop.max, prop.type, where, diags)
        if low is not None and high is not None and low > high:
            assert prop.min is not None
            diags.error(
                "TP021",
                f"'min' {low} is greater than 'max' {high} ({where})",
                prop.min.span,
            )
        if prop.type == "int":
            return ir.IntType(
                _enum(prop, int, "integers", where, diags), low, high, origin
            )
        enum = _enum(prop, float, "numbers", where, diags)
        return ir.FloatType(enum, low, high, origin)
    if prop.type == "bool":
        return ir.BoolType(_enum(prop, bool, "booleans", where, diags), origin)
    if prop.type == "any":
        return ir.AnyType(origin)
    if prop.type == "list":
        if prop.items is None:
            diags.error(
                "TP023",
                f"a list needs 'items' ({where})",
                prop.type_span,
                hint="for example  items: {type: string}",
            )
            return None
        item = _type(prop.items, (*origin, "Item"), f"the items of {where}", diags)
        return ir.ListType(item, origin) if item is not None else None
    if prop.properties is None:
        return ir.ObjectType(None, origin)  # no `properties`: a free-form object
    fields: list[ir.Field] = []
    ok = True
    for sub in prop.properties:
        t = _type(
            sub.definition, (*origin, sub.name), f"'{sub.name}' of {where}", diags
        )
        if t is None:
            ok = False
            continue
        fields.append(
            ir.Field(sub.name, t, sub.definition.required, sub.definition.description)
        )
    return ir.ObjectType(tuple(fields), origin) if ok else None


_CONSTRAINTS: dict[str, tuple[str, ...]] = {
    "string": ("enum", "regex"),
    "int": ("enum", "min", "max"),
    "float": ("enum", "min", "max"),
    "bool": ("enum",),
    "object": (),
    "list": (),
    "any": (),
}


def _enum(
    prop: PropertyDoc, kind: type[T], plural: str, where: str, diags: Diagnostics
) -> tuple[T, ...] | None:
    if prop.enum is None or "enum" not in _CONSTRAINTS[prop.type or ""]:
        return None
    out: list[T] = []
    seen: dict[object, Span] = {}
    for item in prop.enum:
        value = item.value
        fits = isinstance(value, kind) and not (
            kind is not bool and isinstance(value, bool)
        )
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            fits = True
        if kind is float and isinstance(value, float) and not math.isfinite(value):
            fits = False
        if not fits:
            diags.error(
                "TP020",
                f"enum values of {_a(prop.type or '')} must be {plural}, found {kind_name(item)} ({where})",
                item.span,
            )
            continue
        key = (type(value) is bool, value)
        if key in seen:
            diags.error(
                "TP026",
                f"enum value {value!r} is listed twice ({where})",
                item.span,
                related=[seen[key]],
            )
            continue
        seen[key] = item.span
        out.append(cast(T, value))
    if not prop.enum:
        assert prop.enum_span is not None
        diags.error(
            "TP026", f"an enum needs at least one value ({where})", prop.enum_span
        )
        return None
    return tuple(out)


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _bound(
    node: YScalar | None, type_name: str, where: str, diags: Diagnostics
) -> float | None:
    if node is None:
        return None
    value = node.value
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if (
        ok
        and type_name == "int"
        and isinstance(value, float)
        and not value.is_integer()
    ):
        ok = False
    if not ok or (isinstance(value, float) and not math.isfinite(value)):
        diags.error(
            "TP004",
            f"a bound of {_a(type_name)} must be a finite {'integer' if type_name == 'int' else 'number'}"
            f", found {kind_name(node)} ({where})",
            node.span,
        )
        return None
    assert isinstance(value, (int, float))
    return int(value) if type_name == "int" else value


def _regex(node: YScalar | None, where: str, diags: Diagnostics) -> str | None:
    if node is None:
        return None
    if not isinstance(node.value, str):
        diags.error(
            "TP022",
            f"a regex must be a string, found {kind_name(node)} ({where})",
            node.span,
        )
        return None
    problem = regex_problem(node.value)
    if problem:
        diags.error(
            "TP022", f"invalid regex {node.value!r} ({where}): {problem}", node.span
        )
        return None
    return node.value


def regex_problem(pattern: str) -> str | None:
    """Why a pattern cannot be used, or None."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return str(exc)
    except (OverflowError, RecursionError):
        return "pattern too complex"
    return regex.portability_problem(pattern)


# -- events ---------------------------------------------------------------------------


def _check_event(
    doc: PlanDoc, event: EventDoc, catalogue: Catalogue, diags: Diagnostics
) -> None:
    where = f"event '{event.name}'"
    defined = {p.name for p in doc.properties}
    user_defined = {p.name for p in doc.user_properties}
    for use in event.properties:
        if use.pinned is not None:
            _check_pinned(event, use.name, use.pinned, catalogue, defined, diags)
        elif use.name not in defined:
            hint = did_you_mean(use.name, defined) or "define it under 'properties'"
            if use.name in user_defined:
                hint = (
                    "it is a user property: list it under the event's 'user_properties'"
                )
            diags.error(
                "TP011",
                f"{where} uses undefined property '{use.name}'",
                use.span,
                hint=hint,
            )
    system = {p.name: p.span for p in doc.system_properties}
    for use in event.properties:
        if use.name in system:
            sends = "pins" if use.pinned is not None else "sends property"
            diags.error(
                "TP044",
                f"{where} {sends} '{use.name}', which is also the name of a system property",
                use.span,
                related=[system[use.name]],
                hint="system properties are sent in every event's properties, so one "
                "value would overwrite the other: rename one of them",
            )
    for use in event.user_properties:
        if use.name not in user_defined:
            diags.error(
                "TP011",
                f"{where} uses undefined user property '{use.name}'",
                use.span,
                hint=did_you_mean(use.name, user_defined)
                or "define it under 'user_properties'",
            )
    sources = {s.name: s for s in doc.sources}
    for name, span in event.sources or ():
        if name not in sources:
            diags.error(
                "TP012",
                f"{where} is sent by undefined source '{name}'",
                span,
                hint=did_you_mean(name, sources),
            )
    actions = {a for a, _ in event.actions}
    if not event.actions:
        diags.error("TP014", f"{where} has no actions", event.actions_span)
    if event.user_properties and "update_user_properties" not in actions:
        diags.error(
            "TP028",
            f"{where} has user properties but not the 'update_user_properties' action",
            event.actions_span,
        )
    if "update_user_properties" in actions and not event.user_properties:
        diags.error(
            "TP028",
            f"{where} has the 'update_user_properties' action but no user properties",
            event.actions_span,
        )
    groups = {g.name for g in doc.groups}
    for name, span in event.groups:
        if name not in groups:
            diags.error(
                "TP028",
                f"{where} uses undefined group type '{name}'",
                span,
                hint=did_you_mean(name, groups) or "define it under 'groups'",
            )
    if ("update_groups" in actions) != bool(event.groups):
        diags.error(
            "TP028",
            f"{where}: the 'update_groups' action and 'groups' go together",
            event.actions_span,
        )
    if event.page_name is not None and "log_page" not in actions:
        diags.error(
            "TP029",
            f"{where} has a 'page_name' but not the 'log_page' action",
            event.span,
        )
    if "identify" in actions and "unidentify" in actions:
        diags.error(
            "TP028", f"{where} cannot both identify and unidentify", event.actions_span
        )
    if event.sources is None:
        sending = list(doc.sources)
    else:
        sending = [sources[n] for n, _ in event.sources if n in sources]
    servers = [s for s in sending if s.platform == "server"]
    if "identify" in actions and "log_event" not in actions and servers:
        diags.warning(
            "TP040",
            f"{where} identifies on server source '{servers[0].name}' without 'log_event': "
            "server identification travels on the logged event",
            event.actions_span,
            hint="add log_event to its actions",
        )
    if event.sources == ():
        diags.warning("TP043", f"{where} is sent by no source", event.span)


def _check_pinned(
    event: EventDoc,
    name: str,
    node: YNode,
    catalogue: Catalogue,
    defined: set[str],
    diags: Diagnostics,
) -> None:
    value = plain(node)
    if value is None:
        diags.error(
            "TP025", f"'{name}' in event '{event.name}' is pinned to nothing", node.span
        )
        return
    catalogue.pinned[(event.name, name)] = value
    t = catalogue.properties.get(name)
    if t is None:
        if name in defined:
            return  # its definition already has an error
        return  # a pinned property outside the catalogue: its value is its definition
    for problem in values.problems(t, value, name):
        diags.error(
            "TP025",
            f"'{name}' in event '{event.name}' is pinned to {kind_name(node)}, which its "
            f"property does not allow: {problem.path} must be {problem.expected}",
            node.span,
        )


def plain(node: YNode) -> object:
    """A YAML node as plain Python data."""
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [plain(n) for n in node.items]
    assert isinstance(node, YMap)
    return {str(k.value): plain(v) for k, v in node.items}


# -- names ----------------------------------------------------------------------------


# Keys a JavaScript object literal cannot hold as data: `{"__proto__": x}` sets the
# prototype instead of a property, so the value would silently never be sent.
_UNSAFE_WIRE_NAMES = frozenset({"__proto__"})


def _check_wire_names(doc: PlanDoc, diags: Diagnostics) -> None:
    def walk(named: NamedProperty) -> None:
        if named.name in _UNSAFE_WIRE_NAMES:
            diags.error(
                "TP032",
                f"'{named.name}' cannot be a property name: JavaScript objects treat it "
                "as their prototype, so the value would never be sent",
                named.span,
            )
        for sub in named.definition.properties or ():
            walk(sub)
        if named.definition.items is not None:
            for sub in named.definition.items.properties or ():
                walk(sub)

    for catalogue in (doc.properties, doc.user_properties, doc.system_properties):
        for named in catalogue:
            walk(named)
    for event in doc.events:
        for use in event.properties:
            if use.pinned is not None and use.name in _UNSAFE_WIRE_NAMES:
                diags.error(
                    "TP032", f"'{use.name}' cannot be a property name", use.span
                )


def _check_names(doc: PlanDoc, diags: Diagnostics) -> None:
    """Names that give no identifier, or the same one as another name in one scope."""
    _check_wire_names(doc, diags)
    seen_pairs: set[tuple[str, Span, Span]] = set()
    for src in doc.sources:
        target = registry.find(src.language, src.platform)
        if target is None:
            continue
        rules = target.names
        events = [
            e for e in doc.events if e.sources is None or src.name in dict(e.sources)
        ]
        _collide(
            [(rules.method(e.name), _quote(e.name), e.span) for e in events],
            "event",
            "the event methods",
            seen_pairs,
            diags,
        )
        for event in events:
            _check_event_scope(event, rules, seen_pairs, diags)
        _collide(
            [
                (rules.argument(p.name), _quote(p.name), p.span)
                for p in doc.system_properties
            ],
            "system property",
            "system properties",
            seen_pairs,
            diags,
        )
        _collide(
            _type_names(doc, rules), "type", "the generated types", seen_pairs, diags
        )


def _type_names(doc: PlanDoc, rules: NameRules) -> list[tuple[str, str, Span]]:
    """The names of the enum and object types a target declares for the catalogue.

    Each comes with what it is, for the message: a property, a sub-property, or the
    items of a list, whose type name is its list's name and "Item".
    """
    out: list[tuple[str, str, Span]] = []

    def walk(
        prop: PropertyDoc, origin: tuple[str, ...], label: str, span: Span
    ) -> None:
        # a free-form object (no `properties`) is written inline, and declares no type
        closed = prop.type == "object" and prop.properties is not None
        if prop.enum is not None or closed:
            out.append((rules.type_name(origin), label, span))
        if prop.items is not None:
            walk(prop.items, (*origin, "Item"), f"the items of {label}", span)
        for sub in prop.properties or ():
            sub_label = f"'{sub.name}' of {label}"
            walk(sub.definition, (*origin, sub.name), sub_label, sub.span)

    for scope, what, props in (
        ("property", "", doc.properties),
        ("user", "user property ", doc.user_properties),
        ("system", "system property ", doc.system_properties),
    ):
        for named in props:
            label = f"{what}'{named.name}'"
            walk(named.definition, (scope, named.name), label, named.span)
    return out


def _check_event_scope(
    event: EventDoc,
    rules: NameRules,
    seen: set[tuple[str, Span, Span]],
    diags: Diagnostics,
) -> None:
    entries = [
        (rules.argument(u.name), _quote(u.name), u.span)
        for u in event.properties
        if u.pinned is None
    ]
    entries += [
        (rules.argument(u.name), _quote(u.name), u.span) for u in event.user_properties
    ]
    actions = {a for a, _ in event.actions}
    if "log_revenue" in actions:
        entries.append((rules.amount, "'amount'", event.actions_span))
    entries += [(rules.group(g), _quote(g), s) for g, s in event.groups]
    _collide(entries, "property", f"the arguments of event '{event.name}'", seen, diags)


def _quote(name: str) -> str:
    return f"'{name}'"


def _collide(
    entries: Iterable[tuple[str, str, Span]],
    what: str,
    scope: str,
    seen: set[tuple[str, Span, Span]],
    diags: Diagnostics,
) -> None:
    """Report identifiers given twice. Entries are (identifier, what it is made from,
    already quoted: "'Order ID'", "the items of 'Products'", where it is written)."""
    first: dict[str, tuple[str, Span]] = {}
    for ident, name, span in entries:
        if not ident.strip("_"):
            key = ("", span, span)
            if key not in seen:
                seen.add(key)
                diags.error(
                    "TP031",
                    f"the {what} name {name} has no letters or digits to make an identifier",
                    span,
                )
            continue
        if ident in first:
            other_name, other_span = first[ident]
            key = (ident, other_span, span)
            if key not in seen:
                seen.add(key)
                diags.error(
                    "TP030",
                    f"{name} and {other_name} both become '{ident}' in {scope}",
                    span,
                    related=[other_span],
                    hint="rename one of them",
                )
            continue
        first[ident] = (name, span)
