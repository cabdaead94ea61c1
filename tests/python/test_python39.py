"""Generated modules run on Python 3.9, the oldest Python they support.

Every golden module is imported by a Python 3.9 interpreter and every event method is
called in prod with no arguments (so the mending guard, the checks and the reporting all
run) and in dev with strict=False; nothing may raise in prod, and each call reports.
"""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import cases

SCRIPT = r"""
import importlib.util, inspect, json, sys

class Recorder:
    def __init__(self, log):
        self.log = log
    def log_event(self, name, properties, **ids):
        self.log.append(name)

out = {}
for path in sys.argv[1:]:
    spec = importlib.util.spec_from_file_location("m", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    log, reported = [], []
    names = [name for name, _, _ in module._TP_DESTINATIONS]
    options = {}
    if "system_properties" in inspect.signature(module.Tracker).parameters:
        options["system_properties"] = {}
    tracker = module.Tracker(
        env="prod",
        destinations={name: Recorder(log) for name in names},
        on_violation=reported.append,
        **options,
    )
    calls = 0
    for method, _event in module.Tracker._tp_events:
        getattr(tracker, method)()
        calls += 1
    out[path] = {
        "version": list(sys.version_info[:2]),
        "calls": calls,
        "reported": len(reported),
        "kinds": sorted({v.kind for v in reported}),
    }
print(json.dumps(out))
"""


def _python39() -> str | None:
    found = [
        shutil.which("python3.9"),
        *glob.glob("/root/.pyenv/versions/3.9*/bin/python3.9"),
    ]
    for candidate in found:
        if candidate is None:
            continue
        probe = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info[:2] == (3, 9))"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.stdout.strip() == "True":
            return candidate
    return None


def test_golden_modules_run_on_python_39(tmp_path: Path) -> None:
    python = _python39()
    if python is None:
        pytest.skip("no Python 3.9 interpreter on this machine (pyenv or PATH)")
    outputs = [str(p) for p in cases.python_outputs()]
    result = subprocess.run(
        [python, "-c", SCRIPT, *outputs],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert sorted(report) == sorted(outputs)
    for path, run in report.items():
        assert run["version"] == [3, 9], path
        assert run["calls"] > 0, path
        # every call lacks something the plan requires, and prod reports it
        assert run["reported"] >= run["calls"], path
        assert "internal" not in run["kinds"], (path, run["kinds"])
