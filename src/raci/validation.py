"""Validating files: load each, run the rules; a file that cannot be read gives its findings."""

from __future__ import annotations

import os
from collections.abc import Sequence

from raci.config import configuration_for
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
    config: str | os.PathLike[str] | None = None,
    isolated: bool = False,
) -> Findings:
    """The findings for one file, as ``raci validate`` prints them.

    A file that cannot be read or parsed, or whose ``rules:`` settings name no rule, option
    or value the rules take, is not an exception here: its problems come back as findings
    of rule ``parse-error`` (severity error), each at its place. ``scheme`` names the
    scheme of a RACI table (a model file says its own). ``sheet`` names the sheet
    of a workbook.

    The configuration file found for ``path`` (``raci.toml``, or ``[tool.raci]`` in
    ``pyproject.toml``, in its folder or above) applies, as on the command line: ``config``
    names the file instead, ``isolated`` leaves every configuration out. ``select`` and
    ``ignore`` go over the configuration's; a problem in it is a ``parse-error`` at its
    place. :func:`raci.load` and :func:`raci.validate` read no configuration.
    """
    table = str(path).lower().endswith(TABLE_SUFFIXES)
    try:
        found = configuration_for(path, config, isolated=isolated)
        chosen, dropped = found.selection(select, ignore)
        if table and scheme is None:
            scheme = found.scheme
        org = load(path, scheme=scheme if table else None, sheet=sheet)
        return validate(found.applied_to(org), chosen, dropped)
    except LoadError as exc:
        return Findings(exc.findings)
