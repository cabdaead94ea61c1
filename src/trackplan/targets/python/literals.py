"""The one place where plan text becomes Python source.

Security note: descriptions, names and enum values come from the plan file and end up
inside generated code. Every such string passes through `string()` or `docstring()`,
which escape backslashes, quotes and every character that is not printable, so no plan
text can end a literal early, start a comment or add a line of code. Templates and
renderers never add quotes themselves.
"""

from __future__ import annotations

import functools
import math

# Quote choice follows `ruff format`: double quotes unless that needs more escapes.
_SIMPLE = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str, quote: str) -> str:
    if char in _SIMPLE:
        return _SIMPLE[char]
    if char == quote:
        return "\\" + char
    if not char.isprintable() or char in "\u2028\u2029":
        code = ord(char)
        if code <= 0xFF:
            return f"\\x{code:02x}"
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        return f"\\U{code:08x}"
    return char


@functools.lru_cache(maxsize=65536)
def string(text: str) -> str:
    """A Python string literal for any text."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    return quote + "".join(_escape_char(c, quote) for c in text) + quote


def value(data: object) -> str:
    """A Python literal for plain data: str, int, float, bool, None, lists, dicts."""
    if data is None or isinstance(data, bool):
        return repr(data)
    if isinstance(data, str):
        return string(data)
    if isinstance(data, int):
        return str(data)
    if isinstance(data, float):
        if not math.isfinite(data):
            raise ValueError("non-finite numbers have no literal")
        return repr(data)
    if isinstance(data, (list, tuple)):
        return "[" + ", ".join(value(d) for d in data) + "]"
    if isinstance(data, dict):
        return (
            "{"
            + ", ".join(f"{string(str(k))}: {value(v)}" for k, v in data.items())
            + "}"
        )
    raise TypeError(f"no literal for {type(data).__name__}")


def doc_lines(text: str | None) -> list[str]:
    """Plan text as escaped docstring lines, trailing blank lines dropped."""
    lines = [_doc_line(line) for line in (text or "").strip().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def docstring(lines: list[str], indent: str) -> list[str]:
    """A docstring from escaped lines, formatted as `ruff format` leaves it."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return []
    if len(lines) == 1:
        body = lines[0]
        closing = ' """' if body.endswith('"') else '"""'
        return [f'{indent}"""{body}{closing}']
    out = [f'{indent}"""{lines[0]}']
    out += [f"{indent}{line}" if line else "" for line in lines[1:]]
    out.append(f'{indent}"""')
    return out


def _doc_line(line: str) -> str:
    # Inside a docstring only the backslash and the quote need escaping; every quote is
    # escaped so no run of three can close the docstring.
    text = line.strip().replace("\\", "\\\\").replace('"', '\\"')
    return "".join(
        c if c.isprintable() and c not in "\u2028\u2029" else _escape_char(c, '"')
        for c in text
    )
