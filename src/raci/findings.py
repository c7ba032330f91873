"""Findings: what the rules report, and where."""

from __future__ import annotations

import enum

import attrs


class Severity(str, enum.Enum):
    """How much a finding matters; ``error`` fails validation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos."""
        return _RANKS[self]

    def __str__(self) -> str:
        return self.value


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(order=True)
class SourceLocation:
    """A place in an input file; line and column count from 1 (0 when unknown).

    ``cell`` names a spreadsheet cell (``Sheet1!D7``), shown instead of line and column.
    """

    file: str
    line: int = 0
    column: int = 0
    cell: str = attrs.field(default="", kw_only=True)

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}!{self.cell}"
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen
class Finding:
    """One rule's verdict on one subject (a deliverable, unit, position or party)."""

    rule: str
    severity: Severity
    subject: str
    message: str
    location: SourceLocation
    hint: str = ""
    code: str = ""

    @property
    def sort_key(self) -> tuple[str, int, str, int, str]:
        """Findings sort by file, line, rule (then column and subject, for stability)."""
        loc = self.location
        return (loc.file, loc.line, self.rule, loc.column, self.subject)

    def to_dict(self) -> dict[str, object]:
        """The JSON object of SPEC section 3."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "line": self.location.line,
            "column": self.location.column,
            "hint": self.hint,
        }
