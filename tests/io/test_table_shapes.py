"""RACI tables as people write them: id columns before the task, names with `/` and `&`,
several tables and legends in one document, marks outside the scheme, turned matrices,
repeated rows; and no row lost without a word, in every reader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import raci
from helpers import rows_read, write_table, write_workbook
from raci.cli import cli

FORMATS = [".md", ".csv", ".xlsx"]


def findings(org: raci.Organization, rule: str) -> list[raci.Finding]:
    return [f for f in raci.validate(org) if f.rule == rule]


def roles(org: raci.Organization) -> dict[str, list[tuple[str, str]]]:
    return {d.id: [(a.role, a.party) for a in d.assignments] for d in org.deliverables.values()}


class TestIdColumnBeforeTheTask:
    @pytest.mark.parametrize("suffix", FORMATS)
    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("#", "Task"),
            ("ID", "Task"),
            ("No.", "Activity"),
            ("WBS", "Task"),
            ("Step", "Activity"),
            ("ID", "Description"),
            ("代号", "活动"),
            ("№ п/п", "Задача"),
        ],
    )
    def test_the_id_is_kept_and_the_task_is_the_name(
        self, tmp_path: Path, suffix: str, first: str, second: str
    ) -> None:
        rows = [
            [first, second, "PO", "BA"],
            ["1.1", "Собрать требования", "A", "R"],
            ["1.2", "Write the plan", "R", "A"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert {d.id: d.name for d in org.deliverables.values()} == {
            "1.1": "Собрать требования",
            "1.2": "Write the plan",
        }
        assert list(org.external) == ["po", "ba"]
        assert [f.rule for f in raci.validate(org) if f.severity is raci.Severity.ERROR] == []

    def test_numbers_without_a_telling_header(self, tmp_path: Path) -> None:
        rows = [["", "Task", "PO", "BA"], ["1", "Plan", "A", "R"], ["2", "Ship", "R", "A"]]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        assert {d.id: d.name for d in org.deliverables.values()} == {"1": "Plan", "2": "Ship"}

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_in_a_table_of_roles_by_column(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["#", "Task", "Responsible", "Accountable"],
            ["1", "Budget", "Ann", "Bo"],
            ["2", "Audit", "Bo", "Ann"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert {d.id: d.name for d in org.deliverables.values()} == {"1": "Budget", "2": "Audit"}
        assert roles(org)["2"] == [("R", "bo"), ("A", "ann")]

    def test_a_text_column_taken_as_a_party_is_said_once(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Helpdesk", "PO"],
            ["Plan", "ok", "A/R"],
            ["Ship", "no", "A/R"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [note] = findings(org, "unreadable-cell")
        assert (note.location.line, note.location.column) == (1, 6)
        assert note.message.startswith(
            "column `Helpdesk` is read as a party, but none of its 2 cells reads as roles"
        )
        assert list(org.deliverables) == ["plan", "ship"]


class TestDataColumns:
    """Notes, descriptions, status and effort beside the parties are set aside, and said."""

    @pytest.mark.parametrize("suffix", [".md", ".csv", ".xlsx"])
    def test_notes_status_and_numbers_are_not_parties(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["#", "Task", "Description", "PM", "Dev", "Status", "Effort (days)", "Week"],
            ["1", "Plan", "Write the plan", "A", "R", "Done", "3", "12"],
            ["2", "Build", "Build it", "A", "R/C", "Open", "2.5", "14"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert sorted(org.external) == ["dev", "pm"]
        assert roles(org)["2"] == [("R", "dev"), ("A", "pm"), ("C", "dev")]
        assert not findings(org, "unreadable-cell")
        set_aside = [
            n.message.split("`")[1]
            for n in findings(org, "table-reading")
            if "set aside" in n.message
        ]
        assert set_aside == ["Description", "Status", "Effort (days)", "Week"]

    @pytest.mark.parametrize("suffix", [".md", ".xlsx"])
    def test_a_column_of_notes_under_any_header(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Nhiệm vụ", "Giám đốc", "Kế toán", "Căn cứ"],
            ["Lập kế hoạch", "A", "R", "Thông tư 12/2022"],
            ["Báo cáo", "A*", "R (nếu cần)", "Nghị định 13"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert [p.name for p in org.external.values()] == ["Giám đốc", "Kế toán"]
        assert roles(org)["báo-cáo"] == [("R", "kế-toán"), ("A", "giám-đốc")]
        assert not findings(org, "unreadable-cell")
        assert any("`Căn cứ` holds data" in n.message for n in findings(org, "table-reading"))

    def test_a_column_of_words_under_a_party_name_stays_a_party(self, tmp_path: Path) -> None:
        rows = [["Task", "Legal", "PO"], ["Plan", "ask them", "A/R"], ["Ship", "R", "A"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert "legal" in org.external
        [note] = findings(org, "unreadable-cell")
        assert "`ask them`" in note.message


class TestMarksAsTyped:
    """Letters typed on other keyboards: Cyrillic or Greek look-alikes, full-width forms,
    Chinese and Japanese signs between two letters."""

    @pytest.mark.parametrize("suffix", [".md", ".xlsx"])
    def test_cyrillic_letters_read_as_the_latin_ones(self, tmp_path: Path, suffix: str) -> None:
        rows = [["Задача", "Менеджер", "Аналитик"], ["План", "А", "Р"], ["Отчёт", "Р, С", "А"]]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert roles(org)["отчёт"] == [("R", "менеджер"), ("A", "аналитик"), ("C", "менеджер")]
        assert not findings(org, "unreadable-cell")

    def test_chinese_joins_and_full_width_letters(self, tmp_path: Path) -> None:
        rows = [
            ["任务", "经理", "分析师", "主任"],
            ["计划", "R和A", "Ｃ", "I"],
            ["报告", "I", "R、A", "Ｃ／Ｉ"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        assert roles(org)["计划"] == [("R", "经理"), ("A", "经理"), ("C", "分析师"), ("I", "主任")]
        assert roles(org)["报告"] == [
            ("R", "分析师"),
            ("A", "分析师"),
            ("C", "主任"),
            ("I", "经理"),
            ("I", "主任"),
        ]
        assert not findings(org, "unreadable-cell")

    def test_a_russian_word_is_not_read_as_letters(self, tmp_path: Path) -> None:
        rows = [["Задача", "Менеджер", "Аналитик"], ["План", "Да", "Р"], ["Отчёт", "А", "Р"]]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        [note] = findings(org, "unreadable-cell")
        assert "`Да`" in note.message


class TestNamesUnderRoles:
    ROWS: ClassVar[list[list[str]]] = [
        ["Task", "Responsible", "Accountable", "Consulted"],
        ["Roadmap", "Product/Tech Lead", "V&V Lead", "R&D Manager"],
        ["Budget", "Ann/Bo", "Ann", "Bo; Legal & Compliance"],
        ["Audit", "Cy / Di", "Ann", "Bo\nCy and Di"],
    ]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_names_split_only_between_names(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, self.ROWS, suffix))
        held = roles(org)
        assert held["roadmap"] == [
            ("R", "product-tech-lead"),
            ("A", "v-v-lead"),
            ("C", "r-d-manager"),
        ]
        assert held["budget"] == [
            ("R", "ann"),
            ("R", "bo"),
            ("A", "ann"),
            ("C", "bo"),
            ("C", "legal-compliance"),
        ]
        assert held["audit"] == [
            ("R", "cy"),
            ("R", "di"),
            ("A", "ann"),
            ("C", "bo"),
            ("C", "cy"),
            ("C", "di"),
        ]
        [split] = findings(org, "names-split")
        assert split.severity is raci.Severity.INFO
        assert split.message == (
            "`Ann/Bo` is read as 2 parties (`Ann`, `Bo`), as each part names a party"
            " elsewhere in the table"
        )
        assert split.hint.startswith("Write `Ann, Bo` to say so plainly")

    def test_a_matrix_header_and_a_role_cell_agree(self, tmp_path: Path) -> None:
        matrix = [["Task", "AI/Product Team", "Ops"], ["Plan", "A/R", "C"]]
        by_role = [["Task", "Responsible", "Accountable"], ["Plan", "AI/Product Team", "Ops"]]
        one = raci.load(write_table(tmp_path, matrix, ".csv"))
        other = raci.load(write_table(tmp_path, by_role, ".md"))
        assert "ai-product-team" in one.external
        assert "ai-product-team" in other.external


LEGEND_ACROSS = """\
# RACI

