"""What an org sheet's cells say of a person: a name split into first- and last-name
columns (d3-org-chart's `name` and `surname`), and a name cell that says the post is
vacant (`VACANT`, `TBD`), as exports write them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from raci.cli import cli
from raci.io.tables.org_people import says_vacant
from raci.io.tables.org_sheet import looks_like_org

SVG = "{http://www.w3.org/2000/svg}"

#: A d3-org-chart export: UTF-8 with a BOM, the first name in `name` and the family name
#: in `surname`, academic titles in columns of their own, organisational nodes (no
#: surname) among the people, a first name with a comma in it, tags quoted with commas.
D3_EXPORT = (
    "id,parentId,size,titulPřed,name,surname,titulZa,positionName,area,email,tags,"
    "isLoggedUser\n"
    '900,,1,,"Kancelář Novák, Vlk",,,,,,,FALSE\n'
    "800,900,2,,Společníci,,,,,,,FALSE\n"
    "701,800,3,JUDr.,Jan,Novák,Ph.D.,Partner,Spory,jan.novak@example.cz,,FALSE\n"
    '702,800,3,Mgr.,Jan,Vlk,,Partner,Daně,jan.vlk@example.cz,"spory,daně",FALSE\n'
    "703,701,4,Mgr.,Petr,Malý,,Advokát,Spory,petr.maly@example.cz,,FALSE\n"
    '704,702,4,,"Barbora,",Tichá,,Koncipientka,Daně,,,FALSE\n'
    "705,702,4,Mgr.,Petr,Malý,,Advokát,Daně,petr.maly2@example.cz,,FALSE\n"
)


def names(org: raci.Organization) -> dict[str, str]:
    return {u.id: u.name for u in org.units.values()}


def notes(org: raci.Organization) -> list[raci.Finding]:
    return [f for f in raci.validate(org) if f.rule == "table-reading"]


def chart_text(path: Path, *options: str) -> str:
    """The text of the SVG chart `raci chart` draws of ``path``, one label a line."""
    out = path.with_suffix(".svg")
    result = CliRunner().invoke(cli, ["chart", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return "\n".join(t.text or "" for t in ET.parse(out).getroot().iter(f"{SVG}text"))


class TestSplitNames:
    def test_a_d3_org_chart_export(self, tmp_path: Path) -> None:
        """`name` beside `surname` holds first names: each person's name is both, so the
        two `Jan`s stay apart; the nodes without a surname keep their name as it is."""
        path = tmp_path / "orgchart.csv"
        path.write_bytes(b"\xef\xbb\xbf" + D3_EXPORT.encode("utf-8"))
        org = raci.load(path)
        assert names(org) == {
            "900": "Kancelář Novák, Vlk",
            "800": "Společníci",
            "701": "Jan Novák",
            "702": "Jan Vlk",
            "703": "Petr Malý",
            "704": "Barbora, Tichá",
            "705": "Petr Malý",
        }
        assert org.units["704"].parent == "702"
        jan = org.units["701"].attributes
        assert "surname" not in jan
        assert "name" not in jan
        assert [jan["titulPřed"], jan["titulZa"], jan["positionName"]] == [
            "JUDr.",
            "Ph.D.",
            "Partner",
        ]
        [note] = notes(org)
        assert str(note.location) == f"{path}:1:28"  # the header's `name` cell
        assert note.message == (
            "each row's name is made of the columns `name` and `surname` (`Jan Novák`)"
        )

    @pytest.mark.parametrize(
        ("header", "cells", "name"),
        [
            ("firstName,lastName", "Jan,Novák", "Jan Novák"),
            ("first_name,last_name", "Ada,Lovelace", "Ada Lovelace"),
            ("First Name,Middle Name,Last Name", "Mary,Ann,Smith", "Mary Ann Smith"),
            ("name,family name", "Ada,Lovelace", "Ada Lovelace"),
            ("Vorname,Nachname", "Hans,Müller", "Hans Müller"),
            ("Name,Vorname", "Müller,Hans", "Hans Müller"),  # `Name` beside `Vorname`
            ("Nom,Prénom", "Curie,Marie", "Marie Curie"),
            ("nombre,apellidos", "Ana,García López", "Ana García López"),
            ("Jméno,Příjmení", "Jan,Novák", "Jan Novák"),
            ("Имя,Отчество,Фамилия", "Иван,Петрович,Сидоров", "Иван Петрович Сидоров"),
            ("姓,名", "王,小明", "王小明"),
            ("名,姓", "小明,王", "王小明"),
            ("성,이름", "김,민수", "김민수"),
            ("Vezetéknév,Keresztnév", "Nagy,János", "Nagy János"),
        ],
    )
    def test_the_parts_join_in_the_order_of_the_language(
        self, tmp_path: Path, header: str, cells: str, name: str
    ) -> None:
        path = tmp_path / "people.csv"
        path.write_text(f"id,{header},parent\n1,{cells},\n", encoding="utf-8")
        org = raci.load(path)
        assert names(org) == {"1": name}
        assert org.units["1"].attributes == {}
        [note] = notes(org)
        assert f"({'`' + name + '`'})" in note.message

    def test_a_full_name_column_beside_the_parts_is_the_name(self, tmp_path: Path) -> None:
        path = tmp_path / "bamboo.csv"
        path.write_text(
            "id,displayName,firstName,lastName,reportsTo\n1,Bo Chan,Bo,Chan,\n2,Cy Li,Cy,Li,1\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert names(org) == {"1": "Bo Chan", "2": "Cy Li"}
        assert org.units["2"].attributes == {"firstName": "Cy", "lastName": "Li"}
        assert notes(org) == []

    def test_the_parts_not_the_title_make_the_name(self, tmp_path: Path) -> None:
        """Without a name column the title would be taken as the name (a position
        import); first- and last-name columns come first. A manager is found by the
        full name."""
        path = tmp_path / "people.csv"
        path.write_text(
            "First Name,Last Name,Job Title,Manager\nAnn,Lee,Director,\nAnn,Park,Analyst,Ann Lee\n",
            encoding="utf-8",
        )
        assert looks_like_org(("First Name", "Last Name", "Manager"))
        org = raci.load(path)
        assert {u.id: (u.name, u.parent, u.title) for u in org.units.values()} == {
            "ann-lee": ("Ann Lee", None, "Director"),
            "ann-park": ("Ann Park", "ann-lee", "Analyst"),
        }

    def test_grouped_the_holder_has_the_full_name(self, tmp_path: Path) -> None:
        path = tmp_path / "people.csv"
        path.write_text(
            "id,firstName,lastName,title,department,managerId\n"
            "1,Ann,Lee,Director,Office,\n"
            "2,Bo,Lee,Analyst,Finance,1\n",
            encoding="utf-8",
        )
        org = raci.load(path, group_by="department")
        assert {p.id: (p.name, p.holder) for p in org.positions.values()} == {
            "1": ("Director", "Ann Lee"),
            "2": ("Analyst", "Bo Lee"),
        }

    def test_the_command_line_says_which_columns_made_the_name(self, tmp_path: Path) -> None:
        path = tmp_path / "orgchart.csv"
        path.write_text(
            "id,parentId,name,surname,positionName\n1,,Jan,Novák,Partner\n2,1,Jan,Vlk,Partner\n",
            encoding="utf-8",
        )
        out = tmp_path / "org.yaml"
        result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert f"note: {path}:1:13: each row's name is made of the columns `name`" in result.output
        assert names(raci.load(out)) == {"1": "Jan Novák", "2": "Jan Vlk"}
        shown = chart_text(path).splitlines()
        assert {"Jan Novák", "Jan Vlk"} <= set(shown)
        assert "Jan" not in shown


#: A staff list as a state agency's web page keeps it: CRLF, no line end after the last
#: row; four posts not filled are rows named `VACANT`, two of them with reports.
STAFF_LIST = "\r\n".join(
    [
        "id,name,title,department,reports_to,leader,assistant,staff,phone",
        "ann_lee,Ann Lee,SECRETARY,Office Of Secretary,,TRUE,FALSE,FALSE,225.342.5388",
        "bo_chan,Bo Chan,DIRECTOR,Business Development,ann_lee,TRUE,FALSE,FALSE,225.342.5381",
        "bd_vacant1,VACANT,BUSINESS DEVELOPMENT DIRECTOR,Business Development,bo_chan,FALSE,"
        "FALSE,TRUE,",
        "bd_vacant2,VACANT,BUSINESS DEVELOPMENT DIRECTOR,Business Development,bo_chan,FALSE,"
        "FALSE,TRUE,",
        "bd_mgr1,VACANT,BUSINESS DEVELOPMENT MANAGER,Business Development,bd_vacant1,FALSE,"
        "FALSE,FALSE,",
        "cy_diaz,Cy Diaz,PROGRAM ADMINISTRATOR,Business Development,bd_vacant1,FALSE,FALSE,"
        "TRUE,225.342.6070",
        "di_fox,Di Fox,PROGRAM ADMINISTRATOR,Business Development,bd_vacant2,FALSE,FALSE,"
        "TRUE,225.342.0485",
        "ed_gray,(Vacant),ANALYST,Office Of Secretary,ann_lee,FALSE,FALSE,TRUE,",
    ]
)


class TestVacantRows:
    def write(self, tmp_path: Path) -> Path:
        path = tmp_path / "orgchart.csv"
        path.write_bytes(STAFF_LIST.encode("utf-8"))
        return path

    def test_a_row_named_vacant_is_a_vacant_post(self, tmp_path: Path) -> None:
        """The row stays in its place (its reports under it), named by its title, and its
        head is a post of that title, vacant; the people around it are as they were."""
        path = self.write(tmp_path)
        org = raci.load(path)
        vacancy = org.units["bd_vacant1"]
        assert (vacancy.name, vacancy.parent, vacancy.head) == (
            "BUSINESS DEVELOPMENT DIRECTOR",
            "bo_chan",
            "bd_vacant1-post",
        )
        assert "title" not in vacancy.attributes
        assert vacancy.attributes["department"] == "Business Development"
        post = org.positions["bd_vacant1-post"]
        assert (post.name, post.unit, post.vacant, post.holder) == (
            "BUSINESS DEVELOPMENT DIRECTOR",
            "bd_vacant1",
            True,
            None,
        )
        assert org.units["cy_diaz"].parent == "bd_vacant1"
        assert org.units["bd_mgr1"].name == "BUSINESS DEVELOPMENT MANAGER"
        assert (org.units["cy_diaz"].name, org.units["cy_diaz"].title) == (
            "Cy Diaz",
            "PROGRAM ADMINISTRATOR",
        )
        assert org.layout == "people-sheet"
        figures = raci.stats(org)
        assert (figures["posts"], figures["filled"], figures["vacant"]) == (4, 0, 4)
        assert figures["vacant_posts"] == [
            "bd_vacant1-post",
            "bd_vacant2-post",
            "bd_mgr1-post",
            "ed_gray-post",
        ]
        [note] = notes(org)
        assert str(note.location) == f"{path}:4:12"  # the first one's name cell
        assert note.message == (
            "4 rows named `VACANT` or `(Vacant)` are read as vacant posts, each with the"
            " row's title"
        )
        assert [f for f in raci.validate(org) if f.severity.value != "info"] == []

    def test_grouped_the_vacant_rows_are_vacant_posts(self, tmp_path: Path) -> None:
        path = self.write(tmp_path)
        org = raci.load(path, group_by="department")
        director = org.positions["bd_vacant1"]
        assert (director.name, director.holder, director.vacant, director.unit) == (
            "BUSINESS DEVELOPMENT DIRECTOR",
            None,
            True,
            "business-development",
        )
        assert org.positions["cy_diaz"].reports_to == "bd_vacant1"
        assert org.positions["cy_diaz"].holder == "Cy Diaz"
        figures = raci.stats(org)
        assert (figures["posts"], figures["filled"], figures["vacant"]) == (8, 4, 4)

    def test_the_chart_draws_the_post_once_and_the_word(self, tmp_path: Path) -> None:
        """Each vacancy's box: its title, then `vacant` in a dashed frame; a people chart
        counts no posts (its boxes are people)."""
        path = self.write(tmp_path)
        shown = chart_text(path).splitlines()
        assert " ".join(shown).count("BUSINESS DEVELOPMENT DIRECTOR") == 2
        assert shown.count("vacant") == 4 + 1  # and the key's
        assert not [line for line in shown if "post" in line and "Vacant post" not in line]
        dot = path.with_suffix(".dot")
        CliRunner().invoke(cli, ["chart", str(path), "-o", str(dot)])
        assert dot.read_text(encoding="utf-8").count('STYLE="dashed" COLOR="#b2182b"') == 4 + 1
        mermaid = path.with_suffix(".mmd")
        CliRunner().invoke(cli, ["chart", str(path), "-o", str(mermaid)])
        assert '"BUSINESS DEVELOPMENT MANAGER<br/>vacant"' in mermaid.read_text(encoding="utf-8")

    def test_vacant_rows_without_ids_are_told_apart(self, tmp_path: Path) -> None:
        path = tmp_path / "people.csv"
        path.write_text(
            "name,title,manager\nAnn Lee,Director,\nTBD,Analyst,Ann Lee\nTBD,Analyst,Ann Lee\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert {u.id: (u.name, u.head) for u in org.units.values()} == {
            "ann-lee": ("Ann Lee", None),
            "tbd": ("Analyst", "tbd-post"),
            "tbd-2": ("Analyst", "tbd-2-post"),
        }
        assert org.duplicates == ()

    @pytest.mark.parametrize(
        "text",
        [
            "VACANT",
            "Vacant",
            "vacancy",
            "TBD",
            "To be hired",
            "Open position",
            "vacante",
            "vacant(e)",
            "Вакансия",
            "空缺",
            "(Vacant)",
            "[TBD]",
            "Vacant 2",
            "TBH #3",
            "  VACANT  POSITION ",
        ],
    )
    def test_words_that_say_vacant(self, text: str) -> None:
        assert says_vacant(text)

    @pytest.mark.parametrize(
        "text", ["Vacanti", "Tom Vacant", "Open", "Ted", "", "()", "Vacant Lots Ltd"]
    )
    def test_names_that_do_not(self, text: str) -> None:
        assert not says_vacant(text)

    def test_a_split_name_that_says_vacant(self, tmp_path: Path) -> None:
        path = tmp_path / "people.csv"
        path.write_text(
            "id,firstName,lastName,title,managerId\n1,Ann,Lee,Director,\n2,Vacant,,Analyst,1\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert org.positions["2-post"].vacant
        assert org.units["2"].name == "Analyst"
