"""What `trackplan status` found, per source and per event, as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    """A call site: file (relative to the plan's directory), line and column."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


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
        return tuple(e for e in self.events if not e.implemented)


@dataclass(frozen=True)
class StatusReport:
    plan: str
    sources: tuple[SourceStatus, ...]

    @property
    def missing(self) -> int:
        return sum(len(s.missing) for s in self.sources)

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
                            "status": "implemented" if e.implemented else "missing",
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
    return json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n"


def table(report: StatusReport) -> str:
    """Per source: one line per event, then unknown calls and problems."""
    lines: list[str] = []
    for s in report.sources:
        implemented = len(s.events) - len(s.missing)
        lines.append(
            f"source {s.source} ({s.language}, {s.files} file(s) under "
            f"{', '.join(s.roots)}): {implemented}/{len(s.events)} event(s) implemented"
        )
        width = max([len(e.event) for e in s.events] + [5])
        for e in s.events:
            if s.failed:
                state = "unknown"
            elif e.implemented:
                state = "implemented  " + ", ".join(str(c) for c in e.calls)
            else:
                state = f"MISSING      no call of {e.method}()"
            lines.append(f"  {e.event.ljust(width)}  {state}")
        for u in s.unknown:
            lines.append(f"  not in the plan: {u.method}() at {u.site}")
        for problem in s.problems:
            lines.append(f"  problem: {problem}")
    missing = report.missing
    lines.append(
        f"{missing} event(s) missing" if missing else "every event is implemented"
    )
    return "\n".join(lines) + "\n"
