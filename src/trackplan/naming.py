"""Splitting free-text plan names into words, shared by every target's naming module."""

from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """Split a plan name into words.

    Words end at every character that is not a letter or digit and at each boundary
    from a lower-case letter to an upper-case one: "Order ID" -> ["Order", "ID"],
    "orderId" -> ["order", "Id"]. Text is NFKC-normalised first, so look-alike
    characters (full-width letters, ligatures) become the letters they stand for.
    """
    text = unicodedata.normalize("NFKC", name)
    out: list[str] = []
    current = ""
    previous = ""
    for char in text:
        if not _is_word_char(char):
            if current:
                out.append(current)
            current = ""
        elif current and previous.islower() and char.isupper():
            out.append(current)
            current = char
        else:
            current += char
        previous = char
    if current:
        out.append(current)
    return tuple(out)


def _is_word_char(char: str) -> bool:
    # Letters and digits that may appear in an identifier: "é" and "注" qualify, "²" does not.
    return char.isalnum() and ("a" + char).isidentifier()


def snake(name: str) -> str:
    """snake_case of a plan name; empty when it has no letters or digits."""
    return "_".join(w.lower() for w in words(name))


def camel(name: str) -> str:
    """camelCase of a plan name; empty when it has no letters or digits."""
    parts = [w.lower() for w in words(name)]
    return "".join(p if i == 0 else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def pascal(name: str) -> str:
    """PascalCase of a plan name; empty when it has no letters or digits."""
    return "".join(w[:1].upper() + w[1:].lower() for w in words(name))
