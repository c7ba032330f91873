"""The JSON findings: one finding per line, the same data as ``json.dumps`` would give."""

from __future__ import annotations

import json
from pathlib import Path

from raci.findings import Finding, Severity, SourceLocation
from raci.render.reporters import JsonReporter, summary

ROOT = Path(__file__).parent.parent.parent


def test_same_data_one_finding_per_line() -> None:
    import raci

    org = raci.load(ROOT / "examples" / "mistakes" / "org.yaml")
    files = {
        "org.yaml": raci.validate(org),
        "empty.yaml": [],
        "t.xlsx": [Finding.parse_error(SourceLocation("t.xlsx", 3, 2, cell="S!B3"), 'a "q"\n')],
    }
    text = JsonReporter()(files)
    expected = {
        "files": [
            {"file": name, "findings": [f.to_dict() for f in found]}
            for name, found in files.items()
        ],
        "summary": summary(files),
    }
    assert json.loads(text) == expected
    lines = text.splitlines()
    assert sum(line.lstrip().startswith('{"rule": ') for line in lines) == sum(
        map(len, files.values())
    )
    assert '      "findings": []' in lines
    assert text.endswith("}\n")


def test_each_line_is_what_the_encoder_writes() -> None:
    """A finding's line is its ``to_dict()`` as ``json.dumps`` writes it on one line,
    whatever its strings hold, with or without a code or a cell."""
    hostile = 'q"b\\s/t\t\n\x00\x1b\x7f\x85é中\u2028\u202e\U0001f600'
    at = SourceLocation("dir/ä.yaml", 12, 3)
    findings = [
        Finding("not-cascaded", Severity.INFO, hostile, hostile, at, hostile, "M110"),
        Finding("r", Severity.WARNING, "", "", SourceLocation("f"), ""),
        Finding.parse_error(at, hostile),
        Finding.parse_error(SourceLocation("t.csv", 2, 5, cell_column=3), "x"),
        Finding.parse_error(SourceLocation("t.xlsx", 3, 2, cell="S!B3"), hostile),
    ]
    lines = JsonReporter()({"f": findings}).split("\n")[5 : 5 + len(findings)]
    expected = [
        json.dumps(f.to_dict(), ensure_ascii=False, separators=(", ", ": ")) for f in findings
    ]
    assert [line.strip().rstrip(",") for line in lines] == expected


def test_summary_counts_each_severity_over_all_files() -> None:
    at = SourceLocation("f", 1, 1)
    files = {
        "a": [Finding("r", s, "", "", at) for s in (Severity.INFO, Severity.ERROR, Severity.INFO)],
        "b": [Finding("r", Severity.WARNING, "", "", at)],
        "c": [],
    }
    counts = summary(files)
    assert list(counts.items()) == [("errors", 1), ("warnings", 1), ("infos", 2)]
