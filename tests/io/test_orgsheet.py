"""Reading org charts kept as spreadsheets: one unit per row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import raci
from raci.io.tables.org_sheet import looks_like_org

DATA = Path(__file__).resolve().parent.parent / "data" / "sheets"


class TestHeaders:
    """A sheet is an org sheet when it has a parent column and an id or name column."""

    @pytest.mark.parametrize(
        "header",
        [
            ("id", "name", "parent"),
            ("ID", "Parent ID"),
            ("id", "parent_id"),
            ("id", "pid"),
            ("Name", "Manager"),
            ("name", "reports_to"),
            ("Name", "Reports_To", "Title"),
            ("Person ID", "Name", "Supervisor ID"),
        ],
    )
    def test_org_headers(self, header: tuple[str, ...]) -> None:
        """The usual spellings, and Visio's and OrgPlus's columns."""
        assert looks_like_org(header)

    @pytest.mark.parametrize(
        "header", [("Task", "Ann", "Bo"), ("id", "name", "ed"), ("parent", "board")]
    )
    def test_matrix_headers(self, header: tuple[str, ...]) -> None:
        """Matrix headers are not org headers."""
        assert not looks_like_org(header)

    def test_manager_party_column_is_a_matrix(self, tmp_path: Path) -> None:
        """A matrix with a party called "Manager" is still a matrix."""
        path = tmp_path / "m.csv"
        path.write_text("Name,Manager,Developer\nShip it,A,R\n")
        org = raci.load(path)
        assert list(org.external) == ["manager", "developer"]
        assert not org.units


class TestReading:
    """Units, their parents, and the columns kept as attributes."""

    def test_plain(self, tmp_path: Path) -> None:
        """id, name, parent with optional columns; the hierarchy comes out as a graph."""
        path = tmp_path / "org.csv"
        path.write_text(
            "id,name,parent,level,head,headcount,also_reports_to,staff\n"
            "hq,Headquarters,,organization,ed,,,\n"
            "oed,Office of the ED,hq,office,,12,,yes\n"
            "fin,Finance,hq,division,,40,oed,\n"
        )
        org = raci.load(path)
        assert list(org.units) == ["hq", "oed", "fin"]
        assert org.root == "hq"
        assert sorted(org.graph.edges) == [("hq", "fin"), ("hq", "oed")]
        oed, fin = org.units["oed"], org.units["fin"]
        assert (oed.staff, oed.headcount, oed.level) == (True, 12, "office")
        assert fin.also_reports_to == ("oed",)
        assert org.units["hq"].head == "ed"
        assert not org.deliverables
        assert str(fin.location) == f"{path}:4:1"

    def test_visio_names_trimmed_and_attributes(self) -> None:
        """Visio's Name/Reports_To by name; spaces trimmed; other columns kept."""
        org = raci.load(DATA / "visio.csv")
        assert {u.id: (u.name, u.parent) for u in org.units.values()} == {
            "executive-office": ("Executive Office", None),
            "finance-division": ("Finance Division", "executive-office"),
            "budget-section": ("Budget Section", "finance-division"),
        }
        assert org.units["executive-office"].attributes == {
            "Title": "Executive Director",
            "Department": "Front office",
            "Telephone": "100",
        }
        assert org.units["budget-section"].attributes == {
            "Title": "Chief of Budget",
            "Department": "Finance",
        }

    def test_orgplus(self) -> None:
        """OrgPlus: Person ID, Supervisor ID, AltReportsTo with `;`, IsAssistant."""
        org = raci.load(DATA / "orgplus.csv")
        assert {u.id: u.parent for u in org.units.values()} == {
            "1": None,
            "2": "1",
            "3": "2",
            "4": "2",
        }
        assert org.units["3"].staff is True
        assert org.units["2"].staff is False
        assert org.units["4"].also_reports_to == ("3", "1")
        assert org.units["2"].attributes == {
            "Title": "CEO",
            "Photo": "https://example.org/ceo.jpg",
        }

    def test_xlsx(self, tmp_path: Path) -> None:
        """The same from a workbook, with numbers as ids and locations as cells."""
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = "Org"
        for row in [
            ["ID", "Name", "Parent ID", "Headcount"],
            [1, "Top", None, 5],
            [2, "Low", 1, 7.0],
        ]:
            ws.append(row)
        path = tmp_path / "org.xlsx"
        book.save(path)
        org = raci.load(path)
        assert {u.id: (u.parent, u.headcount) for u in org.units.values()} == {
            "1": (None, 5),
            "2": ("1", 7),
        }
        assert str(org.units["2"].location) == f"{path}!Org!A3"

    def test_title_rows_above_the_header(self, tmp_path: Path) -> None:
        """A title and a blank row above the header are skipped."""
        book = openpyxl.Workbook()
        for row in [["Org chart, 1 June 2020"], [], ["id", "name", "parent"], ["a", "A", None]]:
            book.active.append(row)
        path = tmp_path / "org.xlsx"
        book.save(path)
        org = raci.load(path)
        assert list(org.units) == ["a"]
        assert org.units["a"].location.cell == "Sheet!A4"

    def test_org_file_alone_is_a_model(self) -> None:
        """The rules run on it."""
        org = raci.load(DATA / "visio.csv")
        assert [f.rule for f in raci.validate(org) if f.severity == "error"] == []


