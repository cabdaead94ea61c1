"""Writing generated files atomically, or comparing them for `generate --check`."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from trackplan.pipeline import GeneratedFile


def write(files: Iterable[GeneratedFile]) -> list[Path]:
    """Write each file whose content changed; return the paths written.

    Each file is written to a temporary file beside it and renamed into place, so a
    reader never sees half a file and an interrupted run leaves the old one intact.
    """
    written = []
    for f in files:
        data = f.text.encode("utf-8")
        if f.path.is_file() and f.path.read_bytes() == data:
            continue
        f.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{f.path.name}.", suffix=".tmp", dir=f.path.parent
        )
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, f.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(f.path)
    return written


def stale(files: Iterable[GeneratedFile]) -> list[tuple[Path, str]]:
    """Files that are missing or differ from what would be generated, with the reason."""
    out = []
    for f in files:
        if not f.path.is_file():
            out.append((f.path, "missing"))
        elif f.path.read_bytes() != f.text.encode("utf-8"):
            out.append((f.path, "out of date"))
    return out
