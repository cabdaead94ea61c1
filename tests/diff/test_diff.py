"""`trackplan diff`: one case directory per kind of change, and `--against` in git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.diff.support import CASES, render_case
from trackplan.cli import main

NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", NAMES)
def test_case_matches_expected(name: str) -> None:
    case = CASES / name
    assert render_case(case) == (case / "expected.json").read_text(encoding="utf-8")


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.output


def test_fail_on() -> None:
    case = CASES / "enum-value-added"  # breaks data, not code
    old, new = str(case / "old.yaml"), str(case / "new.yaml")
    assert _run([old, new])[0] == 0
    assert _run([old, new, "--fail-on", "breaking"])[0] == 1
    assert _run([old, new, "--fail-on", "breaking-data"])[0] == 1
    assert _run([old, new, "--fail-on", "breaking-code"])[0] == 0
    same = CASES / "no-change"
    code, output = _run(
        [str(same / "old.yaml"), str(same / "new.yaml"), "--fail-on", "breaking"]
    )
    assert code == 0
    assert "no changes" in output


def test_table_and_json() -> None:
    case = CASES / "property-made-required"
    code, output = _run([str(case / "old.yaml"), str(case / "new.yaml")])
    assert code == 0
    assert "breaking-code" in output
    assert 'event "Order Completed" property "Quantity"' in output
    code, output = _run([str(case / "old.yaml"), str(case / "new.yaml"), "--json"])
    assert json.loads(output)["summary"]["breaking-code"] == 1


def test_usage_and_plan_errors(tmp_path: Path) -> None:
    assert _run([])[0] == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nevents: [\n", encoding="utf-8")
    case = CASES / "no-change"
    code, output = _run([str(case / "old.yaml"), str(bad)])
    assert code == 1
    assert "bad.yaml" in output


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_against_a_git_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    case = CASES / "enum-value-removed"
    plan = repo / "plans" / "trackplan.yaml"
    _git(repo, "init", "-q")
    plan.write_text((case / "old.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    plan.write_text((case / "new.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _git(repo, "commit", "-qam", "second")
    monkeypatch.chdir(repo / "plans")
    code, output = _run(["--against", "HEAD~1", "--json", "--fail-on", "breaking-code"])
    assert code == 1, output
    report = json.loads(output)
    assert report["old"] == "HEAD~1:trackplan.yaml"
    assert [c["kind"] for c in report["changes"]] == ["enum-values-removed"]
    # From the repository root, with --plan; the same plan at HEAD has no changes.
    monkeypatch.chdir(repo)
    code, output = _run(["--against", "HEAD", "--plan", "plans/trackplan.yaml"])
    assert code == 0, output
    assert "no changes" in output
    code, output = _run(["--against", "no-such-ref", "--plan", "plans/trackplan.yaml"])
    assert code == 1
    assert "cannot read plans/trackplan.yaml at no-such-ref" in output
