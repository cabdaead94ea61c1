"""Plan problems as values: a stable code, a span, a message and an optional hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: errors stop generation, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Span:
    """A position in a file (a plan, or code `status` read), 1-based as editors show it."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a plan."""

    severity: Severity
    code: str
    message: str
    span: Span
    hint: str | None = None
    related: tuple[Span, ...] = field(default=())

    def render(self) -> str:
        """Format as `PATH:LINE:COL: error CODE: message (hint)`, always one line."""
        text = f"{self.span}: {self.severity.value} {self.code}: {self.message}"
        if self.related:
            text += " (also at " + ", ".join(str(s) for s in self.related) + ")"
        if self.hint:
            text += f"; {self.hint}"
        return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class Diagnostics:
    """A collector: every check appends here, nothing stops at the first problem."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def error(
        self,
        code: str,
        message: str,
        span: Span,
        *,
        hint: str | None = None,
        related: Iterable[Span] = (),
    ) -> None:
        self.items.append(
            Diagnostic(Severity.ERROR, code, message, span, hint, tuple(related))
        )

    def warning(
        self, code: str, message: str, span: Span, *, hint: str | None = None
    ) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, span, hint))

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """Errors first, then warnings, each in file order."""
        return sorted(
            self.items,
            key=lambda d: (d.severity is not Severity.ERROR, d.span, d.code, d.message),
        )


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known word, if one is close enough."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in options}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    return f"did you mean '{close[0]}'?" if close else None
