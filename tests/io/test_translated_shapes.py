"""RACI tables in other languages as people write them: names joined by a word for "and",
role headers that give the English role in brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import roles_of as roles
from helpers import rows_read, write_table

FORMATS = [".md", ".csv", ".xlsx"]


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


#: A matrix with an id column, parties named by code and a party whose marks are all
#: planned (`P-R`: planned, not yet a role), beside a column of evidence.
PLANNED_MARKS = [
    ["ID", "Actividad", "ACT-01", "ACT-02", "REV-01", "Evidencia o trigger"],
    ["RACI-01", "Definir requisitos", "A/R", "C", "P-C", "README y cambio de alcance"],
    ["RACI-02", "Revisar el diseño", "A", "I", "P-R", "informe de revisión firmado"],
    ["RACI-03", "Publicar la versión", "A/R", "I", "P-I", "etiqueta y notas de versión"],
]


def coded(rows: list[list[str]]) -> list[list[str]]:
    """The rows with their codes and marks in backticks, as Markdown writes them."""
    return [
        [f"`{c}`" if c and (c.isupper() or "-" in c) and " " not in c else c for c in r]
        for r in rows
    ]


class TestPlannedMarks:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_a_planned_mark_gives_no_role(self, tmp_path: Path, suffix: str) -> None:
        rows = coded(PLANNED_MARKS) if suffix == ".md" else PLANNED_MARKS
        org = raci.load(write_table(tmp_path, rows, suffix))
        held = roles(org)
        assert held == {
            "RACI-01": [("R", "act-01"), ("A", "act-01"), ("C", "act-02")],
            "RACI-02": [("A", "act-01"), ("I", "act-02")],
            "RACI-03": [("R", "act-01"), ("A", "act-01"), ("I", "act-02")],
        }
        assert org.deliverables["RACI-02"].name == "Revisar el diseño"
        [unread] = [f for f in raci.validate(org) if f.rule == "unreadable-cell"]
        assert unread.message.startswith("column `REV-01` is read as a party, but none of its 3")
        [no_r] = [f for f in raci.validate(org) if f.rule == "responsible-present"]
        assert no_r.subject == "RACI-02"

    @pytest.mark.parametrize(
        ("text", "letters"),
        [("P-R", None), ("R-A", ("R", "A")), ("X", ("X",)), ("P-Q", ("P", "Q"))],
    )
    def test_only_a_letter_outside_the_scheme_before_one_of_it_is_a_mark(
        self, text: str, letters: tuple[str, ...] | None
    ) -> None:
        from raci.io.tables.table import parse_roles
        from raci.schemes import DEFAULT_SCHEME

        assert parse_roles(text, DEFAULT_SCHEME) == letters


#: A matrix turned: the process steps as columns, the roles as rows, several A a step.
TURNED_BY_ROLES = [
    ["Process Step / New Role", "Create Workspace", "Release Planning", "Share Content"],
    ["Product Owner ", "A", "R", "A"],
    ["Systems Architect", "C", "I", "A"],
    ["Scrum Master", "R", "C", "A"],
    ["Ops Team Member", "I", "R", ""],
]
#: The same with a row that is not named as a role: it only looks turned.
LOOKS_TURNED = [*TURNED_BY_ROLES, ["Finance", "I", "I", "I"]]


class TestTurnedByItsNames:
    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_rows_all_named_as_roles_are_read_turned(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, TURNED_BY_ROLES, suffix))
        assert roles(org) == {
            "create-workspace": [
                ("R", "scrum-master"),
                ("A", "product-owner"),
                ("C", "systems-architect"),
                ("I", "ops-team-member"),
            ],
            "release-planning": [
                ("R", "product-owner"),
                ("R", "ops-team-member"),
                ("C", "scrum-master"),
                ("I", "systems-architect"),
            ],
            "share-content": [
                ("A", "product-owner"),
                ("A", "systems-architect"),
                ("A", "scrum-master"),
            ],
        }
        found = raci.validate(org)
        assert not [f for f in found if f.rule == "turned-table"]
        [said] = [f for f in found if f.rule == "table-reading" and "turned" in f.message]
        assert said.message == (
            "this table is read turned: its columns are the deliverables, its rows the"
            " parties (every row is named as a role, no column is)"
        )
        assert said.severity is raci.Severity.INFO
        assert (said.location.line, said.location.column) == (1, 1)

    def test_each_deliverable_is_at_its_header_and_each_role_at_its_cell(
        self, tmp_path: Path
    ) -> None:
        header = ["Process Step \nExisting\\ New Role ", "Create Workspace", "Release \nPlanning "]
        rows = [[*header, "Share Content"], *TURNED_BY_ROLES[1:]]
        org = raci.load(write_table(tmp_path, rows, ".xlsx"))
        assert org.deliverables["release-planning"].name == "Release Planning"
        planning = org.deliverables["release-planning"]
        assert planning.location.cell == "Sheet!C1"
        assert [(a.party, a.location.cell) for a in planning.assignments] == [
            ("product-owner", "Sheet!C2"),
            ("ops-team-member", "Sheet!C5"),
            ("scrum-master", "Sheet!C4"),
            ("systems-architect", "Sheet!C3"),
        ]
        accountable = [f for f in raci.validate(org) if f.rule == "single-accountable"]
        # no A: at the step; three: at the first A
        assert {f.location.cell for f in accountable} == {"Sheet!C1", "Sheet!D2"}

    def test_csv_places_are_lines_and_columns_of_the_source(self, tmp_path: Path) -> None:
        org = raci.load(write_table(tmp_path, TURNED_BY_ROLES, ".csv"))
        owner = org.deliverables["share-content"].assignments[0]
        assert (owner.party, owner.location.line) == ("product-owner", 2)
        assert owner.location.cell_column == 4

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_a_row_not_named_as_a_role_leaves_it_said_only(
        self, tmp_path: Path, suffix: str
    ) -> None:
        org = raci.load(write_table(tmp_path, LOOKS_TURNED, suffix))
        assert "scrum-master" in org.deliverables
        [turned] = [f for f in raci.validate(org) if f.rule == "turned-table"]
        assert turned.message == (
            "this table looks turned: people as rows, deliverables as columns (its rows are"
            " named as roles, its columns are not)"
        )
        assert turned.location.line == 1

    def test_a_matrix_of_tasks_by_roles_is_not(self, tmp_path: Path) -> None:
        rows = [list(r) for r in zip(*TURNED_BY_ROLES, strict=True)]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert "create-workspace" in org.deliverables
        found = raci.validate(org)
        assert not [f for f in found if f.rule == "turned-table" or "turned" in f.message]


#: A Portuguese document with a legend, then a small table of roles under each
#: deliverable's heading; one with a header of its own, names joined by "e".
ROLES_PER_DELIVERABLE = """# Matriz RACI

