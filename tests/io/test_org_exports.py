"""Org sheets as HR systems and org-chart tools export them: id columns by other names,
titles, a top manager outside the export, edge lists, names that hold the path separator."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import raci


def units(org: raci.Organization) -> dict[str, tuple[str, str | None]]:
    return {u.id: (u.name, u.parent) for u in org.units.values()}


class TestIdAndTitleColumns:
    def test_short_name_is_the_id(self, tmp_path: Path) -> None:
        """Teams that name their parent by its short name all reach the chart."""
        path = tmp_path / "teams.csv"
        path.write_text(
            "short_name,name,parent\n"
            "eng,Engineering,\n"
            "web,Web Platform,eng\n"
            "data,Data Platform,eng\n"
            "ml,Machine Learning,data\n"
            "sre,Site Reliability,eng\n"
        )
        org = raci.load(path)
        assert units(org) == {
            "eng": ("Engineering", None),
            "web": ("Web Platform", "eng"),
            "data": ("Data Platform", "eng"),
            "ml": ("Machine Learning", "data"),
            "sre": ("Site Reliability", "eng"),
        }
        assert org.roots == ["eng"]

    @pytest.mark.parametrize("header", ["Code", "Unit code", "Dept_Code", "key"])
    def test_code_columns(self, tmp_path: Path, header: str) -> None:
        path = tmp_path / "org.csv"
        path.write_text(f"{header},Name,Parent\nHQ,Headquarters,\nFIN,Finance,HQ\n")
        assert units(raci.load(path)) == {"HQ": ("Headquarters", None), "FIN": ("Finance", "HQ")}

    @pytest.mark.parametrize("header", ["Employee Title", "Job Title", "Business Title"])
    def test_title_columns(self, tmp_path: Path, header: str) -> None:
        path = tmp_path / "people.csv"
        path.write_text(f"Employee ID,Name,{header},Manager ID\n1,Ann Lee,CEO,\n2,Bo Chan,CFO,1\n")
        org = raci.load(path)
        assert org.layout == "people-sheet"
        assert [u.title for u in org.units.values()] == ["CEO", "CFO"]


class TestOutsideTheExport:
    def test_a_top_manager_outside_the_export(self, tmp_path: Path) -> None:
        """A department's export: its head reports to someone not in it."""
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = "Export"
        for row in [
            ["Employee ID", "Full Name", "Employee Title", "Manager"],
            ["E7", "Maria Lopez", "Director of Finance", "Chief Operating Officer"],
            ["E8", "Sam Ode", "Accountant", "Maria Lopez"],
            ["E9", "Kim Yu", "Analyst", "E7"],
        ]:
            ws.append(row)
        path = tmp_path / "finance.xlsx"
        book.save(path)
        org = raci.load(path)
        assert units(org) == {
            "E7": ("Maria Lopez", None),
            "E8": ("Sam Ode", "E7"),
            "E9": ("Kim Yu", "E7"),
        }
        findings = raci.validate(org)
        assert [f.rule for f in findings if f.severity.value == "error"] == []
        [note] = [f for f in findings if f.rule == "table-reading"]
        assert note.severity.value == "info"
        assert note.location.cell == "Export!D2"
        assert note.message == (
            "`Chief Operating Officer` is not in this sheet, so `Maria Lopez` is placed at the top"
        )

    def test_several_outside_are_several_tops(self, tmp_path: Path) -> None:
        """Every row so placed is said, and more than one top is still an error."""
        path = tmp_path / "teams.csv"
        path.write_text("id,name,parent\na,A,corp\nb,B,corp\nc,C,a\n")
        org = raci.load(path)
        assert [n.location.line for n in org.notes] == [2, 3]
        assert "multiple-roots" in {f.rule for f in raci.validate(org)}


class TestEdgeLists:
    def test_from_to(self, tmp_path: Path) -> None:
        path = tmp_path / "edges.csv"
        path.write_text("from,to\nceo,cto\nceo,cfo\ncto,dev-lead\n")
        org = raci.load(path)
        assert units(org) == {
            "cto": ("cto", "ceo"),
            "cfo": ("cfo", "ceo"),
            "dev-lead": ("dev-lead", "cto"),
            "ceo": ("ceo", None),
        }
        assert org.roots == ["ceo"]
        assert not org.notes

    def test_manager_report_with_names(self, tmp_path: Path) -> None:
        path = tmp_path / "edges.csv"
        path.write_text(
            "manager,report\nNancy Drew,Karl Marx\nKarl Marx,Adam Smith\nNancy Drew,Wendy Lee\n"
        )
        org = raci.load(path)
        assert units(org) == {
            "karl-marx": ("Karl Marx", "nancy-drew"),
            "adam-smith": ("Adam Smith", "karl-marx"),
            "wendy-lee": ("Wendy Lee", "nancy-drew"),
            "nancy-drew": ("Nancy Drew", None),
        }
        assert [f for f in raci.validate(org) if f.severity.value == "error"] == []


class TestPathNames:
    def test_a_name_holding_the_separator(self, tmp_path: Path) -> None:
        """The name column says where the last name starts: no phantom units."""
        path = tmp_path / "agencies.csv"
        path.write_text(
            "Path,Name\n"
            "Ports,Ports\n"
            "Ports/SAFE PORTS C/O HASAK COLD STORAGE,SAFE PORTS C/O HASAK COLD STORAGE\n"
            "Ports/SAFE PORTS C/O HASAK COLD STORAGE/Dock A,Dock A\n"
            "Ports/Harbour/Berth 2,Berth 2\n"
        )
        org = raci.load(path)
        names = {u.name: org.units[u.parent].name if u.parent else None for u in org.units.values()}
        assert names == {
            "Ports": None,
            "SAFE PORTS C/O HASAK COLD STORAGE": "Ports",
            "Dock A": "SAFE PORTS C/O HASAK COLD STORAGE",
            "Harbour": "Ports",
            "Berth 2": "Harbour",
        }

    def test_a_name_that_is_not_the_last_segment(self, tmp_path: Path) -> None:
        """A display name unlike the path's end leaves the path split as before."""
        path = tmp_path / "org.csv"
        path.write_text("Path,Name\nA,Agency\nA/B,Bureau of B\n")
        assert {u.name for u in raci.load(path).units.values()} == {"Agency", "Bureau of B"}
