"""Hostile and damaged XLSX workbooks: each is a message at its place, in seconds."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import raci
from raci.cli import cli
from raci.io.tables.xlsx_scan import MAX_CELL_CHARS, MAX_CELLS, MAX_UNPACKED_BYTES

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


SHEET = "xl/worksheets/sheet1.xml"
OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet'
    ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
CLOSE = "</sheetData></worksheet>"
HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Task</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Ann</t></is></c></row>'
)


def rewritten(tmp_path: Path, name: str, parts: dict[str, str | bytes]) -> Path:
    """A workbook of MATRIX whose parts named in ``parts`` are replaced (or added),
    compressed as a spreadsheet program would."""
    good = workbook(tmp_path / "good.xlsx", MATRIX)
    path = tmp_path / name
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, parts.pop(item.filename, src.read(item.filename)))
        for part, data in parts.items():
            dst.writestr(part, data)
    return path


def with_shared_strings(tmp_path: Path, name: str, sheet: str, texts: str) -> Path:
    """A workbook whose sheet is ``sheet`` and whose shared strings are ``texts``."""
    good = workbook(tmp_path / "good.xlsx", MATRIX)
    with zipfile.ZipFile(good) as zf:
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdS" Type="{kind}" Target="sharedStrings.xml"/></Relationships>',
    )
    content = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    types = types.replace(
        "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{content}"/></Types>'
    )
    strings = (
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{texts}</sst>'
    )
    return rewritten(
        tmp_path,
        name,
        {
            SHEET: sheet,
            "xl/_rels/workbook.xml.rels": rels,
            "[Content_Types].xml": types,
            "xl/sharedStrings.xml": strings,
        },
    )


def refused(path: Path, reason: str) -> None:
    """The command line refuses ``path`` at once: exit 2, one line naming it, no traceback."""
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert time.perf_counter() - start < 10
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [line] = [line for line in result.output.splitlines() if reason in line]
    assert line.startswith(str(path)), line


class TestResourceCaps:
    """A workbook is a zip: a small file can unpack to far more than raci reads."""

    def test_a_huge_inline_string_in_a_small_file(self, tmp_path: Path) -> None:
        cell = f'<c r="A2" t="inlineStr"><is><t>{"x" * 30_000_000}</t></is></c>'
        sheet = f'{OPEN}{HEADER}<row r="2">{cell}</row>{CLOSE}'
        path = rewritten(tmp_path, "long.xlsx", {SHEET: sheet})
        assert path.stat().st_size < 100_000
        limit = MAX_UNPACKED_BYTES >> 20
        refused(path, f"the workbook unpacked is larger than {limit:,} MB, the most raci reads")

    def test_a_cell_longer_than_a_spreadsheet_cell_holds(self, tmp_path: Path) -> None:
        text = "x" * (MAX_CELL_CHARS + 1)
        sheet = (
            f'{OPEN}{HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>Plan</t></is></c>'
            f'<c r="B2" t="inlineStr"><is><t>{text}</t></is></c></row>{CLOSE}'
        )
        path = rewritten(tmp_path, "cell.xlsx", {SHEET: sheet})
        with pytest.raises(raci.LoadError) as info:
            raci.load(path)
        assert str(info.value) == (
            f"{path}!Sheet!B2: this cell holds {MAX_CELL_CHARS + 1:,} characters, more than"
            f" the {MAX_CELL_CHARS:,} a spreadsheet cell holds"
        )

    def test_a_long_shared_string(self, tmp_path: Path) -> None:
        sheet = f'{OPEN}{HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c></row>{CLOSE}'
        path = with_shared_strings(
            tmp_path, "shared.xlsx", sheet, f"<si><t>{'y' * 1_000_000}</t></si>"
        )
        with pytest.raises(raci.LoadError, match=r"!Sheet!A2: this cell holds 1,000,000 char"):
            raci.load(path)

    def test_more_cells_than_raci_reads(self, tmp_path: Path) -> None:
        row = "<c><v>1</v></c>" * 1_000
        rows = "".join(f'<row r="{r}">{row}</row>' for r in range(2, MAX_CELLS // 1_000 + 3))
        path = rewritten(tmp_path, "cells.xlsx", {SHEET: f"{OPEN}{HEADER}{rows}{CLOSE}"})
        assert path.stat().st_size < 200_000
        refused(path, f"sheet `Sheet`: the workbook holds more than {MAX_CELLS:,} cells")

    def test_more_shared_texts_than_raci_reads(self, tmp_path: Path) -> None:
        texts = "".join(f"<si><t>{i}</t></si>" for i in range(MAX_CELLS + 1))
        sheet = f"{OPEN}{HEADER}{CLOSE}"
        path = with_shared_strings(tmp_path, "texts.xlsx", sheet, texts)
        refused(path, f"its shared strings: the workbook holds more than {MAX_CELLS:,} cells")

    def test_rows_padded_out_to_far_cells(self, tmp_path: Path) -> None:
        far = "".join(
            f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="XFD{r}"><v>1</v></c></row>'
            for r in range(2, MAX_CELLS // 16_384 + 3)
        )
        path = rewritten(tmp_path, "padded.xlsx", {SHEET: f"{OPEN}{HEADER}{far}{CLOSE}"})
        refused(path, f"the workbook's sheets hold more than {MAX_CELLS:,} cells")

    def test_a_large_sound_matrix_is_read(self, tmp_path: Path) -> None:
        """Well under the limits, a sheet of 20,000 role cells reads in seconds."""
        parties = [f"P{i}" for i in range(20)]
        rows = [["Task", *parties]]
        rows += [[f"T{r}", *("A" if i == r % 20 else "R" for i in range(20))] for r in range(1_000)]
        path = workbook(tmp_path / "large.xlsx", rows)
        start = time.perf_counter()
        org = raci.load(path)
        assert time.perf_counter() - start < 10
        assert len(org.deliverables) == 1_000
        assert sum(len(d.assignments) for d in org.deliverables.values()) == 20_000


class TestMergedRoleCells:
    """A spreadsheet keeps a merged cell's value in its first cell only: each party and
    deliverable the range covers gets the role."""

    def roles(self, tmp_path: Path, rows: list[list[object]], *merges: str) -> dict[str, list]:
        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            sheet.append(row)
        for merge in merges:
            sheet.merge_cells(merge)
        path = tmp_path / "merged.xlsx"
        book.save(path)
        org = raci.load(path)
        return {
            d.id: sorted((a.role, a.party) for a in d.assignments)
            for d in org.deliverables.values()
        }

    def test_across_party_columns(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo", "Cy"], ["Plan", "A", "R", ""], ["Ship", "R", "A", ""]]
        found = self.roles(tmp_path, rows, "C2:D2")
        assert found["plan"] == [("A", "ann"), ("R", "bo"), ("R", "cy")]
        assert found["ship"] == [("A", "bo"), ("R", "ann")]

    def test_across_deliverables(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "A", "R"], ["Build", "A", ""], ["Ship", "A", ""]]
        found = self.roles(tmp_path, rows, "C2:C4")
        assert found == {
            "plan": [("A", "ann"), ("R", "bo")],
            "build": [("A", "ann"), ("R", "bo")],
            "ship": [("A", "ann"), ("R", "bo")],
        }

    def test_a_block_under_a_merged_title(self, tmp_path: Path) -> None:
        rows = [
            ["Roles in the project", None, None],
            ["Task", "Ann", "Bo"],
            ["Plan", "R", None],
            ["Ship", None, None],
            ["Close", "A", "R"],
        ]
        found = self.roles(tmp_path, rows, "A1:C1", "B3:C4")
        assert found == {
            "plan": [("R", "ann"), ("R", "bo")],
            "ship": [("R", "ann"), ("R", "bo")],
            "close": [("A", "ann"), ("R", "bo")],
        }
