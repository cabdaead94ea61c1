"""The golden Python output type-checks, passes ruff, and mypy rejects every bad call."""

from __future__ import annotations

import json
import os
import re
import shutil
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


PYRIGHT = HERE.parent.parent / "node_modules" / ".bin" / "pyright"


def test_pyright_rejects_every_bad_call_and_accepts_the_goldens(tmp_path: Path) -> None:
    # pyright (standard mode) over the same files. Each `# type: ignore[code]` becomes a
    # `# pyright: ignore`, and an ignore that suppresses nothing is an error, so pyright
    # must reject every bad call and find nothing else wrong.
    assert PYRIGHT.exists(), f"{PYRIGHT} is missing: run `npm ci`"
    for path in cases.python_outputs():
        shutil.copy(path, tmp_path / path.name)
    bad_calls = (HERE / "bad_calls.py").read_text(encoding="utf-8")
    ignores = re.compile(r"# type: ignore\[[a-z-]+\]")
    assert len(ignores.findall(bad_calls)) >= 30
    (tmp_path / "bad_calls.py").write_text(
        ignores.sub("# pyright: ignore", bad_calls), encoding="utf-8"
    )
    config = {
        "typeCheckingMode": "standard",
        "pythonVersion": "3.10",
        "enableTypeIgnoreComments": False,
        "reportUnnecessaryTypeIgnoreComment": "error",
    }
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    proc = subprocess.run(
        [str(PYRIGHT), "--outputjson"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report = json.loads(proc.stdout)
    problems = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
    ]
    assert problems == []
    assert report["summary"]["filesAnalyzed"] == len(cases.python_outputs()) + 1
