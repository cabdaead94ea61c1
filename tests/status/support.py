"""Status trees: a plan, code calling its generated Tracker, and expected.json."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from trackplan import pipeline, status
from trackplan.targets import registry

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TREES = (HERE / "python_app", HERE / "typescript_app")


def typescript_available() -> bool:
    """Node.js and the `typescript` package pinned in the repository's package.json."""
    if shutil.which("node") is None:
        return False
    if os.environ.get("TRACKPLAN_TYPESCRIPT"):
        return True
    found = subprocess.run(
        ["node", "-e", "require.resolve('typescript')"],
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    return found.returncode == 0


def runnable(tree: Path) -> bool:
    """Whether trackplan can report on this tree here: its target exists, and Node."""
    loaded = pipeline.load(tree / "trackplan.yaml")
    if not loaded.ok or loaded.doc is None:
        return False
    for source in loaded.doc.sources:
        if registry.find(source.language, source.platform) is None:
            return False
        if source.language == "typescript" and not typescript_available():
            return False
    return True


def render_tree(tree: Path) -> str | None:
    """The JSON status report of a tree, run from inside it; None if it cannot run."""
    if not runnable(tree):
        return None
    cwd = Path.cwd()
    os.chdir(tree)
    try:
        plan = Path("trackplan.yaml")
        return status.as_json(status.status(pipeline.load(plan), plan))
    finally:
        os.chdir(cwd)
