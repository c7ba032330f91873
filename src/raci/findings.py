"""Findings: the one record of "a problem at a place", whether a rule or a reader found it."""

from __future__ import annotations

import enum

import attrs

from raci._text import counted


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
    #: In a text table (CSV, Markdown), ``column`` is the character column where the
    #: cell's text starts (as editors read ``file:line:column``); this is the cell's index.
    cell_column: int = attrs.field(default=0, kw_only=True, eq=False, order=False)

    @property
    def sheet_cell(self) -> tuple[str, str]:
        """A spreadsheet cell's sheet and name (``("RACI", "D7")``); empty elsewhere."""
        sheet, _, cell = self.cell.rpartition("!")
        return sheet, cell

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}!{self.cell}"
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


#: The rule name of a finding that a file could not be read (as flake8's E999).
PARSE_ERROR = "parse-error"


@attrs.frozen
class Finding:
    """One rule's verdict on one subject (a deliverable, unit, position or party), or a
    reason a file could not be read (rule :data:`PARSE_ERROR`, which has no code)."""

    rule: str
    severity: Severity
    subject: str
    message: str
    location: SourceLocation
    hint: str = ""
    code: str = ""

    @classmethod
    def parse_error(cls, location: SourceLocation, reason: str) -> Finding:
        """A file (or a part of it) that could not be read, at ``location``."""
        return cls(PARSE_ERROR, Severity.ERROR, location.file, reason, location)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    @property
    def sort_key(self) -> tuple[str, int, str, int, str]:
        """Findings sort by file, line, rule (then column and subject, for stability)."""
        loc = self.location
        return (loc.file, loc.line, self.rule, loc.column, self.subject)

    def to_dict(self) -> dict[str, object]:
        """The JSON object of one finding (docs/rules.md, `validate --format json`); ``code``
        is the rule's code, as ``--select`` takes it, or None for a finding of no registered
        rule (``parse-error``); a finding at a spreadsheet cell also has its ``sheet`` and
        ``cell``."""
        data: dict[str, object] = {
            "rule": self.rule,
            "code": self.code or None,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "line": self.location.line,
            "column": self.location.column,
            **({"cell_column": self.location.cell_column} if self.location.cell_column else {}),
            "hint": self.hint,
        }
        if self.location.cell:
            data["sheet"], data["cell"] = self.location.sheet_cell
        return data


class Findings(list[Finding]):
    """The findings of a run: a list, shown in one line (``<3 findings: 1 error, 2
    warnings>``) rather than every finding with its place."""

    def __repr__(self) -> str:
        counts = dict.fromkeys(Severity, 0)
        for f in self:
            counts[f.severity] += 1
        shown = [counted(n, s.value) for s, n in counts.items() if n]
        return f"<{counted(len(self), 'finding')}{': ' if shown else ''}{', '.join(shown)}>"

    def _repr_html_(self) -> str | None:
        """The findings as a notebook shows them: a table of severity, code, rule, place,
        message and hint."""
        from raci._display import html

        return html(self)
