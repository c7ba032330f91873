"""`raci validate`: check model files against the rules."""

from __future__ import annotations

import os
import sys

import click

from raci.cli._common import split_list
from raci.exceptions import LoadError
from raci.findings import Finding, Severity, SourceLocation
from raci.io import load
from raci.render import findings as fmt
from raci.rules import iter_rules, unknown_selectors, validate

PARSE_ERROR = "parse-error"


def _load_findings(exc: LoadError) -> list[Finding]:
    return [
        Finding(
            PARSE_ERROR,
            Severity.ERROR,
            p.file,
            p.reason,
            SourceLocation(p.file, p.line, p.column, cell=p.cell),
        )
        for p in exc.problems
    ]


@click.command(
    "validate",
    epilog="""\b
Examples:
  raci validate org.yaml
  raci validate org.yaml RACI.md --format json
  raci validate org.yaml --strict --ignore silo,idle-unit
  raci validate --list-rules

Exit status: 0 no errors, 1 errors found (or warnings with --strict),
2 a file could not be read or the command line is wrong.""",
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option(
    "--select", multiple=True, metavar="RULE,...", help="Run only these rules (names or codes)."
)
@click.option(
    "--ignore", multiple=True, metavar="RULE,...", help="Skip these rules (names or codes)."
)
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
def command(
    files: tuple[str, ...],
    output_format: str,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_rules: bool,
) -> None:
    """Check model files (YAML, JSON, TOML, or a matrix/org spreadsheet) for mistakes."""
    if list_rules:
        for r in iter_rules():
            click.echo(f"{r.code}  {r.name:<26} {r.severity.value:<8} {r.summary}")
        return
    if not files:
        raise click.UsageError("give at least one FILE to validate (or --list-rules)")
    chosen, dropped = split_list(select), split_list(ignore)
    unknown = unknown_selectors(chosen + dropped)
    if unknown:
        raise click.BadParameter(
            f"no rule is named {', '.join(map(repr, unknown))}; see `raci validate --list-rules`",
            param_hint="'--select' / '--ignore'",
        )
    results: dict[str, list[Finding]] = {}
    unreadable = False
    for path in files:
        try:
            results[path] = validate(load(path), chosen or None, dropped)
        except LoadError as exc:
            unreadable = True
            results[path] = _load_findings(exc)
    if output_format == "json":
        click.echo(fmt.to_json(results), nl=False)
    elif output_format == "github":
        click.echo(fmt.to_github(results), nl=False)
    elif output_format == "sarif":
        click.echo(fmt.to_sarif(results, list(iter_rules())), nl=False)
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(fmt.to_text(results, color=color), nl=False)
    counts = fmt.summary(results)
    if unreadable:
        raise SystemExit(2)
    if counts["errors"] or (strict and counts["warnings"]):
        raise SystemExit(1)
