"""`raci import`: from a spreadsheet to a reviewed, versioned model file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import raci
from helpers import EXAMPLES
from raci.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "sheets"
UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def assignments(org: raci.Organization) -> list[tuple[str, str, str]]:
    return sorted((a.deliverable, a.role, a.party) for a in org.assignments())


class TestImport:
    """Matrices with and without an org; org sheets."""

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".md"])
    def test_round_trip(self, tmp_path: Path, suffix: str) -> None:
        """matrix -o X, import X --org: the model file has exactly the same assignments."""
        sheet = tmp_path / f"matrix{suffix}"
        assert run("matrix", str(UN_HABITAT), "-o", str(sheet))[0] == 0
        out = tmp_path / "back.yaml"
        code, stdout, err = run("import", str(sheet), "--org", str(UN_HABITAT), "-o", str(out))
        assert code == 0, err
        assert stdout == ""
        assert err.startswith(f"wrote {out}: 16 units, 46 parties, 29 deliverables")
        org, back = raci.load(UN_HABITAT), raci.load(out)
        assert assignments(back) == assignments(org)
        assert (back.units, back.positions, back.external) == (
            org.units,
            org.positions,
            org.external,
        )
        assert back.groups == org.groups
        if suffix != ".md":
            assert {d.id: (d.names, d.group, d.due) for d in back.deliverables.values()} == {
                d.id: (d.names, d.group, d.due) for d in org.deliverables.values()
            }

    def test_matrix_without_org(self, tmp_path: Path) -> None:
        """Header cells become external parties of the new file."""
        out = tmp_path / "raci.yaml"
        sheet = tmp_path / "RACI.md"
        sheet.write_text((DATA / "legend-first.md").read_text().replace("| yes |", "| c |"))
        code, _, err = run("import", str(sheet), "-o", str(out))
        assert code == 0, err
        text = out.read_text()
        assert "  - id: support-ops\n    name: Support | Ops\n" in text
        assert (
            "  - id: triage-incidents\n    name: Triage incidents\n    group: incidents\n" in text
        )
        org = raci.load(out)
        assert org.deliverables["post-mortem"].parties("C") == ["qa"]

    def test_org_sheet(self, tmp_path: Path) -> None:
        """An org chart spreadsheet becomes units, extra columns their attributes."""
        out = tmp_path / "org.json"
        code, _, err = run("import", str(DATA / "orgplus.csv"), "-o", str(out))
        assert code == 0, err
        org = raci.load(out)
        assert {u.id: u.parent for u in org.units.values()} == {
            "1": None,
            "2": "1",
            "3": "2",
            "4": "2",
        }
        assert org.units["3"].staff
        assert org.units["2"].attributes == {"Title": "CEO", "Photo": "https://example.org/ceo.jpg"}


class TestErrors:
    """Exit 2 with a reason."""

    def test_repeated_rows_are_not_dropped(self, tmp_path: Path) -> None:
        sheet = tmp_path / "m.csv"
        sheet.write_text("Task,Ann\nplan,A/R\nplan,A\n")
        out = tmp_path / "out.yaml"
        code, _, err = run("import", str(sheet), "-o", str(out))
        assert code == 0
        assert (
            f"{sheet}:3:1: this row names `plan` again (first at {sheet}:2:1); both rows are"
            " kept, this one as `plan-2`"
        ) in err
        assert [d["id"] for d in yaml.safe_load(out.read_text())["deliverables"]] == [
            "plan",
            "plan-2",
        ]

    def test_bad_cells(self, tmp_path: Path) -> None:
        sheet = tmp_path / "m.csv"
        sheet.write_text("Task,Ann,Bo\nplan,owner,R\n")
        code, _, err = run("import", str(sheet), "-o", str(tmp_path / "out.yaml"))
        assert code == 0  # the rest is read; the cell is said where it is
        assert f"{sheet}:2:6: cannot read `owner` as roles" in err

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["x.csv", "-o", "out.txt"], "cannot write a model as '.txt'"),
            (["org.toml", "-o", "out.yaml"], "expected a matrix or org sheet"),
            (["x.csv"], "Missing option '-o'"),
        ],
    )
    def test_usage(self, args: list[str], message: str) -> None:
        code, _, err = run("import", *args)
        assert code == 2
        assert message in err

    def test_org_sheet_with_org(self, tmp_path: Path) -> None:
        """--org is for matrices; an org sheet with it is refused, not misread."""
        code, _, err = run(
            "import",
            str(DATA / "visio.csv"),
            "--org",
            str(UN_HABITAT),
            "-o",
            str(tmp_path / "o.yaml"),
        )
        assert code == 2
        assert "this is an org sheet (it lists units), not a RACI table" in err