| **R - Responsável** | Profissional designado para executar a tarefa |
| --- | --- |
| **A - Aprovador** | Profissional responsável por aprovar a demanda |
| **I - Informado** | Profissional que deve saber sua evolução |

## Visão Macro:

### FlowSLA Backend:

| **R - Responsável** | Gabriel Enzo |
| --- | --- |
| **A - Aprovador** | Rangel Gomes |
| **I - Informado** | Todos |

### FlowSLA Docs:

> **Obs**.: em caso de divergência entre os Aprovadores...

| Papel | Pessoa |
| --- | --- |
| R - Responsável | Luis Felipe  |
| A - Aprovador | Rangel Gomes e Gabriel Enzo |
| C - Consultado | Rangel Gomes, Gabriel Enzo |
| I - Informado | Todos |

R: Pessoa 01"""


class TestRolesPerDeliverable:
    def load(self, tmp_path: Path) -> tuple[Path, raci.Organization]:
        path = tmp_path / "RACI.md"
        path.write_bytes(ROLES_PER_DELIVERABLE.encode("utf-8"))
        return path, raci.load(path)

    def test_each_heading_is_a_deliverable_and_each_row_a_role(self, tmp_path: Path) -> None:
        _, org = self.load(tmp_path)
        assert roles(org) == {
            "flowsla-backend": [("R", "gabriel-enzo"), ("A", "rangel-gomes"), ("I", "todos")],
            "flowsla-docs": [
                ("R", "luis-felipe"),
                ("A", "rangel-gomes"),
                ("A", "gabriel-enzo"),
                ("C", "rangel-gomes"),
                ("C", "gabriel-enzo"),
                ("I", "todos"),
            ],
        }
        assert org.deliverables["flowsla-docs"].name == "FlowSLA Docs"
        assert not org.groups
        assert org.layout == "roles-by-row"

    def test_places_and_what_is_said(self, tmp_path: Path) -> None:
        _, org = self.load(tmp_path)
        docs = org.deliverables["flowsla-docs"]
        assert docs.location.line == 17  # its heading
        assert [(a.party, a.location.line, a.location.column) for a in docs.assignments][:3] == [
            ("luis-felipe", 23, 21),
            ("rangel-gomes", 24, 19),
            ("gabriel-enzo", 24, 19),
        ]
        found = raci.validate(org)
        said = {(f.rule, f.location.line): f.message for f in found if f.severity.name == "INFO"}
        assert said[("tables-read", 3)] == "table skipped: it explains the role letters (a legend)"
        assert said[("tables-read", 12)] == (
            "2 tables read as one (at lines 12, 21); each lists the roles of the deliverable"
            " its heading names"
        )
        assert said[("names-split", 24)].startswith("`Rangel Gomes e Gabriel Enzo` is read as 2")
        [two_a] = [f for f in found if f.rule == "single-accountable"]
        assert two_a.subject == "flowsla-docs"
        assert two_a.hint.startswith("Keep one party in the Accountable row of this deliverable")

    def test_every_role_row_is_read_or_reported(self, tmp_path: Path) -> None:
        path, org = self.load(tmp_path)
        lines = ROLES_PER_DELIVERABLE.splitlines()
        rows = {
            n
            for n, line in enumerate(lines, start=1)
            if line.startswith("| ") and "---" not in line
        }
        # `| Papel | Pessoa |`; the legend's rows, skipped with it (said at its first line)
        headers = {21, 5, 6}
        reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
        assert rows - headers <= rows_read(org) | reported

    def test_a_legend_under_a_heading_is_not_a_deliverable(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(
            "### Legend\n\n| Responsible | does the work |\n| --- | --- |\n"
            "| Accountable | signs it off |\n| Informed | Told of it |\n\n"
            "### Tasks\n\n| Task | Ann | Bo |\n| --- | --- | --- |\n| Budget | A | R |\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert list(org.deliverables) == ["budget"]
        assert org.layout == "matrix"


#: Each shape: its rows, the formats it is written in, and its rows that are headers.
SHAPES = {
    "roles in Portuguese": (PORTUGUESE_ROLES, FORMATS, {0}),
    "planned marks": (PLANNED_MARKS, FORMATS, {0}),
    "turned by roles": (TURNED_BY_ROLES, [".csv", ".xlsx"], {0}),
    "looks turned": (LOOKS_TURNED, [".csv", ".xlsx"], {0}),
    "planned marks in code": (coded(PLANNED_MARKS), [".md"], {0}),
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


#: An org chart of units exported from a database: `;` between fields, every field in
#: quotes, long texts over several lines, the headers named after the table, and the
#: units' parent (`1`, the government) without a row of its own.
UNITS_EXPORT = (
    '"unidad_organica_id";"unidad_organica_nombre";"unidad_organica_tipo";'
    '"unidad_organica_superior_id";"unidad_organica_superior_nombre";"puesto_nombre";'
    '"funcion_competencias"\r\n'
    '"10";"Consejería de Sanidad";"Consejería";"1";"Gobierno";"Consejera";'
    '"Dirige la sanidad.\n\nCorresponde:\n- la ""salud"" pública"\r\n'
    '"11";"Viceconsejería de Sanidad";"Viceconsejería";"10";"Consejería de Sanidad";'
    '"Viceconsejero";"_U"\r\n'
    '"12";"Dirección General de Salud";"Dirección General";"11";"Viceconsejería de Sanidad";'
    '"Director General";"Planifica.\r\nEvalúa."\r\n'
    '"20";"""Consejería de Obras, Vivienda""";"Consejería";"1";"Gobierno";"Consejero";"_U"\r\n'
)


class TestUnitsInSpanish:
    @pytest.mark.parametrize(
        "header", ["id;nombre;padre", "id;nombre;id_padre", "código;nombre;dependencia"]
    )
    def test_spanish_headers(self, tmp_path: Path, header: str) -> None:
        path = tmp_path / "unidades.csv"
        path.write_text(f"{header}\nhq;Sede;\nfin;Finanzas;hq\n", encoding="utf-8")
        org = raci.load(path)
        assert {u.id: u.parent for u in org.units.values()} == {"hq": None, "fin": "hq"}

    def test_headers_named_after_the_table(self, tmp_path: Path) -> None:
        path = tmp_path / "organigrama.csv"
        path.write_bytes(UNITS_EXPORT.encode("utf-8"))
        org = raci.load(path)
        parents = {u.id: u.parent for u in org.units.values()}
        assert parents == {"10": None, "11": "10", "12": "11", "20": None}
        assert org.units["12"].name == "Dirección General de Salud"
        assert rows_read(org) == {2, 6, 7, 9}  # the lines each record starts on
        assert org.units["20"].name.strip('"') == "Consejería de Obras, Vivienda"
        tops = [f for f in raci.validate(org) if f.rule == "table-reading"]
        assert [f.message for f in tops] == [
            "`1` is not in this sheet, so `Consejería de Sanidad` is placed at the top",
            '`1` is not in this sheet, so `"Consejería de Obras, Vivienda"` is placed at the top',
        ]
        assert not [
            f
            for f in raci.validate(org)
            if f.severity is raci.Severity.ERROR and f.rule != "multiple-roots"
        ]
