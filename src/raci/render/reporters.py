"""Findings as text, JSON, GitHub annotations or SARIF: one reporter per format.

Every reporter takes its options when made and the findings of each file when
called, returning the text to print: ``REPORTERS["json"]()(files)``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring
from operator import attrgetter
from pathlib import PurePath
from typing import Any, ClassVar
from urllib.parse import quote

from raci._text import counted, one_line, printable
from raci._version import __version__
from raci.findings import Finding, Severity, nsay
from raci.rules import Rule, iter_rules
from raci.words import Words, words_for

FileFindings = Mapping[str, Sequence[Finding]]


def summary(files: FileFindings) -> dict[str, int]:
    """Counts of errors, warnings and infos over all files."""
    counts: Counter[Severity] = Counter()
    for findings in files.values():
        counts.update(map(attrgetter("severity"), findings))
    return {f"{severity.value}s": counts[severity] for severity in Severity}


#: ANSI colours of the severity word in the text format.
_ANSI = {Severity.ERROR: "\x1b[31m\x1b[1m", Severity.WARNING: "\x1b[33m\x1b[1m"}
_ANSI_INFO = "\x1b[36m\x1b[1m"
_ANSI_RESET = "\x1b[0m"


class Reporter:
    """Turns the findings of each file into the text to print.

    ``languages`` gives the language each file's messages and hints are said in (by its
    path; English for a file it does not name): the text format says them so, the formats
    read by machines (JSON, SARIF, GitHub) keep English.
    """

    def __init__(
        self,
        *,
        color: bool = False,
        rules: Sequence[Rule] | None = None,
        languages: Mapping[str, str | None] | None = None,
    ) -> None:
        self.color = color
        self.rules = list(iter_rules()) if rules is None else list(rules)
        self.languages = dict(languages or {})

    def __call__(self, files: FileFindings) -> str:
        raise NotImplementedError


def finding_text(f: Finding, message: str, severity: str = "") -> str:
    """A finding on one line, as the text format writes it: `file:line:column: severity
    rule: message` (``message`` in a language; ``severity`` as shown, by default its
    name)."""
    sev = severity or f.severity.value
    return f"{one_line(str(f.location))}: {sev} {f.rule}: {one_line(message)}"


class TextReporter(Reporter):
    """`file:line:column: severity rule: message`, the hint indented below, a count line."""

    def __call__(self, files: FileFindings) -> str:
        lines = []
        for path, findings in files.items():
            words = words_for(self.languages.get(path))
            label = (
                "hint: " if words.language == "en" else words.labelled(words.gettext("Hint"), "")
            )
            for f in findings:
                sev = f.severity.value
                if self.color:
                    sev = f"{_ANSI.get(f.severity, _ANSI_INFO)}{sev}{_ANSI_RESET}"
                message, hint = f.said(words)
                lines.append(finding_text(f, message, sev))
                if hint:
                    lines.append(f"    {label}{one_line(hint)}")
        lines.append(self._count_line(files))
        return "\n".join(lines) + "\n"

    def _count_line(self, files: FileFindings) -> str:
        """The closing count, in the files' language when they all share one."""
        c = summary(files)
        spoken = {words_for(self.languages.get(path)).language for path in files}
        if spoken != {"en"} and len(spoken) == 1:
            return self._count_said(c, len(files), words_for(spoken.pop()))
        return (
            f"{counted(c['errors'], 'error')}, {counted(c['warnings'], 'warning')},"
            f" {counted(c['infos'], 'info')} in {counted(len(files), 'file')}"
        )

    @staticmethod
    def _count_said(c: Mapping[str, int], files: int, words: Words) -> str:
        """The count line in the language of ``words``."""
        # Translators: the closing line of `raci validate`: "2 errors, 1 warning, 0 infos
        # in 1 file"; {errors}, {warnings} and {infos} are the counts below.
        return words.gettext("{errors}, {warnings}, {infos} in {files}").format(
            errors=nsay("{n} error", "{n} errors", c["errors"]).said(words),
            warnings=nsay("{n} warning", "{n} warnings", c["warnings"]).said(words),
            infos=nsay("{n} info", "{n} infos", c["infos"]).said(words),
            files=nsay("{n} file", "{n} files", files).said(words),
        )


