"""The one place where plan text becomes TypeScript source.

Security note: descriptions, names and enum values come from the plan file and end up
inside generated code. Every such string passes through `string()` or `jsdoc()`.
`string()` writes a double-quoted literal with backslashes, quotes, line terminators
(including U+2028 and U+2029) and every character that is not printable escaped, so no
plan text can end a literal early. Generated code never uses template literals, so `${`
has no meaning in it. `jsdoc()` breaks `*/` so text cannot close the comment, and splits
on every line terminator so a line can never leave the comment. Renderers never add
quotes themselves.
"""

from __future__ import annotations

import math

_SIMPLE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    if char in _SIMPLE:
        return _SIMPLE[char]
    if not char.isprintable() or char in "\u2028\u2029":
        code = ord(char)
        if code <= 0xFF:
            return f"\\x{code:02x}"
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        return f"\\u{{{code:x}}}"
    return char


def string(text: str) -> str:
    """A TypeScript string literal for any text."""
    return '"' + "".join(_escape_char(c) for c in text) + '"'


def number(data: int | float) -> str:
    """A TypeScript number literal."""
    if isinstance(data, bool):
        raise TypeError("a bool is not a number")
    if isinstance(data, float):
        if not math.isfinite(data):
            raise ValueError("non-finite numbers have no literal")
        return repr(data)
    return str(data)


def value(data: object) -> str:
    """A TypeScript literal for plain data: str, int, float, bool, None, lists, dicts."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, str):
        return string(data)
    if isinstance(data, (int, float)):
        return number(data)
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
    """Plan text as lines safe inside a `/** */` comment, trailing blank lines dropped."""
    lines = [_doc_line(line) for line in (text or "").strip().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def jsdoc(lines: list[str], indent: str) -> list[str]:
    """A JSDoc comment from lines made by `doc_lines`; nothing when there are none."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return []
    if len(lines) == 1:
        return [f"{indent}/** {lines[0]} */"]
    return [
        f"{indent}/**",
        *(f"{indent} * {line}".rstrip() for line in lines),
        f"{indent} */",
    ]


def comment(text: str) -> str:
    """Plan text for a `//` comment: one line, quoted as a string literal."""
    return string(text)


def _doc_line(line: str) -> str:
    # `*/` would close the comment; `@` at a line start would read as a JSDoc tag.
    text = line.strip().replace("*/", "*\\/")
    if text.startswith("@"):
        text = "\\" + text
    return "".join(
        c if c.isprintable() and c not in "\u2028\u2029" else _escape_char(c)
        for c in text
    )
