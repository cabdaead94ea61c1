"""Read a plan file as it was at a git revision.

The revision is only ever given to git as a revision: an empty one (which `git show
:PATH` would read as the index) and one that starts with "-" (an option) are refused,
it is resolved with `rev-parse --verify` (never a path), and the file is then looked up
in that commit's tree with literal pathspecs and read by object id, so no argument can be
taken for a pathspec or an option.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from trackplan import pipeline


class RevisionError(Exception):
    """The plan could not be read at that revision."""


# What a tree entry's mode says it is, when it is not a regular file.
_NOT_A_FILE = {
    "040000": "a directory",
    "120000": "a symbolic link",
    "160000": "a submodule",
}


def check_revision(ref: str) -> None:
    """Refuse a revision that git would take for something else."""
    if not ref.strip():
        # `git show :PATH` would read the index: an unset `--against "$BASE"` in CI
        # must not compare the plan with itself and pass.
        raise RevisionError("--against needs a git revision")
    if ref.startswith("-"):
        raise RevisionError(f"not a git revision: {ref}")


def _git(args: list[str], cwd: Path | str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise RevisionError(
            "git was not found; --against needs git installed and on PATH"
        ) from exc
    except OSError as exc:
        raise RevisionError(f"cannot run git: {exc.strerror or exc}") from exc


def _problem(done: subprocess.CompletedProcess[bytes], default: str) -> str:
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else default


def read_at(ref: str, plan: Path) -> str:
    """The text of `plan` at `ref`, a commit of the repository that holds the plan."""
    check_revision(ref)
    directory = plan.resolve().parent
    found = _git(["rev-parse", "--show-toplevel"], directory)
    if found.returncode != 0:
        raise RevisionError(
            f"{plan} is not inside a git repository ("
            + _problem(found, "git rev-parse failed")
            + ")"
        )
    top = found.stdout.decode("utf-8", "surrogateescape").strip()
    try:
        relative = plan.resolve().relative_to(Path(top).resolve()).as_posix()
    except ValueError as exc:
        raise RevisionError(f"{plan} is not inside the git repository {top}") from exc
    where = f"{relative} at {ref}"
    commit = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    if commit.returncode != 0:
        raise RevisionError(f"cannot read {where}: {ref} is not a commit here")
    oid = commit.stdout.decode("ascii").strip()
    listed = _git(
        ["--literal-pathspecs", "ls-tree", "-l", "-z", oid, "--", relative], top
    )
    if listed.returncode != 0:
        raise RevisionError(
            f"cannot read {where}: " + _problem(listed, "git ls-tree failed")
        )
    entry = listed.stdout.split(b"\0")[0]
    if not entry:
        raise RevisionError(f"cannot read {where}: there is no such file there")
    mode, kind, blob, size = entry.split(b"\t")[0].decode("ascii").split()
    if mode in _NOT_A_FILE or kind != "blob":
        what = _NOT_A_FILE.get(mode, f"a {kind}")
        raise RevisionError(f"cannot read {where}: it is {what} there, not a file")
    if int(size) > pipeline.MAX_PLAN_BYTES:
        raise RevisionError(
            f"cannot read {where}: it is {size} bytes there; "
            f"a plan may be at most {pipeline.MAX_PLAN_TEXT}"
        )
    shown = _git(["cat-file", "blob", blob], top)
    if shown.returncode != 0:
        raise RevisionError(
            f"cannot read {where}: " + _problem(shown, "git cat-file failed")
        )
    try:
        return shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RevisionError(f"{where} is not UTF-8 text") from exc
