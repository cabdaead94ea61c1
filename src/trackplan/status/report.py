"""What `trackplan status` found, per source and per event, as a table or JSON.

Both are valid UTF-8 whatever the file names hold: a byte of a name that is not UTF-8
is shown as `\\xNN`; the table also escapes control characters (`\\n`), so each entry
stays on its line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from trackplan.diagnostics import Diagnostic, Severity, Span

# A call site: file (relative to the plan's directory), line and column, written
# `path:line:col` like a plan diagnostic's position.
Site = Span


@dataclass(frozen=True)
class EventStatus:
    event: str
    method: str  # the generated method's name in this source's language
    calls: tuple[Site, ...]

    @property
    def implemented(self) -> bool:
        return bool(self.calls)


@dataclass(frozen=True)
class UnknownCall:
    """A call of a Tracker method that the plan does not have (a removed event)."""

    method: str
    site: Site


@dataclass(frozen=True)
class SourceStatus:
    source: str
    language: str
    roots: tuple[str, ...]
    globs: tuple[str, ...]
    files: int
    events: tuple[EventStatus, ...]
    unknown: tuple[UnknownCall, ...]
    problems: tuple[str, ...]  # files not parsed, or an analysis that could not run
    failed: bool = False  # the analysis did not run: nothing is known about this source

    @property
    def missing(self) -> tuple[EventStatus, ...]:
        """Events with no call, in a source whose code was all analysed."""
        if self.failed:
            return ()
        return tuple(e for e in self.events if not e.implemented)

    @property
    def undetermined(self) -> tuple[EventStatus, ...]:
        """Events with no call found, in a source not (fully) analysed: unknown."""
        if not self.failed:
            return ()
        return tuple(e for e in self.events if not e.implemented)

    def state(self, event: EventStatus) -> str:
        """'implemented', 'missing' or 'unknown'."""
        if event.implemented:
            return "implemented"
        return "unknown" if self.failed else "missing"


@dataclass(frozen=True)
class StatusReport:
    plan: str
    sources: tuple[SourceStatus, ...]

    @property
    def missing(self) -> int:
        return sum(len(s.missing) for s in self.sources)

    @property
    def undetermined(self) -> int:
        return sum(len(s.undetermined) for s in self.sources)

    @property
    def failed(self) -> bool:
        return any(s.failed for s in self.sources)

    def as_json(self) -> dict[str, object]:
        return {
            "plan": self.plan,
            "sources": [
                {
                    "source": s.source,
                    "language": s.language,
                    "roots": list(s.roots),
                    "globs": list(s.globs),
                    "files": s.files,
                    "failed": s.failed,
                    "events": [
                        {
                            "event": e.event,
                            "method": e.method,
                            "status": s.state(e),
                            "calls": [str(c) for c in e.calls],
                        }
                        for e in s.events
                    ],
                    "unknown_calls": [
                        {"method": u.method, "call": str(u.site)} for u in s.unknown
                    ],
                    "problems": list(s.problems),
                }
                for s in self.sources
            ],
        }


def as_json(report: StatusReport) -> str:
    return json.dumps(_clean(report.as_json()), indent=2, ensure_ascii=False) + "\n"


def diagnostics_json(plan: str, diagnostics: Iterable[Diagnostic]) -> str:
    """A plan with errors: `{"plan", "diagnostics": [...]}`, in place of a report."""
    found = {
        "plan": plan,
        "diagnostics": [
            {
                "file": d.span.path,
                "line": d.span.line,
                "col": d.span.col,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
            }
            # Errors first, as on stderr.
            for d in sorted(diagnostics, key=lambda d: d.severity is not Severity.ERROR)
        ],
    }
    return json.dumps(_clean(found), indent=2, ensure_ascii=False) + "\n"


def shown(text: str) -> str:
    """Text that encodes as UTF-8: undecodable bytes of a file name become `\\xNN`."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _clean(value: object) -> object:
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _line(text: str) -> str:
    """One line of the table: no control character, and valid UTF-8."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in shown(text))


def table(report: StatusReport) -> str:
    """Per source: one line per event, then unknown calls and problems."""
    lines: list[str] = []
    for s in report.sources:
        implemented = sum(e.implemented for e in s.events)
        lines.append(
            f"source {s.source} ({s.language}, {s.files} file(s) under "
            f"{', '.join(s.roots)}): {implemented}/{len(s.events)} event(s) implemented"
        )
        width = max([len(e.event) for e in s.events] + [5])
        for e in s.events:
            if e.implemented:
                state = "implemented  " + ", ".join(str(c) for c in e.calls)
            elif s.failed:
                state = "unknown"
            else:
                state = f"MISSING      no call of {e.method}()"
            lines.append(f"  {e.event.ljust(width)}  {state}")
        for u in s.unknown:
            lines.append(f"  not in the plan: {u.method}() at {u.site}")
        for problem in s.problems:
            lines.append(f"  problem: {problem}")
    totals = []
    if report.missing:
        totals.append(f"{report.missing} event(s) missing")
    if report.undetermined:
        totals.append(f"{report.undetermined} event(s) unknown")
    summary = ", ".join(totals) or "every event is implemented"
    failed = [s.source for s in report.sources if s.failed]
    if failed:
        summary += f"; not fully analysed: {', '.join(failed)} (see the problems)"
    lines.append(summary)
    return "".join(_line(line) + "\n" for line in lines)
