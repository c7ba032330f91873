"""RACI tables in other languages as people write them: names joined by a word for "and",
role headers that give the English role in brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import rows_read, write_table

FORMATS = [".md", ".csv", ".xlsx"]


def roles(org: raci.Organization) -> dict[str, list[tuple[str, str]]]:
    return {d.id: [(a.role, a.party) for a in d.assignments] for d in org.deliverables.values()}


PORTUGUESE_ROLES = [
    [
        "Tarefa",
        "Executor (Responsible)",
        "Responsável (Accountable)",
        "Contribuinte (Contributor)",
        "Informado (Informed)",
        "Status",
    ],
    ["Planejar", "Cauan e Celso", "Celso", "Todos da Equipe", "Cliente", "Finalizado"],
    ["Testar", "Cauan", "Mineda", "Celso", "Todos da Equipe", "Finalizado"],
    ["Entregar", "Celso", "Cauan", "Maria e Silva", "Cliente", "Finalizado"],
]


class TestRolesByColumnInPortuguese:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_the_bracketed_role_wins_and_e_joins_known_names(
        self, tmp_path: Path, suffix: str
    ) -> None:
        org = raci.load(write_table(tmp_path, PORTUGUESE_ROLES, suffix))
        held = roles(org)
        assert held["planejar"] == [
            ("R", "cauan"),
            ("R", "celso"),
            ("A", "celso"),
            ("C", "todos-da-equipe"),
            ("I", "cliente"),
        ]
        assert held["testar"] == [
            ("R", "cauan"),
            ("A", "mineda"),
            ("C", "celso"),
            ("I", "todos-da-equipe"),
        ]
        # "Maria" and "Silva" name nobody else: one name, as written.
        assert ("C", "maria-e-silva") in held["entregar"]
        [split] = [f for f in raci.validate(org) if f.rule == "names-split"]
        assert split.message.startswith("`Cauan e Celso` is read as 2 parties")

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("Ana y Rui", ["Ana", "Rui"]),
            ("Ana und Rui", ["Ana", "Rui"]),
            ("Ana i Rui", ["Ana", "Rui"]),
            ("Ana en Rui", ["Ana", "Rui"]),
            ("Ana и Rui", ["Ana", "Rui"]),
            ("Anaye Rui", ["Anaye Rui"]),
        ],
    )
    def test_words_for_and_between_known_names(self, text: str, parts: list[str]) -> None:
        from raci.io.tables.raci_sheet import split_names

        assert split_names(text, {"ana", "rui"}) == parts


#: Each shape: its rows, the formats it is written in, and its rows that are headers.
SHAPES = {
    "roles in Portuguese": (PORTUGUESE_ROLES, FORMATS, {0}),
}


@pytest.mark.parametrize(
    ("name", "suffix"),
    [(name, suffix) for name, (_, formats, _) in SHAPES.items() for suffix in formats],
)
def test_every_row_is_read_or_reported(tmp_path: Path, name: str, suffix: str) -> None:
    rows, _, headers = SHAPES[name]
    path = write_table(tmp_path, rows, suffix)
    org = raci.load(path)
    first = 5 if suffix == ".md" else 2  # the line or row of the first data row
    data = {first + i - 1 for i, row in enumerate(rows) if any(row) and i not in headers}
    reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
    assert data <= rows_read(org) | reported, name
