"""`trackplan diff`: every change between two plans, classed by what it breaks."""

from __future__ import annotations

from pathlib import Path

from trackplan import pipeline
from trackplan.diff.compare import compare
from trackplan.diff.git import RevisionError, check_revision, read_at
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
    """One plan or both do not load; their diagnostics say why.

    `failed` holds every plan that does not load, the old one first; `loaded` is the
    first of them.
    """

    def __init__(self, *failed: pipeline.Loaded) -> None:
        super().__init__("the plan has errors")
        self.failed = failed
        self.loaded = failed[0]


def _checked(old: pipeline.Loaded, new: pipeline.Loaded) -> None:
    failed = [loaded for loaded in (old, new) if not loaded.ok]
    if failed:
        raise PlanError(*failed)


def diff_files(old: Path, new: Path) -> Report:
    """Compare two plan files."""
    before, after = pipeline.load(old), pipeline.load(new)
    _checked(before, after)
    return compare(before, after, str(old), str(new))


def diff_revision(ref: str, plan: Path) -> Report:
    """Compare the plan as it was at git revision `ref` with the plan file as it is."""
    check_revision(ref)
    label = f"{ref}:{plan}"
    after = pipeline.load(plan)
    try:
        text = read_at(ref, plan)
    except RevisionError:
        if not after.ok:  # a plan that is not there is TP000, not a git error
            raise PlanError(after) from None
        raise
    before = pipeline.load_text(text, label)
    _checked(before, after)
    return compare(before, after, label, str(plan))
