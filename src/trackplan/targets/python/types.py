"""Python annotations and type declarations for plan types."""

from __future__ import annotations

from trackplan import ir
from trackplan.targets.python import literals, naming
from trackplan.targets.python.emit import bracket

# A free-form object: a Mapping, so a caller's dict[str, int] is accepted too.
FREE_OBJECT = "Mapping[str, object]"


def is_named(t: ir.Type) -> bool:
    """Enums and objects with fields get a declared type; everything else, a free-form
    object too, is written inline."""
    if isinstance(t, ir.ObjectType):
        return t.fields is not None
    enum = getattr(t, "enum", None)
    return enum is not None and not isinstance(t, ir.FloatType)


def name_of(t: ir.Type) -> str:
    return naming.origin_type_name(t.origin)


def annotation(t: ir.Type) -> str:
    """The annotation of a parameter or field of type `t`."""
    if is_named(t):
        return name_of(t)
    if isinstance(t, ir.StringType):
        return "str"
    if isinstance(t, ir.IntType):
        return "int"
    if isinstance(t, ir.FloatType):
        return "float"
    if isinstance(t, ir.BoolType):
        return "bool"
    if isinstance(t, ir.ListType):
        return f"Sequence[{annotation(t.items)}]"
    if isinstance(t, ir.ObjectType):
        return FREE_OBJECT
    return "object"


def declaration(t: ir.Type, name: str | None = None) -> list[str]:
    """The module-level declaration of a named type."""
    name = name or name_of(t)
    if isinstance(t, ir.ObjectType):
        return _typed_dict(name, t)
    values = [literals.value(v) for v in getattr(t, "enum", ())]
    return bracket(f"{name} = Literal[", values, "", "", close="]")


def _typed_dict(name: str, t: ir.ObjectType) -> list[str]:
    fields = t.fields or ()  # only objects with fields are declared (is_named)
    required = tuple(f for f in fields if f.required)
    optional = tuple(f for f in fields if not f.required)
    if all(_is_attribute(f.name) for f in fields):
        return _class_form(name, required, optional)
    if not required or not optional:
        total = "" if not optional else ", total=False"
        return _functional(name, fields, total)
    lines = _functional(f"_{name}Required", required, "")
    lines += _functional(f"_{name}Optional", optional, ", total=False")
    lines += ["", "", f"class {name}(_{name}Required, _{name}Optional):", "    pass"]
    return lines


def _is_attribute(key: str) -> bool:
    """Whether a wire name can be written as a class attribute of a TypedDict."""
    return key.isidentifier() and key.isascii() and key not in naming.KEYWORDS


def _class_form(
    name: str, required: tuple[ir.Field, ...], optional: tuple[ir.Field, ...]
) -> list[str]:
    """Class syntax, which linters prefer whenever every key is an identifier."""
    lines: list[str] = []
    if required and optional:
        lines += [f"class _{name}Required(TypedDict):", *_attributes(required), "", ""]
        lines += [
            f"class {name}(_{name}Required, total=False):",
            *_attributes(optional),
        ]
    elif optional:
        lines += [f"class {name}(TypedDict, total=False):", *_attributes(optional)]
    else:
        lines += [f"class {name}(TypedDict):", *(_attributes(required) or ["    pass"])]
    return lines


def _attributes(fields: tuple[ir.Field, ...]) -> list[str]:
    lines = []
    for f in fields:
        lines.append(f"    {f.name}: {annotation(f.type)}")
        lines += literals.docstring(literals.doc_lines(f.description), "    ")
    return lines


def _functional(name: str, fields: tuple[ir.Field, ...], total: str) -> list[str]:
    entries = [f"{literals.string(f.name)}: {annotation(f.type)}" for f in fields]
    one = (
        f"{name} = TypedDict({literals.string(name)}, {{{', '.join(entries)}}}{total})"
    )
    if len(one) <= 88:
        return [one]
    return [
        f"{name} = TypedDict(",
        f"    {literals.string(name)},",
        *bracket("{", entries, ",", "    ", close="}"),
        *([f"    {total.removeprefix(', ')},"] if total else []),
        ")",
    ]
