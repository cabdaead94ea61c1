"""The example plan is valid, its generated files are fresh, and its demo runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shop"


def run_from(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, cwd=cwd)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_from(EXAMPLE, *args)


@pytest.mark.parametrize(
    ("cwd", "plan"),
    [
        (EXAMPLE, "trackplan.yaml"),
        (ROOT, "examples/shop/trackplan.yaml"),
        (ROOT / "docs", str(EXAMPLE / "trackplan.yaml")),
    ],
    ids=["in-the-plan-directory", "relative-path", "absolute-path"],
)
def test_generated_example_files_are_fresh(cwd: Path, plan: str) -> None:
    # However --plan is spelled, the same plan gives the same files.
    result = run_from(
        cwd, sys.executable, "-m", "trackplan", "generate", "--check", "--plan", plan
    )
    assert result.returncode == 0, result.stderr


def test_demo_shows_the_identity_rules() -> None:
    result = run(sys.executable, "backend/demo.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "segment.identify user=user-7 anonymous=anon-42" in out
    assert "log_event 'Product Added'" in out and "anonymous=anon-42" in out
    assert "violation: Order Completed: Total must be >= 0, got -1" in out
