"""The golden test cases: tests/cases/<name>/trackplan.yaml and its expected/ output."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from trackplan import pipeline

CASES = Path(__file__).resolve().parent.parent / "cases"
DIAGNOSTICS = "diagnostics.txt"


def names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "trackplan.yaml").is_file())


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def render(name: str) -> dict[str, str]:
    """What the case should hold in expected/: output files by relative path, and the
    diagnostics as `trackplan validate` prints them."""
    case = CASES / name
    with _cwd(case):
        result = pipeline.generate("trackplan.yaml")
    out = {
        str(f.path.relative_to("."))
        if not f.path.is_absolute()
        else f.path.name: f.text
        for f in result.files
    }
    out[DIAGNOSTICS] = "".join(d.render() + "\n" for d in result.diagnostics)
    return out


def expected(name: str) -> dict[str, str]:
    root = CASES / name / "expected"
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def python_outputs() -> list[Path]:
    """Every golden Python module."""
    return sorted(
        p for p in CASES.glob("*/expected/**/*.py") if "__pycache__" not in p.parts
    )
