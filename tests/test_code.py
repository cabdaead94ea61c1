"""trackplan's own code meets the bar it sets for generated code.

The Python package is clean under ruff (the rules in pyproject.toml) and mypy --strict;
the TypeScript runtime files, which are pasted into generated modules, compile alone
under the compiler options generated code must pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.typescript import support

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_TS = ROOT / "src" / "trackplan" / "targets" / "typescript" / "runtime"
LINTED = ["src", "tests", "benchmarks"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )


def test_ruff_check() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run(
        sys.executable, "-m", "ruff", "format", "--check", "--no-cache", *LINTED
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_package() -> None:
    # the files and options are pyproject.toml's [tool.mypy]
    result = _run(sys.executable, "-m", "mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


def test_typescript_runtime_compiles(tmp_path: Path) -> None:
    files = sorted(RUNTIME_TS.glob("*.ts"))
    assert len(files) >= 7
    result = support.tsc(tmp_path, files, noEmit=True)
    assert result.returncode == 0, result.stdout + result.stderr
