"""Sheets and CSV files that hold several tables, one above the other (each read with its
own header and layout), names written over two rows under merged role cells, a legend
right above the header, a label row under a heading, and the heading of a Markdown table
over its section rows: every row read or reported."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import raci
from helpers import findings_of as notes
from helpers import groups_of as groups
from helpers import roles_of as roles
from helpers import write_table

SPREADSHEETS = [".csv", ".xlsx"]


def rows_read(org: raci.Organization) -> set[int]:
    """The rows that gave a deliverable, an assignment or a group."""
    places = [d.location for d in org.deliverables.values()]
    places += [a.location for d in org.deliverables.values() for a in d.assignments]
    places += [g.location for g in org.groups.values()]
    return {p.line for p in places}


def reported(org: raci.Organization, path: Path) -> set[int]:
    return {f.location.line for f in raci.validate(org) if f.location.file == str(path)}


def sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    """A workbook of one sheet holding ``rows`` from A1, with the ranges merged."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([c if c != "" else None for c in row])
    for merge in merges:
        book.active.merge_cells(merge)
    book.save(path)
    return path


class TestTablesOneAboveTheOther:
    """Each table of a sheet is read with its own header and layout, as one model."""

    ROWS = (
        ["Task", "Responsible (R)", "Accountable (A)"],
        ["Build", "Dev", "Lead"],
        ["Test", "QA", "Lead"],
        [],
        [],
        [],
        ["Task", "Ana", "Bo"],
        ["Design", "R", "-"],
        ["Deploy", "-", "R"],
    )

    @pytest.mark.parametrize("suffix", SPREADSHEETS)
    def test_both_tables_are_read(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, [list(r) for r in self.ROWS], suffix))
        assert roles(org) == {
            "build": [("R", "dev"), ("A", "lead")],
            "test": [("R", "qa"), ("A", "lead")],
            "design": [("R", "ana")],
            "deploy": [("R", "bo")],
        }
        assert sorted(org.external) == ["ana", "bo", "dev", "lead", "qa"]
        [said] = notes(org, "tables-read")
        where = "A1, A7" if suffix == ".xlsx" else "lines 1, 7"
        assert said.message == f"2 tables of the sheet read as one (at {where})"
        assert not [n for n in notes(org, "table-reading") if "outside" in n.message]
        no_a = {f.subject for f in notes(org, "single-accountable")}
        assert no_a == {"design", "deploy"}
        assert not notes(org, "responsible-present")

    def test_a_register_below_stays_set_aside(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Plan", "A", "R"],
            [],
            ["Stakeholder", "Interest", "Influence", "Engagement"],
            ["Board", "High", "High", "Keep satisfied"],
            ["Users", "High", "Low", "Keep informed"],
        ]
        path = write_table(tmp_path, rows, ".csv")
        org = raci.load(path)
        assert list(org.deliverables) == ["plan"]
        [said] = [n for n in notes(org, "table-reading") if "outside" in n.message]
        assert said.message == (
            "a block of cells (12 cells, starting `Stakeholder`) is outside the table that"
            " starts at line 1, so it is not read"
        )
        assert (said.location.line, said.location.column) == (4, 1)
        assert not notes(org, "tables-read")

    def test_two_tables_notes_and_a_list_as_a_real_sheet_holds_them(self, tmp_path: Path) -> None:
        """Roles by column (with a column of who is on it) above a letter grid, notes and a
        to-do list below: 3 + 2 deliverables, the parties of both, the notes said."""
        rows: list[list[object]] = [
            ["Task", "Project Team Member(s)", "Responsible (R)", "Accountable (A)"],
            ["Design and Planning", "Project Team", "Project Team", "Project Lead"],
            ["Develop Bus Matrix", "Data Analyst", "Data Analyst", "Project Lead"],
            ["Visualization", "Data Visualization Team", "Visualization Team", "Project Lead"],
            [],
            [],
            ["Task", "Nivetha (Data Architect)", "Vidhika (Data Engineer)"],
            ["Data pipeline implementation", "-", "R"],
            ["Optimization of data workflows", "C", "R"],
            ["In this RACI matrix:"],
            [],
            ["R denotes that the individual is responsible for the task."],
            ["C denotes that the individual is to be consulted for the task."],
            [],
            ["getting the data"],
            ["ER diagram"],
        ]
        org = raci.load(sheet(tmp_path / "taxi.xlsx", rows))
        assert len(org.deliverables) == 5
        assert roles(org)["optimization-of-data-workflows"] == [
            ("R", "vidhika-data-engineer"),
            ("C", "nivetha-data-architect"),
        ]
        assert "data-visualization-team" not in org.external
        assert len(org.external) == 6
        assert not org.groups
        said = {n.location.cell: n.message for n in notes(org, "table-reading")}
        assert said["Sheet!A10"].startswith("row 10 holds only `In this RACI matrix:`, below")
        assert said["Sheet!A12"].startswith("a title or note (2 cells, starting `R denotes")
        assert said["Sheet!A15"].startswith("a title or note (2 cells, starting `getting the")


