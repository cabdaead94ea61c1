"""The compiled output of the TypeScript test plans, shared by the behaviour tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.typescript import support
from tests.typescript.scenario import compile_js


@pytest.fixture(scope="session")
def js(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Compiled client and server modules of the full and legacy plans, by name."""
    root = tmp_path_factory.mktemp("ts-behaviour")
    out: dict[str, Path] = {}
    sources = []
    for plan in ("full", "legacy"):
        (root / plan).mkdir()
        shutil.copy(support.HERE / "plans" / plan / "trackplan.yaml", root / plan)
        files = support.generate(root / plan / "trackplan.yaml")
        sources += [files["web"], files["node"]]
    compile_js(root, sources)
    for plan in ("full", "legacy"):
        out[f"{plan}-client"] = root / "js" / plan / "out" / "client.js"
        out[f"{plan}-server"] = root / "js" / plan / "out" / "server.js"
    return out
