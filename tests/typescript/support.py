"""Generating, compiling and running the TypeScript output of test plans."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from trackplan import pipeline

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
TSC = ROOT / "node_modules" / ".bin" / "tsc"
CASES = ROOT / "tests" / "cases"

# The compiler options generated code must pass: stricter than `--strict` alone.
COMPILER_OPTIONS = {
    "target": "ES2019",
    "lib": ["ES2019"],
    "module": "ES2020",
    "moduleResolution": "node",
    "strict": True,
    "noUnusedLocals": True,
    "noUnusedParameters": True,
    "noImplicitReturns": True,
    "noImplicitOverride": True,
    "noPropertyAccessFromIndexSignature": True,
    "exactOptionalPropertyTypes": True,
    "noUncheckedIndexedAccess": True,
    "skipLibCheck": True,
    "types": [],
}


def have_tools() -> bool:
    return TSC.exists() and shutil.which("node") is not None


def generate(plan: Path) -> dict[str, Path]:
    """Write every source of `plan` next to it; return source name -> file."""
    result = pipeline.generate(plan)
    if not result.ok:
        raise AssertionError([d.message for d in result.diagnostics])
    out = {}
    for f in result.files:
        Path(f.path).parent.mkdir(parents=True, exist_ok=True)
        Path(f.path).write_text(f.text, encoding="utf-8")
        out[f.source] = Path(f.path)
    return out


def tsc(
    directory: Path, files: list[Path], **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run the pinned tsc over `files` with a tsconfig written into `directory`."""
    config = {
        "compilerOptions": {**COMPILER_OPTIONS, **options},
        "files": [str(f) for f in files],
    }
    path = directory / "tsconfig.json"
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    return subprocess.run(
        [str(TSC), "-p", str(path), "--pretty", "false"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
