"""The JSON findings: one finding per line, the same data as ``json.dumps`` would give."""

from __future__ import annotations

import json
from pathlib import Path

from raci.findings import Finding, SourceLocation
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