#: One value on one line, as ``json.dumps`` writes it with spaces after ``,`` and ``:``.
_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _finding_line(f: Finding) -> str:
    """``f.to_dict()`` as ``_ONE_LINE`` writes it. A finding at a line and column (all but
    spreadsheet cells) is written here from its fields, each string by the encoder's own
    escaping: three times as fast as making the dict and encoding it, for the same text."""
    loc = f.location
    if loc.cell or loc.cell_column:
        return _ONE_LINE.encode(f.to_dict())
    q = encode_basestring
    return (
        f'{{"rule": {q(f.rule)}, "code": {q(f.code) if f.code else "null"},'
        f' "severity": {q(f.severity.value)}, "subject": {q(f.subject)},'
        f' "message": {q(f.message)}, "line": {loc.line}, "column": {loc.column},'
        f' "hint": {q(f.hint)}}}'
    )


class JsonReporter(Reporter):
    """One JSON object: each file with its findings, and the counts (docs/rules.md)."""

    def __call__(self, files: FileFindings) -> str:
        """Indented as ``json.dumps(indent=2)`` would, but each finding on one line: as
        easy to read and to grep, and quicker to write (:func:`_finding_line`). The text
        is joined once, from its lines: one copy of it in memory, not one per level."""
        one = _ONE_LINE.encode
        parts = ['{\n  "files": [']
        for i, (name, findings) in enumerate(files.items()):
            parts.append(
                f'{"," if i else ""}\n    {{\n      "file": {one(name)},\n      "findings": '
            )
            if findings:
                rows = [f",\n        {_finding_line(f)}" for f in findings]
                rows[0] = rows[0][2:]  # no comma before the first
                parts.append("[\n")
                parts += rows
                parts.append("\n      ]")
            else:
                parts.append("[]")
            parts.append("\n    }")
        parts.append(f'\n  ],\n  "summary": {one(summary(files))}\n}}\n')
        return "".join(parts)


def _escape_data(text: str) -> str:
    """A workflow command's text: its line breaks as GitHub's ``%0A``, the other control
    characters escaped visibly."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands, one annotation per finding."""

    LEVELS: ClassVar[dict[Severity, str]] = {
        Severity.ERROR: "error",
        Severity.WARNING: "warning",
        Severity.INFO: "notice",
    }

    def __call__(self, files: FileFindings) -> str:
        lines = []
        for findings in files.values():
            for f in findings:
                loc = f.location
                props = [f"file={_escape_property(loc.file)}"]
                if loc.line:
                    props += [f"line={loc.line}", f"col={max(loc.column, 1)}"]
                props.append(f"title={_escape_property(f.rule)}")
                text = f.message + (f" ({f.hint})" if f.hint else "")
                lines.append(f"::{self.LEVELS[f.severity]} {','.join(props)}::{_escape_data(text)}")
        return "\n".join(lines) + ("\n" if lines else "")


class SarifReporter(Reporter):
    """A SARIF 2.1.0 log with one run, describing every registered rule."""

    LEVELS: ClassVar[dict[Severity, str]] = {
        Severity.ERROR: "error",
        Severity.WARNING: "warning",
        Severity.INFO: "note",
    }

    def __call__(self, files: FileFindings) -> str:
        level = self.LEVELS
        descriptors = [
            {
                "id": r.name,
                "name": r.code,
                "shortDescription": {"text": r.summary},
                "defaultConfiguration": {"level": level[r.severity]},
            }
            for r in self.rules
        ]
        index = {r.name: i for i, r in enumerate(self.rules)}
        results = []
        for findings in files.values():
            for f in findings:
                physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.location.file)}}
                if f.location.line:
                    physical["region"] = {
                        "startLine": f.location.line,
                        "startColumn": max(f.location.column, 1),
                    }
                where: dict[str, Any] = {"physicalLocation": physical}
                result: dict[str, Any] = {
                    "ruleId": f.rule,
                    "level": level[f.severity],
                    "message": {"text": f.message + (f" {f.hint}" if f.hint else "")},
                    "locations": [where],
                }
                if f.location.cell:
                    sheet, cell = f.location.sheet_cell
                    where["logicalLocations"] = [
                        {"name": cell, "fullyQualifiedName": f.location.cell, "kind": "element"}
                    ]
                    result["properties"] = {"sheet": sheet, "cell": cell}
                if f.rule in index:
                    result["ruleIndex"] = index[f.rule]
                results.append(result)
        driver = {"name": "raci", "version": __version__, "rules": descriptors}
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results}],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(file: str) -> str:
    """A file's name as a SARIF ``uri``: a URI reference, each character that URIs do not
    take as it is (space, ``#``, ``%``, ``?``, non-ASCII) percent-encoded; an absolute path
    as a ``file:`` URI."""
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


#: Reporters by the name ``--format`` takes.
REPORTERS: dict[str, Callable[..., Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}
