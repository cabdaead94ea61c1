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
    diagnostics_json,
    table,
)
from trackplan.targets import registry

pattern_problem = files.pattern_problem

__all__ = [
    "EventStatus",
    "Site",
    "SourceStatus",
    "StatusReport",
    "UnknownCall",
    "as_json",
    "diagnostics_json",
    "pattern_problem",
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
    that matches its globs (default: every file of its language). A root that is not a
    directory, or a glob that cannot be used, is a problem of its source, which then
    counts as failed: what its other roots hold is reported, the rest is unknown.
    """
    base = plan.parent if str(plan.parent) else Path(".")
    every = list(pipeline.sources(loaded))
    results = []
    for source in every:
        if only and source.name not in only:
            continue
        source_roots = list((roots or {}).get(source.name) or [base])
        patterns = list(
            (globs or {}).get(source.name) or files.DEFAULT_GLOBS[source.language]
        )
        # The other sources' generated modules: an import may name one of them.
        others = [
            base / s.output
            for s in every
            if s.language == source.language and s.name != source.name
        ]
        results.append(_source(source, base, source_roots, patterns, others))
    return StatusReport(str(plan), tuple(results))


def _source(
    source: ir.Source,
    base: Path,
    roots: list[Path],
    patterns: list[str],
    others: list[Path],
) -> SourceStatus:
    target = registry.find(source.language, source.platform)
    assert target is not None  # the plan checked
    method = {e.name: target.names.method(e.name) for e in source.events}
    generated = base / source.output
    # A root as it was given, so the problem names what the user wrote.
    problems = [f"root {r}: {message}" for r, message in files.unusable_roots(roots)]
    problems += [
        f"glob {p}: {message}"
        for p in patterns
        if (message := files.pattern_problem(p)) is not None
    ]
    failed = bool(problems)
    found = files.collect(
        [r for r in roots if r.is_dir()],
        [p for p in patterns if files.pattern_problem(p) is None],
        source.language,
    )
    own = generated.resolve()
    found = [f for f in found if f.resolve() != own]
    calls: list[tuple[str, Site]] = []
    if source.language == "python":
        calls, python_problems = _python(found, base, generated, others)
        problems += python_problems
    elif found or not failed:
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
            problems += [f"{files.shown(p, base)}: {m}" for p, m in ts_problems]
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
    found: list[Path], base: Path, generated: Path, others: list[Path]
) -> tuple[list[tuple[str, Site]], list[str]]:
    # Module names are paths below the directory common to the plan and every file,
    # so an import is matched however deep the package sits. Paths are taken as found
    # (absolute, symlinks not resolved), so a symlink is read where it sits in the tree.
    anchor = Path(
        os.path.commonpath(
            [os.path.abspath(p) for p in [base, generated, *others, *found]]
        )
    )
    finder = python.Finder(
        anchor,
        PurePosixPath(files.shown(generated, anchor)),
        [PurePosixPath(files.shown(o, anchor)) for o in others],
    )
    with pipeline.paused_cyclic_gc():
        for path in found:
            finder.add(path)
        sites = [
            (c.method, Site(files.shown(anchor / c.path, base), c.line, c.col))
            for c in finder.run()
        ]
    problems = [
        p.message
        if p.path is None
        else f"{files.shown(anchor / p.path, base)}: {p.message}"
        for p in finder.problems
    ]
    return sites, problems
