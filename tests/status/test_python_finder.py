"""The Python call finder on code shapes the status trees do not hold.

Each test writes a small tree next to python_app's plan (source `backend`, generated
module app/tracking.py) and reads the --json report.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath
from types import FrameType

import pytest

from tests.status.support import python_tree, run, run_json
from trackplan.status import python

CALL = 'Tracker(env="dev", destinations={}).signed_up(user_id_="u1")\n'


def _source(report: dict[str, object]) -> dict[str, object]:
    sources = report["sources"]
    assert isinstance(sources, list)
    (source,) = sources
    assert isinstance(source, dict)
    return source


def _calls(report: dict[str, object]) -> dict[str, list[str]]:
    events = _source(report)["events"]
    assert isinstance(events, list)
    return {e["method"]: e["calls"] for e in events}


def _problems(report: dict[str, object]) -> list[str]:
    problems = _source(report)["problems"]
    assert isinstance(problems, list)
    return problems


def test_a_deeply_nested_file_is_a_problem_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    python_tree(
        tmp_path,
        {
            # A long sum: flattened, so not too deep.
            "app/deep.py": "x = " + "+".join(["f()"] * 1500) + "\n",
            # Deeper than ast itself parses.
            "app/deeper.py": "x = " + "+".join(["1"] * 5000) + "\n",
            # Deeper than the walker follows: ast parses it, the walker stops.
            "app/chain.py": "x = " + "not " * 1000 + "f()\n",
            "app/ok.py": "from app.tracking import Tracker\n" + CALL,
        },
    )
    report = run_json(tmp_path)
    assert _calls(report)["signed_up"] == ["app/ok.py:2:1"]
    problems = _problems(report)
    assert "app/deeper.py: not analysed: too deeply nested" in problems
    assert "app/chain.py: not analysed: too deeply nested" in problems
    # A long sum is flattened, not refused: a call inside it still counts.
    assert not any(p.startswith("app/deep.py") for p in problems)
    assert len(problems) == 2


def test_a_long_sum_and_a_long_elif_chain_are_read(tmp_path: Path) -> None:
    branches = "".join(f"elif x == {i}:\n    pass\n" for i in range(600))
    terms = "x = " + "+".join(["1"] * 1500) + " + "
    python_tree(
        tmp_path,
        {
            "app/sum.py": "from app.tracking import Tracker\n" + terms + CALL,
            "app/branches.py": "from app.tracking import Tracker\n"
            "x = 1\nif x == -1:\n    pass\n" + branches + "else:\n    " + CALL,
        },
    )
    report = run_json(tmp_path)
    assert _problems(report) == []
    # The call after the 600 elif branches (two lines each), and after the sum.
    assert _calls(report)["signed_up"] == [
        "app/branches.py:1206:5",
        f"app/sum.py:2:{len(terms) + 1}",
    ]


def test_a_coding_declaration_is_honoured(tmp_path: Path) -> None:
    python_tree(
        tmp_path,
        {
            "app/legacy.py": b"# -*- coding: latin-1 -*-\n"
            b"from app.tracking import Tracker\n"
            b"NAME = 'caf\xe9'\n" + CALL.encode(),
        },
    )
    report = run_json(tmp_path)
    assert _problems(report) == []
    assert _calls(report)["signed_up"] == ["app/legacy.py:4:1"]


def test_a_global_statement_binds_the_module_name(tmp_path: Path) -> None:
    python_tree(
        tmp_path,
        {
            "app/state.py": """
from app.tracking import Tracker

_tracker = None


def init() -> None:
    global _tracker
    _tracker = Tracker(env="dev", destinations={})


def sign_up() -> None:
    _tracker.signed_up(user_id_="u1")
""",
            "app/use.py": """
from app.state import _tracker


def view() -> None:
    _tracker.product_viewed(user_id_="u1")
""",
            "app/closure.py": """
from app.tracking import Tracker


