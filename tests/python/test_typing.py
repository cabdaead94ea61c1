"""The golden Python output type-checks, passes ruff, and mypy rejects every bad call."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import cases

HERE = Path(__file__).resolve().parent


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_golden_python_and_bad_calls_pass_mypy_strict() -> None:
    # One run over every golden module and the bad-calls file: every `# type: ignore[code]`
    # there must match an error (--warn-unused-ignores), and nothing else may be an error.
    outputs = cases.python_outputs()
    path = os.pathsep.join(sorted({str(p.parent) for p in outputs}))
    run(
        "mypy",
        "--strict",
        "--warn-unused-ignores",
        "--no-incremental",
        "--python-version",
        "3.10",
        *(arg for p in outputs for arg in ("-m", p.stem)),
        "-m",
        "bad_calls",
        env={"MYPYPATH": os.pathsep.join([path, str(HERE)])},
    )


def test_golden_python_is_clean_under_ruff_defaults() -> None:
    outputs = [str(p) for p in cases.python_outputs()]
    run("ruff", "check", "--isolated", "--target-version", "py39", *outputs)
    run("ruff", "format", "--isolated", "--check", *outputs)


def test_golden_python_compiles_for_python_39() -> None:
    # Syntax that needs a newer Python (match, except*, PEP 695) fails here; annotations
    # are strings under `from __future__ import annotations`, so `X | None` is fine.
    import ast

    for path in cases.python_outputs():
        ast.parse(path.read_text(encoding="utf-8"), feature_version=(3, 9))
