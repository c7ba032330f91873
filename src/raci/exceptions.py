"""Errors raised by raci. Imports nothing from the rest of the package."""

from __future__ import annotations

from collections.abc import Sequence


class RaciError(Exception):
    """Base class of every error raci raises on purpose."""


class Problem:
    """One thing wrong with an input file, at a place in it.

    ``cell`` names a spreadsheet cell (``Sheet1!D7``); the message then reads
    ``file.xlsx!Sheet1!D7: reason``.
    """

    __slots__ = ("cell", "column", "file", "line", "reason")

    def __init__(self, file: str, line: int, column: int, reason: str, *, cell: str = "") -> None:
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.cell = cell

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}!{self.cell}: {self.reason}"
        if not self.line:
            return f"{self.file}: {self.reason}"
        return f"{self.file}:{self.line}:{self.column}: {self.reason}"

    def __repr__(self) -> str:
        cell = f", cell={self.cell!r}" if self.cell else ""
        return f"Problem({self.file!r}, {self.line}, {self.column}, {self.reason!r}{cell})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.file, self.line, self.column, self.reason, self.cell) == (
            other.file,
            other.line,
            other.column,
            other.reason,
            other.cell,
        )

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.column, self.reason, self.cell))


class LoadError(RaciError, ValueError):
    """A file could not be read or does not describe an organization.

    ``file``, ``line``, ``column`` and ``reason`` describe the first problem;
    ``problems`` holds every problem found in the file, in order.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            msg = "LoadError needs at least one problem"
            raise ValueError(msg)
        self.problems = list(problems)
        first = self.problems[0]
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.reason = first.reason
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, file: str, line: int, column: int, reason: str) -> LoadError:
        """A LoadError with a single problem."""
        return cls([Problem(file, line, column, reason)])


class QueryError(RaciError, LookupError):
    """A question about the model has no single answer (unknown id, no Accountable...)."""


class OutputError(RaciError):
    """An output file could not be written, or would overwrite an input."""
