"""Model an organization's structure and its RACI responsibility matrix."""

from __future__ import annotations

from raci._version import __version__
from raci.analysis import cascade, stats
from raci.exceptions import LoadError, OutputError, QueryError, RaciError
from raci.findings import Finding, Severity, SourceLocation
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
from raci.render.matrix import render_matrix
from raci.render.orgchart import render_chart
from raci.render.report import render_report
from raci.restructure import Diff, diff
from raci.rules import validate
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme
from raci.validation import validate_file

__all__ = [
    "BUILTIN_SCHEMES",
    "Assignment",
    "Assignments",
    "Deliverable",
    "Diff",
    "External",
    "Finding",
    "Group",
    "Levels",
    "LoadError",
    "Names",
    "Organization",
    "OutputError",
    "Party",
    "Position",
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
    "render_chart",
    "render_matrix",
    "render_report",
    "stats",
    "validate",
    "validate_file",
]
