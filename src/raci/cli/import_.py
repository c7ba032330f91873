"""`raci import`: turn a matrix or org spreadsheet, or a Backstage catalog, into a model
file."""

from __future__ import annotations

import click

from raci.cli._common import (
    InputError,
    check_suffix,
    echo,
    group_by_option,
    handle_errors,
    load_source,
    path_separator_option,
)
from raci.cli._config import config_options
from raci.cli._console import console_words, wrote_line
from raci.cli._options import scheme_option, sheet_option
from raci.findings import nsay
from raci.io import TABLE_SUFFIXES, dumps
from raci.output import write_atomic

OUTPUTS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


@click.command(
    "import",
    epilog="""\b
Examples:
  raci import RACI.xlsx --org org.yaml -o org-with-matrix.yaml
  raci import orgchart.csv -o org.yaml
  raci import RACI.md -o raci.yaml
  raci import catalog-info.yaml -o org.yaml""",
)
@click.argument("source", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="Model file to write."
)
@click.option(
    "--org",
    type=click.Path(dir_okay=False),
    help="Model file whose parties the matrix names (by id or name); its units come along.",
)
@sheet_option
@path_separator_option
@group_by_option
@scheme_option
@config_options
@handle_errors
def command(
    source: str,
    output: str,
    org: str | None,
    sheet: str | None,
    path_separator: str | None,
    group_by: str | None,
    scheme: str | None,
) -> None:
    """Write a model file (YAML or JSON) from a RACI table or org sheet (.csv .xlsx .md),
    or from a Backstage catalog (.yaml).

    RACI tables may be a matrix (letters under party columns), by role (names under
    Responsible, Accountable... columns) or long (one assignment per row); org sheets list
    units with a parent column or a path. Without --org, names become parties of their own.
    A catalog's Groups become units, and its Users posts in them.
    """
    fmt = OUTPUTS[check_suffix(output, OUTPUTS, "a model")]
    catalog = source.lower().endswith((".yaml", ".yml"))
    if not source.lower().endswith(TABLE_SUFFIXES) and not catalog:
        raise click.BadParameter(
            f"cannot import {source}; expected a matrix or org sheet"
            f" ({', '.join(TABLE_SUFFIXES)}) or a Backstage catalog (.yaml)",
            param_hint="SOURCE",
        )
    model = load_source(source, org, sheet, path_separator, scheme, group_by)
    if catalog and model.layout != "catalog":
        raise click.BadParameter(
            f"{source} is a model file already; import reads a Backstage catalog from YAML",
            param_hint="SOURCE",
        )
    if model.duplicates:
        for d in model.duplicates:
            echo(f"{d.location}: {d.kind} `{d.id}` is listed again (first at {d.first})", err=True)
        raise InputError(f"{source}: repeated ids; fix them so that no row is lost")
    write_atomic(output, dumps(model, fmt), inputs=[source, *([org] if org else [])])
    words = console_words()
    counted = words.listed(
        said.said(words)
        for said in (
            nsay("{n} unit", "{n} units", len(model.units)),
            nsay("{n} party", "{n} parties", len(model.parties)),
            nsay("{n} deliverable", "{n} deliverables", len(model.deliverables)),
        )
    )
    # Translators: after `wrote FILE`: what the imported model holds, and the command to
    # check it with (kept as it is).
    check = words.gettext("{counts}; check it with: {command}").format(
        counts=counted, command=f"raci validate {output}"
    )
    echo(words.labelled(wrote_line(output), check), err=True)