class TestRepeatedTwoRowHeader:
    """A names row over a role-label row, written again over each part of the table."""

    APART = (
        ["", "", "Arthur", "Yanis", "Louis"],
        ["ID", "Part 1", "Chef de projet", "Membre", "Membre"],
        ["1", "Build", "A", "R", "I"],
        ["2", "Check", "R", "A", "I"],
        [],
        ["", "", "Arthur", "Yanis", "Louis"],
        ["ID", "Part 2", "Chef de projet", "Membre", "Membre"],
        ["1", "Test", "A", "I", "R"],
    )

    @pytest.mark.parametrize("suffix", SPREADSHEETS)
    @pytest.mark.parametrize("apart", [True, False], ids=["apart", "together"])
    @pytest.mark.parametrize("ids", [True, False], ids=["ids", "no-ids"])
    def test_each_part_is_a_group(
        self, tmp_path: Path, suffix: str, apart: bool, ids: bool
    ) -> None:
        rows = [list(r) if ids else list(r[1:]) for r in self.APART if r or apart]
        org = raci.load(write_table(tmp_path, rows, suffix))
        names = {
            d.name: org.groups[d.group].name if d.group else None for d in org.deliverables.values()
        }
        assert names == {"Build": "Part 1", "Check": "Part 1", "Test": "Part 2"}
        assert sorted(org.external) == ["arthur", "louis", "yanis"]
        assert not notes(org, "unreadable-cell")
        assert not notes(org, "duplicate-row")
        if ids:
            assert list(org.deliverables) == ["1", "2", "part-2-1"]
        tested = next(d for d in org.deliverables.values() if d.name == "Test")
        assert [(a.role, a.party) for a in tested.assignments] == [
            ("R", "louis"),
            ("A", "arthur"),
            ("I", "yanis"),
        ]

    def test_three_tables_under_a_block_of_project_details(self, tmp_path: Path) -> None:
        """As a French template lays it out: labels of project details above, three tables
        each with its names row and its role-label row, numbered from 1 in each."""
        rows: list[list[object]] = [
            ["", "", "Nom / Code projet", "", "", "", "", "", "", "", "Date de création"],
            [],
            ["", "", "Chef de projet"],
            [],
        ]
        for part, tasks in [
            ("part 1", ["Analyse", "UML"]),
            ("part 2", ["Vue"]),
            ("rendu", ["Rapport"]),
        ]:
            rows += [
                ["", "", "", "Arthur", "Yanis", "Louis", "Hugo"],
                ["", "ID", f"SAE 201 {part}", "Chef de projet \n", "Membre", "Membre", "Membre"],
                *[
                    ["", i, t, "R", "A" if i == 1 else "I", "I", "R"]
                    for i, t in enumerate(tasks, 1)
                ],
                [],
                [],
            ]
        org = raci.load(sheet(tmp_path / "sae.xlsx", rows))
        assert groups(org) == {
            "1": "SAE 201 part 1",
            "2": "SAE 201 part 1",
            "sae-201-part-2-1": "SAE 201 part 2",
            "sae-201-rendu-1": "SAE 201 rendu",
        }
        assert sorted(org.external) == ["arthur", "hugo", "louis", "yanis"]
        assert not notes(org, "unreadable-cell")
        assert not notes(org, "duplicate-row")
        [said] = notes(org, "tables-read")
        assert said.message.startswith("3 tables of the sheet read as one (at B5, B11, B16)")


