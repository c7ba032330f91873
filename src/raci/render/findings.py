"""Findings as text, JSON, GitHub annotations or SARIF."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from raci import __version__
from raci._text import printable
from raci.findings import Finding, Severity

INFORMATION_URI = "https://github.com/raci-org/raci"

FileFindings = Mapping[str, Sequence[Finding]]


def summary(files: FileFindings) -> dict[str, int]:
    """Counts of errors, warnings and infos over all files."""
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    for findings in files.values():
        for f in findings:
            counts[f.severity.value + "s"] += 1
    return counts


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def to_text(files: FileFindings, *, color: bool = False) -> str:
    """`file:line:column: severity rule: message`, the hint indented below, a count line."""
    import click

    styles = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    lines = []
    for findings in files.values():
        for f in findings:
            sev = f.severity.value
            if color:
                sev = click.style(sev, fg=styles[f.severity], bold=True)
            lines.append(f"{printable(str(f.location))}: {sev} {f.rule}: {printable(f.message)}")
            if f.hint:
                lines.append(printable(f"    hint: {f.hint}"))
    c = summary(files)
    lines.append(
        f"{_plural(c['errors'], 'error')}, {_plural(c['warnings'], 'warning')},"
        f" {_plural(c['infos'], 'info')} in {_plural(len(files), 'file')}"
    )
    return "\n".join(lines) + "\n"


def to_json(files: FileFindings) -> str:
    """The JSON object of SPEC section 3."""
    data = {
        "files": [
            {"file": name, "findings": [f.to_dict() for f in findings]}
            for name, findings in files.items()
        ],
        "summary": summary(files),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(files: FileFindings) -> str:
    """GitHub Actions workflow commands, one annotation per finding."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for findings in files.values():
        for f in findings:
            loc = f.location
            props = [f"file={_escape_property(loc.file)}"]
            if loc.line:
                props += [f"line={loc.line}", f"col={max(loc.column, 1)}"]
            props.append(f"title={_escape_property(f.rule)}")
            text = f.message + (f" ({f.hint})" if f.hint else "")
            lines.append(f"::{level[f.severity]} {','.join(props)}::{_escape_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_sarif(files: FileFindings, rules: Sequence[Any]) -> str:
    """A SARIF 2.1.0 log with one run; ``rules`` are the registered rules."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    descriptors = [
        {
            "id": r.name,
            "name": r.code,
            "shortDescription": {"text": r.summary},
            "defaultConfiguration": {"level": level[r.severity]},
        }
        for r in rules
    ]
    index = {r.name: i for i, r in enumerate(rules)}
    results = []
    for findings in files.values():
        for f in findings:
            physical: dict[str, Any] = {"artifactLocation": {"uri": f.location.file}}
            if f.location.line:
                physical["region"] = {
                    "startLine": f.location.line,
                    "startColumn": max(f.location.column, 1),
                }
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": level[f.severity],
                "message": {"text": f.message + (f" {f.hint}" if f.hint else "")},
                "locations": [{"physicalLocation": physical}],
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "raci",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
