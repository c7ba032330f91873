"""Workbooks and CSV files as people lay them out: the table wherever it starts on the
sheet, titles, legends and notes around it set aside (and said), the sheet that holds it."""

from __future__ import annotations

import json
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils.cell import coordinate_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import raci
from helpers import rows_read
from raci.cli import cli
from raci.io.tables.region import find_region

Rows = Sequence[Sequence[object]]

MATRIX: Rows = [
    ["Task", "Project Manager", "Developers", "Sponsor"],
    ["Plan the project", "A", "R", "I"],
    ["Build the release", "C", "A/R", "I"],
    ["Accept the release", "R", "C", "A"],
]
EXPECTED = [
    ("plan-the-project", "A", "project-manager"),
    ("plan-the-project", "I", "sponsor"),
    ("plan-the-project", "R", "developers"),
    ("build-the-release", "A", "developers"),
    ("build-the-release", "C", "project-manager"),
    ("build-the-release", "I", "sponsor"),
    ("build-the-release", "R", "developers"),
    ("accept-the-release", "A", "sponsor"),
    ("accept-the-release", "C", "developers"),
    ("accept-the-release", "R", "project-manager"),
]


def put(ws: Worksheet, corner: str, rows: Rows) -> None:
    """Write ``rows`` with their first cell at ``corner`` (``B5``)."""
    letters, top = coordinate_from_string(corner)
    left = openpyxl.utils.column_index_from_string(letters)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                ws[f"{get_column_letter(left + j)}{top + i}"] = value


