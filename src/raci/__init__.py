"""Model an organization's structure and its RACI responsibility matrix."""

from __future__ import annotations

from raci.exceptions import LoadError, OutputError, Problem, QueryError, RaciError
from raci.findings import Finding, Severity, SourceLocation
from raci.io import dump, dumps, load, loads
from raci.model import (
    Assignment,
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
from raci.rules import validate
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

__version__ = "0.1.0"

__all__ = [
    "BUILTIN_SCHEMES",
    "Assignment",
    "Deliverable",
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
    "Problem",
    "QueryError",
    "RaciError",
    "Role",
    "Scheme",
    "Severity",
    "SourceLocation",
    "Unit",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
    "render_chart",
    "render_matrix",
    "validate",
]
