"""Workbooks as students and teams write them: two matrices side by side on one sheet (an
empty column between), each under its title and a one-cell legend, with `Person` merged
over its parties and document rows heading the activities under them; a legend on top
of a header spread over two rows, the category written on every row. Every row read or
reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import groups_of, roles_of, rows_read, write_table, write_workbook
from raci.io.tables.region import legend_entry

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


def _side_by_side(tmp_path: Path, suffix: str = ".xlsx") -> raci.Organization:
    if suffix == ".csv":
        return raci.load(write_table(tmp_path, SIDE_BY_SIDE, suffix))
    return raci.load(write_workbook(tmp_path / "ram.xlsx", SIDE_BY_SIDE, SIDE_BY_SIDE_MERGES))


class TestTablesSideBySide:
    @pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
    def test_both_tables_are_read_with_their_own_groups(self, tmp_path: Path, suffix: str) -> None:
        org = _side_by_side(tmp_path, suffix)
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


#: A legend on top, then a header over two rows: the parties merged down over both, the
#: column labels in the lower one; the category written on every row.
SPREAD_HEADER: list[list[str]] = [
    ["RACI", "", ""],
    ["Responsible (R) ", "Does the work.", ""],
    ["Accountable (A) ", "Owns the outcome.", ""],
    ["Consulted (C) ", "Gives input.", ""],
    ["Informed (I) ", "Kept up to date.", ""],
    [],
    ["", "", "Stakeholders", "Data Engineering\nManager", "Data Engineer"],
    ["Task Category", "Task Name", "Task Definition"],
    ["Collaboration", "Work with other teams", "Talk to the other departments.", "R, A", "R"],
    ["Data Ingestion", "Build pipelines", "Load data into the warehouse.", "R, A", "R"],
    ["Data Ingestion", "Troubleshoot pipelines", "Resolve pipeline issues.", "R,A", "R"],
    ["Management", "Manage priorities", "Assign tasks and deadlines.", "R, A"],
]
SPREAD_MERGES = ("A1:C1", "B2:C2", "B3:C3", "B4:C4", "B5:C5", "D7:D8", "E7:E8")


def _spread_header(tmp_path: Path) -> raci.Organization:
    return raci.load(write_workbook(tmp_path / "matrix.xlsx", SPREAD_HEADER, SPREAD_MERGES))


class TestCategoryOnEveryRow:
    def test_the_category_column_groups_the_tasks(self, tmp_path: Path) -> None:
        org = _spread_header(tmp_path)
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert named == {
            "Work with other teams": "Collaboration",
            "Build pipelines": "Data Ingestion",
            "Troubleshoot pipelines": "Data Ingestion",
            "Manage priorities": "Management",
        }
        assert not [f for f in raci.validate(org) if f.rule == "duplicate-row"]

    def test_the_parties_are_the_cells_merged_down(self, tmp_path: Path) -> None:
        org = _spread_header(tmp_path)
        assert [p.name for p in org.parties.values()] == [
            "Data Engineering Manager",
            "Data Engineer",
        ]
        roles = {org.deliverables[d].name: r for d, r in roles_of(org).items()}
        assert roles["Troubleshoot pipelines"] == [
            ("R", "data-engineering-manager"),
            ("R", "data-engineer"),
            ("A", "data-engineering-manager"),
        ]

    def test_the_definitions_are_set_aside(self, tmp_path: Path) -> None:
        org = _spread_header(tmp_path)
        said = [f.message for f in raci.validate(org) if f.rule == "table-reading"]
        assert any("column `Task Definition` holds data" in m for m in said)

    def test_every_row_is_read_or_reported(self, tmp_path: Path) -> None:
        org = _spread_header(tmp_path)
        said = {f.location.line for f in raci.validate(org) if f.rule == "table-reading"}
        assert rows_read(org) == {9, 10, 11, 12}
        assert said >= {1}  # the title and the legend under it, one block

    def test_a_legend_of_roles_with_their_letters_is_said_as_one(self, tmp_path: Path) -> None:
        org = _spread_header(tmp_path)
        [legend] = [f for f in raci.validate(org) if f.location.line == 1]
        assert legend.message.startswith("a legend (15 cells, starting `RACI`)")

    @pytest.mark.parametrize("head", ["Task Category", "Project Phase", "Work Stage"])
    def test_a_group_word_after_another_heads_the_groups(self, tmp_path: Path, head: str) -> None:
        rows = [
            [head, "Task", "Ann", "Bo"],
            ["Build", "Code", "A", "R"],
            ["Build", "Test", "R", "A"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert groups_of(org) == {"code": "Build", "test": "Build"}


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Responsible (R) ", ("R", "Responsible")),
        ("Accountable (a)", ("A", "Accountable")),
        ("Build (U)", None),  # names no role
        ("Consulted (I)", None),  # the letter of another role
        ("R: Responsible", ("R", "Responsible")),
    ],
)
def test_a_role_with_its_letter_after_it_is_a_legend_entry(
    text: str, entry: tuple[str, str] | None
) -> None:
    assert legend_entry(text) == entry
