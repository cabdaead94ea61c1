"""What a value must be to fit a type: the meaning every target's run-time checks share.

The generated code compiles these rules into straight-line checks; this module states
them once in plain Python, so `trackplan validate` can check pinned values and tests can
compare the generated checks against it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from trackplan import ir


@dataclass(frozen=True)
class Problem:
    path: str  # "Products[0].SKU"
    kind: str  # type | required | enum | min | max | regex | unknown
    expected: str


# What a free-form object with a key that is not a string is told it must be.
STRING_KEYS = "an object with string keys"


def describe(t: ir.Type) -> str:
    """The expectation a type sets, as the generated code words it."""
    if isinstance(t, ir.StringType):
        return "a string"
    if isinstance(t, ir.IntType):
        return "an integer"
    if isinstance(t, ir.FloatType):
        return "a finite number"
    if isinstance(t, ir.BoolType):
        return "a boolean"
    if isinstance(t, ir.ListType):
        return "a list"
    if isinstance(t, ir.ObjectType):
        return "an object"
    return "any value"


def problems(t: ir.Type, value: object, path: str) -> list[Problem]:
    """Every way `value` fails to fit `t`; empty when it fits."""
    out: list[Problem] = []
    _check(t, value, path, out)
    return out


def _check(t: ir.Type, value: object, path: str, out: list[Problem]) -> None:
    if isinstance(t, ir.AnyType):
        return
    if isinstance(t, ir.StringType):
        if not isinstance(value, str):
            out.append(Problem(path, "type", describe(t)))
        elif t.enum is not None and value not in t.enum:
            out.append(Problem(path, "enum", "one of " + ", ".join(map(repr, t.enum))))
        elif t.regex is not None and re.fullmatch(t.regex, value) is None:
            out.append(Problem(path, "regex", f"a string matching {t.regex!r}"))
        return
    if isinstance(t, ir.BoolType):
        if not isinstance(value, bool):
            out.append(Problem(path, "type", describe(t)))
        elif t.enum is not None and value not in t.enum:
            out.append(Problem(path, "enum", "one of " + ", ".join(map(repr, t.enum))))
        return
    if isinstance(t, (ir.IntType, ir.FloatType)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            out.append(Problem(path, "type", describe(t)))
            return
        if isinstance(t, ir.IntType) and not isinstance(value, int):
            out.append(Problem(path, "type", describe(t)))
            return
        if isinstance(value, float) and not math.isfinite(value):
            out.append(Problem(path, "type", describe(t)))
            return
        if t.enum is not None and value not in t.enum:
            out.append(Problem(path, "enum", "one of " + ", ".join(map(repr, t.enum))))
        if t.min is not None and value < t.min:
            out.append(Problem(path, "min", f">= {t.min!r}"))
        if t.max is not None and value > t.max:
            out.append(Problem(path, "max", f"<= {t.max!r}"))
        return
    if isinstance(t, ir.ListType):
        if not isinstance(value, (list, tuple)):
            out.append(Problem(path, "type", describe(t)))
            return
        for i, item in enumerate(value):
            _check(t.items, item, f"{path}[{i}]", out)
        return
    assert isinstance(t, ir.ObjectType)
    if not isinstance(value, dict):
        out.append(Problem(path, "type", describe(t)))
        return
    if t.fields is None:  # free-form: any values, under string keys
        if not all(isinstance(key, str) for key in value):
            out.append(Problem(path, "type", STRING_KEYS))
        return
    known = {f.name for f in t.fields}
    for f in t.fields:
        sub = f"{path}.{f.name}"
        if f.name not in value or value[f.name] is None:
            if f.required:
                out.append(Problem(sub, "required", describe(f.type)))
            continue
        _check(f.type, value[f.name], sub, out)
    for key in value:
        if key not in known:
            out.append(Problem(f"{path}.{key}", "unknown", "no such sub-property"))
