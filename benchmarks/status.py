"""`trackplan status` time on synthetic Python trees of 1,000, 5,000 and 10,000 files.

    python benchmarks/status.py

Each tree is packages of 50 modules next to a plan whose Python source generates
`app/tracking.py`. Every module imports the generated module (three ways, in turn), a
sibling and a module of the next package, defines a function that takes a Tracker,
and calls one event. Reports the best of several runs per size, the time per file, and
the ratio of each size's time to the 1,000-file time measured in the same process
(near-linear growth keeps the per-file time flat).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from trackplan import pipeline, status

PLAN = """version: 1
workspace: {name: Status benchmark}
destinations:
  log: {kind: custom}
sources:
  backend: {platform: server, language: python, output: app/tracking.py,
            destinations: [log]}
events:
"""
EVENTS = 20
PER_PACKAGE = 50

IMPORTS = (
    "from app.tracking import Tracker\n",
    "from app import tracking\nTracker = tracking.Tracker\n",
    "import app.tracking as tr\nTracker = tr.Tracker\n",
)


def module(package: int, index: int, packages: int) -> str:
    sibling = (index + 1) % PER_PACKAGE
    following = (package + 1) % packages
    event = (package * PER_PACKAGE + index) % EVENTS
    return (
        f'"""Module {index} of package {package}."""\n\n'
        + IMPORTS[index % len(IMPORTS)]
        + f"from pkg{package}.mod{sibling} import helper as sibling_helper\n"
        f"import pkg{following}.mod{index}\n\n"
        "SHARED = Tracker(env='dev', destinations={})\n\n\n"
        "def helper(tracker: Tracker, user: str) -> None:\n"
        "    if user:\n"
        f"        tracker.event_{event}(user_id_=user)\n"
        "    values = [n * 2 for n in range(10) if n % 3]\n"
        "    return None if values else sibling_helper(tracker, user)\n\n\n"
        "class Service:\n"
        "    def __init__(self) -> None:\n"
        "        self.tracker = SHARED\n\n"
        "    def run(self, user: str) -> None:\n"
        "        helper(self.tracker, user)\n"
    )


def tree(root: Path, files: int) -> Path:
    packages = files // PER_PACKAGE
    (root / "app").mkdir(parents=True)
    (root / "app" / "__init__.py").write_text("")
    for package in range(packages):
        directory = root / f"pkg{package}"
        directory.mkdir()
        (directory / "__init__.py").write_text("")
        for index in range(PER_PACKAGE - 1):  # with __init__.py: 50 per package
            (directory / f"mod{index}.py").write_text(module(package, index, packages))
    plan = root / "trackplan.yaml"
    plan.write_text(
        PLAN + "".join(f"  Event {n}: {{}}\n" for n in range(EVENTS)), encoding="utf-8"
    )
    return plan


def best_of(runs: int, plan: Path) -> tuple[float, int]:
    loaded = pipeline.load(plan)
    assert loaded.ok, loaded.diagnostics
    best = float("inf")
    count = 0
    for _ in range(runs):
        start = time.perf_counter()
        report = status.status(loaded, plan)
        best = min(best, time.perf_counter() - start)
        (source,) = report.sources
        assert not source.problems and not source.missing, source
        count = source.files
    return best, count


def main() -> None:
    sizes = (1000, 5000, 10000)
    times = {}
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            plan = tree(Path(tmp) / f"tree{size}", size)
            times[size], counts[size] = best_of(3 if size < 10000 else 2, plan)
    base = times[sizes[0]]
    print(f"{'files':>7} {'seconds':>9} {'ms/file':>9} {'x 1,000-file time':>18}")
    for size in sizes:
        t = times[size]
        print(
            f"{counts[size]:>7} {t:>9.2f} {t / counts[size] * 1000:>9.3f} "
            f"{t / base:>18.1f}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
