"""Model an organization's structure and its RACI responsibility matrix."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from raci._version import __version__

if TYPE_CHECKING:
    from raci.analysis import cascade, staffing, stats
    from raci.exceptions import LoadError, OutputError, QueryError, RaciError
    from raci.findings import Finding, Severity, SourceLocation
    from raci.grades import Grades, PostLine
    from raci.io import dump, dumps, load, loads
    from raci.model import (
        Assignment,
        Assignments,
        Deliverable,
        External,
        Group,
        Levels,
        Names,
        Organization,
        Party,
        Position,
        Unit,
    )
    from raci.render.annex.writer import render_annex
    from raci.render.change.picture import render_picture
    from raci.render.chart.options import ChartOptions
    from raci.render.chart.orgchart import render_chart
    from raci.render.matrix.writer import render_matrix
    from raci.render.notebook.matrix import matrix
    from raci.render.report.page import render_report
    from raci.render.staffing.writer import render_staffing
    from raci.restructure import Diff, diff
    from raci.rules import validate
    from raci.schemes import BUILTIN_SCHEMES, Role, Scheme
    from raci.validation import validate_file


#: Where each public name is defined, imported on first use: `import raci` (and the
#: command line) load only what they use.
_WHERE = {
    "Assignment": "raci.model",
    "Assignments": "raci.model",
    "BUILTIN_SCHEMES": "raci.schemes",
    "cascade": "raci.analysis",
    "ChartOptions": "raci.render.chart.options",
    "Deliverable": "raci.model",
    "Diff": "raci.restructure",
    "diff": "raci.restructure",
    "dump": "raci.io",
    "dumps": "raci.io",
    "External": "raci.model",
    "Finding": "raci.findings",
    "Grades": "raci.grades",
    "Group": "raci.model",
    "Levels": "raci.model",
    "load": "raci.io",
    "LoadError": "raci.exceptions",
    "loads": "raci.io",
    "matrix": "raci.render.notebook.matrix",
    "Names": "raci.model",
    "Organization": "raci.model",
    "OutputError": "raci.exceptions",
    "Party": "raci.model",
    "Position": "raci.model",
    "PostLine": "raci.grades",
    "QueryError": "raci.exceptions",
    "RaciError": "raci.exceptions",
    "render_annex": "raci.render.annex.writer",
    "render_chart": "raci.render.chart.orgchart",
    "render_matrix": "raci.render.matrix.writer",
    "render_picture": "raci.render.change.picture",
    "render_report": "raci.render.report.page",
    "render_staffing": "raci.render.staffing.writer",
    "Role": "raci.schemes",
    "Scheme": "raci.schemes",
    "Severity": "raci.findings",
    "SourceLocation": "raci.findings",
    "staffing": "raci.analysis",
    "stats": "raci.analysis",
    "Unit": "raci.model",
    "validate": "raci.rules",
    "validate_file": "raci.validation",
}

__all__ = [
    "BUILTIN_SCHEMES",
    "Assignment",
    "Assignments",
    "ChartOptions",
    "Deliverable",
    "Diff",
    "External",
    "Finding",
    "Grades",
    "Group",
    "Levels",
    "LoadError",
    "Names",
    "Organization",
    "OutputError",
    "Party",
    "Position",
    "PostLine",
    "QueryError",
    "RaciError",
    "Role",
    "Scheme",
    "Severity",
    "SourceLocation",
    "Unit",
    "__version__",
    "cascade",
    "diff",
    "dump",
    "dumps",
    "load",
    "loads",
    "matrix",
    "render_annex",
    "render_chart",
    "render_matrix",
    "render_picture",
    "render_report",
    "render_staffing",
    "staffing",
    "stats",
    "validate",
    "validate_file",
]


def __getattr__(name: str) -> Any:
    """The public name ``name``, imported from its module the first time it is asked for."""
    module = _WHERE.get(name)
    if module is None:
        msg = f"module 'raci' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
