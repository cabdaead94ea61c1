"""The diff report as a table for people, or as JSON for tools."""

from __future__ import annotations

import json

from trackplan.diff.model import Impact, Report


def table(report: Report) -> str:
    """One line per change, breaking ones first, then a one-line summary."""
    lines = [f"trackplan diff {report.old} -> {report.new}"]
    if not report.changes:
        lines.append("no changes")
        return "\n".join(lines) + "\n"
    rank = {Impact.BREAKING_CODE: 0, Impact.BREAKING_DATA: 1, Impact.SAFE: 2}
    rows = [
        (
            c.impact.value + (" +data" if c.code and c.data else ""),
            c.subject,
            c.detail,
            ", ".join(c.sources) or "-",
        )
        for c in sorted(report.changes, key=lambda c: rank[c.impact])
    ]
    header = ("IMPACT", "WHAT", "CHANGE", "SOURCES")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(3)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    counts = {
        impact: sum(c.impact is impact for c in report.changes) for impact in Impact
    }
    lines.append(
        f"{len(report.changes)} change(s): "
        + ", ".join(f"{counts[i]} {i.value}" for i in Impact)
    )
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    return json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n"
