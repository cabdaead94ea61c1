"""Run-time checks compiled to straight-line Python, one block per value.

What each check accepts is `trackplan.values`, stated once; this module writes the same
rules as code so that a tracking call interprets no schema. Constants (enum sets,
compiled regexes, expectation texts) are hoisted to module level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trackplan import ir, values
from trackplan.targets.python import literals
from trackplan.targets.python.emit import INDENT, LINE, bracket


@dataclass
class Checks:
    """Collects the module-level constants and helper functions checks need."""

    constants: list[list[str]] = field(default_factory=list)
    functions: list[list[str]] = field(default_factory=list)
    _constant_names: dict[str, str] = field(default_factory=dict)
    _function_names: dict[ir.Type, str] = field(default_factory=dict)
    _taken: set[str] = field(default_factory=set)
    uses_regex: bool = False

    def constant(self, stem: str, expression: str) -> str:
        """A module constant holding `expression`, shared when the same one is asked twice."""
        if expression in self._constant_names:
            return self._constant_names[expression]
        name = self._fresh(f"_TP_{stem}")
        self._constant_names[expression] = name
        self.constants.append([f"{name} = {expression}"])
        return name

    def set_constant(self, stem: str, items: list[str]) -> str:
        """A module-level frozenset of literals."""
        key = _frozenset(items)
        if key in self._constant_names:
            return self._constant_names[key]
        name = self._fresh(f"_TP_{stem}")
        self._constant_names[key] = name
        self.constants.append(_frozenset_lines(name, items))
        return name

    def _fresh(self, stem: str) -> str:
        n = 1
        while f"{stem}_{n}" in self._taken:
            n += 1
        self._taken.add(f"{stem}_{n}")
        return f"{stem}_{n}"

    # -- checks -----------------------------------------------------------------------

    def optional(self, t: ir.Type, x: str, path: str, indent: str) -> list[str]:
        """The checks of a value that may be None (absent)."""
        inner = self.value(t, x, path, indent + INDENT)
        body = [line for line in inner if line.startswith(indent + INDENT + INDENT)]
        heads = [
            line for line in inner if not line.startswith(indent + INDENT + INDENT)
        ]
        if len(heads) == 1 and heads[0].startswith(f"{indent}{INDENT}if "):
            # one `if` and no `elif`: ruff wants the two conditions joined
            test = heads[0].strip().removeprefix("if ").removesuffix(":")
            head = _if(f"{x} is not None and {test}", "f()", indent)[0]
            return [head, *(b[len(INDENT) :] for b in body)]
        return [f"{indent}if {x} is not None:", *inner]

    def value(self, t: ir.Type, x: str, path: str, indent: str) -> list[str]:
        """Lines that append to `_v` every way the value `x` breaks type `t`.

        `path` is a Python expression for the property path; `x` is a local name.
        """
        expected = literals.string(values.describe(t))
        bad = f"_tp_bad(_v, _e, {path}, {expected}, {x})"
        if isinstance(t, ir.AnyType):
            return _if(f"{x} is None", bad, indent)
        if isinstance(t, ir.StringType):
            lines = _if(f"not isinstance({x}, str)", bad, indent)
            if t.enum is not None:
                lines += self._enum(t, x, path, indent)
            elif t.regex is not None:
                self.uses_regex = True
                pattern = self.constant("RE", f"re.compile({literals.string(t.regex)})")
                text = self.constant(
                    "TEXT", literals.string(f"a string matching {t.regex!r}")
                )
                lines += _if(
                    f"{pattern}.fullmatch({x}) is None",
                    f'_tp_fail(_v, _e, {path}, "regex", {text}, {x})',
                    indent,
                    "elif",
                )
            return lines
        if isinstance(t, ir.BoolType):
            lines = _if(f"not isinstance({x}, bool)", bad, indent)
            if t.enum is not None:
                lines += self._enum(t, x, path, indent)
            return lines
        if isinstance(t, (ir.IntType, ir.FloatType)):
            plain = t.enum is None and t.min is None and t.max is None
            if plain:
                test = "_tp_is_int" if isinstance(t, ir.IntType) else "_tp_is_number"
                return _if(f"not {test}({x})", bad, indent)
            # isinstance tests written out, so type checkers narrow `x` for the bounds
            if isinstance(t, ir.IntType):
                test = f"isinstance({x}, bool) or not isinstance({x}, int)"
            else:
                test = f"not isinstance({x}, (int, float)) or not _tp_number_ok({x})"
            lines = _if(test, bad, indent)
        if isinstance(t, (ir.IntType, ir.FloatType)):
            if t.enum is not None:
                lines += self._enum(t, x, path, indent)
            for kind, bound, op in (("min", t.min, "<"), ("max", t.max, ">")):
                if bound is not None:
                    sign = ">=" if kind == "min" else "<="
                    expect = literals.string(f"{sign} {bound!r}")
                    lines += _if(
                        f"{x} {op} {bound!r}",
                        f'_tp_fail(_v, _e, {path}, "{kind}", {expect}, {x})',
                        indent,
                        "elif",
                    )
            return lines
        if isinstance(t, ir.ListType):
            lines = _if(f"not isinstance({x}, (list, tuple))", bad, indent)
            return lines + _if(
                "True", f"{self.function(t)}(_v, _e, {path}, {x})", indent, "else"
            )
        assert isinstance(t, ir.ObjectType)
        lines = _if(f"not isinstance({x}, Mapping)", bad, indent)
        if t.fields is None:  # free-form: any values, under string keys
            text = self.constant("TEXT", literals.string(values.STRING_KEYS))
            return lines + _if(
                f"not all(isinstance(_k, str) for _k in {x})",
                f'_tp_fail(_v, _e, {path}, "type", {text}, {x})',
                indent,
                "elif",
            )
        return lines + _if(
            "True", f"{self.function(t)}(_v, _e, {path}, {x})", indent, "else"
        )

    def _enum(self, t: ir.Type, x: str, path: str, indent: str) -> list[str]:
        enum = getattr(t, "enum", ())
        allowed = self.set_constant("ENUM", [literals.value(v) for v in enum])
        text = self.constant(
            "TEXT", literals.string("one of " + ", ".join(map(repr, enum)))
        )
        return _if(
            f"{x} not in {allowed}",
            f'_tp_fail(_v, _e, {path}, "enum", {text}, {x})',
            indent,
            "elif",
        )

    def function(self, t: ir.ListType | ir.ObjectType) -> str:
        """The name of a module-level function checking a list or an object with fields."""
        if t in self._function_names:
            return self._function_names[t]
        stem = "_tp_check_" + ("list" if isinstance(t, ir.ListType) else "object")
        name = self._fresh(stem)
        self._function_names[t] = name
        body: list[str]
        if isinstance(t, ir.ListType):
            body = [
                f"{INDENT}for _i, _x in enumerate(_xs):",
                *self.value(t.items, "_x", 'f"{_path}[{_i}]"', INDENT * 2),
            ]
            args = "_xs: Sequence[object]"
        else:
            assert t.fields is not None  # a free-form object is checked inline
            body = []
            names = []
            for f in t.fields:
                key = literals.string(f.name)
                names.append(key)
                sub = f"_path + {literals.string('.' + f.name)}"
                body.append(f"{INDENT}_x = _o.get({key})")
                if f.required:
                    body += self.value(f.type, "_x", sub, INDENT)
                elif not isinstance(f.type, ir.AnyType):
                    body += self.optional(f.type, "_x", sub, INDENT)
            known = self.set_constant("KEYS", names) if names else None
            body += [
                f"{INDENT}for _k in _o:",
                f"{INDENT * 2}if {'True' if known is None else f'_k not in {known}'}:",
                f"{INDENT * 3}_tp_unknown(_v, _e, _path, _k)",
            ]
            args = "_o: Mapping[Any, object]"
        params = ["_v: list[Violation]", "_e: str", "_path: str", args]
        self.functions.append(
            [*bracket(f"def {name}(", params, " -> None:", ""), *body]
        )
        return name


def _frozenset(items: list[str]) -> str:
    if len(items) == 1:
        return f"frozenset(({items[0]},))"
    return f"frozenset(({', '.join(items)}))"


def _frozenset_lines(name: str, items: list[str]) -> list[str]:
    """`name = frozenset((...))`, split the way `ruff format` splits it."""
    one = f"{name} = {_frozenset(items)}"
    if len(one) <= LINE:
        return [one]
    return [
        f"{name} = frozenset(",
        f"{INDENT}(",
        *(f"{INDENT * 2}{i}," for i in items),
        f"{INDENT})",
        ")",
    ]


def _if(test: str, action: str, indent: str, keyword: str = "if") -> list[str]:
    head = f"{indent}else:" if keyword == "else" else f"{indent}{keyword} {test}:"
    if len(head) > LINE:
        # ruff would wrap the condition in parentheses; do it the same way
        head = f"{indent}{keyword} (\n{indent}{INDENT}{test}\n{indent}):"
    call_head, _, rest = action.partition("(")
    args = _split_args(rest[:-1])
    return [head, *bracket(f"{call_head}(", args, "", indent + INDENT)]


def _split_args(text: str) -> list[str]:
    """Split a call's argument text at top-level commas."""
    out: list[str] = []
    depth = 0
    current = ""
    quote = ""
    escaped = False
    for char in text:
        if quote:
            current += char
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            out.append(current.strip())
            current = ""
            continue
        current += char
    if current.strip():
        out.append(current.strip())
    return out
