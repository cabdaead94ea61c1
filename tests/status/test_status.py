"""`trackplan status` on small code trees that call the generated Tracker every way.

Each tree holds a plan, code and the report a person checked (expected.json). Calls in
comments, docstrings and strings must not count; aliases text search misses must.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.status.support import (
    CALL_TREES,
    HERE,
    TREES,
    render_tree,
    runnable,
    typescript_available,
)
from trackplan.cli import main
from trackplan.status import files, typescript


@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.name)
def test_report_matches_expected(tree: Path) -> None:
    if not runnable(tree):
        pytest.skip(
            f"{tree.name}: its target or Node.js with 'typescript' is missing here"
        )
    expected = (tree / "expected.json").read_text(encoding="utf-8")
    assert render_tree(tree) == expected


def _calls(tree: Path) -> dict[str, list[str]]:
    report = json.loads((tree / "expected.json").read_text(encoding="utf-8"))
    (source,) = report["sources"]
    return {e["event"]: e["calls"] for e in source["events"]}


@pytest.mark.parametrize("tree", CALL_TREES, ids=lambda p: p.name)
def test_decoys_never_count(tree: Path) -> None:
    calls = _calls(tree)
    assert calls["Refund Issued"] == []
    assert calls["Wishlist Cleared"] == []
    assert not any("decoys" in site for sites in calls.values() for site in sites)
    # A method of the same name on another class is not a Tracker call.
    assert len(calls["Order Completed"]) == 1


def test_typescript_finder_on_the_file_on_disk() -> None:
    """The Node script alone, reading the stand-in generated file from disk."""
    if not typescript_available():
        pytest.skip("Node.js or the 'typescript' npm package (npm install) is missing")
    tree = HERE / "typescript_app"
    generated = tree / "web/src/tracking.ts"
    found = [
        f
        for f in files.collect([tree], files.DEFAULT_GLOBS["typescript"], "typescript")
        if f.resolve() != generated.resolve()
    ]
    calls, problems = typescript.find_calls(
        found, generated.resolve(), None, [Path.cwd()]
    )
    assert problems == []
    seen = {(files.shown(c.path, tree), c.line, c.method, c.known) for c in calls}
    assert ("web/src/catalog.ts", 14, "couponApplied", True) in seen  # destructured
    assert ("web/src/catalog.ts", 10, "pageShown", True) in seen  # alias .call
    assert ("web/src/cart.ts", 16, "giftCardRedeemed", False) in seen
    assert not any(path.endswith("decoys.ts") for path, *_ in seen)


def test_cli_exit_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = HERE / "python_app"
    monkeypatch.chdir(tree)
    runner = CliRunner()
    missing = runner.invoke(main, ["status"])
    assert missing.exit_code == 1, missing.output
    assert "Refund Issued" in missing.output
    assert "MISSING" in missing.output
    allowed = runner.invoke(main, ["status", "--allow-missing", "--json"])
    assert allowed.exit_code == 0, allowed.output
    assert json.loads(allowed.output)["sources"][0]["source"] == "backend"
    bad = runner.invoke(main, ["status", "--root", "nosuch=app"])
    assert bad.exit_code == 2


def test_root_and_glob_narrow_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE / "python_app")
    result = CliRunner().invoke(
        main,
        [
            "status",
            "--json",
            "--allow-missing",
            "--root",
            "backend=app",
            "--glob",
            "backend=orders.py",
        ],
    )
    assert result.exit_code == 0, result.output
    (source,) = json.loads(result.output)["sources"]
    assert source["roots"] == ["app"]
    assert source["files"] == 1
    implemented = [e["event"] for e in source["events"] if e["status"] == "implemented"]
    assert implemented == ["Order Completed"]


def test_an_unparsable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "trackplan.yaml").write_text(
        (HERE / "python_app" / "trackplan.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (tmp_path / "broken.py").write_text("def (:\n", encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["status", "--allow-missing"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "broken.py: not parsed" in result.output
