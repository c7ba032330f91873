"""A workbook as access-control procedures write it: the stage in a column of its own, a
party named in capitals (``HR``), rows shorter than the header, and under the matrix a
legend whose lines give each letter and a description (``R | Responsible — performs the
work``, merged across the party columns), then a note. Every row read or reported."""

from __future__ import annotations

from pathlib import Path

import raci
from helpers import groups_of, roles_of, rows_read, write_workbook

ROWS: list[list[str]] = [
    ["Access Control RACI", "", "", "", ""],
    ["R = Responsible | A = Accountable | C = Consulted | I = Informed", "", "", "", ""],
    ["", "", "", "", ""],
    ["Stage", "Activity", "Manager", "HR", "IT Admin"],
    ["1. Request", "Submit access request", "R", "A", "I"],
    ["1. Request", "Map request to a role", "C", "I", "R/A"],
    ["2. Approval", "Approve the request", "A", "R"],
    ["3. Review", "Quarterly review", "A", "C", "R"],
    ["", "", "", "", ""],
    ["Legend", "", "", "", ""],
    ["R", "Responsible — performs the work.", "", "", ""],
    ["A", "Accountable — owns the outcome; exactly one A per activity.", "", "", ""],
    ["C", "Consulted — gives input before the work is done.", "", "", ""],
    ["I", "Informed — kept up to date.", "", "", ""],
    ["", "", "", "", ""],
    ["Control references: ISO/IEC 27001:2022 A.5.15, A.5.18.", "", "", "", ""],
]
MERGES = ("A1:E1", "A2:E2", "B11:E11", "B12:E12", "B13:E13", "B14:E14", "A16:E16")


def _load(tmp_path: Path) -> raci.Organization:
    return raci.load(write_workbook(tmp_path / "access.xlsx", ROWS, MERGES))


def test_a_party_named_in_capitals_heads_the_table(tmp_path: Path) -> None:
    org = _load(tmp_path)
    assert [p.name for p in org.parties.values()] == ["Manager", "HR", "IT Admin"]


def test_the_stage_column_groups_the_activities(tmp_path: Path) -> None:
    org = _load(tmp_path)
    named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
    assert named == {
        "Submit access request": "1. Request",
        "Map request to a role": "1. Request",
        "Approve the request": "2. Approval",
        "Quarterly review": "3. Review",
    }


def test_a_row_shorter_than_the_header_keeps_its_roles(tmp_path: Path) -> None:
    org = _load(tmp_path)
    roles = {org.deliverables[d].name: r for d, r in roles_of(org).items()}
    assert roles["Approve the request"] == [("R", "hr"), ("A", "manager")]


def test_the_legend_and_the_note_under_it_are_set_aside(tmp_path: Path) -> None:
    org = _load(tmp_path)
    assert [d.location.line for d in org.deliverables.values()] == [5, 6, 7, 8]
    notes = {f.location.line: f.message for f in raci.validate(org) if f.rule == "table-reading"}
    assert "a legend (21 cells, starting `Legend`) is outside the table" in notes[10]


def test_every_row_is_read_or_said(tmp_path: Path) -> None:
    """The title and key (rows 1-2) and the legend (rows 10-14) are each one block, said
    at its first row; the note under the legend is said at its own."""
    org = _load(tmp_path)
    said = {f.location.line for f in raci.validate(org) if f.rule != "silo"}
    assert rows_read(org) == {5, 6, 7, 8}
    assert said >= {1, 10, 16}
