"""Run the TypeScript call finder (`typescript_calls.js`) with Node."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


class AnalysisError(Exception):
    """The TypeScript analysis could not run (no Node, no `typescript` package)."""


@dataclass(frozen=True)
class TsCall:
    path: Path
    line: int
    col: int
    method: str
    known: bool  # declared by the generated Tracker


def find_calls(
    files: list[Path], generated: Path, generated_text: str | None, search: list[Path]
) -> tuple[list[TsCall], list[tuple[Path, str]]]:
    """Calls of the Tracker generated at `generated` among `files`, and problems.

    A file whose name is not valid UTF-8 cannot be named to Node: it is a problem.
    """
    problems: list[tuple[Path, str]] = []
    named = []
    for f in files:
        if _utf8(str(f)):
            named.append(f)
        else:
            problems.append((f, "not analysed: its name is not valid UTF-8"))
    if not _utf8(str(generated)):
        raise AnalysisError(
            f"the TypeScript analysis failed: the generated file's path, {generated}, "
            "is not valid UTF-8"
        )
    node = shutil.which("node")
    if node is None:
        raise AnalysisError(
            "Node.js is needed to read TypeScript sources; 'node' not found"
        )
    script = resources.files("trackplan.status").joinpath("typescript_calls.js")
    request = {
        "files": [str(f) for f in named],
        "generated": str(generated),
        "generatedText": generated_text,
        "searchPaths": [str(p) for p in search],
        # Where the `typescript` package is, when it is not installed in the project.
        "typescript": os.environ.get("TRACKPLAN_TYPESCRIPT"),
    }
    with resources.as_file(script) as path:
        done = subprocess.run(
            [node, str(path)],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    try:
        answer = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise AnalysisError(
            f"the TypeScript analysis failed: {done.stderr.strip() or exc}"
        ) from exc
    if "error" in answer:
        raise AnalysisError(f"the TypeScript analysis failed: {answer['error']}")
    calls = [
        TsCall(
            Path(c["path"]),
            int(c["line"]),
            int(c["col"]),
            str(c["method"]),
            bool(c["known"]),
        )
        for c in answer["calls"]
    ]
    problems += [(Path(p["path"]), str(p["message"])) for p in answer["problems"]]
    return calls, problems


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
