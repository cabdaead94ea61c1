"""`trackplan diff` with inputs that are not two good plans: an empty or hostile
revision, a path that is not a file at the revision, no git, two invalid plans, and
files a plan cannot be (a device, a pipe, a huge file)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.diff.support import CASES
from trackplan import diff, pipeline
from trackplan.cli import main

OLD = (CASES / "enum-value-removed" / "old.yaml").read_text(encoding="utf-8")
NEW = (CASES / "enum-value-removed" / "new.yaml").read_text(encoding="utf-8")
BAD = "version: 1\nevents: [\n"


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.output


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose trackplan.yaml was OLD at HEAD and is NEW, staged, now."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    (root / "trackplan.yaml").write_text(OLD, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "first")
    (root / "trackplan.yaml").write_text(NEW, encoding="utf-8")
    _git(root, "add", ".")  # the index holds NEW: `git show :trackplan.yaml` is NEW
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("ref", ["", " ", "\t\n"])
def test_an_empty_revision_is_a_usage_error(repo: Path, ref: str) -> None:
    code, output = _run(["--against", ref, "--fail-on", "breaking"])
    assert code == 2, output
    assert "--against needs a git revision" in output
    with pytest.raises(diff.RevisionError, match="needs a git revision"):
        diff.diff_revision(ref, repo / "trackplan.yaml")
    # The revision that was meant still finds the change.
    code, output = _run(["--against", "HEAD", "--fail-on", "breaking"])
    assert code == 1, output
    assert "enum values removed" in output


@pytest.mark.parametrize("ref", ["-p", "--output=out.txt", "--all"])
def test_a_revision_is_never_an_option(repo: Path, ref: str) -> None:
    code, output = _run(["--against", ref])
    assert code == 1, output
    assert f"not a git revision: {ref}" in output
    assert not (repo / "out.txt").exists()


def test_a_revision_is_never_a_pathspec(repo: Path) -> None:
    # `git show x:trackplan.yaml` would show HEAD's diff of this file, and succeed.
    (repo / "x:trackplan.yaml").write_text("hello: 1\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "a file named like a revision and a path")
    code, output = _run(["--against", "x"])
    assert code == 1, output
    assert output == "cannot read trackplan.yaml at x: x is not a commit here\n"


def test_a_path_that_is_not_a_file_at_the_revision(repo: Path) -> None:
    (repo / "dir.yaml").mkdir()
    (repo / "dir.yaml" / "inside.yaml").write_text(OLD, encoding="utf-8")
    (repo / "link.yaml").symlink_to("trackplan.yaml")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a directory and a link")
    # Now both are plan files; at HEAD neither was a file.
    (repo / "dir.yaml" / "inside.yaml").unlink()
    (repo / "dir.yaml").rmdir()
    (repo / "link.yaml").unlink()
    for name in ("dir.yaml", "link.yaml", "gone.yaml"):
        (repo / name).write_text(NEW, encoding="utf-8")
    for name, problem in (
        ("dir.yaml", "it is a directory there, not a file"),
        ("link.yaml", "it is a symbolic link there, not a file"),
        ("gone.yaml", "there is no such file there"),
    ):
        code, output = _run(["--against", "HEAD", "--plan", name])
        assert code == 1, output
        assert output == f"cannot read {name} at HEAD: {problem}\n"


def test_a_plan_too_large_at_the_revision(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_PLAN_BYTES", len(NEW.encode()))
    assert len(OLD.encode()) > len(NEW.encode())
    code, output = _run(["--against", "HEAD"])
    assert code == 1, output
    assert output.startswith("cannot read trackplan.yaml at HEAD: it is ")
    assert "a plan may be at most 10 MB" in output


def test_git_not_found(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, output = _run(["--against", "HEAD"])
    assert code == 1, output
    assert "git was not found" in output
    assert "not inside a git repository" not in output


def test_both_invalid_plans_are_reported(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BAD, encoding="utf-8")
    new.write_text("version: 1\nevents: {E: {nope: 1}}\n", encoding="utf-8")
    code, output = _run([str(old), str(new)])
    assert code == 1, output
    lines = [line for line in output.splitlines() if " error TP" in line]
    assert any(line.startswith(f"{old}:") for line in lines), output
    assert any(line.startswith(f"{new}:") for line in lines), output
    with pytest.raises(diff.PlanError) as raised:
        diff.diff_files(old, new)
    assert [f.diagnostics[0].span.path for f in raised.value.failed] == [
        str(old),
        str(new),
    ]


def test_both_invalid_plans_are_reported_against_a_revision(repo: Path) -> None:
    (repo / "trackplan.yaml").write_text(BAD, encoding="utf-8")
    _git(repo, "commit", "-qam", "broken")
    (repo / "trackplan.yaml").write_text(BAD + "  - x\n", encoding="utf-8")
    code, output = _run(["--against", "HEAD"])
    assert code == 1, output
    assert "\nHEAD:trackplan.yaml:" in "\n" + output, output
    assert "\ntrackplan.yaml:" in "\n" + output, output


# -- files a plan cannot be: read by a separate process, with bounded memory and time --


def _limited() -> None:
    limit = 1 << 30  # a plan that is read whole fails fast instead of filling memory
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _trackplan(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trackplan", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        preexec_fn=_limited,
    )


def _commands(plan: str) -> list[list[str]]:
    good = str(CASES / "no-change" / "old.yaml")
    return [
        ["diff", good, plan],
        ["diff", plan, good],
        ["validate", "--plan", plan],
        ["generate", "--check", "--plan", plan],
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_not_a_plan(tmp_path: Path) -> None:
    for command in _commands("/dev/zero"):
        result = _trackplan(*command, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert (
            "/dev/zero:1:1: error TP000: cannot read the plan: it is not a regular file"
            in result.stderr
        )
        assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_not_a_plan(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "plan.yaml")
    for command in _commands("plan.yaml"):
        result = _trackplan(*command, cwd=tmp_path)  # opening it would wait forever
        assert result.returncode == 1, result.stderr
        assert (
            "plan.yaml:1:1: error TP000: cannot read the plan: it is not a regular file"
            in result.stderr
        )
        assert "Traceback" not in result.stderr


def test_a_plan_larger_than_10_mb_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)  # sparse: no disk used
    expected = (
        "huge.yaml:1:1: error TP000: cannot read the plan: "
        "it is larger than 10 MB, the most a plan may be"
    )
    for command in _commands("huge.yaml"):
        result = _trackplan(*command, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert expected in result.stderr
