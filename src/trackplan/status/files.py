"""Which files of a source's code are read: roots, globs and the directories skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

DEFAULT_GLOBS = {
    "python": ("**/*.py",),
    "typescript": ("**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"),
}

# Never code of the source itself: dependencies, caches, build output, version control.
SKIPPED_DIRS = frozenset(
    ["node_modules", "__pycache__", "site-packages", "venv", "build", "dist"]
)


def _skipped(relative: Path) -> bool:
    return any(
        part in SKIPPED_DIRS or (part.startswith(".") and part not in {".", ".."})
        for part in relative.parts[:-1]
    )


def collect(roots: Iterable[Path], globs: Iterable[str], language: str) -> list[Path]:
    """Every file under a root matching a glob, skipping SKIPPED_DIRS and dot dirs."""
    found: set[Path] = set()
    for root in roots:
        for pattern in globs:
            for path in root.glob(pattern):
                relative = path.relative_to(root)
                if not path.is_file() or _skipped(relative):
                    continue
                if language == "typescript" and path.name.endswith(".d.ts"):
                    continue
                found.add(Path(os.path.abspath(path)))
    return sorted(found)


def shown(path: Path, base: Path) -> str:
    """A path relative to `base` when it is under it, with forward slashes."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    return Path(relative).as_posix()
