"""The library API: load, check, resolve, render; writing is separate.

    plan file -> YAML tree -> document -> checked catalogue -> IR per source -> text

Nothing here touches the disk except reading the plan; `output.py` writes.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from trackplan import ir
from trackplan.check import Catalogue, check
from trackplan.diagnostics import Diagnostic, Diagnostics, Span, did_you_mean
from trackplan.plan import yamltree
from trackplan.plan.decode import Decoder
from trackplan.plan.document import FEATURES, PlanDoc
from trackplan.resolve import resolve
from trackplan.targets import registry

# A plan is read whole into memory: a larger file, or one that is not a regular file
# (/dev/zero, a pipe), is refused before it is read (TP000).
MAX_PLAN_BYTES = 10 * 1024 * 1024
MAX_PLAN_TEXT = "10 MB"


@dataclass(frozen=True)
class GeneratedFile:
    """One generated file: where it goes and what it holds."""

    source: str
    path: Path
    text: str
    # The source's `output` in the plan, where a file that cannot be written is reported.
    output_span: Span | None = None


@dataclass(frozen=True)
class Loaded:
    doc: PlanDoc | None
    catalogue: Catalogue | None
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.doc is not None and not any(
            d.severity.value == "error" for d in self.diagnostics
        )


@dataclass(frozen=True)
class Generated:
    files: list[GeneratedFile]
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.severity.value == "error" for d in self.diagnostics)


def load_text(text: str, path: str) -> Loaded:
    """Decode and check plan text; `path` is only used in diagnostics."""
    diags = Diagnostics()
    try:
        root = yamltree.parse(text, path, diags)
        doc = Decoder(path, diags).plan(root) if root is not None else None
        catalogue = check(doc, diags) if doc is not None else None
    except RecursionError:
        diags.error("TP004", "the plan is nested too deeply to read", Span(path, 1, 1))
        return Loaded(None, None, diags.sorted())
    except Exception as exc:  # noqa: BLE001 - a bug in trackplan must still not print a traceback
        diags.error(
            "TP999",
            f"internal error while reading the plan: {type(exc).__name__}: {exc}",
            Span(path, 1, 1),
            hint="please report this with the plan that caused it",
        )
        return Loaded(None, None, diags.sorted())
    return Loaded(doc, catalogue, diags.sorted())


def load(plan: str | Path) -> Loaded:
    """Read, decode and check the plan file at `plan`."""
    path = str(plan)
    too_large = f"it is larger than {MAX_PLAN_TEXT}, the most a plan may be"
    try:
        info = os.stat(plan)
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            return _unreadable("it is not a regular file", path)  # a directory: below
        if info.st_size > MAX_PLAN_BYTES:
            return _unreadable(too_large, path)
        data = Path(plan).read_bytes()
    except OSError as exc:
        return _unreadable(exc.strerror or str(exc), path)
    if len(data) > MAX_PLAN_BYTES:  # it grew after it was measured
        return _unreadable(too_large, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Loaded(
            None,
            None,
            [_error("TP001", f"the plan is not UTF-8 text ({exc.reason})", path)],
        )
    return load_text(text, path)


def _unreadable(problem: str, path: str) -> Loaded:
    return Loaded(
        None, None, [_error("TP000", f"cannot read the plan: {problem}", path)]
    )


def _error(code: str, message: str, path: str, hint: str | None = None) -> Diagnostic:
    diags = Diagnostics()
    diags.error(code, message, Span(path, 1, 1), hint=hint)
    return diags.items[0]


def sources(
    loaded: Loaded, force_features: Iterable[str] = ()
) -> tuple[ir.Source, ...]:
    """The IR of every source of a plan that loaded without errors."""
    if not loaded.ok or loaded.doc is None or loaded.catalogue is None:
        raise ValueError("the plan has errors; see its diagnostics")
    return resolve(loaded.doc, loaded.catalogue, force_features)


@contextlib.contextmanager
def paused_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: generating (and `status` parsing every file)
    makes many objects and no cycles worth collecting, and the collector's passes over
    them grow with the input (docs/benchmarks.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def generate(
    plan: str | Path,
    only: Sequence[str] = (),
    force_features: Sequence[str] = (),
) -> Generated:
    """Render the files of every source, or of the sources named in `only`."""
    with paused_cyclic_gc():
        return _generate(plan, only, force_features)


def _generate(
    plan: str | Path, only: Sequence[str], force_features: Sequence[str]
) -> Generated:
    loaded = load(plan)
    diagnostics = list(loaded.diagnostics)
    for flag in force_features:
        if flag not in FEATURES:
            diagnostics.append(
                _error(
                    "TP041",
                    f"unknown feature '{flag}' in --force-features",
                    str(plan),
                    did_you_mean(flag, FEATURES),
                )
            )
    if loaded.doc is not None:
        known = [s.name for s in loaded.doc.sources]
        for name in only:
            if name not in known:
                diagnostics.append(
                    _error(
                        "TP012",
                        f"--source names undefined source '{name}'",
                        str(plan),
                        did_you_mean(name, known),
                    )
                )
    result = Generated([], diagnostics)
    if not result.ok:
        return result
    base = Path(plan).parent
    assert loaded.doc is not None  # the plan loaded without errors
    spans = {s.name: s.output_span for s in loaded.doc.sources}
    files = []
    for source in sources(loaded, force_features):
        if only and source.name not in only:
            continue
        target = registry.find(source.language, source.platform)
        assert target is not None  # checked
        files.append(
            GeneratedFile(
                source.name,
                base / source.output,
                target.render(source),
                spans[source.name],
            )
        )
    return Generated(files, diagnostics)
