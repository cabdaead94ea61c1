"""Lines of Python laid out the way `ruff format` leaves them (line length 88).

A bracketed list either fits on its line or is split one item per line with a trailing
comma, which `ruff format` keeps as it is. Items are always atoms or short calls, so no
split ever needs to nest.
"""

from __future__ import annotations

from collections.abc import Sequence

LINE = 88
INDENT = "    "


def bracket(
    head: str,
    items: Sequence[str],
    tail: str,
    indent: str,
    close: str = ")",
    *,
    tuple_: bool = False,
) -> list[str]:
    """`head(item, item)tail`, split one item per line when it does not fit.

    `tuple_` marks a tuple display, whose single item needs its comma.
    """
    single = "," if tuple_ and len(items) == 1 else ""
    one = f"{indent}{head}{', '.join(items)}{single}{close}{tail}"
    if len(one) <= LINE and "\n" not in one:
        return [one]
    return [
        f"{indent}{head}",
        *(f"{indent}{INDENT}{item}," for item in items),
        f"{indent}{close}{tail}",
    ]
