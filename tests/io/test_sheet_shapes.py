"""RACI tables as two more rounds of real files write them: a party's header and role
cells merged over two columns, a name column merged over two with some names in its
second column, a title in the corner under a header merged down, an empty spacer column
inside the header, letters joined by hyphens, a status column under a two-row header,
line breaks in header cells: each read as a person reads it, every row read or
reported."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import raci
from helpers import findings_of as notes
from helpers import groups_of as groups
from helpers import roles_of as roles
from helpers import write_table, write_workbook
from raci.cli import cli


class TestPartyMergedOverTwoColumns:
    """Each party's header and each of its role cells merged over two columns (B1:C1
    ``Ann``, B2:C2 ``A``): one party, its role once."""

    TASKS = ("Plan", "Build", "Test", "Docs", "Ship", "Train")

    def workbook(self, tmp_path: Path) -> Path:
        rows: list[list[object]] = [["Task", "Ann", "", "Bo", "", "Cy", ""]]
        rows += [[task, "A", "", "R", "", "I", ""] for task in self.TASKS]
        merges = tuple(f"{a}{row}:{b}{row}" for row in range(1, 8) for a, b in ("BC", "DE", "FG"))
        return write_workbook(tmp_path / "merged.xlsx", rows, merges)

    def test_each_role_is_held_once(self, tmp_path: Path) -> None:
        org = raci.load(self.workbook(tmp_path))
        assert list(org.external) == ["ann", "bo", "cy"]
        assert set(map(tuple, roles(org).values())) == {(("R", "bo"), ("A", "ann"), ("I", "cy"))}
        assert sum(len(d.assignments) for d in org.deliverables.values()) == 18
        assert raci.validate(org) == []

    def test_import_lists_each_party_once(self, tmp_path: Path) -> None:
        out = tmp_path / "model.yaml"
        result = CliRunner().invoke(
            cli, ["import", str(self.workbook(tmp_path)), "-o", str(out), "--isolated"]
        )
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "ann, ann" not in text
        assert text.count("A: ann") == len(self.TASKS)

    def test_a_role_given_again_in_another_cell_is_read_once_and_said(self, tmp_path: Path) -> None:
        """Two cells of one party (a merged header over its own columns) that both give R."""
        rows: list[list[object]] = [["Task", "Ann", "", "Bo"], ["Plan", "R", "R/A", "C"]]
        org = raci.load(write_workbook(tmp_path / "twice.xlsx", rows, ("B1:C1",)))
        assert roles(org) == {"plan": [("R", "ann"), ("A", "ann"), ("C", "bo")]}
        [again] = [n for n in notes(org, "table-reading") if "again" in n.message]
        assert again.location.cell == "Sheet!C2"
        assert again.message == (
            "this cell gives `ann` the role `R` on `plan` again (first at B2), so it is read once"
        )

    def test_two_role_columns_that_name_one_party(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Responsible", "Responsible (support)", "Accountable"],
            ["Plan", "Ann", "Ann", "Bo"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert roles(org) == {"plan": [("R", "ann"), ("A", "bo")]}
        [again] = [n for n in notes(org, "table-reading") if "again" in n.message]
        assert again.message == (
            "this cell gives `ann` the role `R` on `plan` again (first at line 2, cell 2), so"
            " it is read once"
        )

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_repeated_row_of_a_long_sheet_gives_the_role_once(
        self, tmp_path: Path, suffix: str
    ) -> None:
        rows = [["task", "person", "role"], ["Plan", "Ann", "A"], ["Plan", "Ann", "A"]]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert roles(org) == {"plan": [("A", "ann")]}
        [again] = [n for n in notes(org, "table-reading") if "again" in n.message]
        assert again.location.line == 3


class TestNameColumnMergedOverTwo:
    """The name column merged over A:B (header and most rows), some names in B alone."""

    def test_a_name_in_the_second_column_names_the_row(self, tmp_path: Path) -> None:
        rows: list[list[object]] = [
            ["Task", "", "Ann", "Bo"],
            ["Plan", "", "A", "R"],
            ["", "Build", "A", "R"],
            ["", "Check", "R", "A"],
            ["Ship", "", "A", "R"],
        ]
        path = write_workbook(tmp_path / "names.xlsx", rows, ("A1:B1", "A2:B2", "A5:B5"))
        org = raci.load(path)
        assert [d.name for d in org.deliverables.values()] == ["Plan", "Build", "Check", "Ship"]
        assert roles(org)["check"] == [("R", "ann"), ("A", "bo")]
        assert list(org.external) == ["ann", "bo"]
        assert not [f for f in raci.validate(org) if f.severity is raci.Severity.ERROR]

    def test_two_texts_in_the_merged_columns_are_both_kept(self, tmp_path: Path) -> None:
        rows: list[list[object]] = [
            ["Activity", "", "Ann", "Bo"],
            ["1.1", "Plan", "A", "R"],
            ["1.2", "Ship", "R", "A"],
        ]
        org = raci.load(write_workbook(tmp_path / "ids.xlsx", rows, ("A1:B1",)))
        assert [d.name for d in org.deliverables.values()] == ["1.1 Plan", "1.2 Ship"]
        assert not notes(org, "unreadable-cell")


class TestTitleInTheHeadersCorner:
    """Party headers merged down over two rows, the table's title in the corner cell of
    the lower row: the header's label, not every row's group."""

    def test_no_group_and_the_title_said(self, tmp_path: Path) -> None:
        rows: list[list[object]] = [
            ["", "Lead", "Team"],
            ["RACI - Project X", "", ""],
            ["1. Prepare", "R,A", "R,I"],
            ["2. Deliver", "A", "R"],
        ]
        org = raci.load(write_workbook(tmp_path / "corner.xlsx", rows, ("B1:B2", "C1:C2")))
        assert groups(org) == {"1-prepare": None, "2-deliver": None}
        assert list(org.external) == ["lead", "team"]
        [label] = [n for n in notes(org, "table-reading") if "header's label" in n.message]
        assert label.location.cell == "Sheet!A2"
        assert label.message == (
            "row 2 is part of the header (its cells are merged down from row 1), so"
            " `RACI - Project X` is read as the header's label, not as a deliverable or a group"
        )


class TestSpacerColumn:
    """An empty column inside the header, party labels either side of it."""

    ROWS = (
        ["Task", "Ann", "Bo", "", "Cy", "Di", "Ed"],
        ["Plan", "A", "R", "", "I", "C", "I"],
        ["Build", "I", "A", "", "R", "R", "C"],
        ["Test", "C", "I", "", "A", "R", "R"],
    )

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_the_table_is_read_whole(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, [list(r) for r in self.ROWS], suffix))
        assert list(org.deliverables) == ["plan", "build", "test"]
        assert list(org.external) == ["ann", "bo", "cy", "di", "ed"]
        assert roles(org)["test"] == [
            ("R", "di"),
            ("R", "ed"),
            ("A", "cy"),
            ("C", "ann"),
            ("I", "bo"),
        ]
        assert raci.validate(org) == []

    def test_a_table_beside_with_names_of_its_own_stays_apart(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Ann", "Bo", "", "Step", "Cy", "Di"],
            ["Plan", "A", "R", "", "Code", "A", "R"],
            ["Build", "R", "A", "", "Test", "R", "A"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert list(org.deliverables) == ["code", "test", "plan", "build"]
        assert roles(org)["code"] == [("R", "di"), ("A", "cy")]


class TestLettersJoinedByHyphens:
    @pytest.mark.parametrize("suffix", [".md", ".csv", ".xlsx"])
    def test_read_as_letters_not_as_a_legend(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Ann", "Bo", "Cy"],
            ["Plan", "R-A", "C", "I"],
            ["Build", "I", "R-I-A", "C "],
            ["Test", "C-A", "R", "R-I"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert roles(org) == {
            "plan": [("R", "ann"), ("A", "ann"), ("C", "bo"), ("I", "cy")],
            "build": [("R", "bo"), ("A", "bo"), ("C", "cy"), ("I", "ann"), ("I", "bo")],
            "test": [("R", "bo"), ("R", "cy"), ("A", "ann"), ("C", "ann"), ("I", "cy")],
        }

    def test_a_legend_with_dashes_is_still_a_legend(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.md"
        path.write_text(
            "| Task | Ann | Bo |\n|---|---|---|\n| Plan | A | R |\n\n"
            "| Key | |\n|---|---|\n| R - Responsible | does it |\n| A - Accountable | signs |\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert list(org.deliverables) == ["plan"]
        [skipped] = [n for n in notes(org, "tables-read") if "skipped" in n.message]
        assert "a legend" in skipped.message


class TestUnderATwoRowHeader:
    """Names in the row above the labels: a ``Status`` column under ``Roles``, and names
    written over two lines."""

    def test_a_status_column_is_set_aside(self, tmp_path: Path) -> None:
        rows: list[list[object]] = [
            ["", "Roles", "Ann", "Bo", "Cy"],
            ["Task", "Status", "Sponsor", "Team", ""],
            ["Plan", "Completed", "A", "R", "I"],
            ["Build", "Planned", "I", "A", "R"],
        ]
        org = raci.load(write_workbook(tmp_path / "status.xlsx", rows, ("D2:E2",)))
        assert list(org.external) == ["ann", "bo", "cy"]
        assert not notes(org, "unreadable-cell")
        [aside] = [n for n in notes(org, "table-reading") if "set aside" in n.message]
        assert aside.location.cell == "Sheet!B2"
        assert aside.message.startswith("column `Status` holds data about the deliverables")

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_line_breaks_in_a_header_are_spaces(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Siddham Sharma\n(Project Manager)", "Ann\r\nLee"],
            ["Plan", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert [p.name for p in org.external.values()] == [
            "Siddham Sharma (Project Manager)",
            "Ann Lee",
        ]


class TestLegendOfTheTable:
    """A legend beside the table that defines a letter no built-in scheme has with the
    others the table uses (``D = Driver`` with R and A) gives the scheme; without one, the
    hint never sends to a built-in scheme that rejects the other letters."""

    ROWS = (["Task", "Ann", "Bo", "Cy"], ["Plan", "R", "D", "A"], ["Build", "A", "R", "D"])
    LEGEND = (["D", "Driver"], ["R", "Responsible"], ["A", "Accountable"], ["I", "Informed"])

    def test_a_legend_below_gives_the_scheme(self, tmp_path: Path) -> None:
        rows = [*map(list, self.ROWS), [], *map(list, self.LEGEND)]
        org = raci.load(write_workbook(tmp_path / "legend.xlsx", rows))
        assert org.scheme.letters == ("D", "R", "A", "I")
        assert [(r.letter, r.name, r.kind) for r in org.scheme.roles] == [
            ("D", "Driver", "other"),
            ("R", "Responsible", "responsible"),
            ("A", "Accountable", "accountable"),
            ("I", "Informed", "informed"),
        ]
        assert roles(org)["plan"] == [("D", "bo"), ("R", "ann"), ("A", "cy")]
        assert [f for f in raci.validate(org) if f.severity is raci.Severity.ERROR] == []
        [said] = [n for n in notes(org, "table-reading") if "scheme" in n.message]
        assert said.location.cell == "Sheet!A5"
        assert said.message == (
            "no built-in scheme has every letter the table uses, and this legend defines them"
            " all (D Driver, R Responsible, A Accountable, I Informed), so its letters are"
            " read as the table's scheme, DRAI"
        )

    def test_a_legend_table_of_a_document(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.md"
        path.write_text(
            "| Task | Ann | Bo |\n|---|---|---|\n| Plan | R | D |\n| Build | D, A | R |\n\n"
            "| Letter | Meaning |\n|---|---|\n| D | Driver: pushes it |\n"
            "| R | Responsible |\n| A | Approver (signs) |\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert [(r.letter, r.name) for r in org.scheme.roles] == [
            ("D", "Driver"),
            ("R", "Responsible"),
            ("A", "Approver"),
        ]
        assert [f.subject for f in notes(org, "single-accountable")] == ["plan"]

    def test_legend_lines_of_a_csv_file(self, tmp_path: Path) -> None:
        rows = [*map(list, self.ROWS), [], ["D = Driver"], ["R = Responsible"], ["A = Accountable"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert org.scheme.letters == ("D", "R", "A")
        assert not notes(org, "unknown-role")

    def test_a_legend_that_leaves_a_letter_out_gives_no_scheme(self, tmp_path: Path) -> None:
        rows = [*map(list, self.ROWS), [], ["R", "Responsible"], ["A", "Accountable"]]
        org = raci.load(write_workbook(tmp_path / "short.xlsx", rows))
        assert org.scheme.name == "RACI"
        assert [f.location.cell for f in notes(org, "unknown-role")] == ["Sheet!C2", "Sheet!D3"]

    def test_a_legend_of_the_usual_letters_changes_nothing(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "R", "A"], [], ["R", "Does"], ["A", "Signs"]]
        org = raci.load(write_workbook(tmp_path / "usual.xlsx", rows))
        assert org.scheme.name == "RACI"
        assert not [n for n in notes(org, "table-reading") if "scheme" in n.message]

    @pytest.mark.parametrize("scheme", [None, "DACI"])
    def test_the_hint_names_no_scheme_that_rejects_other_letters(
        self, tmp_path: Path, scheme: str | None
    ) -> None:
        org = raci.load(write_table(tmp_path, list(map(list, self.ROWS)), ".csv"), scheme=scheme)
        hints = {f.hint for f in notes(org, "unknown-role")}
        used = "(`D`, `A`, `R`)" if scheme else "(`R`, `A`, `D`)"
        assert hints == {
            f"Use one of {', '.join(org.scheme.letters)}. No built-in scheme has every letter"
            f" the table uses {used}: a legend in the table that says what each letter means"
            f" (`{'R' if scheme else 'D'} = …`) is read as its scheme when `--scheme` names"
            " none; or import the"
            " table (`raci import`) and declare a custom scheme in the model."
        }

    def test_the_hint_names_the_schemes_that_have_every_letter(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "R", "A/S"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"), scheme="RACI")
        [unknown] = notes(org, "unknown-role")
        assert unknown.hint == (
            "Use one of R, A, C, I, or choose a scheme that has `R`, `A`, `S` with `--scheme`"
            " (RASCI, RACI-VS), or with `scheme` in the configuration file."
        )


class TestTaskRowAmongHeadingRows:
    """A task with only its name between heading rows set off by their font is a task."""

    ROWS = (
        ["Task", "Status", "Ann", "Bo"],
        ["Phase 1", "", "", ""],
        ["Plan", "Done", "A", "R"],
        ["Review", "", "", ""],
        ["Build", "Done", "A", "R"],
        ["Ship", "Planned", "R", "A"],
        ["Phase 2", "", "", ""],
        ["Train", "Planned", "A", "R"],
    )
    PHASES: ClassVar[dict[int, tuple[bool, int]]] = {2: (True, 14), 7: (True, 14)}

    def test_a_row_in_the_tasks_font_is_a_deliverable(self, tmp_path: Path) -> None:
        path = write_workbook(
            tmp_path / "phases.xlsx", list(map(list, self.ROWS)), fonts=self.PHASES
        )
        org = raci.load(path)
        assert groups(org) == {
            "plan": "Phase 1",
            "review": "Phase 1",
            "build": "Phase 1",
            "ship": "Phase 1",
            "train": "Phase 2",
        }
        assert [f.subject for f in notes(org, "single-accountable")] == ["review"]
        assert [f.subject for f in notes(org, "responsible-present")] == ["review"]

    def test_headings_in_the_tasks_font_stay_headings(self, tmp_path: Path) -> None:
        org = raci.load(
            write_workbook(tmp_path / "plain.xlsx", list(map(list, self.ROWS)), fonts={})
        )
        assert groups(org)["build"] == "Review"
        assert "review" not in org.deliverables

    def test_a_heading_unlike_the_others_is_said(self, tmp_path: Path) -> None:
        rows = [*map(list, self.ROWS), ["Phase 3", "", "", ""], ["Close", "Planned", "A", "R"]]
        fonts = {**self.PHASES, 4: (True, 12), 9: (True, 14)}
        org = raci.load(write_workbook(tmp_path / "odd.xlsx", rows, fonts=fonts))
        assert groups(org)["build"] == "Review"
        [odd] = [n for n in notes(org, "table-reading") if "does not look like" in n.message]
        assert odd.location.cell == "Sheet!A4"
        assert odd.message == (
            "row 4 holds only its first cell and is read as a heading, but it does not look"
            " like the other heading rows"
        )

    def test_a_note_under_the_table_stays_a_note(self, tmp_path: Path) -> None:
        rows = [*map(list, self.ROWS), ["See the plan for dates", "", "", ""]]
        org = raci.load(write_workbook(tmp_path / "note.xlsx", rows, fonts=self.PHASES))
        assert "see-the-plan-for-dates" not in org.deliverables
        assert any("read as a note" in n.message for n in notes(org, "table-reading"))

    def test_bold_headings_of_a_markdown_table(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.md"
        path.write_text(
            "| Task | Ann | Bo |\n|---|---|---|\n| **Phase 1** | | |\n| Plan | A | R |\n"
            "| Review | | |\n| Build | A | R |\n| **Phase 2** | | |\n| Ship | R | A |\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert groups(org) == {
            "plan": "Phase 1",
            "review": "Phase 1",
            "build": "Phase 1",
            "ship": "Phase 2",
        }
