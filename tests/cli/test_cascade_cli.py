"""`raci cascade` from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from helpers import EXAMPLES
from raci.cli import cli
from raci.render.paper import PAPERS

UN_HABITAT = str(EXAMPLES / "un-habitat-2020" / "org.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


class TestCascade:
    def test_every_post_as_markdown(self) -> None:
        code, out, err = run("cascade", UN_HABITAT)
        assert code == 0, err
        assert out.startswith("# Responsibility sheets: UN-Habitat\n")
        assert out.count("\n## ") == 20

    def test_one_post_by_name_any_case(self) -> None:
        code, out, _ = run("cascade", UN_HABITAT, "--post", "GENDER FOCAL POINT")
        assert code == 0
        assert out.count("\n## ") == 1
        assert "## Gender focal point (gender-fp)" in out
        assert "| Human Rights and Social Inclusion Unit |" in out

    def test_the_posts_of_a_unit_and_the_units_below_it(self) -> None:
        code, out, err = run("cascade", UN_HABITAT, "--unit", "gsd", "--post", "ed")
        assert code == 0, err
        # The post named, then the posts of gsd, upb and the units below them, in chart order.
        assert re.findall(r"^## .* \((.+)\)$", out, re.MULTILINE) == [
            "ed",
            "dir-gsd",
            "dd-gsd",
            "chief-upb",
            "safer-cities-fp",
            "urban-safety-officer",
            "gender-fp",
            "head-plgs",
            "url-fp",
        ]

    def test_unknown_unit_exits_2_with_did_you_mean(self) -> None:
        code, out, err = run("cascade", UN_HABITAT, "--unit", "gsx")
        assert code == 2
        assert out == ""
        assert "Invalid value for '--unit': no unit has the id or name 'gsx'" in err

    def test_vacant_post(self) -> None:
        code, out, _ = run("cascade", UN_HABITAT, "--post", "dir-rpd")
        assert code == 0
        assert "- **Holder:** vacant\n" in out

    def test_unknown_post_exits_2_with_did_you_mean(self) -> None:
        code, out, err = run("cascade", UN_HABITAT, "--post", "gender-fq")
        assert code == 2
        assert out == ""
        assert "no post `gender-fq`; did you mean `gender-fp`?" in err
        assert "Traceback" not in err

    def test_external_party_is_not_a_post(self) -> None:
        code, _, err = run("cascade", UN_HABITAT, "--post", "board")
        assert code == 2
        assert "`board` is an external party, not a post" in err

    def test_files(self, tmp_path: Path) -> None:
        for suffix in (".md", ".html", ".csv", ".xlsx", ".pdf"):
            out = tmp_path / f"sheets{suffix}"
            code, stdout, err = run("cascade", UN_HABITAT, "--post", "cb-fp", "-o", str(out))
            assert code == 0, err
            assert stdout == ""
            assert err == f"wrote {out}\n"
            assert out.stat().st_size > 0

    def test_chinese(self) -> None:
        code, out, _ = run("cascade", UN_HABITAT, "--post", "gender-fp", "--lang", "zh")
        assert code == 0
        assert "## 性别平等协调人（gender-fp）" in out
        assert "角色：R 负责、A 批准、C 咨询、I 知会\n" in out
        assert "- **任职者：** 未指定\n" in out
        assert "### 直接承担" in out

    def test_bad_suffix(self, tmp_path: Path) -> None:
        code, _, err = run("cascade", UN_HABITAT, "-o", str(tmp_path / "x.svg"))
        assert code == 2
        assert "cannot write cascade sheets as '.svg'" in err

    def test_unreadable_input(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("version: 1\nunits: [\n", encoding="utf-8")
        code, _, err = run("cascade", str(bad))
        assert code == 2
        assert f"{bad}:" in err
        assert "Traceback" not in err

    def test_never_over_the_input(self, tmp_path: Path) -> None:
        src = tmp_path / "org.md"
        src.write_text(Path(UN_HABITAT).read_text(encoding="utf-8"), encoding="utf-8")
        model = tmp_path / "org.yaml"
        model.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        code, _, err = run("cascade", str(model), "-o", str(model.with_suffix(".yaml.md")))
        assert code == 0, err

    def test_no_positions_warns(self, tmp_path: Path) -> None:
        org = tmp_path / "org.yaml"
        org.write_text("version: 1\nunits:\n  - id: top\n", encoding="utf-8")
        code, out, err = run("cascade", str(org))
        assert code == 0
        assert "lists no positions" in err
        assert out.startswith("# Responsibility sheets")


def test_chinese_pdf_without_a_cjk_font_warns(tmp_path: Path, monkeypatch) -> None:
    from raci.render import engine

    monkeypatch.setattr(engine, "font_available", lambda script: False)
    out = tmp_path / "zh.pdf"
    code, _, err = run("cascade", UN_HABITAT, "--post", "ed", "--lang", "zh", "-o", str(out))
    assert code == 0
    assert err.startswith("警告：未安装含中文、日文或韩文字符的字体")  # said in the --lang
    assert err.endswith(f"已写入 {out}\n")  # the console speaks the output's language


class TestPdfLabels:
    """The PDF draws names as written: ``\\N`` stays (Graphviz would put the node's name
    there), control characters go, and a name with nothing left to show gives its id."""

    MODEL = """\
