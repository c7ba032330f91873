"""RACI tables written the way real files write them: a task column after a column of
waves or phases, two columns with one label, repeated header rows, `R et A`, role headers
in other languages, names made of role letters, repeated rows under headings, nested
heading rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import raci
from helpers import write_table
from raci.io.tables.role_headers import role_of_header
from raci.io.tables.table import parse_roles
from raci.schemes import BUILTIN_SCHEMES

FORMATS = [".md", ".csv", ".xlsx"]
RACI = BUILTIN_SCHEMES["RACI"]
RASCI = BUILTIN_SCHEMES["RASCI"]


def notes(org: raci.Organization, rule: str) -> list[raci.Finding]:
    return [f for f in raci.validate(org) if f.rule == rule]


def roles(org: raci.Organization) -> dict[str, list[tuple[str, str]]]:
    return {d.id: [(a.role, a.party) for a in d.assignments] for d in org.deliverables.values()}


def groups(org: raci.Organization) -> dict[str, str | None]:
    """Each deliverable's name and the name of its group."""
    return {
        d.name: org.groups[d.group].name if d.group else None for d in org.deliverables.values()
    }


class TestTaskColumnAfterAnother:
    """A task column after a first column raci has no word for keeps the task's text."""

    @pytest.mark.parametrize("suffix", FORMATS)
    @pytest.mark.parametrize("task", ["Task", "Aufgabe", "任务", "Tarea", "Tâche", "Задача"])
    def test_roles_by_column_after_a_wave_column(
        self, tmp_path: Path, suffix: str, task: str
    ) -> None:
        rows = [
            ["Wave", task, "R", "A"],
            ["W1", "Review and merge", "Dev", "Lead"],
            ["W2", "Deploy", "Ops", "Lead"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert {d.id: d.name for d in org.deliverables.values()} == {
            "W1": "Review and merge",
            "W2": "Deploy",
        }
        assert roles(org)["W2"] == [("R", "ops"), ("A", "lead")]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_a_phase_column_groups_the_rows(self, tmp_path: Path, suffix: str) -> None:
        """`Phase` is a spelling of `group`: two tasks of one phase are two deliverables."""
        rows = [
            ["Phase", "Task", "Ann", "Bo"],
            ["P1", "Review", "A", "R"],
            ["", "Deploy", "A", "R"],
            ["P2", "Review", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert [(d.name, d.group) for d in org.deliverables.values()] == [
            ("Review", "p1"),
            ("Deploy", "p1"),
            ("Review", "p2"),
        ]
        assert notes(org, "duplicate-row") == []

    def test_roles_by_column_under_phases(self, tmp_path: Path) -> None:
        rows = [["Phase", "Task", "Responsible", "Accountable"], ["P1", "Review", "Dev", "Lead"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert groups(org) == {"Review": "P1"}

    def test_a_column_not_read_is_said(self, tmp_path: Path) -> None:
        """A column beside the role columns that names no role is not dropped unsaid."""
        rows = [["Task", "Responsible", "Accountable", "Remarks"], ["Build", "Dev", "Lead", "soon"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [note] = notes(org, "table-reading")
        assert note.message == "column `Remarks` names no role, so its 1 cell are not read"
        assert (note.location.line, note.location.column) == (1, 30)


class TestSameLabelTwice:
    """Two party columns with one label do not refuse the file."""

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_both_columns_are_read(self, tmp_path: Path, suffix: str) -> None:
        rows = [["Task", "User", "Sponsor", "User"], ["Build", "R", "A", "I"]]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert roles(org) == {"build": [("R", "user"), ("A", "sponsor"), ("I", "user-2")]}
        [warning] = notes(org, "duplicate-column")
        assert warning.severity is raci.Severity.WARNING
        header = 3 if suffix == ".md" else 1  # a Markdown table's cells are named by line
        assert f"repeats the label of cell B{header}" in warning.message
        if suffix == ".xlsx":
            assert warning.location.cell == "Sheet!D1"

    def test_cells_are_named_on_the_sheet(self, tmp_path: Path) -> None:
        """A table that starts in column B names its cells as the sheet does."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "RACI"
        for row in (["Task", "User", "Sponsor", "User"], ["Build", "R", "A", "I"]):
            sheet.append(["", *row])
        path = tmp_path / "shifted.xlsx"
        book.save(path)
        [warning] = notes(raci.load(path), "duplicate-column")
        assert "repeats the label of cell C1" in warning.message
        assert warning.location.cell == "RACI!E1"

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_names_above_the_labels_are_the_parties(self, tmp_path: Path, suffix: str) -> None:
        rows = [["", "Steve", "", "Alain"], ["Task", "User", "Sponsor", "User"]]
        rows.append(["Build", "R", "A", "I"])
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert roles(org) == {"build": [("R", "steve"), ("A", "sponsor"), ("I", "alain")]}
        assert notes(org, "duplicate-column") == []
        [note] = notes(org, "table-reading")
        assert "names the parties above row" in note.message

    def test_with_an_org_the_second_column_is_an_error_at_its_cell(self, tmp_path: Path) -> None:
        org = raci.loads("version: 1\nexternal: [{id: user, name: User}]\n")
        path = write_table(tmp_path, [["Task", "User", "User"], ["Build", "R", "A"]], ".csv")
        with pytest.raises(raci.LoadError) as info:
            raci.load(path, org=org)
        assert str(info.value.findings[0]).endswith(
            "party `user` has a second column (the first at B1)"
        )


class TestRepeatedHeaderRows:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_a_repeated_header_starts_a_section(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["ANALYSIS", "Ann", "Bo"],
            ["Interview", "A", "R"],
            ["DESIGN", "Ann", "Bo"],
            ["Sketch", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert groups(org) == {"Interview": "ANALYSIS", "Sketch": "DESIGN"}
        assert notes(org, "unreadable-cell") == []

    def test_the_same_header_again_is_no_deliverable(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Interview", "A", "R"], ["Task", "Ann", "Bo"]]
        rows.append(["Sketch", "A", "R"])
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert list(org.deliverables) == ["interview", "sketch"]
        [note] = notes(org, "table-reading")
        assert (
            note.message
            == "row 3 repeats the header (of row 1), so it is not read as a deliverable"
        )

    def test_headings_nest_in_sections(self, tmp_path: Path) -> None:
        rows = [
            ["ANALYSIS", "Ann", "Bo"],
            ["Interview", "A", "R"],
            ["BUILD", "Ann", "Bo"],
            ["Milestone I", "", ""],
            ["Code", "A", "R"],
            ["Milestone II", "", ""],
            ["Code", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert [org.groups[d.group].name for d in org.deliverables.values() if d.group] == [
            "ANALYSIS",
            "BUILD › Milestone I",
            "BUILD › Milestone II",
        ]


class TestConjunctions:
    @pytest.mark.parametrize(
        "text", ["R et A", "R and A", "R und A", "R y A", "R e A", "R и A", "R 和 A", "r and a"]
    )
    def test_and_between_letters(self, text: str) -> None:
        assert parse_roles(text, RACI) == ("R", "A")

    @pytest.mark.parametrize(
        ("text", "letters"), [("and", None), ("R and", None), ("y A", ("Y", "A"))]
    )
    def test_only_between_letters(self, text: str, letters: tuple[str, ...] | None) -> None:
        """A word for "and" that joins no two letters is read as it is."""
        assert parse_roles(text, RACI) == letters

    def test_a_capital_letter_stays_a_letter(self) -> None:
        assert parse_roles("R Y A", RACI) == ("R", "Y", "A")

    def test_in_a_table(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Build", "R et A", "I"], ["Run", "R y A", "I"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert roles(org)["run"] == [("R", "ann"), ("A", "ann"), ("I", "bo")]
        assert [f for f in raci.validate(org) if f.severity is raci.Severity.ERROR] == []


class TestRoleHeadersInOtherLanguages:
    @pytest.mark.parametrize(
        ("header", "letter"),
        [
            ("Verantwortlich (R)", "R"),
            ("R (Verantwortlich)", "R"),
            ("Responsável (R)", "R"),
            ("Responsable (R)", "R"),
            ("Rechenschaftspflichtig (A)", "A"),
            ("Approbateur (A)", "A"),
            ("Verantwortlich", "R"),
            ("Rechenschaftspflichtig", "A"),
            ("Konsultiert", "C"),
            ("Informiert", "I"),
            ("Aprobador", "A"),
            ("Consultado", "C"),
            ("Informado", "I"),
            ("Исполнитель", "R"),
            ("负责人", "R"),
            ("批准", "A"),
            ("咨询", "C"),
            ("知会", "I"),
            ("実行責任者", "R"),
            ("説明責任者", "A"),
        ],
    )
    def test_the_role(self, header: str, letter: str) -> None:
        role = role_of_header(header, RACI)
        assert role is not None
        assert role.letter == letter

    @pytest.mark.parametrize("header", ["A Team", "Apoyo", "Ann"])
    def test_no_role_of_raci(self, header: str) -> None:
        assert role_of_header(header, RACI) is None

    def test_support(self) -> None:
        role = role_of_header("Unterstützend (S)", RASCI)
        assert role is not None
        assert role.letter == "S"

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_a_german_table(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Prozess", "Verantwortlich (R)", "Rechenschaftspflichtig (A)", "Konsultiert (C)"],
            ["Auskunft", "Matthias (IT-Betrieb)", "Philipp", "–"],
            ["Löschung", "Philipp", "Rado", "Matthias"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert roles(org)["löschung"] == [("R", "philipp"), ("A", "rado"), ("C", "matthias")]


class TestNamesMadeOfRoleLetters:
    @pytest.mark.parametrize("text", ["Ida", "Ria", "Ari", "Cara", "Rado", "ar"])
    def test_a_word_is_a_name(self, text: str) -> None:
        assert parse_roles(text, RACI) is None

    @pytest.mark.parametrize(
        ("text", "letters"), [("AR", ("A", "R")), ("RACI", ("R", "A", "C", "I"))]
    )
    def test_capitals_are_letters(self, text: str, letters: tuple[str, ...]) -> None:
        assert parse_roles(text, RACI) == letters

    def test_names_under_role_columns(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Responsible", "Accountable", "Informed"],
            ["Build", "Ann", "Ida", "Ria"],
            ["Test", "Cara", "Bo", "Rado"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        assert roles(org)["test"] == [("R", "cara"), ("A", "bo"), ("I", "rado")]


class TestRepeatedRows:
    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_repeat_under_another_heading_is_reported(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Phase 1", "", ""],
            ["Build", "A", "R"],
            ["Phase 2", "", ""],
            ["Build", "A", "R"],
            ["Build", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert list(org.deliverables) == ["build", "phase-2-build", "phase-2-build-2"]
        [dup] = notes(org, "duplicate-row")
        assert dup.location.line == 6
        assert "names `Build` again" in dup.message

    def test_the_message_names_the_text_that_repeats(self, tmp_path: Path) -> None:
        rows = [
            ["Wave", "Task", "Ann", "Bo"],
            ["P1", "Review", "A", "R"],
            ["P1", "Deploy", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [dup] = notes(org, "duplicate-row")
        assert dup.message.startswith("this row names `P1` again (named `Deploy` here)")


class TestNestedHeadingRows:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_the_outer_heading_is_kept(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Milestone 1", "", ""],
            ["Client", "", ""],
            ["Deploy", "A", "R"],
            ["Server", "", ""],
            ["Patch", "A", "R"],
            ["Milestone 2", "", ""],
            ["Client", "", ""],
            ["Migrate", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert groups(org) == {
            "Deploy": "Milestone 1 › Client",
            "Patch": "Milestone 1 › Server",
            "Migrate": "Milestone 2 › Client",
        }
        [note] = notes(org, "table-reading")
        assert "`Client` is read as nested" in note.message

    def test_flat_headings_stay_flat(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Phase 1", "", ""], ["Build", "A", "R"]]
        rows += [["Phase 2", "", ""], ["Ship", "A", "R"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert groups(org) == {"Build": "Phase 1", "Ship": "Phase 2"}
        assert notes(org, "table-reading") == []


class TestTitleOverAnIndentedTable:
    """A title in A1 over a table at B2 whose top-left cell is empty: column A belongs to
    nothing."""

    def test_the_table_starts_at_its_own_columns(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet["A1"] = "RACI"
        for ref, text in {"C2": "PM", "D2": "Dev", "B3": "Build", "C3": "A", "D3": "R"}.items():
            sheet[ref] = text
        sheet["B4"], sheet["C4"] = "Test", "R"
        path = tmp_path / "titled.xlsx"
        book.save(path)
        org = raci.load(path)
        assert roles(org) == {"build": [("R", "dev"), ("A", "pm")], "test": [("R", "pm")]}
        assert notes(org, "unreadable-cell") == []
        [title] = notes(org, "table-reading")
        assert "starts at B2" in title.message


class TestGroupColumnWrittenOnce:
    """A first column written once for several rows (a merged cell) before a column with
    a task in every row groups those tasks, whatever the headers say."""

    @pytest.mark.parametrize("suffix", FORMATS)
    @pytest.mark.parametrize(
        ("first", "second"),
        [("Lots", "Sous-lots"), ("Key Management Area", "Step"), ("Bloc", "Livrable")],
    )
    def test_the_second_column_names_the_tasks(
        self, tmp_path: Path, suffix: str, first: str, second: str
    ) -> None:
        rows = [
            [first, second, "Ann", "Bo"],
            ["Lot 1", "Note", "A", "R"],
            ["", "SEL", "A", "R"],
            ["Lot 2", "Design", "R", "A"],
            ["", "Build", "R", "A"],
            ["", "Review", "", "A"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert groups(org) == {
            "Note": "Lot 1",
            "SEL": "Lot 1",
            "Design": "Lot 2",
            "Build": "Lot 2",
            "Review": "Lot 2",
        }
        assert roles(org)["sel"] == [("R", "bo"), ("A", "ann")]
        assert notes(org, "unreadable-cell") == []

    def test_merged_cells_of_a_workbook(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        for row in [
            ["", "Lots", "Sous-lots", "Ann", "Bo"],
            ["", "Lot 1: Analyse", "Lot 1.1: Note", "RA", "A"],
            ["", "", "Lot 1.2: SEL", "RA", "A"],
            ["", "Lot 2: Conception", "Lot 2.1: Schema", "R", "A"],
            ["", "", "Lot 2.2: Interface", "R", ""],
        ]:
            sheet.append(row)
        sheet.merge_cells("B2:B3")
        sheet.merge_cells("B4:B5")
        path = tmp_path / "merged.xlsx"
        book.save(path)
        org = raci.load(path)
        assert groups(org) == {
            "Lot 1.1: Note": "Lot 1: Analyse",
            "Lot 1.2: SEL": "Lot 1: Analyse",
            "Lot 2.1: Schema": "Lot 2: Conception",
            "Lot 2.2: Interface": "Lot 2: Conception",
        }

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_party_column_of_letters_is_not_the_task(self, tmp_path: Path, suffix: str) -> None:
        """The first column stays the deliverable's name when the second holds role letters,
        however few names the first column has."""
        rows = [["Task", "Ann", "Bo"], ["Build", "R", "A"], ["", "A", "R"], ["", "R", "A"]]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert list(org.deliverables) == ["build"]

    def test_role_columns_after_a_mostly_blank_column(self, tmp_path: Path) -> None:
        """A column of names under a role header is never read as the tasks."""
        rows = [
            ["Deliverable", "Responsible", "Accountable"],
            ["Build", "Dev", "Lead"],
            ["", "Ops", "Lead"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert list(org.deliverables) == ["build"]

    @pytest.mark.parametrize(
        ("first", "second"), [("Lots", "Sous-lots"), ("Lot", "Sous-lot"), ("Area", "Step")]
    )
    def test_group_and_task_headers(self, tmp_path: Path, first: str, second: str) -> None:
        """The headers alone say which column groups and which names, every row filled."""
        rows = [[first, second, "Ann", "Bo"], ["L1", "Note", "A", "R"], ["L2", "SEL", "A", "R"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert groups(org) == {"Note": "L1", "SEL": "L2"}
