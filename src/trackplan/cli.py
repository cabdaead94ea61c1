"""The `trackplan` command: a thin layer over `trackplan.pipeline`.

Exit codes: 0 success; 1 the plan has errors, or `generate --check` found a stale or
missing file, or `init` would overwrite a file; 2 the command line itself is wrong.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from trackplan import diff as plan_diff
from trackplan import output, pipeline
from trackplan import status as plan_status
from trackplan.diagnostics import Diagnostic, Severity

# A plan to read is not checked here: click would make a directory or an unreadable
# file a usage error (exit 2); `pipeline.load` reports each as TP000 (exit 1).
PLAN_FILE = click.Path(path_type=Path, readable=False)

PLAN_OPTION = click.option(
    "--plan",
    "plan",
    default="trackplan.yaml",
    show_default=True,
    type=PLAN_FILE,
    help="The plan file.",
)


def _print(diagnostics: list[Diagnostic]) -> None:
    diagnostics = sorted(diagnostics, key=lambda d: d.severity is not Severity.ERROR)
    for d in diagnostics:
        click.echo(d.render(), err=True)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="trackplan")
def main() -> None:
    """Tracking plan as code: typed, validated tracking code from trackplan.yaml."""


@main.command()
@PLAN_OPTION
def validate(plan: Path) -> None:
    """Check the plan and print every problem."""
    loaded = pipeline.load(plan)
    _print(loaded.diagnostics)
    if not loaded.ok:
        sys.exit(1)
    click.echo(f"{plan}: ok")


@click.command()
@PLAN_OPTION
@click.option(
    "--source", "only", multiple=True, help="Generate only this source (repeatable)."
)
@click.option(
    "--force-features",
    "features",
    multiple=True,
    help="Force a feature flag on for this run, e.g. ServerTrackingWithDeviceId.",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 if any file is stale."
)
def generate(
    plan: Path, only: tuple[str, ...], features: tuple[str, ...], check: bool
) -> None:
    """Write the tracking module of each source."""
    result = pipeline.generate(plan, only, features)
    # An output path that cannot be a file is found before anything is written.
    unusable = output.unusable(result.files)
    _print([*result.diagnostics, *unusable])
    if not result.ok or unusable:
        sys.exit(1)
    if check:
        problems = output.stale(result.files)
        for path, reason in problems:
            click.echo(f"{path}: {reason}; run 'trackplan generate'", err=True)
        if problems:
            sys.exit(1)
        click.echo(f"{len(result.files)} file(s) up to date")
        return
    try:
        written = set(output.write(result.files))
    except output.WriteError as exc:
        _print(exc.diagnostics)
        sys.exit(1)
    for f in result.files:
        state = "wrote" if f.path in written else "unchanged"
        click.echo(f"{state} {f.path} ({f.source})")


main.add_command(generate)
main.add_command(generate, name="pull")


@main.command()
@click.option(
    "--plan",
    "plan",
    default="trackplan.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The plan file to write.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing plan file.")
def init(plan: Path, force: bool) -> None:
    """Write a small, valid, commented starter plan."""
    if plan.exists() and not force:
        click.echo(f"{plan} already exists; use --force to overwrite it", err=True)
        sys.exit(1)
    text = (
        resources.files("trackplan")
        .joinpath("starter.yaml")
        .read_text(encoding="utf-8")
    )
    plan.parent.mkdir(parents=True, exist_ok=True)
    plan.write_text(text, encoding="utf-8")
    click.echo(f"wrote {plan}; next: trackplan validate --plan {plan}")


def _pairs(values: tuple[str, ...], option: str) -> dict[str, list[str]]:
    """`SOURCE=VALUE` options, grouped by source."""
    grouped: dict[str, list[str]] = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name or not rest:
            raise click.BadParameter(
                f"expected SOURCE=VALUE, got {value!r}", param_hint=option
            )
        grouped.setdefault(name, []).append(rest)
    return grouped


@main.command(name="status")
@PLAN_OPTION
@click.option(
    "--source", "only", multiple=True, help="Report only this source (repeatable)."
)
@click.option(
    "--root",
    "roots",
    multiple=True,
    metavar="SOURCE=PATH",
    help="A directory of SOURCE's code (repeatable; default: the plan's directory).",
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="SOURCE=PATTERN",
    help="Files of SOURCE's code under its roots (repeatable; default: by language).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--allow-missing", is_flag=True, help="Exit 0 even if an event is missing."
)
def status_command(
    *,
    plan: Path,
    only: tuple[str, ...],
    roots: tuple[str, ...],
    globs: tuple[str, ...],
    as_json: bool,
    allow_missing: bool,
) -> None:
    """Find where each event's generated method is called; exit 1 if one is not."""
    root_map = _pairs(roots, "--root")
    glob_map = _pairs(globs, "--glob")
    for pattern in (p for patterns in glob_map.values() for p in patterns):
        problem = plan_status.pattern_problem(pattern)
        if problem is not None:
            raise click.BadParameter(f"{pattern!r}: {problem}", param_hint="--glob")
    loaded = pipeline.load(plan)
    if not loaded.ok or loaded.doc is None:
        _print(loaded.diagnostics)
        if as_json:
            click.echo(
                plan_status.diagnostics_json(str(plan), loaded.diagnostics), nl=False
            )
        sys.exit(1)
    known = [s.name for s in loaded.doc.sources]
    for name in [*only, *root_map, *glob_map]:
        if name not in known:
            raise click.BadParameter(
                f"no source named {name!r}; sources are {', '.join(known)}"
            )
    report = plan_status.status(
        loaded,
        plan,
        only,
        {name: [Path(p) for p in paths] for name, paths in root_map.items()},
        glob_map,
    )
    click.echo(
        plan_status.as_json(report) if as_json else plan_status.table(report), nl=False
    )
    if report.failed or (report.missing and not allow_missing):
        sys.exit(1)


@main.command(name="diff")
@click.argument("plans", nargs=-1, type=PLAN_FILE)
@click.option(
    "--against", metavar="GIT_REF", help="Compare with the plan at this revision."
)
@click.option(
    "--plan",
    "plan",
    default="trackplan.yaml",
    show_default=True,
    type=PLAN_FILE,
    help="The plan file, with --against.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--fail-on",
    type=click.Choice(plan_diff.FAIL_ON),
    help="Exit 1 if any change is breaking (for code, for data, or either).",
)
def diff_command(
    plans: tuple[Path, ...],
    against: str | None,
    plan: Path,
    as_json: bool,
    fail_on: str | None,
) -> None:
    """Compare two plans (OLD NEW, or --against GIT_REF) and class every change."""
    try:
        if against is not None:
            if plans:
                raise click.UsageError(
                    "give either OLD NEW or --against GIT_REF, not both"
                )
            if not against.strip():
                # An unset variable (`--against "$BASE"`) must not compare with the index.
                raise click.UsageError("--against needs a git revision")
            report = plan_diff.diff_revision(against, plan)
        elif len(plans) == 2:
            report = plan_diff.diff_files(plans[0], plans[1])
        else:
            raise click.UsageError("give two plan files, OLD NEW, or --against GIT_REF")
    except plan_diff.RevisionError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except plan_diff.PlanError as exc:
        for failed in exc.failed:  # both plans, when neither loads
            _print(failed.diagnostics)
        sys.exit(1)
    click.echo(
        plan_diff.as_json(report) if as_json else plan_diff.table(report), nl=False
    )
    if fail_on is not None and report.breaking(fail_on):
        sys.exit(1)