class TestNameOverTwoMergedRows:
    """A deliverable whose role cells are merged down over two rows and whose name is
    written in the two rows' own cells is one deliverable."""

    def workbook(self, tmp_path: Path) -> Path:
        rows: list[list[object]] = [
            ["Task", "Lead", "Team", "Board"],
            ["Start test runs within 12 months and", "A", "R", "I"],
            ["reach full production by month 18.", "", "", ""],
            ["Ship", "A", "R", ""],
            ["Secure 10 contracts.", "R", "A", "C"],
            [" by 40% within the first 9 months.", "", "", ""],
            ["Train the staff", "A", "R", "I"],
            ["", "", "", ""],
        ]
        merges = ("B2:B3", "C2:C3", "D2:D3", "B5:B6", "C5:C6", "D5:D6")
        merges += ("A7:A8", "B7:B8", "C7:C8", "D7:D8")
        return sheet(tmp_path / "merged.xlsx", rows, merges)

    def test_one_deliverable_named_by_both_texts(self, tmp_path: Path) -> None:
        path = self.workbook(tmp_path)
        org = raci.load(path)
        assert [d.name for d in org.deliverables.values()] == [
            "Start test runs within 12 months and reach full production by month 18.",
            "Ship",
            "Secure 10 contracts. by 40% within the first 9 months.",
            "Train the staff",
        ]
        assert sum(len(d.assignments) for d in org.deliverables.values()) == 11
        said = [n for n in notes(org, "table-reading") if "carries on" in n.message]
        assert [n.location.cell for n in said] == ["Sheet!A3", "Sheet!A6"]
        assert said[0].message.startswith(
            "row 3 carries on the name in row 2 (its role cells are merged with row 2's), so"
            " the two rows are read as one deliverable"
        )
        assert not [f for f in raci.validate(org) if f.severity.value == "error"]
        assert set(range(2, 8)) <= rows_read(org) | reported(org, path)

    def test_a_new_name_under_cells_merged_down_is_a_deliverable(self, tmp_path: Path) -> None:
        """A name of its own (a capital, no joining word above) under merged role cells is a
        deliverable that shares them."""
        rows: list[list[object]] = [["Task", "Ann", "Bo"], ["Plan", "R", "A"], ["Ship", "", ""]]
        org = raci.load(sheet(tmp_path / "shared.xlsx", rows, ("B2:B3", "C2:C3")))
        assert roles(org) == {
            "plan": [("R", "ann"), ("A", "bo")],
            "ship": [("R", "ann"), ("A", "bo")],
        }


