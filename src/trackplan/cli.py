"""The `trackplan` command: a thin layer over `trackplan.pipeline`.

Exit codes: 0 success; 1 the plan has errors, or `generate --check` found a stale or
missing file, or `init` would overwrite a file; 2 the command line itself is wrong.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from trackplan import output, pipeline
from trackplan.diagnostics import Diagnostic, Severity

PLAN_OPTION = click.option(
    "--plan",
    "plan",
    default="trackplan.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The plan file.",
)


def _print(diagnostics: list[Diagnostic]) -> None:
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
    _print(result.diagnostics)
    if not result.ok:
        sys.exit(1)
    if check:
        problems = output.stale(result.files)
        for path, reason in problems:
            click.echo(f"{path}: {reason}; run 'trackplan generate'", err=True)
        if problems:
            sys.exit(1)
        click.echo(f"{len(result.files)} file(s) up to date")
        return
    written = set(output.write(result.files))
    for f in result.files:
        state = "wrote" if f.path in written else "unchanged"
        click.echo(f"{state} {f.path} ({f.source})")


main.add_command(generate)
main.add_command(generate, name="pull")


@main.command()
@PLAN_OPTION
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
