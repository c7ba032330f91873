"""Workbooks as students and teams write them: two matrices side by side on one sheet (an
empty column between), each under its title and a one-cell legend, with `Person` merged
over its parties and document rows heading the activities under them. Every row read or
reported."""

from __future__ import annotations

from pathlib import Path

import raci
from helpers import groups_of, roles_of, rows_read, write_workbook

_KEY = "R = Responsible A = Accountable C = Consult I = Inform"
#: Part A in A:D, Part B in F:I; blank rows part the sections of each, at other rows.
SIDE_BY_SIDE: list[list[str]] = [
    ["Assignment Matrix", "", "", "", "", "Assignment Matrix - Part B"],
    [_KEY, "", "", "", "", _KEY],
    ["RACI Chart", "Person", "", "", "", "RACI Chart", "Person"],
    ["Activity", "Nate", "Steve", "Zaib", "", "Activity", "Nate", "Steve", "Zaib"],
    ["Project Plan.docx", "", "", "", "", "Python Application"],
    ["WBS Diagram", "I", "R A", "C I", "", "Coding", "R A C I", "R A C I", "R A C I"],
    ["Estimation", "C I", "R A", "R C I", "", "Testing", "R A", "R A", "R A"],
    ["Gantt Chart", "R A", "C I", "I"],
    ["", "", "", "", "", "User Manual.docx"],
    ["Design Document.docx", "", "", "", "", "File Content", "C I", "R A", "C I"],
    ["1.1 Background", "R A", "C I", "C I", "", "Images", "C I", "R A", "C I"],
    ["1.2 Overview", "R A", "C I", "C I"],
    ["", "", "", "", "", "Test Report.docx"],
    ["", "", "", "", "", "File Content", "C I", "C I", "R A"],
]
SIDE_BY_SIDE_MERGES = ("A1:D1", "F1:I1", "B3:D3", "G3:I3")


def _side_by_side(tmp_path: Path) -> raci.Organization:
    return raci.load(write_workbook(tmp_path / "ram.xlsx", SIDE_BY_SIDE, SIDE_BY_SIDE_MERGES))


class TestTablesSideBySide:
    def test_both_tables_are_read_with_their_own_groups(self, tmp_path: Path) -> None:
        org = _side_by_side(tmp_path)
        named = [(org.deliverables[d].name, g) for d, g in groups_of(org).items()]
        assert named == [
            ("WBS Diagram", "Project Plan.docx"),
            ("Estimation", "Project Plan.docx"),
            ("Gantt Chart", "Project Plan.docx"),
            ("1.1 Background", "Design Document.docx"),
            ("1.2 Overview", "Design Document.docx"),
            ("Coding", "Python Application"),
            ("Testing", "Python Application"),
            ("File Content", "User Manual.docx"),
            ("Images", "User Manual.docx"),
            ("File Content", "Test Report.docx"),
        ]

    def test_the_tables_share_their_parties(self, tmp_path: Path) -> None:
        org = _side_by_side(tmp_path)
        assert [p.name for p in org.parties.values()] == ["Nate", "Steve", "Zaib"]

    def test_letters_spaced_in_one_cell_are_each_a_role(self, tmp_path: Path) -> None:
        org = _side_by_side(tmp_path)
        roles = roles_of(org)
        assert roles["coding"] == [
            ("R", "nate"),
            ("R", "steve"),
            ("R", "zaib"),
            ("A", "nate"),
            ("A", "steve"),
            ("A", "zaib"),
            ("C", "nate"),
            ("C", "steve"),
            ("C", "zaib"),
            ("I", "nate"),
            ("I", "steve"),
            ("I", "zaib"),
        ]
        assert roles["estimation"] == [
            ("R", "steve"),
            ("R", "zaib"),
            ("A", "steve"),
            ("C", "nate"),
            ("C", "zaib"),
            ("I", "nate"),
            ("I", "zaib"),
        ]

    def test_titles_and_legends_are_set_aside_and_the_tables_said(self, tmp_path: Path) -> None:
        org = _side_by_side(tmp_path)
        found = raci.validate(org)
        aside = {f.location.cell.partition("!")[2] for f in found if f.rule == "table-reading"}
        assert aside == {"A1", "A2", "F1", "F2"}
        [read] = [f.message for f in found if f.rule == "tables-read"]
        assert "2 tables of the sheet read as one (at A3, F3)" in read

    def test_every_row_is_read_or_reported(self, tmp_path: Path) -> None:
        org = _side_by_side(tmp_path)
        said = {f.location.line for f in raci.validate(org) if f.rule == "table-reading"}
        # Rows 3-4 are the headers (`Person` over the parties' names).
        assert rows_read(org) | said == set(range(1, 15)) - {3, 4}
