"""RACI tables as real files write them around their rows: task names written as a list
(`` - Plan``, one ``_ RTM`` among them) under phase rows that only some lists reach; a
legend of the role letters right under the matrix, its letters in the task column; an
empty contacts table after the matrices of a document. Every row read or reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import findings_of, groups_of, rows_read, write_table, write_workbook
from raci.cli import cli

FORMATS = [".md", ".csv", ".xlsx"]

#: Tasks written as a list under their phases, one with an underscore for its bullet; the
#: last two phases list their tasks without bullets.
LISTED = [
    ["", "Aya", "Dina", "Customer"],
    ["Initiate Phase Activities", "", "", ""],
    [" - Receive Requirement From Customer", "R", "A", "C"],
    [" - SIQ Document", "C", "R", "A"],
    ["Analysis phase Activities", "", "", ""],
    [" - SRS", "A", "R", "C"],
    ["_ RTM ", "A", "R", "I"],
    ["Implementation Phase Activities", "", "", ""],
    ["Frontend Login page", "R", "I", "A"],
    ["Backend All Pages", "I", "R", ""],
    ["Testing Phase Activities", "", "", ""],
    ["fix the bugs ", "I", "R", ""],
]


class TestTasksWrittenAsAList:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_the_bullet_is_no_part_of_the_name(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, LISTED, suffix))
        assert [d.name for d in org.deliverables.values()] == [
            "Receive Requirement From Customer",
            "SIQ Document",
            "SRS",
            "RTM",
            "Frontend Login page",
            "Backend All Pages",
            "fix the bugs",
        ]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_phase_rows_head_the_tasks_with_and_without_bullets(
        self, tmp_path: Path, suffix: str
    ) -> None:
        org = raci.load(write_table(tmp_path, LISTED, suffix))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert named == {
            "Receive Requirement From Customer": "Initiate Phase Activities",
            "SIQ Document": "Initiate Phase Activities",
            "SRS": "Analysis phase Activities",
            "RTM": "Analysis phase Activities",
            "Frontend Login page": "Implementation Phase Activities",
            "Backend All Pages": "Implementation Phase Activities",
            "fix the bugs": "Testing Phase Activities",
        }

    def test_an_underscore_alone_is_no_bullet(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["_ draft", "A", "R"], ["- Plan", "R", "A"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert [d.name for d in org.deliverables.values()] == ["_ draft", "Plan"]

    def test_the_matrix_written_back_holds_no_guarded_bullet(self, tmp_path: Path) -> None:
        out = tmp_path / "out.csv"
        path = write_table(tmp_path, LISTED, ".xlsx")
        done = CliRunner().invoke(cli, ["matrix", str(path), "-o", str(out), "--isolated"])
        assert done.exit_code == 0, done.output
        text = out.read_text(encoding="utf-8")
        assert "Receive Requirement From Customer" in text
        assert "'-" not in text
        assert "- Receive" not in text


#: A matrix under two header rows (names, then posts) with a legend right under it: its
#: title alone in the task column, then each letter there, its role's name and what it
#: means.
LEGEND_UNDER = [
    ["Name:", "Sheshan", "Sajeewana", "Sampa"],
    ["Role:", "Project Manager", "Engineer", "Client"],
    ["Starting up a Project", "", "", ""],
    ["Project Brief", "A", "R", "C"],
    ["RACI Matrix", "A & R", "I", "I"],
    ["Managing a Project", "", "", ""],
    ["Risk Log", "A & R", "I", "-"],
    ["Definitions", "", "", ""],
    ["A", "Accountable", "Responsible for success/failure of this activity", ""],
    ["R", "Responsible", "Does the work to achieve the task", ""],
    ["C", "Consulted", "Provides input for the task", ""],
    ["I", "Informed", "Must be informed about progress", ""],
]


class TestLegendUnderTheMatrix:
    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_the_legend_rows_are_no_deliverables(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, LEGEND_UNDER, suffix))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert named == {
            "Project Brief": "Starting up a Project",
            "RACI Matrix": "Starting up a Project",
            "Risk Log": "Managing a Project",
        }

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_the_legend_is_set_aside_with_an_info(self, tmp_path: Path, suffix: str) -> None:
        path = write_table(tmp_path, LEGEND_UNDER, suffix)
        said = {
            f.location.line: f.message
            for f in raci.validate(raci.load(path))
            if f.severity == "info"
        }
        assert "a title or note (1 cell, starting `Definitions`)" in said[8]
        assert said[9].startswith("a legend (12 cells, starting `A`) is outside the table")

    def test_a_legend_merged_across_the_parties_is_set_aside(self, tmp_path: Path) -> None:
        merges = ("A8:D8", "C9:D9", "C10:D10", "C11:D11", "C12:D12")
        org = raci.load(write_workbook(tmp_path / "ram.xlsx", LEGEND_UNDER, merges))
        assert [d.name for d in org.deliverables.values()] == [
            "Project Brief",
            "RACI Matrix",
            "Risk Log",
        ]
        assert not findings_of(org, "unreadable-cell")

    def test_a_legend_in_another_language_is_set_aside(self, tmp_path: Path) -> None:
        rows = [
            ["Tarea", "Ana", "Bo"],
            ["Plan", "A", "R"],
            ["Construir", "R", "A"],
            ["Probar", "A", "R"],
            ["R", "Responsable", "Hace el trabajo"],
            ["A", "Aprobador", "Responde del resultado"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert [d.name for d in org.deliverables.values()] == ["Plan", "Construir", "Probar"]

    def test_a_task_named_by_a_letter_is_read(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "A", "R"], ["C", "A", "R"], ["I", "R/A", "C"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert [d.name for d in org.deliverables.values()] == ["Plan", "C", "I"]


#: A document of a matrix and a contact list to fill in later.
CONTACTS = """# RACI

