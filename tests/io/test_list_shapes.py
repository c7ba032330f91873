"""RACI tables as real files write them around their rows: task names written as a list
(`` - Plan``, one ``_ RTM`` among them) under phase rows that only some lists reach; a
legend of the role letters right under the matrix, its letters in the task column; an
empty contacts table after the matrices of a document. Every row read or reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import groups_of, rows_read, write_table
from raci.cli import cli

FORMATS = [".md", ".csv", ".xlsx"]

#: Tasks written as a list under their phases, one with an underscore for its bullet; the
#: last two phases list their tasks without bullets.
LISTED = [
    ["", "Aya", "Dina", "Customer"],
    ["Initiate Phase Activities", "", "", ""],
    [" - Receive Requirement From Customer", "R", "A", "C"],
    [" - SIQ Document", "C", "R", "A"],
    ["Analysis phase Activities", "", "", ""],
    [" - SRS", "A", "R", "C"],
    ["_ RTM ", "A", "R", "I"],
    ["Implementation Phase Activities", "", "", ""],
    ["Frontend Login page", "R", "I", "A"],
    ["Backend All Pages", "I", "R", ""],
    ["Testing Phase Activities", "", "", ""],
    ["fix the bugs ", "I", "R", ""],
]


class TestTasksWrittenAsAList:
    @pytest.mark.parametrize("suffix", FORMATS)
    def test_the_bullet_is_no_part_of_the_name(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, LISTED, suffix))
        assert [d.name for d in org.deliverables.values()] == [
            "Receive Requirement From Customer",
            "SIQ Document",
            "SRS",
            "RTM",
            "Frontend Login page",
            "Backend All Pages",
            "fix the bugs",
        ]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_phase_rows_head_the_tasks_with_and_without_bullets(
        self, tmp_path: Path, suffix: str
    ) -> None:
        org = raci.load(write_table(tmp_path, LISTED, suffix))
        named = {org.deliverables[d].name: g for d, g in groups_of(org).items()}
        assert named == {
            "Receive Requirement From Customer": "Initiate Phase Activities",
            "SIQ Document": "Initiate Phase Activities",
            "SRS": "Analysis phase Activities",
            "RTM": "Analysis phase Activities",
            "Frontend Login page": "Implementation Phase Activities",
            "Backend All Pages": "Implementation Phase Activities",
            "fix the bugs": "Testing Phase Activities",
        }

    def test_an_underscore_alone_is_no_bullet(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["_ draft", "A", "R"], ["- Plan", "R", "A"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert [d.name for d in org.deliverables.values()] == ["_ draft", "Plan"]

    def test_the_matrix_written_back_holds_no_guarded_bullet(self, tmp_path: Path) -> None:
        out = tmp_path / "out.csv"
        path = write_table(tmp_path, LISTED, ".xlsx")
        done = CliRunner().invoke(cli, ["matrix", str(path), "-o", str(out), "--isolated"])
        assert done.exit_code == 0, done.output
        text = out.read_text(encoding="utf-8")
        assert "Receive Requirement From Customer" in text
        assert "'-" not in text
        assert "- Receive" not in text


#: Each shape's rows and the rows (from 0) that are headers, or said in one note with the
#: row above them (a block set aside is one note).
SHAPES = {
    "listed": (LISTED, {0}),
}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("name", list(SHAPES))
def test_every_row_is_read_or_reported(tmp_path: Path, name: str, suffix: str) -> None:
    rows, headers = SHAPES[name]
    path = write_table(tmp_path, rows, suffix)
    org = raci.load(path)
    first = 5 if suffix == ".md" else 2  # the line or row of the first data row
    data = {first + i - 1 for i, row in enumerate(rows) if any(row) and i not in headers}
    reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
    assert data <= rows_read(org) | reported, name
