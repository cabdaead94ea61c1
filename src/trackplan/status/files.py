"""Which files of a source's code are read: roots, globs and the directories skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath

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


def unusable_roots(roots: Iterable[Path]) -> list[tuple[Path, str]]:
    """Each root that is not a directory, and why."""
    unusable = []
    for root in roots:
        if not root.exists():
            unusable.append((root, "no such directory"))
        elif not root.is_dir():
            unusable.append((root, "not a directory"))
    return unusable


def pattern_problem(pattern: str) -> str | None:
    """Why a glob cannot be used, or None: a pattern is relative to each root."""
    if not pattern:
        return "an empty pattern"
    if PurePosixPath(pattern).is_absolute() or PureWindowsPath(pattern).anchor:
        return "a pattern is relative to each root; give the directory with --root"
    try:
        # What pathlib refuses, it refuses before reading any directory.
        next(iter(Path(os.devnull).glob(pattern)), None)
    except (ValueError, NotImplementedError) as exc:
        return f"not a usable pattern: {exc}"
    except IndexError:  # "." on Python 3.11
        return "not a usable pattern"
    return None


def collect(roots: Iterable[Path], globs: Iterable[str], language: str) -> list[Path]:
    """Every file under a root matching a glob, skipping SKIPPED_DIRS and dot dirs.

    Paths are absolute but not resolved: a file reached through a symlink keeps the
    path it has in the tree.
    """
    found: set[Path] = set()
    for root in roots:
        for pattern in globs:
            if pattern_problem(pattern) is not None:
                continue
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