class TestBadRows:
    """Bad rows are reported with their cell, all at once, and never repaired."""

    def test_every_problem_reported(self) -> None:
        """Spaces in ids, bad numbers and flags, empty rows, unknown levels (a parent not
        in the sheet puts its row at the top, with a note)."""
        path = DATA / "bad-org.csv"
        with pytest.raises(raci.LoadError) as info:
            raci.load(path)
        assert [str(p).removeprefix(f"{path}:") for p in info.value.findings] == [
            "3:1: id `fin dept` must not contain spaces",
            "4:28: `headcount` must be a whole number, 0 or more (got `ten`)",
            "4:32: `staff` must be true or false (got 'maybe')",
            "5:1: this row has neither an id nor a name",
            "6:25: unknown level `galaxy`; expected one of organization, department, office,"
            " division, branch, service, section, unit, team",
        ]

    def test_xlsx_problem_names_the_cell(self, tmp_path: Path) -> None:
        """`org.xlsx!Sheet1!D3: reason`."""
        book = openpyxl.Workbook()
        for row in [
            ["id", "name", "parent", "headcount"],
            ["a", "A", None, 1],
            ["b", "B", "a", -3],
        ]:
            book.active.append(row)
        path = tmp_path / "org.xlsx"
        book.save(path)
        with pytest.raises(raci.LoadError) as info:
            raci.load(path)
        assert str(info.value.findings[0]) == (
            f"{path}!Sheet!D3: `headcount` must be a whole number, 0 or more (got `-3`)"
        )

    def test_ambiguous_parent_name(self, tmp_path: Path) -> None:
        """A parent named by a name two units share must be written as an id."""
        path = tmp_path / "org.csv"
        path.write_text("id,name,parent\na,Top,\nb,Team,a\nc,Team,a\nd,Leaf,Team\n")
        with pytest.raises(raci.LoadError, match=r":5:8: `Team` names 2 units \(b, c\)"):
            raci.load(path)

    def test_a_parent_outside_the_sheet_puts_the_row_at_the_top(self, tmp_path: Path) -> None:
        """A parent no row lists (a manager outside the export) makes the row a top unit,
        with a note; a second top is still the rules' `multiple-roots` error."""
        path = tmp_path / "org.csv"
        path.write_text("id,name,parent\na,Top,\nb,Team,nowhere\n")
        org = raci.load(path)
        assert org.units["b"].parent is None
        found = {f.rule: f for f in raci.validate(org)}
        assert "multiple-roots" in found
        note = found["table-reading"]
        assert note.message == "`nowhere` is not in this sheet, so `Team` is placed at the top"
        assert (note.location.line, note.location.column, note.location.cell_column) == (3, 8, 3)

    def test_duplicate_ids(self, tmp_path: Path) -> None:
        """A repeated id is kept once and reported by the duplicate-id rule."""
        path = tmp_path / "org.csv"
        path.write_text("id,name,parent\na,Top,\nb,Team,a\nb,Other team,a\n")
        org = raci.load(path)
        (dup,) = org.duplicates
        assert (dup.id, dup.location.line, dup.first.line) == ("b", 4, 3)
        assert org.units["b"].name == "Team"
        assert "duplicate-id" in {f.rule for f in raci.validate(org)}


class TestPeopleSheets:
    """HR exports: one person per row, with a job title and a manager."""

    def test_titles_and_common_export_columns(self, tmp_path: Path) -> None:
        path = tmp_path / "people.csv"
        path.write_text(
            "employee_id,name,title,manager_id\n1,Sarah Chen,CEO,\n2,Alex Rodriguez,CTO,1\n"
            "3,Maya Patel,CFO,1\n4,Jordan Kim,Senior Engineer,2\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert org.layout == "people-sheet"
        assert org.root == "1"
        assert org.children("1") == ["2", "3"]
        assert org.units["4"].attributes == {"title": "Senior Engineer"}
        assert org.units["4"].title == "Senior Engineer"

    def test_manager_names_and_email_ids(self, tmp_path: Path) -> None:
        path = tmp_path / "people.csv"
        path.write_text(
            "Email,Employee Name,Job Title,Manager Name\nann@x.org,Ann,Director,\n"
            "bo@x.org,Bo,Analyst,Ann\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert org.units["bo@x.org"].parent == "ann@x.org"
        assert org.units["bo@x.org"].attributes == {"Job Title": "Analyst"}
        assert org.units["bo@x.org"].title == "Analyst"


@pytest.mark.parametrize("written", ["²", "9" * 5000, "-3", "2.5"])
def test_a_headcount_that_is_no_whole_number(tmp_path: Path, written: str) -> None:
    path = tmp_path / "org.csv"
    path.write_text(f"id,name,parent,headcount\na,Top,,{written}\n", encoding="utf-8")
    with pytest.raises(raci.LoadError) as info:
        raci.load(path)
    [problem] = info.value.findings
    assert problem.message.startswith("`headcount` must be a whole number, 0 or more (got `")
    assert len(problem.message) < 200


def test_a_name_of_thousands_of_units_lists_a_few(tmp_path: Path) -> None:
    """Each error names at most five of the units a name could mean: 20,000 rows naming
    one shared name as parent must not write 20,000 ids into each of 20,000 errors."""
    path = tmp_path / "org.csv"
    rows = ["id,name,parent", "r,Root,", *(f"u{i},Same,Same" for i in range(20_000))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(raci.LoadError) as info:
        raci.load(path)
    first = info.value.findings[0].message
    assert (
        first
        == "`Same` names 20,000 units (u0, u1, u2, u3, u4 and 19,995 more); write the id instead"
    )
    assert max(len(f.message) for f in info.value.findings) < 200
