"""`trackplan status`: where each event's generated method is called in each source.

The code is parsed, never searched as text: Python with `ast` (`status.python`),
TypeScript with the TypeScript compiler's type checker (`typescript_calls.js`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from trackplan import ir, pipeline
from trackplan.status import files, python, typescript
from trackplan.status.report import (
    EventStatus,
    Site,
    SourceStatus,
    StatusReport,
    UnknownCall,
    as_json,
    table,
)
from trackplan.targets import registry

__all__ = [
    "EventStatus",
    "Site",
    "SourceStatus",
    "StatusReport",
    "UnknownCall",
    "as_json",
    "status",
    "table",
]


def status(
    loaded: pipeline.Loaded,
    plan: Path,
    only: Sequence[str] = (),
    roots: Mapping[str, Sequence[Path]] | None = None,
    globs: Mapping[str, Sequence[str]] | None = None,
) -> StatusReport:
    """Find the calls of every source (or of those in `only`) of a plan without errors.

    A source's code is every file under its roots (default: the plan's directory)
    that matches its globs (default: every file of its language).
    """
    base = plan.parent if str(plan.parent) else Path(".")
    results = []
    for source in pipeline.sources(loaded):
        if only and source.name not in only:
            continue
        source_roots = list((roots or {}).get(source.name) or [base])
        patterns = list(
            (globs or {}).get(source.name) or files.DEFAULT_GLOBS[source.language]
        )
        results.append(_source(source, base, source_roots, patterns))
    return StatusReport(str(plan), tuple(results))


def _source(
    source: ir.Source, base: Path, roots: list[Path], patterns: list[str]
) -> SourceStatus:
    target = registry.find(source.language, source.platform)
    assert target is not None  # the plan checked
    method = {e.name: target.names.method(e.name) for e in source.events}
    generated = base / source.output
    found = files.collect(roots, patterns, source.language)
    found = [f for f in found if f.resolve() != generated.resolve()]
    calls: list[tuple[str, Site]] = []
    problems: list[str] = []
    failed = False
    if source.language == "python":
        calls, problems = _python(found, base, generated)
    else:
        try:
            ts_calls, ts_problems = typescript.find_calls(
                found, generated, target.render(source), [base.resolve(), Path.cwd()]
            )
        except typescript.AnalysisError as exc:
            problems.append(str(exc))
            failed = True
        else:
            calls = [
                (c.method, Site(files.shown(c.path, base), c.line, c.col))
                for c in ts_calls
            ]
            problems = [f"{files.shown(p, base)}: {m}" for p, m in ts_problems]
    by_method: dict[str, list[Site]] = {}
    for name, site in calls:
        by_method.setdefault(name, []).append(site)
    events = tuple(
        EventStatus(
            e.name,
            method[e.name],
            tuple(sorted(by_method.get(method[e.name], []), key=_order)),
        )
        for e in source.events
    )
    known = set(method.values())
    unknown = tuple(
        sorted(
            (UnknownCall(name, site) for name, site in calls if name not in known),
            key=lambda u: (*_order(u.site), u.method),
        )
    )
    return SourceStatus(
        source=source.name,
        language=source.language,
        roots=tuple(files.shown(r, base) for r in roots),
        globs=tuple(patterns),
        files=len(found),
        events=events,
        unknown=unknown,
        problems=tuple(problems),
        failed=failed,
    )


def _order(site: Site) -> tuple[str, int, int]:
    return (site.path, site.line, site.col)


def _python(
    found: list[Path], base: Path, generated: Path
) -> tuple[list[tuple[str, Site]], list[str]]:
    # Module names are paths below the directory common to the plan and every file,
    # so an import is matched however deep the package sits.
    anchor = Path(
        os.path.commonpath([os.path.abspath(p) for p in [base, generated, *found]])
    )
    relative_generated = PurePosixPath(files.shown(generated, anchor))
    finder = python.Finder(anchor, relative_generated)
    for path in found:
        finder.add(path)
    sites = [
        (c.method, Site(files.shown(anchor / c.path, base), c.line, c.col))
        for c in finder.run()
    ]
    problems = [
        f"{files.shown(anchor / p.path, base)}: {p.message}" for p in finder.problems
    ]
    return sites, problems
