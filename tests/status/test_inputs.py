"""`trackplan status` on awkward inputs: symlinks, odd file names, missing roots,
absolute globs, invalid plans, TypeScript that does not parse, and no Node.js.

Never a traceback: each is analysed, listed as a problem, or a usage error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.status.support import (
    HERE,
    python_tree,
    run,
    run_json,
    typescript_tree,
)
from trackplan import pipeline, status
from trackplan.status import typescript

CALL = 'Tracker(env="dev", destinations={}).signed_up(user_id_="u1")\n'
TS_CALL = (
    'import { Tracker } from "./tracking";\n'
    'new Tracker({ env: "dev", destinations: { segment: {} } }).signedUp();\n'
)


def _source(report: dict[str, object]) -> dict[str, object]:
    sources = report["sources"]
    assert isinstance(sources, list)
    (source,) = sources
    assert isinstance(source, dict)
    return source


def _calls(report: dict[str, object], method: str) -> list[str]:
    events = _source(report)["events"]
    assert isinstance(events, list)
    (calls,) = [e["calls"] for e in events if e["method"] == method]
    assert isinstance(calls, list)
    return calls


def test_a_symlinked_file_is_read_where_it_is_found(tmp_path: Path) -> None:
    python_tree(
        tmp_path / "repo",
        {
            "app/__init__.py": "",
            "../shared/o.py": "from app.tracking import *\n" + CALL,
        },
    )
    (tmp_path / "repo/app/linked.py").symlink_to(tmp_path / "shared/o.py")
    report = run_json(tmp_path / "repo")
    assert _source(report)["problems"] == []
    assert _calls(report, "signed_up") == ["app/linked.py:2:1"]


def test_a_root_that_is_a_symlink_out_of_the_plan_directory(tmp_path: Path) -> None:
    python_tree(
        tmp_path / "repo",
        {"../elsewhere/backend/o.py": "from app.tracking import Tracker\n" + CALL},
    )
    (tmp_path / "repo/backend").symlink_to(tmp_path / "elsewhere/backend")
    report = run_json(tmp_path / "repo", "--root", "backend=backend")
    assert _source(report)["roots"] == ["backend"]
    assert _calls(report, "signed_up") == ["backend/o.py:2:1"]


def test_a_root_that_does_not_exist_is_a_problem(tmp_path: Path) -> None:
    python_tree(tmp_path, {"app/o.py": "from app.tracking import Tracker\n" + CALL})
    result = run(tmp_path, "--root", "backend=nosuch", "--allow-missing")
    assert result.exit_code == 1, result.output
    assert "problem: root nosuch: no such directory" in result.output
    assert "MISSING" not in result.output
    report = run_json(tmp_path, "--root", "backend=nosuch", "--root", "backend=app")
    source = _source(report)
    assert source["failed"] is True
    assert source["problems"] == ["root nosuch: no such directory"]
    # What the other root holds is still reported; the rest is not known.
    assert _calls(report, "signed_up") == ["app/o.py:2:1"]
    events = source["events"]
    assert isinstance(events, list)
    assert {e["status"] for e in events} == {"implemented", "unknown"}


def test_an_absolute_glob_is_a_usage_error(tmp_path: Path) -> None:
    python_tree(tmp_path, {})
    result = run(tmp_path, "--glob", "backend=/etc/*.py")
    assert result.exit_code == 2, result.output
    assert "relative to each root" in result.output
    for pattern in ("**foo", "."):
        refused = run(tmp_path, "--glob", f"backend={pattern}")
        assert refused.exit_code == 2, refused.output
        assert "not a usable pattern" in refused.output
    # Through the library: a problem of the source, not an exception.
    loaded = pipeline.load(tmp_path / "trackplan.yaml")
    report = status.status(
        loaded, tmp_path / "trackplan.yaml", globs={"backend": ["/etc/*.py"]}
    )
    (source,) = report.sources
    assert source.failed
    assert source.problems == (
        "glob /etc/*.py: a pattern is relative to each root; give the directory "
        "with --root",
    )


def test_json_is_utf8_whatever_the_file_names(tmp_path: Path) -> None:
    body = "from app.tracking import Tracker\n" + CALL
    python_tree(tmp_path, {"app/__init__.py": ""})
    (tmp_path / os.fsdecode(b"app/caf\xe9.py")).write_text(body, encoding="utf-8")
    (tmp_path / "app/new\nline.py").write_text(body, encoding="utf-8")
    report = run_json(tmp_path)  # decodes stdout as UTF-8, strictly
    assert _calls(report, "signed_up") == [
        "app/caf\\xe9.py:2:1",
        "app/new\nline.py:2:1",
    ]
    table = run(tmp_path, "--allow-missing")
    assert table.exit_code == 0, table.output
    (line,) = [x for x in table.stdout.splitlines() if "Signed Up" in x]
    assert "app/caf\\xe9.py:2:1, app/new\\nline.py:2:1" in line


def test_plan_errors_are_json_with_json(tmp_path: Path) -> None:
    (tmp_path / "trackplan.yaml").write_text(
        "version: 1\nworkspace: {name: Broken}\nevents: {Order Completed: {x: 1}}\n",
        encoding="utf-8",
    )
    result = run(tmp_path, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["plan"] == "trackplan.yaml"
    assert report["diagnostics"]
    first = report["diagnostics"][0]
    assert set(first) == {
        "file",
        "line",
        "col",
        "severity",
        "code",
        "message",
        "hint",
    }
    assert first["file"] == "trackplan.yaml"
    assert first["severity"] == "error"
    assert first["code"].startswith("TP")
    # The text stays on stderr.
    assert first["code"] in result.stderr


# -- TypeScript ----------------------------------------------------------------------


def test_typescript_files_that_do_not_parse_are_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typescript_tree(
        tmp_path,
        {
            "web/src/ok.ts": TS_CALL,
            "web/src/broken.ts": TS_CALL + "export function (: {\n",
        },
        monkeypatch,
    )
    report = run_json(tmp_path)
    source = _source(report)
    assert source["failed"] is False
    problems = source["problems"]
    assert isinstance(problems, list)
    (problem,) = problems
    assert problem.startswith("web/src/broken.ts: not parsed: line 3, col 17: ")
    # A file that does not parse is not read at all, as in Python.
    assert _calls(report, "signedUp") == ["web/src/ok.ts:2:1"]


def test_a_deeply_nested_typescript_file_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typescript_tree(
        tmp_path,
        {
            "web/src/ok.ts": TS_CALL,
            "web/src/deep.ts": "export const x = " + "+".join(["1"] * 5000) + ";\n",
            "web/src/deeper.ts": "export const y = "
            + "f(" * 5000
            + "1"
            + ")" * 5000
            + ";\ndeclare function f(n: number): number;\n",
        },
        monkeypatch,
    )
    report = run_json(tmp_path)
    source = _source(report)
    assert source["failed"] is False
    assert source["problems"] == ["web/src/deeper.ts: not analysed: too deeply nested"]
    assert _calls(report, "signedUp") == ["web/src/ok.ts:2:1"]


def test_a_typescript_file_name_that_is_not_utf8_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typescript_tree(tmp_path, {"web/src/ok.ts": TS_CALL}, monkeypatch)
    (tmp_path / os.fsdecode(b"web/src/caf\xe9.ts")).write_text(
        TS_CALL, encoding="utf-8"
    )
    report = run_json(tmp_path)
    source = _source(report)
    assert source["files"] == 2
    assert source["problems"] == [
        "web/src/caf\\xe9.ts: not analysed: its name is not valid UTF-8"
    ]
    assert _calls(report, "signedUp") == ["web/src/ok.ts:2:1"]


def test_without_node_every_event_is_unknown_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = (HERE / "typescript_app" / "trackplan.yaml").read_text(encoding="utf-8")
    (tmp_path / "trackplan.yaml").write_text(plan, encoding="utf-8")
    monkeypatch.setattr(typescript.shutil, "which", lambda name: None)
    result = run(tmp_path)
    assert result.exit_code == 1
    assert "missing" not in result.stdout.lower()
    assert "11 event(s) unknown" in result.stdout
    report = run_json(tmp_path)
    events = _source(report)["events"]
    assert isinstance(events, list)
    assert {e["status"] for e in events} == {"unknown"}
