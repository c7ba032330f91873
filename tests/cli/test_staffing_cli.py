"""`raci staffing` from the command line: formats, files, options, an earlier version from
a file or a git revision, and clean one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli
from staffing_orgs import NEW, OLD

UN_HABITAT = str(EXAMPLES / "un-habitat-2020" / "org.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


class TestPrinted:
    def test_text_is_the_default(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("staffing", pair[1])
        assert code == 0
        assert out.startswith("Staffing: Agency\n\nunit ")
        assert out.splitlines()[-1].startswith("Each row: the posts of the unit itself")

    def test_json_compared(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("staffing", pair[1], "--before", pair[0], "--format", "json")
        assert code == 0
        data = json.loads(out)
        totals = data["totals"]
        assert (totals["before"]["total"], totals["after"]["total"]) == (18.5, 21)
        assert totals["change"]["grades"] == {"P-4": 1, "P-3": 3, "P-2": -0.5, "GS-4": -1}
        merged = next(r for r in data["rows"] if r["unit"] == ["bc"])
        assert (merged["formerly"], merged["change"]["total"]) == (["b", "c"], -1)

    def test_by_and_fund(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("staffing", pair[1], "--by", "division", "--fund", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert [r["unit"] for r in data["rows"]][:3] == [["hq"], ["apex"], ["bc"]]
        assert [f["fund"] for f in data["funds"]] == ["RB", "XB", None]

    def test_markdown_in_chinese(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("staffing", pair[1], "--format", "markdown", "--lang", "zh")
        assert code == 0
        assert out.startswith("# 人员编制：Agency\n\n| 单位 | USG | UG小计 |")

    def test_ids(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("staffing", pair[1], "--ids")
        assert code == 0
        assert "\napex " in out
        assert "Apex Division" not in out

    def test_the_un_habitat_example(self) -> None:
        code, out, _ = run("staffing", UN_HABITAT, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert data["totals"]["posts"]["total"] == 111
        assert data["grades"] == ["USG", "ASG", "D-2", "D-1", "P-5", "P-4", "P-3", "P-2", "GS"]


class TestFiles:
    @pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".csv", ".xlsx", ".tex", ".docx"])
    def test_every_suffix(self, pair: tuple[str, str], tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"staffing{suffix}"
        code, stdout, err = run("staffing", pair[1], "--before", pair[0], "-o", str(out))
        assert code == 0, err
        assert stdout == ""
        assert err == f"wrote {out}\n"
        data = out.read_bytes()
        assert data.startswith(
            {".xlsx": b"PK", ".docx": b"PK", ".json": b"{", ".tex": b"\\documentclass"}.get(
                suffix, b""
            )
        )
        assert len(data) > 500

    def test_paper_for_printed_files_only(self, pair: tuple[str, str], tmp_path: Path) -> None:
        code, _, err = run("staffing", pair[1], "--paper", "A3")
        assert code == 2
        assert (
            err == "error: --paper, --landscape and --portrait are for -o FILE.tex or FILE.docx\n"
        )
        out = tmp_path / "s.tex"
        code, _, _ = run("staffing", pair[1], "-o", str(out), "--paper", "a3", "--portrait")
        assert code == 0
        assert "paperwidth=297mm,paperheight=420mm" in out.read_text(encoding="utf-8")

    def test_refuses_to_write_over_an_input(self, tmp_path: Path) -> None:
        model = tmp_path / "org.json"
        model.write_text('{"version": 1, "units": [{"id": "a", "posts": {"P-4": 1}}]}', "utf-8")
        code, _, err = run("staffing", str(model), "-o", str(model))
        assert code == 2
        assert err == f"error: refusing to write {model}: it is an input file\n"
        assert "P-4" in model.read_text(encoding="utf-8")

    def test_bad_suffix_and_contradicting_format(self, pair: tuple[str, str]) -> None:
        code, _, err = run("staffing", pair[1], "-o", "out.pdf")
        assert code == 2
        assert "cannot write a staffing table as '.pdf'" in err
        code, _, err = run("staffing", pair[1], "-o", "out.csv", "--format", "json")
        assert code == 2
        assert err == "error: format 'json' does not match the file name 'out.csv' (csv)\n"


class TestErrors:
    def test_unknown_level(self, pair: tuple[str, str]) -> None:
        code, _, err = run("staffing", pair[1], "--by", "galaxy")
        assert code == 2
        assert err == (
            "error: unknown level 'galaxy'; the levels in use are organization, division, section\n"
        )

    def test_unreadable_model_is_located(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("version: 1\nunits:\n  - id: a\n    posts: {P-4: lots}\n", "utf-8")
        code, _, err = run("staffing", str(bad))
        assert code == 2
        assert err.splitlines()[0].startswith(f"{bad}:4:")
        assert err.splitlines()[-1] == f"error: {bad}: 1 problem; the file was not loaded"

    def test_missing_before(self, pair: tuple[str, str], tmp_path: Path) -> None:
        code, _, err = run("staffing", pair[1], "--before", str(tmp_path / "nope.yaml"))
        assert code == 2
        assert "nope.yaml: 1 problem; the file was not loaded" in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_before_at_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    org = tmp_path / "org.yaml"
    org.write_text(OLD, encoding="utf-8")
    git("add", "org.yaml")
    git("commit", "-qm", "old")
    org.write_text(NEW, encoding="utf-8")
    git("commit", "-qam", "new")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("staffing", "org.yaml", "--before", "HEAD~1:org.yaml", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["totals"]["change"]["total"] == 2.5
    code, _, err = run("staffing", "org.yaml", "--before", "HEAD~5:org.yaml")
    assert code == 2
    assert "HEAD~5:org.yaml: unknown revision `HEAD~5`" in err
