"""Generated TypeScript compiles under tsc --strict, and tsc rejects every bad call."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.typescript import support

pytestmark = pytest.mark.skipif(
    not support.have_tools(), reason="needs node and `npm ci` (node_modules/.bin/tsc)"
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """Every test plan, and every golden case with TypeScript sources added."""
    root = tmp_path_factory.mktemp("ts-compile")
    files: list[Path] = []
    for plan in sorted((support.HERE / "plans").glob("*/trackplan.yaml")):
        copy = root / plan.parent.name
        copy.mkdir()
        shutil.copy(plan, copy / "trackplan.yaml")
        files += support.generate(copy / "trackplan.yaml").values()
    for golden in sorted(support.CASES.glob("*/expected/*.ts")):
        copy = root / "cases" / golden.parent.parent.name / golden.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(golden, copy)
        files.append(copy)
    shutil.copy(support.HERE / "bad_calls.ts", root / "bad_calls.ts")
    return root, [f for f in files if f.suffix == ".ts"]


def test_every_output_and_the_bad_calls_compile_in_one_run(
    generated: tuple[Path, list[Path]],
) -> None:
    root, files = generated
    assert len(files) >= 10
    result = support.tsc(root, [*files, root / "bad_calls.ts"], noEmit=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_bad_calls_are_errors_without_their_directives(
    generated: tuple[Path, list[Path]],
) -> None:
    root, _ = generated
    text = (root / "bad_calls.ts").read_text(encoding="utf-8")
    expected = text.count("// @ts-expect-error")
    bare = root / "bad_calls_bare.ts"
    bare.write_text(
        text.replace("// @ts-expect-error", "// expect-error"), encoding="utf-8"
    )
    result = support.tsc(root, [bare], noEmit=True)
    lines = {
        line.split("(")[1].split(",")[0]
        for line in result.stdout.splitlines()
        if line.startswith(str(bare)) or "bad_calls_bare.ts(" in line
    }
    assert len(lines) == expected, result.stdout