class TestAboveAndUnderTheHeader:
    """A legend right above the header, the heading of the rows and the deliverable
    column's label under it, as a real workbook lays them out."""

    def workbook(self, tmp_path: Path) -> Path:
        rows: list[list[object]] = [
            ["ReFeed RACI"],
            ["R - Responsible", "Completes the deliverable or task."],
            ["A - Accountable", "Makes final decisions and signs off. Only 1 per task."],
            ["C - Consulted", "An advisor who offers guidance before an action is taken."],
            ["I - Informed", "Kept up to date on decisions made."],
            ["ReFeed Project", "Chairman", "CEO", "CFO", "Project Manager"],
            ["PHASE 1"],
            ["Task/Deliverable"],
            ["1- Secure 10 contracts", "I", "A", "C", "R"],
            [],
            ["2- Launch the app", "I", "C", "A", "R"],
        ]
        merges = ("A1:E1", "B2:E2", "B3:E3", "B4:E4", "B5:E5")
        return sheet(tmp_path / "refeed.xlsx", rows, merges)

    def test_the_legend_is_said_and_the_label_is_no_group(self, tmp_path: Path) -> None:
        path = self.workbook(tmp_path)
        org = raci.load(path)
        assert [p.name for p in org.external.values()] == [
            "Chairman",
            "CEO",
            "CFO",
            "Project Manager",
        ]
        assert groups(org) == {"1-secure-10-contracts": "PHASE 1", "2-launch-the-app": "PHASE 1"}
        said = {n.location.cell: n.message for n in notes(org, "table-reading")}
        assert said["Sheet!A2"].startswith("a legend (8 cells, starting `R - Responsible`)")
        assert said["Sheet!A8"] == (
            "row 8 holds only `Task/Deliverable`, the label of the deliverable column, so it is"
            " read as a label, not as a deliverable or a group"
        )
        assert not [f for f in raci.validate(org) if f.severity.value != "info"]
        assert {2, 7, 8, 9, 11} <= rows_read(org) | reported(org, path)


class TestMarkdownHeadingOverSectionRows:
    def test_section_rows_nest_under_the_tables_heading(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(
            "## Governance\n\n| Activity | SG | PE |\n|---|---|---|\n| **Decisions** |||\n"
            "| Approve plan | A | R |\n| **Planning** |||\n| Write plan | R | A |\n\n"
            "## Documents\n\n| Document | SG | PE |\n|---|---|---|\n| Business case | A | R |\n"
        )
        org = raci.load(path)
        assert groups(org) == {
            "approve-plan": "Governance › Decisions",
            "write-plan": "Governance › Planning",
            "business-case": "Documents",
        }


class TestOtherSheets:
    def test_another_sheet_with_a_table_is_named(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        first = book.active
        first.title = "Sheet1"
        for row in [["Task", "Ann", "Bo"], ["Plan", "A", "R"], ["Ship", "R", "A"]]:
            first.append(row)
        register = book.create_sheet("Register")
        for row in [["Risk", "Owner"], ["Late", "Ann"], ["Cost", "Bo"]]:
            register.append(row)
        second = book.create_sheet("Sheet2")
        for row in [["Task", "Cy", "Di"], ["Test", "A", "R"], ["Run", "R", "A"]]:
            second.append(row)
        book.active = 2
        path = tmp_path / "book.xlsx"
        book.save(path)
        org = raci.load(path)
        assert list(org.deliverables) == ["test", "run"]
        [said] = [n for n in notes(org, "table-reading") if "also" in n.message]
        assert said.message == (
            "sheet `Sheet1` also holds a table, which raci does not read with this one: it"
            " reads one sheet, the one the workbook opens at (`Sheet2`)"
        )
        assert said.hint == "Read another sheet with `--sheet Sheet1`."
        named = raci.load(path, sheet="Sheet1")
        assert not [n for n in notes(named, "table-reading") if "also" in n.message]


def test_past_the_most_blocks_only_the_largest_table_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raci.io.tables import region

    monkeypatch.setattr(region, "MOST_TABLE_BLOCKS", 1)
    rows = [list(r) for r in TestTablesOneAboveTheOther.ROWS]
    org = raci.load(write_table(tmp_path, rows, ".csv"))
    assert list(org.deliverables) == ["design", "deploy"]
    [said] = [n for n in notes(org, "table-reading") if "outside" in n.message]
    assert said.message.startswith("a block of cells (9 cells, starting `Task`)")
