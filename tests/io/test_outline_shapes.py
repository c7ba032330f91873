"""RACI workbooks laid out as outlines: a WBS under title rows, its phases merged across
and parted by empty rows; an outline shown by indentation alone, whose milestones hold no
letters; and role labels over the people who hold them, one person in several roles,
over an outline by numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import groups_of, roles_of, rows_read, workbook_rows, write_workbook

#: A WBS under three title rows merged across (narrower than the header), phases merged
#: across too, each after an empty row; work packages in bold, one of them (2.2) holding a
#: letter of its own.
WBS = [
    ["Title: RACI Chart", "", "", "", "", ""],
    ["Project Name: Seats", "", "", "", "", ""],
    ["Steps", "Responsibility", "Ann   (Lead)", "Bo (Engineer)", "Cy (Director)", "Di (Chair)"],
    ["1.0 Initiation Phase", "", "", "", "", ""],
    ["1.1 Launch", "", "", "", "", ""],
    ["1.1.1 Define goals", "Lead", "R", "", "", ""],
    ["1.1.2 Name the stakeholders", "Lead", "R", "A", "", ""],
    [],
    ["2.0 Planning Phase", "", "", "", "", ""],
    ["2.1 Plan", "", "", "", "", ""],
    ["2.1.1 Run surveys", "Consultants", "", "A", "R", ""],
    ["2.1.2 Break down the work", "Team", "R", "", "", ""],
    ["2.2 Resources", "", "", "", "I", ""],
    ["2.2.1 Allocate them", "Manager", "", "R", "", ""],
    [],
    ["3.0 Closing Phase", "", "", "", "", ""],
    ["3.1 Rollout", "", "", "", "", ""],
    ["3.1.1 Launch", "Team, Chair", "", "", "R", "C"],
]
WBS_MERGES = ("A1:E1", "A2:E2", "A4:E4", "A9:E9", "A16:E16")
#: Phases in 14 pt and work packages in bold, as real files set them off.
WBS_FONTS = {
    **dict.fromkeys((4, 9, 16), (False, 14)),
    **dict.fromkeys((5, 10, 13, 17), (True, 12)),
}


def wbs(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "wbs.xlsx", WBS, WBS_MERGES, WBS_FONTS)


class TestWbsUnderTitleRows:
    def test_the_blocks_after_empty_rows_continue_the_table(self, tmp_path: Path) -> None:
        org = raci.load(wbs(tmp_path))
        assert sorted(org.external) == ["ann-lead", "bo-engineer", "cy-director", "di-chair"]
        assert [d.name for d in org.deliverables.values()] == [
            "1.1.1 Define goals",
            "1.1.2 Name the stakeholders",
            "2.1.1 Run surveys",
            "2.1.2 Break down the work",
            "2.2 Resources",
            "2.2.1 Allocate them",
            "3.1.1 Launch",
        ]
        by_name = {d.name: d.id for d in org.deliverables.values()}
        assert roles_of(org)[by_name["2.1.1 Run surveys"]] == [
            ("R", "cy-director"),
            ("A", "bo-engineer"),
        ]
        assert roles_of(org)[by_name["2.2 Resources"]] == [("I", "cy-director")]

    def test_phases_and_work_packages_are_headings(self, tmp_path: Path) -> None:
        org = raci.load(wbs(tmp_path))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert named["1.1.1 Define goals"] == "1.0 Initiation Phase › 1.1 Launch"
        assert named["2.1.1 Run surveys"] == "2.0 Planning Phase › 2.1 Plan"
        assert named["3.1.1 Launch"] == "3.0 Closing Phase › 3.1 Rollout"

    def test_a_block_headed_by_letters_beyond_the_table_is_reported(self, tmp_path: Path) -> None:
        rows = [
            ["Task", "Ann", "Bo"],
            ["Plan", "A", "R"],
            ["Build", "R", "A"],
            [],
            ["Ship", "A", "R", "C"],
            ["Test", "R", "A", "I"],
        ]
        path = write_workbook(tmp_path / "book.xlsx", rows)
        org = raci.load(path)
        assert [d.name for d in org.deliverables.values()] == ["Plan", "Build"]
        said = [f.message for f in raci.validate(org) if f.location.line == 5]
        assert any("`Ship`" in m and "not read" in m for m in said), said
        assert rows_read(org) == {2, 3}


#: An outline shown by leading spaces alone: summary rows hold letters of their own, each
#: phase ends with a milestone that holds none, and one phase has a heading without
#: letters over its tasks.
OUTLINE = [
    ["Task Name", "Ann", "Bo", "Cy"],
    ["Party", "R", "A/R", "R"],
    ["   Research", "A/R", "R", ""],
    ["      Research rooms", "", "A/R", "I"],
    ["         Ask about capacity", "", "A/R", ""],
    ["      Research sponsors", "A/R", "", "I"],
    ["      Research complete", "", "", ""],
    ["   Plan", "R", "\xa0A/R", "R"],
    ["      Volunteers", "", "", ""],
    ["         Recruit volunteers", "A/R", "", "I\xa0"],
    ["         Train volunteers", "C", "A/R", ""],
    ["      Plan complete", "", "", ""],
    ["   Host", "A/R", "R", "R"],
]


def outline(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "outline.xlsx", OUTLINE)


class TestOutlineByIndentation:
    def test_milestones_without_letters_are_deliverables(self, tmp_path: Path) -> None:
        org = raci.load(outline(tmp_path))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert "Research complete" in named
        assert "Plan complete" in named
        assert roles_of(org)[next(d for d in org.deliverables if d.startswith("research-c"))] == []
        # The rows after a milestone are under no group it would give.
        assert named["Plan"] is None
        said = {
            (f.rule, org.deliverables[f.subject].name if f.subject in org.deliverables else "")
            for f in raci.validate(org)
        }
        assert ("single-accountable", "Plan complete") in said

    def test_a_row_over_more_indented_rows_is_a_heading(self, tmp_path: Path) -> None:
        org = raci.load(outline(tmp_path))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert "Volunteers" not in named
        assert named["Recruit volunteers"] == "Volunteers"
        assert named["Train volunteers"] == "Volunteers"

    def test_the_names_are_read_without_their_indentation(self, tmp_path: Path) -> None:
        org = raci.load(outline(tmp_path))
        names = [d.name for d in org.deliverables.values()]
        assert names[:3] == ["Party", "Research", "Research rooms"]
        by_name = {d.name: d.id for d in org.deliverables.values()}
        assert roles_of(org)[by_name["Plan"]] == [
            ("R", "ann"),
            ("R", "bo"),
            ("R", "cy"),
            ("A", "bo"),
        ]


#: Role labels over the person holding each (one person in several roles), a title in the
#: corner; then a heading and its tasks.
ROLES_OVER_PEOPLE = [
    ["Matriz de Responsabilidades", "Administrador", "Analista", "Diseñador", "Tester"],
    ["Tareas", "Yemisi Cruz.\n", "Bryallan Ríos. ", "Julio Gutiérrez.", "Bryallan Ríos."],
    ["1. Plan preliminar", "", "", "", ""],
    ["1.1 Generar el WBS", "R/A", "I", "C/I", "I"],
    ["1.2 Generar el acta", "R", "A", "I", "C"],
    ["2. Sitio web", "", "", "", ""],
    ["2.1 Formar el equipo", "R/A", "I", "I", "I"],
    ["2.2 Especificación", "", "", "", ""],  # in the tasks' look, yet over 2.2.1
    ["2.2.1 Elicitación", "A", "R", "I", "I"],
    ["2.2.2 Hito", "", "", "", ""],  # a milestone in the tasks' look, over nothing
    ["2.2.3 Validar", "A", "C", "I", "R"],
]


def roles_over_people(tmp_path: Path) -> Path:
    bold = {3: (True, 12), 6: (True, 12)}
    return write_workbook(tmp_path / "matriz.xlsx", ROLES_OVER_PEOPLE, fonts=bold)


class TestRolesOverThePeopleHoldingThem:
    def test_the_parties_are_the_roles_with_their_holders(self, tmp_path: Path) -> None:
        org = raci.load(roles_over_people(tmp_path))
        assert [p.name for p in org.external.values()] == [
            "Administrador (Yemisi Cruz.)",
            "Analista (Bryallan Ríos.)",
            "Diseñador (Julio Gutiérrez.)",
            "Tester (Bryallan Ríos.)",
        ]
        by_name = {d.name: d.id for d in org.deliverables.values()}
        assert roles_of(org)[by_name["1.2 Generar el acta"]] == [
            ("R", "administrador-yemisi-cruz"),
            ("A", "analista-bryallan-ríos"),
            ("C", "tester-bryallan-ríos"),
            ("I", "diseñador-julio-gutiérrez"),
        ]
        said = [f.message for f in raci.validate(org) if f.rule == "table-reading"]
        assert any("row 2 names someone in several columns" in m for m in said), said

    def test_a_row_over_its_outline_children_is_a_heading(self, tmp_path: Path) -> None:
        org = raci.load(roles_over_people(tmp_path))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert "2.2 Especificación" not in named
        assert named["2.2.1 Elicitación"] == "2.2 Especificación"
        assert named["2.1 Formar el equipo"] == "2. Sitio web"
        assert named["2.2.2 Hito"] == "2.2 Especificación"

    def test_people_all_different_stay_the_parties(self, tmp_path: Path) -> None:
        rows = [list(r) for r in ROLES_OVER_PEOPLE]
        rows[1] = ["Tareas", "Yemisi", "Bryallan", "Julio", "Juan"]
        org = raci.load(write_workbook(tmp_path / "matriz.xlsx", rows))
        assert [p.name for p in org.external.values()] == ["Yemisi", "Bryallan", "Julio", "Juan"]
        said = [f.message for f in raci.validate(org) if f.rule == "table-reading"]
        assert not any("names someone in several columns" in m for m in said), said


#: Each shape's workbook and the rows (from 1) that are its header or said with the row
#: above (titles are one block, in one note).
SHAPES = {
    "wbs under title rows": (wbs, {2, 3}),
    "outline by indentation": (outline, {1}),
    "roles over people": (roles_over_people, {1, 2}),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_every_row_is_read_or_reported(tmp_path: Path, name: str) -> None:
    make, headers = SHAPES[name]
    _, filled, said = workbook_rows(make(tmp_path))
    assert filled - headers <= said, name
