"""Decode the YAML tree into the document model, strictly.

Every shape problem is reported (unknown or duplicate keys, values of the wrong kind,
missing keys) and decoding goes on with what is usable, so one run shows them all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from trackplan.diagnostics import Diagnostics, Span, did_you_mean
from trackplan.plan.document import (
    ACTIONS,
    PROPERTY_TYPES,
    DestinationDoc,
    EventDoc,
    GroupDoc,
    NamedProperty,
    PlanDoc,
    PropertyDoc,
    PropertyUse,
    SourceDoc,
)
from trackplan.plan.yamltree import YMap, YNode, YScalar, YSeq, kind_name

T = TypeVar("T")

# Only the form an unquoted YAML date has: `date.fromisoformat` alone also takes
# 20230630 and 2023-W26-5 on Python 3.11+.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

_TOP_KEYS = (
    "version",
    "workspace",
    "features",
    "destinations",
    "sources",
    "properties",
    "user_properties",
    "system_properties",
    "groups",
    "events",
)
_PROPERTY_KEYS = (
    "type",
    "description",
    "enum",
    "min",
    "max",
    "regex",
    "items",
    "properties",
)


class _Fields:
    """The keys of one mapping, checked against the keys allowed there."""

    def __init__(
        self, node: YMap, allowed: Sequence[str], where: str, diags: Diagnostics
    ) -> None:
        self.node = node
        self.values: dict[str, tuple[YScalar, YNode]] = {}
        for key, value in node.items:
            name = str(key.value)
            if name in self.values:
                first = self.values[name][0].span
                diags.error(
                    "TP002",
                    f"duplicate key '{name}' in {where}",
                    key.span,
                    related=[first],
                )
                continue
            if name not in allowed:
                diags.error(
                    "TP003",
                    f"unknown key '{name}' in {where}",
                    key.span,
                    hint=did_you_mean(name, allowed),
                )
                continue
            self.values[name] = (key, value)

    def get(self, name: str) -> YNode | None:
        entry = self.values.get(name)
        return entry[1] if entry else None

    def key_span(self, name: str) -> Span:
        entry = self.values.get(name)
        return entry[0].span if entry else self.node.span


class Decoder:
    """Turns a YAML tree into a `PlanDoc`, reporting into `diags`."""

    def __init__(self, path: str, diags: Diagnostics) -> None:
        self.path = path
        self.diags = diags

    # -- primitives ---------------------------------------------------------

    def wrong(self, node: YNode, expected: str, where: str) -> None:
        self.diags.error(
            "TP004", f"{where} must be {expected}, found {kind_name(node)}", node.span
        )

    def mapping(self, node: YNode | None, where: str) -> YMap | None:
        if node is None:
            return None
        if isinstance(node, YScalar) and node.value is None:
            return YMap(
                (), node.span
            )  # `key:` with nothing after it is an empty mapping
        if not isinstance(node, YMap):
            self.wrong(node, "a mapping", where)
            return None
        return node

    def sequence(self, node: YNode | None, where: str) -> tuple[YNode, ...] | None:
        if node is None:
            return None
        if isinstance(node, YScalar) and node.value is None:
            return ()
        if not isinstance(node, YSeq):
            self.wrong(node, "a list", where)
            return None
        return node.items

    def string(self, node: YNode | None, where: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node, YScalar) or not isinstance(node.value, str):
            self.wrong(node, "a string", where)
            return None
        return node.value

    def text(self, node: YNode | None, where: str) -> str | None:
        """A description: any scalar is read as text."""
        if node is None:
            return None
        if isinstance(node, YScalar):
            if node.value is None:
                return None
            if isinstance(node.value, str):
                return node.value
        self.wrong(node, "a string", where)
        return None

    def boolean(self, node: YNode | None, where: str) -> bool | None:
        if node is None:
            return None
        if not isinstance(node, YScalar) or not isinstance(node.value, bool):
            self.wrong(node, "true or false", where)
            return None
        return node.value

    def names(
        self, node: YNode | None, where: str
    ) -> tuple[tuple[str, Span], ...] | None:
        """A list of names, e.g. `[segment, mixpanel]`."""
        items = self.sequence(node, where)
        if items is None:
            return None
        out: list[tuple[str, Span]] = []
        seen: dict[str, Span] = {}
        for item in items:
            name = self.string(item, f"each item of {where}")
            if name is None:
                continue
            if name in seen:
                self.diags.error(
                    "TP002",
                    f"'{name}' is listed twice in {where}",
                    item.span,
                    related=[seen[name]],
                )
                continue
            seen[name] = item.span
            out.append((name, item.span))
        return tuple(out)

    def required(self, fields: _Fields, key: str, where: str) -> YNode | None:
        node = fields.get(key)
        if node is None:
            self.diags.error("TP005", f"{where} needs '{key}'", fields.node.span)
        return node

    def named_map(
        self,
        node: YNode | None,
        where: str,
        each: Callable[[str, Span, YNode], T | None],
    ) -> tuple[T, ...]:
        """A mapping of free-text names to definitions, e.g. `events:`."""
        mapping = self.mapping(node, where)
        if mapping is None:
            return ()
        out: list[T] = []
        seen: dict[str, Span] = {}
        for key, value in mapping.items:
            name = str(key.value)
            if name in seen:
                self.diags.error(
                    "TP002",
                    f"'{name}' is defined twice in {where}",
                    key.span,
                    related=[seen[name]],
                )
                continue
            seen[name] = key.span
            if not name.strip():
                self.diags.error("TP031", f"an empty name in {where}", key.span)
                continue
            item = each(name, key.span, value)
            if item is not None:
                out.append(item)
        return tuple(out)

    # -- the plan -----------------------------------------------------------

    def plan(self, root: YNode) -> PlanDoc | None:
        top = self.mapping(root, "the plan")
        if top is None:
            return None
        fields = _Fields(top, _TOP_KEYS, "the plan", self.diags)
        version = self.required(fields, "version", "the plan")
        if version is not None and not (
            isinstance(version, YScalar)
            and version.value == 1
            and not isinstance(version.value, bool)
        ):
            self.diags.error(
                "TP006",
                f"unsupported plan version: {kind_name(version)}",
                version.span,
                hint="this trackplan reads 'version: 1'",
            )
        workspace_name, created = self.workspace(
            self.required(fields, "workspace", "the plan")
        )
        features = self.names(fields.get("features"), "'features'") or ()
        return PlanDoc(
            path=self.path,
            workspace_name=workspace_name,
            created=created,
            features=features,
            destinations=self.named_map(
                fields.get("destinations"), "'destinations'", self.destination
            ),
            sources=self.named_map(fields.get("sources"), "'sources'", self.source),
            properties=self.named_map(
                fields.get("properties"), "'properties'", self.catalogue_property
            ),
            user_properties=self.named_map(
                fields.get("user_properties"),
                "'user_properties'",
                self.catalogue_property,
            ),
            system_properties=self.named_map(
                fields.get("system_properties"),
                "'system_properties'",
                self.system_property,
            ),
            groups=self.named_map(fields.get("groups"), "'groups'", self.group),
            events=self.named_map(fields.get("events"), "'events'", self.event),
            spans={key: fields.key_span(key) for key in fields.values},
        )

    def workspace(self, node: YNode | None) -> tuple[str, dt.date | None]:
        mapping = self.mapping(node, "'workspace'")
        if mapping is None:
            return "", None
        fields = _Fields(
            mapping, ("name", "created", "description"), "'workspace'", self.diags
        )
        name = self.string(
            self.required(fields, "name", "'workspace'"), "'workspace.name'"
        )
        self.text(fields.get("description"), "'workspace.description'")
        created_node = fields.get("created")
        created = self.date(created_node) if created_node is not None else None
        return name or "", created

    def date(self, node: YNode) -> dt.date | None:
        """`workspace.created`: a YAML date, or a quoted string of the same YYYY-MM-DD."""
        value = node.value if isinstance(node, YScalar) else None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as exc:  # 2023-02-30: the shape of a date, but no day
                self.diags.error(
                    "TP042",
                    f"'workspace.created' is not a real date: {value} ({exc})",
                    node.span,
                    hint="write an ISO date such as 2024-03-01",
                )
                return None
        self.diags.error(
            "TP042",
            f"'workspace.created' must be a date, found {kind_name(node)}",
            node.span,
            hint="write an ISO date such as 2024-03-01",
        )
        return None

    def destination(self, name: str, span: Span, node: YNode) -> DestinationDoc | None:
        where = f"destination '{name}'"
        mapping = self.mapping(node, where)
        if mapping is None:
            return None
        fields = _Fields(
            mapping, ("kind", "identity", "description"), where, self.diags
        )
        kind_node = self.required(fields, "kind", where)
        kind = self.string(kind_node, f"the kind of {where}")
        identity_node = fields.get("identity")
        identity = self.string(identity_node, f"the identity of {where}")
        return DestinationDoc(
            name=name,
            span=span,
            kind=kind or "",
            kind_span=kind_node.span if kind_node else span,
            identity=identity,
            identity_span=identity_node.span if identity_node else None,
            description=self.text(
                fields.get("description"), f"the description of {where}"
            ),
        )

    def source(self, name: str, span: Span, node: YNode) -> SourceDoc | None:
        where = f"source '{name}'"
        mapping = self.mapping(node, where)
        if mapping is None:
            return None
        fields = _Fields(
            mapping,
            ("platform", "language", "output", "destinations", "description"),
            where,
            self.diags,
        )
        platform_node = self.required(fields, "platform", where)
        language_node = self.required(fields, "language", where)
        output_node = self.required(fields, "output", where)
        destinations = self.names(
            fields.get("destinations"), f"the destinations of {where}"
        )
        return SourceDoc(
            name=name,
            span=span,
            platform=self.string(platform_node, f"the platform of {where}") or "",
            platform_span=platform_node.span if platform_node else span,
            language=self.string(language_node, f"the language of {where}") or "",
            language_span=language_node.span if language_node else span,
            output=self.string(output_node, f"the output of {where}") or "",
            output_span=output_node.span if output_node else span,
            destinations=destinations or (),
            description=self.text(
                fields.get("description"), f"the description of {where}"
            ),
        )

    def group(self, name: str, span: Span, node: YNode) -> GroupDoc | None:
        where = f"group type '{name}'"
        mapping = self.mapping(node, where)
        if mapping is None:
            return None
        fields = _Fields(mapping, ("description",), where, self.diags)
        return GroupDoc(name, span, self.text(fields.get("description"), where))

    # -- properties ---------------------------------------------------------

    def catalogue_property(
        self, name: str, span: Span, node: YNode
    ) -> NamedProperty | None:
        definition = self.property_definition(
            node, f"property '{name}'", _PROPERTY_KEYS
        )
        return NamedProperty(name, span, definition) if definition else None

    def system_property(
        self, name: str, span: Span, node: YNode
    ) -> NamedProperty | None:
        definition = self.property_definition(
            node,
            f"system property '{name}'",
            (*_PROPERTY_KEYS, "required"),
            default_required=True,
        )
        return NamedProperty(name, span, definition) if definition else None

    def property_definition(
        self,
        node: YNode,
        where: str,
        allowed: Sequence[str],
        *,
        default_required: bool = False,
    ) -> PropertyDoc | None:
        mapping = self.mapping(node, where)
        if mapping is None:
            return None
        fields = _Fields(mapping, allowed, where, self.diags)
        type_node = self.required(fields, "type", where)
        type_name = self.string(type_node, f"the type of {where}")
        if type_name is not None and type_name not in PROPERTY_TYPES:
            assert type_node is not None
            self.diags.error(
                "TP010",
                f"unknown type '{type_name}' for {where}",
                type_node.span,
                hint=did_you_mean(type_name, PROPERTY_TYPES)
                or "types are " + ", ".join(PROPERTY_TYPES),
            )
            type_name = None
        enum_node = fields.get("enum")
        enum = None
        if enum_node is not None:
            enum_items = self.sequence(enum_node, f"the enum of {where}")
            if enum_items is not None:
                values = (self.enum_value(item, where) for item in enum_items)
                enum = tuple(e for e in values if e is not None)
        items = None
        items_node = fields.get("items")
        if items_node is not None:
            items = self.property_definition(
                items_node, f"the items of {where}", _PROPERTY_KEYS
            )
        sub: tuple[NamedProperty, ...] | None = None
        properties_node = fields.get("properties")
        if properties_node is not None:
            sub = self.named_map(
                properties_node,
                f"the properties of {where}",
                lambda n, s, v: self.sub_property(n, s, v, where),
            )
        required = self.boolean(fields.get("required"), f"'required' of {where}")
        return PropertyDoc(
            span=mapping.span,
            type=type_name,
            type_span=type_node.span if type_node else mapping.span,
            description=self.text(
                fields.get("description"), f"the description of {where}"
            ),
            enum=enum,
            enum_span=enum_node.span if enum_node else None,
            min=self.scalar(fields.get("min"), f"'min' of {where}"),
            max=self.scalar(fields.get("max"), f"'max' of {where}"),
            regex=self.scalar(fields.get("regex"), f"'regex' of {where}"),
            items=items,
            properties=sub,
            required=default_required if required is None else required,
        )

    def sub_property(
        self, name: str, span: Span, node: YNode, parent: str
    ) -> NamedProperty | None:
        definition = self.property_definition(
            node, f"sub-property '{name}' of {parent}", (*_PROPERTY_KEYS, "required")
        )
        return NamedProperty(name, span, definition) if definition else None

    def enum_value(self, node: YNode, where: str) -> YScalar | None:
        if not isinstance(node, YScalar) or node.value is None:
            self.wrong(
                node, "a string, number or boolean", f"each enum value of {where}"
            )
            return None
        return node

    def scalar(self, node: YNode | None, where: str) -> YScalar | None:
        if node is None:
            return None
        if not isinstance(node, YScalar) or node.value is None:
            self.wrong(node, "a value", where)
            return None
        return node

    # -- events -------------------------------------------------------------

    def event(self, name: str, span: Span, node: YNode) -> EventDoc | None:
        where = f"event '{name}'"
        mapping = self.mapping(node, where)
        if mapping is None:
            return None
        fields = _Fields(
            mapping,
            (
                "description",
                "actions",
                "sources",
                "properties",
                "user_properties",
                "groups",
                "page_name",
            ),
            where,
            self.diags,
        )
        actions_node = fields.get("actions")
        actions = self.names(actions_node, f"the actions of {where}")
        if actions is None:
            actions = (("log_event", span),)
        for action, action_span in actions:
            if action not in ACTIONS:
                self.diags.error(
                    "TP014",
                    f"unknown action '{action}' in {where}",
                    action_span,
                    hint=did_you_mean(action, ACTIONS)
                    or "actions are " + ", ".join(ACTIONS),
                )
        sources = self.names(fields.get("sources"), f"the sources of {where}")
        groups = self.names(fields.get("groups"), f"the groups of {where}") or ()
        return EventDoc(
            name=name,
            span=span,
            description=self.text(
                fields.get("description"), f"the description of {where}"
            ),
            actions=tuple(a for a in actions if a[0] in ACTIONS),
            actions_span=actions_node.span if actions_node else span,
            sources=sources,
            properties=self.named_map(
                fields.get("properties"),
                f"the properties of {where}",
                lambda n, s, v: self.property_use(n, s, v, where, pinnable=True),
            ),
            user_properties=self.named_map(
                fields.get("user_properties"),
                f"the user properties of {where}",
                lambda n, s, v: self.property_use(n, s, v, where, pinnable=False),
            ),
            groups=groups,
            page_name=self.string(fields.get("page_name"), f"the page name of {where}"),
        )

    def property_use(
        self, name: str, span: Span, node: YNode, event: str, *, pinnable: bool
    ) -> PropertyUse | None:
        where = f"'{name}' in {event}"
        if isinstance(node, YScalar):
            if node.value in ("required", "optional"):
                return PropertyUse(name, span, required=node.value == "required")
            self.diags.error(
                "TP004",
                f"{where} must be 'required', 'optional' or a mapping, found {kind_name(node)}",
                node.span,
                hint=did_you_mean(str(node.value), ("required", "optional")),
            )
            return None
        allowed = (
            ("required", "pinned", "description")
            if pinnable
            else ("required", "description")
        )
        mapping = self.mapping(node, where)
        if mapping is None:
            return None
        fields = _Fields(mapping, allowed, where, self.diags)
        pinned = fields.get("pinned")
        required = self.boolean(fields.get("required"), f"'required' of {where}")
        if pinned is not None and required is not None:
            self.diags.error(
                "TP027",
                f"{where} is pinned, so it is always sent; 'required' does not apply",
                fields.key_span("required"),
            )
        return PropertyUse(
            name,
            span,
            required=bool(required),
            pinned=pinned,
            description=self.text(
                fields.get("description"), f"the description of {where}"
            ),
        )