def outer():
    held = None

    def start():
        nonlocal held
        held = Tracker(env="dev", destinations={})

    def send():
        held.page_shown(user_id_="u1")

    return start, send
""",
        },
    )
    calls = _calls(run_json(tmp_path))
    assert calls["signed_up"] == ["app/state.py:13:5"]
    assert calls["product_viewed"] == ["app/use.py:6:5"]
    assert calls["page_shown"] == ["app/closure.py:13:9"]


def test_a_long_re_export_chain_reaches_a_fixed_point(tmp_path: Path) -> None:
    # m40 imports the Tracker, m39 imports it from m40, ... m00 calls it: walked in
    # name order, each round learns one more link.
    tree: dict[str, str | bytes] = {
        "app/m40.py": "from app.tracking import Tracker as T\n"
    }
    for i in range(40):
        tree[f"app/m{i:02}.py"] = f"from app.m{i + 1:02} import T\n"
    tree["app/use.py"] = "from app.m00 import T\n" + CALL.replace("Tracker", "T")
    python_tree(tmp_path, tree)
    report = run_json(tmp_path)
    assert _problems(report) == []
    assert _calls(report)["signed_up"] == ["app/use.py:2:1"]


def test_nested_functions_are_walked_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    depth = 16
    code = "from app.tracking import Tracker\n"
    for level in range(depth):
        code += "    " * level + f"def f{level}():\n"
    code += "    " * depth + CALL
    python_tree(tmp_path, {"app/nested.py": code})
    walked = 0
    original = python._Walker.function

    def counting(self: python._Walker, *args: object, **kwargs: object) -> None:
        nonlocal walked
        walked += 1
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(python._Walker, "function", counting)
    report = run_json(tmp_path)
    assert _calls(report)["signed_up"] == [f"app/nested.py:{depth + 2}:{4 * depth + 1}"]
    # Linear in the depth (each function twice per round), not 2 ** depth.
    assert walked < 10 * depth


def _resolution_work(root: Path, count: int) -> int:
    """Builtin calls made while resolving `count` files' imports (no timing)."""
    for i in range(count):
        path = root / f"pkg{i}" / f"mod{i}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"from app.tracking import Tracker\nimport pkg{(i + 1) % count}.mod\n",
            encoding="utf-8",
        )
    finder = python.Finder(root, PurePosixPath("app/tracking.py"))
    for path in sorted(root.glob("pkg*/*.py")):
        finder.add(path)
    calls = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        if event == "c_call":
            calls += 1

    sys.setprofile(profile)
    try:
        finder.run()
    finally:
        sys.setprofile(None)
    return calls


def test_module_resolution_is_near_linear_in_the_file_count(tmp_path: Path) -> None:
    small = _resolution_work(tmp_path / "small", 150)
    large = _resolution_work(tmp_path / "large", 600)
    # Four times the files: about four times the work, not sixteen.
    assert large < 6 * small, (small, large)


def test_the_nearest_module_of_a_name_wins(tmp_path: Path) -> None:
    """Each service runs its own `tracking.py` as a script-style import."""
    plan = """version: 1
workspace: {name: Nearest}
destinations:
  log: {kind: custom}
sources:
  alpha: {platform: server, language: python, output: svc_a/tracking.py, destinations: [log]}
  beta: {platform: server, language: python, output: svc_b/tracking.py, destinations: [log]}
events:
  Signed Up: {}
"""
    python_tree(
        tmp_path,
        {
            "trackplan.yaml": plan,
            "svc_b/main.py": "from tracking import Tracker\n" + CALL,
        },
    )
    result = run(tmp_path, "--json")
    assert result.exit_code == 1, result.output
    report = run_json(tmp_path)
    sources = report["sources"]
    assert isinstance(sources, list)
    found = {s["source"]: s["events"][0]["calls"] for s in sources}
    assert found == {"alpha": [], "beta": ["svc_b/main.py:2:1"]}
