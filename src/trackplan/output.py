"""Writing generated files atomically, or comparing them for `generate --check`.

A failure is a diagnostic at the source's `output` in the plan, never a traceback:
TP045 when an output path cannot be a file (checked for every file before any is
written), TP046 when writing fails anyway (no permission, a full disk).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from trackplan.diagnostics import Diagnostic, Diagnostics, Span
from trackplan.pipeline import GeneratedFile

# What `open(path, "w")` asks for; the kernel takes the umask (and any default ACL)
# off it. Creating the temporary file with it gives the mode a plain write would,
# without reading the umask, which can only be read by setting it: racy in threads.
_NEW_FILE_MODE = 0o666


class WriteError(Exception):
    """Some files could not be written; the diagnostics say which and why."""

    def __init__(self, diagnostics: list[Diagnostic], written: list[Path]) -> None:
        super().__init__("; ".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics
        self.written = written


def unusable(files: Iterable[GeneratedFile]) -> list[Diagnostic]:
    """TP045 for each output path that cannot become a file, before anything is written.

    The path must not be a directory or other non-file, each existing parent must be a
    directory we may write in, and no output may sit inside another's output.
    """
    files = list(files)
    targets = {os.path.abspath(f.path): f for f in files}
    diags = Diagnostics()
    for f in files:
        problem = _problem(f.path, targets, f)
        if problem is not None:
            message, hint = problem
            diags.error(
                "TP045",
                f"cannot write the output of source '{f.source}': {message}",
                _span(f),
                hint=hint,
            )
    return diags.items


def _problem(
    path: Path, targets: dict[str, GeneratedFile], f: GeneratedFile
) -> tuple[str, str] | None:
    """Why `path` cannot be written, with a hint; None when it can."""
    change = "or change the source's 'output'"
    for parent in path.parents:
        other = targets.get(os.path.abspath(parent))
        if other is not None and other is not f:
            return (
                f"'{parent}' is the output of source '{other.source}'",
                "change one of the two 'output' paths",
            )
    try:
        if path.exists():
            if path.is_dir():
                return f"'{path}' is a directory", f"remove it {change}"
            if not path.is_file():
                return f"'{path}' is not a regular file", f"remove it {change}"
        # The nearest existing parent: a file there blocks the directories below it.
        directory = next((d for d in path.parents if d.exists()), None)
    except OSError as exc:
        return f"'{path}': {_reason(exc)}", f"check the permissions {change}"
    if directory is None:
        return None
    if not directory.is_dir():
        what = "a file, not a directory" if directory.is_file() else "not a directory"
        return f"'{directory}' is {what}", f"move it away {change}"
    if not os.access(directory, os.W_OK | os.X_OK):
        return (
            f"cannot create files in '{directory}': {os.strerror(errno.EACCES)}",
            f"check its permissions {change}",
        )
    return None


def write(files: Sequence[GeneratedFile]) -> list[Path]:
    """Write each file whose content changed; return the paths written.

    Every path is checked first (`unusable`), then every changed file is written to a
    temporary file beside it, and only when all of them are written are they renamed
    into place: a reader never sees half a file, and a failure leaves the old files,
    and no temporary ones. A new file gets the mode `open(path, "w")` would give it;
    a rewritten file keeps its mode. Raises `WriteError` (TP045, TP046) on failure.
    """
    problems = unusable(files)
    if problems:
        raise WriteError(problems, [])
    staged: list[tuple[GeneratedFile, Path]] = []
    created: list[Path] = []
    diags = Diagnostics()
    try:
        for f in files:
            data = f.text.encode("utf-8")
            if _same(f.path, data):
                continue
            try:
                _make_parents(f.path.parent, created)
                staged.append((f, _stage(f.path, data)))
            except OSError as exc:
                _failed(diags, f, exc)
        if diags.items:
            raise WriteError(diags.items, [])
        written = []
        for f, tmp in staged:
            try:
                os.replace(tmp, f.path)
            except OSError as exc:
                _failed(diags, f, exc)
            else:
                written.append(f.path)
        if diags.items:
            raise WriteError(diags.items, written)
        return written
    except BaseException:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        for directory in reversed(created):  # innermost first; one that holds a file
            with contextlib.suppress(OSError):  # renamed into it stays
                directory.rmdir()
        raise


def _same(path: Path, data: bytes) -> bool:
    """Whether `path` already holds `data`: then it is not written, so it stays as it is."""
    try:
        return path.is_file() and path.read_bytes() == data
    except OSError:
        return False  # unreadable: write it, and report that if it fails too


def _make_parents(directory: Path, created: list[Path]) -> None:
    """Create `directory` and its missing parents, adding each made to `created`."""
    missing = []
    while not directory.exists() and directory.parent != directory:
        missing.append(directory)
        directory = directory.parent
    for d in reversed(missing):
        try:
            d.mkdir()
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to remove
        created.append(d)


def _stage(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file beside `path`, with the mode `path` will have."""
    try:
        keep: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        keep = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, flags, _NEW_FILE_MODE)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as out:
            if keep is not None:
                os.chmod(tmp, keep)
            out.write(data)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _failed(diags: Diagnostics, f: GeneratedFile, exc: OSError) -> None:
    diags.error(
        "TP046",
        f"cannot write '{f.path}' for source '{f.source}': {_reason(exc)}",
        _span(f),
        hint="check the permissions and free space of its directory",
    )


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _span(f: GeneratedFile) -> Span:
    return f.output_span or Span(str(f.path), 1, 1)


def stale(files: Iterable[GeneratedFile]) -> list[tuple[Path, str]]:
    """Files that are missing or differ from what would be generated, with the reason."""
    out = []
    for f in files:
        try:
            if not f.path.is_file():
                out.append((f.path, "missing"))
            elif f.path.read_bytes() != f.text.encode("utf-8"):
                out.append((f.path, "out of date"))
        except OSError as exc:
            out.append((f.path, f"cannot be read ({_reason(exc)})"))
    return out
