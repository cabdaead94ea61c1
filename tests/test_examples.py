"""The example plan is valid, its generated files are fresh, and its demo runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "shop"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, check=False, cwd=EXAMPLE
    )


def test_generated_example_files_are_fresh() -> None:
    result = run(sys.executable, "-m", "trackplan", "generate", "--check")
    assert result.returncode == 0, result.stderr


def test_demo_shows_the_identity_rules() -> None:
    result = run(sys.executable, "backend/demo.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "segment.identify user=user-7 anonymous=anon-42" in out
    assert "log_event 'Product Added'" in out and "anonymous=anon-42" in out
    assert "violation: Order Completed: Total must be >= 0, got -1" in out
