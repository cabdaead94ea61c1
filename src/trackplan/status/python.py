"""Find calls of a generated Python Tracker's methods, by parsing the source's code.

A small abstract interpreter over `ast`: it follows what a name holds — the generated
module, its `Tracker` class, a Tracker instance, a bound Tracker method, a user function
that returns a Tracker, a user class whose attribute holds one — through imports (plain,
aliased, relative, `from ... import *`), assignments, typed parameters, return
annotations and return values, `self` attributes, properties, `functools.partial` and
`getattr` with a constant name. Module-level facts are iterated to a fixed point, so
their order in the files does not matter. Comments and strings are never code to `ast`,
so calls written in them never count.

It is flow-insensitive on purpose: a name that ever holds a Tracker is taken to hold
one.

The walker recurses over the syntax tree, so its depth is bounded: a file nested deeper
than MAX_DEPTH (or than `ast` itself parses) is a problem, not a crash. Long sums and
`elif` chains, the deep shapes real code has, are walked iteratively and never count
against the bound.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Nested expressions and statements the walker follows; each level costs it at most
# three Python frames, so the walk stays well inside the default recursion limit.
MAX_DEPTH = 200

# Rounds of the fixed-point iteration before giving up: far above any real depth of
# re-exports (each needs at most a round); reaching it is reported as a problem.
MAX_ROUNDS = 1000

TOO_DEEP = "not analysed: too deeply nested"


@dataclass(frozen=True)
class Call:
    """One call of a Tracker method: where, and which method."""

    path: str  # posix path of the file, relative to the plan's directory
    line: int
    col: int
    method: str


@dataclass(frozen=True)
class Problem:
    """A file that could not be read or parsed; its calls are unknown.

    `path` is None for a problem of the whole analysis.
    """

    path: str | None
    message: str


class _TooDeep(Exception):
    """A file nested deeper than MAX_DEPTH."""


# -- abstract values ------------------------------------------------------------------


@dataclass(frozen=True)
class Module:
    key: str  # module path without suffix, e.g. "app/analytics/tracking"


@dataclass(frozen=True)
class Dotted:
    name: str  # an imported dotted prefix not (yet) known to be a module, e.g. "app"


@dataclass(frozen=True)
class TrackerClass:
    pass


@dataclass(frozen=True)
class Tracker:
    pass


@dataclass(frozen=True)
class Method:
    name: str


@dataclass(frozen=True)
class Func:
    qual: str  # "module-key:Outer.inner"


@dataclass(frozen=True)
class PropertyOf:
    qual: str  # a method read as an attribute (@property)


@dataclass(frozen=True)
class UserClass:
    qual: str


@dataclass(frozen=True)
class UserObj:
    qual: str


Value = (
    Module
    | Dotted
    | TrackerClass
    | Tracker
    | Method
    | Func
    | PropertyOf
    | UserClass
    | UserObj
)

_PROPERTY_DECORATORS = {"property", "cached_property"}


def module_key(relative: PurePosixPath) -> str:
    """'app/analytics/__init__.py' -> 'app/analytics'; 'app/x.py' -> 'app/x'."""
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return "/".join(parts)


@dataclass
class _State:
    """What the program is known to hold; it only grows, so iteration terminates."""

    globals: dict[str, dict[str, Value]] = field(default_factory=dict)
    class_attrs: dict[str, dict[str, Value]] = field(default_factory=dict)
    class_bases: dict[str, list[Value]] = field(default_factory=dict)
    returns: dict[str, Value] = field(default_factory=dict)

    def snapshot(self) -> tuple[object, ...]:
        """Every fact, copied: a round that leaves it equal has reached the fixed point."""
        return (
            {k: dict(v) for k, v in self.globals.items()},
            {k: dict(v) for k, v in self.class_attrs.items()},
            {k: list(v) for k, v in self.class_bases.items()},
            dict(self.returns),
        )


class _Scope:
    def __init__(
        self,
        names: dict[str, Value],
        parent: _Scope | None,
        outer: dict[str, _Scope] | None = None,
    ) -> None:
        self.names = names
        self.parent = parent
        # Names declared `global` or `nonlocal` here: the scope that holds each.
        self.outer = outer or {}

    def get(self, name: str) -> Value | None:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.outer:
                return scope.outer[name].get(name)
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None

    def set(self, name: str, value: Value | None) -> None:
        if name in self.outer:
            self.outer[name].set(name, value)
        # Flow-insensitive: a later assignment of something unknown does not erase.
        elif value is not None:
            self.names[name] = value

    def module(self) -> _Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def holder(self, name: str) -> _Scope:
        """The scope a `nonlocal` name of a function defined here refers to."""
        scope: _Scope | None = self
        while scope is not None and scope.parent is not None:
            if name in scope.names or name in scope.outer:
                return scope
            scope = scope.parent
        return self


class Finder:
    """Finds calls of the Tracker generated at `generated` among `files`."""

    def __init__(
        self,
        base: Path,
        generated: PurePosixPath,
        others: Iterable[PurePosixPath] = (),
    ) -> None:
        """`others`: modules that exist but are not this Tracker's (other sources')."""
        self.base = base
        self.generated = module_key(generated)
        self.trees: dict[str, tuple[str, ast.Module]] = {}  # path -> (key, tree)
        self.problems: list[Problem] = []
        self.state = _State()
        self.calls: set[Call] = set()
        # Every module known to exist, and an index of them by each path suffix.
        self.modules: set[str] = set()
        self.by_suffix: dict[tuple[str, ...], list[str]] = {}
        self.resolved: dict[tuple[str, tuple[str, ...]], str | None] = {}
        for key in (self.generated, *(module_key(o) for o in others)):
            self.register(key)

    # -- input --------------------------------------------------------------------

    def register(self, key: str) -> None:
        if key in self.modules:
            return
        self.modules.add(key)
        self.resolved.clear()
        parts = tuple(key.split("/")) if key else ()
        for n in range(1, len(parts) + 1):
            self.by_suffix.setdefault(parts[-n:], []).append(key)

    def add(self, path: Path) -> None:
        """Parse one file; `path` is under `base` as found (symlinks not resolved)."""
        shown = os.path.relpath(os.path.abspath(path), os.path.abspath(self.base))
        relative = PurePosixPath(Path(shown).as_posix())
        if relative.parts[:1] == ("..",):
            self.problems.append(Problem(str(relative), f"not under {self.base}"))
            return
        key = module_key(relative)
        if key == self.generated:
            return  # the generated module's own code is not a caller
        # A module that exists, even one that cannot be read: an import names it.
        self.register(key)
        try:
            # Bytes, so that a PEP 263 coding declaration and a BOM are honoured.
            tree = ast.parse(path.read_bytes(), filename=str(relative))
        except (RecursionError, MemoryError):
            # Deeper than the parser goes ("too complex" is a MemoryError).
            self.problems.append(Problem(str(relative), TOO_DEEP))
            return
        except (OSError, SyntaxError, ValueError) as exc:
            self.problems.append(Problem(str(relative), f"not parsed: {exc}"))
            return
        self.trees[str(relative)] = (key, tree)

    def run(self, max_rounds: int = MAX_ROUNDS) -> list[Call]:
        """Iterate to a fixed point, then return every call found, in file order.

        A round walks every module with what the rounds before learned; the iteration
        ends at the first round that adds or changes no fact (a re-export chain of N
        modules walked in the wrong order needs about N rounds). `max_rounds` is far
        above any real chain; reaching it is reported as a problem.
        """
        before = None
        for _ in range(max_rounds):
            self.calls = set()
            for path, (key, tree) in sorted(self.trees.items()):
                self.walk(path, key, tree)
            after = self.state.snapshot()
            if after == before:
                break
            before = after
        else:
            self.problems.append(
                Problem(
                    None,
                    f"the analysis stopped after {max_rounds} rounds without settling; "
                    "some calls may be missed",
                )
            )
        return sorted(self.calls, key=lambda c: (c.path, c.line, c.col, c.method))

    def walk(self, path: str, key: str, tree: ast.Module) -> None:
        try:
            _Walker(self, key, path).module(tree)
        except (_TooDeep, RecursionError):
            # Not analysed: its calls are unknown, the rest of the code is still read.
            del self.trees[path]
            self.calls = {c for c in self.calls if c.path != path}
            self.problems.append(Problem(path, TOO_DEEP))

    # -- modules ------------------------------------------------------------------

    def known(self, key: str) -> bool:
        return key in self.modules

    def resolve_absolute(
        self, dotted: str, importer: tuple[str, ...] = ()
    ) -> str | None:
        """The module a dotted import names: its path ends with the dotted parts.

        Which directory is on `sys.path` is not known, so `app.tracking` matches
        `src/app/tracking.py`. The nearest match wins: the one below the importing
        file's directory (`importer`, path parts), then below each of its ancestors in
        turn; failing that, the shortest path, unless several are equally short.
        """
        memo = (dotted, importer)
        if memo in self.resolved:
            return self.resolved[memo]
        parts = tuple(dotted.split("."))
        found: str | None = None
        for depth in range(len(importer), -1, -1):
            key = "/".join((*importer[:depth], *parts))
            if key in self.modules:
                found = key
                break
        else:
            matches = self.by_suffix.get(parts, [])
            if matches:
                shortest = min(m.count("/") for m in matches)
                best = [m for m in matches if m.count("/") == shortest]
                # Equally near: which one Python would load is not known.
                found = best[0] if len(best) == 1 else None
        self.resolved[memo] = found
        return found

    def resolve_relative(
        self, importer: str, path: str, level: int, dotted: str
    ) -> str:
        package = (
            importer.split("/")
            if path.endswith("__init__.py")
            else importer.split("/")[:-1]
        )
        if level > 1:
            package = package[: len(package) - (level - 1)]
        return "/".join([*package, *(dotted.split(".") if dotted else [])])

    def lookup(self, key: str, name: str) -> Value | None:
        """A name from a module: the generated Tracker, a global, or a submodule."""
        if key == self.generated:
            return TrackerClass() if name == "Tracker" else None
        value = self.state.globals.get(key, {}).get(name)
        if value is not None:
            return value
        sub = f"{key}/{name}" if key else name
        return Module(sub) if self.known(sub) else None


class _Walker:
    """One pass over one module."""

    def __init__(self, finder: Finder, key: str, path: str) -> None:
        self.f = finder
        self.key = key
        self.path = path
        self.dir = PurePosixPath(path).parent.parts  # where a script-style import looks
        self.state = finder.state
        self.depth = 0  # nested ev/stmt/annotation calls: at most MAX_DEPTH
        self.functions = 0  # enclosing function definitions
        # Each function's local names, kept across the passes over its body.
        self.locals: dict[str, dict[str, Value]] = {}

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep

    def module(self, tree: ast.Module) -> None:
        names = self.state.globals.setdefault(self.key, {})
        self.body(tree.body, _Scope(names, None), "", None)

    # -- statements ---------------------------------------------------------------

    def body(
        self, stmts: Iterable[ast.stmt], scope: _Scope, qual: str, func: str | None
    ) -> None:
        for stmt in stmts:
            self.stmt(stmt, scope, qual, func)

    def stmt(self, node: ast.stmt, scope: _Scope, qual: str, func: str | None) -> None:
        self.enter()
        try:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        scope.set(alias.asname, self.module_value(alias.name))
                    else:
                        top = alias.name.split(".")[0]
                        scope.set(top, self.module_value(top) or Dotted(top))
            elif isinstance(node, ast.ImportFrom):
                self.import_from(node, scope)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.function(node, scope, qual)
            elif isinstance(node, ast.ClassDef):
                self.class_def(node, scope, qual)
            elif isinstance(node, ast.Assign):
                value = self.ev(node.value, scope)
                for target in node.targets:
                    self.bind(target, node.value, value, scope)
            elif isinstance(node, ast.AnnAssign):
                value = self.ev(node.value, scope) if node.value is not None else None
                value = value or self.annotation(node.annotation, scope)
                self.bind(node.target, node.value, value, scope)
            elif isinstance(node, ast.Return):
                if node.value is not None:
                    value = self.ev(node.value, scope)
                    if func is not None and value is not None:
                        self.state.returns.setdefault(func, value)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    value = self.ev(item.context_expr, scope)
                    if item.optional_vars is not None:
                        self.bind(item.optional_vars, None, value, scope)
                self.body(node.body, scope, qual, func)
            elif isinstance(node, ast.If):
                # An `elif` chain is an If nested in each orelse: walked as a loop.
                branch: ast.If | None = node
                while branch is not None:
                    self.ev(branch.test, scope)
                    self.body(branch.body, scope, qual, func)
                    rest = branch.orelse
                    if len(rest) == 1 and isinstance(rest[0], ast.If):
                        branch = rest[0]
                    else:
                        self.body(rest, scope, qual, func)
                        branch = None
            else:
                # Every other statement: its expressions, then its nested statements.
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.expr):
                        self.ev(child, scope)
                    elif isinstance(child, ast.stmt):
                        self.stmt(child, scope, qual, func)
                    elif isinstance(child, (ast.excepthandler, ast.match_case)):
                        for grand in ast.iter_child_nodes(child):
                            if isinstance(grand, ast.stmt):
                                self.stmt(grand, scope, qual, func)
                            elif isinstance(grand, ast.expr):
                                self.ev(grand, scope)
        finally:
            self.depth -= 1

    def import_from(self, node: ast.ImportFrom, scope: _Scope) -> None:
        if node.level:
            key: str | None = self.f.resolve_relative(
                self.key, self.path, node.level, node.module or ""
            )
        else:
            key = self.f.resolve_absolute(node.module or "", self.dir)
        for alias in node.names:
            if alias.name == "*":
                if key == self.f.generated:
                    scope.set("Tracker", TrackerClass())
                elif key is not None:
                    for name, value in list(self.state.globals.get(key, {}).items()):
                        scope.set(name, value)
                continue
            found: Value | None = None
            if key is not None:
                found = self.f.lookup(key, alias.name)
            if found is None and not node.level:
                dotted = f"{node.module}.{alias.name}" if node.module else alias.name
                found = self.module_value(dotted)
            scope.set(alias.asname or alias.name, found)

    def module_value(self, dotted: str) -> Value | None:
        key = self.f.resolve_absolute(dotted, self.dir)
        return Module(key) if key is not None else None

    def function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope, qual: str
    ) -> None:
        name = f"{qual}.{node.name}" if qual else node.name
        fq = f"{self.key}:{name}"
        for deco in node.decorator_list:
            self.ev(deco, scope)
        if node.returns is not None:
            returned = self.annotation(node.returns, scope)
            if returned is not None:
                self.state.returns[fq] = returned
        scope.set(node.name, Func(fq))
        outer: dict[str, _Scope] = {}
        declared_global, declared_nonlocal = _declared(node.body)
        for name in declared_nonlocal:
            outer[name] = scope.holder(name)
        for name in declared_global:
            outer[name] = scope.module()
        inner = _Scope(self.locals.setdefault(fq, {}), scope, outer)
        args = node.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        for extra in (args.vararg, args.kwarg):
            if extra is not None:
                params.append(extra)
        for param in params:
            if param.annotation is not None:
                inner.set(param.arg, self.annotation(param.annotation, inner))
        for default in [
            *args.defaults,
            *(d for d in args.kw_defaults if d is not None),
        ]:
            self.ev(default, scope)
        owner = self.enclosing_class(scope)
        positional = [*args.posonlyargs, *args.args]
        if owner is not None and positional and not self.is_static(node):
            first = positional[0].arg
            is_cls = any(_name_of(d) == "classmethod" for d in node.decorator_list)
            inner.set(first, UserClass(owner) if is_cls else UserObj(owner))
        # Twice, so a use that comes before its assignment in a loop is still seen; a
        # nested function once per pass over the function around it (its names are
        # kept), so the passes do not multiply with the nesting.
        self.functions += 1
        try:
            for _ in range(1 if self.functions > 1 else 2):
                self.body(node.body, inner, name, fq)
        finally:
            self.functions -= 1

    def is_static(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return any(_name_of(d) == "staticmethod" for d in node.decorator_list)

    def enclosing_class(self, scope: _Scope) -> str | None:
        marker = scope.names.get("__trackplan_class__")
        return marker.qual if isinstance(marker, UserClass) else None

    def class_def(self, node: ast.ClassDef, scope: _Scope, qual: str) -> None:
        name = f"{qual}.{node.name}" if qual else node.name
        cq = f"{self.key}:{name}"
        bases = [
            b for b in (self.ev(base, scope) for base in node.bases) if b is not None
        ]
        known = self.state.class_bases.setdefault(cq, [])
        known += [b for b in bases if b not in known]
        for deco in node.decorator_list:
            self.ev(deco, scope)
        scope.set(node.name, UserClass(cq))
        attrs = self.state.class_attrs.setdefault(cq, {})
        inner = _Scope({"__trackplan_class__": UserClass(cq)}, scope)
        for stmt in node.body:
            self.stmt(stmt, inner, name, None)
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                fq = f"{self.key}:{name}.{stmt.name}"
                is_property = any(
                    _name_of(d) in _PROPERTY_DECORATORS for d in stmt.decorator_list
                )
                attrs.setdefault(stmt.name, PropertyOf(fq) if is_property else Func(fq))
        for attr, value in inner.names.items():
            if attr != "__trackplan_class__":
                attrs.setdefault(attr, value)

    def bind(
        self,
        target: ast.expr,
        source: ast.expr | None,
        value: Value | None,
        scope: _Scope,
    ) -> None:
        self.enter()
        try:
            self.assign(target, source, value, scope)
        finally:
            self.depth -= 1

    def assign(
        self,
        target: ast.expr,
        source: ast.expr | None,
        value: Value | None,
        scope: _Scope,
    ) -> None:
        if isinstance(target, ast.Name):
            scope.set(target.id, value)
        elif isinstance(target, ast.Attribute):
            owner = self.ev(target.value, scope)
            if isinstance(owner, UserObj | UserClass) and value is not None:
                self.state.class_attrs.setdefault(owner.qual, {}).setdefault(
                    target.attr, value
                )
            elif (
                isinstance(owner, Module)
                and value is not None
                and owner.key != self.f.generated
                and owner.key in self.f.modules
            ):
                self.state.globals.setdefault(owner.key, {}).setdefault(
                    target.attr, value
                )
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = source.elts if isinstance(source, (ast.Tuple, ast.List)) else None
            for i, element in enumerate(target.elts):
                if (
                    items is not None
                    and i < len(items)
                    and not isinstance(element, ast.Starred)
                ):
                    self.bind(element, items[i], self.ev(items[i], scope), scope)
                else:
                    self.bind(element, None, None, scope)
        else:
            self.ev(target, scope)

    # -- expressions --------------------------------------------------------------

    def annotation(self, node: ast.expr, scope: _Scope) -> Value | None:
        """What a value of this annotated type holds: a Tracker for `Tracker`."""
        self.enter()
        try:
            return self.annotated(node, scope)
        finally:
            self.depth -= 1

    def annotated(self, node: ast.expr, scope: _Scope) -> Value | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                parsed = ast.parse(node.value, mode="eval").body
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return None
            return self.annotation(parsed, scope)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            # `A | B | C`, left to right, however long.
            for member in _operands(node, ast.BitOr):
                found = self.annotation(member, scope)
                if found is not None:
                    return found
            return None
        if isinstance(node, ast.Subscript):
            head = _name_of(node.value)
            if head in {"Optional", "Union", "Annotated", "Final", "ClassVar"}:
                inner = node.slice
                elements = inner.elts if isinstance(inner, ast.Tuple) else [inner]
                if head in {"Annotated"}:
                    elements = elements[:1]
                for element in elements:
                    found = self.annotation(element, scope)
                    if found is not None:
                        return found
            return None
        value = self.ev(node, scope)
        if isinstance(value, TrackerClass):
            return Tracker()
        if isinstance(value, UserClass):
            return UserObj(value.qual)
        return None

    def attribute(self, owner: Value | None, attr: str) -> Value | None:
        if isinstance(owner, Module):
            return self.f.lookup(owner.key, attr)
        if isinstance(owner, Dotted):
            dotted = f"{owner.name}.{attr}"
            return self.module_value(dotted) or Dotted(dotted)
        if isinstance(owner, TrackerClass):
            return None
        if isinstance(owner, Tracker):
            return None if attr.startswith("_") else Method(attr)
        if isinstance(owner, UserObj | UserClass):
            return self.class_attribute(
                owner.qual, attr, isinstance(owner, UserObj), set()
            )
        return None

    def class_attribute(
        self, qual: str, attr: str, instance: bool, seen: set[str]
    ) -> Value | None:
        """An attribute of a class or its bases, depth first, in the bases' order."""
        pending: list[Value] = [UserClass(qual)]
        while pending:
            item = pending.pop()
            if isinstance(item, TrackerClass):
                if instance:
                    return None if attr.startswith("_") else Method(attr)
                continue
            if not isinstance(item, UserClass) or item.qual in seen:
                continue
            seen.add(item.qual)
            value = self.state.class_attrs.get(item.qual, {}).get(attr)
            if isinstance(value, PropertyOf):
                found = self.state.returns.get(value.qual) if instance else None
                if found is not None:
                    return found
                continue  # its bases are not searched: the property hides them
            if value is not None:
                return value
            pending.extend(reversed(self.state.class_bases.get(item.qual, [])))
        return None

    def ev(self, node: ast.expr | None, scope: _Scope) -> Value | None:
        """What an expression holds, recording every Tracker method call inside it."""
        if node is None:
            return None
        self.enter()
        try:
            if isinstance(node, ast.BinOp):
                # A long sum or concatenation: its operands in a loop, not nested calls.
                for operand in _operands(node, None):
                    self.ev(operand, scope)
                return None
            if isinstance(node, ast.Name):
                return scope.get(node.id)
            if isinstance(node, ast.Attribute):
                return self.attribute(self.ev(node.value, scope), node.attr)
            if isinstance(node, ast.Call):
                return self.call(node, scope)
            if isinstance(node, ast.NamedExpr):
                value = self.ev(node.value, scope)
                scope.set(node.target.id, value)
                return value
            if isinstance(node, ast.Await):
                return self.ev(node.value, scope)
            if isinstance(node, ast.IfExp):
                self.ev(node.test, scope)
                return self.ev(node.body, scope) or self.ev(node.orelse, scope)
            if isinstance(node, ast.BoolOp):
                values = [self.ev(v, scope) for v in node.values]
                return next((v for v in values if v is not None), None)
            if isinstance(node, ast.Lambda):
                inner = _Scope({}, scope)
                self.ev(node.body, inner)
                return None
            if isinstance(
                node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
            ):
                inner = _Scope({}, scope)
                for gen in node.generators:
                    self.ev(gen.iter, scope)
                    for cond in gen.ifs:
                        self.ev(cond, inner)
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.expr):
                        self.ev(child, inner)
                return None
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.ev(child, scope)
            return None
        finally:
            self.depth -= 1

    def call(self, node: ast.Call, scope: _Scope) -> Value | None:
        func = self.ev(node.func, scope)
        args = [self.ev(a, scope) for a in node.args]
        for kw in node.keywords:
            self.ev(kw.value, scope)
        head = _name_of(node.func)
        if isinstance(func, Method):
            self.f.calls.add(
                Call(self.path, node.lineno, node.col_offset + 1, func.name)
            )
            return None
        if isinstance(func, TrackerClass):
            return Tracker()
        if isinstance(func, Func):
            return self.state.returns.get(func.qual)
        if isinstance(func, UserClass):
            return UserObj(func.qual)
        if head == "partial" and args and isinstance(args[0], Method):
            return args[0]
        if head == "getattr" and len(node.args) >= 2:
            name = node.args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                return self.attribute(args[0], name.value)
        if head == "cast" and node.args:
            return self.annotation(node.args[0], scope) or (
                args[1] if len(args) > 1 else None
            )
        return None


def _operands(node: ast.BinOp, op: type[ast.operator] | None) -> list[ast.expr]:
    """The operands of a chain of binary operations (of `op`, or any), left to right."""
    found: list[ast.expr] = []
    pending: list[ast.expr] = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, ast.BinOp) and (op is None or isinstance(item.op, op)):
            pending.append(item.right)
            pending.append(item.left)
        else:
            found.append(item)
    return found


def _declared(body: list[ast.stmt]) -> tuple[set[str], set[str]]:
    """The names a function's body declares `global` and `nonlocal`."""
    declared_global: set[str] = set()
    declared_nonlocal: set[str] = set()
    pending: list[ast.AST] = list(body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Global):
            declared_global.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            declared_nonlocal.update(node.names)
        elif not isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        ):
            pending.extend(
                child
                for child in ast.iter_child_nodes(node)
                if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case))
            )
    return declared_global, declared_nonlocal


def _name_of(node: ast.expr) -> str | None:
    """The last name of `a.b.c` or `c`, for recognising builtins and decorators."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name_of(node.func)
    return None
