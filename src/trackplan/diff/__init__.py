"""`trackplan diff`: every change between two plans, classed by what it breaks."""

from __future__ import annotations

from pathlib import Path

from trackplan import pipeline
from trackplan.diff.compare import compare
from trackplan.diff.git import RevisionError, read_at
from trackplan.diff.model import FAIL_ON, Change, Impact, Report
from trackplan.diff.render import as_json, table

__all__ = [
    "FAIL_ON",
    "Change",
    "Impact",
    "PlanError",
    "Report",
    "RevisionError",
    "as_json",
    "compare",
    "diff_files",
    "diff_revision",
    "table",
]


class PlanError(Exception):
    """One of the plans does not load; its diagnostics say why."""

    def __init__(self, loaded: pipeline.Loaded) -> None:
        super().__init__("the plan has errors")
        self.loaded = loaded


def _checked(loaded: pipeline.Loaded) -> pipeline.Loaded:
    if not loaded.ok:
        raise PlanError(loaded)
    return loaded


def diff_files(old: Path, new: Path) -> Report:
    """Compare two plan files."""
    return compare(
        _checked(pipeline.load(old)), _checked(pipeline.load(new)), str(old), str(new)
    )


def diff_revision(ref: str, plan: Path) -> Report:
    """Compare the plan as it was at git revision `ref` with the plan file as it is."""
    label = f"{ref}:{plan}"
    after = _checked(pipeline.load(plan))  # first: a plan that is not there is TP000
    before = _checked(pipeline.load_text(read_at(ref, plan), label))
    return compare(before, after, label, str(plan))
