"""Parse YAML into a small tree that remembers the position of every node.

Duplicate keys are kept (the decoder reports them with both locations) and scalar
values are typed by the YAML 1.2 core schema, so `yes` stays a string. Parsing uses
libyaml through PyYAML when it is there (about twenty times faster than pure Python on
a large plan), with PyYAML's pure-Python parser as the fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Union

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trackplan.diagnostics import Diagnostics, Span

Scalar = Union[str, int, float, bool, None, dt.date]

_TAG = "tag:yaml.org,2002:"
# Deeper nesting than this is no plan a person writes; refusing it keeps recursion bounded.
_MAX_DEPTH = 64


class _CoreSchema(yaml.resolver.BaseResolver):
    """The YAML 1.2 core schema, plus dates, instead of PyYAML's YAML 1.1 rules."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - the type PyYAML declares


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
    ("merge", r"^<<$", "<"),
):
    _CoreSchema.add_implicit_resolver(_TAG + _tag, re.compile(_pattern), list(_first))

_Parser: Any = getattr(yaml, "cyaml", None) and getattr(yaml.cyaml, "CParser", None)


def _loader(text: str) -> Any:
    if _Parser is not None:

        class CLoader(_Parser, _CoreSchema):  # type: ignore[misc]
            def __init__(self, stream: str) -> None:
                _Parser.__init__(self, stream)
                _CoreSchema.__init__(self)

        return CLoader(text)

    class PyLoader(
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _CoreSchema,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _CoreSchema.__init__(self)

    return PyLoader(text)


@dataclass(frozen=True)
class YScalar:
    value: Scalar
    span: Span
    tag: str


@dataclass(frozen=True)
class YSeq:
    items: tuple[YNode, ...]
    span: Span


@dataclass(frozen=True)
class YMap:
    items: tuple[tuple[YScalar, YNode], ...]
    span: Span


YNode = Union[YScalar, YSeq, YMap]


def parse(text: str, path: str, diags: Diagnostics) -> YNode | None:
    """Parse one YAML document; on a syntax error report it and return None."""
    nodes: list[Node] = []
    loader = None
    try:
        loader = _loader(text)
        while loader.check_node():
            nodes.append(loader.get_node())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        span = Span(path, mark.line + 1, mark.column + 1) if mark else Span(path, 1, 1)
        message = " ".join(
            " ".join(str(p).split()) for p in (exc.context, exc.problem) if p
        )
        diags.error("TP001", f"invalid YAML: {message or 'syntax error'}", span)
        return None
    except yaml.YAMLError as exc:  # e.g. a character YAML does not allow
        line, col = _position(text, getattr(exc, "position", 0))
        detail = " ".join(str(getattr(exc, "reason", "") or exc).split())
        diags.error("TP001", f"invalid YAML: {detail}", Span(path, line, col))
        return None
    finally:
        if loader is not None:
            loader.dispose()
    if not nodes:
        diags.error(
            "TP004", "the plan is empty", Span(path, 1, 1), hint="run 'trackplan init'"
        )
        return None
    if len(nodes) > 1:
        diags.error(
            "TP001", "a plan is one YAML document, found several", _span(path, nodes[1])
        )
    return _convert(nodes[0], path, diags, 0)


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _span(path: str, node: Node) -> Span:
    return Span(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: Node, path: str, diags: Diagnostics, depth: int) -> YNode:
    span = _span(path, node)
    if depth > _MAX_DEPTH:
        diags.error("TP004", f"nesting deeper than {_MAX_DEPTH} levels", span)
        return YScalar(None, span, "null")
    if isinstance(node, MappingNode):
        items: list[tuple[YScalar, YNode]] = []
        for key_node, value_node in node.value:
            key = _convert(key_node, path, diags, depth + 1)
            if key_node.tag == _TAG + "merge":
                diags.error(
                    "TP004",
                    "YAML merge keys ('<<') are not supported in a plan",
                    key.span,
                )
                continue
            if (
                not isinstance(key, YScalar)
                or key.value is None
                or isinstance(key.value, bool)
            ):
                diags.error("TP004", "a key must be a plain string", key.span)
                continue
            if not isinstance(key.value, str):
                key = YScalar(_text_of(key_node), key.span, "str")
            items.append((key, _convert(value_node, path, diags, depth + 1)))
        return YMap(tuple(items), span)
    if isinstance(node, SequenceNode):
        return YSeq(
            tuple(_convert(n, path, diags, depth + 1) for n in node.value), span
        )
    assert isinstance(node, ScalarNode)
    return _scalar(node, span, diags)


def _text_of(node: Node) -> str:
    return str(node.value)


def _scalar(node: ScalarNode, span: Span, diags: Diagnostics) -> YScalar:
    tag = str(node.tag or "")
    tag = tag.removeprefix(_TAG)
    raw: str = node.value
    value: Scalar
    try:
        if tag == "int":
            value = _parse_int(raw)
        elif tag == "float":
            value = _parse_float(raw)
        elif tag == "bool":
            value = raw.lower() == "true"
        elif tag == "null":
            value = None
        elif tag == "timestamp":
            value, tag = _date(raw)
        else:
            value, tag = raw, "str"
    except ValueError:
        diags.error("TP004", f"cannot read the {tag} value {raw!r}", span)
        value, tag = raw, "str"
    return YScalar(value, span, tag)


def _date(raw: str) -> tuple[Scalar, str]:
    """A YYYY-MM-DD scalar: a date, or text when no such day exists (2023-02-30).

    Such text is left for the field that reads it to judge, so one mistake gives one
    diagnostic, the same one a quoted "2023-02-30" gives.
    """
    try:
        return dt.date.fromisoformat(raw), "date"
    except ValueError:
        return raw, "str"


def _parse_int(raw: str) -> int:
    text = raw.replace("_", "")
    if text.lower().startswith(("0x", "+0x", "-0x")):
        return int(text, 16)
    if text.lower().startswith(("0o", "+0o", "-0o")):
        return int(text, 8)
    return int(text)


def _parse_float(raw: str) -> float:
    text = raw.replace("_", "").lower()
    if text in (".nan",):
        return float("nan")
    if text in (".inf", "+.inf"):
        return float("inf")
    if text == "-.inf":
        return float("-inf")
    return float(text)


def kind_name(node: YNode) -> str:
    """How a node is described in messages: 'a mapping', 'the string "x"', ..."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return f"the string {value!r}"
