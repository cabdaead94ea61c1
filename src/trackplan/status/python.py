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
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Call:
    """One call of a Tracker method: where, and which method."""

    path: str  # posix path of the file, relative to the plan's directory
    line: int
    col: int
    method: str


@dataclass(frozen=True)
class Problem:
    """A file that could not be read or parsed; its calls are unknown."""

    path: str
    message: str


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

    def size(self) -> int:
        return (
            sum(len(v) for v in self.globals.values())
            + sum(len(v) for v in self.class_attrs.values())
            + sum(len(v) for v in self.class_bases.values())
            + len(self.returns)
        )


class _Scope:
    def __init__(self, names: dict[str, Value], parent: _Scope | None) -> None:
        self.names = names
        self.parent = parent

    def get(self, name: str) -> Value | None:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None

    def set(self, name: str, value: Value | None) -> None:
        # Flow-insensitive: a later assignment of something unknown does not erase.
        if value is not None:
            self.names[name] = value


class Finder:
    """Finds calls of the Tracker generated at `generated` among `files`."""

    def __init__(self, base: Path, generated: PurePosixPath) -> None:
        self.base = base
        self.generated = module_key(generated)
        self.trees: dict[str, tuple[str, ast.Module]] = {}  # key -> (path, tree)
        self.problems: list[Problem] = []
        self.state = _State()
        self.calls: set[Call] = set()

    # -- input --------------------------------------------------------------------

    def add(self, path: Path) -> None:
        relative = PurePosixPath(
            path.resolve().relative_to(self.base.resolve()).as_posix()
        )
        try:
            text = path.read_bytes().decode("utf-8-sig")
            tree = ast.parse(text, filename=str(relative))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
            self.problems.append(Problem(str(relative), f"not parsed: {exc}"))
            return
        key = module_key(relative)
        if key == self.generated:
            return  # the generated module's own code is not a caller
        self.trees[key] = (str(relative), tree)

    def run(self, max_rounds: int = 20) -> list[Call]:
        """Iterate to a fixed point, then return every call found, in file order."""
        for _ in range(max_rounds):
            before = self.state.size()
            self.calls = set()
            for key, (path, tree) in sorted(self.trees.items()):
                _Walker(self, key, path).module(tree)
            if self.state.size() == before:
                break
        return sorted(self.calls, key=lambda c: (c.path, c.line, c.col, c.method))

    # -- modules ------------------------------------------------------------------

    def known(self, key: str) -> bool:
        return key == self.generated or key in self.trees

    def resolve_absolute(self, dotted: str) -> str | None:
        """The module a dotted import names: its path ends with the dotted parts.

        Which directory is on `sys.path` is not known, so `app.tracking` matches
        `src/app/tracking.py`; the shortest such path wins.
        """
        parts = dotted.split(".")
        found = [
            key
            for key in (self.generated, *self.trees)
            if key.split("/")[-len(parts) :] == parts
        ]
        return min(found, key=lambda k: (k.count("/"), k)) if found else None

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
        self.state = finder.state

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

    def import_from(self, node: ast.ImportFrom, scope: _Scope) -> None:
        if node.level:
            key: str | None = self.f.resolve_relative(
                self.key, self.path, node.level, node.module or ""
            )
        else:
            key = self.f.resolve_absolute(node.module or "")
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
        key = self.f.resolve_absolute(dotted)
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
        inner = _Scope({}, scope)
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
        # Twice, so a use that comes before its assignment in a loop is still seen.
        for _ in range(2):
            self.body(node.body, inner, name, fq)

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
                and owner.key in self.f.trees
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
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                parsed = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
            return self.annotation(parsed, scope)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self.annotation(node.left, scope) or self.annotation(
                node.right, scope
            )
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
        if qual in seen:
            return None
        seen.add(qual)
        value = self.state.class_attrs.get(qual, {}).get(attr)
        if isinstance(value, PropertyOf):
            return self.state.returns.get(value.qual) if instance else None
        if value is not None:
            return value
        for base in self.state.class_bases.get(qual, []):
            if isinstance(base, TrackerClass) and instance:
                return None if attr.startswith("_") else Method(attr)
            if isinstance(base, UserClass):
                found = self.class_attribute(base.qual, attr, instance, seen)
                if found is not None:
                    return found
        return None

    def ev(self, node: ast.expr | None, scope: _Scope) -> Value | None:
        """What an expression holds, recording every Tracker method call inside it."""
        if node is None:
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


def _name_of(node: ast.expr) -> str | None:
    """The last name of `a.b.c` or `c`, for recognising builtins and decorators."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name_of(node.func)
    return None
