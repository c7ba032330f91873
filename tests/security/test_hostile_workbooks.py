"""Hostile and damaged XLSX workbooks: each is a message at its place, in seconds."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

import raci

BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


MATRIX = [["Task", "Ann", "Bo"], ["Plan", "A", "R"]]


def test_a_cell_far_away_does_not_pad_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    book = openpyxl.Workbook()
    for row in MATRIX:
        book.active.append(row)
    book.active["XFD1048576"] = "far"
    book.save(path)
    assert path.stat().st_size < 20_000
    start = time.perf_counter()
    org = raci.load(path)
    assert time.perf_counter() - start < 20
    assert sorted((a.role, a.party) for a in org.assignments()) == [("A", "ann"), ("R", "bo")]
    # Far from the table, the cell is set aside and said, not read as a stray column.
    [note] = org.notes
    assert note.location.cell == "Sheet!XFD1048576"
    assert "`far`" in note.message


def test_a_formula_without_a_saved_value_is_an_error_at_its_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "f.xlsx", [*MATRIX, ["Ship", '=IF(1,"A","R")', "R"]])
    with pytest.raises(raci.LoadError) as info:
        raci.load(path)
    assert str(info.value).startswith(f"{path}!Sheet!B3: this cell holds a formula")
    assert "open and save it in a spreadsheet program" in info.value.reason


def test_a_truncated_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", MATRIX)
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(raci.LoadError, match="not a readable XLSX workbook"):
        raci.load(path)


def test_an_entity_bomb_in_a_sheet(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", MATRIX)
    bad = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = data.decode().replace("<t>Plan</t>", "<t>&lol9;</t>")
                data = (BOMB + body).encode()
            dst.writestr(item, data)
    start = time.perf_counter()
    with pytest.raises(raci.LoadError, match="not a readable XLSX workbook"):
        raci.load(bad)
    assert time.perf_counter() - start < 20
