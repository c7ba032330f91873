"""RACI workbooks whose first column numbers an outline before the task column: a WBS in
Russian under a header over two rows (a label over the party columns), its letterless
parents nested three deep; and an index under a second header row that labels each
person's column `Role`, its whole numbers heading their decimals."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import groups_of, roles_of, workbook_rows, write_workbook

#: A title row, then the header over rows 2-3: the code and task labels merged down, a
#: label merged across the party columns, the parties under it. Codes are text.
WBS_RU = [
    ["Проект:", "Внедрение ПО", "", "", "", ""],
    ["Структура задач", "ИСР (наименование задач)", "Команда проекта", "", "", ""],
    ["", "", "Спонсор (Ген Директор)", "Заказчик (Бухгалтерия, ОК)", "Програмисты", "Аналитики"],
    ["1", "Внедрение ПО", "", "", "", ""],
    ["1.1", "Инициация", "", "", "", ""],
    ["1.1.1", "Подготовить Product Vision", "", "A", "R", ""],
    ["1.1.2", "Определить содержание проекта", "", "", "", ""],
    ["1.1.2.1", "Определить цели проекта", "C", "", "R, A", "R"],
    ["1.1.2.2", "Тестирование", "", "A", "R", ""],
    ["1.1.3", "Формирование команды", "C", "A", "R", "C"],
    ["1.2", "Реализация", "", "", "", ""],
    ["1.2.1", "Создание MVP", "", "", "", ""],
    ["1.2.1.1", "Тестирование", "I", "A", "R", "C"],
    ["1.2.1.2", "Тестирование", "", "A", "C", "R"],
    ["1.2.2", "Успешный запуск MVP", "I", "A", "R", ""],
]
WBS_RU_MERGES = ("A2:A3", "B2:B3", "C2:F2")


def wbs_ru(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "матрица.xlsx", WBS_RU, WBS_RU_MERGES)


#: Title rows, a header row of people, a second header row (the project's name over the
#: tasks, `Role` under each person), then an index of numbers: whole numbers head the
#: decimals under them; 2.1 has no letters and no children; 3 comes after the last heading.
INDEXED = [
    ["Artifact:", "RACI CHART", "", ""],
    ["Project Name:", "Inventory", "", ""],
    [],
    ["Index", "Tasks", "Rama krishna", "Mohammed yaqoob"],
    ["", "Inventory", "Role", "Role"],
    [1, "Registration", "", ""],
    [1.1, "Submit proposal", "R", "A"],
    [1.2, "Oral Presentation", "A", "R"],
    [2, "Development", "", ""],
    [2.1, "Authentication page", "", ""],
    [2.2, "Login for admin", "R", "C"],
    [2.3, "Logout", "C", "R"],
    [3, "Oral Presentation", "R", "R"],
]


def indexed(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "chart.xlsx", INDEXED)


def named(org: raci.Organization) -> dict[str, str | None]:
    """Each deliverable's id and name with its group: ``1.1.1 Подготовить…``."""
    return {f"{d} {org.deliverables[d].name}": g for d, g in groups_of(org).items()}


class TestWbsUnderALabelledHeader:
    def test_the_parties_are_the_names_under_the_label(self, tmp_path: Path) -> None:
        org = raci.load(wbs_ru(tmp_path))
        assert [p.name for p in org.external.values()] == [
            "Спонсор (Ген Директор)",
            "Заказчик (Бухгалтерия, ОК)",
            "Програмисты",
            "Аналитики",
        ]
        assert roles_of(org)["1.1.2.1"] == [
            ("R", "програмисты"),
            ("R", "аналитики"),
            ("A", "програмисты"),
            ("C", "спонсор-ген-директор"),
        ]

    def test_each_task_is_in_its_innermost_parent_by_code(self, tmp_path: Path) -> None:
        org = raci.load(wbs_ru(tmp_path))
        start, build = "Внедрение ПО › Инициация", "Внедрение ПО › Реализация"
        assert named(org) == {
            "1.1.1 Подготовить Product Vision": start,
            "1.1.2.1 Определить цели проекта": f"{start} › Определить содержание проекта",
            "1.1.2.2 Тестирование": f"{start} › Определить содержание проекта",
            "1.1.3 Формирование команды": start,
            "1.2.1.1 Тестирование": f"{build} › Создание MVP",
            "1.2.1.2 Тестирование": f"{build} › Создание MVP",
            "1.2.2 Успешный запуск MVP": build,
        }

    def test_nothing_is_said_unreadable(self, tmp_path: Path) -> None:
        org = raci.load(wbs_ru(tmp_path))
        assert not [f for f in raci.validate(org) if f.rule in ("unreadable-cell", "table-reading")]


class TestIndexUnderASecondHeaderRow:
    def test_the_parties_are_the_people_over_their_role_labels(self, tmp_path: Path) -> None:
        org = raci.load(indexed(tmp_path))
        assert [p.name for p in org.external.values()] == ["Rama krishna", "Mohammed yaqoob"]
        said = [f.message for f in raci.validate(org) if f.rule == "table-reading"]
        assert any("row 4 names the parties above row 5" in m for m in said), said
        assert not any("several columns" in m for m in said), said

    def test_whole_numbers_head_their_decimals(self, tmp_path: Path) -> None:
        org = raci.load(indexed(tmp_path))
        assert named(org) == {
            "1.1 Submit proposal": "Registration",
            "1.2 Oral Presentation": "Registration",
            "2.1 Authentication page": "Development",
            "2.2 Login for admin": "Development",
            "2.3 Logout": "Development",
            "3 Oral Presentation": None,
        }
        assert roles_of(org)["2.1"] == []
        assert roles_of(org)["3"] == [("R", "rama-krishna"), ("R", "mohammed-yaqoob")]

    def test_a_row_that_holds_letters_over_children_is_a_task(self, tmp_path: Path) -> None:
        rows = [list(r) for r in INDEXED]
        rows[8] = [2, "Development", "A", ""]
        org = raci.load(write_workbook(tmp_path / "chart.xlsx", rows))
        found = named(org)
        assert found["2 Development"] is None
        assert found["2.2 Login for admin"] is None
        assert found["1.2 Oral Presentation"] == "Registration"


#: Each shape's workbook and the rows (from 1) of its titles and header.
SHAPES = {"wbs under a labelled header": (wbs_ru, {1, 2, 3}), "index": (indexed, {1, 2, 4, 5})}


@pytest.mark.parametrize("name", list(SHAPES))
def test_every_row_is_read_or_reported(tmp_path: Path, name: str) -> None:
    make, headers = SHAPES[name]
    org, filled, said = workbook_rows(make(tmp_path))
    assert filled - headers <= said, name
    assert len(org.deliverables) == len(filled) - len(headers) - len(org.groups), name