## 1. Operação diária

| Situação | CMP | FAC |
|---|---|---|
| Cartão sem material | **R** / **A** | I |
| Falta de etiqueta | C | **R** (reporta) |

## Contatos (preencher antes de publicar)

| Papel | Nome | Telefone | E-mail | Substituto |
|---|---|---|---|---|
| Comprador (CMP) | | | | |
| Facilitador Kanban (FAC) | | | | |
"""


class TestEmptyContactList:
    def test_it_gives_no_deliverables(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(CONTACTS, encoding="utf-8")
        org = raci.load(path)
        assert [d.name for d in org.deliverables.values()] == [
            "Cartão sem material",
            "Falta de etiqueta",
        ]
        assert not [g.name for g in org.groups.values() if "Contatos" in g.name]

    def test_it_is_skipped_with_an_info_saying_why(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(CONTACTS, encoding="utf-8")
        [skipped] = [
            f for f in findings_of(raci.load(path), "tables-read") if "skipped" in f.message
        ]
        assert skipped.location.line == 12
        assert skipped.message == (
            "table skipped: its columns (`Nome`, `Telefone`, `E-mail`, `Substituto`) are"
            " contact details, not parties or roles, and are empty (a contact list, not a"
            " responsibility table)"
        )

    def test_every_line_is_read_or_reported(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(CONTACTS, encoding="utf-8")
        org = raci.load(path)
        reported = {f.location.line for f in raci.validate(org)}
        # The matrix's rows, and the contact list's header: one note says it for its rows.
        assert {7, 8, 12} <= rows_read(org) | reported

    def test_an_empty_template_of_parties_is_still_read(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "", ""], ["Build", "", ""]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert [d.name for d in org.deliverables.values()] == ["Plan", "Build"]

    def test_a_sheet_of_it_alone_is_a_one_line_error(self, tmp_path: Path) -> None:
        rows = [["Role", "Name", "Phone", "E-mail"], ["Buyer", "", "", ""], ["Lead", "", "", ""]]
        path = write_table(tmp_path, rows, ".csv")
        with pytest.raises(raci.LoadError) as caught:
            raci.load(path)
        assert str(caught.value).startswith(f"{path}:1:1: this table is not one raci reads")


#: Each shape's rows and the rows (from 0) that are headers, or said in one note with the
#: row above them (a block set aside is one note).
SHAPES = {
    "listed": (LISTED, {0}),
    "legend under": (LEGEND_UNDER, {0, 1, 9, 10, 11}),
}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("name", list(SHAPES))
def test_every_row_is_read_or_reported(tmp_path: Path, name: str, suffix: str) -> None:
    rows, headers = SHAPES[name]
    path = write_table(tmp_path, rows, suffix)
    org = raci.load(path)
    first = 5 if suffix == ".md" else 2  # the line or row of the first data row
    data = {first + i - 1 for i, row in enumerate(rows) if any(row) and i not in headers}
    reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
    assert data <= rows_read(org) | reported, name


class TestHeadingsSetOffByAnArrow:
    """A task tracker: ids in column A, names in B, headings ``  ▶  BRAND`` written in the
    id column with spaces before them (the only rows with spaces), merged across."""

    ROWS = (
        ["Task ID", "Task Name", "Category", "Ann", "Bo"],
        ["  ▶  MARKETING STRATEGY", "", "", "", ""],
        ["T-001", "ICP Research", "Marketing", "A", "R"],
        ["T-002", "Competitive Analysis", "Marketing", "R", "A"],
        ["  ▶  BRAND", "", "", "", ""],
        ["T-003", "Logo", "Brand", "A", "R"],
    )

    def test_they_are_headings_named_without_the_arrow(self, tmp_path: Path) -> None:
        path = write_workbook(tmp_path / "t.xlsx", self.ROWS, ("A2:E2", "A5:E5"))
        org = raci.load(path)
        assert groups_of(org) == {
            "T-001": "MARKETING STRATEGY",
            "T-002": "MARKETING STRATEGY",
            "T-003": "BRAND",
        }
