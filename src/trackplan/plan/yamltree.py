"""Parse YAML into a small tree that remembers the position of every node.

Duplicate keys are kept (the decoder reports them with both locations) and scalar
values are typed by the YAML 1.2 core schema, so `yes` stays a string.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Union

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trackplan.diagnostics import Diagnostics, Span

Scalar = Union[str, int, float, bool, None, dt.date]

_TAG = "tag:yaml.org,2002:"
# Deeper nesting than this is no plan a person writes; refusing it keeps recursion bounded.
_MAX_DEPTH = 64


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
    yaml = YAML(typ="safe", pure=True)
    try:
        nodes = list(yaml.compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        span = Span(path, mark.line + 1, mark.column + 1) if mark else Span(path, 1, 1)
        message = " ".join(
            " ".join(str(p).split()) for p in (exc.context, exc.problem) if p
        )
        diags.error("TP001", f"invalid YAML: {message or 'syntax error'}", span)
        return None
    except YAMLError as exc:  # errors without a position, e.g. bad encodings
        diags.error("TP001", f"invalid YAML: {exc}", Span(path, 1, 1))
        return None
    if not nodes or nodes[0] is None:
        diags.error(
            "TP004", "the plan is empty", Span(path, 1, 1), hint="run 'trackplan init'"
        )
        return None
    if len(nodes) > 1:
        second = nodes[1]
        diags.error(
            "TP001", "a plan is one YAML document, found several", _span(path, second)
        )
    return _convert(nodes[0], path, diags, 0)


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
            value = dt.date.fromisoformat(raw) if len(raw) == 10 else raw
            tag = "date" if isinstance(value, dt.date) else "str"
        else:
            value, tag = raw, "str"
    except ValueError:
        diags.error("TP004", f"cannot read the {tag} value {raw!r}", span)
        value, tag = raw, "str"
    return YScalar(value, span, tag)


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
