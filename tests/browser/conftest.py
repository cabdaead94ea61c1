"""Build the SDK test pages and the Node journey once per session.

The generated trackers of plan/trackplan.yaml, the entry files of this directory, the
static TypeScript runtime and a link to the repository's node_modules go into one
temporary directory; tsc checks the entries against the real SDK types, and esbuild
bundles them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.typescript import support

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
NODE_MODULES = ROOT / "node_modules"
ESBUILD = NODE_MODULES / ".bin" / "esbuild"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "segment": "segment_page.ts",
    "posthog": "posthog_page.ts",
    "mixpanel": "mixpanel_page.ts",
    "amplitude": "amplitude_page.ts",
    "recognition": "recognition_page.ts",
}
ENTRIES = ("journey.ts", *PAGES.values(), "node_journey.ts")
# The static TypeScript runtime, whose adapter files recognition_page.ts imports.
RUNTIME = ROOT / "src" / "trackplan" / "targets" / "typescript" / "runtime"


@dataclass(frozen=True)
class Build:
    site: Path  # the pages and their bundles, served by the test server
    node_journey: Path  # the bundled Node journey


def _missing_npm() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    for need in (ESBUILD, support.TSC, NODE_MODULES / "playwright-core"):
        if not need.exists():
            return f"{need} is missing: run `npm ci` at the repository root"
    return None


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, (
        f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    )


@pytest.fixture(scope="session")
def chromium() -> str:
    """The system Chromium: missing, the browser tests fail (CI installs it)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's chromium package "
            "(apt-get install chromium; .ci/apt-packages lists it)",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    missing = _missing_npm()
    if missing is not None:
        pytest.fail(missing, pytrace=False)
    work = tmp_path_factory.mktemp("sdk-journeys")
    shutil.copy(HERE / "plan" / "trackplan.yaml", work / "trackplan.yaml")
    support.generate(work / "trackplan.yaml")
    for entry in ENTRIES:
        shutil.copy(HERE / entry, work / entry)
    shutil.copytree(RUNTIME, work / "runtime")
    (work / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    checked = support.tsc(
        work,
        [work / e for e in ENTRIES],
        noEmit=True,
        lib=["ES2019", "DOM"],
        module="ESNext",
        moduleResolution="bundler",
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = work / "site"
    site.mkdir()
    for name, entry in PAGES.items():
        _run(
            [
                str(ESBUILD),
                entry,
                "--bundle",
                "--platform=browser",
                "--format=iife",
                "--log-level=warning",
                f"--outfile={site / name}.js",
            ],
            work,
        )
        (site / f"{name}.html").write_text(
            f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{name}</title>'
            f'</head><body><script src="{name}.js"></script></body></html>\n',
            encoding="utf-8",
        )
    node_journey = work / "node_journey.cjs"
    _run(
        [
            str(ESBUILD),
            "node_journey.ts",
            "--bundle",
            "--platform=node",
            "--format=cjs",
            "--log-level=warning",
            f"--outfile={node_journey}",
        ],
        work,
    )
    return Build(site=site, node_journey=node_journey)
