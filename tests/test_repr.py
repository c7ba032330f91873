"""Objects a script or a REPL prints show themselves in one short line."""

from __future__ import annotations

from pathlib import Path

import raci

EXAMPLE = Path(__file__).parent.parent / "examples" / "un-habitat-2020" / "org.yaml"


def test_an_organization_in_one_line() -> None:
    org = raci.load(EXAMPLE)
    shown = repr(org)
    assert shown == (
        f"<Organization 'UN-Habitat' ({EXAMPLE}): 16 units on 9 levels, 20 positions,"
        " 10 external parties, 29 deliverables (RACI)>"
    )
    assert str(org) == shown


def test_an_empty_organization() -> None:
    assert repr(raci.Organization()) == (
        "<Organization 'without a name': 0 units, 0 positions, 0 external parties,"
        " 0 deliverables (RACI)>"
    )


def test_the_findings_by_severity() -> None:
    findings = raci.validate(raci.load(EXAMPLE.parent.parent / "mistakes" / "org.yaml"))
    assert isinstance(findings, list)
    errors = sum(f.severity.value == "error" for f in findings)
    assert repr(findings).startswith(f"<{len(findings)} findings: {errors} errors, ")
    assert repr(raci.validate(raci.load(EXAMPLE))) == "<0 findings>"
    assert len(repr(findings)) < 80


def test_a_diff_in_one_line() -> None:
    root = EXAMPLE.parent.parent / "restructuring"
    old, new = raci.load(root / "before.yaml"), raci.load(root / "after.yaml")
    shown = repr(raci.diff(old, new))
    assert shown.startswith(
        f"<Diff {root / 'before.yaml'} → {root / 'after.yaml'}: units: 2 added,"
    )
    assert "deliverables: 15 added, 2 removed, 5 with a new Accountable; 3 orphaned>" in shown
    assert repr(raci.diff(new, new)).endswith(": no change>")
