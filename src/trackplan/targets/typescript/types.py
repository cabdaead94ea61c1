"""TypeScript types and declarations for plan types.

Enums become string (or number, boolean) literal unions, objects interfaces whose keys
are the quoted wire names, lists `readonly T[]` (so callers may pass read-only arrays)
and `any` becomes `unknown`. A free-form object (no `properties` in the plan) is an
index signature written inline; an object whose `properties` are `{}` admits no key.
"""

from __future__ import annotations

from trackplan import ir
from trackplan.targets.typescript import literals, naming

INDENT = "  "
FREE_OBJECT = "{ readonly [key: string]: unknown }"
# `interface X {}` would accept any value at all: an object of no keys admits none.
NO_KEYS = "{ readonly [key: string]: never }"


def is_named(t: ir.Type) -> bool:
    """Enums and objects with fields get a declared type; everything else, a free-form
    object too, is written inline."""
    if isinstance(t, ir.ObjectType):
        return t.fields is not None
    return getattr(t, "enum", None) is not None


def name_of(t: ir.Type) -> str:
    return naming.origin_type_name(t.origin)


def annotation(t: ir.Type) -> str:
    """The type of a parameter or field of type `t`."""
    if is_named(t):
        return name_of(t)
    if isinstance(t, ir.StringType):
        return "string"
    if isinstance(t, (ir.IntType, ir.FloatType)):
        return "number"
    if isinstance(t, ir.BoolType):
        return "boolean"
    if isinstance(t, ir.ListType):
        inner = annotation(t.items)
        return f"readonly ({inner})[]" if " " in inner else f"readonly {inner}[]"
    if isinstance(t, ir.ObjectType):
        return FREE_OBJECT
    return "unknown"


def enum_literal(data: object) -> str:
    return literals.value(data)


def declaration(t: ir.Type, doc: list[str] | None = None) -> list[str]:
    """The module-level declaration of a named type."""
    name = name_of(t)
    head = literals.jsdoc(doc or [], "")
    if isinstance(t, ir.ObjectType):
        if not t.fields:  # `properties: {}` (a free-form object is not declared)
            return [*head, f"export type {name} = {NO_KEYS};"]
        return [*head, *interface(name, t.fields)]
    values = [enum_literal(v) for v in getattr(t, "enum", ())]
    one = f"export type {name} = {' | '.join(values)};"
    if len(one) <= 100:
        return [*head, one]
    return [
        *head,
        f"export type {name} =",
        *(f"{INDENT}| {v}" for v in values[:-1]),
        f"{INDENT}| {values[-1]};",
    ]


def interface(name: str, fields: tuple[ir.Field, ...]) -> list[str]:
    lines = [f"export interface {name} {{"]
    for f in fields:
        lines += literals.jsdoc(literals.doc_lines(f.description), INDENT)
        mark = "" if f.required else "?"
        lines.append(f"{INDENT}{literals.string(f.name)}{mark}: {annotation(f.type)};")
    lines.append("}")
    return lines
