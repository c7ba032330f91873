"""`raci diff` from the command line: formats, exit codes, git revisions, pictures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import raci
from raci.cli import cli
from raci.render.change.marks import LOOKS

SVG = "{http://www.w3.org/2000/svg}"

OLD = """\
version: 1
organization: {name: Co}
units:
  - {id: top, name: Co}
  - {id: ops, name: Operations, parent: top}
  - {id: log, name: Logistics, parent: ops}
  - {id: hr, name: People, parent: top}
deliverables:
  - {id: plan, raci: {A: top, R: [ops], C: [hr]}}
"""

NEW = """\
version: 1
organization: {name: Co}
units:
  - {id: top, name: Co}
  - {id: operations, name: Operations Division, parent: top, formerly: ops}
  - {id: log, name: Logistics, parent: operations}
deliverables:
  - {id: plan, raci: {A: top, R: [ops]}}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


class TestFormats:
    def test_text(self, pair: tuple[str, str]) -> None:
        code, out, err = run("diff", *pair)
        assert code == 0, err
        assert "Units: 1 abolished, 1 renamed" in out
        assert "Operations is now Operations Division\n" in out
        assert "People, a unit under Co\n" in out
        assert "(ops)" not in out
        assert "Orphaned responsibilities: 1 role whose holder is gone, with no successor" in out
        assert "Co-ordination" not in out
        assert "Moved" not in out  # log's parent was only renamed

    def test_json(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("diff", *pair, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert data["units_removed"][0]["unit"] == "hr"
        assert data["orphaned"] == [
            {"deliverable": "plan", "role": "C", "party": "hr", "name": "People"}
        ]
        assert data["units_moved"] == []

    def test_markdown(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("diff", *pair, "--format", "markdown")
        assert code == 0
        assert out.startswith("## Restructuring: ")
        assert "- **Units:** 1 abolished, 1 renamed" in out
        assert "### Units: renamed (1)" in out
        assert "- Operations is now Operations Division\n" in out
        assert "`ops`" not in out
        assert "| Units | 4 | 3 | −1 |" in out

    def test_no_change_is_empty_and_exit_0(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("diff", pair[0], pair[0])
        assert code == 0
        assert "No changes" in out
        code, out, _ = run("diff", pair[0], pair[0], "--format", "json")
        data = json.loads(out)
        assert all(data[k] == [] for k in data["summary"])

    def test_lang(self, tmp_path: Path) -> None:
        old = tmp_path / "a.yaml"
        new = tmp_path / "b.yaml"
        old.write_text("units:\n  - {id: x, name: {en: Office, zh: 办公室}}\n", encoding="utf-8")
        new.write_text(
            "units:\n  - {id: y, formerly: x, name: {en: Bureau, zh: 局}}\n", encoding="utf-8"
        )
        code, out, _ = run("diff", str(old), str(new), "--lang", "zh")
        assert code == 0
        assert "办公室更名为局" in out
        code, out, _ = run("diff", str(old), str(new), "--lang", "zh", "--ids")
        assert "办公室（x）更名为局（y）" in out

    def test_ids(self, pair: tuple[str, str]) -> None:
        code, out, _ = run("diff", *pair, "--ids")
        assert code == 0
        assert "Operations (ops) is now Operations Division (operations)" in out
        assert "People (hr), a unit under Co (top)" in out
        code, out, _ = run("diff", *pair, "--ids", "--format", "markdown")
        assert "- Operations (`ops`) is now Operations Division (`operations`)" in out
        code, out, _ = run("diff", *pair, "--format", "json")
        assert json.loads(out)["units_renamed"][0]["formerly"] == "ops"

    def test_headings_name_the_files_relative_to_the_current_folder(
        self, pair: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        for fmt, start in (("text", "Restructuring: "), ("markdown", "## Restructuring: ")):
            code, out, _ = run("diff", *pair, "--format", fmt)  # absolute paths
            assert code == 0
            assert out.splitlines()[0] == f"{start}old.yaml → new.yaml"
            assert str(tmp_path) not in out
        (tmp_path / "sub").mkdir()
        monkeypatch.chdir(tmp_path / "sub")
        code, out, _ = run("diff", "../old.yaml", pair[1])
        # Above the current folder: as given.
        assert out.splitlines()[0] == f"Restructuring: ../old.yaml → {pair[1]}"

    def test_report_to_a_file(self, pair: tuple[str, str], tmp_path: Path) -> None:
        out = tmp_path / "change.md"
        code, _, err = run("diff", *pair, "-o", str(out))
        assert code == 0, err
        assert out.read_text(encoding="utf-8").startswith("## Restructuring")

    def test_output_over_an_input_is_refused(self, pair: tuple[str, str]) -> None:
        new_json = pair[1].replace(".yaml", ".json")
        raci.dump(raci.load(pair[1]), new_json)
        before = Path(new_json).read_bytes()
        code, _, err = run("diff", pair[0], new_json, "-o", new_json)
        assert code == 2
        assert "refusing to write" in err
        assert "it is an input file" in err
        assert Path(new_json).read_bytes() == before


class TestBadInput:
    def test_unreadable_input_exits_2_with_a_located_line(
        self, pair: tuple[str, str], tmp_path: Path
    ) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("units:\n  - {id: a, parnet: b}\n", encoding="utf-8")
        code, _, err = run("diff", pair[0], str(bad))
        assert code == 2
        assert f"{bad}:2:" in err
        assert "Traceback" not in err

    def test_missing_file(self, pair: tuple[str, str]) -> None:
        code, _, err = run("diff", pair[0], "nope.yaml")
        assert code == 2
        assert "nope.yaml" in err
        assert "Traceback" not in err

    def test_unknown_formerly_is_reported_and_still_compared(
        self, pair: tuple[str, str], tmp_path: Path
    ) -> None:
        new = tmp_path / "n.yaml"
        new.write_text(NEW.replace("formerly: ops", "formerly: [ops, opz]"), encoding="utf-8")
        code, out, err = run("diff", pair[0], str(new))
        assert code == 0
        assert f"{new}:5:" in err
        assert "formerly-unknown" in err
        assert "`opz`" in err
        assert "Problems with `formerly`" in out

    def test_bad_suffix(self, pair: tuple[str, str]) -> None:
        code, _, err = run("diff", *pair, "-o", "x.gif")
        assert code == 2
        assert ".gif" in err


GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
class TestRevisions:
    @staticmethod
    def git(cwd: Path, *args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=cwd,
            check=True,
            capture_output=True,
        )

    def test_rev_path(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.git(tmp_path, "init", "-q")
        org = tmp_path / "org.yaml"
        org.write_text(OLD, encoding="utf-8")
        self.git(tmp_path, "add", "org.yaml")
        self.git(tmp_path, "commit", "-qm", "old")
        org.write_text(NEW, encoding="utf-8")
        self.git(tmp_path, "commit", "-qam", "new")
        monkeypatch.chdir(tmp_path)
        code, out, err = run("diff", "HEAD~1:org.yaml", "org.yaml")
        assert code == 0, err
        assert "Restructuring: HEAD~1:org.yaml → org.yaml" in out
        assert "is now Operations Division" in out
        code, out, _ = run("diff", "HEAD~1:org.yaml", "HEAD:org.yaml")
        assert code == 0
        assert "is now Operations Division" in out
        code, _, err = run("diff", "HEAD~5:org.yaml", "org.yaml")
        assert code == 2
        assert "HEAD~5:org.yaml: unknown revision `HEAD~5`" in err
        code, _, err = run("diff", "HEAD:nothere.yaml", "org.yaml")
        assert code == 2
        assert "`nothere.yaml` does not exist at revision `HEAD`" in err

    def test_outside_a_repository(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (tmp_path / "org.yaml").write_text(OLD, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
        code, _, err = run("diff", "HEAD~1:org.yaml", "org.yaml")
        assert code == 2
        assert "not inside a git repository" in err
        assert "Traceback" not in err


class TestPicture:
    def test_dot(self, pair: tuple[str, str], tmp_path: Path) -> None:
        out = tmp_path / "change.dot"
        code, _, err = run("diff", *pair, "-o", str(out))
        assert code == 0, err
        dot = out.read_text(encoding="utf-8")
        assert "formerly Operations" in dot
        assert "Abolished units (1)" in dot
        assert "People" in dot

    @pytest.mark.parametrize("style", ["marked", "side-by-side"])
    def test_svg(self, pair: tuple[str, str], tmp_path: Path, style: str) -> None:
        out = tmp_path / "change.svg"
        code, _, err = run("diff", *pair, "-o", str(out), "--style", style, "--paper", "A4")
        assert code == 0, err
        assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")

    @pytest.mark.parametrize("suffix", [".pptx", ".drawio"])
    def test_editable(self, pair: tuple[str, str], tmp_path: Path, suffix: str) -> None:
        pytest.importorskip("pptx")
        out = tmp_path / f"change{suffix}"
        code, _, err = run("diff", *pair, "-o", str(out), "--paper", "A4")
        assert code == 0, err
        assert err == f"wrote {out}\n"
        if suffix == ".drawio":
            units = {o.get("unit") for o in ET.parse(out).getroot().iter("object")}
            assert units == {"top", "operations", "log", "hr"}  # hr is abolished


class TestPaper:
    @pytest.mark.parametrize(
        ("args", "size"),
        [
            (["--paper", "A4", "--portrait"], (595, 842)),
            (["--paper", "a4"], (842, 595)),
            (["--paper", "letter", "--style", "side-by-side"], (612, 792)),
            (["--paper", "Tabloid", "--landscape"], (1224, 792)),
        ],
    )
    def test_the_pdf_page_is_the_paper(
        self, pair: tuple[str, str], tmp_path: Path, args: list[str], size: tuple[int, int]
    ) -> None:
        out = tmp_path / "change.pdf"
        code, _, err = run("diff", *pair, "-o", str(out), *args)
        assert code == 0, err
        pages = PdfReader(out).pages
        assert [
            (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages
        ] == [size] * len(pages)

    @pytest.mark.parametrize("style", ["marked", "side-by-side"])
    def test_a4_to_the_point(self, pair: tuple[str, str], tmp_path: Path, style: str) -> None:
        out = tmp_path / "change.pdf"
        code, _, err = run(
            "diff", *pair, "-o", str(out), "--paper", "A4", "--portrait", "--style", style
        )
        assert code == 0, err
        box = PdfReader(out).pages[0].mediabox
        assert float(box.width) == pytest.approx(595.2756, abs=0.01)
        assert float(box.height) == pytest.approx(841.8898, abs=0.01)

    def test_unknown_paper(self, pair: tuple[str, str], tmp_path: Path) -> None:
        code, _, err = run("diff", *pair, "-o", str(tmp_path / "c.pdf"), "--paper", "Legl")
        assert code == 2
        assert "unknown paper size 'Legl'; use one of A0," in err
        assert "did you mean `Legal`?" in err


class TestPictureSource:
    """The DOT of both styles says what happened to each unit."""

    def test_side_by_side_draws_a_line_from_each_old_unit_to_its_successors(
        self, pair: tuple[str, str], tmp_path: Path
    ) -> None:
        out = tmp_path / "lineage.dot"
        code, _, err = run("diff", *pair, "-o", str(out), "--style", "side-by-side")
        assert code == 0, err
        dot = out.read_text(encoding="utf-8")
        lines = [line for line in dot.splitlines() if "before:" in line and "-> after:" in line]
        # top -> top and ops -> operations (changed, blue), log -> log; hr has no successor.
        assert len(lines) == 3
        renamed = LOOKS["renamed"]
        assert sum(f'"{renamed.line}"' in line for line in lines) == 1
        assert renamed.mark in dot  # the mark of the renamed unit

    def test_names_are_escaped(self, tmp_path: Path) -> None:
        old, new = tmp_path / "a.yaml", tmp_path / "b.yaml"
        old.write_text("units:\n  - {id: x, name: 'R&D <old>'}\n", encoding="utf-8")
        new.write_text("units:\n  - {id: y, formerly: x, name: 'A \"quoted\" & <b>'}\n", "utf-8")
        for style in ("marked", "side-by-side"):
            out = tmp_path / f"{style}.dot"
            code, _, err = run("diff", str(old), str(new), "-o", str(out), "--style", style)
            assert code == 0, err
            dot = out.read_text(encoding="utf-8")
            assert "R&amp;D &lt;old&gt;" in dot
            assert "<b>" not in dot

    def test_chinese_png(self, tmp_path: Path) -> None:
        from raci.render.engine import font_available

        if not font_available("cjk"):
            pytest.skip("no CJK font installed")
        examples = Path(__file__).resolve().parents[2] / "examples" / "restructuring"
        out = tmp_path / "zh.png"
        code, _, err = run(
            "diff",
            str(examples / "before.yaml"),
            str(examples / "after.yaml"),
            "-o",
            str(out),
            "--lang",
            "zh",
        )
        assert code == 0, err
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


class TestPictureLabels:
    """Names are drawn as written: backslash sequences stay, control characters go, and a
    name with nothing left to show gives the unit's id."""

    OLD = (
        'version: 1\nunits:\n  - {id: top, name: Co}\n  - {id: agency, name: "Agency \\\\N \\\\G"'
        ', parent: top}\n  - {id: ctl, name: "Ctl \\x01 unit", parent: top}\n'
    )
    NEW = OLD.replace("id: agency,", "id: agency2, formerly: agency,") + (
        '  - {id: blank, name: "\\x01\\x02", parent: top}\n'
    )

    @pytest.fixture
    def odd(self, tmp_path: Path) -> tuple[str, str]:
        old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
        old.write_text(self.OLD, encoding="utf-8")
        new.write_text(self.NEW, encoding="utf-8")
        return str(old), str(new)

    @pytest.mark.parametrize("style", ["marked", "side-by-side"])
    def test_svg_shows_the_names_as_written(
        self, odd: tuple[str, str], tmp_path: Path, style: str
    ) -> None:
        out = tmp_path / "x.svg"
        code, _, err = run("diff", *odd, "-o", str(out), "--style", style)
        assert code == 0, err
        assert err == f"wrote {out}\n"
        texts = [" ".join((t.text or "").split()) for t in ET.parse(out).iter(f"{SVG}text")]
        assert "Agency \\N \\G" in texts
        assert "Ctl unit" in texts
        assert "blank" in texts
        assert not any("n:agency" in t or "restructuring" in t for t in texts)

    def test_dot_keeps_the_backslashes_doubled(self, odd: tuple[str, str], tmp_path: Path) -> None:
        out = tmp_path / "x.dot"
        code, _, err = run("diff", *odd, "-o", str(out))
        assert code == 0, err
        dot = out.read_text(encoding="utf-8")
        assert "<B>Agency \\\\N \\\\G</B>" in dot
        assert "formerly Agency \\\\N \\\\G" in dot
        assert "<B>Ctl unit</B>" in dot
        assert "<B>blank</B>" in dot
        assert "\x01" not in dot
        assert "<B></B>" not in dot

    def test_png_in_a_real_process_prints_only_where_it_wrote(
        self, odd: tuple[str, str], tmp_path: Path
    ) -> None:
        out = tmp_path / "x.png"
        src = Path(raci.__file__).resolve().parents[1]
        proc = subprocess.run(
            [sys.executable, "-m", "raci", "diff", *odd, "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(src)},
        )
        assert proc.returncode == 0
        assert proc.stderr == f"wrote {out}\n"
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    @pytest.mark.parametrize("suffix", ["svg", "png"])
    def test_graphviz_reports_nothing(
        self, odd: tuple[str, str], tmp_path: Path, suffix: str
    ) -> None:
        from raci.render.change.picture import render_picture
        from raci.render.engine import GraphvizWarning

        change = raci.diff(raci.load(odd[0]), raci.load(odd[1]))
        with warnings.catch_warnings():
            warnings.simplefilter("error", GraphvizWarning)
            render_picture(change, tmp_path / f"x.{suffix}")


class TestSmallText:
    def test_the_warning_is_one_line_and_the_picture_is_written(self, tmp_path: Path) -> None:
        many = [f"  - {{id: o{i}, parent: top, name: Old unit number {i}}}" for i in range(300)]
        old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
        old.write_text("units:\n  - {id: top}\n" + "\n".join(many) + "\n", encoding="utf-8")
        ids = ", ".join(f"o{i}" for i in range(300))
        new.write_text(
            f"units:\n  - {{id: top}}\n  - {{id: one, parent: top, formerly: [{ids}]}}\n",
            encoding="utf-8",
        )
        out = tmp_path / "c.pdf"
        code, _, err = run("diff", str(old), str(new), "-o", str(out), "--paper", "A5")
        assert code == 0, err
        lines = err.splitlines()
        assert lines[0].startswith("warning: on A5 paper the picture is scaled to ")
        assert "(under 6 pt); choose a larger --paper" in lines[0]
        assert lines[1:] == [f"wrote {out}"]
