"""Validating files: load each, run the rules; a file that cannot be read gives its findings."""

from __future__ import annotations

import os
from collections.abc import Sequence

from raci.exceptions import LoadError
from raci.findings import Findings
from raci.io import TABLE_SUFFIXES, load
from raci.rules import validate


def validate_file(
    path: str | os.PathLike[str],
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    scheme: str | None = None,
    *,
    sheet: str | None = None,
) -> Findings:
    """The findings for one file, as ``raci validate`` prints them.

    A file that cannot be read or parsed, or whose ``rules:`` settings name no rule, option
    or value the rules take, is not an exception here: its problems come back as findings
    of rule ``parse-error`` (severity error), each at its place. ``scheme`` names the
    scheme of a RACI table (a model file says its own). ``sheet`` names the sheet
    of a workbook.
    """
    table = str(path).lower().endswith(TABLE_SUFFIXES)
    try:
        return validate(load(path, scheme=scheme if table else None, sheet=sheet), select, ignore)
    except LoadError as exc:
        return Findings(exc.findings)