version: 1
units:
  - {id: top, name: "Budget \\\\N plan unit", head: boss}
  - {id: ctl, name: "\\x01\\x02", parent: top}
groups:
  - {id: g1, name: "\\x01"}
positions:
  - {id: boss, title: "Chief \\\\G", unit: top}
  - {id: p2, title: "\\x01\\x02", unit: ctl}
deliverables:
  - {id: bud, name: "Budget \\\\N plan", group: g1, raci: {A: boss, R: [ctl]}}
  - {id: tidy, name: "Tidy \\x01up", raci: {A: boss, R: [p2]}}
"""

    def pages(self, tmp_path: Path, text: str = MODEL) -> list[str]:
        from pypdf import PdfReader

        model, out = tmp_path / "org.yaml", tmp_path / "sheets.pdf"
        model.write_text(text, encoding="utf-8")
        code, _, err = run("cascade", str(model), "-o", str(out))
        assert code == 0, err
        assert err == f"wrote {out}\n"
        return [page.extract_text() for page in PdfReader(out).pages]

    def test_backslash_sequences_are_drawn_as_written(self, tmp_path: Path) -> None:
        named = self.MODEL.replace('"\\x01\\x02"', "Clerks").replace('"\\x01"', "Money")
        boss, clerk = self.pages(tmp_path, named)
        assert "Budget \\N plan R Clerks" in clerk.splitlines()
        assert "Budget \\N plan A" in boss.splitlines()
        assert "Chief \\G" in boss.splitlines()
        assert "Unit Budget \\N plan unit" in boss.splitlines()
        assert "book" not in boss  # the graph's name, which \\G would give

    def test_control_characters_are_dropped(self, tmp_path: Path) -> None:
        boss, _ = self.pages(tmp_path)
        assert "Tidy up A" in boss.splitlines()

    def test_names_with_nothing_to_show_give_their_ids(self, tmp_path: Path) -> None:
        _, post = self.pages(tmp_path)
        lines = post.splitlines()
        assert lines[:2] == ["Responsibility sheets", "p2"]  # the running header, the title
        assert "g1" in lines  # the group's heading
        assert "Budget \\N plan R ctl" in lines  # through the unit named by its id


class TestPaper:
    @pytest.mark.parametrize(
        ("args", "size"),
        [
            ([], ("A4", False)),
            (["--paper", "a3", "--landscape"], ("A3", True)),
            (["--paper", "Letter"], ("Letter", False)),
            (["--landscape"], ("A4", True)),
        ],
    )
    def test_pdf_pages_are_the_paper_to_the_point(
        self, tmp_path: Path, args: list[str], size: tuple[str, bool]
    ) -> None:
        out = tmp_path / "sheets.pdf"
        code, _, err = run("cascade", UN_HABITAT, "--post", "ed,cb-fp", "-o", str(out), *args)
        assert code == 0, err
        width, height = PAPERS[size[0]].points(landscape=size[1])
        pages = PdfReader(out).pages
        assert len(pages) >= 2
        for page in pages:
            assert float(page.mediabox.width) == pytest.approx(width, abs=0.01)
            assert float(page.mediabox.height) == pytest.approx(height, abs=0.01)

    @pytest.mark.parametrize("output", [None, "sheets.html"])
    def test_paper_is_for_pdf(self, tmp_path: Path, output: str | None) -> None:
        where = ["-o", str(tmp_path / output)] if output else []
        code, out, err = run("cascade", UN_HABITAT, "--paper", "A3", *where)
        assert code == 2
        assert (
            err == "error: --paper, --landscape and --portrait are for PDF output (-o FILE.pdf)\n"
        )
        assert out == ""

    def test_unknown_paper(self, tmp_path: Path) -> None:
        code, _, err = run("cascade", UN_HABITAT, "-o", str(tmp_path / "s.pdf"), "--paper", "A9")
        assert code == 2
        assert "Invalid value for '--paper': unknown paper size 'A9'; use one of A0," in err