| R = Responsible | A = Accountable | C = Consulted | I = Informed |
|---|---|---|---|
| does the work | answers for it | is asked | is told |

## Phase 1

| Task | Ann | Bo |
|---|---|---|
| Plan | A | R |

## Phase 2

| Step | Activity | Bo | Cy |
|---|---|---|---|
| 1 | Build | A/R | C |
| 2 | Test | A | R |

| Responsible | Accountable |
|---|---|
| Does the work | Signs it off |

| R | Responsible |
|---|---|
| A | Accountable |

## Revision history

| Version | Date | Author |
|---|---|---|
| 1.0 | 2024-01-05 | Ann |
"""


class TestEveryTableOfADocument:
    def test_all_read_legends_and_histories_skipped(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(LEGEND_ACROSS, encoding="utf-8")
        org = raci.load(path)
        assert {d.id: d.group for d in org.deliverables.values()} == {
            "plan": "phase-1",
            "1": "phase-2",
            "2": "phase-2",
        }
        assert list(org.external) == ["ann", "bo", "cy"]  # Bo in two tables is one party
        notes = [(f.location.line, f.message) for f in findings(org, "tables-read")]
        legend = "table skipped: it explains the role letters (a legend)"
        assert notes == [
            (3, legend),
            (
                9,
                "2 tables read as one (at lines 9, 15); each table's rows are grouped under"
                " its heading",
            ),
            (20, legend),
            (24, legend),
            (
                30,
                "table skipped: it holds no role letters and names no roles (not a"
                " responsibility table)",
            ),
        ]
        assert not findings(org, "responsible-present")


RUSSIAN = """\
# Матрица RACI

