"""`raci validate`: check model files against the rules."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

import attrs
import click

from raci._gc import no_cyclic_gc
from raci.cli._common import configuration, echo, sheets_for, split_list
from raci.cli._config import chosen_config, config_options
from raci.cli._exit import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from raci.cli._options import lang_option, scheme_option, sheet_option
from raci.cli._progress import progress_shown
from raci.findings import PARSE_ERROR, Finding, Findings, Severity, SourceLocation
from raci.render.reporters import REPORTERS
from raci.rules import iter_rules, unknown_selectors
from raci.validation import validate_file


def _show_settings(path: str, select: list[str], ignore: list[str], scheme: str | None) -> None:
    """Print the configuration file of ``path`` and the settings it gives, with the
    command line's over them."""
    found = configuration(path)
    chosen_rules, dropped = found.selection(select, ignore)
    settings = attrs.evolve(
        found,
        select=None if chosen_rules is None else tuple(chosen_rules),
        ignore=tuple(dropped),
        scheme=scheme or found.scheme,
    )
    echo(f"{path}: {found.file or 'no configuration file'}")
    for line in settings.lines():
        echo(f"  {line}")


def _findings(
    path: str,
    select: list[str],
    ignore: list[str],
    scheme: str | None = None,
    sheet: str | None = None,
) -> Findings:
    """One file's findings; a failure of raci itself on this file is a finding of its own
    (so that the other files keep their results), unless RACI_DEBUG asks for the trace."""
    config, isolated = chosen_config()
    try:
        return validate_file(
            path, select or None, ignore, scheme, sheet=sheet, config=config, isolated=isolated
        )
    except Exception as exc:
        if os.environ.get("RACI_DEBUG"):
            raise
        reason = f"internal error: {type(exc).__name__}: {exc} (please report it)"
        return Findings([Finding.parse_error(SourceLocation(path), reason)])


@click.command(
    "validate",
    epilog="""\b
Examples:
  raci validate org.yaml
  raci validate org.yaml RACI.md --format json
  raci validate org.yaml --strict --ignore silo,idle-unit
  raci validate --list-rules
  raci validate RACI.csv --show-settings

Exit status: 0 no errors, 1 errors found (or warnings with --strict),
2 a file could not be read or the command line is wrong.""",
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORTERS)),
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
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print each file's configuration file and the settings it gives, and exit.",
)
@lang_option(
    "the messages and hints of the text format (JSON, SARIF and GitHub keep English)",
)
@scheme_option
@sheet_option
@config_options
def command(
    files: tuple[str, ...],
    output_format: str,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_rules: bool,
    show_settings: bool,
    lang: str | None,
    scheme: str | None,
    sheet: str | None,
) -> None:
    """Check model files (YAML, JSON, TOML, or a matrix/org spreadsheet) for mistakes."""
    if list_rules:
        for r in iter_rules():
            echo(f"{r.code}  {r.name:<26} {r.severity.value:<8} {r.summary}")
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
    if show_settings:
        for path in files:
            _show_settings(path, chosen, dropped, scheme)
        return
    for path in files:  # a configuration that cannot be used stops before any file is read
        configuration(path)
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    # A large model is millions of objects and no cycles: the collector would rescan them
    # between loading, checking and printing, and the findings once it resumed (so they
    # are let go before it does).
    with no_cyclic_gc(), progress_shown():
        sheets = sheets_for(files, sheet)
        results = {path: _findings(path, chosen, dropped, scheme, sheets[path]) for path in files}
        languages = {
            path: lang or configuration(path).lang or found.language
            for path, found in results.items()
        }
        report = REPORTERS[output_format](color=color, languages=languages)(results)
        code = _exit_code(results, strict)
        del results
    if color:  # the text reporter escapes what it quotes; its colours reach the terminal
        click.echo(report, nl=False)
    else:
        echo(report, nl=False)
    if code:
        raise SystemExit(code)


def _exit_code(results: Mapping[str, Sequence[Finding]], strict: bool) -> int:
    """The exit status: a file could not be read, errors (or warnings with ``strict``), or none."""
    if any(f.rule == PARSE_ERROR for findings in results.values() for f in findings):
        return EXIT_INPUT
    if any(
        f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)
        for findings in results.values()
        for f in findings
    ):
        return EXIT_FINDINGS
    return EXIT_OK