def workbook(path: Path, sheets: dict[str, list[tuple[str, Rows]]], active: int = 0) -> Path:
    """A workbook with a sheet per entry, each holding blocks of rows at their corners."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, blocks in sheets.items():
        ws = book.create_sheet(title)
        for corner, rows in blocks:
            put(ws, corner, rows)
    book.active = active
    book.save(path)
    return path


def assignments(org: raci.Organization) -> list[tuple[str, str, str]]:
    return [(d.id, a.role, a.party) for d in org.deliverables.values() for a in d.assignments]


def notes(org: raci.Organization) -> list[tuple[str, str]]:
    return [(n.location.cell or str(n.location), n.message) for n in org.notes]


class TestWhereTheTableStarts:
    """A header at B5 or D15, under titles and legends, names indented into column B."""

    def test_header_at_b5_under_a_title(self, tmp_path: Path) -> None:
        path = workbook(tmp_path / "t.xlsx", {"RACI": [("B2", [["RACI MATRIX"]]), ("B5", MATRIX)]})
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert org.deliverables["plan-the-project"].location.cell == "RACI!B6"
        assert notes(org) == [
            (
                "RACI!B2",
                "a title or note (1 cell, starting `RACI MATRIX`) is outside the table that"
                " starts at B5, so it is not read",
            )
        ]

    def test_header_at_d15_under_a_title_and_a_legend(self, tmp_path: Path) -> None:
        legend = [
            ["Symbol", "Meaning"],
            ["R", "Responsible"],
            ["A", "Accountable"],
            ["C", "Consulted"],
            ["I", "Informed"],
        ]
        path = workbook(
            tmp_path / "t.xlsx",
            {"Sheet1": [("D1", [["Release plan"]]), ("D3", legend), ("D15", MATRIX)]},
        )
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert [cell for cell, _ in notes(org)] == ["Sheet1!D1", "Sheet1!D3"]
        assert "a legend (10 cells, starting `Symbol`)" in notes(org)[1][1]

    def test_a_legend_row_right_above_the_header(self, tmp_path: Path) -> None:
        """A one-row legend glued to the header is not taken for the header."""
        legend = [["R = Responsible", "A = Accountable", "C = Consulted", "I = Informed"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", [*legend, *MATRIX])]})
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert [cell for cell, _ in notes(org)] == ["S!A1"]

    def test_names_indented_into_column_b(self, tmp_path: Path) -> None:
        """Group headings in column A, task names in B, one header over both."""
        rows: Rows = [
            ["Task", None, "Lead", "Team"],
            ["Planning"],
            [None, "Write the charter", "A", "R"],
            [None, "Agree the budget", "A/R", "C"],
            ["Delivery"],
            [None, "Ship it", "A", "R"],
        ]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A3", rows)]})
        org = raci.load(path)
        assert [(d.id, d.group) for d in org.deliverables.values()] == [
            ("write-the-charter", "planning"),
            ("agree-the-budget", "planning"),
            ("ship-it", "delivery"),
        ]
        held = org.deliverables["agree-the-budget"].assignments
        assert sorted(zip(held.roles, held.parties, strict=True)) == [
            ("A", "lead"),
            ("C", "team"),
            ("R", "lead"),
        ]
        # The cells of party columns keep their place on the sheet.
        assert held.location(held.roles.index("C")).cell == "S!D6"

    def test_a_corner_cell_left_empty(self, tmp_path: Path) -> None:
        """The header starts one column right of the task names (its corner is empty), and
        a title row sits between header and rows."""
        rows: Rows = [
            [None, "Manager", "Team"],
            ["Project title"],
            ["1. Prepare", "R,A", "C"],
            ["2. Deliver", "A", "R"],
        ]
        path = workbook(tmp_path / "t.xlsx", {"S": [("C3", rows)]})
        org = raci.load(path)
        assert [d.id for d in org.deliverables.values()] == ["1-prepare", "2-deliver"]
        assert org.deliverables["1-prepare"].location.cell == "S!C5"


class TestWhatIsSetAside:
    """Legends and notes below and beside the table are said, never read as data."""

    def test_a_symbol_meaning_legend_below(self, tmp_path: Path) -> None:
        legend = [["Symbol", "Meaning"], ["R", "Responsible"], ["A", "Accountable"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", MATRIX), ("A8", legend)]})
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert [cell for cell, _ in notes(org)] == ["S!A8"]

    def test_one_cell_legend_lines_below(self, tmp_path: Path) -> None:
        """``R: Responsible`` lines are no groups and no deliverables."""
        lines = [["R: Responsible"], ["A: Accountable"], ["C: Consulted"], ["I: Informed"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", MATRIX), ("A7", lines)]})
        org = raci.load(path)
        assert not org.groups
        assert len(org.deliverables) == 3
        [(cell, message)] = notes(org)
        assert cell == "S!A7"
        assert message.startswith("a legend (4 cells, starting `R: Responsible`)")

    def test_commands_say_what_was_set_aside(self, tmp_path: Path) -> None:
        """`raci import` and the other commands print the note on stderr."""
        lines = [["R: Responsible"], ["A: Accountable"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", MATRIX), ("A7", lines)]})
        result = CliRunner().invoke(cli, ["import", str(path), "-o", str(tmp_path / "m.yaml")])
        assert result.exit_code == 0, result.output
        assert (
            f"note: {path}!S!A7: a legend (2 cells, starting `R: Responsible`) is outside the"
            " table that starts at A1, so it is not read"
        ) in result.stderr
        assert "groups:" not in (tmp_path / "m.yaml").read_text()

    def test_legend_lines_right_below_the_last_row(self, tmp_path: Path) -> None:
        lines = [["R: Responsible"], ["A: Accountable"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", [*MATRIX, *lines])]})
        org = raci.load(path)
        assert len(org.deliverables) == 3
        assert not org.groups
        [(cell, message)] = notes(org)
        assert cell == "S!A5"
        assert message.startswith("a legend (2 cells, starting `R: Responsible`)")

    def test_a_legend_beside(self, tmp_path: Path) -> None:
        legend = [["Key"], ["R: Responsible"], ["A: Accountable"], ["C: Consulted"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", MATRIX), ("G2", legend)]})
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert not org.stray_cells
        assert [cell for cell, _ in notes(org)] == ["S!G2"]
        findings = [f for f in raci.validate(org) if f.rule == "table-reading"]
        assert [(f.severity.value, f.location.cell) for f in findings] == [("info", "S!G2")]

    def test_a_column_left_empty_inside_the_table(self, tmp_path: Path) -> None:
        """An empty column between party columns does not cut the table."""
        rows: Rows = [["Task", "Lead", None, "Team"], ["Plan", "A", None, "R"]]
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", rows)]})
        org = raci.load(path)
        assert sorted(assignments(org)) == [("plan", "A", "lead"), ("plan", "R", "team")]
        assert not org.notes

    def test_rows_after_an_empty_row_are_read(self, tmp_path: Path) -> None:
        """An empty row inside the table parts no rows from it."""
        path = workbook(tmp_path / "t.xlsx", {"S": [("A1", MATRIX[:2]), ("A4", MATRIX[2:])]})
        assert sorted(assignments(raci.load(path))) == sorted(EXPECTED)

    def test_csv_with_a_title_and_a_legend(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.csv"
        path.write_text(
            "Release plan,,,\n,,,\n"
            + "".join(",".join(map(str, r)) + "\n" for r in MATRIX)
            + ",,,\nR: Responsible,,,\nA: Accountable,,,\n"
        )
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert [(n.location.line, n.location.column) for n in org.notes] == [(1, 1), (8, 1)]
        assert org.deliverables["plan-the-project"].location.line == 4

    def test_region_of_a_sheet_without_a_table(self) -> None:
        assert find_region([(1, ("Notes",)), (3, ("More notes",))]) is None
        assert find_region([]) is None


class TestWhichSheet:
    """The sheet that holds the table, when the workbook opens at another."""

    def test_the_one_sheet_with_a_table(self, tmp_path: Path) -> None:
        path = workbook(
            tmp_path / "t.xlsx",
            {
                "Project": [("B2", [["RACI MATRIX"], ["Project No:", "MA-1"]])],
                "RACI": [("B5", MATRIX)],
                "Definitions": [("B1", [["DEFINITIONS"]]), ("D4", [["RESPONSIBLE"]])],
            },
        )
        org = raci.load(path)
        assert sorted(assignments(org)) == sorted(EXPECTED)
        assert (
            "RACI!B5",
            "read sheet `RACI`: the workbook opens at `Project`, which holds no table",
        ) in notes(org)

    def test_the_active_sheet_first(self, tmp_path: Path) -> None:
        other = [["Task", "Ann"], ["Other", "A/R"]]
        path = workbook(
            tmp_path / "t.xlsx", {"Old": [("A1", other)], "Current": [("A1", MATRIX)]}, active=1
        )
        assert sorted(assignments(raci.load(path))) == sorted(EXPECTED)

    def test_a_hidden_first_sheet_is_not_read(self, tmp_path: Path) -> None:
        path = workbook(
            tmp_path / "t.xlsx",
            {"Lists": [("A1", [["Task", "Ann"], ["Other", "A/R"]])], "RACI": [("A1", MATRIX)]},
        )
        book = openpyxl.load_workbook(path)
        book["Lists"].sheet_state = "hidden"
        book.active = 1
        book.save(path)
        assert sorted(assignments(raci.load(path))) == sorted(EXPECTED)

    def test_several_sheets_with_tables(self, tmp_path: Path) -> None:
        path = workbook(
            tmp_path / "t.xlsx",
            {"Intro": [("A1", [["Read me"]])], "2024": [("A1", MATRIX)], "2025": [("A1", MATRIX)]},
        )
        with pytest.raises(raci.LoadError) as info:
            raci.load(path)
        assert info.value.findings[0].message == (
            "sheets `2024`, `2025` each hold a table and the sheet the workbook opens at"
            " (`Intro`) holds none; choose one with `--sheet NAME`"
        )
        org = raci.load(path, sheet="2025")
        assert sorted(assignments(org)) == sorted(EXPECTED)

    def test_no_sheet_with_a_table(self, tmp_path: Path) -> None:
        path = workbook(
            tmp_path / "t.xlsx",
            {"Intro": [("A1", [["Read me"]])], "Notes": [("A1", [["Nothing"]])]},
        )
        with pytest.raises(raci.LoadError) as info:
            raci.load(path)
        message = info.value.findings[0].message
        assert message.startswith("this table is not one raci reads")
        assert message.endswith(
            "the workbook's sheets are `Intro`, `Notes`: choose one with `--sheet NAME`"
        )

    def test_a_sheet_named_in_another_case(self, tmp_path: Path) -> None:
        path = workbook(tmp_path / "t.xlsx", {"Intro": [("A1", [["x"]])], "RACI": [("A1", MATRIX)]})
        assert sorted(assignments(raci.load(path, sheet="raci"))) == sorted(EXPECTED)

    @pytest.mark.parametrize(
        "command",
        [
            ["validate"],
            ["stats"],
            ["matrix"],
            ["cascade"],
            ["import", "-o", "{tmp}/out.yaml"],
            ["report", "-o", "{tmp}/r.html"],
            ["chart", "-o", "{tmp}/c.svg"],
        ],
    )
    def test_every_command_takes_sheet(self, tmp_path: Path, command: list[str]) -> None:
        """--sheet reaches the reader: an unknown sheet is named in the one-line error."""
        path = workbook(tmp_path / "t.xlsx", {"RACI": [("A1", MATRIX)]})
        args = [command[0], str(path), *(a.format(tmp=tmp_path) for a in command[1:])]
        result = CliRunner().invoke(cli, [*args, "--sheet", "Nope"])
        assert result.exit_code == 2, result.output
        assert "no sheet named `Nope`; the workbook's sheets are `RACI`" in result.output

    def test_diff_takes_sheet(self, tmp_path: Path) -> None:
        old = workbook(tmp_path / "old.xlsx", {"Intro": [("A1", [["x"]])], "O": [("A1", MATRIX)]})
        new = workbook(tmp_path / "new.xlsx", {"Intro": [("A1", [["x"]])], "O": [("A1", MATRIX)]})
        result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--sheet", "O"])
        assert result.exit_code == 0, result.output
        result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--sheet", "P"])
        assert result.exit_code == 2
        assert "no sheet named `P`" in result.output

    def test_sheet_on_files_without_sheets(self, tmp_path: Path) -> None:
        path = tmp_path / "org.yaml"
        path.write_text("units: [{id: a}]\n")
        result = CliRunner().invoke(cli, ["validate", str(path), "--sheet", "RACI"])
        assert result.exit_code == 2
        assert "--sheet" in result.output
        assert "XLSX workbook" in result.output


def _with_extension(path: Path) -> None:
    """Add to the first sheet the conditional-formatting extension openpyxl cannot read."""
    ext = (
        b'<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"'
        b' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b"<x14:conditionalFormattings/></ext></extLst></worksheet>"
    )
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = parts[name].replace(b"</worksheet>", ext)
    with zipfile.ZipFile(path, "w") as zf:
        for part, data in parts.items():
            zf.writestr(part, data)


class TestQuietAndLocated:
    """openpyxl says nothing; JSON and SARIF findings name the sheet and the cell."""

    def test_openpyxl_warnings_are_silenced(self, tmp_path: Path) -> None:
        path = workbook(tmp_path / "t.xlsx", {"RACI": [("A1", MATRIX)]})
        _with_extension(path)
        with pytest.warns(UserWarning, match="Conditional Formatting extension"):
            list(openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            raci.load(path)
        assert [str(w.message) for w in caught] == []
        result = CliRunner().invoke(cli, ["validate", str(path)])
        assert "not supported" not in result.output

    def test_json_and_sarif_findings_carry_sheet_and_cell(self, tmp_path: Path) -> None:
        rows: Rows = [["Task", "Lead", "Team"], ["Plan", "R", "R"]]
        path = workbook(tmp_path / "t.xlsx", {"RACI": [("C5", rows)]})
        result = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
        [finding] = [
            f
            for f in json.loads(result.output)["files"][0]["findings"]
            if f["rule"] == "single-accountable"
        ]
        assert (finding["sheet"], finding["cell"]) == ("RACI", "C6")
        assert (
            f"{path}!RACI!C6: error single-accountable"
            in CliRunner().invoke(cli, ["validate", str(path)]).output
        )
        result = CliRunner().invoke(cli, ["validate", str(path), "--format", "sarif"])
        [sarif] = [
            r
            for r in json.loads(result.output)["runs"][0]["results"]
            if r["ruleId"] == "single-accountable"
        ]
        assert sarif["properties"] == {"sheet": "RACI", "cell": "C6"}
        logical = sarif["locations"][0]["logicalLocations"][0]
        assert logical["fullyQualifiedName"] == "RACI!C6"

    def test_json_findings_of_text_files_have_no_cell(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.csv"
        path.write_text("Task,Lead,Team\nPlan,R,R\n")
        result = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
        findings = json.loads(result.output)["files"][0]["findings"]
        assert findings
        assert not [f for f in findings if "sheet" in f or "cell" in f]


class TestOtherLanguages:
    """Titles and legends in Russian and Chinese are set aside as well."""

    def test_russian_rasci_under_a_title_with_a_legend_below(self, tmp_path: Path) -> None:
        rows: Rows = [
            ["Задача", "Руководитель проекта", "Аналитик", "Заказчик"],
            ["Сбор требований", "A", "R", "C"],
            ["Согласование ТЗ", "R", "S", "A"],
        ]
        legend = [["R — Исполнитель"], ["A — Утверждает"], ["S — Поддержка"], ["C — Консультант"]]
        path = workbook(
            tmp_path / "t.xlsx",
            {
                "Матрица": [
                    ("B2", [["Матрица ответственности RASCI"]]),
                    ("B4", rows),
                    ("B9", legend),
                ]
            },
        )
        org = raci.load(path)
        assert org.scheme.name == "RASCI"
        assert [d.name for d in org.deliverables.values()] == ["Сбор требований", "Согласование ТЗ"]
        assert [cell for cell, _ in notes(org)] == ["Матрица!B2", "Матрица!B9"]
        assert "a legend (4 cells, starting `R — Исполнитель`)" in notes(org)[1][1]

    def test_chinese_matrix_with_a_legend_beside(self, tmp_path: Path) -> None:
        rows: Rows = [
            ["任务", "项目经理", "开发", "测试"],
            ["需求分析", "A", "R", "C"],
            ["发布", "A", "C", "R"],
        ]
        legend = [["图例"], ["R：负责"], ["A：批准"], ["C：咨询"], ["I：知会"]]
        path = workbook(
            tmp_path / "t.xlsx",
            {"RACI": [("A1", [["项目责任矩阵"]]), ("B3", rows), ("G3", legend)]},
        )
        org = raci.load(path)
        assert [p.name for p in org.parties.values()] == ["项目经理", "开发", "测试"]
        assert len(org.deliverables) == 2
        assert [cell for cell, _ in notes(org)] == ["RACI!A1", "RACI!G3"]


def test_a_longer_block_of_notes_does_not_outweigh_the_matrix(tmp_path: Path) -> None:
    notes_block = [[f"Term {i}", f"What term {i} means"] for i in range(12)]
    path = workbook(tmp_path / "t.xlsx", {"S": [("A1", notes_block), ("A15", MATRIX)]})
    org = raci.load(path)
    assert sorted(assignments(org)) == sorted(EXPECTED)
    assert [cell for cell, _ in notes(org)] == ["S!A1"]


#: A matrix whose column ``AI System`` holds the workbook's own code ``AI``, and its key.
CODED: Rows = [
    ["#", "Activity", "Support Workers", "Home Manager", "AI System"],
    [1, "Speak observations", "R", "A", "AI"],
    [2, "Cross-check medication", "I", "A", "AI"],
    [3, "Sign off the log", "R", "A", None],
    [4, "Summarise the handover", "C", "R", "AI"],
]
KEY: Rows = [
    ["RACI KEY"],
    ["R  Responsible", "Does the work."],
    ["A  Accountable", "Owns the outcome."],
    ["C  Consulted", "Gives input."],
    ["I  Informed", "Kept updated."],
    ["AI  AI System", "The AI performs this activity under human supervision."],
]


class TestCodesOfTheKey:
    """A code a workbook's key defines whole (``AI  AI System``) is no role letters: its
    cells are said, and hold no role."""

    def read(self, path: Path, sheet: str = "RACI Matrix") -> raci.Organization:
        return raci.load(path, sheet=sheet)

    def coded(self, org: raci.Organization) -> list[tuple[str, str]]:
        return [(c, m) for c, m in notes(org) if "defines `AI`" in m]

    def test_a_key_on_another_sheet(self, tmp_path: Path) -> None:
        title = [["CAREFORWARD GROUP  |  RACI MATRIX"]]
        sheets = {
            "Process": [("A1", [["#", "Step", "Actor"], ["1", "Brief", "Night staff"]])],
            "RACI Matrix": [("A1", title), ("A3", CODED)],
            "Governance": [("A1", [["CAREFORWARD GROUP"]]), ("A2", KEY)],
        }
        org = self.read(workbook(tmp_path / "t.xlsx", sheets))
        assert {a.party for d in org.deliverables.values() for a in d.assignments} == {
            "support-workers",
            "home-manager",
        }
        assert [(a.role, a.party) for a in org.deliverables["1"].assignments] == [
            ("R", "support-workers"),
            ("A", "home-manager"),
        ]
        assert self.coded(org) == [
            (
                "RACI Matrix!E3",
                "column `AI System` holds `AI` in its 3 cells: the key at `Governance!A7`"
                " defines `AI` as `AI System`, not as role letters, so they hold no role",
            )
        ]
        rule = next(n.rule for n in org.notes if "defines `AI`" in n.message)
        assert rule == "unreadable-cell"
        # Every row is read: the rows the key's code leaves without a role among them.
        assert {4, 5, 6, 7} <= rows_read(org)

    def test_a_key_on_the_same_sheet_beside_some_letters(self, tmp_path: Path) -> None:
        matrix = [*CODED[:3], [3, "Sign off the log", "R", "A", "C"]]
        key = [["R = Responsible"], ["A = Accountable"], ["AI = AI System"]]
        sheets = {"RACI Matrix": [("A1", matrix), ("A8", key)]}
        org = self.read(workbook(tmp_path / "t.xlsx", sheets))
        assert ("C", "ai-system") in [(a.role, a.party) for a in org.deliverables["3"].assignments]
        assert all(
            a.party != "ai-system" for d in ("1", "2") for a in org.deliverables[d].assignments
        )
        assert [c for c, _ in self.coded(org)] == ["RACI Matrix!E2", "RACI Matrix!E3"]
        assert self.coded(org)[0][1].startswith(
            "cannot read `AI` as roles: the key at `RACI Matrix!A10` defines `AI` as `AI System`"
        )

    @pytest.mark.parametrize("entry", [["AI: AI System"], ["AI", "AI System"]])
    def test_other_ways_to_write_the_key(self, tmp_path: Path, entry: list[str]) -> None:
        sheets = {
            "RACI Matrix": [("A1", CODED)],
            "Key": [("A1", [["Code", "Meaning"], entry])],
        }
        org = self.read(workbook(tmp_path / "t.xlsx", sheets))
        assert len(self.coded(org)) == 1
        assert "A" not in [
            a.role for a in org.deliverables["1"].assignments if a.party == "ai-system"
        ]

    def test_without_the_key_the_cells_are_letters(self, tmp_path: Path) -> None:
        key = [r for r in KEY if not str(r[0]).startswith("AI")]
        sheets = {"RACI Matrix": [("A1", CODED)], "Governance": [("A1", key)]}
        org = self.read(workbook(tmp_path / "t.xlsx", sheets))
        assert ("I", "ai-system") in [(a.role, a.party) for a in org.deliverables["1"].assignments]
        assert self.coded(org) == []

    def test_a_code_whose_meaning_names_roles_is_read_as_letters(self, tmp_path: Path) -> None:
        key = [["RA = Responsible and Accountable"], ["AI = Accountable, Informed"]]
        sheets = {"RACI Matrix": [("A1", CODED)], "Key": [("A1", key)]}
        org = self.read(workbook(tmp_path / "t.xlsx", sheets))
        assert ("A", "ai-system") in [(a.role, a.party) for a in org.deliverables["1"].assignments]
        assert self.coded(org) == []
