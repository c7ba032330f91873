"""Org sheets as HR systems export them: Workday (semicolons, a BOM, CRLF; XLSX), SAP
SuccessFactors' position import (dotted-line managers, a second header row), Visio's
shape column; and people placed in units of their department with ``--group-by``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import raci
from raci.cli import cli

SVG = "{http://www.w3.org/2000/svg}"

WORKDAY_ROWS = [
    [
        "Unique Identifier",
        "Name",
        "Position",
        "Business Title",
        "Manager",
        "Reports To",
        "Organization Name",
        "Supervisory Organization",
        "Location",
    ],
    ["21001", "Logan McNeil", "P-00001", "Chief Executive Officer", "Logan McNeil", "",
     "Executive", "Global Modern Services (Logan McNeil)", "San Francisco"],
    ["21002", "Teresa Serrano", "P-00002", "Chief Financial Officer", "Teresa Serrano", "21001",
     "Finance", "Finance (Teresa Serrano)", "San Francisco"],
    ["21003", "Oliver Reynolds", "P-00003", "Senior Accountant", "Teresa Serrano",
     "Teresa Serrano", "Finance", "Finance (Teresa Serrano)", "Chicago"],
    ["21004", "Maria Cardoza", "P-00004", "Payroll Analyst", "Teresa Serrano", "21002",
     "Finance", "Finance (Teresa Serrano)", ""],
]  # fmt: skip


def units(org: raci.Organization) -> dict[str, tuple[str, str | None]]:
    return {u.id: (u.name, u.parent) for u in org.units.values()}


def chart_text(path: Path, *options: str) -> str:
    """The text of the SVG chart `raci chart` draws of ``path``, one label a line."""
    out = path.with_suffix(".svg")
    result = CliRunner().invoke(cli, ["chart", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return "\n".join(t.text or "" for t in ET.parse(out).getroot().iter(f"{SVG}text"))


class TestWorkday:
    def test_semicolons_bom_and_crlf(self, tmp_path: Path) -> None:
        """Reports To by id or by name; Manager (which names a manager themself) is data;
        the business title, not the position's code, is the title."""
        path = tmp_path / "workday.csv"
        text = "\r\n".join(";".join(row) for row in WORKDAY_ROWS) + "\r\n"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        org = raci.load(path)
        assert units(org) == {
            "21001": ("Logan McNeil", None),
            "21002": ("Teresa Serrano", "21001"),
            "21003": ("Oliver Reynolds", "21002"),
            "21004": ("Maria Cardoza", "21002"),
        }
        assert org.layout == "people-sheet"
        assert [u.title for u in org.units.values()] == [
            "Chief Executive Officer",
            "Chief Financial Officer",
            "Senior Accountant",
            "Payroll Analyst",
        ]
        cfo = org.units["21002"]
        assert cfo.attributes["Manager"] == "Teresa Serrano"
        assert cfo.attributes["Organization Name"] == "Finance"
        assert str(cfo.location) == f"{path}:3:1"
        assert not [f for f in raci.validate(org) if f.severity.value != "info"]
        shown = chart_text(path)
        for name in ("Logan McNeil", "Teresa Serrano", "Oliver Reynolds", "Payroll Analyst"):
            assert name in shown

    def test_xlsx_with_numbers_as_ids(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Workers"
        for row in WORKDAY_ROWS:
            sheet.append([int(c) if c.isdigit() else c or None for c in row])
        path = tmp_path / "workday.xlsx"
        book.save(path)
        org = raci.load(path)
        assert units(org)["21004"] == ("Maria Cardoza", "21002")
        assert org.units["21003"].location.cell == "Workers!A4"
        shown = chart_text(path, "--group-by", "department")
        for name in ("Executive", "Finance", "Chief Financial Officer", "Teresa Serrano"):
            assert name in shown

    def test_an_ambiguous_manager_name_is_reported_at_its_cell(self, tmp_path: Path) -> None:
        path = tmp_path / "workday.csv"
        path.write_text(
            "Unique Identifier;Name;Reports To\n1;Sam Lee;\n2;Sam Lee;1\n3;Kim Yu;Sam Lee\n",
            encoding="utf-8",
        )
        with pytest.raises(raci.LoadError) as caught:
            raci.load(path)
        [problem] = caught.value.findings
        assert str(problem.location) == f"{path}:4:10"
        assert problem.message == "`Sam Lee` names 2 units (1, 2); write the id instead"
        result = CliRunner().invoke(cli, ["chart", str(path), "-o", str(tmp_path / "c.svg")])
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert f"{path}:4:10: `Sam Lee` names 2 units" in result.output


SF_HEADER = "POSITIONCODE,MANAGERPOS,TITLE,DEPT,DIV,Matrix_Manager,EFFECTIVE_START_DATE\n"
SF_ROWS = (
    "50000001,,Chief Executive Officer,Executive Office,Corporate,,2024-01-01\n"
    "50000002,50000001,Chief Financial Officer,Finance,Corporate,,2024-01-01\n"
    "50000003,50000001,Chief Technology Officer,Technology Office,Technology,,2024-01-01\n"
    "50000004,50000003,Engineering Manager,Engineering,Technology,,2024-01-01\n"
    "50000005,50000004,Software Engineer,Engineering,Technology,50000002,2024-01-01\n"
    "50000006,50000002,Financial Analyst,Finance,Corporate,50000003,2024-01-01\n"
)


class TestSuccessFactors:
    def test_positions_with_dotted_lines(self, tmp_path: Path) -> None:
        """Each row is a post, named by its title; Matrix_Manager is a dotted line."""
        path = tmp_path / "positions.csv"
        path.write_text(SF_HEADER + SF_ROWS, encoding="utf-8")
        org = raci.load(path)
        assert units(org)["50000005"] == ("Software Engineer", "50000004")
        assert org.units["50000005"].also_reports_to == ("50000002",)
        assert org.units["50000006"].also_reports_to == ("50000003",)
        assert org.units["50000001"].attributes == {
            "DEPT": "Executive Office",
            "DIV": "Corporate",
            "EFFECTIVE_START_DATE": "2024-01-01",
        }
        assert org.root == "50000001"
        assert not [f for f in raci.validate(org) if f.severity.value != "info"]
        shown = chart_text(path)
        assert "Chief Technology Officer" in shown
        assert "Also reports to (arrow: to whom)" in shown  # the key of the dotted lines
        dot = path.with_suffix(".dot")
        CliRunner().invoke(cli, ["chart", str(path), "-o", str(dot)])
        assert dot.read_text(encoding="utf-8").count("style=dashed") >= 2

    def test_a_second_header_row_of_labels(self, tmp_path: Path) -> None:
        path = tmp_path / "positions.csv"
        labels = "Position Code,Manager Position,Title,Department,Division,Matrix Manager,Start\n"
        path.write_text(SF_HEADER + labels + SF_ROWS, encoding="utf-8")
        org = raci.load(path)
        assert len(org.units) == 6
        [note] = [f for f in raci.validate(org) if f.rule == "table-reading"]
        assert str(note.location) == f"{path}:2:1"
        assert "second header row" in note.message

    def test_grouped_by_department_under_division(self, tmp_path: Path) -> None:
        """DEPT under DIV; a dotted line between people is one between their units."""
        path = tmp_path / "positions.csv"
        path.write_text(SF_HEADER + SF_ROWS, encoding="utf-8")
        org = raci.load(path, group_by="department")
        assert units(org) == {
            "corporate": ("Corporate", None),
            "executive-office": ("Executive Office", "corporate"),
            "finance": ("Finance", "corporate"),
            "technology": ("Technology", "corporate"),
            "technology-office": ("Technology Office", "technology"),
            "engineering": ("Engineering", "technology"),
        }
        assert org.units["engineering"].also_reports_to == ("finance",)
        assert org.units["engineering"].head == "50000004"
        assert org.units["technology"].head is None
        engineer = org.positions["50000005"]
        assert (engineer.name, engineer.unit, engineer.reports_to) == (
            "Software Engineer",
            "engineering",
            "50000004",
        )
        assert [f for f in raci.validate(org) if f.severity.value == "error"] == []
        shown = chart_text(path, "--group-by", "department", "--positions")
        for name in ("Technology Office", "Engineering", "Software Engineer"):
            assert name in shown


class TestVisioShapes:
    def test_the_assistant_shape_is_staff(self, tmp_path: Path) -> None:
        path = tmp_path / "visio.csv"
        path.write_text(
            "Name,Reports_To,Title,Department,Master_Shape\n"
            "Ann Lee,,Director,Front office,Executive\n"
            "Bo Chan,Ann Lee,Assistant to the Director,Front office,Assistant\n"
            "Cy Diaz,Ann Lee,Chief of Finance,Finance,Manager\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert {u.id: u.staff for u in org.units.values()} == {
            "ann-lee": False,
            "bo-chan": True,
            "cy-diaz": False,
        }
        assert "Staff office, beside the unit it serves" in chart_text(path)


def _export(tmp_path: Path) -> Path:
    """A BambooHR-like export: a CEO and an assistant, two divisions, a person with no
    department (in their manager's unit)."""
    path = tmp_path / "people.csv"
    path.write_text(
        "id,displayName,jobTitle,department,division,reportsTo,IsAssistant\n"
        "1,Hal Park,Chief Executive Officer,Executive,Corporate,,no\n"
        "2,Di Moss,Executive Assistant,Executive,Corporate,1,yes\n"
        "3,Ed Chan,VP Engineering,Engineering,Technology,1,no\n"
        "4,Cy Lee,Platform Engineer,Engineering,Technology,3,no\n"
        "5,Jo Nair,Intern,,,4,no\n"
        "6,Vic Diaz,Chief Financial Officer,Finance,Corporate,1,no\n",
        encoding="utf-8",
    )
    return path


class TestGroupBy:
    def test_without_it_the_people_are_the_tree(self, tmp_path: Path) -> None:
        org = raci.load(_export(tmp_path))
        assert org.units["2"].staff
        assert units(org)["5"] == ("Jo Nair", "4")
        assert not org.positions

    def test_departments_under_divisions(self, tmp_path: Path) -> None:
        org = raci.load(_export(tmp_path), group_by="department")
        assert units(org) == {
            "corporate": ("Corporate", None),
            "executive": ("Executive", "corporate"),
            "technology": ("Technology", "corporate"),
            "engineering": ("Engineering", "technology"),
            "finance": ("Finance", "corporate"),
        }
        assert {p.id: (p.unit, p.holder) for p in org.positions.values()} == {
            "1": ("executive", "Hal Park"),
            "2": ("executive", "Di Moss"),
            "3": ("engineering", "Ed Chan"),
            "4": ("engineering", "Cy Lee"),
            "5": ("engineering", "Jo Nair"),
            "6": ("finance", "Vic Diaz"),
        }
        assert {u.id: u.head for u in org.units.values()} == {
            "corporate": None,
            "executive": "1",
            "technology": None,
            "engineering": "3",
            "finance": "6",
        }
        assert not raci.validate(org)
        shown = chart_text(_export(tmp_path), "--group-by", "department")
        # Each unit's box names its head; the other people are listed with --positions.
        for name in ("Executive", "Technology", "VP Engineering", "Ed Chan"):
            assert name in shown
        assert "Cy Lee" not in shown

    def test_departments_without_divisions_nest_by_their_heads_managers(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "people.csv"
        path.write_text(
            "Employee ID,Name,Job Title,Department,Manager ID\n"
            "1,Ann,CEO,Office of the CEO,\n"
            "2,Bo,CTO,Engineering,1\n"
            "3,Cy,Engineer,Engineering,2\n"
            "4,Di,Support lead,Support,2\n",
            encoding="utf-8",
        )
        org = raci.load(path, group_by="Department")
        assert units(org) == {
            "office-of-the-ceo": ("Office of the CEO", None),
            "engineering": ("Engineering", "office-of-the-ceo"),
            "support": ("Support", "engineering"),
        }

    def test_several_tops_go_under_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.csv"
        path.write_text("id,name,parent,team\na,Ann,,Red\nb,Bo,,Blue\n", encoding="utf-8")
        org = raci.load(path, group_by="team")
        assert units(org) == {
            "acme": ("acme", None),
            "red": ("Red", "acme"),
            "blue": ("Blue", "acme"),
        }

    def test_a_missing_column_is_one_error(self, tmp_path: Path) -> None:
        with pytest.raises(raci.LoadError) as caught:
            raci.load(_export(tmp_path), group_by="Cost centre")
        assert [str(f) for f in caught.value.findings] == [
            f"{tmp_path / 'people.csv'}:1:1: there is no `Cost centre` column to group the"
            " people by (other columns: `jobTitle`, `department`, `division`)"
        ]

    def test_not_for_other_tables(self, tmp_path: Path) -> None:
        matrix = tmp_path / "m.csv"
        matrix.write_text("Task,Ann,Bo\nPlan,A,R\n", encoding="utf-8")
        with pytest.raises(raci.LoadError, match="takes an org sheet with a parent column"):
            raci.load(matrix, group_by="department")
        model = tmp_path / "org.yaml"
        model.write_text("version: 1\nunits: [{id: a}]\n", encoding="utf-8")
        with pytest.raises(raci.LoadError, match="`group_by` applies to a matrix or org sheet"):
            raci.load(model, group_by="department")
        result = CliRunner().invoke(
            cli, ["chart", str(model), "--group-by", "department", "-o", str(tmp_path / "c.svg")]
        )
        assert result.exit_code == 2
        assert "'--group-by': places the people of an org sheet" in result.output

    def test_import_writes_units_and_posts(self, tmp_path: Path) -> None:
        out = tmp_path / "org.yaml"
        result = CliRunner().invoke(
            cli, ["import", str(_export(tmp_path)), "--group-by", "department", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        again = raci.load(out)
        assert again.units["engineering"].head == "3"
        assert again.positions["4"].reports_to == "3"
        assert not raci.validate(again)
