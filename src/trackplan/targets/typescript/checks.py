"""Run-time checks compiled to straight-line TypeScript, one block per value.

What each check accepts is `trackplan.values`, stated once, and the generated Python
checks the same way: a chain of type, then enum or regex, then min, then max, where the
first failure is the one reported. Constants (enum sets, compiled regexes, expectation
texts) are hoisted to module level, and regexes are compiled once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trackplan import ir, regex, values
from trackplan.targets.typescript import literals
from trackplan.targets.typescript.types import INDENT

Chain = list[tuple[str, str]]  # (condition, statement); condition "" means `else`


@dataclass
class Checks:
    """Collects the module-level constants and helper functions checks need."""

    constants: list[list[str]] = field(default_factory=list)
    functions: list[list[str]] = field(default_factory=list)
    _constant_names: dict[str, str] = field(default_factory=dict)
    _function_names: dict[ir.Type, str] = field(default_factory=dict)
    _taken: set[str] = field(default_factory=set)

    def constant(self, stem: str, expression: str, annotation: str = "") -> str:
        """A module constant holding `expression`, shared when the same one is asked twice."""
        if expression in self._constant_names:
            return self._constant_names[expression]
        name = self._fresh(f"_TP_{stem}_")
        self._constant_names[expression] = name
        self.constants.append([f"const {name}{annotation} = {expression};"])
        return name

    def _fresh(self, stem: str) -> str:
        n = 1
        while f"{stem}{n}" in self._taken:
            n += 1
        self._taken.add(f"{stem}{n}")
        return f"{stem}{n}"

    # -- checks -----------------------------------------------------------------------

    def value(self, t: ir.Type, x: str, path: str, indent: str) -> list[str]:
        """Lines that push to `_v` every way the value `x` breaks type `t`.

        `path` is a TypeScript expression for the property path; `x` is a local name.
        """
        return _chain(self._chain(t, x, path), indent)

    def _chain(self, t: ir.Type, x: str, path: str) -> Chain:
        expected = literals.string(values.describe(t))
        bad = f"_tp.bad(_v, _e, {path}, {expected}, {x});"
        if isinstance(t, ir.AnyType):
            return [(f"{x} === undefined || {x} === null", bad)]
        if isinstance(t, ir.StringType):
            chain = [(f'typeof {x} !== "string"', bad)]
            if t.enum is not None:
                chain.append(self._enum(t, x, path))
            elif t.regex is not None:
                source = literals.string(regex.javascript(t.regex))
                pattern = self.constant("RE", f'new RegExp({source}, "u")')
                text = self.constant(
                    "TEXT", literals.string(f"a string matching {t.regex!r}")
                )
                fail = f'_tp.fail(_v, _e, {path}, "regex", {text}, {x});'
                chain.append((f"!{pattern}.test({x})", fail))
            return chain
        if isinstance(t, ir.BoolType):
            chain = [(f'typeof {x} !== "boolean"', bad)]
            if t.enum is not None:
                chain.append(self._enum(t, x, path))
            return chain
        if isinstance(t, (ir.IntType, ir.FloatType)):
            test = "_tp.isInt" if isinstance(t, ir.IntType) else "_tp.isNumber"
            chain = [(f"!{test}({x})", bad)]
            if t.enum is not None:
                chain.append(self._enum(t, x, path))
            for kind, bound, op in (("min", t.min, "<"), ("max", t.max, ">")):
                if bound is not None:
                    sign = ">=" if kind == "min" else "<="
                    expect = literals.string(f"{sign} {bound!r}")
                    fail = f'_tp.fail(_v, _e, {path}, "{kind}", {expect}, {x});'
                    chain.append((f"{x} {op} {literals.number(bound)}", fail))
            return chain
        if isinstance(t, ir.ListType):
            return [
                (f"!Array.isArray({x})", bad),
                ("", f"{self.function(t)}(_v, _e, {path}, {x});"),
            ]
        assert isinstance(t, ir.ObjectType)
        if t.fields is None:  # free-form: any values (keys are always strings here)
            return [(f"!_tp.isPlainObject({x})", bad)]
        return [
            (f"!_tp.isObject({x})", bad),
            ("", f"{self.function(t)}(_v, _e, {path}, {x});"),
        ]

    def _enum(self, t: ir.Type, x: str, path: str) -> tuple[str, str]:
        enum = getattr(t, "enum", ())
        items = ", ".join(literals.value(v) for v in enum)
        allowed = self.constant("ENUM", f"new Set<unknown>([{items}])")
        text = self.constant(
            "TEXT", literals.string("one of " + ", ".join(map(repr, enum)))
        )
        return (
            f"!{allowed}.has({x})",
            f'_tp.fail(_v, _e, {path}, "enum", {text}, {x});',
        )

    def function(self, t: ir.ListType | ir.ObjectType) -> str:
        """The name of a module-level function checking a list or an object with fields."""
        if t in self._function_names:
            return self._function_names[t]
        stem = "_tpCheck" + ("List" if isinstance(t, ir.ListType) else "Object")
        name = self._fresh(stem)
        self._function_names[t] = name
        i2 = INDENT * 2
        body: list[str]
        if isinstance(t, ir.ListType):
            body = [
                f"{INDENT}for (let _i = 0; _i < _xs.length; _i++) {{",
                f"{i2}const _x: unknown = _xs[_i];",
                *self.value(t.items, "_x", '_path + "[" + _i + "]"', i2),
                f"{INDENT}}}",
            ]
            args = "_xs: readonly unknown[]"
        else:
            assert t.fields is not None  # a free-form object is checked inline
            body = []
            names = []
            for n, f in enumerate(t.fields):
                key = literals.string(f.name)
                names.append(key)
                sub = f"_path + {literals.string('.' + f.name)}"
                head = "let _x: unknown = " if n == 0 else "_x = "
                body.append(f"{INDENT}{head}_tp.own(_o, {key});")
                if f.required:
                    body += self.value(f.type, "_x", sub, INDENT)
                else:
                    body += [
                        f"{INDENT}if (_x !== undefined && _x !== null) {{",
                        *self.value(f.type, "_x", sub, i2),
                        f"{INDENT}}}",
                    ]
            unknown = "_tp.unknown(_v, _e, _path, _k);"
            if names:
                known = self.constant("KEYS", f"new Set<string>([{', '.join(names)}])")
                unknown = f"if (!{known}.has(_k)) {unknown}"
            body += [
                f"{INDENT}for (const _k of Object.keys(_o)) {{",
                f"{i2}{unknown}",
                f"{INDENT}}}",
            ]
            args = "_o: { readonly [key: string]: unknown }"
        self.functions.append(
            [
                f"function {name}(_v: Violation[], _e: string, _path: string, {args}): void {{",
                *body,
                "}",
            ]
        )
        return name


def _chain(chain: Chain, indent: str) -> list[str]:
    """`if (a) {...} else if (b) {...} else {...}` from (condition, statement) pairs."""
    lines: list[str] = []
    for n, (condition, statement) in enumerate(chain):
        if n == 0:
            lines.append(f"{indent}if ({condition}) {{")
        elif condition:
            lines.append(f"{indent}}} else if ({condition}) {{")
        else:
            lines.append(f"{indent}}} else {{")
        lines.append(f"{indent}{INDENT}{statement}")
    lines.append(f"{indent}}}")
    return lines
