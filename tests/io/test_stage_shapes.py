"""A workbook as access-control procedures write it: the stage in a column of its own, a
party named in capitals (``HR``), rows shorter than the header, and under the matrix a
legend whose lines give each letter and a description (``R | Responsible — performs the
work``, merged across the party columns), then a note. Every row read or reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import groups_of, roles_of, rows_read, write_table, write_workbook

ROWS: list[list[str]] = [
    ["Access Control RACI", "", "", "", ""],
    ["R = Responsible | A = Accountable | C = Consulted | I = Informed", "", "", "", ""],
    ["", "", "", "", ""],
    ["Stage", "Activity", "Manager", "HR", "IT Admin"],
    ["1. Request", "Submit access request", "R", "A", "I"],
    ["1. Request", "Map request to a role", "C", "I", "R/A"],
    ["2. Approval", "Approve the request", "A", "R"],
    ["3. Review", "Quarterly review", "A", "C", "R"],
    ["", "", "", "", ""],
    ["Legend", "", "", "", ""],
    ["R", "Responsible — performs the work.", "", "", ""],
    ["A", "Accountable — owns the outcome; exactly one A per activity.", "", "", ""],
    ["C", "Consulted — gives input before the work is done.", "", "", ""],
    ["I", "Informed — kept up to date.", "", "", ""],
    ["", "", "", "", ""],
    ["Control references: ISO/IEC 27001:2022 A.5.15, A.5.18.", "", "", "", ""],
]
MERGES = ("A1:E1", "A2:E2", "B11:E11", "B12:E12", "B13:E13", "B14:E14", "A16:E16")


def _load(tmp_path: Path) -> raci.Organization:
    return raci.load(write_workbook(tmp_path / "access.xlsx", ROWS, MERGES))


def test_a_party_named_in_capitals_heads_the_table(tmp_path: Path) -> None:
    org = _load(tmp_path)
    assert [p.name for p in org.parties.values()] == ["Manager", "HR", "IT Admin"]


def test_the_stage_column_groups_the_activities(tmp_path: Path) -> None:
    org = _load(tmp_path)
    named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
    assert named == {
        "Submit access request": "1. Request",
        "Map request to a role": "1. Request",
        "Approve the request": "2. Approval",
        "Quarterly review": "3. Review",
    }


def test_a_row_shorter_than_the_header_keeps_its_roles(tmp_path: Path) -> None:
    org = _load(tmp_path)
    roles = {org.deliverables[d].name: r for d, r in roles_of(org).items()}
    assert roles["Approve the request"] == [("R", "hr"), ("A", "manager")]


def test_the_legend_and_the_note_under_it_are_set_aside(tmp_path: Path) -> None:
    org = _load(tmp_path)
    assert [d.location.line for d in org.deliverables.values()] == [5, 6, 7, 8]
    notes = {f.location.line: f.message for f in raci.validate(org) if f.rule == "table-reading"}
    assert "a legend (21 cells, starting `Legend`) is outside the table" in notes[10]


def test_every_row_is_read_or_said(tmp_path: Path) -> None:
    """The title and key (rows 1-2) and the legend (rows 10-14) are each one block, said
    at its first row; the note under the legend is said at its own."""
    org = _load(tmp_path)
    said = {f.location.line for f in raci.validate(org) if f.rule != "silo"}
    assert rows_read(org) == {5, 6, 7, 8}
    assert said >= {1, 10, 16}


WRITTEN_OUT = [
    ["Serve a coffee", "Manager", "Server", "Barista"],
    ["Take order", "Responsible", "Accountable", "Informed"],
    ["Prepare order", "Responsible, Consulted", "Redevable", "Informed"],
]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".md"])
def test_roles_written_out_in_the_cells_are_read_as_their_letters(
    tmp_path: Path, suffix: str
) -> None:
    """A table saved by a RACI tool: the activity in the corner cell, each role written
    out (``Responsible``), in English or in raci's other languages; an info says so."""
    org = raci.load(write_table(tmp_path, WRITTEN_OUT, suffix))
    roles = {org.deliverables[d].name: sorted(r) for d, r in roles_of(org).items()}
    assert roles == {
        "Take order": [("A", "server"), ("I", "barista"), ("R", "manager")],
        "Prepare order": [("A", "server"), ("C", "manager"), ("I", "barista"), ("R", "manager")],
    }
    [note] = [f for f in raci.validate(org) if f.rule == "table-reading"]
    assert "write the roles out" in note.message


def test_a_legend_of_role_names_beside_a_matrix_of_letters_stays_a_legend(
    tmp_path: Path,
) -> None:
    path = tmp_path / "team.md"
    path.write_text(
        "| Letra | Significado | Interpretação |\n|---|---|---|\n"
        "| **R** | Responsável | Executa |\n| **A** | Aprovador | Responde |\n"
        "| **C** | Consultado | Fornece |\n| **I** | Informado | Recebe |\n\n"
        "| Tarefa | Ana | Bia |\n|---|---|---|\n| Plano | R | A |\n| Teste | A | R |\n",
        encoding="utf-8",
    )
    org = raci.load(path)
    assert [d.name for d in org.deliverables.values()] == ["Plano", "Teste"]
    assert [p.name for p in org.parties.values()] == ["Ana", "Bia"]


def test_names_in_a_matrix_of_letters_are_not_read_as_roles(tmp_path: Path) -> None:
    rows = [["Task", "Lead", "Informed"], ["Plan", "A", "I"], ["Build", "R/A", ""]]
    org = raci.load(write_table(tmp_path, rows, ".csv"))
    assert [p.name for p in org.parties.values()] == ["Lead", "Informed"]
