"""Read a plan file as it was at a git revision."""

from __future__ import annotations

import subprocess
from pathlib import Path


class RevisionError(Exception):
    """The plan could not be read at that revision."""


def read_at(ref: str, plan: Path) -> str:
    """The text of `plan` at `ref`, via `git show REF:PATH` in the plan's repository."""
    directory = plan.resolve().parent
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RevisionError(f"{plan} is not inside a git repository") from exc
    relative = plan.resolve().relative_to(Path(top).resolve()).as_posix()
    if ref.startswith("-"):
        raise RevisionError(f"not a git revision: {ref}")
    shown = subprocess.run(
        ["git", "show", f"{ref}:{relative}"],
        check=False,
        cwd=top,
        capture_output=True,
    )
    if shown.returncode != 0:
        problem = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(
            f"cannot read {relative} at {ref}: "
            + (problem[-1] if problem else "git failed")
        )
    try:
        return shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RevisionError(f"{relative} at {ref} is not UTF-8 text") from exc
