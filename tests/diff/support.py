"""Diff cases: a directory with old.yaml, new.yaml and the expected.json report."""

from __future__ import annotations

from pathlib import Path

from trackplan import diff, pipeline

CASES = Path(__file__).resolve().parent / "cases"


def render_case(case: Path) -> str:
    """The JSON report of one case, with the plans named as in the case directory."""
    old = pipeline.load(case / "old.yaml")
    new = pipeline.load(case / "new.yaml")
    assert old.ok, [d.render() for d in old.diagnostics]
    assert new.ok, [d.render() for d in new.diagnostics]
    return diff.as_json(diff.compare(old, new, "old.yaml", "new.yaml"))