| Задача | Руководитель | Аналитик | ИБ | Эксплуатация |
|---|---|---|---|---|
| Сбор требований | A | R | N | - |
| Согласование | A | (R) | C | x |
| Внедрение | R (A) | C | I | OPS |
| Отчёт | A | R·C | R+I | R & I |
"""


class TestMarksAsPeopleWriteThem:
    def test_one_bad_cell_is_a_finding_and_the_rest_loads(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.md"
        path.write_text(RUSSIAN, encoding="utf-8")
        org = raci.load(path)
        held = roles(org)
        assert held["сбор-требований"] == [("R", "аналитик"), ("A", "руководитель")]
        assert held["согласование"][0] == ("R", "аналитик")
        assert held["внедрение"][:2] == [("R", "руководитель"), ("A", "руководитель")]
        assert held["отчёт"] == [
            ("R", "аналитик"),
            ("R", "иб"),
            ("R", "эксплуатация"),
            ("A", "руководитель"),
            ("C", "аналитик"),
            ("I", "иб"),
            ("I", "эксплуатация"),
        ]
        [bad] = findings(org, "unreadable-cell")
        assert (bad.location.line, bad.message[:23]) == (7, "cannot read `OPS` as ro")
        [x] = findings(org, "unknown-role")
        assert x.location.line == 6
        for command in (["matrix"], ["stats"], ["report", "-o", str(tmp_path / "r.html")]):
            result = CliRunner().invoke(cli, [*command, str(path)])
            assert result.exit_code == 0, result.output
        assert "cannot read `OPS` as roles" in result.stderr


class TestScheme:
    DACI: ClassVar[list[list[str]]] = [
        ["Decision", "CISO", "CIO", "Team"],
        ["Cloud", "D", "A", "C"],
        ["Vendor", "A", "D", "I"],
    ]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_party_names_do_not_change_the_scheme(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, self.DACI, suffix))
        assert org.scheme.name == "DACI"
        assert not findings(org, "unknown-role")

    def test_the_scheme_may_be_named(self, tmp_path: Path) -> None:
        rows = [["Task", "CISO", "Ops"], ["Patch", "A", "R"]]
        path = write_table(tmp_path, rows, ".md")
        assert raci.load(path).scheme.name == "RACI"
        assert raci.load(path, scheme="rasci").scheme.name == "RASCI"
        with pytest.raises(ValueError, match=r"unknown scheme 'RASI'.*did you mean `RASCI`"):
            raci.load(path, scheme="RASI")
        out = CliRunner().invoke(cli, ["stats", str(path), "--scheme", "DACI", "--format", "json"])
        assert out.exit_code == 0
        result = CliRunner().invoke(cli, ["validate", str(path), "--scheme", "DACI"])
        assert "responsible-present" in result.output  # DACI wants a Driver
        bad = CliRunner().invoke(cli, ["matrix", str(path), "--scheme", "nope"])
        assert bad.exit_code == 2
        assert "unknown scheme 'nope'" in bad.output

    @pytest.mark.parametrize(
        "command", ["validate", "chart", "matrix", "stats", "report", "cascade", "diff", "import"]
    )
    def test_every_command_that_reads_tables_takes_it(self, command: str) -> None:
        result = CliRunner().invoke(cli, [command, "--help"])
        assert "--scheme NAME" in result.output


class TestTurnedAndRepeated:
    def test_a_turned_matrix_is_said(self, tmp_path: Path) -> None:
        rows = [
            ["Person", "Budget", "Audit", "Plan"],
            ["Ann", "A", "A", "A"],
            ["Bo", "R", "R", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [turned] = findings(org, "turned-table")
        assert turned.message.startswith("this table looks turned: people as rows")

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_a_repeated_row_is_kept_and_said(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Revenue forecast", "A", "R"],
            ["Budget", "A", "R"],
            ["Revenue forecast ", "R", "A"],
        ]
        path = write_table(tmp_path, rows, suffix)
        org = raci.load(path)
        assert list(org.deliverables) == ["revenue-forecast", "budget", "revenue-forecast-2"]
        [dup] = findings(org, "duplicate-row")
        assert "names `Revenue forecast` again" in dup.message
        result = CliRunner().invoke(cli, ["matrix", str(path)])
        assert result.exit_code == 0
        assert result.stdout.count("Revenue forecast") == 2


class TestWhereFindingsPoint:
    TEXT = "| Task | Ann | Bo |\n|---|---|---|\n| Plan | R | OPS |\n| Ship  | A/R | A |\n"

    @pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
    def test_the_character_column_in_every_format(self, tmp_path: Path, fmt: str) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(self.TEXT)
        out = CliRunner().invoke(cli, ["validate", str(path), "--format", fmt]).stdout
        # `OPS` starts at character 14 of line 3; `Ship`'s first A (`A/R`) at 11 of line 4.
        if fmt == "text":
            assert f"{path}:3:14: error unreadable-cell" in out
            assert f"{path}:4:11: error single-accountable" in out
        elif fmt == "json":
            found = {f["rule"]: f for f in json.loads(out)["files"][0]["findings"]}
            cell = found["unreadable-cell"]
            assert (cell["line"], cell["column"], cell["cell_column"]) == (3, 14, 3)
        elif fmt == "github":
            assert "line=3,col=14,title=unreadable-cell" in out
        else:
            results = json.loads(out)["runs"][0]["results"]
            [cell] = [r for r in results if r["ruleId"] == "unreadable-cell"]
            region = cell["locations"][0]["physicalLocation"]["region"]
            assert (region["startLine"], region["startColumn"]) == (3, 14)

    def test_a_row_finding_points_at_the_rows_first_text(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text("| Task | Ann |\n|---|---|\n|   Plan | C |\n")
        [missing] = findings(raci.load(path), "single-accountable")
        assert (missing.location.line, missing.location.column) == (3, 5)


# The counting test: every data row of a table is read or reported, in every reader.

MATRIX = [
    ["Задача", "Ann", "Bo", "张伟"],
    ["Plan", "A", "R", "C"],
    ["Финансы", "", "", ""],  # a group heading
    ["Budget", "A/R", "OPS", "I"],
    ["", "A", "R", ""],  # names no deliverable
    ["Plan", "R", "A", ""],  # repeated
    ["预算", "R·A", "(C)", "N"],
]
ROLES = [
    ["#", "任务", "Responsible", "Accountable", "Consulted"],
    ["1", "Plan", "Ann/Bo", "Ann", "Product/Tech Lead"],
    ["", "", "Ann", "Bo", ""],
    ["2", "Отчёт", "Bo", "Ann", "R&D Manager"],
    ["2", "Отчёт", "Bo", "Bo", ""],
]
LONG = [
    ["Task", "Person", "Role"],
    ["Plan", "Ann", "A"],
    ["Plan", "Bo", "R"],
    ["", "Bo", "C"],
    ["Бюджет", "Ann", "maybe"],
    ["Бюджет", "", "R"],
    ["预算", "张伟", "Accountable"],
]
ORG = [
    ["id", "name", "parent"],
    ["hq", "Штаб", ""],
    ["fin", "财务司", "hq"],
    ["ops", "Operations", "hq"],
]
PATHS = [
    ["Path", "Phone"],
    ["Штаб/Финансы", "1"],
    ["Штаб/Операции", "2"],
    ["Штаб", "3"],
]
STACKED = [
    ["Task", "Responsible (R)", "Accountable (A)"],
    ["Build", "Dev", "Lead"],
    ["", "QA", ""],  # names no deliverable
    [],
    ["Task", "Ana", "Bo"],  # the second table's header
    ["Design", "R", "OPS"],
    ["Phase 2", "", ""],  # a heading
    ["Deploy", "-", "R"],
    ["Deploy", "A", ""],  # repeated
    ["See the notes"],  # a note under the table
]
TWO_ROW_HEADERS = [
    ["", "", "Arthur", "Yanis"],
    ["ID", "Part 1", "Chef", "Membre"],
    ["1", "Build", "A", "R"],
    [],
    ["", "", "Arthur", "Yanis"],  # the second table's header, two rows
    ["ID", "Part 2", "Chef", "Membre"],
    ["1", "Test", "A", "R"],
    ["", "", "Arthur", "Yanis"],  # the names again, with no empty row above
    ["ID", "Part 3", "Chef", "Membre"],
    ["1", "Ship", "R", "A"],
]
SPACED = [
    ["Task", "Ann", "Bo", "", "Cy"],  # an empty spacer column
    ["Plan", "R-A", "C", "", "I"],  # letters joined by hyphens
    ["Build", "I", "R-I-A", "", "C"],
    ["", "A", "R", "", ""],  # names no deliverable
    ["Test", "C-A", "OPS", "", "R"],
]
STATUS_UNDER_NAMES = [
    ["", "Roles", "Ann", "Bo"],
    ["Task", "Status", "Sponsor", "Team"],
    ["Plan", "Completed", "A", "R"],
    ["Build", "Planned", "I", "A/R"],
]
#: The rows of a shape that are headers, not data (the first row of every shape is one).
HEADERS = {"stacked": {0, 4}, "two-row headers": {0, 1, 4, 5}, "status under names": {0, 1}}


READERS = [
    *[
        (name, rows, suffix)
        for name, rows in [("matrix", MATRIX), ("roles", ROLES)]
        for suffix in FORMATS
    ],
    *[("long", LONG, suffix) for suffix in FORMATS],
    # Org sheets, and several tables on one sheet, are spreadsheets.
    *[
        (name, rows, suffix)
        for name, rows in [
            ("org", ORG),
            ("paths", PATHS),
            ("stacked", STACKED),
            ("two-row headers", TWO_ROW_HEADERS),
            ("spaced", SPACED),
            ("status under names", STATUS_UNDER_NAMES),
        ]
        for suffix in (".csv", ".xlsx")
    ],
]


@pytest.mark.parametrize(("name", "rows", "suffix"), READERS)
def test_every_row_is_read_or_reported(
    tmp_path: Path, name: str, rows: list[list[str]], suffix: str
) -> None:
    path = write_table(tmp_path, rows, suffix)
    org = raci.load(path)
    first = 5 if suffix == ".md" else 2  # the line or row of the first data row
    headers = HEADERS.get(name, {0})
    data = {first + i - 1 for i, row in enumerate(rows) if any(row) and i not in headers}
    reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
    assert data <= rows_read(org) | reported, name


#: Workbooks whose merged cells and fonts shape the table: rows, merged ranges, rows in a
#: font of their own (bold, size), and the rows that are headers.
WORKBOOKS = {
    "party over two columns": (
        [["Task", "Ann", "", "Bo", ""], ["Plan", "A", "", "R", ""], ["Ship", "R", "R", "A", ""]],
        ("B1:C1", "D1:E1", "B2:C2", "D2:E2"),
        {},
        {0},
    ),
    "name over two columns": (
        [["Task", "", "Ann", "Bo"], ["Plan", "", "A", "R"], ["", "Build", "A", "R"]],
        ("A1:B1", "A2:B2"),
        {},
        {0},
    ),
    "title in the corner": (
        [["", "Lead", "Team"], ["RACI - Project X", "", ""], ["Prepare", "R,A", "R,I"]],
        ("B1:B2", "C1:C2"),
        {},
        {0},
    ),
    "headings by font": (
        [
            ["Task", "Ann", "Bo"],
            ["Phase 1", "", ""],
            ["Plan", "A", "R"],
            ["Review", "", ""],
            ["Build", "A", "OPS"],
            ["Phase 2", "", ""],
            ["Ship", "R", "A"],
        ],
        (),
        {2: (True, 14), 6: (True, 14)},
        {0},
    ),
    "groups merged down": (
        [
            ["", "", "Triage", "Manager"],
            ["Core Services", "Monitoring", "R", "A"],
            ["", "Reporting", "", ""],  # no roles
            ["", "Briefings", "", ""],  # no roles, the last row
        ],
        ("A1:B1", "A2:A4"),
        {},
        {0},
    ),
}


@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_every_row_of_a_workbook_is_read_or_reported(tmp_path: Path, name: str) -> None:
    rows, merges, fonts, headers = WORKBOOKS[name]
    path = write_workbook(tmp_path / "book.xlsx", rows, merges, fonts)
    org = raci.load(path)
    data = {i + 1 for i, row in enumerate(rows) if any(row) and i not in headers}
    reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
    assert data <= rows_read(org) | reported, name


class TestGroupsMergedDown:
    """A workbook whose first column holds each family of services merged down over its
    rows, beside the column of services, under a header whose two first cells are merged
    and empty (as a security centre's matrix copied from a slide has it)."""

    ROWS: ClassVar[list[list[str]]] = [
        ["Who does what in the SOC", "", "", "", ""],
        ["", "", "SOC Analyst: Triage", "SOC Manager", "CERT"],
        ["Core Services", "Monitoring", "R", "A", ""],
        ["", "Triage", "R", "A", ""],
        ["", "Delivery Management", "", "A", ""],
        ["Deployment Services", "Use Case Design", "R", "A", ""],
        ["", "Testing", "", "A", ""],
        ["", "Playbooks", "R", "A", ""],  # under a merged cell left blank
        ["", "Training", "R", "A", ""],
        ["Reporting", "Security Reporting", "", "A", ""],
        ["", "Efficiency Reporting", "", "", ""],  # no roles
        ["", "Financial Reporting", "", "A", ""],
        ["Optional", "Incident Management", "", "", ""],  # no roles
        ["", "Policy Violations", "", "", ""],  # no roles, the last row
    ]
    MERGES = ("A1:E1", "A2:B2", "A3:A5", "A6:A7", "A8:A9", "A10:A12", "A13:A14")

    def test_the_merged_column_groups_the_rows_named_in_the_next(self, tmp_path: Path) -> None:
        org = raci.load(write_workbook(tmp_path / "soc.xlsx", self.ROWS, self.MERGES))
        names = {g.id: g.name for g in org.groups.values()}
        read = [(d.name, names.get(d.group or "")) for d in org.deliverables.values()]
        assert read == [
            ("Monitoring", "Core Services"),
            ("Triage", "Core Services"),
            ("Delivery Management", "Core Services"),
            ("Use Case Design", "Deployment Services"),
            ("Testing", "Deployment Services"),
            ("Playbooks", "Deployment Services"),
            ("Training", "Deployment Services"),
            ("Security Reporting", "Reporting"),
            ("Efficiency Reporting", "Reporting"),
            ("Financial Reporting", "Reporting"),
            ("Incident Management", "Optional"),
            ("Policy Violations", "Optional"),
        ]
        assert [p.name for p in org.external.values()] == [
            "SOC Analyst: Triage",
            "SOC Manager",
            "CERT",
        ]
        assert roles(org)["monitoring"] == [("R", "soc-analyst-triage"), ("A", "soc-manager")]
        assert not findings(org, "unreadable-cell")

    def test_groups_of_one_or_two_rows(self, tmp_path: Path) -> None:
        rows = [
            ["", "", "Ann", "Bo"],
            ["Build", "Design", "R", "A"],
            ["", "Code", "R", "A"],
            ["Run", "Operate", "A", "R"],
            ["Close", "Archive", "A", "R"],
            ["", "Report", "A", ""],
        ]
        path = write_workbook(tmp_path / "small.xlsx", rows, ("A1:B1", "A2:A3", "A5:A6"))
        org = raci.load(path)
        read = [(d.name, org.groups[d.group].name) for d in org.deliverables.values() if d.group]
        assert read == [
            ("Design", "Build"),
            ("Code", "Build"),
            ("Operate", "Run"),
            ("Archive", "Close"),
            ("Report", "Close"),
        ]
        assert sorted(org.external) == ["ann", "bo"]


class TestSprintTablesAndAWorkloadTable:
    """A document of one table per sprint under the same people, then a table of hours
    per role under headings that name the roles (as a student project's plan has it)."""

    DOC = """\
# Ma trận RACI

### Sprint 1: Khởi động
| Công việc (Issue) | Minh (SM) | Diệu (PO) | Kiệt | Huy |
| :--- | :---: | :---: | :---: | :---: |
| [Sprint 1] 1. Brainstorm | **A** | R | C | I |
| [Sprint 1] 2. Thiết lập repo | I | **R,A** | C | R |
---

### Sprint 2: Modeling
| Công việc (Issue) | Minh (SM) | Diệu (PO) | Kiệt | Huy |
| :--- | :---: | :---: | :---: | :---: |
| [Sprint 2] 1. Baseline | **R** | C | **A** | **A** |
| [Sprint 2] 2. Checkpoints | **A** | **A** | C | R |
| [Sprint 2] 3. Sprint Review | **R** | C | R | R |

## Bảng Ước tính Khối lượng Công việc

| Công việc (Issue) | Phân bố (R/A/C/I) | Chi tiết Giờ (R) | Chi tiết Giờ (A) | **Tổng Giờ** |
| :--- | :---: | :---: | :---: | :---: |
| **Sprint 1** | | | | |
| [S1] 1. Brainstorm | 1R, 1A, 1C, 1I | 31.25 | 23.25 | **54.50 giờ** |
| [S1] 2. Thiết lập repo | 2R, 1A, 1C, 1I | 56.00 | 31.00 | **87.00 giờ** |
"""

    def load(self, tmp_path: Path) -> raci.Organization:
        path = tmp_path / "raci.md"
        path.write_text(self.DOC, encoding="utf-8")
        return raci.load(path)

    def test_the_sprint_tables_are_read_and_the_workload_table_skipped(
        self, tmp_path: Path
    ) -> None:
        org = self.load(tmp_path)
        assert [p.name for p in org.external.values()] == ["Minh (SM)", "Diệu (PO)", "Kiệt", "Huy"]
        assert [d.name for d in org.deliverables.values()] == [
            "[Sprint 1] 1. Brainstorm",
            "[Sprint 1] 2. Thiết lập repo",
            "[Sprint 2] 1. Baseline",
            "[Sprint 2] 2. Checkpoints",
            "[Sprint 2] 3. Sprint Review",
        ]
        [skipped] = [f for f in findings(org, "tables-read") if "skipped" in f.message]
        assert (
            skipped.location.line
            == self.DOC.splitlines().index("## Bảng Ước tính Khối lượng Công việc") + 3
        )
        assert "hold numbers, and no cell reads as a name or role letters" in skipped.message
        assert "`Chi tiết Giờ (R)`" in skipped.message

    def test_every_row_is_read_or_reported(self, tmp_path: Path) -> None:
        org = self.load(tmp_path)
        lines = self.DOC.splitlines()
        data = {n for n, line in enumerate(lines, 1) if line.startswith("| [Sprint")}
        workload = lines.index("## Bảng Ước tính Khối lượng Công việc") + 3
        reported = {f.location.line for f in raci.validate(org)}
        assert data <= rows_read(org)
        assert workload in reported

    def test_a_sprint_with_two_accountables_a_row_is_not_said_turned(self, tmp_path: Path) -> None:
        # Sprint 2: each column has one A and no row has exactly one, but its columns
        # are the people of sprint 1's table.
        assert not findings(self.load(tmp_path), "turned-table")

    def test_alone_such_a_table_still_looks_turned(self, tmp_path: Path) -> None:
        path = tmp_path / "raci.md"
        sprint_2 = self.DOC.split("### Sprint 2: Modeling\n")[1].split("\n\n")[0]
        path.write_text(sprint_2 + "\n", encoding="utf-8")
        [turned] = findings(raci.load(path), "turned-table")
        assert "each column has one A" in turned.message


class TestHoursUnderRoleHeaders:
    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_role_column_of_hours_holds_no_names(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Responsible", "Accountable", "Responsible (hours)"],
            ["Plan", "Ann", "Bo", "12.5"],
            ["Build", "Bo", "Ann", "40"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert sorted(org.external) == ["ann", "bo"]
        [note] = [n for n in findings(org, "table-reading") if "holds numbers" in n.message]
        assert (note.location.line, note.location.column) == (1, 4 if suffix == ".xlsx" else 30)

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_table_of_hours_per_role_is_no_raci_table(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Hours (R)", "Hours (A)"],
            ["Plan", "31.25", "6R, 1A"],
            ["Build", "4", "0"],
        ]
        with pytest.raises(raci.LoadError) as raised:
            raci.load(write_table(tmp_path, rows, suffix))
        assert "this table is not one raci reads" in str(raised.value)


class TestBannerUnderTheNames:
    """A row of merged group labels (``Roles Scrum`` over three people) under the row of
    names, as spreadsheet templates lay it out."""

    def workbook(self, tmp_path: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet["B1"] = "MATRIZ RACI SIMPLE"
        for col, name in zip(
            "EFGH", ["Product Owner", "Programadores", "Gerente", "Usuario"], strict=True
        ):
            sheet[f"{col}2"] = name
        sheet["B3"], sheet["C3"], sheet["D3"] = "PRIORIDAD", "ESTADO", "RESULTADO/ACTIVIDAD"
        sheet["E3"], sheet["G3"], sheet["H3"] = "Roles Scrum", "Gestion", "Cliente"
        sheet.merge_cells("E3:F3")
        sheet["D4"] = "FASE 1"
        rows = [
            ["Alta", "Hecho", "Requerimientos", "A", "R", "C", "I"],
            ["Baja", "", "Prototipos", "C", "R", "A", ""],
        ]
        for r, row in enumerate(rows, start=5):
            for col, text in zip("BCDEFGH", row, strict=True):
                sheet[f"{col}{r}"] = text or None
        sheet["D7"] = "FASE 2"
        sheet["B8"], sheet["D8"], sheet["F8"], sheet["G8"] = "Media", "Pruebas", "R", "A"
        path = tmp_path / "matriz.xlsx"
        book.save(path)
        return path

    def test_the_names_are_the_parties_and_the_task_column_names_the_rows(
        self, tmp_path: Path
    ) -> None:
        org = raci.load(self.workbook(tmp_path))
        assert [p.name for p in org.external.values()] == [
            "Product Owner",
            "Programadores",
            "Gerente",
            "Usuario",
        ]
        assert [(d.name, d.group) for d in org.deliverables.values()] == [
            ("Requerimientos", "fase-1"),
            ("Prototipos", "fase-1"),
            ("Pruebas", "fase-2"),
        ]
        assert roles(org)["prototipos"] == [
            ("R", "programadores"),
            ("A", "gerente"),
            ("C", "product-owner"),
        ]
        assert not findings(org, "unreadable-cell")
        said = [n.message for n in findings(org, "table-reading")]
        assert any(m.startswith("row 2 names the parties above row 3") for m in said)
        assert any("`PRIORIDAD` holds data" in m for m in said)
        assert any("`ESTADO` holds data" in m for m in said)

    def test_places_stay_those_of_the_sheet(self, tmp_path: Path) -> None:
        org = raci.load(self.workbook(tmp_path))
        [error] = findings(org, "responsible-present") or [None]
        assert error is None
        [silo] = [f for f in findings(org, "silo") if f.subject == "pruebas"]
        assert silo.location.cell.endswith("!D8")


class TestTaskColumnNotFirst:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_priority_and_status_before_the_task(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Priority", "Status", "Task", "Product Owner", "Dev"],
            ["High", "Open", "Plan", "A", "R"],
            ["Low", "Open", "Build", "A", "R/C"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert [d.name for d in org.deliverables.values()] == ["Plan", "Build"]
        assert sorted(org.external) == ["dev", "product-owner"]
        assert not findings(org, "unreadable-cell")
        if suffix == ".csv":
            [status] = [n for n in findings(org, "table-reading") if "`Status`" in n.message]
            assert (status.location.line, status.location.column) == (1, 10)


class TestLongExports:
    """One assignment per row under the export's own headers."""

    ROWS: ClassVar[list[list[str]]] = [
        ["group_id", "group_title", "action_id", "action_name", "role_id", "role_name", "raci"],
        *[
            ["perf", "Performance", f"perf__{a}", a.title(), r, r.replace("_", " ").title(), x]
            for a, pairs in [
                ("define", [("lead", "A"), ("manager", "R"), ("team_lead", "C")]),
                ("review", [("lead", "C"), ("manager", "R/A")]),
            ]
            for r, x in pairs
        ],
        ["proc", "Process", "proc__change", "Change", "manager", "Manager", "A"],
        ["proc", "Process", "proc__change", "Change", "team_lead", "Team Lead", "R"],
    ]

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_read_from_the_cells(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, self.ROWS, suffix))
        assert org.layout == "long"
        assert {d.id: (d.name, d.group) for d in org.deliverables.values()} == {
            "perf__define": ("Define", "performance"),
            "perf__review": ("Review", "performance"),
            "proc__change": ("Change", "process"),
        }
        assert [p.name for p in org.external.values()] == ["Lead", "Manager", "Team Lead"]
        assert roles(org)["perf__review"] == [("R", "manager"), ("A", "manager"), ("C", "lead")]
        [note] = [
            n for n in findings(org, "table-reading") if "one assignment per row" in n.message
        ]
        assert "the party in `role_name`, the role letters in `raci`" in note.message

    def test_task_id_and_task_both_kept(self, tmp_path: Path) -> None:
        rows = [
            ["task_id", "task", "person", "role"],
            ["T1", "Plan", "Ann", "A"],
            ["T1", "Plan", "Bo", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert {d.id: d.name for d in org.deliverables.values()} == {"T1": "Plan"}

    def test_a_one_party_matrix_is_not_taken_for_a_long_table(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Status", "PM"],
            *[[f"T{i}", "Open" if i % 2 else "Done", "A/R"] for i in range(6)],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert org.layout == "matrix"
        assert list(org.external) == ["pm"]


class TestBesideAndBelow:
    """Legends against the matrix and tables of counts under it, as workbooks have them."""

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_legend_against_the_last_column(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Plan", "A", "R", "R - Responsible", "does the work"],
            ["Build", "R", "A", "A - Accountable", "signs off"],
            ["Test", "R", "A", "C - Consulted", "is asked"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert list(org.deliverables) == ["plan", "build", "test"]
        assert sorted(org.external) == ["ann", "bo"]
        assert not findings(org, "stray-cell")
        assert any(
            n.message.startswith("a legend (6 cells") for n in findings(org, "table-reading")
        )

    def test_a_legend_beside_the_first_rows(self, tmp_path: Path) -> None:
        rows = [
            ["Tarea", "Ana", "Luis"],
            ["Plan", "A", "R", "", "R=Responsable"],
            ["Pruebas", "R", "A", "", "A=Aprobador"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert not findings(org, "stray-cell")
        assert list(org.deliverables) == ["plan", "pruebas"]

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_table_of_counts_below(self, tmp_path: Path, suffix: str) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Plan", "A", "R"],
            ["Build", "R", "A"],
            [],
            ["", "R", "A"],
            ["Ann", "1", "1"],
            ["Bo", "1", "1"],
        ]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert list(org.deliverables) == ["plan", "build"]
        assert not findings(org, "unreadable-cell")
        assert [f for f in raci.validate(org) if f.severity.value == "error"] == []
        assert any("outside the table" in n.message for n in findings(org, "table-reading"))


class TestMergedHeader:
    """A party's name merged over the columns of its letters (``Luis`` over D4:H4, one
    person's R, A, C and I columns), as spreadsheet templates lay it out."""

    def test_each_covered_column_is_the_partys(self, tmp_path: Path) -> None:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet["A1"] = "RACI"
        sheet["B4"], sheet["C4"], sheet["D4"], sheet["I4"] = "Tâche", "Status", "Luis", "Khalil"
        sheet.merge_cells("D4:H4")
        sheet.merge_cells("I4:M4")
        rows = {
            5: ("Plan", "Fait", {"D": "R", "E": "A", "K": "C", "L": "I"}),
            6: ("Build", "", {"F": "C", "G": "I", "I": "R", "J": "A"}),
            7: ("Ship", "En cours", {"D": "R", "E": "A", "I": "R", "J": "A"}),
        }
        for row, (task, status, marks) in rows.items():
            sheet[f"B{row}"] = task
            sheet[f"C{row}"] = status or None
            for col, mark in marks.items():
                sheet[f"{col}{row}"] = mark
        path = tmp_path / "raci.xlsx"
        book.save(path)
        org = raci.load(path)
        assert [p.name for p in org.external.values()] == ["Luis", "Khalil"]
        assert roles(org)["build"] == [
            ("R", "khalil"),
            ("A", "khalil"),
            ("C", "luis"),
            ("I", "luis"),
        ]
        [two] = findings(org, "single-accountable")
        assert two.subject == "ship"
        assert not findings(org, "unreadable-cell")
        assert not [n for n in findings(org, "table-reading") if "block of cells" in n.message]


class TestFifthRound:
    """Shapes of the tables people keep that a fresh round of real files showed."""

    def test_a_plural_in_brackets_is_no_role_letter(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Team Member(s)", "Responsible (R)", "Accountable (A)"],
            ["Build", "Dev Team", "Dev Team", "Lead"],
            ["Test", "QA", "QA", "Lead"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert roles(org)["test"] == [("R", "qa"), ("A", "lead")]
        assert "S" not in {a.role for d in org.deliverables.values() for a in d.assignments}

    @pytest.mark.parametrize(
        ("encoding", "name"), [("cp1252", "Windows-1252"), ("mac_roman", "Mac OS Roman")]
    )
    def test_a_csv_in_an_old_encoding(self, tmp_path: Path, encoding: str, name: str) -> None:
        path = tmp_path / "org.csv"
        path.write_bytes("name,id,parentId\nDirección,1,\nMuñoz Núñez,2,1\n".encode(encoding))
        org = raci.load(path)
        assert [u.name for u in org.units.values()] == ["Dirección", "Muñoz Núñez"]
        [note] = findings(org, "table-reading")
        assert note.message == f"the file is not UTF-8 text; it is read as {name}" + (
            " (Western)" if encoding == "cp1252" else ""
        )

    def test_a_csv_in_utf16(self, tmp_path: Path) -> None:
        path = tmp_path / "m.csv"
        path.write_bytes("Task\tAnn\tBo\nPlan\tA\tR\n".encode("utf-16"))
        org = raci.load(path)
        assert roles(org)["plan"] == [("R", "bo"), ("A", "ann")]
        assert not findings(org, "table-reading")

    def test_the_sheet_with_letters_of_several(self, tmp_path: Path) -> None:
        import openpyxl

        book = openpyxl.Workbook()
        book.active.title = "Grid"
        book.active["A1"] = "notes"
        raci_sheet = book.create_sheet("RACI")
        for row in [["Task", "Ann", "Bo"], ["Plan", "A", "R"], ["Ship", "R", "A"]]:
            raci_sheet.append(row)
        register = book.create_sheet("Register")
        for row in [["Risk", "Owner", "Status"], ["Late", "Ann", "Open"], ["Cost", "Bo", "Closed"]]:
            register.append(row)
        path = tmp_path / "book.xlsx"
        book.save(path)
        org = raci.load(path)
        assert list(org.deliverables) == ["plan", "ship"]
        assert any("read sheet `RACI`" in n.message for n in findings(org, "table-reading"))

    def test_two_tables_one_above_the_other(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Responsible (R)", "Accountable (A)"],
            ["Build", "Dev", "Lead"],
            [],
            ["Task", "Ana", "Bo"],
            ["Design", "R", "A"],
            ["Deploy", "A", "R"],
        ]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert list(org.deliverables) == ["build", "design", "deploy"]
        assert sorted(org.external) == ["ana", "bo", "dev", "lead"]
        assert [n.message for n in findings(org, "tables-read")] == [
            "2 tables of the sheet read as one (at lines 1, 4)"
        ]
