"""Errors raised by raci. Imports nothing from the package but the findings record."""

from __future__ import annotations

from collections.abc import Sequence

from raci.findings import Finding, SourceLocation


class RaciError(Exception):
    """Base class of every error raci raises on purpose."""


class LoadError(RaciError, ValueError):
    """A file could not be read or does not describe an organization.

    ``findings`` holds every problem found in the file, in order, each a
    :class:`raci.Finding` of rule ``parse-error``; ``file``, ``line``, ``column``
    and ``reason`` describe the first.
    """

    def __init__(self, findings: Sequence[Finding]) -> None:
        if not findings:
            msg = "LoadError needs at least one finding"
            raise ValueError(msg)
        self.findings = list(findings)
        first = self.findings[0]
        self.file = first.location.file
        self.line = first.location.line
        self.column = first.location.column
        self.reason = first.message
        super().__init__("\n".join(str(f) for f in self.findings))

    @classmethod
    def at(cls, file: str, line: int, column: int, reason: str) -> LoadError:
        """A LoadError with a single problem at ``file:line:column``."""
        return cls([Finding.parse_error(SourceLocation(file, line, column), reason)])


class QueryError(RaciError, LookupError):
    """A question about the model has no single answer (unknown id, no Accountable...)."""


class OutputError(RaciError):
    """An output file could not be written, or would overwrite an input."""


class SlowParserWarning(UserWarning):
    """A large file is being read by a slow parser (PyYAML without libyaml); the command
    line shows it as a one-line note."""
