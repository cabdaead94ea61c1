"""Status trees (a plan, code calling its generated Tracker, expected.json), and small
trees written on the fly by the tests of awkward inputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from trackplan import pipeline, status
from trackplan.cli import main
from trackplan.targets import registry

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# Each calls its plan's Tracker in every way the docs list, with decoys.
CALL_TREES = (HERE / "python_app", HERE / "typescript_app")
# Two Python sources whose generated modules share a file name.
TREES = (*CALL_TREES, HERE / "nearest_app")


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


def typescript_module() -> str | None:
    """Where the `typescript` package is, for a tree outside the repository."""
    if os.environ.get("TRACKPLAN_TYPESCRIPT"):
        return os.environ["TRACKPLAN_TYPESCRIPT"]
    if shutil.which("node") is None:
        return None
    found = subprocess.run(
        ["node", "-p", "require.resolve('typescript')"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() if found.returncode == 0 else None


def write_tree(root: Path, tree: Mapping[str, str | bytes]) -> None:
    """Files by path (str, or bytes for a name that is not UTF-8) and content."""
    for name, content in tree.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def python_tree(root: Path, tree: Mapping[str, str | bytes]) -> None:
    """python_app's plan (source `backend`, output app/tracking.py) and these files."""
    plan = (HERE / "python_app" / "trackplan.yaml").read_text(encoding="utf-8")
    write_tree(root, {"trackplan.yaml": plan, **tree})


def typescript_tree(
    root: Path, tree: Mapping[str, str | bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """typescript_app's plan (source `web`, output web/src/tracking.ts), these files.

    Skips the test when Node.js or the `typescript` package is missing.
    """
    module = typescript_module()
    if module is None:
        pytest.skip("Node.js or the 'typescript' npm package (npm install) is missing")
    monkeypatch.setenv("TRACKPLAN_TYPESCRIPT", module)
    plan = (HERE / "typescript_app" / "trackplan.yaml").read_text(encoding="utf-8")
    write_tree(root, {"trackplan.yaml": plan, **tree})


def run(root: Path, *args: str) -> Result:
    """`trackplan status ARGS` run from `root`."""
    cwd = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, ["status", *args])
    finally:
        os.chdir(cwd)


def run_json(root: Path, *args: str) -> dict[str, object]:
    """The --json report of `trackplan status --allow-missing ARGS`, checked as UTF-8."""
    result = run(root, "--json", "--allow-missing", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    report: dict[str, object] = json.loads(result.stdout_bytes.decode("utf-8"))
    return report
