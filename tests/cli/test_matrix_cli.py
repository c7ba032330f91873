"""`raci matrix` from the command line."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "sheets"
ACME = str(DATA / "acme.yaml")
UN_HABITAT = str(EXAMPLES / "un-habitat-2020" / "org.yaml")


def run(*args: str, columns: int = 80) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


class TestTerminal:
    """Without -o the table goes to stdout."""

    def test_table(self) -> None:
        code, out, _ = run("matrix", ACME, "--level", "division")
        assert code == 0
        assert out.splitlines()[0] == "Deliverable  │ Chief Executi…  Operations  Finance  Board"
        assert "  Deliveries │                    R/A         I" in out

    def test_options(self) -> None:
        """--lang, --parties (comma-separated or repeated) and --group."""
        code, out, _ = run(
            "matrix",
            ACME,
            "--lang",
            "zh",
            "--parties",
            "fin,ops",
            "--parties",
            "board",
            "--group",
            "plan",
        )
        assert code == 0
        assert out.splitlines()[0] == "交付成果   │ 财务司  运营司  Board"
        assert [line.split("│")[0].strip() for line in out.splitlines()[2:5]] == [
            "Planning",
            "预算",
            "Forecast",
        ]

    def test_too_wide(self) -> None:
        """A table the terminal cannot hold: printed with numbered columns, and a warning."""
        code, out, err = run("matrix", UN_HABITAT, columns=60)
        assert code == 0
        assert "Parties:" in out
        assert err.startswith("warning: the matrix is ")
        assert "the terminal 60: roll the columns up (--level)" in err
        code, out, err = run("matrix", UN_HABITAT, columns=250)
        assert (code, err) == (0, "")
        assert max(len(line) for line in out.splitlines()) <= 250

    def test_matrix_file_alone(self, tmp_path: Path) -> None:
        """A matrix sheet is a model on its own."""
        path = tmp_path / "RACI.csv"
        path.write_text("Task,Ann,Bo\nplan,A,R\n")
        code, out, _ = run("matrix", str(path))
        assert code == 0
        assert out.splitlines()[:3] == [
            "Deliverable │ Ann  Bo",
            "────────────┼────────",
            "plan        │  A   R",
        ]

    def test_matrix_with_org(self, tmp_path: Path) -> None:
        """--org resolves a matrix's parties, so --level can roll them up."""
        path = tmp_path / "RACI.md"
        path.write_text("| Task | Shipping clerk | ship |\n|---|---|---|\n| Deliveries | R | A |\n")
        code, out, _ = run("matrix", str(path), "--org", ACME, "--level", "division")
        assert code == 0, out
        assert "Deliveries │    R/A" in out


class TestFiles:
    """-o writes the format its suffix names."""

    @pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".csv", ".tex"])
    def test_text_formats(self, tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"m{suffix}"
        code, stdout, err = run("matrix", UN_HABITAT, "-o", str(out))
        assert (code, stdout) == (0, "")
        assert err == f"wrote {out}\n"
        assert "2019" in out.read_text(encoding="utf-8")

    def test_xlsx(self, tmp_path: Path) -> None:
        out = tmp_path / "m.xlsx"
        code, _, _ = run("matrix", UN_HABITAT, "-o", str(out), "--level", "division")
        assert code == 0
        ws = openpyxl.load_workbook(out)["Matrix"]
        assert ws["A3"].value == "fs-2019"  # no group heading rows at division level
        assert ws.freeze_panes == "E3"


class TestErrors:
    """Bad options and inputs exit 2 with one clear line, never a traceback."""

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["--level", "galaxy"],
                "error: unknown level 'galaxy'; the levels in use are organization, division,"
                " branch",
            ),
            (["--level", "team"], "error: no unit is at level 'team'; the levels in use are"),
            (["--parties", "ceo,nobody"], "error: no party has the id or name 'nobody'"),
            (["--group", "nope"], "error: no group has the id or name 'nope'"),
        ],
    )
    def test_unknown_names(self, args: list[str], message: str) -> None:
        code, out, err = run("matrix", ACME, *args)
        assert code == 2
        assert out == ""
        assert err.startswith(message)
        assert "Traceback" not in err

    def test_no_deliverables(self, tmp_path: Path) -> None:
        """An org sheet alone has no rows to show: a warning instead of an empty table."""
        code, out, err = run("matrix", str(DATA / "visio.csv"))
        assert (code, out) == (0, "")
        assert err.startswith(f"warning: {DATA / 'visio.csv'} has no deliverables")
        out_path = tmp_path / "m.html"
        code, _, err = run("matrix", str(DATA / "visio.csv"), "-o", str(out_path))
        assert code == 0
        assert "has no deliverables" in err
        assert out_path.exists()

    def test_bad_suffix(self, tmp_path: Path) -> None:
        code, _, err = run("matrix", ACME, "-o", str(tmp_path / "m.pdf"))
        assert code == 2
        assert "cannot write a matrix as '.pdf'" in err

    def test_output_is_input(self, tmp_path: Path) -> None:
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann\nplan,A/R\n")
        code, _, err = run("matrix", str(path), "-o", str(path))
        assert code == 2
        assert "it is an input file" in err
        assert path.read_text() == "Task,Ann\nplan,A/R\n"

    def test_bad_cells(self, tmp_path: Path) -> None:
        """Each bad cell on its own line, located."""
        path = tmp_path / "m.xlsx"
        book = openpyxl.Workbook()
        for row in [["Task", "Ann", "Bo"], ["plan", "owner", "R"]]:
            book.active.append(row)
        book.save(path)
        code, out, err = run("matrix", str(path))
        assert code == 0
        assert err.splitlines()[0].startswith(f"{path}!Sheet!B2: cannot read `owner` as roles")
        assert "plan" in out

    def test_org_for_a_model_file(self) -> None:
        code, _, err = run("matrix", ACME, "--org", ACME)
        assert code == 2
        assert "--org, --sheet, --path-separator and --scheme apply to a table" in err


class TestValidate:
    """`raci validate` takes a matrix or an org sheet on its own."""

    def test_markdown_matrix(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(
            "| R | Responsible |\n|---|---|\n| A | Accountable |\n\n"
            "| Task | Ann | Bo |\n|---|---|---|\n| plan | A | R |\n| ship | A | A/R |\n"
        )
        code, out, _ = run("validate", str(path))
        assert code == 1
        assert f"{path}:8:10: error single-accountable: deliverable `ship` has 2" in out

    def test_xlsx_cell_locations(self, tmp_path: Path) -> None:
        path = tmp_path / "m.xlsx"
        book = openpyxl.Workbook()
        for row in [["Task", "Ann", "Bo"], ["plan", "A", "R"], ["ship", "R", "maybe"]]:
            book.active.append(row)
        book.save(path)
        code, out, _ = run("validate", str(path))
        assert code == 1
        assert f"{path}!Sheet!C3: error unreadable-cell: cannot read `maybe`" in out

    def test_org_sheet(self) -> None:
        code, out, _ = run("validate", str(DATA / "orgplus.csv"))
        assert code == 0
        assert out.splitlines()[-1].startswith("0 errors, 0 warnings")
